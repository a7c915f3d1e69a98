"""The word lists of mediakit/resources/: documented, loaded once, shared by every rule, checked when read."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from mediakit import wordlists
from mediakit.actors.lexicon import lexicon
from mediakit.errors import ResourceError

RESOURCES = Path(wordlists.__file__).parent / "resources"
FILES = sorted(p.name for p in RESOURCES.iterdir() if p.suffix in (".tsv", ".txt"))


def test_readme_lists_every_file() -> None:
    readme = (RESOURCES / "README.md").read_text(encoding="utf-8")
    listed = set(re.findall(r"^\| `([\w.]+)` \|", readme, re.M))
    assert listed == set(FILES)


@pytest.mark.parametrize("name", FILES)
def test_every_file_says_who_reads_it_and_how_to_edit(name: str) -> None:
    lines = (RESOURCES / name).read_text(encoding="utf-8").splitlines()
    header = []
    for line in lines:
        if not line.startswith("#"):
            break
        header.append(line)
    text = " ".join(header)
    assert "Who reads it" in text and "To add" in text, name


def test_one_answer_to_is_this_a_role() -> None:
    lex = lexicon()
    assert lex.role_words is wordlists.role_words()
    assert lex.org_heads is wordlists.organisation_heads()
    assert lex.group_nouns is wordlists.group_nouns()
    assert "spokesman" in wordlists.role_words() and "mr" not in wordlists.role_words()
    assert wordlists.honorifics()["mr"] == "m" and "president" in wordlists.honorifics()
    assert "prime minister" in wordlists.roles() and "prime minister" not in wordlists.role_words()


def test_lists_are_frozen() -> None:
    with pytest.raises(TypeError):
        wordlists.roles()["newword"] = None  # type: ignore[index]
    assert isinstance(wordlists.places(), frozenset)


def test_places_hold_countries_capitals_and_other_names() -> None:
    places = wordlists.places()
    assert {"kenya", "nairobi", "u.s.", "hong kong", "texas"} <= places
    assert "kenyan" not in places  # demonyms are not places


def test_anonymous_nouns_hold_the_always_ones() -> None:
    assert wordlists.anonymous_always() <= wordlists.anonymous_nouns()
    assert "familiar with" in wordlists.anonymous_phrases()


def _use(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, text: str) -> None:
    (tmp_path / name).write_text(text, encoding="utf-8")
    monkeypatch.setattr(wordlists, "RESOURCES", tmp_path)


def test_a_malformed_row_names_file_and_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _use(tmp_path, monkeypatch, "roles.tsv", "# comment\nmr\tm\ttitle\nspokesman\tm\n")
    with pytest.raises(ResourceError, match=r"roles.tsv line 3: expected 3 tab-separated columns"):
        wordlists._roles.__wrapped__()


def test_a_wrong_value_names_the_allowed_ones(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _use(tmp_path, monkeypatch, "roles.tsv", "mr\tmale\ttitle\n")
    with pytest.raises(ResourceError, match=r"roles.tsv line 1: 'male' should be one of f, m, -"):
        wordlists._roles.__wrapped__()


def test_an_entry_before_a_section(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _use(tmp_path, monkeypatch, "group_words.txt", "# comment\nresidents\n[nouns]\n")
    with pytest.raises(ResourceError, match=r"group_words.txt line 2: an entry before the first \[section\]"):
        wordlists.sections.__wrapped__("group_words.txt")


def test_a_missing_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(wordlists, "RESOURCES", tmp_path)
    with pytest.raises(ResourceError, match=r"roles.tsv: cannot read the word list"):
        wordlists._roles.__wrapped__()


def test_organisation_words_in_names_and_alone() -> None:
    heads, nouns = wordlists.organisation_heads(), wordlists.organisation_nouns()
    assert "ministry" in heads and "ministry" in nouns  # "the Foreign Ministry", "the ministry said"
    assert "inc" in heads and "inc" not in nouns  # "Acme Inc", but not "the inc"
    assert "newspaper" in nouns and "newspaper" not in heads  # "the newspaper said"


def test_the_quote_finder_reads_the_same_lists() -> None:
    from mediakit.quotes import speaker_kind
    from mediakit.quotes import words as qw

    assert wordlists.role_words() <= qw.SPEAKER_NOUNS and wordlists.group_nouns() <= qw.SPEAKER_NOUNS
    assert qw.PLACES is wordlists.places() and qw.DOCUMENT_NOUNS is wordlists.documents()
    assert [speaker_kind(s) for s in ("the geologist", "Texas", "the newspaper", "the White House")] == [
        "role", "place", "organisation", "organisation"]
    assert speaker_kind("Hong Kong") == "place" and speaker_kind("Acme Holdings") == "organisation"
