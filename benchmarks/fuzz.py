"""Fuzz campaign: throw generated bad inputs at mediakit and report crashes, hangs and broken invariants.

Usage:
    python benchmarks/fuzz.py [--seed S] [--count N] [--budget SECONDS] [--jobs J] [--out DIR] [--kinds a,b]
    python benchmarks/fuzz.py --replay out/fuzz/NOTE.json [...]   # re-run saved reproducers

Each input comes from one generator (``--list`` names them): random Unicode, mutated bundled pages and pasted
texts (``data/examples``, ``data/corpus/raw``, ``tests/fixtures`` as seeds), quote storms, deep HTML and
JSON-LD nesting, huge attributes, long unpunctuated lines, tiny paragraphs, odd JSON-LD, binary bytes, other
encodings, gzip fragments, script-injection markers and one-line articles. Input ``i`` depends only on
``(seed, i)``, so a run is deterministic given the seed and ``--count`` only adds inputs at the end.

Every input goes through :func:`mediakit.extract` (as text and as bytes), :func:`mediakit.analyse`, the
record and table builders and every ``*_html`` view of :mod:`mediakit.display`, in a worker subprocess with
a wall-clock ``--budget`` for each stage of an input (one ``extract`` call, ``analyse``, one view: the calls a
user makes); a worker that overruns is killed and replaced. Reported failures:

* **exception**: anything raised that is not a :class:`~mediakit.errors.MediakitError` (a MediakitError
  is an accepted, clear refusal and is only counted), or a worker that died;
* **overrun**: one stage of the input took longer than ``--budget`` seconds (the stage is named);
* **invariant**: a broken promise of the data model (see :func:`check_article`, :func:`check_analysis`,
  :func:`check_view`), or of the generator's expectation (a readable encoding decoded as the original text,
  a truncated gzip refused or flagged, a one-line prose article kept).

Each failing input is saved under ``--out`` (default ``out/fuzz/``) as ``KIND-sSEED-INDEX.txt|.bin`` with a
``.json`` note (failure kind, stage, message, traceback, replay command); at most ``--keep`` inputs are
saved per distinct failure. A summary table by generator is printed; the exit status is 1 when anything
failed. The harness itself is importable (``run_campaign``) and is what ``tests/test_fuzz.py`` runs.
"""

from __future__ import annotations

import argparse
import base64
import bisect
import gzip
import json
import os
import pickle
import random
import re
import selectors
import shutil
import struct
import subprocess
import sys
import tempfile
import time
import traceback
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent

# ============================================================================================ the inputs


@dataclass
class Case:
    """One generated input. ``expect`` holds what the generator knows the outcome must satisfy."""

    index: int
    kind: str
    data: str | bytes
    note: str
    expect: dict[str, Any] = field(default_factory=dict)


@dataclass
class Seeds:
    """The bundled files used as mutation seeds (read once, sorted by path)."""

    html: list[tuple[str, bytes]]
    text: list[tuple[str, bytes]]
    other: list[tuple[str, bytes]]

    @property
    def all(self) -> list[tuple[str, bytes]]:
        return self.html + self.text + self.other


def load_seeds(root: Path = ROOT) -> Seeds:
    """The bundled examples, corpus raw files and test fixtures, by kind."""
    files: list[Path] = []
    for base, pattern in (("data/examples", "*"), ("data/corpus/raw", "**/*"), ("tests/fixtures", "**/*")):
        files += [p for p in (root / base).glob(pattern) if p.is_file()]
    html_seeds, text_seeds, other = [], [], []
    for p in sorted(set(files)):
        name = str(p.relative_to(root))
        data = p.read_bytes()
        if p.suffix in (".html", ".htm"):
            html_seeds.append((name, data))
        elif p.suffix == ".txt":
            text_seeds.append((name, data))
        else:
            other.append((name, data))
    if not html_seeds or not text_seeds:
        raise SystemExit(f"fuzz: no seed files found under {root}/data and {root}/tests/fixtures")
    return Seeds(html_seeds, text_seeds, other)


# Invented vocabulary for generated prose (no real people or outlets).
_WORDS = ("the council harbour ferry minister board river bridge water price town valley dam plan review "
          "vote residents growers village hall silt study tender report march pause budget fares jobs "
          "officials week night road school market port union bank").split()
_CAPS = "Harbour Board Minister Lena Ortiz Council Ferry Mirren Valley Osland Sarrow Duroval Hollin".split()
_NAMES = ["Lena Ortiz", "Tomas Brandvold", "Ms Ada Sarrow", "Dr Ivo Hollin", "the harbour master", "a spokesperson"]
_CUES = ["said", "says", "told reporters", "added", "warned", "according to", "insisted", "claimed"]
_QUOTE_MARKS = ['"', "'", "\u201c", "\u201d", "\u2018", "\u2019", "\u00ab", "\u00bb", "\u201e", "\u201a",
                "\u2039", "\u203a", "\u300c", "\u300d", "\u300e", "\u300f", "``", "''", '"""', "\u201f", "\u2e42"]
_SPECIALS = (
    [chr(c) for c in range(0, 32)] + ["\x7f"] + [chr(c) for c in range(0x80, 0xA0)]
    + ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u180e"]  # zero-width, soft hyphen
    + ["\u200e", "\u200f", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068",
       "\u2069", "\u061c"]  # direction marks and overrides
    + ["\u2028", "\u2029", "\x85", "\u00a0", "\u2003", "\u3000", "\u1680"]  # odd line breaks and spaces
    + ["\ufffd", "\ufffe", "\uffff", "\ue000", "\U0010fffd", "\U0001f600", "\U0001f1ec\U0001f1e7", "e\u0301",
       "\u0300" * 20, "\ufdfd", "\u0bf5", "\u4e2d\u6587", "\u0627\u0644\u0639\u0631\u0628\u064a\u0629",
       "\u05e2\u05d1\u05e8\u05d9\u05ea", "\u0130", "\u0131", "\u00df", "\ufb03", "\u2126", "\u212a"]
)
_SURROGATES = [chr(c) for c in (0xD800, 0xDBFF, 0xDC00, 0xDFFF, 0xD83D, 0xDE00)]
_MARKERS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '<a href="javascript:alert(1)">click</a>',
    '<div onclick="alert(1)">x</div>',
    '"><script>alert(2)</script>',
    "' onmouseover='alert(3)' x='",
    "</span></p><script>alert(4)</script>",
    "</td></tr></table><iframe src=javascript:alert(5)>",
    "<svg/onload=alert(6)>",
    "<!--<script>-->",
]


class _Rng(random.Random):
    """A seeded random stream that also knows the campaign's size cap."""

    def __init__(self, seed: str, max_size: int | None = None) -> None:
        super().__init__(seed)
        self.max_size = max_size

    def size(self, choices: list[int], unit: int = 1) -> int:
        """One of ``choices`` (counts of something ``unit`` characters long) within the size cap."""
        if self.max_size is not None:
            choices = [c for c in choices if c * unit <= self.max_size] or [min(choices)]
        return self.choice(choices)


def _prose(rng: random.Random, sentences: int = 3) -> str:
    out = []
    for _ in range(sentences):
        words = [rng.choice(_WORDS) for _ in range(rng.randint(6, 18))]
        s = " ".join(words).capitalize()
        if rng.random() < 0.4:
            s = f"\u201c{s},\u201d {rng.choice(_NAMES)} {rng.choice(_CUES)}."
        else:
            s += rng.choice([".", ".", ".", "?", "!", ", officials said."])
        out.append(s)
    return " ".join(out)


def _seed_text(rng: random.Random, seeds: Seeds) -> str:
    return rng.choice(seeds.text)[1].decode("utf-8", errors="replace")


def gen_unicode(rng: _Rng, seeds: Seeds) -> tuple[str | bytes, str, dict[str, Any]]:
    """Random Unicode: control and C1 characters, lone surrogates, direction marks, zero-width characters,
    odd line breaks, astral and combining characters, alone or sprinkled into texts."""
    mode = rng.choice(["random", "sprinkled", "lines"])
    if mode == "random":
        n = rng.size([1, 3, 20, 200, 2000, 20000])
        pool = _SPECIALS + _SURROGATES + list("abc XYZ.,\n\"'") + _QUOTE_MARKS
        text = "".join(rng.choice(pool) if rng.random() < 0.7 else chr(rng.randint(0, 0x10FFFF))
                       for _ in range(n))
    elif mode == "sprinkled":
        base = _seed_text(rng, seeds)
        chars = list(base)
        for _ in range(rng.choice([1, 10, 100, 1000])):
            pos = rng.randrange(len(chars) + 1)
            chars.insert(pos, rng.choice(_SPECIALS + _SURROGATES))
        text = "".join(chars)
    else:
        lines = []
        for _ in range(rng.randint(1, 60)):
            line = _prose(rng, rng.randint(1, 3))
            for _ in range(rng.randint(0, 4)):
                pos = rng.randrange(len(line) + 1)
                line = line[:pos] + rng.choice(_SPECIALS + _SURROGATES) + line[pos:]
            lines.append(line)
        text = rng.choice(["\n", "\n\n", "\r\n", "\r", "\u2028", "\x85"]).join(lines)
    return text, f"unicode/{mode}, {len(text)} chars", {}


def _mutate(rng: random.Random, data: bytes, seeds: Seeds, ops: int) -> tuple[bytes, list[str]]:
    done = []
    for _ in range(ops):
        op = rng.choice(["flip", "truncate", "splice", "duplicate", "insert", "delete"])
        if not data:
            op = "insert"
        if op == "flip":
            b = bytearray(data)
            for _ in range(rng.choice([1, 4, 32, max(1, len(b) // 50)])):
                i = rng.randrange(len(b))
                b[i] ^= 1 << rng.randrange(8) if rng.random() < 0.7 else rng.randrange(256)
            data = bytes(b)
        elif op == "truncate":
            cut = rng.randrange(len(data) + 1)
            data = data[:cut] if rng.random() < 0.7 else data[cut:]
        elif op == "splice":
            other = rng.choice(seeds.all)[1]
            data = data[: rng.randrange(len(data) + 1)] + other[rng.randrange(len(other) + 1):]
        elif op == "duplicate":
            i = rng.randrange(len(data))
            j = min(len(data), i + rng.choice([1, 10, 200, 5000]))
            data = data[:j] + data[i:j] * rng.choice([2, 10, 100]) + data[j:]
        elif op == "insert":
            pos = rng.randrange(len(data) + 1)
            junk = rng.choice([bytes(rng.randrange(256) for _ in range(rng.randint(1, 64))),
                               rng.choice(_MARKERS).encode(), b"<", b"</p>", b"<![CDATA[", b"<!--", b"&#x0;",
                               b"&#xD800;", b"&#1114112;", b"\xef\xbb\xbf", b"\xed\xa0\x80", b"\x00"])
            data = data[:pos] + junk + data[pos:]
        else:
            i = rng.randrange(len(data))
            data = data[:i] + data[i + rng.choice([1, 50, 2000]):]
        done.append(op)
    return data, done


def gen_mutate(rng: _Rng, seeds: Seeds) -> tuple[str | bytes, str, dict[str, Any]]:
    """A bundled page, pasted text or fixture mutated by byte flips, truncation, splicing, duplication,
    insertion and deletion; sometimes decoded back to text."""
    name, data = rng.choice(seeds.all)
    data, ops = _mutate(rng, data, seeds, rng.randint(1, 4))
    note = f"mutated {name} by {'+'.join(ops)}"
    if rng.random() < 0.3:
        errors = rng.choice(["replace", "surrogateescape", "ignore"])
        return data.decode("utf-8", errors=errors), note + f", as text (utf-8 {errors})", {}
    return data, note, {}


def gen_quote_storm(rng: _Rng, seeds: Seeds) -> tuple[str | bytes, str, dict[str, Any]]:
    """Thousands of mixed quotation marks among words, speech verbs, names and punctuation."""
    n = rng.size([1000, 3000, 10000, 20000], unit=4)
    parts = []
    for _ in range(n):
        r = rng.random()
        if r < 0.45:
            parts.append(rng.choice(_QUOTE_MARKS))
        elif r < 0.75:
            parts.append(rng.choice(_WORDS))
        elif r < 0.85:
            parts.append(rng.choice(_CUES))
        elif r < 0.93:
            parts.append(rng.choice(_NAMES))
        elif r < 0.98:
            parts.append(rng.choice([",", ".", ":", ";", "?", "!", "-", "\u2014"]))
        else:
            parts.append(rng.choice(["\n", "\n\n"]))
    sep = rng.choice(["", " ", " "])
    text = sep.join(parts)
    return text, f"quote storm of {n} tokens, joined by {sep!r}", {}


_BLOCK_TAGS = ["div", "span", "section", "article", "p", "blockquote", "b", "i", "a", "font", "ul", "li",
               "table", "tr", "td", "figure", "main", "em", "strong", "q"]


def gen_deep_html(rng: _Rng, seeds: Seeds) -> tuple[str | bytes, str, dict[str, Any]]:
    """HTML nested 500 to 5,000 elements deep, closed or not, around an article."""
    depth = rng.size([500, 2000, 2000, 5000], unit=6)
    style = rng.choice(["same", "mixed", "unclosed", "text-each-level"])
    tag = rng.choice(_BLOCK_TAGS)
    opens, closes = [], []
    for level in range(depth):
        t = tag if style == "same" else rng.choice(_BLOCK_TAGS)
        text = f"{rng.choice(_WORDS)} {level} " if style == "text-each-level" else ""
        opens.append(f"<{t}>{text}")
        closes.append(f"</{t}>")
    body = f"<p>{_prose(rng, 4)}</p><p>{_prose(rng, 4)}</p>"
    tail = "" if style == "unclosed" else "".join(reversed(closes))
    page = (f"<!DOCTYPE html><html><head><title>{' '.join(rng.choice(_WORDS) for _ in range(5))}</title></head>"
            f"<body><article>{''.join(opens)}{body}{tail}</article></body></html>")
    return page, f"HTML nested {depth} deep ({style})", {}


def _nest_json(rng: random.Random, depth: int, shape: str) -> str:
    if shape == "list":
        return "[" * depth + '"x"' + "]" * depth
    if shape == "graph":
        return '{"@graph": ' * depth + '{"@type": "NewsArticle", "headline": "Deep"}' + "}" * depth
    if shape == "author":
        return ('{"@type": "NewsArticle", "headline": "Deep author", "author": '
                + '{"name": ' * depth + '"Ann"' + "}" * depth + "}")
    if shape == "headline":
        return '{"@type": "NewsArticle", "headline": ' + "[" * depth + '"Deep"' + "]" * depth + "}"
    # mixed lists and objects
    out, close = [], []
    for _ in range(depth):
        if rng.random() < 0.5:
            out.append("[")
            close.append("]")
        else:
            out.append('{"a": ')
            close.append("}")
    return "".join(out) + "1" + "".join(reversed(close))


def _page(title: str, body_html: str, head_extra: str = "") -> str:
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>{head_extra}'
            f"</head><body><article><h1>{title}</h1>{body_html}</article></body></html>")


def gen_deep_jsonld(rng: _Rng, seeds: Seeds) -> tuple[str | bytes, str, dict[str, Any]]:
    """JSON-LD nested 500 to 10,000 deep (lists, @graph, author, headline, mixed) in an article page."""
    depth = rng.size([500, 2000, 2000, 10000], unit=2)
    shape = rng.choice(["list", "graph", "author", "headline", "mixed"])
    ld = _nest_json(rng, depth, shape)
    body = "".join(f"<p>{_prose(rng, 3)}</p>" for _ in range(4))
    page = _page("Deep JSON-LD", body, f'<script type="application/ld+json">{ld}</script>')
    return page, f"JSON-LD nested {depth} deep ({shape})", {}


def gen_huge_attr(rng: _Rng, seeds: Seeds) -> tuple[str | bytes, str, dict[str, Any]]:
    """An article page with one attribute of 10 kB to 3 MB, quoted, unquoted or unterminated."""
    size = rng.size([10_000, 100_000, 1_000_000, 3_000_000])
    attr = rng.choice(["class", "style", "data-x", "alt", "title", "href", "content", "id", "srcset"])
    fill = rng.choice(["a", "a b ", "caption ", "&amp;", "\u00e9", "x" * 99 + " "])
    value = (fill * (size // len(fill) + 1))[:size]
    where = rng.choice(["p", "img", "meta", "figcaption", "a", "html"])
    quote = rng.choice(['"', "'", '"', ""])
    if not quote:
        value = value.replace(" ", "_")
    unterminated = rng.random() < 0.2
    el = f"<{where} {attr}={quote}{value}{'' if unterminated else quote}>"
    body = "".join(f"<p>{_prose(rng, 3)}</p>" for _ in range(3))
    if where == "meta":
        page = _page("Huge attribute", body, el.replace("<meta ", '<meta property="og:title" '))
    elif where == "html":
        page = _page("Huge attribute", body).replace("<html ", f"<html {attr}={quote}{value}{quote} ", 1)
    else:
        page = _page("Huge attribute", body[: len(body) // 2] + el + "text</" + where + ">" + body[len(body) // 2:])
    return page, f"<{where} {attr}=...> of {size} chars{' (unterminated)' if unterminated else ''}", {}


def gen_long_line(rng: _Rng, seeds: Seeds) -> tuple[str | bytes, str, dict[str, Any]]:
    """One line of 2,000 to 100,000 characters of words with no punctuation."""
    size = rng.size([2_000, 10_000, 30_000, 60_000, 100_000])
    pool_name = rng.choice(["lower", "capitalised", "mixed", "corpus", "one-word"])
    if pool_name == "one-word":
        text = ("".join(rng.choice("abcdefghij") for _ in range(100)) * (size // 100 + 1))[:size]
    else:
        if pool_name == "lower":
            pool = _WORDS
        elif pool_name == "capitalised":
            pool = _CAPS
        elif pool_name == "mixed":
            pool = _WORDS * 3 + _CAPS
        else:
            pool = [w.strip(".,;:!?\"'()\u201c\u201d\u2018\u2019") for w in _seed_text(rng, seeds).split()]
            pool = [w for w in pool if w] or _WORDS
        parts, n = [], 0
        while n < size:
            w = rng.choice(pool)
            parts.append(w)
            n += len(w) + 1
        text = " ".join(parts)
    if rng.random() < 0.3:
        text = _prose(rng, 2) + "\n\n" + text + "\n\n" + _prose(rng, 2)
    return text, f"one line of {size} chars, no punctuation ({pool_name} words)", {}


def gen_tiny_paragraphs(rng: _Rng, seeds: Seeds) -> tuple[str | bytes, str, dict[str, Any]]:
    """100 to 20,000 paragraphs of one to three words, single characters or punctuation, as text or <p>s."""
    n = rng.size([100, 1000, 5000, 20000], unit=10)
    shape = rng.choice(["words", "chars", "punct", "mixed"])
    paras = []
    for _ in range(n):
        if shape == "words":
            paras.append(" ".join(rng.choice(_WORDS) for _ in range(rng.randint(1, 3))))
        elif shape == "chars":
            paras.append(rng.choice("abcXYZ0123\u201c\u201d\"'*-\u2022"))
        elif shape == "punct":
            paras.append(rng.choice([".", "\u2026", "--", "*", "#", "|", ">", "1.", "\u00a9"]))
        else:
            paras.append(rng.choice([rng.choice(_WORDS), _prose(rng, 1), rng.choice(_NAMES), "Advertisement",
                                     "Share", "01:41", "\u200b", rng.choice(_QUOTE_MARKS)]))
    sep = rng.choice(["\n\n", "\n", "\n \n", "\r\n\r\n"])
    text = sep.join(paras)
    if rng.random() < 0.3:
        return _page("Tiny paragraphs", "".join(f"<p>{p}</p>" for p in paras)), f"HTML of {n} tiny <p> ({shape})", {}
    return text, f"{n} tiny paragraphs ({shape}), separated by {sep!r}", {}


def gen_odd_jsonld(rng: _Rng, seeds: Seeds) -> tuple[str | bytes, str, dict[str, Any]]:
    """JSON-LD with values of the wrong type, NaN, huge strings, cut-short JSON, comments, odd @graph and @type."""
    odd_values = [None, 0, -1, 1e308, True, [], {}, [None], [[["x"]]], {"@value": "v"}, {"name": None},
                  {"@id": 5}, "", " ", "\u0000\u0001", "x" * 200_000, rng.choice(_MARKERS), "NaN",
                  [{"name": rng.choice(_MARKERS)}] * 3, ["a"] * 5000, {"name": {"name": {"name": "n"}}},
                  "2026-99-99", "99999-01-01T25:61", "\ud800", "\U0001f600" * 50]
    obj: dict[str, Any] = {"@context": "https://schema.org"}
    obj["@type"] = rng.choice(["NewsArticle", ["NewsArticle", {}], 5, None, "newsarticle", ["x", None],
                               "ReportageNewsArticle", ""])
    for key in ("headline", "name", "author", "datePublished", "publisher", "articleSection", "description",
                "url", "mainEntityOfPage", "dateCreated"):
        if rng.random() < 0.7:
            obj[key] = rng.choice(odd_values)
    if "headline" not in obj and rng.random() < 0.5:
        obj["headline"] = "Plain headline"
    variants = []
    dump = json.dumps(obj, ensure_ascii=rng.random() < 0.5)
    variants.append(dump)
    r = rng.random()
    if r < 0.15:
        variants.append(json.dumps({"@graph": rng.choice(["string", 5, [None], [obj] * 3, {"@graph": [obj]}])}))
    elif r < 0.3:
        variants.append(dump[: rng.randrange(len(dump) + 1)])  # invalid: cut short
    elif r < 0.4:
        variants.append('{"@type": "NewsArticle", "headline": NaN, "author": Infinity}')
    elif r < 0.5:
        variants.append("// comment\n" + dump)
    elif r < 0.6:
        variants.append("</script><script>alert(7)</script>")
    elif r < 0.7:
        variants.append('{"headline": "a", "headline": "b", "@type": "NewsArticle", "__proto__": {}}')
    scripts = "".join(f'<script type="application/ld+json">{v}</script>' for v in variants)
    body = "".join(f"<p>{_prose(rng, 3)}</p>" for _ in range(3))
    page = _page(rng.choice(["Odd JSON-LD", rng.choice(_MARKERS).replace("<", "&lt;")]), body, scripts)
    return page, f"odd JSON-LD ({len(variants)} scripts, {len(page)} chars)", {}


def gen_binary(rng: _Rng, seeds: Seeds) -> tuple[str | bytes, str, dict[str, Any]]:
    """Random bytes, file magic numbers, text with NULs or control bytes around the binary threshold, high bytes."""
    mode = rng.choice(["random", "magic", "nul-text", "control-text", "high-bytes", "as-text"])
    n = rng.size([1, 16, 1000, 100_000])
    noise = bytes(rng.randrange(256) for _ in range(min(n, 20000)))
    if mode == "random":
        data = noise
    elif mode == "magic":
        data = rng.choice([b"%PDF-1.7\n", b"\x89PNG\r\n\x1a\n", b"PK\x03\x04", b"\x7fELF", b"GIF89a",
                           b"\xff\xd8\xff\xe0", b"BZh91AY", b"\xfd7zXZ\x00"]) + noise
    elif mode in ("nul-text", "control-text"):
        text = bytearray(_seed_text(rng, seeds).encode())
        bad = [0] if mode == "nul-text" else [1, 2, 3, 4, 5, 6, 7, 8, 11, 14, 15, 16, 26, 28, 31, 127]
        share = rng.choice([0.001, 0.005, 0.01, 0.011, 0.05])
        for _ in range(max(1, int(len(text) * share))):
            text[rng.randrange(len(text))] = rng.choice(bad)
        data = bytes(text)
    elif mode == "high-bytes":
        data = bytes(rng.randrange(0x80, 0x100) for _ in range(min(n, 20000)))
    else:
        return noise.decode("latin-1"), f"binary/{mode}: {len(noise)} random bytes as latin-1 text", {}
    return data, f"binary/{mode}: {len(data)} bytes", {}


_FAITHFUL = {"cp1252", "latin-1", "iso-8859-15", "utf-16-le", "utf-16-be", "utf-16", "utf-8-sig", "utf-32"}


def gen_encoding(rng: _Rng, seeds: Seeds) -> tuple[str | bytes, str, dict[str, Any]]:
    """Bundled texts and pages in UTF-16/32 with and without BOM, cp1252, latin-1, mac_roman, cp1251,
    Shift-JIS, GB18030."""
    codec = rng.choice(["utf-16-le", "utf-16-be", "utf-16", "utf-32", "utf-32-le", "cp1252", "latin-1",
                        "iso-8859-15", "utf-8-sig", "mac_roman", "cp1251", "shift_jis", "gb18030"])
    is_html = rng.random() < 0.3
    name, raw = rng.choice(seeds.html if is_html else seeds.text)
    text = raw.decode("utf-8", errors="replace")
    if rng.random() < 0.3:
        text = text[: rng.randrange(1, len(text) + 1)]
    data = text.encode(codec, errors="replace")
    expect: dict[str, Any] = {}
    # an honest, unambiguous encoding of a text must read back as that text (or say bytes were replaced)
    if codec in _FAITHFUL and (not is_html or codec.startswith(("utf-16", "utf-32", "utf-8"))) and text.strip():
        expect["reference"] = data.decode(codec)
    return data, f"{name} encoded as {codec}{' (BOM)' if codec in ('utf-16', 'utf-32', 'utf-8-sig') else ''}", expect


def gen_gzip(rng: _Rng, seeds: Seeds) -> tuple[str | bytes, str, dict[str, Any]]:
    """gzip streams: whole, truncated, two members, trailing junk, bad CRC, fragments, header only, double, a bomb."""
    name, raw = rng.choice(seeds.html + seeds.text)
    mode = rng.choice(["whole", "truncated", "truncated", "two-members", "trailing-junk", "bad-crc", "fragment",
                       "header-only", "double", "bomb"])
    expect: dict[str, Any] = {}
    z = gzip.compress(raw, compresslevel=rng.choice([1, 6, 9]), mtime=0)
    if mode == "whole":
        data = z
        expect["reference"] = raw
    elif mode == "truncated":
        cut = rng.randrange(10, len(z) - 8)
        data = z[:cut]
        expect["truncated_gzip"] = True
    elif mode == "two-members":
        name2, raw2 = rng.choice(seeds.text)
        data = z + gzip.compress(raw2, mtime=0)
        expect["reference"] = raw + raw2
        expect["reference_check"] = "gzip-member-dropped"
        name += f" + {name2}"
    elif mode == "trailing-junk":
        data = z + bytes(rng.randrange(256) for _ in range(rng.randint(1, 64)))
    elif mode == "bad-crc":
        b = bytearray(z)
        b[-8] ^= 0xFF
        data = bytes(b)
    elif mode == "fragment":
        i = rng.randrange(len(z))
        data = z[i: i + rng.randint(1, 4000)]
    elif mode == "header-only":
        data = z[:10]
    elif mode == "double":
        data = gzip.compress(z, mtime=0)
    else:
        data = gzip.compress(b"a" * rng.choice([21_000_000, 30_000_000]), compresslevel=1, mtime=0)
        name = "a gzip bomb of 'a'"
    return data, f"gzip/{mode} of {name} ({len(data)} bytes)", expect


def gen_inject(rng: _Rng, seeds: Seeds) -> tuple[str | bytes, str, dict[str, Any]]:
    """Script, event-handler and javascript: markers in titles, meta tags, JSON-LD, bodies, captions,
    quotes and speakers."""
    m = [rng.choice(_MARKERS) for _ in range(6)]
    esc = [x.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") for x in m]
    name = rng.choice(_NAMES[:4])
    if rng.random() < 0.35:  # a pasted text: markers are plain text lines and words
        lines = [
            f"{m[0]} Ferry fares to rise {m[1]}",
            f"By {name} {m[2]}",
            f"Photo: {m[3]}",
            f"\u201cWe are ready {m[4]},\u201d said {name}, the harbour master.",
            f"The board said {m[5]} fares would rise by 4 per cent, officials said.",
            f'"{m[0]}" said {m[1]} Ortiz {m[2]}.',
            _prose(rng, 3),
        ]
        return "\n\n".join(lines), "script markers in a pasted text", {}
    seed_name, raw = rng.choice(seeds.html)
    page = raw.decode("utf-8", errors="replace")
    head = (f"<title>{esc[0]}</title><meta property=\"og:title\" content=\"{esc[1]}\">"
            f'<meta name="author" content="{esc[2]}"><script type="application/ld+json">'
            + json.dumps({"@type": "NewsArticle", "headline": m[3], "author": {"name": m[4]},
                          "description": m[5], "publisher": {"name": m[0]}}) + "</script>")
    body = (f"<h1>{esc[1]}</h1><p>{esc[2]} The board said fares would rise, {esc[3]} officials said.</p>"
            f"<figure><img src=\"x.jpg\" alt=\"{esc[4]}\"><figcaption>{esc[5]} Photo: {esc[0]}</figcaption></figure>"
            f"<p>&ldquo;We are ready {esc[1]},&rdquo; said {name}. {m[2]}</p>"
            f"<p>&ldquo;{esc[3]}&rdquo; said {esc[4]} Ortiz, the {esc[5]} minister.</p>")
    if "<head>" in page and "</article>" in page:
        page = page.replace("<head>", "<head>" + head, 1).replace("</article>", body + "</article>", 1)
    else:
        page = _page(esc[0], body + f"<p>{_prose(rng, 4)}</p>", head)
    return page, f"script markers in title, meta, JSON-LD, body, caption and quotes of {seed_name}", {}


_CREDIT_TAILS = [", according to one source: the harbour master.", ", said the source: a council officer.",
                 ", citing a credit: the bank's loan to the port.", " after the picture: water over the road.",
                 " (photo by a resident) before the vote.", ", the image: a queue at the pier.",
                 " - credit - to the union for the deal.", " with the credit of the bank, officials said."]


def gen_one_line(rng: _Rng, seeds: Seeds) -> tuple[str | bytes, str, dict[str, Any]]:
    """A one-line prose article, often with a credit-like word inside ('source:', 'photo by', 'credit')."""
    subject = rng.choice(["The harbour board", "The council", "Minister Lena Ortiz", "The ferry operator",
                          "Residents of Mirren", "A spokesperson for the water authority"])
    verb = rng.choice(["said on Monday that", "confirmed that", "announced that", "warned that"])
    clause = " ".join(rng.choice(_WORDS) for _ in range(rng.randint(5, 12)))
    tail = rng.choice(_CREDIT_TAILS) if rng.random() < 0.7 else "."
    text = f"{subject} {verb} {clause}{tail}"
    if rng.random() < 0.3:
        text = f"\u201c{clause.capitalize()},\u201d {rng.choice(_NAMES)} said{tail}"
    return text, "a one-line prose article", {"min_paragraphs": 1}


GENERATORS: dict[str, Callable[[_Rng, Seeds], tuple[str | bytes, str, dict[str, Any]]]] = {
    "unicode": gen_unicode,
    "mutate": gen_mutate,
    "quote_storm": gen_quote_storm,
    "deep_html": gen_deep_html,
    "deep_jsonld": gen_deep_jsonld,
    "huge_attr": gen_huge_attr,
    "long_line": gen_long_line,
    "tiny_paragraphs": gen_tiny_paragraphs,
    "odd_jsonld": gen_odd_jsonld,
    "binary": gen_binary,
    "encoding": gen_encoding,
    "gzip": gen_gzip,
    "inject": gen_inject,
    "one_line": gen_one_line,
}
# mutation of real pages is the broadest generator: it gets three turns in each round
_ROUND = ["mutate", "unicode", "mutate", "quote_storm", "deep_html", "mutate", "deep_jsonld", "huge_attr",
          "long_line", "tiny_paragraphs", "odd_jsonld", "binary", "encoding", "gzip", "inject", "one_line"]


def make_case(seed: int, index: int, seeds: Seeds, kinds: list[str] | None = None,
              max_size: int | None = None) -> Case:
    """Input ``index`` of the campaign ``seed``: the generator turn is fixed by the index, its content by
    a random stream seeded with ``(seed, index)``. ``max_size`` (about characters) leaves out the larger
    size choices of the generators, for quick runs."""
    order = [k for k in _ROUND if k in kinds] if kinds else _ROUND
    kind = order[index % len(order)]
    rng = _Rng(f"mediakit-fuzz/{seed}/{index}", max_size)
    data, note, expect = GENERATORS[kind](rng, seeds)
    return Case(index, kind, data, note, expect)


# ======================================================================================= the invariants


class InvariantBreak(Exception):
    """A checked property does not hold; ``name`` groups breaks of the same property."""

    def __init__(self, name: str, message: str) -> None:
        super().__init__(f"{name}: {message}")
        self.name = name


class _Spans:
    """Sorted spans with logarithmic look-ups (the checks must stay linear on 20,000-paragraph inputs)."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self.starts = [s for s, _ in self.spans]
        self.max_end: list[int] = []  # running maximum of ends, so overlapping spans are handled too
        top = -1
        for _, e in self.spans:
            top = max(top, e)
            self.max_end.append(top)

    def contains(self, s: int, e: int) -> bool:
        """Some span holds all of ``[s, e)``."""
        i = bisect.bisect_right(self.starts, s) - 1
        while i >= 0 and self.max_end[i] >= e:
            if self.spans[i][1] >= e:
                return True
            i -= 1
        return False

    def overlapping(self, s: int, e: int) -> tuple[int, int] | None:
        """A span sharing a character with ``[s, e)``, or None."""
        if e <= s:
            return None
        i = bisect.bisect_left(self.starts, e) - 1
        while i >= 0 and self.max_end[i] > s:
            if self.spans[i][1] > s:
                return self.spans[i]
            i -= 1
        return None


def _span_ok(name: str, s: int | None, e: int | None, n: int, what: str) -> None:
    if s is None and e is None:
        return
    if not (isinstance(s, int) and isinstance(e, int) and 0 <= s <= e <= n):
        raise InvariantBreak(name, f"{what} [{s}, {e}) is not within 0..{n} with start <= end")


def _coverage(source: str, spans: list[tuple[int, int, str]]) -> None:
    """Every non-space character lies in exactly one span (linear: spans sorted, gaps and overlaps checked)."""
    pos = 0
    for s, e, what in sorted(spans):
        if s > pos and source[pos:s].strip():
            i = pos + next(k for k, ch in enumerate(source[pos:s]) if not ch.isspace())
            raise InvariantBreak("coverage", f"character {source[i]!r} at {i} lies in no span")
        if s < pos and source[s:min(e, pos)].strip():
            i = s + next(k for k, ch in enumerate(source[s:min(e, pos)]) if not ch.isspace())
            raise InvariantBreak("coverage", f"character {source[i]!r} at {i} lies in two spans (one is {what})")
        pos = max(pos, e)
    if source[pos:].strip():
        i = pos + next(k for k, ch in enumerate(source[pos:]) if not ch.isspace())
        raise InvariantBreak("coverage", f"character {source[i]!r} at {i} lies in no span")


def check_article(art: Any, given_text: str | None = None) -> None:
    """The standoff model's promises for one extracted Article.

    Spans (paragraphs, removed, metadata, captions, sentences) lie in ``0..len(source)`` with start <= end;
    paragraphs are non-empty, trimmed, in order and disjoint; sentences lie inside paragraphs; every removed
    span has a label and a reason; every non-space character of the source lies in exactly one paragraph,
    metadata or removed span (both paths build their spans line by line); on the text path the source is the
    given text, untouched; the record is JSON.
    """
    src = art.source
    n = len(src)
    if not isinstance(src, str):
        raise InvariantBreak("source-type", f"source is a {type(src).__name__}")
    groups = (("paragraph", art.paragraphs), ("removed", art.removed), ("metadata", art.metadata_spans))
    for what, spans in groups:
        for sp in spans:
            _span_ok("span-range", sp.start, sp.end, n, f"{what} span")
    for c in art.captions:
        if c.span is not None:
            _span_ok("span-range", c.span.start, c.span.end, n, "caption span")
    prev_end = 0
    for p in art.paragraphs:
        text = src[p.start:p.end]
        if not text or text != text.strip():
            raise InvariantBreak("paragraph-trim", f"paragraph [{p.start}, {p.end}) is empty or untrimmed: {text[:40]!r}")
        if p.start < prev_end:
            raise InvariantBreak("paragraph-overlap", f"paragraph [{p.start}, {p.end}) starts before {prev_end}")
        prev_end = p.end
    paras = _Spans([(p.start, p.end) for p in art.paragraphs])
    for s in art.sentences:
        _span_ok("span-range", s.start, s.end, n, "sentence")
        if not paras.contains(s.start, s.end):
            raise InvariantBreak("sentence-outside", f"sentence [{s.start}, {s.end}) is in no paragraph")
    for sp in art.removed:
        if not (sp.label and sp.reason):
            raise InvariantBreak("removed-reason", f"removed span [{sp.start}, {sp.end}) has no label or reason")
    _coverage(src, [(sp.start, sp.end, w) for w, spans in groups for sp in spans])
    if given_text is not None and art.input_kind == "text" and src != given_text:
        raise InvariantBreak("source-rewritten", "text-path source differs from the text given")
    try:
        json.dumps(art.to_record(), allow_nan=False)
    except (TypeError, ValueError) as exc:
        raise InvariantBreak("record-json", f"article record is not JSON: {exc}") from None


def check_analysis(an: Any) -> None:
    """Quotes (content, cue, speaker) and mentions lie in range, inside the spans stage two reads and never
    in removed text; a quote row's text is ``source[start:end]``; a mention's text is its slice."""
    from mediakit.analysis import analysis_spans

    art = an.article
    src, n = art.source, len(art.source)
    read = _Spans([(s.start, s.end) for s in analysis_spans(art)])
    removed = _Spans([(s.start, s.end) for s in art.removed])

    def inside(s: int, e: int, what: str) -> None:
        if e > s and not (read.contains(s, s + 1) and read.contains(e - 1, e)):
            raise InvariantBreak("outside-read-spans",
                                 f"{what} [{s}, {e}) is not inside a title, standfirst or paragraph")
        hit = removed.overlapping(s, e)
        if hit is not None:
            raise InvariantBreak("in-removed", f"{what} [{s}, {e}) overlaps removed span [{hit[0]}, {hit[1]})")

    for aq in an.quotes:
        q = aq.quote
        _span_ok("span-range", q.start, q.end, n, "quote")
        inside(q.start, q.end, "quote")
        for a, b, what in ((q.cue_start, q.cue_end, "cue"), (q.speaker_start, q.speaker_end, "speaker")):
            _span_ok("span-range", a, b, n, f"quote {what}")
            if a is not None and b is not None:
                inside(a, b, f"quote {what}")
        if q.kind not in ("direct", "indirect", "mixed"):
            raise InvariantBreak("quote-kind", f"quote kind {q.kind!r}")
    for row in an.quote_rows(an.doc):
        if row["text"] != src[row["start"]:row["end"]]:
            raise InvariantBreak("quote-text", f"quote row text differs from source[{row['start']}:{row['end']}]")
    for actor in an.actors:
        for m in actor.mentions:
            if m.start is None or m.end is None:
                continue
            _span_ok("span-range", m.start, m.end, n, f"mention of {actor.name!r}")
            inside(m.start, m.end, f"mention of {actor.name!r}")
            if m.text != src[m.start:m.end]:
                raise InvariantBreak("mention-text", f"mention text {m.text[:40]!r} is not source[{m.start}:{m.end}]")
    try:
        json.dumps(an.to_record(), allow_nan=False)
    except (TypeError, ValueError) as exc:
        raise InvariantBreak("record-json", f"analysis record is not JSON: {exc}") from None


_VIEW_TAGS = {"table", "tr", "th", "td", "b", "br", "span", "div", "p"}
_VIEW_ATTRS = {"style", "title"}
_TAG = re.compile(r"<(/?)([A-Za-z][^\s/>]*)([^>]*)>|<")
_ATTR = re.compile(r"""([^\s=/>"']+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?""")
_UNSAFE_VALUE = re.compile(r"javascript:|expression\s*\(|url\s*\(", re.I)


def check_view(name: str, markup: str) -> None:
    """An HTML view holds only its own markup: no script, event handler, comment or javascript: URL.

    A view is built from a fixed set of tags (table rows, ``<p>``, ``<span>``...) with ``style`` and
    ``title`` attributes and escapes every piece of article text, so every ``<`` in it must open one of its
    own tags; anything else came from the input unescaped. (A linear scan: views of 20,000-paragraph
    inputs are megabytes.)
    """
    if not isinstance(markup, str):
        raise InvariantBreak("view-type", f"{name} returned a {type(markup).__name__}")
    problems: list[str] = []
    for m in _TAG.finditer(markup):
        closing, tag, rest = m.group(1), (m.group(2) or "").lower(), m.group(3) or ""
        if m.group(2) is None:
            problems.append(f"a bare '<' before {markup[m.start():m.start() + 20]!r}")
        elif tag not in _VIEW_TAGS:
            problems.append(f"tag <{closing}{tag}>")
        elif not closing:
            for a in _ATTR.finditer(rest):
                attr, value = a.group(1).lower(), a.group(2) or ""
                if attr not in _VIEW_ATTRS:
                    problems.append(f"attribute {attr}= on <{tag}>")
                elif attr == "style" and _UNSAFE_VALUE.search(value):
                    problems.append(f"style value {value[:60]!r}")
        if len(problems) >= 5:
            break
    if problems:
        raise InvariantBreak("view-unescaped", f"{name} contains {', '.join(sorted(set(problems)))}")


# ============================================================================================ the worker


_FLAG_SAYS_DECODED = re.compile(r"encod|replac|charset", re.I)
_FLAG_SAYS_TRUNCATED = re.compile(r"gzip|truncat|incomplete|compress|ends? early|cut short", re.I)


def _views() -> list[tuple[str, Callable[..., str], str]]:
    """Every public ``*_html`` function of mediakit.display, with what it takes (article or analysis)."""
    import inspect

    from mediakit import display

    out = []
    for name, fn in sorted(vars(display).items()):
        if name.endswith("_html") and not name.startswith("_") and inspect.isfunction(fn):
            params = list(inspect.signature(fn).parameters.values())
            takes = "analysis" if params and "nalysis" in str(params[0].annotation) + params[0].name else "article"
            out.append((name, fn, takes))
    return out


def run_case(case: dict[str, Any], on_stage: Callable[[str], None] = lambda s: None) -> dict[str, Any]:
    """Run one input through every stage and check every invariant; returns the outcome (never raises)."""
    import mediakit
    from mediakit import display, tables
    from mediakit.errors import MediakitError
    from mediakit.inputs import is_url

    data = case["data"]
    expect = case.get("expect") or {}
    failures: list[dict[str, Any]] = []
    refusals: list[str] = []
    timings: dict[str, float] = {}
    state = {"stage": ""}

    def stage(name: str) -> None:
        state["stage"] = name
        on_stage(name)

    def fail(kind: str, name: str, message: str, tb: str = "") -> None:
        failures.append({"failure": kind, "stage": state["stage"], "name": name, "message": message[:2000],
                         "traceback": tb})

    def attempt(name: str, fn: Callable[[], Any]) -> Any:
        stage(name)
        t0 = time.perf_counter()
        try:
            return fn()
        except MediakitError as exc:
            refusals.append(f"{name}: {type(exc).__name__}: {exc}"[:300])
            return None
        except InvariantBreak as exc:
            fail("invariant", exc.name, str(exc))
            return None
        except BaseException as exc:  # the point is to catch everything
            tb = traceback.format_exc(limit=-8)
            fail("exception", f"{type(exc).__name__} at {_where(exc)}", f"{type(exc).__name__}: {exc}", tb)
            return None
        finally:
            timings[name] = timings.get(name, 0.0) + time.perf_counter() - t0

    if expect.get("sleep"):  # the harness's own test: a stage that hangs
        stage("sleep")
        time.sleep(expect["sleep"])
    arts: dict[str, Any] = {}
    if isinstance(data, str):
        if is_url(data) or _existing_path(data):
            refusals.append("extract:str skipped: the text names a URL or an existing file")
        else:
            arts["str"] = attempt("extract:str", lambda: mediakit.extract(data))
        as_bytes = data.encode("utf-8", errors="surrogatepass")  # lone surrogates become invalid UTF-8 bytes
    else:
        as_bytes = data
    arts["bytes"] = attempt("extract:bytes", lambda: mediakit.extract(as_bytes))
    for how, art in arts.items():
        if art is not None:
            given = data if how == "str" else None
            attempt(f"check:article:{how}", lambda a=art, g=given: check_article(a, g))
    if arts.get("str") is not None and arts.get("bytes") is not None and not data.startswith("\ufeff"):
        try:
            data.encode("utf-8")
            clean_utf8 = True
        except UnicodeEncodeError:
            clean_utf8 = False
        if clean_utf8:
            attempt("check:str-bytes", lambda: _same_article(arts["str"], arts["bytes"], "str-bytes-differ"))
    if "reference" in expect:
        ref = attempt("extract:reference", lambda: mediakit.extract(expect["reference"]))
        if ref is not None:
            check = expect.get("reference_check", "decoded-differently")
            attempt("check:decoded", lambda: _decoded_as(ref, arts["bytes"], refusals, check))
    if expect.get("truncated_gzip") and arts["bytes"] is not None:
        attempt("check:gzip", lambda: _flagged(arts["bytes"], _FLAG_SAYS_TRUNCATED, "gzip-truncated-silently",
                                               "a truncated gzip stream was read without a refusal or a flag"))
    art = arts.get("str") or arts.get("bytes")
    if expect.get("min_paragraphs") and art is not None and len(art.paragraphs) < expect["min_paragraphs"]:
        if not art.flags:
            stage("check:prose-kept")
            kept = "; ".join(f"{s.label}: {s.reason}" for s in art.removed + art.metadata_spans)[:300]
            fail("invariant", "prose-dropped", f"a one-line prose article kept no paragraph and no flag ({kept})")
    if art is not None:
        an = attempt("analyse", lambda: mediakit.analyse(art))
        if an is not None:
            attempt("check:analysis", lambda: check_analysis(an))
            attempt("tables", lambda: (tables.quotes_frame(an), tables.actors_frame(an),
                                       tables.mentions_frame(an), display.cleaning_table(art)))
            for name, fn, takes in _views():
                markup = attempt(f"view:{name}", lambda f=fn, t=takes: f(an if t == "analysis" else art))
                if markup is not None:
                    attempt(f"check:view:{name}", lambda nm=name, mk=markup: check_view(nm, mk))
    return {"failures": failures, "refusals": refusals, "timings": timings,
            "paragraphs": len(art.paragraphs) if art is not None else None}


def _existing_path(text: str) -> bool:
    if "\n" in text or len(text) > 4096 or "\x00" in text:
        return False
    try:
        return Path(text).exists()
    except (OSError, ValueError):
        return False


def _where(exc: BaseException) -> str:
    """The innermost mediakit frame of a traceback (``module.py:line``), else the innermost frame."""
    frames = traceback.extract_tb(exc.__traceback__)
    for fr in reversed(frames):
        if "/mediakit/" in fr.filename:
            return f"{Path(fr.filename).name}:{fr.lineno} {fr.name}"
    if frames:
        fr = frames[-1]
        return f"{Path(fr.filename).name}:{fr.lineno} {fr.name}"
    return "?"


def _same_article(a: Any, b: Any, name: str) -> None:
    if a.source != b.source:
        raise InvariantBreak(name, "the articles' sources differ")
    for group in ("paragraphs", "removed", "metadata_spans"):
        if [(s.start, s.end) for s in getattr(a, group)] != [(s.start, s.end) for s in getattr(b, group)]:
            raise InvariantBreak(name, f"the articles' {group} differ")


def _decoded_as(ref: Any, art: Any, refusals: list[str], name: str) -> None:
    if art is None:
        said = next((r for r in refusals if r.startswith("extract:bytes")), "no result")
        raise InvariantBreak("refused-readable", f"a faithful encoding of a readable text was refused ({said})")
    if any(_FLAG_SAYS_DECODED.search(f) for f in art.flags):
        return
    _same_article(ref, art, name)


def _flagged(art: Any, pattern: re.Pattern[str], name: str, message: str) -> None:
    if not any(pattern.search(f) for f in art.flags):
        raise InvariantBreak(name, f"{message} (flags: {art.flags})")


def _send(stream: Any, obj: Any) -> None:
    blob = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(struct.pack("<Q", len(blob)) + blob)
    stream.flush()


def _recv(stream: Any) -> Any:
    head = stream.read(8)
    if len(head) < 8:
        return None
    (size,) = struct.unpack("<Q", head)
    return pickle.loads(stream.read(size))


def worker_main() -> None:
    """The worker loop: read cases from stdin, run them, write stage notices and outcomes to stdout."""
    proto = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # library prints must not corrupt the protocol
    sys.stdout = sys.stderr
    import logging

    logging.disable(logging.CRITICAL)  # trafilatura logs its complaints about broken pages
    warm = run_case({"data": "<html><body><p>\u201cReady,\u201d said Ms Ada Sarrow, the minister.</p></body></html>"})
    run_case({"data": "Ferry fares\n\n\u201cReady,\u201d said Ms Ada Sarrow, the minister."})
    _send(proto, ("ready", warm["failures"]))
    stdin = sys.stdin.buffer
    while True:
        case = _recv(stdin)
        if case is None:
            return
        t0 = time.perf_counter()
        out = run_case(case, lambda s: _send(proto, ("stage", s)))
        out["elapsed"] = time.perf_counter() - t0
        _send(proto, ("done", out))


# =========================================================================================== the runner


class _Worker:
    def __init__(self, workdir: str) -> None:
        self.errlog = tempfile.TemporaryFile()
        self.proc = subprocess.Popen(
            [sys.executable, str(Path(__file__).resolve()), "--worker"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self.errlog, cwd=workdir,
        )
        assert self.proc.stdout is not None
        self.fd = self.proc.stdout.fileno()
        os.set_blocking(self.fd, False)
        self.buf = b""
        self.ready = False
        self.started = time.monotonic()
        self.case: Case | None = None
        self.deadline = 0.0
        self.stage = ""
        self.sent_at = 0.0

    def messages(self) -> Iterator[Any]:
        while True:
            try:
                chunk = os.read(self.fd, 1 << 20)
            except BlockingIOError:
                break
            if not chunk:
                raise EOFError
            self.buf += chunk
        while len(self.buf) >= 8:
            (size,) = struct.unpack("<Q", self.buf[:8])
            if len(self.buf) < 8 + size:
                break
            blob, self.buf = self.buf[8:8 + size], self.buf[8 + size:]
            yield pickle.loads(blob)

    def send(self, case: Case, budget: float) -> None:
        self.case = case
        self.stage = "sending"
        self.sent_at = time.monotonic()
        self.deadline = self.sent_at + budget
        assert self.proc.stdin is not None
        _send(self.proc.stdin, {"data": case.data, "expect": case.expect})

    def stderr_tail(self) -> str:
        self.errlog.seek(0, os.SEEK_END)
        size = self.errlog.tell()
        self.errlog.seek(max(0, size - 3000))
        return self.errlog.read().decode("utf-8", "replace")

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait()
        for stream in (self.proc.stdin, self.proc.stdout):
            try:
                if stream is not None:
                    stream.close()
            except OSError:
                pass
        self.errlog.close()


@dataclass
class Result:
    case: Case
    failures: list[dict[str, Any]]
    refusals: list[str]
    elapsed: float
    timings: dict[str, float] = field(default_factory=dict)
    saved: Path | None = None

    @property
    def slowest_stage(self) -> float:
        return max(self.timings.values(), default=0.0)


def run_cases(cases: Iterable[Case], budget: float = 10.0, jobs: int = 1,
              on_result: Callable[[Result], None] | None = None) -> list[Result]:
    """Run ``cases`` in ``jobs`` worker subprocesses; each stage of an input gets a wall-clock ``budget``
    (seconds) before the worker is killed and replaced."""
    workdir = tempfile.mkdtemp(prefix="mediakit-fuzz-")  # an empty cwd: no generated text names a file there
    sel = selectors.DefaultSelector()
    workers: list[_Worker] = []
    results: list[Result] = []
    todo = iter(cases)
    pending = True

    def spawn() -> _Worker:
        w = _Worker(workdir)
        sel.register(w.fd, selectors.EVENT_READ, w)
        workers.append(w)
        return w

    def retire(w: _Worker) -> None:
        sel.unregister(w.fd)
        w.kill()
        workers.remove(w)

    def finish(w: _Worker, failures: list[dict[str, Any]], refusals: list[str], elapsed: float,
               timings: dict[str, float] | None = None) -> None:
        assert w.case is not None
        res = Result(w.case, failures, refusals, elapsed, timings or {})
        results.append(res)
        if on_result is not None:
            on_result(res)
        w.case = None

    def feed(w: _Worker) -> None:
        nonlocal pending
        if not pending or not w.ready or w.case is not None:
            return
        case = next(todo, None)
        if case is None:
            pending = False
            return
        try:
            w.send(case, budget)
        except (BrokenPipeError, OSError):
            w.case = case  # reported as a crash below

    try:
        for _ in range(max(1, jobs)):
            spawn()
        while workers and (pending or any(w.case is not None for w in workers)):
            now = time.monotonic()
            waits = [w.deadline - now for w in workers if w.case is not None]
            events = sel.select(timeout=max(0.01, min(waits)) if waits else 1.0)
            for key, _ in events:
                w = key.data
                try:
                    for msg in w.messages():
                        if msg[0] == "ready":
                            w.ready = True
                            for f in msg[1]:
                                print(f"fuzz: the worker's warm-up input failed: {f['name']}", file=sys.stderr)
                        elif msg[0] == "stage":  # each stage gets the whole budget
                            w.stage = msg[1]
                            w.deadline = time.monotonic() + budget
                        elif msg[0] == "done":
                            out = msg[1]
                            finish(w, out["failures"], out["refusals"], out["elapsed"], out["timings"])
                except EOFError:
                    tail = w.stderr_tail()
                    if w.case is None and not w.ready:
                        raise RuntimeError(f"fuzz worker could not start:\n{tail}") from None
                    if w.case is not None:
                        msg = f"the worker process died (exit status {w.proc.poll()}) in stage {w.stage}"
                        finish(w, [{"failure": "exception", "stage": w.stage, "name": "worker died",
                                    "message": msg, "traceback": tail}], [], time.monotonic() - w.sent_at)
                    retire(w)
                    spawn()
            now = time.monotonic()
            for w in list(workers):
                if w.case is not None and now > w.deadline:
                    stage = w.stage
                    finish(w, [{"failure": "overrun", "stage": stage, "name": f"over {budget:g} s",
                                "message": f"stage {stage} ran over {budget:g} s and was killed",
                                "traceback": ""}], [], now - w.sent_at, {stage: budget})
                    retire(w)
                    spawn()
                elif not w.ready and now - w.started > 300:
                    raise RuntimeError(f"fuzz worker did not start in 300 s:\n{w.stderr_tail()}")
            for w in list(workers):
                feed(w)
                if w.case is not None and w.stage == "sending" and w.proc.poll() is not None:
                    pass  # its EOF arrives through the selector
    finally:
        for w in list(workers):
            try:
                if w.proc.stdin is not None:
                    w.proc.stdin.close()
            except OSError:
                pass
            try:
                w.proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                pass
            retire(w)
        sel.close()
        shutil.rmtree(workdir, ignore_errors=True)
    return sorted(results, key=lambda r: r.case.index)


def signature(case: Case, f: dict[str, Any]) -> str:
    """What groups failures of one defect: generator, failure kind, stage and exception site or invariant."""
    stage = re.sub(r":(str|bytes)$", "", f["stage"])
    return f"{case.kind} | {f['failure']} | {stage} | {f['name']}"


def save_reproducer(res: Result, out: Path, seed: int) -> Path:
    """Save a failing input under ``out`` as ``KIND-sSEED-INDEX`` plus its note; returns the note's path."""
    stem = out / f"{res.case.kind}-s{seed}-{res.case.index:05d}"
    return write_reproducer(res.case, stem, {"seed": seed, "failures": res.failures, "refusals": res.refusals,
                                             "elapsed_s": round(res.elapsed, 3)})


def write_reproducer(case: Case, stem: Path, extra: dict[str, Any] | None = None) -> Path:
    """Write ``case``'s input beside a JSON note: ``STEM.txt`` for text (UTF-8, lone surrogates passed
    through) or ``STEM.bin`` for bytes, and ``STEM.json`` (generator, note, expectations, replay command and
    ``extra``). Returns the note's path; :func:`load_reproducer` reads it back."""
    stem.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(case.data, str):
        data_path = stem.with_name(stem.name + ".txt")
        data_path.write_bytes(case.data.encode("utf-8", errors="surrogatepass"))
    else:
        data_path = stem.with_name(stem.name + ".bin")
        data_path.write_bytes(case.data)
    note_path = stem.with_name(stem.name + ".json")
    note = {
        "kind": case.kind, "index": case.index, "generator_note": case.note, "input": data_path.name,
        "input_type": "str" if isinstance(case.data, str) else "bytes",
        "expect": {k: {"base64": base64.b64encode(v).decode()} if isinstance(v, bytes) else v
                   for k, v in case.expect.items()},
        **(extra or {}),
        "replay": f"python benchmarks/fuzz.py --replay {note_path}",
    }
    # ASCII JSON: lone surrogates in texts and messages survive the round trip
    note_path.write_text(json.dumps(note, indent=2) + "\n", encoding="ascii")
    return note_path


def load_reproducer(note_path: Path) -> Case:
    """The :class:`Case` saved by :func:`write_reproducer`."""
    note = json.loads(note_path.read_text(encoding="ascii"))
    raw = (note_path.parent / note["input"]).read_bytes()
    data: str | bytes = raw.decode("utf-8", errors="surrogatepass") if note["input_type"] == "str" else raw
    expect = {k: base64.b64decode(v["base64"]) if isinstance(v, dict) and "base64" in v else v
              for k, v in note.get("expect", {}).items()}
    return Case(note["index"], note["kind"], data, note["generator_note"], expect)


@dataclass
class Campaign:
    seed: int
    budget: float
    results: list[Result]
    seconds: float

    def by_kind(self) -> dict[str, list[Result]]:
        out: dict[str, list[Result]] = defaultdict(list)
        for r in self.results:
            out[r.case.kind].append(r)
        return dict(out)

    def counts(self, results: list[Result]) -> dict[str, int]:
        c = Counter(kind for r in results for kind in {f["failure"] for f in r.failures})  # inputs, not stages
        return {"inputs": len(results), "failing": sum(1 for r in results if r.failures),
                "refused": sum(1 for r in results if r.refusals and not r.failures),
                "exceptions": c["exception"], "overruns": c["overrun"], "invariants": c["invariant"]}

    @property
    def failed(self) -> bool:
        return any(r.failures for r in self.results)

    def signatures(self) -> dict[str, list[Result]]:
        out: dict[str, list[Result]] = defaultdict(list)
        for r in self.results:
            for sig in sorted({signature(r.case, f) for f in r.failures}):
                out[sig].append(r)
        return dict(out)

    def summary(self) -> str:
        lines = [f"fuzz: seed {self.seed}, {len(self.results)} inputs, budget {self.budget:g} s per stage, "
                 f"{self.seconds:.0f} s wall", "",
                 "inputs that refused (MediakitError, accepted) or failed, by generator; an input failing in two "
                 "ways counts in both columns", "",
                 "| generator | inputs | refused | exceptions | overruns | invariant breaks | slowest stage s |",
                 "|---|---|---|---|---|---|---|"]
        groups = self.by_kind()
        for kind in [k for k in GENERATORS if k in groups]:
            rs = groups[kind]
            c = self.counts(rs)
            lines.append(f"| {kind} | {c['inputs']} | {c['refused']} | {c['exceptions']} | {c['overruns']} | "
                         f"{c['invariants']} | {max(r.slowest_stage for r in rs):.2f} |")
        c = self.counts(self.results)
        slowest = max((r.slowest_stage for r in self.results), default=0.0)
        lines.append(f"| **all** | {c['inputs']} | {c['refused']} | {c['exceptions']} | {c['overruns']} | "
                     f"{c['invariants']} | {slowest:.2f} |")
        slow = sorted(self.results, key=lambda r: -r.slowest_stage)[:5]
        if slow:
            lines += ["", "slowest inputs (slowest stage):"]
            for r in slow:
                stage = max(r.timings, key=lambda k: r.timings[k]) if r.timings else "?"
                lines.append(f"  {r.slowest_stage:7.2f} s  {stage:22s} #{r.case.index} {r.case.kind}: {r.case.note[:90]}")
        sigs = self.signatures()
        if sigs:
            lines += ["", f"{len(sigs)} distinct failures (generator | failure | stage | what), inputs, first reproducer:"]
            for sig, rs in sorted(sigs.items(), key=lambda kv: (-len(kv[1]), kv[0])):
                first = next((r.saved for r in rs if r.saved), None)
                lines.append(f"  {len(rs):5d}  {sig}  {first or ''}")
                msg = next(f["message"] for f in rs[0].failures if signature(rs[0].case, f) == sig)
                lines.append(f"         e.g. {msg.splitlines()[0][:150] if msg else ''}")
        return "\n".join(lines)


def run_campaign(seed: int = 1, count: int = 100, budget: float = 10.0, jobs: int = 1, out: Path | None = None,
                 keep: int = 3, kinds: list[str] | None = None, max_size: int | None = None,
                 progress: bool = False, root: Path = ROOT) -> Campaign:
    """Generate ``count`` inputs from ``seed``, run them and save reproducers of failures under ``out``."""
    seeds = load_seeds(root)
    kept: Counter[str] = Counter()
    t0 = time.monotonic()
    done = [0]

    def on_result(res: Result) -> None:
        done[0] += 1
        if res.failures and out is not None:
            sigs = {signature(res.case, f) for f in res.failures}
            if any(kept[s] < keep for s in sigs):
                res.saved = save_reproducer(res, out, seed)
                for s in sigs:
                    kept[s] += 1
        if progress and (done[0] % 100 == 0 or res.failures):
            tag = "; ".join(f"{f['failure']} {f['name']}" for f in res.failures)[:120]
            print(f"[{done[0]}/{count} {time.monotonic() - t0:.0f}s] #{res.case.index} {res.case.kind}"
                  f"{': ' + tag if tag else ''}", file=sys.stderr, flush=True)

    cases = (make_case(seed, i, seeds, kinds, max_size) for i in range(count))
    results = run_cases(cases, budget=budget, jobs=jobs, on_result=on_result)
    return Campaign(seed, budget, results, time.monotonic() - t0)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--count", type=int, default=500)
    ap.add_argument("--budget", type=float, default=10.0, help="seconds per stage of an input (one extract, analyse, one view) before it is killed (default 10)")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="worker processes (default: all cores)")
    ap.add_argument("--out", type=Path, default=Path("out/fuzz"), help="where failing inputs are saved")
    ap.add_argument("--keep", type=int, default=3, help="inputs saved per distinct failure (default 3)")
    ap.add_argument("--kinds", default="", help="comma-separated generators to run (default: all)")
    ap.add_argument("--max-size", type=int, default=None,
                    help="leave out generator sizes over about this many characters (quick runs)")
    ap.add_argument("--list", action="store_true", help="list the generators and exit")
    ap.add_argument("--replay", nargs="+", type=Path, help="re-run saved reproducers (their .json notes)")
    ap.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.worker:
        worker_main()
        return 0
    if args.list:
        for name, fn in GENERATORS.items():
            print(f"{name:16s} {(fn.__doc__ or '').strip()}")
        return 0
    if args.replay:
        cases = [load_reproducer(p) for p in args.replay]
        for i, case in enumerate(cases):
            case.index = i  # results come back in this order
        bad = 0
        for path, res in zip(args.replay, run_cases(cases, budget=args.budget, jobs=1), strict=True):
            status = "; ".join(f"{f['failure']} in {f['stage']}: {f['message']}" for f in res.failures) or "ok"
            bad += bool(res.failures)
            print(f"{path} ({res.case.kind}, {res.elapsed:.2f} s): {status}")
            for f in res.failures:
                if f["traceback"]:
                    print(f["traceback"])
        return 1 if bad else 0
    kinds = [k.strip() for k in args.kinds.split(",") if k.strip()] or None
    unknown = set(kinds or []) - set(GENERATORS)
    if unknown:
        ap.error(f"unknown generators: {', '.join(sorted(unknown))} (see --list)")
    camp = run_campaign(args.seed, args.count, args.budget, args.jobs, args.out, args.keep, kinds, args.max_size,
                        progress=True)
    print(camp.summary())
    return 1 if camp.failed else 0


if __name__ == "__main__":
    sys.exit(main())
