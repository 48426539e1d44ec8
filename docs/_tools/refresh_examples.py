"""Run the examples of the docs pages and paste their real output.

    .venv/bin/python docs/_tools/refresh_examples.py docs/*.md            # rewrite the outputs
    .venv/bin/python docs/_tools/refresh_examples.py --check docs/*.md    # only report what changed

Every ```python block of a page runs, in order, in one namespace per page (as ``__main__``, so that
``if __name__ == "__main__":`` blocks run too), from the repository root; its standard output replaces
the ```text block right after it (if there is one). A page whose blocks are written as a Python session
(``>>>``, such as README.md) is run by doctest instead. Exits 1 when a block raises, or with --check
when an output differs from the page. ``tests/test_docs.py`` runs the --check.
"""

from __future__ import annotations

import contextlib
import io
import re
import sys
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BLOCK = re.compile(r"^```python\n(.*?)^```\n(?:[ \t]*\n)*(?:(```text\n)(.*?)^```\n)?", re.S | re.M)


def refresh(page: Path, *, check: bool) -> bool:
    """Run one page's examples; return whether everything ran and (with ``check``) nothing changed."""
    source = page.read_text(encoding="utf-8")
    namespace: dict[str, object] = {"__name__": "__main__"}
    parts, position, ok = [], 0, True
    for match in BLOCK.finditer(source):
        line = source.count("\n", 0, match.start()) + 1
        output = io.StringIO()
        try:
            with contextlib.redirect_stdout(output):
                exec(compile(match.group(1), f"{page}:{line}", "exec"), namespace)
        except Exception:
            ok = False
            print(f"{page}:{line}: the example raised", file=sys.stderr)
            traceback.print_exc()
        if match.group(2) is None:
            continue
        if match.group(3) != output.getvalue():
            print(f"{page}:{line}: output changed", file=sys.stderr)
            ok = ok and not check
        parts.append(source[position : match.start(2)] + "```text\n" + output.getvalue() + "```\n")
        position = match.end()
    parts.append(source[position:])
    if not check:
        page.write_text("".join(parts), encoding="utf-8")
    return ok


def main() -> int:
    check = "--check" in sys.argv
    pages = [Path(arg).resolve() for arg in sys.argv[1:] if arg != "--check"]
    import jieba  # quiet: no "Building prefix dict" on standard error

    jieba.setLogLevel(60)
    with contextlib.chdir(ROOT):
        results = [refresh(page, check=check) for page in pages]
    return 0 if all(results) else 1


if __name__ == "__main__":
    raise SystemExit(main())
