"""A corpus on disk: build it from many sources into Parquet tables, reopen it as lazy polars frames.

>>> import tempfile
>>> from mediakit.corpus import build_corpus, open_corpus
>>> out = tempfile.mkdtemp()
>>> build_corpus("data/examples/ferry_pasted.txt", out, workers=1, quiet=True).summary().split(" in ")[0]
'1 ok, 0 failed'
>>> open_corpus(out).articles.select("doc", "status").collect().rows()
[('ferry_pasted', 'ok')]
"""

from ..importers.units import Unit
from .build import BuildResult, build_corpus
from .open import Corpus, open_corpus

__all__ = ["BuildResult", "Corpus", "Unit", "build_corpus", "open_corpus"]
