"""``python -m gongwen``: the command line (see :mod:`gongwen.cli`)."""

from gongwen.cli import main

raise SystemExit(main())
