"""Who speaks: each quote's speaker words linked to the actor they name.

:func:`link_quotes` is the last step of :func:`mediakit.analysis.analyse`. It reads the speaker words the
quote finder gave each quote (``Lind``, ``she``, ``a spokeswoman for the ministry``, ``the report``) and
returns one :class:`Link` per quote: the :class:`~mediakit.actors.Actor` who speaks (or None), the rule
in words, and how the words named the speaker (:data:`RESOLUTIONS`). New actors are appended to the
actor list; pronoun and description mentions are added to the actors they resolve to.

Rules, in the order they are tried
----------------------------------
* **The head of the speaker phrase.** Only the words before a comma, bracket or dash count ("Lina
  Arafeh, a translator in Halifax" is Arafeh), and of those the last: "TransLink CEO Kevin Desmond" is
  Desmond, "North Korea's state-run KCNA news agency" is the agency. A name used as a modifier is not
  the speaker: "Lind aides", "the Lind campaign", "Lind's office" become their own actor, affiliated
  with Lind. "Lind's agent, Rafe Moss" is Moss (the name in apposition).
* **Pronouns** ("he said", "she added", "they say", "it said") go to the most salient fitting actor
  before them: walking back sentence by sentence, the speaker of an earlier quote and the subject of a
  sentence come before other names, and a name in a possessive or used as a modifier ("Kim's visit",
  "the Osland government") comes last; names inside quotation marks never count. A nearer sentence wins
  unless its candidate ranks two levels lower. Gender is used only where the text states it (an
  honorific, a gendered role noun such as "spokeswoman"): a "she" never goes to a "Mr"; a gender read
  from an earlier pronoun only lowers a candidate. "they" goes to groups, anonymous sources and
  organisations, "it" to organisations (and countries that have spoken); "I"/"we" stay unresolved.
* **Role nouns**: "the minister" goes to the one person named *before* it with that role ("a
  spokeswoman", indefinite, is a new person); kinship words ("the father") never join a named person
  by role alone; "the 26-year-old right wing" (an age) goes to the subject of the sentences before, like
  a pronoun.
* **Organisation words**: "the ministry", "the diocese", "the city" go to the one organisation named
  with that word; "the Mexican government", "Canadian authorities" to the country.
* **Documents** ("a statement", "her statement", "the report", "according to the study") go to their
  owner when the text says whose they are: a possessive ("her", "the company's"), "from/by X" in or just
  after the phrase, a name before the noun ("the Civic Action study"), an earlier mention of the same
  document with an owner ("Cross wrote in a recent report"), or else the subject of the sentence
  before ("Gatsby said ... A statement said").
* **Unnamed speakers** ("a bartender", "city staff", "the military", "refugee advocates") become actors
  described by their words (a person, a group when plural, an organisation for collective nouns), one
  actor per description and affiliation; anonymous sources are named by
  :func:`~mediakit.actors.patterns.anonymous_name`.
* **Follow-on quotes** (a quotation paragraph with no attribution) keep the speaker of the quote they
  follow.

Limit: :data:`~mediakit.speakers.index.PRONOUN_LOOKBACK` (200): a search back from a pronoun reads at
most that many mentions (and speakers) of one sentence, and that many sentences and paragraphs (see
:mod:`mediakit.speakers.index`); a search it stopped is noted in ``Article.flags``.

What it misses: a pronoun whose antecedent is a group of named people ("they" for Lind and Moss),
cataphora ("Before he spoke, Lind ..."), and speakers the quote finder cut short or too long: the link
follows the words it was given.

Where the code lives
--------------------
``result`` (:class:`Link`, :data:`RESOLUTIONS`), ``words`` (word lists, patterns, small text tests),
``gender`` (gender as the text states it, how a speaker is named), ``index`` (mentions, quotations and
sentences of one article), ``salience`` (pronouns), ``nouns`` (role nouns, organisation words,
documents, new actors) and ``linker`` (the walk over the quotes, the head of the speaker phrase); each
class extends the one before it.
"""

from __future__ import annotations

from ..actors.results import Actor
from ..model import Span
from ..quotes import Quote
from . import index
from .gender import speaker_gender, speaker_named, stated_gender
from .linker import Linker
from .result import RESOLUTIONS, Link

__all__ = ["RESOLUTIONS", "Link", "link_quotes", "speaker_gender", "speaker_named", "stated_gender"]


def link_quotes(source: str, quotes: list[Quote], actors: list[Actor], spans: list[Span] | None = None,
                notes: list[str] | None = None, stated: dict[int, tuple[str, str] | None] | None = None) -> list[Link]:
    """Link each quote's speaker to an actor (see the module docstring); one :class:`Link` per quote.

    ``spans`` are the analysed spans (headline, standfirst, paragraphs), used to find sentences;
    by default the paragraphs of ``source``. New actors are appended to ``actors``; pronoun and
    description mentions are added to the actors they resolve to. Given a list ``notes``, a line is
    appended to it when :data:`~mediakit.speakers.index.PRONOUN_LOOKBACK` cut a search short. Given a
    dict ``stated``, the genders the text states (:func:`stated_gender`) that linking reads are kept in
    it by actor id, for :func:`speaker_gender` to read again (the mentions linking adds state none).
    """
    linker = Linker(source, quotes, actors, spans, stated)
    out = linker.run()
    if linker.cut_short and notes is not None:
        n = linker.cut_short
        notes.append(f"analysis: {n:,} search{'es' if n > 1 else ''} back from a pronoun or description stopped "
                     f"at {index.PRONOUN_LOOKBACK:,} actor mentions or sentences; an antecedent further back "
                     "was not considered (PRONOUN_LOOKBACK, mediakit/speakers/index.py)")
    return out
