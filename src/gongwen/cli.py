"""The command line: a thin layer over :func:`gongwen.parse`."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from importlib import resources

from gongwen.errors import GongwenError
from gongwen.parser import parse


def _read(path: str) -> str:
    if path == "-":
        return sys.stdin.read()
    with open(path, encoding="utf-8") as handle:
        return handle.read()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="gongwen", description="Turn Chinese government reports into data.")
    sub = parser.add_subparsers(dest="command", required=True)
    p_parse = sub.add_parser("parse", help="parse one report")
    p_parse.add_argument("file", nargs="?", help="a UTF-8 text file, or - for standard input")
    p_parse.add_argument("--json", action="store_true", help="print the Report as JSON")
    p_parse.add_argument("--sample", action="store_true", help="parse the report bundled with gongwen")
    args = parser.parse_args(argv)
    try:
        if args.sample:
            text = resources.files("gongwen").joinpath("data").joinpath("sample_report.txt").read_text("utf-8")
        elif args.file:
            text = _read(args.file)
        else:
            parser.error("give a FILE, - for standard input, or --sample")
        report = parse(text)
    except (OSError, GongwenError) as exc:
        print(f"gongwen: {exc}", file=sys.stderr)
        return 1
    if args.json:
        json.dump(report.to_dict(), sys.stdout, ensure_ascii=False, indent=1)
        print()
    else:
        for heading in report.headings:
            print("  " * (heading.level - 1) + heading.marker + heading.title)
    return 0
