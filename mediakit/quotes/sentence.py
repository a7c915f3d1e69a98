"""The sentence view every rule reads: its tokens, its paragraph and the document it belongs to.

The rules are free functions of a :class:`Sentence` (see :mod:`.cues`, :mod:`.speakers`,
:mod:`.adjuncts`, :mod:`.content`, :mod:`.frames`, :mod:`.hedges`); the sentence holds no rules itself.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from .tokens import Tok
from .verbs import cue_words

if TYPE_CHECKING:
    from .document import Document


class Sentence:
    """One sentence of masked tokens: ``toks``, the paragraph index ``para`` and the ``doc``;
    ``cue_at``, the indices of its cue words when the tokeniser listed them (see
    :meth:`cue_word_indices`).

    :meth:`Document.run <mediakit.quotes.document.Document.run>` refills one sentence with each
    window's tokens (no rule keeps a sentence), so these are plain attributes set in place."""

    def __init__(self, doc: Document, toks: list[Tok], para: int, cue_at: list[int] | None = None) -> None:
        self.doc = doc
        self.toks = toks
        self.para = para
        self.cue_at = cue_at  # see cue_word_indices; tokenize can list them as it goes

    def cue_word_indices(self) -> list[int]:
        """Indices of the tokens that are in ``cue_words()`` (worked out once per sentence)."""
        if self.cue_at is None:
            words = cue_words()
            self.cue_at = [k for k, t in enumerate(self.toks) if t.low in words]
        return self.cue_at

    @property
    def title_like(self) -> bool:
        """Is the sentence's paragraph a headline in title case (``Mayor Says Ferry Will Resume``)?"""
        return self.doc.title_like(self.para)
