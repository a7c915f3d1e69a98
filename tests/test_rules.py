"""The rule table (mediakit.quotes.rules): every rule has one greppable id, an example it finds, and the
rules page docs/rules.md is generated from the table."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest

from mediakit.quotes import find_quotes
from mediakit.quotes.rules import LIMITS, RULES, limit, render, rule, rules_markdown

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "mediakit" / "quotes"
RULES_PY = PACKAGE / "rules.py"
IDS = [r.id for r in RULES]
LIMIT_IDS = [x.id for x in LIMITS]


def _strings(path: Path) -> list[str]:
    return [n.value for n in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
            if isinstance(n, ast.Constant) and isinstance(n.value, str)]


@pytest.mark.parametrize("rule_id", IDS)
def test_every_example_is_found_by_its_rule(rule_id: str) -> None:
    r = rule(rule_id)
    quotes = find_quotes(r.example)
    if r.joins:  # the quote keeps the id of the rule that found it; this rule's text is appended
        assert any(q.rule.endswith(f"; {r.template} ({r.id})") for q in quotes), [q.rule for q in quotes]
    else:
        assert rule_id in [q.rule_id for q in quotes], [(q.rule_id, q.rule) for q in quotes]


@pytest.mark.parametrize("limit_id", LIMIT_IDS)
def test_every_limit_example_finds_what_it_says(limit_id: str) -> None:
    x = limit(limit_id)
    quotes = find_quotes(x.example)
    found = [q.text(x.example) for q in quotes]
    assert found == ([] if x.expect is None else [x.expect]), found
    if x.speaker is not None:
        assert quotes[0].speaker_text == x.speaker, quotes[0].speaker_text


def test_limit_ids_are_unique_and_not_rule_ids() -> None:
    assert len(set(LIMIT_IDS)) == len(LIMIT_IDS)
    assert not set(LIMIT_IDS) & set(IDS)
    for x in LIMITS:
        assert re.fullmatch(r"[a-z]+(-[a-z]+)*", x.id), x.id


def test_ids_are_unique_and_written_once_in_the_table() -> None:
    assert len(set(IDS)) == len(IDS)
    source = RULES_PY.read_text(encoding="utf-8")
    strings = _strings(RULES_PY)
    for r in RULES:
        assert re.fullmatch(r"[a-z]+(-[a-z]+)*", r.id), r.id
        assert source.count(f'id="{r.id}"') == 1, r.id
        assert strings.count(r.id) == 1, r.id  # the id is a string of its own once


def test_the_engine_names_rules_only_by_literal_ids() -> None:
    engine = [p for p in PACKAGE.rglob("*.py") if p != RULES_PY]
    named: set[str] = set()
    for path in engine:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) in ("render", "make"):
                args = node.args[:1] if node.func.id == "render" else node.args[4:6]
                for a in args:
                    assert isinstance(a, (ast.Constant, ast.Name)), f"{path.name}:{node.lineno}: assembled rule id"
                    if isinstance(a, ast.Constant):
                        named.add(a.value)
            elif isinstance(node, ast.Assign) and any(getattr(t, "id", None) == "rid" for t in node.targets):
                assert isinstance(node.value, ast.Constant), f"{path.name}:{node.lineno}: assembled rule id"
                named.add(node.value.value)
    assert named <= set(IDS), named - set(IDS)
    assert named == set(IDS), f"rules in the table the engine never names: {set(IDS) - named}"


def test_rendered_text_ends_with_the_rule_id() -> None:
    fields = {k: "x" for k in ("what", "speaker", "cue", "attribution", "content", "mark", "aux", "participle")}
    for r in RULES:
        text = render(r.id, **fields)
        assert "{" not in text
        assert text == f"{r.template.format(**fields)} ({r.id})"
        assert re.findall(r"\(([a-z-]+)\)", text) == [r.id]  # no other id in brackets


def test_every_quote_of_the_examples_names_a_rule_of_the_table(examples: Path) -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(examples.glob("*.txt"))]
    assert texts
    seen = set()
    for text in texts:
        for q in find_quotes(text):
            rule(q.rule_id)
            # every part of the text ends with its rule's id: "... (rule-id)" or "... (rule-id); ... (quote-continued)"
            ids = [m.group(1) for m in re.finditer(r"\(([a-z-]+)\)(?:;|$)", q.rule)]
            assert ids and ids[0] == q.rule_id and all(i == "quote-continued" for i in ids[1:]), q.rule
            assert ids[-1] == q.rule_id or rule(ids[-1]).joins, q.rule
            seen.add(q.rule_id)
    assert len(seen) >= 5


def test_docs_page_is_generated_from_the_table() -> None:
    committed = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert committed == rules_markdown(), "docs/rules.md is stale: python -m mediakit.quotes rules > docs/rules.md"
    for r in RULES:
        assert f"### `{r.id}`" in committed
    for x in LIMITS:
        assert f"### `{x.id}`" in committed


def test_rules_page_command() -> None:
    res = subprocess.run([sys.executable, "-m", "mediakit.quotes", "rules"], capture_output=True, text=True,
                         cwd=ROOT, check=True)
    assert res.stdout == rules_markdown()
    assert not res.stderr


def test_render_is_the_template_filled_in() -> None:
    """render's precompiled %-format gives what str.format of the template gives, marks and braces in
    the values included."""
    fields = {"what": "50% {of} it", "speaker": "Lee (D-Vess.)", "cue": "said", "attribution": "Lee said",
              "content": "a %s block", "mark": ":", "aux": "is", "participle": "claimed"}
    for r in RULES:
        assert render(r.id, **fields) == r.template.format(**fields) + f" ({r.id})"
