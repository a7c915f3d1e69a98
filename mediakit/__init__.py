"""mediakit: a Jupyter-first media-analysis workbook.

Stage one turns a raw article (HTML, URL or copy-pasted text) into a clean, standoff-annotated
:class:`Article`; stage two finds actors and quotes (:func:`analyse`); tables and charts build on those.
"""

from .errors import FetchError, InputError, MediakitError
from .extract import extract
from .model import Article, Caption, Span
from .normalise import normalise

__version__ = "0.1.0"


def analyse(article, **kwargs):  # noqa: ANN001, ANN201 - thin lazy wrapper, documented in analysis.analyse
    """Find actors and quotes in an :class:`Article` (see :func:`mediakit.analysis.analyse`)."""
    from .analysis import analyse as _analyse

    if not isinstance(article, Article):
        article = extract(article)
    return _analyse(article, **kwargs)


__all__ = [
    "Article",
    "Caption",
    "FetchError",
    "InputError",
    "MediakitError",
    "Span",
    "analyse",
    "extract",
    "normalise",
    "__version__",
]
