"""Codebooks: sort actors into the categories a study uses ("government", "civil society", ...).

A :class:`Codebook` is a list of rules read from a small YAML or CSV file. :meth:`Codebook.apply`
gives every actor a ``category``: the first rule that matches it wins, and an actor no rule matches
stays visible with the category ``"unmapped"`` (so nothing silently disappears from a count).

A rule matches an actor by

* ``names``: exact names, compared without regard to case or curly apostrophes, against the actor's
  canonical name **and** its aliases ("UN" matches the actor "United Nations" whose alias is "UN");
* ``patterns``: regular expressions (Python syntax, searched anywhere; add ``(?i)`` for any case)
  tried against the same names;
* ``types``: actor types (``person``, ``organisation``, ``place``, ``group``, ``event``,
  ``anonymous``); alone, a rule with only ``types`` matches every actor of those types; with
  names or patterns, it narrows them.

Exact names are tried before patterns, across the whole codebook, so a precise rule is never
overtaken by a broad pattern written above it.

YAML format (see ``data/codebooks/example.yaml``)::

    default: unmapped            # optional: the category for actors no rule matches
    categories:
      government:
        names: [Ministry of Water and Energy, Teodora Vasko]
        patterns: ['(?i)\\bministry\\b', '(?i)^government of ']
      anonymous:
        types: [anonymous]

CSV format: one line per name or pattern, with a header line ``category,kind,value``; ``kind`` is
``name``, ``pattern`` or ``type``::

    category,kind,value
    government,name,Ministry of Water and Energy
    government,pattern,(?i)\\bministry\\b
    anonymous,type,anonymous

>>> from mediakit.actors import Actor
>>> book = Codebook({"government": {"names": ["Port Calder"], "patterns": ["(?i)ministry"]},
...                  "anonymous": {"types": ["anonymous"]}})
>>> actors = [Actor("A1", "Ministry of Water", "organisation"), Actor("A2", "sources", "anonymous"),
...           Actor("A3", "Estrelia", "place", aliases=["Port Calder"]), Actor("A4", "Jo Ruel", "person")]
>>> [a.category for a in book.apply(actors)]
['government', 'anonymous', 'government', 'unmapped']
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .actors import ACTOR_TYPES, Actor
from .errors import MediakitError

__all__ = ["Codebook", "CodebookError"]

UNMAPPED = "unmapped"


class CodebookError(MediakitError):
    """A codebook file that cannot be read: bad format, unknown kind or type, invalid pattern."""


@dataclass(frozen=True)
class _Rule:
    category: str
    names: frozenset[str]
    patterns: tuple[re.Pattern[str], ...]
    types: frozenset[str]


def _fold(name: str) -> str:
    return " ".join(name.replace("\u2019", "'").split()).lower()


class Codebook:
    """Rules mapping actors to categories (see the module docstring for the file formats).

    ``categories`` maps a category to ``{"names": [...], "patterns": [...], "types": [...]}``;
    ``default`` is the category of actors no rule matches. Rules are compiled on first use
    (``rules_``).
    """

    def __init__(self, categories: Mapping[str, Mapping[str, Any]], default: str = UNMAPPED) -> None:
        self.categories = categories
        self.default = default

    # -- loading ------------------------------------------------------------------------------------

    @classmethod
    def load(cls, path: str | Path) -> Codebook:
        """Read a codebook from a ``.yaml``/``.yml`` or ``.csv`` file."""
        p = Path(path)
        try:
            text = p.read_text(encoding="utf-8")
        except OSError as e:
            raise CodebookError(f"{p}: cannot read codebook: {e.strerror or e}") from e
        except UnicodeDecodeError as e:
            raise CodebookError(f"{p}: the codebook is not UTF-8 text (byte {e.start}); save it as UTF-8") from e
        if p.suffix.lower() == ".csv":
            return cls.from_csv(text)
        return cls.from_yaml(text)

    @classmethod
    def from_yaml(cls, text: str) -> Codebook:
        import yaml

        try:
            data = yaml.safe_load(text) or {}
        except yaml.YAMLError as e:
            raise CodebookError(f"codebook is not valid YAML: {e}") from e
        if not isinstance(data, dict) or not isinstance(data.get("categories", {}), dict):
            raise CodebookError("codebook YAML needs a 'categories:' mapping (see mediakit.codebook)")
        cats = data.get("categories") or {}
        for cat, spec in cats.items():
            if spec is not None and not isinstance(spec, dict):
                raise CodebookError(f"category {cat!r}: expected names/patterns/types lists")
        return cls({str(k): (v or {}) for k, v in cats.items()}, str(data.get("default", UNMAPPED)))

    @classmethod
    def from_csv(cls, text: str) -> Codebook:
        reader = csv.DictReader(io.StringIO(text))
        if reader.fieldnames is None or not {"category", "kind", "value"} <= {f.strip() for f in reader.fieldnames}:
            raise CodebookError("codebook CSV needs the header 'category,kind,value'")
        cats: dict[str, dict[str, list[str]]] = {}
        for n, row in enumerate(reader, start=2):
            row = {k.strip(): (v or "").strip() for k, v in row.items() if k}
            kind = row["kind"].lower()
            if not row["category"] or not row["value"]:
                continue
            key = {"name": "names", "pattern": "patterns", "type": "types"}.get(kind)
            if key is None:
                raise CodebookError(f"line {n}: kind must be name, pattern or type, not {row['kind']!r}")
            cats.setdefault(row["category"], {}).setdefault(key, []).append(row["value"])
        return cls(cats)

    # -- matching -----------------------------------------------------------------------------------

    @property
    def rules_(self) -> list[_Rule]:
        """The compiled rules, in file order."""
        rules = getattr(self, "_rules", None)
        if rules is None:
            rules = self._rules = [self._compile(cat, spec) for cat, spec in self.categories.items()]
        return rules

    @staticmethod
    def _compile(category: str, spec: Mapping[str, Any]) -> _Rule:
        unknown = set(spec) - {"names", "patterns", "types"}
        if unknown:
            raise CodebookError(f"category {category!r}: unknown key(s) {sorted(unknown)}; use names, patterns, types")
        names = _as_list(spec.get("names"), category, "names")
        patterns = []
        for p in _as_list(spec.get("patterns"), category, "patterns"):
            try:
                patterns.append(re.compile(p))
            except re.error as e:
                raise CodebookError(f"category {category!r}: bad pattern {p!r}: {e}") from e
        types = _as_list(spec.get("types"), category, "types")
        bad = [t for t in types if t not in ACTOR_TYPES]
        if bad:
            raise CodebookError(f"category {category!r}: unknown type(s) {bad}; use {', '.join(ACTOR_TYPES)}")
        return _Rule(category, frozenset(_fold(n) for n in names), tuple(patterns), frozenset(types))

    def category_of(self, actor: Actor) -> str:
        """The category of one actor (``default`` when no rule matches)."""
        forms = [actor.name, *actor.aliases]
        folded = {_fold(f) for f in forms}
        for r in self.rules_:
            if r.names & folded and (not r.types or actor.type in r.types):
                return r.category
        for r in self.rules_:
            if r.patterns and any(p.search(f) for p in r.patterns for f in forms):
                if not r.types or actor.type in r.types:
                    return r.category
        for r in self.rules_:
            if r.types and not r.names and not r.patterns and actor.type in r.types:
                return r.category
        return self.default

    def apply(self, actors: Iterable[Actor]) -> list[Actor]:
        """Set ``category`` on every actor; returns the actors as a list."""
        out = list(actors)
        for a in out:
            a.category = self.category_of(a)
        return out

    def __repr__(self) -> str:
        return f"Codebook({len(self.categories)} categories, default={self.default!r})"


def _as_list(value: Any, category: str, key: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list):
        raise CodebookError(f"category {category!r}: {key} must be a list")
    return [str(v) for v in value]
