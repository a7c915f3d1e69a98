"""mediakit: a Jupyter-first media-analysis workbook.

Stage one turns a raw article (HTML, URL or copy-pasted text) into a clean, standoff-annotated
:class:`Article`; stage two finds actors and quotes (:func:`analyse`); tables and charts build on those.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

# _native first: it decides whether the compiled rule engines or their sources are imported
from . import _native, importers  # noqa: F401
from .errors import FetchError, InputError, MediakitError
from .extract import extract
from .model import Article, Caption, Span
from .normalise import normalise

if TYPE_CHECKING:
    from .analysis import Analysis
    from .corpus import BuildResult
    from .corpus import Corpus as BuiltCorpus
    from .datasets import Corpus

__version__ = "0.1.0"


def analyse(
    article: Article | str | bytes | Path | None = None,
    *,
    text: str | None = None,
    html: str | None = None,
    **kwargs: Any,
) -> Analysis:
    """Find actors and quotes in an :class:`Article`, or in anything :func:`extract` reads.

    ``text=`` and ``html=`` give the content itself, as for :func:`extract` (a path that names no file
    raises :class:`InputError`). Other keyword arguments go to :func:`mediakit.analysis.analyse`
    (``engine``, ``codebook``, ``capitals_as_governments``, ``nlp``).
    """
    from .analysis import analyse as _analyse

    if not isinstance(article, Article):
        article = extract(article, text=text, html=html)
    elif text is not None or html is not None:
        raise InputError("give an Article or text=/html=, not both")
    return _analyse(article, **kwargs)


def load_corpus(path: str | Path | None = None) -> Corpus:
    """The bundled teaching corpus (see :func:`mediakit.datasets.load_corpus`)."""
    from .datasets import load_corpus as _load

    return _load(path)


def build_corpus(sources: Any, out: str | Path, **kwargs: Any) -> BuildResult:
    """Analyse many sources into a corpus folder of Parquet tables (see :func:`mediakit.corpus.build_corpus`)."""
    from .corpus import build_corpus as _build

    return _build(sources, out, **kwargs)


def open_corpus(path: str | Path) -> BuiltCorpus:
    """Open a built corpus folder: lazy polars tables ``articles``, ``quotes``, ``actors``, ``mentions``."""
    from .corpus import open_corpus as _open

    return _open(path)


__all__ = [
    "Article",
    "Caption",
    "FetchError",
    "InputError",
    "MediakitError",
    "Span",
    "analyse",
    "build_corpus",
    "extract",
    "importers",
    "load_corpus",
    "normalise",
    "open_corpus",
    "__version__",
]
