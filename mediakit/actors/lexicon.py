"""The actor finder's word lists: loaded once from ``mediakit/resources/`` into a :class:`Lexicon`.

``actor_words.txt`` holds sections (``[honorifics]``, ``[roles]``, ``[org_heads]``...) of tab-separated
rows; ``countries.tsv``, ``places.tsv``, ``organisations.tsv`` and ``groups.tsv`` list names with their
other spellings (``|``-separated) and kinds; ``given_names.txt`` is whitespace-separated given names.
A few small word sets about anonymous sources are written here rather than in the files.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

RESOURCES = Path(__file__).parent.parent / "resources"

# anonymous sources: the nouns ("officials", "a source"), the ones that need no "who asked not to be
# named" after them, the modifiers read back from the noun ("two senior US officials")
ANON_NOUNS = frozenset(
    """official officials source sources people person persons diplomat diplomats aide aides insider insiders
    executive executives employee employees staffer staffers member members adviser advisers advisor advisors
    individual individuals officer officers engineer engineers analyst analysts lawyer lawyers""".split()
)
ANON_ALWAYS = frozenset("source sources insider insiders".split())
ANON_MODS = frozenset(
    """senior top high-ranking high ranking unnamed anonymous administration government diplomatic security
    intelligence military western police ministry party campaign industry official informed knowledgeable
    reliable local independent legal congressional european american us un eu nato""".split()
)
# a determiner or number opening such a phrase
QUANT = frozenset("the a an one two three four five six several some other another multiple many both".split())


def _read_sections(path: Path) -> dict[str, list[list[str]]]:
    out: dict[str, list[list[str]]] = {}
    current: list[list[str]] | None = None
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        if line.startswith("[") and line.endswith("]"):
            current = out.setdefault(line[1:-1].strip(), [])
            continue
        if current is not None:
            current.append([c.strip() for c in line.split("\t")])
    return out


def _read_tsv(path: Path) -> list[list[str]]:
    rows = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        rows.append([c.strip() for c in raw.split("\t")])
    return rows


def _split(cell: str) -> list[str]:
    return [x.strip() for x in cell.split("|") if x.strip()]


def _cell(row: list[str], i: int) -> str:
    return row[i] if i < len(row) else ""


class Lexicon:
    """All word lists, loaded once (see :func:`lexicon`)."""

    def __init__(self, resources: Path = RESOURCES) -> None:
        sec = _read_sections(resources / "actor_words.txt")

        def words(name: str) -> set[str]:
            return {r[0].lower() for r in sec.get(name, [])}

        def spread(name: str) -> frozenset[str]:
            """A section written as words spread over lines (no columns)."""
            return frozenset(w.lower() for r in sec.get(name, []) for cell in r for w in cell.split())

        def gendered(name: str) -> dict[str, str | None]:
            return {r[0].lower(): (r[1] if len(r) > 1 and r[1] in ("f", "m") else None) for r in sec.get(name, [])}

        self.honorifics = gendered("honorifics")
        self.roles = gendered("roles")
        self.role_words = {w for w in self.roles if " " not in w}
        self.role_modifiers = words("role_modifiers")
        self.topic_words = words("topic_words")
        self.org_heads = {r[0].lower(): (r[1] if len(r) > 1 else "organisation") for r in sec.get("org_heads", [])}
        self.event_heads = words("event_heads")
        self.place_heads = words("place_heads")
        self.document_heads = words("document_heads")
        self.not_name = words("not_name_words")
        self.stop = words("cap_stopwords")
        self.speech_verbs = words("speech_verbs")
        self.locative = words("locative_words")
        self.group_nouns = words("group_nouns")
        self.group_modifiers = words("group_modifiers")
        self.person_nouns = spread("person_nouns")
        self.speaker_documents = spread("speaker_documents")
        self.kinship = spread("kinship_words")
        self.collective = spread("collective_nouns")
        self.org_nouns_before = spread("org_nouns_before_names") | frozenset(self.org_heads)
        self.parties = {r[0].lower(): r[1] for r in sec.get("party_adjectives", []) if len(r) > 1}
        self.given: set[str] = set()
        for raw in (resources / "given_names.txt").read_text(encoding="utf-8").splitlines():
            if raw.strip() and not raw.startswith("#"):
                self.given.update(raw.split())
        # name -> (canonical, type, kind)
        self.names: dict[str, tuple[str, str, str]] = {}
        self.capitals: dict[str, str] = {}
        self.demonyms: dict[str, str] = {}
        self.plurals: dict[str, str] = {}
        for row in _read_tsv(resources / "countries.tsv"):
            country = row[0]
            for n in [country, *_split(_cell(row, 1))]:
                self.names.setdefault(n, (country, "place", "country"))
            for c in _split(_cell(row, 2)):
                self.capitals.setdefault(c, country)
            for d in _split(_cell(row, 3)):
                self.demonyms.setdefault(d, country)
            for p in _split(_cell(row, 4)):
                self.plurals.setdefault(p, country)
        for row in _read_tsv(resources / "places.tsv"):
            for n in [row[0], *_split(_cell(row, 1))]:
                self.names.setdefault(n, (row[0], "place", _cell(row, 2) or "place"))
        for row in _read_tsv(resources / "organisations.tsv"):
            for n in [row[0], *_split(_cell(row, 1))]:
                self.names.setdefault(n, (row[0], "organisation", _cell(row, 2) or "organisation"))
        for row in _read_tsv(resources / "groups.tsv"):
            for n in [row[0], *_split(_cell(row, 1))]:
                self.names.setdefault(n, (row[0], "group", _cell(row, 2) or "group"))
        for p in self.plurals:
            self.names.setdefault(p, (p, "group", "nationality"))
        self.people_lower = {p.lower() for p in self.plurals} | {
            n.lower() for n, v in self.names.items() if v[1] == "group" and " " not in n
        }
        # derived tables for the hot paths
        self.lookup_keys = frozenset(self.names) | frozenset(self.capitals) | frozenset(self.demonyms)
        self.title_words = frozenset(self.role_words | set(self.honorifics))
        self.scan_words = self.people_lower | self.group_nouns | ANON_NOUNS
        self.stop_or_speech = frozenset(self.stop | self.speech_verbs)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The word lists, loaded on first use and shared by every call."""
    return Lexicon()
