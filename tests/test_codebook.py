"""Codebooks: YAML and CSV files, names before patterns, types, unmapped actors, clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from mediakit.actors import Actor
from mediakit.codebook import Codebook, CodebookError

ROOT = Path(__file__).resolve().parent.parent


def cast() -> list[Actor]:
    return [
        Actor("A1", "Ministry of Ports", "organisation"),
        Actor("A2", "Kestrel Shipping", "organisation", aliases=["Kestrel"]),
        Actor("A3", "sources", "anonymous"),
        Actor("A4", "Mira Solberg", "person"),
        Actor("A5", "Valdoria", "place", aliases=["Port Lenn"]),
        Actor("A6", "Harbour Trust", "organisation"),
    ]


YAML = """
default: unmapped
categories:
  government:
    names: [Port Lenn]
    patterns: ['(?i)\\bministry\\b']
  business:
    names: [kestrel]
  civil society:
    patterns: ['(?i)trust']
  anonymous:
    types: [anonymous]
"""


def test_yaml_codebook_maps_by_alias_pattern_and_type() -> None:
    book = Codebook.from_yaml(YAML)
    cats = {a.name: a.category for a in book.apply(cast())}
    assert cats == {
        "Ministry of Ports": "government",
        "Kestrel Shipping": "business",  # alias, any case
        "sources": "anonymous",
        "Mira Solberg": "unmapped",
        "Valdoria": "government",  # alias "Port Lenn"
        "Harbour Trust": "civil society",
    }


def test_exact_names_win_over_earlier_patterns() -> None:
    book = Codebook({"broad": {"patterns": ["(?i)shipping"]}, "exact": {"names": ["Kestrel Shipping"]}})
    assert book.category_of(cast()[1]) == "exact"


def test_types_narrow_names_and_patterns() -> None:
    book = Codebook({"people": {"patterns": ["."], "types": ["person"]}})
    cats = [a.category for a in book.apply(cast())]
    assert cats.count("people") == 1


def test_csv_codebook(tmp_path: Path) -> None:
    path = tmp_path / "book.csv"
    path.write_text(
        "category,kind,value\n"
        "government,pattern,(?i)ministry\n"
        "business,name,Kestrel Shipping\n"
        "anonymous,type,anonymous\n"
    )
    book = Codebook.load(path)
    cats = {a.name: a.category for a in book.apply(cast())}
    assert cats["Ministry of Ports"] == "government"
    assert cats["Kestrel Shipping"] == "business"
    assert cats["sources"] == "anonymous"
    assert cats["Harbour Trust"] == "unmapped"


def test_custom_default() -> None:
    book = Codebook.from_yaml("default: other\ncategories:\n  x:\n    names: [nobody]\n")
    assert {a.category for a in book.apply(cast())} == {"other"}


def test_example_file_loads_and_maps_the_teaching_cast() -> None:
    book = Codebook.load(ROOT / "data" / "codebooks" / "example.yaml")
    actors = [
        Actor("A1", "Teodora Vasko", "person"),
        Actor("A2", "Inter-Basin Rivers Commission", "organisation", aliases=["IBRC"]),
        Actor("A3", "senior official who asked not to be named", "anonymous"),
        Actor("A4", "local residents", "group"),
        Actor("A5", "Somebody Else", "person"),
    ]
    assert [a.category for a in book.apply(actors)] == [
        "government", "international body", "anonymous", "residents", "unmapped"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "categories: [a, b]",
        "categories:\n  x:\n    patterns: ['(unclosed']\n",
        "categories:\n  x:\n    types: [robot]\n",
        "categories:\n  x:\n    colour: [red]\n",
        "categories:\n  x: [1, 2]\n",
        ": : :",
    ],
)
def test_bad_yaml_gives_a_clear_error(text: str) -> None:
    with pytest.raises(CodebookError):
        Codebook.from_yaml(text).apply(cast())


def test_bad_csv_gives_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(CodebookError):
        Codebook.from_csv("a,b\n1,2\n")
    with pytest.raises(CodebookError):
        Codebook.from_csv("category,kind,value\nx,regex,foo\n")
    with pytest.raises(CodebookError):
        Codebook.load(tmp_path / "missing.yaml")


def test_init_only_stores_parameters() -> None:
    cats = {"x": {"patterns": ["(bad"]}}
    book = Codebook(cats)  # nothing compiled yet
    assert book.categories is cats
    with pytest.raises(CodebookError):
        _ = book.rules_
