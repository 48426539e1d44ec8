"""Shared fixtures.

gongwen keeps three module-level registries (extractors, extra units, heading styles). A test that
registers something must leave them as it found them, or later tests see its extractor, unit or style.
Use the ``registries`` fixture in such tests (``pytestmark = pytest.mark.usefixtures("registries")``).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from gongwen import extractors, headings, units


@pytest.fixture
def registries() -> Iterator[None]:
    """Snapshot the extractor, unit and heading-style registries and restore them after the test."""
    saved_extractors = dict(extractors._registry)
    saved_units = list(units._extra)
    saved_headings = list(headings._registered)
    try:
        yield
    finally:
        extractors._registry.clear()
        extractors._registry.update(saved_extractors)
        units._extra[:] = saved_units
        units.units.cache_clear()
        units.classifier_initials.cache_clear()
        headings._registered[:] = saved_headings
        headings.heading_rules.cache_clear()
