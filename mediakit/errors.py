"""Errors mediakit raises. Every failure a user can cause is a :class:`MediakitError`."""

from __future__ import annotations


class MediakitError(Exception):
    """Base class: a clear, user-facing problem with an input or a setting."""


class InputError(MediakitError):
    """The input cannot be read as an article (empty, binary, undecodable, too large...)."""


class FetchError(MediakitError):
    """A URL could not be fetched (timeout, refused, too large, not HTML)."""


class EngineError(MediakitError):
    """An optional engine (e.g. spaCy) is missing or misconfigured."""


class ResourceError(MediakitError, ValueError):
    """A word list, lexicon or codebook file cannot be read or is malformed (the message names file and line)."""


class ChartError(MediakitError, ValueError):
    """A chart cannot be built or saved as asked (unknown file type or preset, an empty selection...)."""
