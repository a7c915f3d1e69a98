"""pytest, for the whole tree.

While the compiled rule engines run (:mod:`mediakit._native`), their sources are left out of the
doctest collection: pytest would import the extension of the same name and find it is not the file.
``tests/test_native.py`` runs those doctests from the sources.
"""

from mediakit import _native

collect_ignore = [] if _native.BUILD.startswith("pure") else [str(p) for p in _native.compiled_sources().values()]
