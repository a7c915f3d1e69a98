"""The optional spaCy engine: actor mentions from a trained pipeline's named entities.

``analyse(article, engine="spacy", nlp=...)`` runs the user's spaCy pipeline (a ``Language`` object,
or the name of a pipeline they installed, such as ``"en_core_web_sm"``) over the same spans as the
rules engine and turns its entities into actor mentions: PERSON -> person, ORG -> organisation,
GPE/LOC/FAC -> place, NORP -> group (plural names such as "Americans"; adjectives such as "Chinese"
are left out), EVENT -> event. Everything after that is shared with the rules engine: the gazetteers
still give canonical names ("UN" -> United Nations, a capital for its government), names are merged
the same way, roles and affiliations come from the same patterns, anonymous sources and group nouns
still come from the rules, and quotes always come from :mod:`mediakit.quotes`. Each mention's rule
says which entity label produced it.

spaCy is imported only when this engine is used. Without it, :class:`~mediakit.errors.EngineError`
explains how to install it; mediakit never downloads a model itself.
"""

from __future__ import annotations

from typing import Any

from .actors import Actor, actors_from_entities
from .errors import EngineError
from .model import Span

__all__ = ["find_actors_spacy", "load_pipeline"]

_INSTALL = (
    "the spaCy engine needs spaCy: pip install 'mediakit[spacy]' (or pip install spacy), then install a "
    "pipeline of your choice, e.g. python -m spacy download en_core_web_sm, and pass nlp='en_core_web_sm' "
    "or nlp=spacy.load(...)"
)


def load_pipeline(nlp: Any) -> Any:
    """Return a spaCy ``Language``: ``nlp`` itself, or the installed pipeline named by ``nlp``.

    >>> load_pipeline(None)
    Traceback (most recent call last):
    ...
    mediakit.errors.EngineError: engine='spacy' needs nlp=: a spaCy Language object or the name of an installed pipeline
    """
    if nlp is None:
        raise EngineError("engine='spacy' needs nlp=: a spaCy Language object or the name of an installed pipeline")
    if not isinstance(nlp, str):
        if not callable(nlp) or not hasattr(nlp, "pipe"):
            raise EngineError(f"nlp= must be a spaCy Language object or a pipeline name, not {type(nlp).__name__}")
        return nlp
    try:
        import spacy
    except ImportError as e:
        raise EngineError(_INSTALL) from e
    try:
        return spacy.load(nlp)
    except OSError as e:
        raise EngineError(f"spaCy pipeline {nlp!r} is not installed: {e}. {_INSTALL}") from e


def find_actors_spacy(
    source: str, spans: list[Span], nlp: Any, *, capitals_as_governments: bool = True, batch_size: int = 64
) -> list[Actor]:
    """Actors from the entities ``nlp`` finds in ``spans`` of ``source`` (see the module docstring)."""
    pipeline = load_pipeline(nlp)
    spans = sorted(spans, key=lambda s: (s.start, s.end))
    texts = [source[s.start : s.end] for s in spans]
    entities: list[tuple[int, int, str]] = []
    for span, doc in zip(spans, pipeline.pipe(texts, batch_size=batch_size), strict=True):
        for ent in doc.ents:
            entities.append((span.start + ent.start_char, span.start + ent.end_char, ent.label_))
    return actors_from_entities(source, spans, entities, capitals_as_governments=capitals_as_governments)
