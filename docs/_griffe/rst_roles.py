"""A griffe extension for the API pages: Sphinx roles in gongwen's docstrings become cross-references.

gongwen's docstrings use reStructuredText roles (:func:`to_number`, :class:`~gongwen.model.Span`,
:meth:`Report.to_dict() <gongwen.model.Report.to_dict>`). This rewrites each into an optional
mkdocs-autorefs link: a link where the target is documented on the site, plain code where it is not (so
``mkdocs build --strict`` never fails on one). A bare name is looked up in
the docstring's own module first (:func:`to_number` in gongwen.numerals is gongwen.numerals.to_number).
The reST ``::`` that introduces a code block becomes a plain colon, and doctests become console blocks.
"""

from __future__ import annotations

import re
from typing import Any

import griffe

_ROLE = re.compile(
    r":(?:py:)?(?:func|class|meth|attr|mod|exc|data|obj|const):"
    r"`(?P<tilde>~?)(?:(?P<title>[^`<]+?)\s*<(?P<named>[\w.]+)>|(?P<target>[\w.]+))`"
)

# "Add a style::" introduces an indented code block in reST; Markdown only needs the indentation.
_LITERAL_BLOCK = re.compile(r"(?<=\S)::(?=\n\s*\n)")

# A doctest: lines from ">>>" up to the next blank line, shown as a Python console block.
_DOCTEST = re.compile(r"^>>> .*(?:\n(?!\s*\n).*)*\n?", re.MULTILINE)


class RstRoles(griffe.Extension):
    def on_object(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        if obj.docstring is None:
            return
        module = obj if obj.is_module else obj.module

        def link(match: re.Match[str]) -> str:
            target = match["target"] or match["named"]
            title = match["title"] or (target.rsplit(".", 1)[-1] if match["tilde"] else target)
            identifier = target
            if not target.startswith("gongwen"):
                local = target.split(".", 1)[0] in module.members  # no alias resolution: plain lookup
                identifier = f"{module.path}.{target}" if local else f"gongwen.{target}"
            return f'<autoref identifier="{identifier}" optional><code>{title}</code></autoref>'

        text = _LITERAL_BLOCK.sub(":", _ROLE.sub(link, obj.docstring.value))
        obj.docstring.value = _DOCTEST.sub(lambda m: f"```pycon\n{m.group().rstrip()}\n```\n", text)
