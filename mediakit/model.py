"""The standoff article model.

An :class:`Article` holds its source text and never rewrites it: paragraphs, sentences, the headline,
standfirst, captions, byline and every removed piece of boilerplate are :class:`Span` objects
(``start``/``end`` character offsets into ``Article.source``), each carrying the rule (``reason``) that
made it. Metadata strings (title, byline...) are kept beside the spans for convenience.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Span:
    """A half-open character range ``[start, end)`` into an article's source text.

    ``label`` says what the span is (``"paragraph"``, ``"title"``, ``"caption"``, ``"ad"``...);
    ``reason`` says why, in words a student can read.
    """

    start: int
    end: int
    label: str = ""
    reason: str = ""

    def text(self, source: str) -> str:
        return source[self.start : self.end]

    def __len__(self) -> int:
        return self.end - self.start


@dataclass
class Caption:
    """A photo caption: its text, the credit (``"AFP"`` for ``"Photo: AFP"``) and its span."""

    text: str
    credit: str | None = None
    span: Span | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "credit": self.credit}


@dataclass
class Article:
    """A clean article over an untouched source text.

    ``source`` is the text every span points into: the decoded file for plain-text input, the text
    trafilatura extracted for HTML input. ``body`` is the clean article text (paragraphs joined by one
    blank line), built from the paragraph spans.
    """

    source: str
    id: str = ""
    origin: str = ""
    input_kind: str = "text"
    title: str | None = None
    standfirst: list[str] = field(default_factory=list)
    byline: str | None = None
    date: str | None = None
    outlet: str | None = None
    section: str | None = None
    url: str | None = None
    language: str | None = None
    captions: list[Caption] = field(default_factory=list)
    paragraphs: list[Span] = field(default_factory=list)
    removed: list[Span] = field(default_factory=list)
    metadata_spans: list[Span] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    extractor: str = ""
    _sentences: list[Span] | None = field(default=None, repr=False, compare=False)

    @property
    def body(self) -> str:
        """The clean body: kept paragraphs joined by one blank line."""
        return "\n\n".join(self.source[p.start : p.end] for p in self.paragraphs)

    @property
    def sentences(self) -> list[Span]:
        """Sentence spans inside the kept paragraphs (computed once, on demand)."""
        if self._sentences is None:
            from .segment import split_sentences

            out: list[Span] = []
            for p in self.paragraphs:
                out.extend(split_sentences(self.source, p.start, p.end))
            self._sentences = out
        return self._sentences

    def span_text(self, span: Span) -> str:
        return self.source[span.start : span.end]

    def to_record(self) -> dict[str, Any]:
        """The JSON-ready record the CLI writes (see README, "The extract record")."""
        return {
            "id": self.id,
            "source": self.origin,
            "status": "ok",
            "input_kind": self.input_kind,
            "title": self.title,
            "standfirst": list(self.standfirst),
            "byline": self.byline,
            "date": self.date,
            "outlet": self.outlet,
            "section": self.section,
            "url": self.url,
            "language": self.language,
            "captions": [c.to_dict() for c in self.captions],
            "text": self.body,
            "paragraphs": [_span_dict(self.source, p) for p in self.paragraphs],
            "metadata_spans": [_span_dict(self.source, s) for s in self.metadata_spans],
            "removed": [_span_dict(self.source, r) for r in self.removed],
            "flags": list(self.flags),
            "extractor": self.extractor,
        }


def _span_dict(source: str, span: Span) -> dict[str, Any]:
    d: dict[str, Any] = {"start": span.start, "end": span.end, "text": source[span.start : span.end]}
    if span.label:
        d["label"] = span.label
    if span.reason:
        d["reason"] = span.reason
    return d


def failed_record(id: str, origin: str, error: str) -> dict[str, Any]:
    """The record for an input that could not be analysed: listed, never lost."""
    return {"id": id, "source": origin, "status": "failed", "error": error}
