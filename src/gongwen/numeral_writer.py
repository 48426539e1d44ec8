"""Writing numbers in Chinese numerals: :func:`to_chinese` (555700 → 五十五万五千七百, ``style="upper"``
for 大写, ``style="rmb"`` for amounts of money), the inverse of :func:`gongwen.numerals.to_number`.

Both give and take exact :class:`~decimal.Decimal` values in their canonical form (no trailing zeros, no
exponent), written here. :mod:`gongwen.numerals` re-exports :func:`to_chinese`.
"""

from __future__ import annotations

from decimal import Context, Decimal, localcontext
from typing import Literal

from gongwen.errors import InputTypeError, NotANumeralError

__all__ = ["to_chinese"]


def _canonical(value: Decimal) -> Decimal:
    """``value`` without trailing zeros or an exponent: 555700.00 → 555700, 0.50 → 0.5."""
    with localcontext(_wide(value)):
        if value == value.to_integral_value():
            return value.quantize(Decimal(1))
        return value.normalize()


def _wide(value: Decimal, digits: int = 0) -> Context:
    """A decimal context precise enough that nothing is rounded: ``value`` and ``digits`` more digits.

    The default context keeps 28 digits, so 一万亿亿亿 or a 30-digit code would be rounded (or raise
    ``InvalidOperation`` when quantized).
    """
    exponent = value.as_tuple().exponent
    scale = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    return Context(prec=max(28, value.adjusted() + 1 + scale + digits + 2))


_MAX_DIGITS = 400  # to_chinese refuses numbers of more digits than this (10**400 is 一亿亿…亿)
_UPPER = str.maketrans("一二三四五六七八九十百千", "壹贰叁肆伍陆柒捌玖拾佰仟")
_LOWER_DIGITS = "零一二三四五六七八九"


def _four_digits(group: int) -> str:
    """0 < group < 10000 in Chinese, with 零 for inner zeros (1010 → 一千零一十)."""
    out: list[str] = []
    zero = False
    for power, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = group // power % 10
        if digit == 0:
            zero = bool(out)
            continue
        if zero:
            out.append("零")
            zero = False
        out.append(_LOWER_DIGITS[digit] + unit)
    return "".join(out)


def _join(head: str, head_value: int, tail: int, tail_width: int) -> str:
    """``head`` then ``tail``, with 零 where a zero digit lies between them (101000 → 十万零一千)."""
    if tail == 0:
        return head
    zero = head_value % 10 == 0 or tail < 10 ** (tail_width - 1)
    return head + ("零" if zero else "") + _integer_to_chinese(tail, top=False)


def _integer_to_chinese(n: int, *, top: bool = True) -> str:
    if n < 10**4:
        text = _four_digits(n) if n else "零"
    elif n < 10**8:
        high, low = divmod(n, 10**4)
        text = _join(_four_digits(high) + "万", high, low, 4)
    else:
        high, low = divmod(n, 10**8)
        text = _join(_integer_to_chinese(high, top=False) + "亿", high, low, 8)
    return text[1:] if top and text.startswith("一十") else text


def to_chinese(number: int | Decimal | str, *, style: Literal["lower", "upper", "rmb"] = "lower") -> str:
    """Write a number in Chinese numerals: 555700 → 五十五万五千七百, 101000 → 十万零一千, 3.14 → 三点一四.

    ``style="upper"`` gives the capital (大写) numerals (壹拾万零壹仟); ``style="rmb"`` writes an amount of
    money the way cheques and invoices do (555700.25 → 伍拾伍万伍仟柒佰元贰角伍分), through cn2an, which is
    given the exact decimal string, never a float.
    """
    if isinstance(number, bool) or not isinstance(number, (int, Decimal, str)):
        raise InputTypeError(f"to_chinese takes an int, Decimal or str, got {type(number).__name__}")
    try:
        value = Decimal(number)
    except ArithmeticError as exc:
        raise NotANumeralError(f"{number!r} is not a number") from exc
    if not value.is_finite():
        raise NotANumeralError(f"{number!r} is not a finite number")
    if style not in ("lower", "upper", "rmb"):
        raise NotANumeralError(f"style must be 'lower', 'upper' or 'rmb', got {style!r}")
    if style == "rmb":
        return _rmb(value)
    if value and value.adjusted() >= _MAX_DIGITS:
        raise NotANumeralError(f"{number!r} is too large to write in Chinese numerals")
    sign = "负" if value < 0 else ""
    digits = format(_canonical(value.copy_abs()), "f")
    whole, _, fraction = digits.partition(".")
    text = _integer_to_chinese(int(whole))
    if style == "upper" and text.startswith("十"):
        text = "一" + text
    if fraction:
        text += "点" + "".join(_LOWER_DIGITS[int(d)] for d in fraction)
    if style == "upper":
        text = text.translate(_UPPER)
    return sign + text


def _rmb(value: Decimal) -> str:
    if value < 0 or value != value.quantize(Decimal("0.01")):
        raise NotANumeralError(f"an RMB amount must be >= 0 with at most two decimals (元角分), got {value}")
    import cn2an

    try:
        return str(cn2an.an2cn(format(_canonical(value), "f"), "rmb"))
    except (ValueError, KeyError) as exc:
        raise NotANumeralError(f"cannot write {value} as an RMB amount: {exc}") from exc
