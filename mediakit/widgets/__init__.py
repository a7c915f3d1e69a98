"""Widgets for notebooks: read an article's quotes, explore a corpus, annotate quotes in class.

=====================================  ===============================================================
:class:`ArticleViewer`                 an article, quotes coloured by speaker, mentions underlined;
                                       click a quote for its speaker and attribution rule
:class:`CorpusExplorer`                outlet, date, actor and category filters driving a share-of-voice
                                       chart and its table
:class:`Annotator`                     students mark quote spans and speakers (standoff offsets); saved
                                       as brat ``.ann`` with a JSON sidecar, read back with ``load``
=====================================  ===============================================================

The widgets are anywidgets (one ES module each, in ``mediakit/widgets/js/``): they work in JupyterLab,
Notebook 7 and VS Code, need the ``anywidget`` package (``pip install 'mediakit[notebooks]'``) and fetch
nothing from the network. Article text reaches the browser only as data, inserted as text. Each widget
also carries a static, escaped HTML copy for viewers without a widget manager (exported notebooks).

:func:`load_annotations`, :func:`save_annotations` and :func:`annotations_frame` (the file formats) work
without anywidget. Agreement between students, the machine and a key: :mod:`mediakit.measures.agreement`.
See ``docs/widgets.md``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .standoff import Annotation, annotations_frame, load_annotations, save_annotations

if TYPE_CHECKING:
    from .annotator import Annotator
    from .explorer import CorpusExplorer
    from .viewer import ArticleViewer

__all__ = ["Annotation", "Annotator", "ArticleViewer", "CorpusExplorer", "annotations_frame", "load_annotations",
           "save_annotations"]

_WIDGETS = {"ArticleViewer": "viewer", "CorpusExplorer": "explorer", "Annotator": "annotator"}


def __getattr__(name: str) -> Any:
    """The widget classes are imported on first use: the file formats work without anywidget."""
    if name in _WIDGETS:
        from importlib import import_module

        return getattr(import_module(f".{_WIDGETS[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
