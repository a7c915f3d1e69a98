"""The speech-verb lexicon: which words report speech, and how they colour it.

The lexicon lives in ``mediakit/resources/speech_verbs.tsv``, a plain tab-separated file a teacher can
open in a spreadsheet and extend. One row per verb (or fixed phrase such as ``according to``):

``lemma``
    the dictionary form (``say``, ``point out``, ``according to``).
``class``
    what the choice of verb tells a reader: ``neutral`` (say, tell, add, note), ``loaded`` (insist,
    claim, admit, deny, slam, boast: the verb judges the speaker or the claim), ``emphatic`` (argue,
    stress, warn, vow), ``hedged`` (allege, reportedly: the reporter keeps a distance), ``writing``
    (write, tweet), ``question`` (ask, wonder) and ``thought`` (believe, think: a belief, not speech).
``frame``
    how the verb is built into a sentence: ``say`` (``X said (that) ...``), ``tell`` (a listener follows
    the verb: ``X told reporters ...``), ``that`` (reports only a ``that``/``if``/wh- clause or a
    quotation: ``X knows that ...``, not ``X knows the area``), ``quote`` (reports only a quotation:
    ``"...," she continued``), ``prep`` (``according to X``) or ``adverb`` (``reportedly``: listed for
    counting, it starts no quote by itself).
``forms``
    every spelling to match, separated by ``|`` (``say|says|said|saying``). A ``*`` after a form marks
    a spelling that is also a common noun (``report*``, ``states*``): the quote finder takes it as a
    cue only after a clear speaker and before what was said.
``note``
    an optional remark for readers.

Lines starting with ``#`` are comments. The loader needs nothing beyond the standard library.

>>> verb_class("insisted")
'loaded'
>>> verb_class("According to")
'neutral'
>>> verb_class("table") is None
True
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from .errors import ResourceError

CLASSES = ("neutral", "loaded", "emphatic", "hedged", "writing", "question", "thought")
FRAMES = ("say", "tell", "that", "quote", "prep", "adverb")


@dataclass(frozen=True)
class VerbEntry:
    """One lexicon row: the lemma, its class, its frame and the note for readers."""

    lemma: str
    cls: str
    frame: str
    note: str = ""
    noun_forms: frozenset[str] = frozenset()


def load_lexicon(path: str | Path | None = None) -> dict[str, VerbEntry]:
    """Read a speech-verb TSV into ``{form: entry}`` (forms lower-cased).

    ``path`` defaults to the packaged ``resources/speech_verbs.tsv``. A form listed twice keeps its
    first row, so a custom file can put its own choices first. A file that cannot be read, or a malformed
    row, raises :class:`~mediakit.errors.ResourceError` naming the line.
    """
    name = str(path) if path is not None else "speech_verbs.tsv"
    try:
        if path is None:
            text = resources.files("mediakit").joinpath("resources/speech_verbs.tsv").read_text(encoding="utf-8")
        else:
            text = Path(path).read_text(encoding="utf-8")
    except OSError as e:
        raise ResourceError(f"{name}: cannot read the speech-verb lexicon: {e.strerror or e}") from e
    except UnicodeDecodeError as e:
        raise ResourceError(f"{name}: the speech-verb lexicon is not UTF-8 text (byte {e.start})") from e
    table: dict[str, VerbEntry] = {}
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) < 4:
            raise ResourceError(f"{name} line {n}: want lemma, class, frame, forms (tab-separated)")
        lemma, cls, frame, forms = (c.strip() for c in cols[:4])
        if cls not in CLASSES or frame not in FRAMES:
            raise ResourceError(
                f"{name} line {n}: unknown class {cls!r} or frame {frame!r} "
                f"(classes: {', '.join(CLASSES)}; frames: {', '.join(FRAMES)})"
            )
        spellings = [" ".join(f.lower().split()) for f in forms.split("|")]
        nouns = frozenset(f.rstrip("*") for f in spellings if f.endswith("*"))
        entry = VerbEntry(lemma, cls, frame, cols[4].strip() if len(cols) > 4 else "", nouns)
        for form in spellings:
            if form.rstrip("*"):
                table.setdefault(form.rstrip("*"), entry)
    return table


@lru_cache(maxsize=1)
def lexicon() -> dict[str, VerbEntry]:
    """The packaged lexicon, loaded once."""
    return load_lexicon()


def lookup(word: str) -> VerbEntry | None:
    """The lexicon entry for a word or phrase in any of its forms (case and spacing ignored)."""
    return lexicon().get(" ".join(word.lower().replace("\u2019", "'").split()))


def verb_class(word: str) -> str | None:
    """The class of a speech verb in any form (``"said"`` -> ``"neutral"``), or None if not listed."""
    entry = lookup(word)
    return entry.cls if entry else None
