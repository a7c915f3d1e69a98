"""Charts across a corpus (attention over time, outlet x category heatmaps, ...): the place for them.

They will be built on the measures of :mod:`mediakit.measures` and follow the conventions of
:mod:`mediakit.charts.article`: take the measure's tidy table (or the analyses), return an altair
chart whose ``.data`` is the table drawn, accept ``colours=`` (a :class:`~mediakit.charts.ColourScale`,
one per corpus, so that an actor or a category keeps its colour in every chart), use
:func:`~mediakit.charts.count_axis` / :func:`~mediakit.charts.percent_axis`, and put the source line
(:func:`~mediakit.charts.source_line`) under the title. Nothing is defined here yet.
"""

from __future__ import annotations

__all__: list[str] = []
