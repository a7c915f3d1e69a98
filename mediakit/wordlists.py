"""The word lists a teacher may extend, read once from ``mediakit/resources/``.

Each concept has one list, in one file, and every rule that needs it reads it from here: the actor
finder (:mod:`mediakit.actors`), the quote finder (:mod:`mediakit.quotes`) and the speaker linker
(:mod:`mediakit.speakers`). ``mediakit/resources/README.md`` lists the files; each file says in its
header what it is for, which rules read it and how to edit it. The speech verbs have their own loader,
:mod:`mediakit.lexicon`.

Three layouts are read. A table (``.tsv``) has one row a line, its columns separated by tabs. A
sectioned list (``.txt``) has one entry a line under ``[section]`` headings; a plain list
(``documents.txt``) one entry a line. In all, ``#`` starts a comment and blank lines are skipped. Every
accessor is cached: the files are read on first use and the answers (frozen sets and read-only mappings)
are shared by every caller, so a change to a file shows after Python restarts.

>>> "spokeswoman" in role_words(), roles()["spokeswoman"], honorifics()["mrs"]
(True, 'f', 'f')
>>> "mr" in role_words(), organisation_heads()["ministry"], "kenya" in places()
(False, 'government', True)
>>> "newspaper" in organisation_nouns(), "newspaper" in organisation_heads(), "inc" in organisation_nouns()
(True, False, False)

A file that cannot be read, a row of ``roles.tsv`` or ``organisation_words.tsv`` without its three
columns or with a value the header does not allow, or an entry before the first ``[section]``, raises
:class:`~mediakit.errors.ResourceError` naming the file (and the line).
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache, lru_cache
from pathlib import Path
from types import MappingProxyType

from .errors import ResourceError

RESOURCES = Path(__file__).parent / "resources"

#: the values of the ``use`` column of ``roles.tsv`` and ``organisation_words.tsv``
ROLE_USES = ("title", "role", "both")
ORGANISATION_USES = ("name", "noun", "both")
GENDERS = ("f", "m", "-")


def _lines(name: str) -> list[tuple[int, str]]:
    """The numbered lines of a resource file, comments and blank lines dropped."""
    path = RESOURCES / name
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as e:
        raise ResourceError(f"{name}: cannot read the word list: {e.strerror or e}") from e
    except UnicodeDecodeError as e:
        raise ResourceError(f"{name}: the word list is not UTF-8 text (byte {e.start})") from e
    out = []
    for n, raw in enumerate(text.splitlines(), 1):
        line = raw.split("#", 1)[0].rstrip()
        if line.strip():
            out.append((n, line))
    return out


@cache
def table(name: str) -> tuple[tuple[str, ...], ...]:
    """The rows of a tab-separated resource file (``countries.tsv``...), cells stripped.

    >>> table("places.tsv")[0]
    ('Africa', '', 'continent')
    """
    return tuple(tuple(c.strip() for c in line.split("\t")) for _n, line in _lines(name))


@cache
def sections(name: str) -> Mapping[str, tuple[tuple[str, ...], ...]]:
    """The ``[section]`` lists of a sectioned resource file, each a tuple of rows (tab-separated cells).

    >>> sections("group_words.txt")["modifiers"][0]
    ('local',)
    """
    out: dict[str, list[tuple[str, ...]]] = {}
    current: list[tuple[str, ...]] | None = None
    for n, line in _lines(name):
        if line.startswith("[") and line.endswith("]"):
            current = out.setdefault(line[1:-1].strip(), [])
            continue
        if current is None:
            raise ResourceError(f"{name} line {n}: an entry before the first [section] heading")
        current.append(tuple(c.strip() for c in line.split("\t")))
    return MappingProxyType({k: tuple(v) for k, v in out.items()})


def section_words(name: str, section: str) -> frozenset[str]:
    """The first cells of one section, lower case (an empty set when the section is missing)."""
    return frozenset(r[0].lower() for r in sections(name).get(section, ()))


def _checked(name: str, columns: int, allowed: dict[int, tuple[str, ...]]) -> list[tuple[str, ...]]:
    """The rows of a table, each with ``columns`` cells whose values are checked against ``allowed``."""
    rows = []
    for n, line in _lines(name):
        row = tuple(c.strip() for c in line.split("\t"))
        if len(row) != columns or not row[0]:
            raise ResourceError(f"{name} line {n}: expected {columns} tab-separated columns, got {line!r}")
        for i, values in allowed.items():
            if row[i] not in values:
                raise ResourceError(f"{name} line {n}: {row[i]!r} should be one of {', '.join(values)}")
        rows.append((row[0].lower(), *row[1:]))
    return rows


@lru_cache(maxsize=1)
def _roles() -> tuple[tuple[str, str | None, str], ...]:
    rows = _checked("roles.tsv", 3, {1: GENDERS, 2: ROLE_USES})
    return tuple((w, g if g in ("f", "m") else None, use) for w, g, use in rows)


@lru_cache(maxsize=1)
def honorifics() -> Mapping[str, str | None]:
    """Titles written just before a name (``roles.tsv``, use ``title`` or ``both``): word -> gender
    (``"f"``, ``"m"`` or None)."""
    return MappingProxyType({w: g for w, g, use in _roles() if use != "role"})


@lru_cache(maxsize=1)
def roles() -> Mapping[str, str | None]:
    """Nouns naming a role or a job, some of two words (``roles.tsv``, use ``role`` or ``both``):
    word -> gender (``"f"``, ``"m"`` or None)."""
    return MappingProxyType({w: g for w, g, use in _roles() if use != "title"})


@lru_cache(maxsize=1)
def role_words() -> frozenset[str]:
    """The one-word roles: the answer to "is this word a role?"."""
    return frozenset(w for w in roles() if " " not in w)


@lru_cache(maxsize=1)
def organisation_words() -> Mapping[str, tuple[str, str]]:
    """Every row of ``organisation_words.tsv``: word -> (kind of organisation, use)."""
    rows = _checked("organisation_words.tsv", 3, {2: ORGANISATION_USES})
    return MappingProxyType({w: (kind, use) for w, kind, use in rows})


@lru_cache(maxsize=1)
def organisation_heads() -> Mapping[str, str]:
    """Words that make a capitalised name an organisation (``organisation_words.tsv``, use ``name`` or
    ``both``): word -> kind of organisation."""
    return MappingProxyType({w: kind for w, (kind, use) in organisation_words().items() if use != "noun"})


@lru_cache(maxsize=1)
def organisation_nouns() -> frozenset[str]:
    """Words that, in lower case and alone, stand for an organisation ("the ministry said"):
    ``organisation_words.tsv`` rows with use ``noun`` or ``both``."""
    return frozenset(w for w, (_kind, use) in organisation_words().items() if use != "name")


@lru_cache(maxsize=1)
def group_nouns() -> frozenset[str]:
    """Plural nouns naming a group of people (``group_words.txt`` ``[nouns]``)."""
    return section_words("group_words.txt", "nouns")


@lru_cache(maxsize=1)
def group_modifiers() -> frozenset[str]:
    """Words kept in front of a group noun (``group_words.txt`` ``[modifiers]``)."""
    return section_words("group_words.txt", "modifiers")


@lru_cache(maxsize=1)
def audiences() -> frozenset[str]:
    """Nouns for the people a speaker talks to (``group_words.txt`` ``[audiences]``): "told the crowd"."""
    return section_words("group_words.txt", "audiences")


@lru_cache(maxsize=1)
def documents() -> frozenset[str]:
    """Nouns for texts and figures that can be reported as saying something (``documents.txt``)."""
    return frozenset(line.strip().lower() for _n, line in _lines("documents.txt"))


@lru_cache(maxsize=1)
def anonymous_always() -> frozenset[str]:
    """Nouns that are an anonymous source by themselves (``anonymous_sources.txt`` ``[always]``)."""
    return section_words("anonymous_sources.txt", "always")


@lru_cache(maxsize=1)
def anonymous_nouns() -> frozenset[str]:
    """Every noun an anonymous source is built on: ``[always]`` and ``[nouns]`` of ``anonymous_sources.txt``."""
    return anonymous_always() | section_words("anonymous_sources.txt", "nouns")


@lru_cache(maxsize=1)
def anonymous_modifiers() -> frozenset[str]:
    """Words kept in front of an anonymous-source noun (``anonymous_sources.txt`` ``[modifiers]``)."""
    return section_words("anonymous_sources.txt", "modifiers")


@lru_cache(maxsize=1)
def anonymous_phrases() -> tuple[str, ...]:
    """Words and phrases that make a speaker anonymous (``anonymous_sources.txt`` ``[phrases]``), lower case."""
    return tuple(" ".join(r[0].lower().split()) for r in sections("anonymous_sources.txt").get("phrases", ()))


@lru_cache(maxsize=1)
def person_nouns() -> frozenset[str]:
    """Common nouns for one person or a body of people a speaker may be described by (``speaker_words.txt``
    ``[person_nouns]``): "a bartender said", "city staff say"."""
    return section_words("speaker_words.txt", "person_nouns")


@lru_cache(maxsize=1)
def kinship_nouns() -> frozenset[str]:
    """Relational nouns ("father", "wife"): never joined to a person by the role alone
    (``speaker_words.txt`` ``[kinship]``)."""
    return section_words("speaker_words.txt", "kinship")


@lru_cache(maxsize=1)
def collective_nouns() -> frozenset[str]:
    """Nouns for a body of people that speaks as an organisation ("the military said"): the organisation
    nouns (``organisation_words.tsv``, use noun or both) and ``speaker_words.txt`` ``[collective]``."""
    return organisation_nouns() | section_words("speaker_words.txt", "collective")


@lru_cache(maxsize=1)
def speaker_documents() -> frozenset[str]:
    """Documents whose owner speaks ("her statement", "the report said"): ``documents.txt`` and
    ``speaker_words.txt`` ``[documents]``."""
    return documents() | section_words("speaker_words.txt", "documents")


def split_names(cell: str) -> list[str]:
    """The ``|``-separated names of a gazetteer cell."""
    return [x.strip() for x in cell.split("|") if x.strip()]


def cell(row: tuple[str, ...], i: int) -> str:
    """Column ``i`` of a row, or ``""`` when the row is shorter."""
    return row[i] if i < len(row) else ""


@lru_cache(maxsize=1)
def places() -> frozenset[str]:
    """Every name of a country, a capital or another place, lower case: ``countries.tsv`` (names, other
    names, capitals) and ``places.tsv`` (names, other names)."""
    out: set[str] = set()
    for row in table("countries.tsv"):
        out.update([row[0], *split_names(cell(row, 1)), *split_names(cell(row, 2))])
    for row in table("places.tsv"):
        out.update([row[0], *split_names(cell(row, 1))])
    return frozenset(n.lower() for n in out)


@lru_cache(maxsize=1)
def organisation_names() -> frozenset[str]:
    """Every name of a well-known organisation, lower case: ``organisations.tsv`` (names, other names)."""
    return frozenset(n.lower() for row in table("organisations.tsv") for n in [row[0], *split_names(cell(row, 1))])


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """The given names of ``given_names.txt`` (several a line, as written)."""
    return frozenset(w for _n, line in _lines("given_names.txt") for w in line.split())
