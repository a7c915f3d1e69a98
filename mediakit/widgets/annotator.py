"""``Annotator``: students mark the quotes of an article and say who speaks; the marks are standoff.

In the widget a student selects the quoted words, types or picks the speaker, and clicks **Mark quote**;
a marked quote can then be given the words that name its speaker and its cue (select, click), have its
speaker changed, or be removed. Each mark is kept as character offsets into ``article.source``, so the
marks can be compared with the machine's quotes and with a key (:mod:`mediakit.measures.agreement`),
saved as brat standoff with a JSON sidecar (:meth:`Annotator.save`) and read back (:meth:`Annotator.load`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import polars as pl
import traitlets

from ..analysis import Analysis
from ..errors import MediakitError
from ..model import Article, Span
from .base import MediakitWidget, esm, shared_css
from .standoff import Annotation, annotations_frame, load_annotations, save_annotations, trim
from .text import escape, pieces, reading_blocks, snippet

__all__ = ["Annotator"]

#: Actor types offered as speakers when the annotator is given an analysis.
SPEAKER_TYPES = ("person", "organisation", "group", "anonymous")


def _pair(value: Any) -> tuple[int, int] | None:
    if value is None:
        return None
    if isinstance(value, (list, tuple)) and len(value) == 2 and all(isinstance(v, int) and not isinstance(v, bool)
                                                                      for v in value):
        return int(value[0]), int(value[1])
    raise MediakitError(f"a span is a pair of offsets (start, end), not {value!r}")


class Annotator(MediakitWidget):
    """Mark quote spans and their speakers in ``article``; the marks are offsets into ``article.source``.

    ``article`` is an :class:`~mediakit.model.Article`, an :class:`~mediakit.analysis.Analysis` (its
    actors are offered as speakers) or a text (read by :func:`mediakit.extract`). ``speakers`` adds
    names to pick from (a student may type any name). ``annotator`` is the student's name, saved with
    the marks. ``annotations`` are marks to start from (:class:`~mediakit.widgets.standoff.Annotation`).

    :attr:`annotations` is the marks as a polars frame; :meth:`add` and :meth:`remove` change them from
    Python; :meth:`save` writes ``NAME.ann`` (brat, the corpus gold's layout) and ``NAME.json``.

    >>> ann = Annotator('"The pier is safe," said Lena Ortiz.', annotator="kim")
    >>> ann.add(0, 19, "Lena Ortiz")
    0
    >>> ann.annotations.select("start", "end", "text", "speaker").rows()
    [(0, 19, '"The pier is safe,"', 'Lena Ortiz')]
    """

    _esm = esm("annotator")
    _css = shared_css()
    doc = traitlets.Dict().tag(sync=True)
    spans = traitlets.List(traitlets.Dict()).tag(sync=True)
    speakers = traitlets.List(traitlets.Unicode()).tag(sync=True)
    selected = traitlets.Int(-1).tag(sync=True)
    message = traitlets.Unicode("").tag(sync=True)
    annotator = traitlets.Unicode("").tag(sync=True)

    def __init__(self, article: Article | Analysis | str, *, speakers: Iterable[str] = (), annotator: str = "",
                 annotations: Iterable[Annotation] = (), blocks: Sequence[tuple[str, int, int]] = ()) -> None:
        names: list[str] = []
        if isinstance(article, Analysis):
            names = [a.name for a in article.actors if a.type in SPEAKER_TYPES and a.mentions]
            article = article.article
        elif isinstance(article, str):
            from ..extract import extract

            article = extract(text=article)
        if not isinstance(article, Article):
            raise MediakitError(f"Annotator marks an Article, an Analysis or a text, not {type(article).__name__}")
        self.article = article
        shown = [tuple(b) for b in blocks] or reading_blocks(article)
        src = article.source
        title = article.title if not any(b[0] == "title" for b in shown) else None
        doc = {"id": article.id or article.origin or "", "title": title,
               "blocks": [{"label": b[0], "start": b[1], "end": b[2], "text": src[b[1] : b[2]]} for b in shown]}
        self._blocks = shown
        wanted = list(dict.fromkeys([*names, *(str(s) for s in speakers if s)]))
        super().__init__(doc=doc, speakers=wanted, annotator=annotator or "")
        self.observe(self._check, names="spans")
        for a in annotations:
            self.add(a.start, a.end, a.speaker, source=a.source_span, cue=a.cue_span)

    # --- marks ----------------------------------------------------------------------------------------

    def _clean(self, item: Any) -> dict[str, Any] | None:
        """One mark as the widget keeps it, spaces trimmed; None when it marks nothing in the text."""
        src = self.article.source
        if not isinstance(item, dict):
            return None
        try:
            start, end = int(item["start"]), int(item["end"])
        except (KeyError, TypeError, ValueError):
            return None
        if not 0 <= start < end <= len(src):
            return None
        start, end = trim(src, start, end)
        if start >= end:
            return None
        speaker = item.get("speaker")
        if speaker is not None:
            speaker = " ".join(str(speaker).split()) or None
        out: dict[str, Any] = {"start": start, "end": end, "speaker": speaker}
        for part in ("source", "cue"):
            pair = item.get(part)
            try:
                pair = _pair(pair)
            except MediakitError:
                pair = None
            if pair is not None:
                a, b = trim(src, *pair) if 0 <= pair[0] < pair[1] <= len(src) else (0, 0)
                pair = [a, b] if a < b else None
            out[part] = pair
        return out

    def _check(self, change: dict[str, Any]) -> None:
        new = change["new"]
        clean, seen, dropped = [], set(), 0
        for item in new:
            c = self._clean(item)
            if c is None or (c["start"], c["end"]) in seen:
                dropped += 1
                continue
            seen.add((c["start"], c["end"]))
            clean.append(c)
        if dropped:
            self.message = f"{dropped} mark{'s' if dropped > 1 else ''} left out: empty, outside the text or marked twice"
        if clean != new:
            self.spans = clean
        if self.selected >= len(clean):
            self.selected = len(clean) - 1

    def add(self, start: int, end: int, speaker: str | None = None, *, source: tuple[int, int] | None = None,
            cue: tuple[int, int] | None = None) -> int:
        """Mark ``source[start:end]`` as a quote by ``speaker`` (``source``: where the speaker is named;
        ``cue``: the reporting words). Spaces at the ends are left out. Returns the mark's index."""
        n = len(self.article.source)
        for what, pair in (("quote", (start, end)), ("source", source), ("cue", cue)):
            p = _pair(pair)
            if p is not None and not 0 <= p[0] < p[1] <= n:
                raise MediakitError(f"the {what} span {p} is not inside the text (0 to {n})")
        if speaker is not None and not isinstance(speaker, str):
            raise MediakitError(f"a speaker is a name (str) or None, not {type(speaker).__name__}")
        item = self._clean({"start": start, "end": end, "speaker": speaker, "source": source and list(source),
                            "cue": cue and list(cue)})
        if item is None:
            raise MediakitError(f"the span ({start}, {end}) holds only spaces")
        if any((s["start"], s["end"]) == (item["start"], item["end"]) for s in self.spans):
            raise MediakitError(f"the span ({item['start']}, {item['end']}) is already marked")
        self.spans = [*self.spans, item]
        return len(self.spans) - 1

    def remove(self, index: int) -> None:
        """Remove the mark at ``index`` (in the order they were made)."""
        if not 0 <= index < len(self.spans):
            raise MediakitError(f"no mark {index}: there are {len(self.spans)}")
        self.spans = [s for i, s in enumerate(self.spans) if i != index]

    @property
    def items(self) -> list[Annotation]:
        """The marks as :class:`~mediakit.widgets.standoff.Annotation`, in the order they were made."""
        return [Annotation(s["start"], s["end"], s.get("speaker"), tuple(s["source"]) if s.get("source") else None,
                           tuple(s["cue"]) if s.get("cue") else None) for s in self.spans]

    @property
    def annotations(self) -> pl.DataFrame:
        """The marks as a polars frame sorted by start (see :func:`~mediakit.widgets.standoff.annotations_frame`)."""
        return annotations_frame(self.article.source, self.items, self.doc.get("id") or None)

    # --- files ----------------------------------------------------------------------------------------

    def save(self, path: str | Path) -> tuple[Path, Path]:
        """Write ``NAME.ann`` (brat standoff) and ``NAME.json`` (speakers, annotator, the text); returns both."""
        return save_annotations(path, self.article.source, self.items, doc=self.doc.get("id") or None,
                                annotator=self.annotator or None, blocks=self._blocks)

    @classmethod
    def load(cls, path: str | Path, article: Article | Analysis | None = None, **kwargs: Any) -> Annotator:
        """An annotator holding the marks saved at ``path`` (``NAME.ann`` or ``NAME.json``).

        With the JSON sidecar, the text comes from it (``article``, if given, must be that text; it then
        supplies the metadata and speakers). A ``.ann`` alone needs ``article``; the words of each
        ``Source`` stand in for the speaker's name.
        """
        if isinstance(article, Analysis):
            source = article.article.source
        elif isinstance(article, Article):
            source = article.source
        elif article is None:
            source = None
        else:
            raise MediakitError(f"Annotator.load(path, article): article is an Article or Analysis, not {type(article).__name__}")
        saved = load_annotations(path, source)
        if article is None:
            article = Article(source=saved["text"], id=saved["doc"] or "",
                              paragraphs=[Span(s, e, "paragraph") for label, s, e in saved["blocks"] if label == "paragraph"],
                              metadata_spans=[Span(s, e, label) for label, s, e in saved["blocks"] if label != "paragraph"])
        kwargs.setdefault("annotator", saved["annotator"] or "")
        kwargs.setdefault("blocks", saved["blocks"])
        return cls(article, annotations=saved["annotations"], **kwargs)

    # --- static fallback ------------------------------------------------------------------------------

    def fallback_html(self) -> str:
        src = self.article.source
        marks = [(s["start"], s["end"]) for s in self.spans]
        out = ['<div class="mediakit-annotator-static" style="font-family:Georgia,serif;font-size:14px;'
               'line-height:1.55;max-width:48em">',
               f"<p style='font-family:sans-serif;font-size:12px'>{len(marks)} quote{'s' if len(marks) != 1 else ''} "
               f"marked{escape(' by ' + self.annotator) if self.annotator else ''} (the marking tools need a live "
               "notebook)</p>"]
        if self.doc.get("title"):
            out.append(f"<h3>{escape(self.doc['title'])}</h3>")
        for label, s, e in self._blocks:
            tag = "h3" if label == "title" else "p"
            parts = []
            for p in pieces(src, s, e, {"q": marks}):
                text = escape(p["t"])
                if p["q"] is not None:
                    who = self.spans[p["q"]].get("speaker") or "no speaker given"
                    text = f'<mark title="{escape(who)}" style="background:#fde68a">{text}</mark>'
                parts.append(text)
            out.append(f"<{tag} style='margin:0 0 .7em 0'>{''.join(parts)}</{tag}>")
        items = "".join(f"<li>{escape(s.get('speaker') or '(no speaker)')}: {escape(snippet(src[s['start'] : s['end']]))}</li>"
                        for s in sorted(self.spans, key=lambda s: s["start"]))
        if items:
            out.append(f"<ol style='font-family:sans-serif;font-size:12px'>{items}</ol>")
        out.append("</div>")
        return "\n".join(out)
