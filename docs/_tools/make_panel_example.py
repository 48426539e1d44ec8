"""Write the example reports of docs/panel.md and draw its plot.

    .venv/bin/python docs/_tools/make_panel_example.py

Writes three short 政府工作报告 of invented provinces to ``docs/_tools/panel_reports/`` (review part,
targets part, the text is written for the docs, no real report's), builds their panel with
``gongwen.panel`` and draws last year's GDP growth against this year's target to ``docs/img/panel.png``
(matplotlib, needed only here).
"""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

import gongwen  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
FOLDER = ROOT / "docs" / "_tools" / "panel_reports"
PLOT = ROOT / "docs" / "img" / "panel.png"

TEMPLATE = """\
2026年{region}政府工作报告
——2026年1月{day}日在{region}第十四届人民代表大会第四次会议上
各位代表：
　　现在，我代表省人民政府，向大会报告工作，请予审议。
一、2025年工作回顾
　　2025年，全省上下攻坚克难，经济运行稳中有进。预计全省地区生产总值达到{gdp}万亿元、增长{growth}%；\
一般公共预算收入增长{revenue}%；城镇新增就业{jobs}万人，城镇调查失业率平均为{unemployment}%；\
居民消费价格{cpi_word}{cpi}%。
二、2026年经济社会发展主要预期目标
　　今年经济社会发展的主要预期目标是：地区生产总值增长{target}左右；一般公共预算收入增长{revenue_target}%；\
城镇新增就业{jobs_target}万人以上，城镇调查失业率5.5%左右；居民消费价格涨幅2%左右。
"""

PROVINCES = [
    dict(file="qingchuan.txt", region="青川省", day=18, gdp="3.2", growth="5.3", revenue="2.8", jobs="58.6",
         unemployment="5.1", cpi_word="下降", cpi="0.2", target="5%", revenue_target="3", jobs_target="55"),
    dict(file="baishui.txt", region="白水省", day=21, gdp="1.8", growth="6.1", revenue="4.5", jobs="31.2",
         unemployment="5.0", cpi_word="上涨", cpi="0.3", target="5.5%", revenue_target="4", jobs_target="30"),
    dict(file="yunling.txt", region="云岭省", day=25, gdp="0.9", growth="4.6", revenue="1.2", jobs="18.4",
         unemployment="5.3", cpi_word="上涨", cpi="0.1", target="5%", revenue_target="2", jobs_target="18"),
]  # fmt: skip


def write_reports() -> None:
    FOLDER.mkdir(parents=True, exist_ok=True)
    for province in PROVINCES:
        fields = {k: v for k, v in province.items() if k != "file"}
        (FOLDER / str(province["file"])).write_text(TEMPLATE.format(**fields), encoding="utf-8")


def draw() -> None:
    table = gongwen.panel(FOLDER, indicators="gdp_growth")
    table["value"] = table["value"].astype(float)
    table["report"] = table["file"].map(lambda path: Path(path).stem)  # the file names: no CJK font needed
    wide = table.pivot_table(index="report", columns=["period", "status"], values="value")
    x = range(len(wide.index))
    fig, ax = plt.subplots(figsize=(6, 3.2), dpi=120)
    ax.bar([i - 0.2 for i in x], wide[("2025", "actual")], width=0.4, label="2025 actual")
    ax.bar([i + 0.2 for i in x], wide[("2026", "target")], width=0.4, label="2026 target")
    ax.set_xticks(list(x), list(wide.index))
    ax.set_ylabel("GDP growth, %")
    ax.set_title("gdp_growth: last year's actual and this year's target")
    ax.legend(frameon=False)
    fig.tight_layout()
    PLOT.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(PLOT)


if __name__ == "__main__":
    write_reports()
    draw()
