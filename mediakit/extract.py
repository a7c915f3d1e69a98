"""Stage one: any raw input -> a clean, standoff-annotated :class:`~mediakit.model.Article`."""

from __future__ import annotations

import re
from pathlib import Path

from .budget import collector_paused
from .errors import InputError
from .inputs import MAX_BYTES, RawInput, read_input
from .model import Article


def extract(
    source: str | bytes | Path | None = None,
    *,
    text: str | None = None,
    html: str | None = None,
    kind: str = "auto",
    id: str | None = None,
    max_bytes: int = MAX_BYTES,
    timeout: float = 20,
    allow_private: bool = False,
) -> Article:
    """Turn a raw article into a clean :class:`Article`.

    ``source`` may be a path (``.html``, ``.html.gz``, ``.txt``...), a URL, bytes, or the text itself.
    A one-line string that looks like a path but names no file (or names a folder) raises
    :class:`~mediakit.errors.InputError` instead of becoming an article; pass ``text="..."`` or
    ``html="..."`` to give the content itself with no guessing. HTML goes through trafilatura and then
    the cleaner; plain text (copy-pasted or scraped) goes through the cleaner alone. ``kind`` forces
    ``"html"`` or ``"text"``. URLs are fetched within a ``timeout`` (seconds: a deadline for the whole
    fetch) and the ``max_bytes`` cap; private and loopback addresses are refused unless
    ``allow_private=True``. Anything in reading that may have cost text (a guessed encoding, a truncated
    gzip file) is listed in ``Article.flags``.

    >>> art = extract("Minister opens bridge\\n\\nThe minister opened the bridge on Monday, officials said.")
    >>> art.title
    'Minister opens bridge'
    """
    raw = read_input(source, text=text, html=html, kind=kind, max_bytes=max_bytes, timeout=timeout,
                     allow_private=allow_private)
    art = extract_raw(raw)
    if id is not None:
        art.id = id
    return art


def extract_raw(raw: RawInput) -> Article:
    """Extract from an already decoded :class:`RawInput`."""
    if not raw.text.strip():
        raise InputError(f"{raw.origin}: input is empty")
    with collector_paused():
        return _extract_raw(raw)


def _extract_raw(raw: RawInput) -> Article:
    if raw.kind == "html":
        from .html import extract_html

        art = extract_html(raw.text, url=raw.url)
    else:
        from .clean import clean_text

        art = clean_text(raw.text)
        art.extractor = art.extractor or "mediakit text cleaner (every removed line listed in 'removed')"
    art.id = raw.id
    art.origin = raw.origin
    art.input_kind = raw.kind
    if raw.url and not art.url:
        art.url = raw.url
    _apply_metadata(art, raw.metadata)
    art.flags.extend(raw.flags)  # how the input was read: a guessed encoding, a truncated gzip file...
    return art


_ISO_DAY = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$")


def _apply_metadata(art: Article, metadata: dict[str, str]) -> None:
    """Metadata recorded beside the text (a table row's columns) wins over what extraction guessed."""
    for key in ("title", "outlet", "url"):
        if metadata.get(key):
            setattr(art, key, metadata[key])
    if metadata.get("author"):
        art.byline = metadata["author"]
    if metadata.get("date"):
        m = _ISO_DAY.match(metadata["date"].strip())
        art.date = m.group(1) if m else metadata["date"]
