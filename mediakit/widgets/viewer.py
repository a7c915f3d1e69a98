"""``ArticleViewer``: an article with its quotes coloured by speaker and its actor mentions underlined.

Clicking a quote shows, in a side panel, who said it and why mediakit thinks so: the attribution rule in
words (``rule``) and its id (``rule_id``, listed in ``docs/rules.md``). Colours come from a
:class:`mediakit.charts.ColourScale`, so a speaker has the same colour here as in the charts.
"""

from __future__ import annotations

from typing import Any

import traitlets

from ..analysis import Analysis
from ..charts.theme import NO_SPEAKER, ColourScale
from ..errors import MediakitError
from ..model import Article
from .base import MediakitWidget, esm, shared_css
from .text import colour, escape, pieces, reading_blocks

__all__ = ["ArticleViewer", "viewer_data", "viewer_html"]


def viewer_data(analysis: Analysis, colours: ColourScale | None = None) -> dict[str, Any]:
    """What the viewer draws, as JSON-ready data (text only as data, never as HTML).

    ``quotes`` (in text order) and ``mentions`` list what can be marked, with their colours; ``blocks``
    are the reading blocks, each a list of pieces (:func:`mediakit.widgets.text.pieces`) whose ``q`` and
    ``m`` index those lists; ``legend`` lists the speakers, most quoted first.

    >>> import mediakit
    >>> an = mediakit.analyse(text='Ferry fares rise\\n\\n"It is fair," said Ms Lena Ortiz.')
    >>> d = viewer_data(an)
    >>> [(q["speaker"], q["rule_id"], q["colour"]) for q in d["quotes"]]
    [('Lena Ortiz', 'quote-comma-verb-speaker', '#E69F00')]
    >>> [p["t"] for p in d["blocks"][1]["pieces"] if p["q"] is not None]
    ['"It is fair,"']
    """
    if not isinstance(analysis, Analysis):
        raise MediakitError(f"ArticleViewer shows an Analysis (mediakit.analyse(...)), not {type(analysis).__name__}")
    if colours is not None and not isinstance(colours, ColourScale):
        raise MediakitError(f"colours= takes a mediakit.charts.ColourScale, not {type(colours).__name__}")
    colours = colours or ColourScale.from_analyses(analysis)
    art = analysis.article
    src = art.source
    quoted = sorted(analysis.quotes, key=lambda q: (q.quote.start, q.quote.end))
    quotes = []
    for q in quoted:
        who = q.speaker if q.speaker is not None else NO_SPEAKER
        quotes.append({
            "speaker": who, "speaker_type": q.speaker_type, "colour": colour(colours.colour(who)),
            "kind": q.quote.kind, "cue": q.quote.cue, "rule": q.rule, "rule_id": q.quote.rule_id,
            "start": q.quote.start, "end": q.quote.end, "text": src[q.quote.start : q.quote.end],
        })
    mentions = []
    for a in analysis.actors:
        for m in a.mentions:
            if m.start is not None and m.end is not None and m.start < m.end:
                mentions.append({"actor": a.name, "type": a.type, "colour": colour(colours.colour(a.name)),
                                 "start": m.start, "end": m.end, "rule": m.rule})
    mentions.sort(key=lambda m: (m["start"], m["end"]))
    layers = {"q": [(q["start"], q["end"]) for q in quotes], "m": [(m["start"], m["end"]) for m in mentions]}
    blocks = [{"label": label, "start": s, "end": e, "pieces": pieces(src, s, e, layers)}
              for label, s, e in reading_blocks(art)]
    counts: dict[str, int] = {}
    for q in quotes:
        counts[q["speaker"]] = counts.get(q["speaker"], 0) + 1
    legend = [{"name": n, "colour": colour(colours.colour(n)), "quotes": counts[n]}
              for n in sorted(counts, key=lambda n: (-counts[n], n))]
    has_title = any(b["label"] == "title" for b in blocks)
    return {"doc": analysis.doc, "title": None if has_title else art.title, "blocks": blocks, "quotes": quotes,
            "mentions": mentions, "legend": legend}


def viewer_html(data: dict[str, Any]) -> str:
    """The static view of :func:`viewer_data`: every piece escaped, each quote's speaker and rule on hover."""
    quotes, mentions = data["quotes"], data["mentions"]
    out = ['<div class="mediakit-viewer-static" style="font-family:Georgia,serif;font-size:14px;line-height:1.55;'
           'max-width:48em">']
    legend = " ".join(
        f'<span style="background:{colour(e["colour"])}40;border-bottom:2px solid {colour(e["colour"])};padding:0 4px">'
        f'{escape(e["name"])} ({int(e["quotes"])})</span>' for e in data["legend"])
    out.append(f'<div style="font-family:sans-serif;font-size:12px;margin-bottom:.8em">Quotes by speaker: '
               f'{legend or "none found"}</div>')
    if data.get("title"):
        out.append(f"<h3>{escape(data['title'])}</h3>")
    for block in data["blocks"]:
        tag = "h3" if block["label"] == "title" else "p"
        parts = []
        for p in block["pieces"]:
            text = escape(p["t"])
            if p["m"] is not None:
                m = mentions[p["m"]]
                text = (f'<span title="{escape(m["actor"])} ({escape(m["type"])})" style="text-decoration:underline '
                        f'{colour(m["colour"])} 2px">{text}</span>')
            if p["q"] is not None:
                q = quotes[p["q"]]
                hover = f"{q['speaker']} | {q['kind']} | {q['rule']}"
                text = f'<span title="{escape(hover)}" style="background:{colour(q["colour"])}40">{text}</span>'
            parts.append(text)
        out.append(f"<{tag} style='margin:0 0 .7em 0'>{''.join(parts)}</{tag}>")
    out.append("</div>")
    return "\n".join(out)


class ArticleViewer(MediakitWidget):
    """An analysed article, quotes coloured by speaker, actor mentions underlined; click a quote for its rule.

    ``analysis`` is a :class:`~mediakit.analysis.Analysis` (an :class:`~mediakit.model.Article` is
    analysed first). ``colours`` is the :class:`~mediakit.charts.ColourScale` of the notebook's charts
    (default: the article's own, :meth:`ColourScale.from_analyses`). ``selected`` is the index of the
    clicked quote (-1 for none), in text order; :attr:`selected_quote` is its row. Without a widget
    manager the output is a static, escaped copy with the rule on hover.

    >>> import mediakit
    >>> viewer = ArticleViewer(mediakit.analyse(text='"It is fair," said Ms Lena Ortiz.'))
    >>> viewer.selected = 0
    >>> viewer.selected_quote["speaker"], viewer.selected_quote["rule_id"]
    ('Lena Ortiz', 'quote-comma-verb-speaker')
    """

    _esm = esm("article_viewer")
    _css = shared_css()
    data = traitlets.Dict().tag(sync=True)
    selected = traitlets.Int(-1).tag(sync=True)

    def __init__(self, analysis: Analysis | Article, colours: ColourScale | None = None, **kwargs: Any) -> None:
        if isinstance(analysis, Article):
            from ..analysis import analyse

            analysis = analyse(analysis)
        self.analysis = analysis
        super().__init__(data=viewer_data(analysis, colours), **kwargs)

    @property
    def selected_quote(self) -> dict[str, Any] | None:
        """The clicked quote (speaker, kind, cue, rule, rule_id, start, end, text), or None."""
        quotes = self.data.get("quotes", [])
        return dict(quotes[self.selected]) if 0 <= self.selected < len(quotes) else None

    def fallback_html(self) -> str:
        return viewer_html(self.data)
