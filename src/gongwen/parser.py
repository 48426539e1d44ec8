"""The entry point: :func:`parse` turns one text into a :class:`~gongwen.model.Report`."""

from __future__ import annotations

from gongwen.errors import require_text
from gongwen.model import Report
from gongwen.noise import find_noise
from gongwen.outline import build_outline, find_candidates, split_documents

__all__ = ["parse"]


def parse(text: str) -> Report:
    """Parse a report (or a scraped page of several): documents, noise, outline and metrics.

    Offsets in the result index ``text`` exactly as passed in.
    """
    text = require_text(text)
    noise = find_noise(text)
    candidates = find_candidates(text, noise=noise)
    documents = split_documents(text, noise=noise, candidates=candidates)
    outline = build_outline(text, documents, candidates)
    return Report(text=text, documents=outline.documents, noise=noise, headings=outline.headings)
