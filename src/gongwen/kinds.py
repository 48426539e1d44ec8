"""The kinds of things gongwen names: heading styles, page-noise kinds, metric kinds, qualifiers, statuses
and directions of change, as string enums.

Each member is a ``str`` (``MetricKind.MONEY == "money"``), so a result's field compares equal to, and is
written to JSON and tables as, its plain value. User-registered styles, noise patterns and extractors may
use names of their own (any string). :mod:`gongwen.model` re-exports every one of them.
"""

from __future__ import annotations

from enum import StrEnum

__all__ = ["Direction", "HeadingStyle", "MetricKind", "NoiseKind", "Qualifier", "Status"]


class HeadingStyle(StrEnum):
    """The built-in heading styles (GUIDELINES §3). User-registered styles use their own names."""

    PART = "part"  # 第一部分 第二章 第三节
    CN_DUN = "cn_dun"  # 一、
    CN_PAREN = "cn_paren"  # (一)
    ARABIC_DUN = "arabic_dun"  # 1、
    ARABIC_DOT = "arabic_dot"  # 1.
    ARABIC_PAREN = "arabic_paren"  # (1) ⑵
    CIRCLED = "circled"  # ①
    CN_SHI = "cn_shi"  # 一是
    DI_CN = "di_cn"  # 第一、
    LABEL = "label"  # 存在问题:


class NoiseKind(StrEnum):
    """The kinds of page furniture the shipped rules report (GUIDELINES §2). Patterns a user adds name
    kinds of their own (any string)."""

    UPLOAD = "upload"  # - 上传日期:2023-01-12 07:32:14 |
    SIZE = "size"  # - 37.5 KB
    PAGES = "pages"  # - 8页
    UPLOADER = "uploader"  # - ZTFB |
    FOLLOWERS = "followers"  # 59位用户关注
    DISCLAIMER = "disclaimer"  # 申明敬告:…, 免责声明:…, 原文链接:…
    INTRO = "intro"  # 文档介绍, 资源描述
    MORE = "more"  # 查看更多, 已阅读5页,还剩27页未读
    TRUNCATED = "truncated"  # 因篇幅问题不能全部显示…
    PAGE_NUMBER = "page_number"  # — 3 —, 第5页 共20页
    RELATED = "related"  # 您可能关注的文档, 相关报道: and their link lists, 上一篇/下一篇
    WATERMARK = "watermark"  # 文 章超 市 inside a line
    BREADCRUMB = "breadcrumb"  # 您的位置:首页 > 要闻, 首页, >, >>
    TOOLBAR = "toolbar"  # 下载, 打印, 【字号: 大 中 小】 (also split over lines), 分享到
    META = "meta"  # 来源:某某日报, 发布时间:…, 阅读量:, 责任编辑:…, 索引号 | …
    DATETIME = "datetime"  # 2025-02-03 09:02:33, 2025年1月20日 星期一
    CAPTION = "caption"  # ……本报记者 某某 摄
    NOTICE = "notice"  # a sharing site's numbered notices to downloaders, 温馨提示
    FOOTER = "footer"  # the site's own lines: 欢迎访问某某网!, 版权所有:…, ICP备…
    SHORT_LINES = "short_lines"  # a run of one- to four-character lines before the report starts


class MetricKind(StrEnum):
    """What a metric measures. Custom extractors may use kinds of their own (any string)."""

    MONEY = "money"
    PERCENT = "percent"
    RATIO = "ratio"
    COUNT = "count"
    AREA = "area"
    LENGTH = "length"
    MASS = "mass"
    VOLUME = "volume"
    DURATION = "duration"
    AGE = "age"
    SCORE = "score"
    POWER = "power"
    ENERGY = "energy"
    COMPUTING = "computing"
    RATE = "rate"
    OTHER = "other"


class Qualifier(StrEnum):
    """How exact a stated quantity is: 约3000人 is ``APPROX``, 93万余元 ``MORE_THAN``, 近60万元 ``LESS_THAN``."""

    EXACT = "exact"
    APPROX = "approx"
    AT_LEAST = "at_least"
    MORE_THAN = "more_than"
    AT_MOST = "at_most"
    LESS_THAN = "less_than"


class Status(StrEnum):
    """Whether a figure is what a plan aims at (``TARGET``) or what a review reports (``ACTUAL``)."""

    TARGET = "target"
    ACTUAL = "actual"


class Direction(StrEnum):
    """The direction of a stated change (增长7.4% is ``UP``, 下降3% is ``DOWN``)."""

    UP = "up"
    DOWN = "down"
