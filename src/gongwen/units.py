"""The units and classifiers of government reports, as data.

Each :class:`Unit` says how a unit is written (in the normalised, simplified spelling), its canonical
name, the kind of quantity it measures and a factor to the base unit (三成 → 30 %). The metric extractor
matches the longest unit after a number, so 平方公里 wins over 公里 and 人次 over 人.

Add your own with :func:`register_unit` (``register_unit(Unit("床", "床", "count"))``) or pass a table to
:class:`gongwen.metrics.MetricExtractor`.
"""

from __future__ import annotations

from decimal import Decimal
from functools import cache

import attrs

from gongwen.model import MetricKind

__all__ = ["DEFAULT_UNITS", "Unit", "classifier_initials", "register_unit", "units"]


@attrs.frozen
class Unit:
    """One way of writing a unit: ``Unit("平方公里", "平方公里", "area")``, ``Unit("km", "公里", "length")``."""

    surface: str
    unit: str
    kind: str
    factor: Decimal = attrs.field(default=Decimal(1), converter=Decimal)
    #: Whether a magnitude word may come between number and unit (55.57万元, 1.08万册).
    takes_magnitude: bool = True


def _table(kind: str, names: str, **options: object) -> tuple[Unit, ...]:
    out = []
    for name in names.split():
        surface, _, canonical = name.partition("=")
        out.append(Unit(surface, canonical or surface, kind, **options))  # type: ignore[arg-type]
    return tuple(out)


_M, _P, _R, _C = MetricKind.MONEY, MetricKind.PERCENT, MetricKind.RATIO, MetricKind.COUNT

DEFAULT_UNITS: tuple[Unit, ...] = (
    *_table(_M, "元 块钱=元 圆=元 美元 日元 欧元 英镑 港元 港币 澳元 卢布 韩元"),
    *_table(_P, "% ‰ 个百分点 百分点=个百分点 个千分点 千分点=个千分点"),
    Unit("成", "%", _P, Decimal(10), takes_magnitude=False),
    *_table(_R, "倍"),
    *_table(
        _C,
        "人次 场次 架次 户次 人 名 位 所 个 台 户 册 间 期 篇 次 项 场 家 件 套 辆 条 支 节 字 处 座 本 张 批 "
        "对 组 种 类 校 班 枚 份 幢 栋 起 部 首 幅 棵 株 头 匹 艘 块 片 盏 宗 例 封 卷 门 堂 "
        "项次 辆次 批次 班次 车次 件次 台次 课次 个次 只 把 轮",
    ),
    *_table(
        MetricKind.AREA,
        "平方公里 平方千米=平方公里 平方米 平米=平方米 ㎡=平方米 m²=平方米 m2=平方米 亩 公顷 hm²=公顷 km²=平方公里",
    ),
    *_table(MetricKind.LENGTH, "公里 千米=公里 km=公里 米 厘米 毫米 延米"),
    *_table(MetricKind.MASS, "吨标准煤 吨 公斤 千克=公斤 kg=公斤 克 斤"),
    *_table(MetricKind.VOLUME, "立方米 m³=立方米 升 毫升"),
    *_table(MetricKind.DURATION, "个月 小时 分钟 学时 天 日 年 周"),
    *_table(MetricKind.AGE, "周岁 岁"),
    *_table(MetricKind.SCORE, "分"),
    # power and energy: 万千瓦 and 亿千瓦时 are 千瓦 and 千瓦时 with a magnitude; 度电 is a kilowatt-hour, and so
    # is a bare 度 where the clause speaks of electricity (exclusion degree_not_energy)
    *_table(
        MetricKind.POWER, "千瓦 兆瓦 吉瓦 千伏安 兆伏安 kW=千瓦 KW=千瓦 kw=千瓦 MW=兆瓦 GW=吉瓦 kVA=千伏安 MVA=兆伏安"
    ),
    *_table(
        MetricKind.ENERGY,
        "千瓦时 千瓦·时=千瓦时 兆瓦时 吉瓦时 太瓦时 度电=千瓦时 度=千瓦时 kWh=千瓦时 KWh=千瓦时 kwh=千瓦时 kW·h=千瓦时 "
        "KW·h=千瓦时 MWh=兆瓦时 MW·h=兆瓦时 GWh=吉瓦时 GW·h=吉瓦时 TWh=太瓦时",
    ),
    # computing power; a bare P counts only where the sentence speaks of 算力 (exclusion not_computing_power)
    *_table(
        MetricKind.COMPUTING,
        "EFLOPS EFlops=EFLOPS Eflops=EFLOPS PFLOPS PFlops=PFLOPS Pflops=PFLOPS TFLOPS TFlops=TFLOPS "
        "Tflops=TFLOPS P=PFLOPS",
    ),
    # a quantity per unit of time: capacities and flows (30万吨/年, 5立方米/秒)
    *_table(
        MetricKind.RATE,
        "吨/年 吨/日 吨/天 吨/小时 立方米/秒 立方米/日 立方米/天 立方米/小时 标箱/年 辆/小时 公里/小时 "
        "千米/小时=公里/小时 km/h=公里/小时 t/a=吨/年 t/d=吨/日 m³/s=立方米/秒 m³/d=立方米/日",
    ),
    *_table(MetricKind.OTHER, "标箱 ℃ 摄氏度=℃ 人公里 吨公里 微克/立方米 毫克/立方米 毫克/升"),
)

_extra: list[Unit] = []


def register_unit(unit: Unit) -> None:
    """Add a unit to the table every extractor uses from now on (a later registration wins a tie)."""
    _extra.append(unit)
    units.cache_clear()
    classifier_initials.cache_clear()


@cache
def units() -> tuple[Unit, ...]:
    """The unit table in force: the defaults plus everything registered."""
    return DEFAULT_UNITS + tuple(_extra)


@cache
def classifier_initials() -> frozenset[str]:
    """The first characters of every unit: a Chinese numeral followed by one of these may be a quantity."""
    return frozenset(u.surface[0] for u in units()) | frozenset("万亿")
