"""The optional spaCy engine, tested with a blank English pipeline and an entity ruler (no model)."""

from __future__ import annotations

import pytest

from mediakit.analysis import analyse
from mediakit.errors import EngineError
from mediakit.model import Article, Span
from mediakit.spacy_engine import load_pipeline

TEXT = (
    "Harbour row deepens\n\n"
    "Ms Lena Ortiz, spokeswoman for the Avel Harbour Board, said Ottawa had not replied. "
    "\u201cWe are still waiting,\u201d Ortiz said.\n\n"
    "Valdorians protested outside the UN office in Ottawa, sources said."
)


def article() -> Article:
    first = TEXT.index("\n\n")
    body = TEXT.index("Ms Lena")
    last = TEXT.index("Valdorians")
    art = Article(source=TEXT, id="row-1")
    art.metadata_spans = [Span(0, first, "title")]
    art.paragraphs = [Span(body, last - 2, "paragraph"), Span(last, len(TEXT), "paragraph")]
    return art


def test_missing_nlp_is_a_clear_error() -> None:
    with pytest.raises(EngineError, match="nlp="):
        analyse(article(), engine="spacy")
    with pytest.raises(EngineError):
        load_pipeline(42)


def test_blank_pipeline_with_entity_ruler() -> None:
    spacy = pytest.importorskip("spacy")
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([
        {"label": "PERSON", "pattern": "Lena Ortiz"},
        {"label": "PERSON", "pattern": "Ortiz"},
        {"label": "ORG", "pattern": "Avel Harbour Board"},
        {"label": "ORG", "pattern": "UN"},
        {"label": "GPE", "pattern": "Ottawa"},
        {"label": "NORP", "pattern": "Valdorians"},
    ])
    an = analyse(article(), engine="spacy", nlp=nlp)
    actors = {a.name: a for a in an.actors}
    ortiz = actors["Lena Ortiz"]
    assert ortiz.type == "person" and len(ortiz.mentions) == 2
    assert ortiz.role == "spokeswoman" and ortiz.affiliation == "Avel Harbour Board"
    assert ortiz.gender == "f"
    assert actors["Avel Harbour Board"].type == "organisation"
    assert actors["United Nations"].type == "organisation"  # canonical name from the gazetteer
    assert "Ottawa" in actors["Canada"].aliases  # capital standing for its government
    assert actors["Ottawa"].type == "place"  # "in Ottawa": the city
    assert actors["Valdorians"].type == "group"
    assert actors["sources"].type == "anonymous"  # anonymous sources still come from the rules
    assert any("spaCy entity PERSON" in m.rule for m in ortiz.mentions)
    speakers = {q.speaker for q in an.quotes}
    assert "Lena Ortiz" in speakers
    rows = an.quote_rows("row-1")
    assert rows and all(r["doc"] == "row-1" for r in rows)


def test_pipeline_name_that_is_not_installed() -> None:
    pytest.importorskip("spacy")
    with pytest.raises(EngineError, match="not installed"):
        analyse(article(), engine="spacy", nlp="xx_no_such_pipeline_mediakit")
