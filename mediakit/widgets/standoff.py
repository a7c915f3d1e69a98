"""Students' quote annotations on disk: brat ``.ann`` standoff beside a JSON sidecar (no widget needed).

An :class:`Annotation` is one attribution a student marked: the quote's content (``start``/``end``,
character offsets into the article's ``source``), the speaker's name, and optionally where the speaker
is named (``source_span``) and the cue (``cue_span``).

:func:`save_annotations` writes two files:

``NAME.ann``
    brat standoff in the layout of the teaching corpus's gold (``data/corpus/attributions/*_gold.ann``,
    read by :func:`mediakit.datasets.read_brat`): per attribution a ``Source`` text-bound (when marked),
    a ``Cue`` (when marked), the ``Content``, an ``Attribution`` trigger (the cue, or the content's first
    word) and an event ``E<n>  Attribution:T.. Content:T.. Cue:T.. Source:T..``. A span that crosses a
    line break is written as fragments (``a b;c d``), as brat requires.
``NAME.json``
    the sidecar: the speaker names (brat has no place for them), the exact spans, who annotated, and
    the article's text with its reading blocks, so that :func:`load_annotations` needs nothing else.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import polars as pl

from ..datasets import read_brat
from ..errors import InputError, MediakitError

__all__ = ["FORMAT", "Annotation", "annotations_frame", "brat_text", "load_annotations", "save_annotations"]

FORMAT = "mediakit-annotations"
VERSION = 1

FRAME_SCHEMA = {
    "doc": pl.Utf8, "start": pl.Int64, "end": pl.Int64, "text": pl.Utf8, "speaker": pl.Utf8,
    "source_start": pl.Int64, "source_end": pl.Int64, "source": pl.Utf8,
    "cue_start": pl.Int64, "cue_end": pl.Int64, "cue": pl.Utf8,
}


@dataclass(frozen=True)
class Annotation:
    """One marked attribution: content offsets, the speaker's name, where the speaker and cue are."""

    start: int
    end: int
    speaker: str | None = None
    source_span: tuple[int, int] | None = None
    cue_span: tuple[int, int] | None = None

    def to_json(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "speaker": self.speaker,
                "source": list(self.source_span) if self.source_span else None,
                "cue": list(self.cue_span) if self.cue_span else None}

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> Annotation:
        def pair(v: Any) -> tuple[int, int] | None:
            return (int(v[0]), int(v[1])) if v else None

        speaker = d.get("speaker")
        return cls(int(d["start"]), int(d["end"]), str(speaker) if speaker else None, pair(d.get("source")),
                   pair(d.get("cue")))


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """``(start, end)`` clamped to the text and with the spaces at both ends left out.

    >>> trim("  said: \\"Yes.\\"  ", 0, 99)
    (2, 14)
    """
    start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def fragments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The span as brat fragments: split at line breaks, spaces trimmed.

    >>> fragments("ab\\n\\ncd ", 0, 7)
    [(0, 2), (4, 6)]
    """
    out = []
    for m in re.finditer(r"[^\n\r]+", text[start:end]):
        a, b = trim(text, start + m.start(), start + m.end())
        if a < b:
            out.append((a, b))
    return out


def _first_word(text: str, start: int, end: int) -> tuple[int, int]:
    m = re.compile(r"\S+").search(text, start, end)
    return (m.start(), m.end()) if m else (start, end)


def brat_text(text: str, annotations: Sequence[Annotation]) -> str:
    """The ``.ann`` file of ``annotations`` on ``text`` (the layout of the corpus gold; see the module).

    >>> print(brat_text('"Go," she said.', [Annotation(0, 5, "Ana", (6, 9), (10, 14))]), end="")  # doctest: +NORMALIZE_WHITESPACE
    T1	Source 6 9	she
    T2	Cue 10 14	said
    T3	Content 0 5	"Go,"
    T4	Attribution 10 14	said
    E1	Attribution:T4 Content:T3 Cue:T2 Source:T1
    """
    lines: list[str] = []
    count = 0

    def tline(label: str, pieces: list[tuple[int, int]]) -> str:
        nonlocal count
        count += 1
        offsets = ";".join(f"{a} {b}" for a, b in pieces)
        words = " ".join(" ".join(text[a:b].split()) for a, b in pieces)
        lines.append(f"T{count}\t{label} {offsets}\t{words}")
        return f"T{count}"

    n = 0
    for ann in sorted(annotations, key=lambda a: (a.start, a.end)):
        content = fragments(text, ann.start, ann.end)
        if not content:
            continue
        n += 1
        args: dict[str, str] = {}
        source = fragments(text, *ann.source_span) if ann.source_span else []
        cue = fragments(text, *ann.cue_span) if ann.cue_span else []
        if source:
            args["Source"] = tline("Source", source)
        if cue:
            args["Cue"] = tline("Cue", cue)
        args["Content"] = tline("Content", content)
        trigger = tline("Attribution", cue if cue else [_first_word(text, *content[0])])
        parts = [f"Attribution:{trigger}", f"Content:{args['Content']}"]
        parts += [f"{k}:{args[k]}" for k in ("Cue", "Source") if k in args]
        lines.append(f"E{n}\t" + " ".join(parts))
    return "\n".join(lines) + "\n" if lines else ""


def text_digest(text: str) -> str:
    """SHA-1 of the text (UTF-8): which text a file of annotations indexes."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def _paths(path: str | Path) -> tuple[Path, Path]:
    p = Path(path).expanduser()
    base = p.with_suffix("") if p.suffix.lower() in (".ann", ".json") else p
    return base.with_name(base.name + ".ann"), base.with_name(base.name + ".json")


def save_annotations(path: str | Path, text: str, annotations: Sequence[Annotation], *, doc: str | None = None,
                     annotator: str | None = None, blocks: Sequence[tuple[str, int, int]] = ()) -> tuple[Path, Path]:
    """Write ``NAME.ann`` and ``NAME.json`` (``path`` may end in either, or in neither); returns both paths.

    ``blocks`` are the reading blocks shown to the student (``(label, start, end)``), kept so that the
    annotations can be shown again as they were made.
    """
    ann_path, json_path = _paths(path)
    for a in annotations:
        if not 0 <= a.start < a.end <= len(text):
            raise MediakitError(f"an annotation ({a.start}, {a.end}) is outside the text (0 to {len(text)})")
    sidecar = {
        "format": FORMAT, "version": VERSION, "doc": doc, "annotator": annotator, "text_sha1": text_digest(text),
        "annotations": [a.to_json() for a in sorted(annotations, key=lambda a: (a.start, a.end))],
        "blocks": [[label, s, e] for label, s, e in blocks], "text": text,
    }
    try:
        ann_path.parent.mkdir(parents=True, exist_ok=True)
        ann_path.write_text(brat_text(text, annotations), encoding="utf-8")
        json_path.write_text(json.dumps(sidecar, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    except OSError as err:
        raise InputError(f"cannot write the annotations to {ann_path} / {json_path}: {err.strerror or err}") from err
    return ann_path, json_path


def load_annotations(path: str | Path, text: str | None = None) -> dict[str, Any]:
    """Read annotations saved by :func:`save_annotations`, or any ``.ann`` in the corpus layout.

    Returns ``{"text", "doc", "annotator", "blocks", "annotations": [Annotation, ...]}``. With a JSON
    sidecar, everything comes from it (``text``, when given, must be the text it was made on). With a
    ``.ann`` alone, ``text`` is required, each event's ``Content`` gives the span (from its first to
    its last fragment) and its ``Source`` words stand in for the speaker's name.
    """
    ann_path, json_path = _paths(path)
    if json_path.is_file():
        try:
            side = json.loads(json_path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as err:
            raise InputError(f"{json_path}: not a readable annotations file ({err})") from err
        if not isinstance(side, dict) or side.get("format") != FORMAT:
            raise InputError(f"{json_path}: not a mediakit annotations file (no \"format\": \"{FORMAT}\")")
        if side.get("version", 0) > VERSION:
            raise InputError(f"{json_path}: written by a newer mediakit (version {side['version']}); upgrade to read it")
        stored = side.get("text")
        if text is not None and stored is not None and text_digest(text) != side.get("text_sha1"):
            raise InputError(f"{json_path}: these annotations were made on a different text than the one given")
        try:
            anns = [Annotation.from_json(d) for d in side.get("annotations", [])]
        except (KeyError, TypeError, ValueError, IndexError) as err:
            raise InputError(f"{json_path}: an annotation is malformed ({err})") from err
        return {"text": stored if stored is not None else text, "doc": side.get("doc"),
                "annotator": side.get("annotator"), "blocks": [tuple(b) for b in side.get("blocks", [])],
                "annotations": anns}
    if not ann_path.is_file():
        raise InputError(f"no annotations at {ann_path} (nor a sidecar {json_path.name})")
    if text is None:
        raise InputError(f"{ann_path} has no JSON sidecar: give the article it annotates (Annotator.load(path, article))")
    anns = []
    for rec in read_brat(ann_path, text):
        content, source, cue = rec["content"], rec["source"], rec["cue"]
        if not 0 <= content["start"] < content["end"] <= len(text):
            raise InputError(f"{ann_path}: event {rec['id']} points outside the article text")
        anns.append(Annotation(content["start"], content["end"], source["text"] if source else None,
                               (source["start"], source["end"]) if source else None,
                               (cue["start"], cue["end"]) if cue else None))
    return {"text": text, "doc": None, "annotator": None, "blocks": [], "annotations": anns}


def annotations_frame(text: str, annotations: Sequence[Annotation], doc: str | None = None) -> pl.DataFrame:
    """The annotations as a polars frame, one row per quote sorted by start: ``doc``, ``start``, ``end``,
    ``text``, ``speaker``, ``source_start``/``source_end``/``source`` (where the speaker is named),
    ``cue_start``/``cue_end``/``cue``.

    >>> annotations_frame('"Go," she said.', [Annotation(0, 5, "Ana", (6, 9))]).select("text", "speaker", "source").rows()
    [('"Go,"', 'Ana', 'she')]
    """
    rows = []
    for a in sorted(annotations, key=lambda a: (a.start, a.end)):
        src, cue = a.source_span, a.cue_span
        rows.append({"doc": doc, "start": a.start, "end": a.end, "text": text[a.start : a.end], "speaker": a.speaker,
                     "source_start": src[0] if src else None, "source_end": src[1] if src else None,
                     "source": text[src[0] : src[1]] if src else None,
                     "cue_start": cue[0] if cue else None, "cue_end": cue[1] if cue else None,
                     "cue": text[cue[0] : cue[1]] if cue else None})
    return pl.DataFrame(rows, schema=FRAME_SCHEMA)
