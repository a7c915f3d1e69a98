"""Quotes and attributions: who is reported as saying what, found by readable rules.

:func:`find_quotes` reads a text (a whole article, or the paragraph spans a caller passes) and returns
:class:`Quote` objects: character offsets into the untouched source for the *content* (what was said),
the *cue* (the reporting verb or phrase: ``said``, ``told``, ``according to``) and the *speaker* (the
words naming who said it at that point: ``Zhao``, ``he``, ``a senior official``). Every quote carries
the ``rule`` that found it, in words a student can read, and that rule's ``rule_id`` (all rules, with
examples: :mod:`mediakit.quotes.rules` and ``docs/rules.md``). No trained model is used.

>>> text = 'The bridge will open in May, the mayor said. "We are ready," added Lena Ortiz.'
>>> for q in find_quotes(text):
...     print(q.text(text), "|", q.speaker_text, "|", q.rule)
The bridge will open in May | the mayor | reported words followed by "the mayor said" (clause-comma-speaker-verb)
"We are ready," | Lena Ortiz | direct quote followed by "added Lena Ortiz" (quote-comma-verb-speaker)

What it finds
-------------
* direct quotes with their attribution before, after or inside them: ``"...," Lee said.``;
  ``Lee said: "..."``; ``"...," said Lee, the mayor.``; ``"...," she said, "..."`` (one quote spanning
  both pieces); ``"...," Lee said. "..."`` (the second quotation continues the first); a quotation
  over several sentences or paragraphs (each paragraph opens with a mark, only the last one closes);
* reported speech: ``Lee said (that) ...``; ``Lee told reporters ...``; ``according to Lee, ...``;
  ``..., according to Lee`` (any noun phrase may be the source: ``according to exit polls``); ``as
  reported by Lee``; ``..., Lee said.``; ``The plan, Lee said, is dead.``; ``..., adding that ...``;
  ``... and said ...``; any verb of the speech-verb lexicon (:mod:`mediakit.lexicon`), whose
  ``class`` becomes the quote's ``cue_class``;
* mixed quotes: reported speech carrying a quoted fragment (``Lee called the offer "an insult"``);
* follow-on quote paragraphs with no attribution of their own: they inherit the speaker of the quote
  just before them (``inherited=True``) when no other paragraph comes between; with no quote just
  before, the speaker of the next paragraph's opening quotation (``"A."`` / ``"B," Lee said.``), or the
  name or he/she opening the last sentence of a narrative paragraph just before;
* posts embedded in the page, signed ``- Name (@handle) date`` at the end of their paragraph;
* nested attributions (``officials said the minister had insisted that ...`` gives two quotes),
  anonymous sources (``sources said``, ``an official who asked not to be named said``), headline
  attributions (``..., ministry says``, ``Mayor Says Ferry Will Resume``) and agentless hedges (``are
  alleged to``, ``it is claimed that``), which have no speaker;
* quotations whose verb is not in the lexicon: ``"...," Lee pressed.`` and ``Lee interjected: "..."``
  take the speaker by position; a long quotation inside a sentence with no reporting verb takes the
  sentence's subject (rule ``sentence-subject``); a quotation of 25 words or more that no rule
  attributes is still listed, with no speaker (rule ``unattributed``).

What it does not count
----------------------
* a verb with only a noun phrase or a figure after it: ``vowed retribution``, ``praised the plan``,
  ``wrote a letter``, ``confirmed the move``, ``suggested a new approach``, ``added value``, ``Kospi
  added 0.4 per cent``, ``added three goals``, ``added to her lead``, ``knows how to win`` (no reported
  words; ``said 30 people died`` has a verb and counts);
* refused speech, or speech that did not happen: ``would not say who``, ``won't say what he'll do``,
  ``can't predict``, ``did not say whether``, ``doesn't mention`` (``has not said`` and ``isn't
  saying`` still count, as annotated news counts them);
* knowing: ``knew when``, ``know who``, ``will know whether`` (``knows that ...`` still counts).

Each of these limits is listed with an example in ``docs/rules.md`` (:data:`.rules.LIMITS`).

What it misses
--------------
* speech reported through nouns (``Lee's claim that ...``, ``in a statement, Lee's office ...``), most
  passives (``was told by``) and verbs missing from the lexicon;
* a speaker named only in an earlier sentence, unless the quote directly follows that speaker's quote;
* speaker phrases are found by shape (capitalised words, roles, pronouns, the nearest clause boundary),
  not by a parser: an unusual word order can cut a speaker short or make it too long;
* the end of reported words is a guess: they stop at the sentence end, or before ``, which``, ``, but``,
  ``; ``, a participle (``, saying``) or a second verb of the speaker (``and argued``; after a noun
  phrase, any ``and was ...`` or ``and celebrated ...``);
* pronouns stay pronouns: resolving ``he`` to a person is another step (see :data:`PRONOUNS`).

Rules it follows
----------------
Matching runs on :func:`mediakit.normalise.normalise` (curly and straight quotes alike); offsets are
mapped back to the source. Double quotation marks (and ``''``) are paired first, the direction read from
the spaces around a mark or from the curly form; curly single quotes count only outside double ones.
Each quotation is then masked so that sentence splitting and the rules see it as one token. Each verb
of the lexicon in a sentence is tried against a few frames: content-then-attribution (``"...," X said``,
``..., X said``), attribution-then-content (``X said ...``), split (``A, X said, B``) and ``according
to``. A verb listed as ``that`` reports only a ``that``/``if``/wh- clause or a quotation; one listed as
``quote`` only a quotation; a form that is also a noun (``reports``) counts only between a clear
speaker and what was said. Reported content starts after the cue (after a listener such as
``reporters`` and time phrases such as ``on Friday``) and includes ``that``; a clause-final attribution
takes the clause before its comma; a direct quote includes its marks.

Where the rules live
--------------------
:mod:`.document` drives a text (:func:`find_quotes`); :mod:`.marks` pairs quotation marks and
:mod:`.tokens` masks and tokenises; :mod:`.cues` picks the reporting verbs of a sentence
(:mod:`.verbs` reads the lexicon); :mod:`.frames` holds one module per attribution pattern;
:mod:`.speakers`, :mod:`.adjuncts` and :mod:`.content` find the speaker phrase, the words stepped
over and the content's boundaries; :mod:`.followons` and :mod:`.hedges` handle quotations no sentence
rule claimed and claims with no speaker; :mod:`.rules` is the table of rules (ids, readable
templates, examples); :mod:`.result` is the public :class:`Quote`; :mod:`.words` holds the grammar
words and, read from ``mediakit/resources/`` by :mod:`mediakit.wordlists`, the lists about the world the
rules share with the actor finder (roles, groups, organisations, documents, places, anonymous sources).
"""
from __future__ import annotations

from .document import find_quotes
from .result import Quote, speaker_kind
from .words import PRONOUNS

__all__ = ["PRONOUNS", "Quote", "find_quotes", "speaker_kind"]
