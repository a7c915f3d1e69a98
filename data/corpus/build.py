#!/usr/bin/env python3
"""Build the mediakit teaching corpus from its YAML sources.

Run from anywhere::

    python data/corpus/build.py            # rebuild data/corpus/{text,attributions,meta,raw}
    python data/corpus/build.py --check    # exit 1 if the built files are not up to date
    python data/corpus/build.py --out DIR  # build into another folder (tests use this)

Every article is one YAML file under ``articles/<outlet>/<id>.yaml`` (format: ``articles/README.md``).
From each one this script writes

- ``text/<id>.txt``: the clean text, ``title + "\\n\\n" + paragraphs joined by "\\n\\n" + "\\n"``;
- ``attributions/<id>_gold.ann``: the attribution gold in brat standoff, PolNeAR layout;
- ``meta/<id>.json``: the sidecar (metadata, actors, attributions with resolved offsets);
- the raw shape a user would collect for the article's outlet: ``raw/html/<id>.html`` (a saved page),
  ``raw/pasted/<id>.txt`` (page text copied from a browser) or a row of ``raw/ens-wire.csv`` (a wire export).

The output depends only on the YAML files: page furniture is chosen with a random generator seeded by the
article id, so a rebuild writes the same bytes. Files this script wrote for articles that no longer exist
are removed. When a string of the gold cannot be located, the script names the file and the string and
exits with status 1 without writing anything.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import html
import io
import json
import random
import re
import sys
from dataclasses import dataclass
from datetime import date as Date
from datetime import timedelta
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent

KINDS = ("direct", "indirect", "mixed")
ACTOR_TYPES = ("person", "organisation", "place", "group", "anonymous")
CATEGORIES = (
    "government", "opposition", "international body", "business", "civil society", "residents", "expert",
    "police", "media", "anonymous", "foreign government", "other",
)
REQUIRED = ("id", "outlet", "date", "section", "title", "byline", "body", "actors", "attributions")
ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
CREDIT_LABEL = re.compile(r"^\s*(?:photo(?:graph)?|picture|image|credit)\s*:\s*", re.I)


@dataclass(frozen=True)
class Outlet:
    key: str
    name: str
    prefix: str
    domain: str
    shape: str  # "html" | "pasted" | "csv"


OUTLETS = {
    o.key: o
    for o in (
        Outlet("calder-courier", "The Calder Courier", "courier", "www.caldercourier.es.example", "html"),
        Outlet("daily-lantern", "The Daily Lantern", "lantern", "www.dailylantern.es.example", "pasted"),
        Outlet("valley-voice", "Valley Voice", "voice", "www.valleyvoice.es.example", "html"),
        Outlet("ens-wire", "Estrelian News Service", "ens", "www.ens.es.example", "csv"),
        Outlet("calder-business", "Calder Business Daily", "business", "www.calderbusiness.es.example", "html"),
    )
}
WIRE_CSV = "raw/ens-wire.csv"
GENERATED = {"text": ".txt", "attributions": "_gold.ann", "meta": ".json", "raw/html": ".html", "raw/pasted": ".txt"}


class BuildError(Exception):
    """A problem in one YAML file that its writer has to fix."""


# --------------------------------------------------------------------------------------------------
# Reading and checking one article
# --------------------------------------------------------------------------------------------------


def load_article(path: Path) -> dict:
    try:
        art = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise BuildError(f"not valid YAML: {exc}") from None
    if not isinstance(art, dict):
        raise BuildError("the file does not hold a YAML mapping")
    missing = [k for k in REQUIRED if art.get(k) in (None, "")]
    if missing:
        raise BuildError(f"missing field(s): {', '.join(missing)}")
    if art["id"] != path.stem or not ID_RE.match(str(art["id"])):
        raise BuildError(f"id {art['id']!r} must match the file name and be lowercase [a-z0-9-]")
    if art["outlet"] not in OUTLETS or path.parent.name != art["outlet"]:
        raise BuildError(f"outlet {art['outlet']!r} must be one of {sorted(OUTLETS)} and the folder name")
    if not str(art["id"]).startswith(OUTLETS[art["outlet"]].prefix + "-"):
        raise BuildError(f"id {art['id']!r} must start with {OUTLETS[art['outlet']].prefix!r}")
    if not isinstance(art["date"], Date):
        try:
            art["date"] = Date.fromisoformat(str(art["date"]))
        except ValueError:
            raise BuildError(f"date {art['date']!r} is not an ISO date (yyyy-mm-dd)") from None
    for key in ("title", "section", "byline", "body"):
        art[key] = str(art[key])
    art["standfirst"] = [str(s) for s in (art.get("standfirst") or [])]
    caps = []
    for cap in art.get("captions") or []:
        if not isinstance(cap, dict) or not cap.get("text"):
            raise BuildError(f"caption {cap!r} needs a text")
        credit = CREDIT_LABEL.sub("", str(cap.get("credit") or "")).strip() or None
        caps.append({"text": str(cap["text"]).strip(), "credit": credit})
    art["captions"] = caps
    names = set()
    for actor in art["actors"]:
        if not isinstance(actor, dict) or not actor.get("name"):
            raise BuildError(f"actor {actor!r} needs a name")
        if actor.get("type") not in ACTOR_TYPES:
            raise BuildError(f"actor {actor['name']!r}: type {actor.get('type')!r} is not one of {ACTOR_TYPES}")
        if actor.get("category") not in CATEGORIES:
            raise BuildError(f"actor {actor['name']!r}: category {actor.get('category')!r} is not one of {CATEGORIES}")
        if actor["name"] in names:
            raise BuildError(f"actor {actor['name']!r} is listed twice")
        names.add(actor["name"])
    for n, att in enumerate(art["attributions"], 1):
        if not isinstance(att, dict) or not att.get("content"):
            raise BuildError(f"attribution {n} needs a content")
        if att.get("kind") not in KINDS:
            raise BuildError(f"attribution {n}: kind {att.get('kind')!r} is not one of {KINDS}")
        if att.get("speaker") is not None and att["speaker"] not in names:
            raise BuildError(f"attribution {n}: speaker {att['speaker']!r} is not in the actors list")
    return art


def paragraphs(body: str) -> list[str]:
    """Body paragraphs: blocks separated by blank lines, each with its lines joined by one space."""
    blocks = re.split(r"\n[ \t]*\n", body.strip())
    return [" ".join(line.strip() for line in b.splitlines() if line.strip()) for b in blocks if b.strip()]


def clean_text(art: dict) -> str:
    return art["title"].strip() + "\n\n" + "\n\n".join(art["paragraphs"]) + "\n"


# --------------------------------------------------------------------------------------------------
# Locating the gold strings
# --------------------------------------------------------------------------------------------------


def occurrences(text: str, needle: str, lo: int = 0, hi: int | None = None, words: bool = False) -> list[int]:
    """Start offsets of ``needle`` in ``text[lo:hi]``; with ``words`` not inside a longer word."""
    hi = len(text) if hi is None else hi
    pat = re.escape(needle)
    if words and re.match(r"\w", needle):
        pat = r"(?<!\w)" + pat
    if words and re.search(r"\w$", needle):
        pat += r"(?!\w)"
    return [m.start() for m in re.compile(pat).finditer(text, lo, hi)]


def as_list(value) -> list[str]:
    if value is None:
        return []
    return [str(v) for v in value] if isinstance(value, list) else [str(value)]


def locate_content(text: str, att: dict) -> list[tuple[int, int]]:
    pieces = as_list(att["content"])
    scopes = [s for s in as_list(att.get("content_in")) if s]
    ranges = []
    for piece in pieces:
        found = occurrences(text, piece)
        if len(found) != 1:
            inside = []
            for scope in scopes:
                for s in occurrences(text, scope):
                    inside += [s + i for i in occurrences(scope, piece)]
            inside = sorted(set(inside))
            if len(inside) == 1:
                found = inside
            elif not found:
                raise BuildError(f"content not found in the clean text: {piece!r}")
            elif not scopes:
                raise BuildError(f"content occurs {len(found)} times; add content_in: {piece!r}")
            else:
                raise BuildError(f"content_in {scopes!r} does not pick out one occurrence of {piece!r}")
        ranges.append((found[0], found[0] + len(piece)))
    return ranges


def locate_near(text: str, needle: str, scope: str | None, content: list[tuple[int, int]], what: str):
    """The occurrence of ``needle`` nearest the content (outside it, preferring the content's paragraph),
    inside ``scope`` when given."""
    if scope:
        starts = occurrences(text, scope)
        if not starts:
            raise BuildError(f"{what}_in not found in the clean text: {scope!r}")
        cands = [s + i for s in starts for i in occurrences(scope, needle, words=True)]
        if not cands:
            raise BuildError(f"{what} {needle!r} is not inside its {what}_in {scope!r}")
    else:
        cands = occurrences(text, needle, words=True)
    cands = [c for c in cands if not any(c < e and c + len(needle) > s for s, e in content)]
    if not cands:
        raise BuildError(f"{what} not found outside the content: {needle!r}")
    lo, hi = min(s for s, _ in content), max(e for _, e in content)
    paragraphs = {text.count("\n", 0, s) for s, _ in content}

    def rank(c: int) -> tuple[bool, int, int]:
        """In the content's own paragraph first (a headline name must not lose to the lede's), then nearest."""
        distance = lo - (c + len(needle)) if c + len(needle) <= lo else (c - hi if c >= hi else 0)
        return (text.count("\n", 0, c) not in paragraphs, distance, c)

    best = min(cands, key=rank)
    return (best, best + len(needle))


def locate(art: dict, text: str) -> list[dict]:
    out = []
    for n, att in enumerate(art["attributions"], 1):
        try:
            content = locate_content(text, att)
            spans = {}
            for what in ("source", "cue"):
                needle = att.get(what)
                if needle is None or needle == "":
                    spans[what] = None
                    continue
                s, e = locate_near(text, str(needle), att.get(f"{what}_in"), content, what)
                spans[what] = {"text": text[s:e], "start": s, "end": e}
        except BuildError as exc:
            raise BuildError(f"attribution {n} ({att.get('speaker')}): {exc}") from None
        out.append({
            "id": f"E{n}",
            "speaker": att.get("speaker"),
            "kind": att["kind"],
            "source": spans["source"],
            "cue": spans["cue"],
            "content": {
                "text": " ".join(text[s:e] for s, e in content),
                "start": min(s for s, _ in content),
                "end": max(e for _, e in content),
                "ranges": [list(r) for r in content],
            },
        })
    return out


# --------------------------------------------------------------------------------------------------
# Brat standoff (PolNeAR layout)
# --------------------------------------------------------------------------------------------------


def brat_ranges(text: str, ranges) -> list[tuple[int, int]]:
    """Split ranges at line breaks (brat fragments never cross one) and trim their spaces."""
    out = []
    for s, e in ranges:
        for m in re.finditer(r"[^\n]+", text[s:e]):
            a, b = s + m.start(), s + m.end()
            while a < b and text[a].isspace():
                a += 1
            while b > a and text[b - 1].isspace():
                b -= 1
            if a < b:
                out.append((a, b))
    return out


def render_ann(text: str, attributions: list[dict]) -> str:
    lines: list[str] = []
    t = 0

    def tline(label: str, ranges) -> str:
        nonlocal t
        t += 1
        ranges = brat_ranges(text, ranges)
        offs = ";".join(f"{a} {b}" for a, b in ranges)
        lines.append(f"T{t}\t{label} {offs}\t{' '.join(text[a:b] for a, b in ranges)}")
        return f"T{t}"

    for n, att in enumerate(attributions, 1):
        args = {}
        if att["source"]:
            args["Source"] = tline("Source", [(att["source"]["start"], att["source"]["end"])])
        if att["cue"]:
            args["Cue"] = tline("Cue", [(att["cue"]["start"], att["cue"]["end"])])
        args["Content"] = tline("Content", att["content"]["ranges"])
        if att["cue"]:
            trigger = [(att["cue"]["start"], att["cue"]["end"])]
        else:  # no cue: the trigger is the first word of the content
            s = att["content"]["ranges"][0][0]
            m = re.compile(r"\S+").search(text, s)
            trigger = [(m.start(), m.end())]
        trig = tline("Attribution", trigger)
        parts = [f"Attribution:{trig}", f"Content:{args['Content']}"]
        parts += [f"{k}:{args[k]}" for k in ("Cue", "Source") if k in args]
        lines.append(f"E{n}\t" + " ".join(parts))
    return "\n".join(lines) + "\n" if lines else ""


# --------------------------------------------------------------------------------------------------
# Page furniture (all invented)
# --------------------------------------------------------------------------------------------------

FILLER = {
    "calder-courier": [
        "Port Calder tram strike called off after late-night talks",
        "Inflation slows to 2.1% as fuel prices ease",
        "Supreme court to hear challenge to new rental law",
        "National orchestra names its first woman principal conductor",
        "Winter storms cost farmers an estimated 80m crowns",
        "Teachers’ union rejects 3% pay offer and warns of spring walkouts",
        "Census shows Mirren is the fastest-growing town in the north",
        "Heathland fires: three southern villages evacuated overnight",
        "The long shadow of the Brisk barrage, thirty years on",
        "Port Calder’s last printing works to close in June",
        "Opinion: Estrelia needs an energy policy, not an energy slogan",
        "Hospital waiting lists fall for the first time since 2019",
    ],
    "daily-lantern": [
        "Pensioner, 81, rescues swan from frozen canal",
        "Sarrow lottery winner keeps her job at the bakery",
        "Port Calder bus fares to rise by a fifth",
        "Storm Berit: roads shut as gales batter the coast",
        "Minister’s aide quits over expenses row",
        "TV chef reveals the one spice every kitchen needs",
        "Dog walker finds 300-year-old coin hoard near Mirren",
        "Fans queue overnight for Port Calder derby tickets",
        "Mum’s fury as school bans packed-lunch crisps",
        "Weather: frost warning for the whole north tonight",
        "Petrol price cut 'too little, too late', say drivers",
        "Tributes paid to veteran lifeboat skipper",
    ],
    "valley-voice": [
        "Mirren farmers’ market moves to the old cattle shed",
        "Sarrow school wins county choir cup for third year",
        "Ebbing Cross library saved by volunteer rota",
        "New footbridge over the Lesk opens after two-year wait",
        "Orchard frost: what growers can do this week",
        "Letters: the Mill Lane car park, again",
        "Mirren Rovers promoted after final-day win",
        "Bus 41 to keep its Sunday service, council confirms",
        "Hollin’s bell-ringers mark 200 years of the tower",
    ],
    "calder-business": [
        "Crown slips as central bank signals pause in rate cuts",
        "Grid operator raises tariff forecast for 2027",
        "Port Calder Exchange: turnover hits a five-year high",
        "Orchard exporters count the cost of a late frost",
        "Bond yields climb after weaker-than-expected auction",
        "Cement makers warn of capacity squeeze on public projects",
        "Insurers push up premiums for river-valley properties",
        "Lex Estrelia: why infrastructure funds like dams again",
        "Retail sales flat in February despite energy rebate",
    ],
}

EVENTS = [
    "Mirren farmers’ market, Saturday 9am–1pm, Cattle Shed",
    "Sarrow Choral Society spring concert, St Anne’s, Friday 7.30pm",
    "Ebbing Cross library book swap, Tuesday 4pm",
    "Tavan Valley walking group: Gorge path, Sunday 10am from Hollin bridge",
    "Repair café, Mirren Scout hut, first Saturday of the month",
    "Mirren Rovers v Kessel Town, Saturday 3pm",
]

COMMENTERS = ["Anneke V.", "Pieter from Sarrow", "M. Dekker", "orchardlass", "Ruud Kamp", "Elsa T.", "Hollin born"]
COMMENTS = [
    "Thank you for covering this properly. Nobody from Port Calder has set foot in Hollin since the announcement.",
    "My grandparents are buried in Hollin churchyard. I would like someone to tell us what happens to the graves.",
    "Good report. The bit about the relocation money matches what we were told at the meeting.",
    "Is there a date for the next meeting? I could not get in last time, the hall was full by seven.",
    "We need the power, though. Bills in Mirren went up again this winter and that hurts people too.",
    "Please keep following the money on this one.",
]


def seeded(art: dict, salt: str = "") -> random.Random:
    return random.Random(f"mediakit-corpus:{art['id']}:{salt}")


def digest(art: dict) -> str:
    return hashlib.sha256(art["id"].encode("utf-8")).hexdigest()


def slug(art: dict) -> str:
    return re.sub(r"^[a-z]+-\d{4}-\d{2}-\d{2}-", "", art["id"])


def make_url(art: dict) -> str:
    o, d, s = OUTLETS[art["outlet"]], art["date"], slug(art)
    section = slugify(art["section"])
    if o.key == "calder-courier":
        path = f"{section}/{d.year}/{month(d, True).lower()}/{d.day:02d}/{s}"
    elif o.key == "daily-lantern":
        path = f"news/{s}-{int(digest(art)[:8], 16) % 900000 + 100000}"
    elif o.key == "valley-voice":
        path = f"{d.year}/{d.month:02d}/{d.day:02d}/{s}/"
    elif o.key == "ens-wire":
        path = f"wire/{d.isoformat().replace('-', '')}-{s}"
    else:
        path = f"{section}/{s}-{digest(art)[:8]}"
    return f"https://{o.domain}/{path}"


def authors(byline: str) -> list[str]:
    names = re.sub(r"^\s*by\s+", "", byline, flags=re.I).split(",")[0]
    return [n.strip() for n in re.split(r"\s+and\s+|\s*&\s*", names) if n.strip()]


def related_titles(art: dict, others: list[dict], rng: random.Random, k: int) -> list[str]:
    """Headlines for promo and related lists: earlier stories of the outlet mixed with invented filler."""
    same = [o["title"] for o in others if o["outlet"] == art["outlet"] and o["date"] < art["date"]]
    out = rng.sample(same, min(len(same), k - k // 3))
    out += rng.sample(FILLER[art["outlet"]], k - len(out))
    rng.shuffle(out)
    return out


def slugify(s: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", s.lower()).strip("-")


def times(art: dict) -> tuple[str, str]:
    """Published and updated times (hh:mm) of the article's day."""
    rng = seeded(art, "time")
    first = rng.randint(6 * 60, 20 * 60)
    last = min(first + rng.randint(5, 240), 23 * 60 + 59)
    return f"{first // 60:02d}:{first % 60:02d}", f"{last // 60:02d}:{last % 60:02d}"


def iso_time(art: dict, hm: str) -> str:
    offset = "+01:00" if art["date"] < Date(2026, 3, 29) else "+02:00"  # Estrelia keeps summer time
    return f"{art['date'].isoformat()}T{hm}:00{offset}"


def esc(s: str) -> str:
    return html.escape(s, quote=True)


def jsonld(data: dict) -> str:
    text = json.dumps(data, ensure_ascii=False, indent=2).replace("</", "<\\/")
    return f'<script type="application/ld+json">\n{text}\n</script>'


def link_first(paras_html: list[str], targets: dict[str, str]) -> list[str]:
    """Turn the first mention of each target name into a link (one link per paragraph at most)."""
    out, done = [], set()
    for p in paras_html:
        for name, href in targets.items():
            if name not in done and esc(name) in p:
                p = p.replace(esc(name), f'<a href="{href}">{esc(name)}</a>', 1)
                done.add(name)
                break
        out.append(p)
    return out


def insert_after(paras: list[str], items: list[tuple[int, str]]) -> list[str]:
    """Paragraphs with each item placed after paragraph ``index`` (never after the last one)."""
    out = []
    for i, p in enumerate(paras):
        out.append(p)
        if i < len(paras) - 1:
            out += [html_ for at, html_ in items if at == i]
    return out


MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def month(d: Date, short: bool = False) -> str:
    return MONTHS[d.month - 1][: 3 if short else None]


def weekday(d: Date, short: bool = False) -> str:
    return DAYS[d.weekday()][: 3 if short else None]


def long_date(d: Date) -> str:
    return f"{d.day} {month(d)} {d.year}"


def us_date(d: Date) -> str:
    return f"{month(d)} {d.day}, {d.year}"


# --- The Calder Courier: broadsheet page, JSON-LD and meta tags --------------------------------------


def courier_html(art: dict, others: list[dict]) -> str:
    rng = seeded(art, "page")
    t1, _ = times(art)
    d = art["date"]
    names = authors(art["byline"])
    url = art["url"]
    rel = related_titles(art, others, rng, 7)
    comments = rng.randint(40, 1900)
    ents = {"\u201c": "&ldquo;", "\u201d": "&rdquo;", "\u2018": "&lsquo;", "\u2019": "&rsquo;", "\u2013": "&ndash;"}

    def cms(s: str) -> str:  # this CMS writes typographic characters as named entities
        s = esc(s)
        for ch, ent in ents.items():
            s = s.replace(ch, ent)
        return s

    paras = [f"<p>{cms(p)}</p>" for p in art["paragraphs"]]
    paras = link_first(paras, {"Hollin Gorge Dam": "/environment/hollin-gorge-dam",
                               "Duroval Engineering": "/business/duroval-engineering",
                               "Save the Tavan": "/environment/save-the-tavan"})
    n = len(paras)
    inserts = [
        (1, '<div class="ad-slot ad-slot--inline" data-slot="inbody1"><span class="ad-label">Advertisement</span></div>'),
        (min(3, n - 2), (
            '<aside class="rich-link"><span class="rich-link__kicker">Read more</span>'
            f'<a class="rich-link__title" href="/{slugify(art["section"])}/{slugify(rel[0])}">{cms(rel[0])}</a></aside>'
        )),
    ]
    if n > 8:
        inserts.append((n // 2 + 1, (
            '<div class="newsletter-signup"><h3>The Morning Courier</h3>'
            "<p>The day’s essential news from Port Calder, in your inbox before 7am.</p>"
            '<form><input type="email" placeholder="Your email address"><button>Sign up</button></form>'
            '<p class="small">Newsletters may contain information about charities, online ads, and content '
            "funded by outside parties.</p></div>".replace("’", "&rsquo;")
        )))
    if len(art["captions"]) > 1:
        c = art["captions"][1]
        inserts.append((max(2, n // 2), (
            f'<figure class="inline"><img src="/img/{slug(art)}-2.jpg" alt=""><figcaption>{cms(c["text"])}'
            + (f' <span class="credit">Photograph: {cms(c["credit"])}</span>' if c["credit"] else "")
            + "</figcaption></figure>"
        )))
    body = "\n        ".join(insert_after(paras, inserts))
    lead = ""
    if art["captions"]:
        c = art["captions"][0]
        lead = (
            f'<figure class="lead-image"><img src="/img/{slug(art)}.jpg" alt="{esc(c["text"])}">'
            f'<figcaption><span class="caption-text">{cms(c["text"])}</span>'
            + (f' <span class="credit">Photograph: {cms(c["credit"])}</span>' if c["credit"] else "")
            + "</figcaption></figure>"
        )
    standfirst = "".join(f'<p class="standfirst">{cms(s)}</p>' for s in art["standfirst"])
    ld = jsonld({
        "@context": "https://schema.org", "@type": "NewsArticle", "headline": art["title"],
        "description": " ".join(art["standfirst"]), "datePublished": iso_time(art, t1),
        "author": [{"@type": "Person", "name": a} for a in names], "articleSection": art["section"],
        "mainEntityOfPage": url,
        "publisher": {"@type": "Organization", "name": "The Calder Courier",
                      "logo": {"@type": "ImageObject", "url": "https://www.caldercourier.es.example/logo.png"}},
    })
    nav = ["Politics", "Nation", "World", "Business", "Environment", "Science", "Opinion", "Culture", "Sport"]
    most_read = "\n".join(f'        <li><a href="/most-read/{i}">{cms(t)}</a></li>' for i, t in enumerate(rel[1:6], 1))
    zone = "CET" if d < Date(2026, 3, 29) else "CEST"
    shown = f"{weekday(d, True)} {d.day} {month(d, True)} {d.year} {t1.replace(':', '.')} {zone}"
    return f"""<!DOCTYPE html>
<html lang="en-ES">
<head>
<meta charset="utf-8">
<title>{esc(art['title'])} | Politics and news | The Calder Courier</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="description" content="{esc(' '.join(art['standfirst']))}">
<meta name="author" content="{esc(', '.join(names))}">
<meta property="og:type" content="article">
<meta property="og:title" content="{esc(art['title'])}">
<meta property="og:url" content="{esc(url)}">
<meta property="og:site_name" content="The Calder Courier">
<meta property="article:published_time" content="{iso_time(art, t1)}">
<meta property="article:section" content="{esc(art['section'])}">
<link rel="canonical" href="{esc(url)}">
{ld}
<link rel="stylesheet" href="/static/courier.3f9a.css">
</head>
<body class="article-page section-{esc(art['section'].lower())}">
<div id="cookie-consent" role="dialog">
  <p>We and our 143 partners use cookies and similar technologies to personalise content and ads, to provide
  social media features and to analyse our traffic. You can change your choices at any time via
  <a href="/privacy-settings">Privacy settings</a> at the bottom of any page.</p>
  <button class="accept">Accept all</button> <button class="manage">Manage options</button>
</div>
<header class="masthead">
  <div class="topbar"><a href="/subscribe">Support the Courier: subscribe from 2 crowns a week</a>
    <a href="/signin">Sign in</a> <a href="/search">Search</a></div>
  <a class="logo" href="/">The Calder Courier</a>
  <p class="edition">Port Calder edition · {weekday(d)} {long_date(d)}</p>
  <nav class="primary-nav"><ul>
{chr(10).join(f'    <li><a href="/{x.lower()}">{x}</a></li>' for x in nav)}
  </ul></nav>
</header>
<div class="ad-slot ad-slot--leaderboard"><span class="ad-label">Advertisement</span></div>
<main>
  <nav class="breadcrumb"><a href="/">Home</a> › <a href="/{esc(art['section'].lower())}">{esc(art['section'])}</a></nav>
  <article class="article">
    <header class="article-header">
      <h1 class="headline">{cms(art['title'])}</h1>
      {standfirst}
      {lead}
      <div class="byline-block">
        <address class="byline">{cms(art['byline'])}</address>
        <time datetime="{iso_time(art, t1)}">{shown}</time>
      </div>
      <div class="share-tools"><a href="#share-fb">Share on Facebook</a> <a href="#share-mail">Share via Email</a>
        <a href="#comments">{comments} comments</a></div>
    </header>
    <div class="article-body" itemprop="articleBody">
        {body}
    </div>
    <footer class="article-footer">
      <p class="topics">Topics: <a href="/environment/hollin-gorge-dam">Hollin Gorge Dam</a> ·
        <a href="/nation/tavan-valley">Tavan Valley</a> · <a href="/{esc(art['section'].lower())}">{esc(art['section'])}</a></p>
      <p><a href="/reuse">Reuse this content</a></p>
    </footer>
  </article>
  <aside class="most-read">
    <h2>Most read</h2>
    <ol>
{most_read}
    </ol>
  </aside>
  <div class="ad-slot ad-slot--mpu"><span class="ad-label">Advertisement</span></div>
</main>
<footer class="site-footer">
  <ul><li><a href="/about">About us</a></li><li><a href="/contact">Contact us</a></li>
  <li><a href="/corrections">Complaints &amp; corrections</a></li><li><a href="/jobs">Work for us</a></li>
  <li><a href="/privacy">Privacy policy</a></li><li><a href="/privacy-settings">Cookie settings</a></li>
  <li><a href="/terms">Terms &amp; conditions</a></li><li><a href="/help">Help</a></li></ul>
  <p>© 2026 Calder Courier Media Ltd. All rights reserved.</p>
</footer>
</body>
</html>
"""


# --- Valley Voice: community site, meta tags only, sidebar and reader comments ---------------------


def voice_html(art: dict, others: list[dict]) -> str:
    rng = seeded(art, "page")
    t1, _ = times(art)
    d = art["date"]
    names = authors(art["byline"])
    rel = related_titles(art, others, rng, 6)
    shown = us_date(d)

    def caption(c: dict, n: int) -> str:
        credit = f' (Photo: {esc(c["credit"])})' if c["credit"] else ""
        return (f'<div class="wp-caption aligncenter"><img src="/wp-content/uploads/2026/{d.month:02d}/'
                f'{slug(art)}-{n}.jpg" width="1024" height="683" alt="">'
                f'<p class="wp-caption-text">{esc(c["text"])}{credit}</p></div>')

    paras = [f"<p>{esc(p)}</p>" for p in art["paragraphs"]]
    n = len(paras)
    inserts = [(min(4, n - 2), (
        '<div class="donate-inline"><strong>The Voice is free to read because readers like you chip in.</strong> '
        '<a href="/donate">Support local news from 3 crowns a month</a></div>'
    ))]
    if len(art["captions"]) > 1:
        inserts.append((n // 2 + 1, caption(art["captions"][1], 2)))
    if rng.random() < 0.5:  # an inline related link typed into the post by its editor
        inserts.append((rng.randrange(2, max(3, n - 2)),
                        f'<p><strong>Related:</strong> <a href="/?p={3000 + rng.randint(0, 999)}">{esc(rel[0])}</a></p>'))
    top = [caption(art["captions"][0], 1)] if art["captions"] else []
    body = "\n".join(top + insert_after(paras, inserts))
    stand = "".join(f'<p class="entry-summary"><em>{esc(s)}</em></p>' for s in art["standfirst"])
    n_comments = rng.choice([0, 0, 1, 2, 3])
    comments = ""
    if n_comments:
        items = []
        for who, what in zip(rng.sample(COMMENTERS, n_comments), rng.sample(COMMENTS, n_comments), strict=True):
            when = f"{us_date(d + timedelta(days=rng.randint(0, 2)))} at {rng.randint(7, 22)}:{rng.randint(0, 59):02d}"
            items.append(f'<li class="comment"><div class="comment-author"><b>{esc(who)}</b> <span>says:</span></div>'
                         f'<div class="comment-metadata">{when}</div><p>{esc(what)}</p>'
                         '<a class="comment-reply-link" href="#respond">Reply</a></li>')
        word = "thought" if n_comments == 1 else "thoughts"
        comments = (f'<h2 class="comments-title">{n_comments} {word} on “{esc(art["title"])}”</h2>\n'
                    f'<ol class="comment-list">\n{chr(10).join(items)}\n</ol>')
    sidebar_recent = "\n".join(f'<li><a href="/?p={1000 + i}">{esc(t)}</a></li>' for i, t in enumerate(rel[:5]))
    events = "\n".join(f"<li>{esc(e)}</li>" for e in rng.sample(EVENTS, 3))
    nav = ["Home", "News", "Community", "Farming", "Environment", "Events", "Letters", "About", "Donate"]
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(art['title'])} – Valley Voice</title>
<meta name="description" content="{esc(' '.join(art['standfirst']) or art['paragraphs'][0][:150])}">
<meta name="author" content="{esc(', '.join(names))}">
<meta property="og:locale" content="en_GB">
<meta property="og:type" content="article">
<meta property="og:title" content="{esc(art['title'])}">
<meta property="og:url" content="{esc(art['url'])}">
<meta property="og:site_name" content="Valley Voice">
<meta property="article:published_time" content="{iso_time(art, t1)}">
<meta property="article:section" content="{esc(art['section'])}">
<link rel="stylesheet" id="voice-theme-css" href="/wp-content/themes/voice/style.css?ver=2.4" media="all">
</head>
<body class="post-template-default single single-post">
<a class="skip-link screen-reader-text" href="#content">Skip to content</a>
<div class="cookie-notice">This site uses cookies to count visitors. <a href="/privacy">Find out more</a>
  <button>OK</button></div>
<header id="masthead" class="site-header">
  <p class="site-title"><a href="/">Valley Voice</a></p>
  <p class="site-description">News from Mirren and the Tavan Valley since 2009</p>
  <nav id="site-navigation" class="main-navigation"><button class="menu-toggle">Menu</button><ul id="primary-menu">
{chr(10).join(f'  <li class="menu-item"><a href="/{x.lower()}/">{x}</a></li>' for x in nav)}
  </ul></nav>
</header>
<div id="content" class="site-content">
<div id="primary" class="content-area"><main id="main" class="site-main">
<article id="post-{int(digest(art)[:6], 16) % 9000 + 1000}" class="post type-post status-publish format-standard hentry">
<header class="entry-header">
<span class="cat-links"><a href="/category/{esc(art['section'].lower())}/" rel="category tag">{esc(art['section'])}</a></span>
<h1 class="entry-title">{esc(art['title'])}</h1>
<div class="entry-meta"><span class="posted-on">Posted on <time class="entry-date published" datetime="{iso_time(art, t1)}">{shown}</time></span>
<span class="byline"> by <span class="author vcard">{esc(', '.join(names))}</span></span></div>
{stand}
</header>
<div class="entry-content">
{body}
</div>
<footer class="entry-footer">
<div class="sharedaddy"><h3 class="sd-title">Share this:</h3><ul><li><a href="#fb">Facebook</a></li>
<li><a href="#x">X</a></li><li><a href="#email">Email</a></li><li><a href="#print">Print</a></li></ul></div>
<div class="related-posts"><h3>Related</h3><ul>
{chr(10).join(f'<li><a href="/?p={2000 + i}">{esc(t)}</a></li>' for i, t in enumerate(rel[3:6]))}
</ul></div>
</footer>
</article>
<div id="comments" class="comments-area">
{comments}
<div id="respond" class="comment-respond"><h3>Leave a Reply</h3>
<p class="comment-notes">Your email address will not be published. Required fields are marked *</p>
<form><textarea name="comment"></textarea><input type="submit" value="Post Comment"></form></div>
</div>
</main></div>
<aside id="secondary" class="widget-area">
<section class="widget widget_text"><h2 class="widget-title">Support the Voice</h2>
<p>We are a reader-funded, not-for-profit newsroom. Every crown goes on reporting from the valley.</p>
<p><a href="/donate">Donate</a></p></section>
<section class="widget"><h2 class="widget-title">Upcoming events</h2><ul>
{events}
</ul></section>
<section class="widget"><h2 class="widget-title">Recent Posts</h2><ul>
{sidebar_recent}
</ul></section>
<section class="widget"><h2 class="widget-title">Weather in Mirren</h2><p>{rng.randint(4, 17)}°C, {rng.choice(['showers', 'bright spells', 'cloudy', 'light rain'])}</p></section>
</aside>
</div>
<footer id="colophon" class="site-footer">
<p>© 2026 Valley Voice Community Media · 14 Mill Lane, Mirren</p>
<p><a href="/privacy">Privacy</a> | <a href="/complaints">Complaints</a> | Site by Tavan Digital</p>
</footer>
</body>
</html>
"""


# --- Calder Business Daily: business paper, JSON-LD, market data --------------------------------------


def business_html(art: dict, others: list[dict]) -> str:
    rng = seeded(art, "page")
    t1, t2 = times(art)
    d = art["date"]
    names = authors(art["byline"])
    rel = related_titles(art, others, rng, 5)

    def move() -> str:
        x = rng.uniform(-3.5, 3.5)
        return f"{'▲' if x >= 0 else '▼'}{abs(x):.1f}%"

    ticker = [f"PCX-40 {rng.uniform(4600, 4900):,.1f} {move()}", f"Crown/euro {rng.uniform(0.089, 0.093):.4f} {move()}",
              f"Estrelia 10y {rng.uniform(3.1, 3.6):.2f}%", f"Power (front month) {rng.uniform(60, 80):.1f} cr/MWh"]
    paras = [f"<p>{esc(p)}</p>" for p in art["paragraphs"]]
    paras = link_first(paras, {"Duroval Engineering": "/companies/duroval-engineering", "Duroval": "/companies/duroval-engineering"})
    n = len(paras)
    inserts = [
        (2, '<div class="ad-container"><p class="ad-container__label">Advertisement</p></div>'),
        (min(5, n - 2), (
            '<aside class="newsletter-promo"><p><strong>Energy Briefing</strong>: the week in power, water and '
            'commodities, every Thursday. <a href="/newsletters/energy">Sign up</a></p></aside>'
        )),
    ]
    if "Duroval" in art["body"]:
        inserts.append((1, '<aside class="security-card"><span class="ticker">DRVL</span> Duroval Engineering '
                           '<span class="price">Latest price</span> <a href="/markets/DRVL">See quote</a> '
                           '<button>Add to watchlist</button></aside>'))
    if len(art["captions"]) > 1:
        c = art["captions"][1]
        inserts.append((n // 2 + 1, f'<figure><img src="/images/{digest(art)[:10]}-2.jpg" alt=""><figcaption>'
                                    f'{esc(c["text"])} <small>{esc(c["credit"] or "")}</small></figcaption></figure>'))
    if rng.random() < 0.6:
        inserts.append((max(3, n - 4), f'<p class="read-more"><strong>Read more:</strong> <a href="/'
                                       f'{slugify(art["section"])}/{slugify(rel[0])}">{esc(rel[0])}</a></p>'))
    body = "\n".join(insert_after(paras, inserts))
    lead = ""
    if art["captions"]:
        c = art["captions"][0]
        lead = (f'<figure class="main-image"><img src="/images/{digest(art)[:10]}.jpg" alt="">'
                f'<figcaption>{esc(c["text"])} <small>{esc(c["credit"] or "")}</small></figcaption></figure>')
    ld = jsonld({
        "@context": "https://schema.org", "@type": "NewsArticle", "headline": art["title"],
        "alternativeHeadline": art["standfirst"][0] if art["standfirst"] else None,
        "datePublished": iso_time(art, t1), "dateModified": iso_time(art, t2),
        "author": [{"@type": "Person", "name": a} for a in names], "articleSection": art["section"],
        "isAccessibleForFree": False, "url": art["url"],
        "publisher": {"@type": "Organization", "name": "Calder Business Daily"},
    })
    stand = "".join(f'<p class="article__summary">{esc(s)}</p>' for s in art["standfirst"])
    related = "\n".join(f'<li><a href="/{esc(art["section"].lower())}/{i}">{esc(t)}</a></li>' for i, t in enumerate(rel))
    nav = ["Markets", "Companies", "Energy", "Economy", "Property", "Personal Finance", "Opinion", "Data"]
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{esc(art['title'])} - Calder Business Daily</title>
<meta name="description" content="{esc(' '.join(art['standfirst']))}">
<meta name="twitter:card" content="summary_large_image">
<meta name="twitter:title" content="{esc(art['title'])}">
{ld}
</head>
<body>
<div class="market-strip" aria-label="Markets">
{chr(10).join(f'  <span class="market-strip__item">{esc(x)}</span>' for x in ticker)}
  <span class="market-strip__note">Data delayed by at least 15 minutes</span>
</div>
<header class="site-header">
  <a class="brand" href="/">Calder Business Daily</a>
  <a class="subscribe" href="/subscribe">Subscribe</a> <a href="/login">Log in</a>
  <nav><ul>{''.join(f'<li><a href="/{x.lower().replace(" ", "-")}">{x}</a></li>' for x in nav)}</ul></nav>
</header>
<main id="site-content">
<article class="article" data-id="{digest(art)[:12]}">
  <div class="article__labels"><a class="article__section" href="/{esc(art['section'].lower())}">{esc(art['section'])}</a>
    <span class="article__premium">Subscriber exclusive</span></div>
  <h1 class="article__headline">{esc(art['title'])}</h1>
  {stand}
  <div class="article__meta">
    <p class="article__byline">{esc(art['byline'])}</p>
    <p class="article__dates"><time datetime="{iso_time(art, t2)}">Updated {long_date(d)}, {t2}</time></p>
    <div class="article__tools"><button>Gift this article</button> <button>Save</button>
      <button class="listen">Listen to this article · {max(2, len(art['body'].split()) // 180)} min</button></div>
  </div>
  {lead}
  <div class="article__body">
{body}
  </div>
  <p class="article__copyright">Copyright Calder Business Daily 2026. Sharing or redistributing this article is prohibited.</p>
</article>
<section class="more-on"><h2>More on {esc(art['section'])}</h2><ul>
{related}
</ul></section>
</main>
<footer class="site-footer">
  <p><a href="/terms">Terms of use</a> · <a href="/privacy">Privacy</a> · <a href="/cookies">Cookies</a> ·
  <a href="/accessibility">Accessibility</a> · <a href="/help">Subscription help</a></p>
  <p>© Calder Business Daily 2026. Registered in Port Calder, company no. 0481126.</p>
</footer>
</body>
</html>
"""


# --- Pasted page text: The Daily Lantern and a few Valley Voice pages --------------------------------

LANTERN_PROMOS = [
    ["Lantern+", "Read without limits for 1 crown in your first month", "Find out more"],
    ["Get the Lantern app", "Breaking news alerts, puzzles and the daily edition on your phone", "Download now"],
    ["Join the Lantern Club", "Competitions, reader offers and a weekly letter from the editor", "Sign up"],
    ["My Lantern", "Follow the stories you care about and we will keep you posted", "Learn more"],
]


def inline_captions(n: int, captions: list[dict], first_slot: int) -> dict[int, list[dict]]:
    """Where a pasted page shows the captions after the lead one: ``{paragraph index: [captions]}``, the first
    after paragraph ``first_slot`` (where the outlet's saved page puts its second photo), any others spread over
    the rest of the text; never after the last paragraph unless there is only one, so that every caption
    of the YAML appears in the pasted text."""
    slots: dict[int, list[dict]] = {}
    for k, c in enumerate(captions):
        at = first_slot if k == 0 else first_slot + (n - first_slot) * k // len(captions)
        slots.setdefault(max(0, min(at, n - 2)), []).append(c)
    return slots


def caption_block(lines: list[str]) -> list[str]:
    """Caption lines as a browser copies them: each between blank lines."""
    out = [""]
    for line in lines:
        out += [line, ""]
    return out


def lantern_caption(c: dict) -> str:
    return c["text"] + (f" Photo: {c['credit']}" if c["credit"] else "")


def voice_caption(c: dict) -> str:
    return c["text"] + (f" (Photo: {c['credit']})" if c["credit"] else "")


def lantern_pasted(art: dict, others: list[dict]) -> str:
    rng = seeded(art, "page")
    t1, t2 = times(art)
    d = art["date"]
    rel = related_titles(art, others, rng, 4)
    lines: list[str] = ["Advertisement"] * rng.choice([1, 2, 2])
    lines.append(art["section"])
    lines += rng.choice(LANTERN_PROMOS)
    if art["captions"]:
        lines.append(lantern_caption(art["captions"][0]))
    lines += ["", art["title"], ""]
    lines += [f"  \u2022 {s}" for s in art["standfirst"]]
    lines.append(art["section"])
    if rng.random() < 0.6:
        lines.append(art["byline"])
        day = f"{d.day} {month(d, True)} {d.year}"
        lines.append(f"Published: {t1}, {day} | Updated: {t2}, {day}")
    paras = art["paragraphs"]
    n = len(paras)
    videos = sorted(rng.sample(range(2, n - 1), min(2, max(0, n - 3)))) if n > 4 else []
    ad_at = rng.randrange(1, n - 1) if n > 3 else -1
    inline = inline_captions(n, art["captions"][1:], n // 2)
    for i, p in enumerate(paras):
        lines.append(p)
        caps = [lantern_caption(c) for c in inline.get(i, [])]
        if i == n - 1:
            lines += caption_block(caps)[:-1]  # only with a one-paragraph body
            break
        if i in videos:
            head = rel[videos.index(i)]
            lines += ["", f"{rng.randint(0, 3):02d}:{rng.randint(5, 59):02d}", "", head, "", head]
            if caps:  # the second photo comes after the video box
                lines += caption_block(caps)
        elif i == ad_at:
            lines += ["", "Advertisement", ""]
            lines += caption_block(caps)[1:]
        elif caps:
            lines += caption_block(caps)
        elif i == 0 and rng.random() < 0.5:
            pass  # the browser copied the first two paragraphs without a blank line between them
        else:
            lines.append("")
    shares = rng.randint(12, 4800)
    lines += rng.choice([[str(shares)], ["", "Share", str(shares)], ["", f"{shares} shares"]])
    if rng.random() < 0.5:
        lines += ["", "MORE FROM THE LANTERN", *rel[2:4]]
    return "\n".join(lines) + "\n"


def voice_pasted(art: dict, others: list[dict]) -> str:
    rng = seeded(art, "pasted")
    d = art["date"]
    rel = related_titles(art, others, rng, 3)
    lines = ["Skip to content", "Valley Voice", "News from Mirren and the Tavan Valley since 2009", "Menu",
             "Home", "News", "Community", "Farming", "Environment", "Events", "Letters", "Donate", "",
             art["section"], art["title"],
             f"Posted on {us_date(d)} by {', '.join(authors(art['byline']))}", ""]
    lines += art["standfirst"]
    for c in art["captions"][:1]:
        lines += ["", voice_caption(c)]
    n = len(art["paragraphs"])
    inline = inline_captions(n, art["captions"][1:], n // 2 + 1)  # where voice_html puts the second photo
    for i, p in enumerate(art["paragraphs"]):
        lines += ["", p]
        if i == 3:
            lines += ["", "The Voice is free to read because readers like you chip in. Support local news from 3 crowns a month"]
        lines += caption_block([voice_caption(c) for c in inline.get(i, [])])[:-1]
    lines += ["", "Share this:", "Facebook", "X", "Email", "Print", "", "Related", ""]
    earlier = {o["title"]: o for o in others}
    for t in rel:
        when = earlier[t]["date"] if t in earlier else d - timedelta(days=rng.randint(1, 20))
        lines += [t, us_date(when), f"In \"{earlier.get(t, art)['section']}\"", ""]
    lines += ["Leave a Reply", "Your email address will not be published. Required fields are marked *", "",
              "© 2026 Valley Voice Community Media · 14 Mill Lane, Mirren"]
    return "\n".join(lines) + "\n"


def wire_csv(arts: list[dict]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["outlet", "date", "title", "url", "text"])
    for art in arts:
        rng = seeded(art, "wire")
        text = "\n\n".join(art["paragraphs"])
        if rng.random() < 0.5:  # some exports keep the wire's sign-off line
            text += f"\n\n({art['byline'].strip().rstrip('.')})"
        w.writerow([OUTLETS["ens-wire"].name, art["date"].isoformat(), art["title"], art["url"], text])
    return buf.getvalue()


# --------------------------------------------------------------------------------------------------
# Putting it together
# --------------------------------------------------------------------------------------------------


def pasted_voice_ids(arts: list[dict]) -> set[str]:
    """The few Valley Voice articles collected as pasted text rather than saved pages (chosen by hash)."""
    voice = sorted((a for a in arts if a["outlet"] == "valley-voice"), key=digest)
    return {a["id"] for a in voice[: 3 if len(voice) >= 9 else 2 if len(voice) >= 4 else 0]}


def sidecar(art: dict, attributions: list[dict]) -> dict:
    return {
        "id": art["id"],
        "outlet": art["outlet"],
        "outlet_name": OUTLETS[art["outlet"]].name,
        "date": art["date"].isoformat(),
        "section": art["section"],
        "title": art["title"],
        "standfirst": art["standfirst"],
        "byline": art["byline"],
        "captions": art["captions"],
        "url": art["url"],
        "words": len(" ".join(art["paragraphs"]).split()),
        "text_path": f"text/{art['id']}.txt",
        "gold_path": f"attributions/{art['id']}_gold.ann",
        "raw_shape": art["raw_shape"],
        "raw_path": art["raw_path"],
        "actors": [
            {"name": a["name"], "type": a["type"], "roles": [str(r) for r in a.get("roles") or []],
             "aliases": [str(x) for x in a.get("aliases") or []], "category": a["category"]}
            for a in art["actors"]
        ],
        "attributions": attributions,
    }


_HONORIFIC = re.compile(r"^(?:dr|prof|professor|sgt|mr|mrs|ms|the)\.?\s+")


def name_warnings(arts: list[dict]) -> list[str]:
    """Named actors spelled two ways across articles ("Dr Ruth Kesselaar" / "Ruth Kesselaar"), or filed
    under two categories: charts would count them as two actors."""
    spellings: dict[str, dict[str, list[str]]] = {}
    categories: dict[str, dict[str, list[str]]] = {}
    for art in arts:
        for actor in art["actors"]:
            if actor["type"] == "anonymous":
                continue
            key = actor["name"].replace("\u2019", "'").lower()
            while _HONORIFIC.match(key):
                key = _HONORIFIC.sub("", key, count=1)
            spellings.setdefault(key, {}).setdefault(actor["name"], []).append(art["id"])
            categories.setdefault(actor["name"], {}).setdefault(actor["category"], []).append(art["id"])
    def listed(variants: dict[str, list[str]]) -> str:
        return "; ".join(f"{v!r} in {', '.join(ids[:3])}{' ...' if len(ids) > 3 else ''}"
                         for v, ids in sorted(variants.items()))

    out = [f"one actor spelled {len(v)} ways (use the name in WORLD.md): {listed(v)}"
           for v in spellings.values() if len(v) > 1]
    out += [f"actor {name!r} filed under {len(v)} categories: {listed(v)}"
            for name, v in categories.items() if len(v) > 1]
    return out


def build(articles_dir: Path) -> tuple[dict[str, str], list[str], list[str]]:
    """All output files as {relative path: content}, the errors (file: problem) and the warnings."""
    errors, arts = [], []
    paths = sorted(articles_dir.glob("*/*.yaml")) + sorted(articles_dir.glob("*/*.yml"))
    for path in paths:
        rel = path.relative_to(articles_dir.parent) if articles_dir.parent in path.parents else path
        try:
            art = load_article(path)
            art["paragraphs"] = paragraphs(art["body"])
            text = clean_text(art)
            art["resolved"] = locate(art, text)
        except BuildError as exc:
            errors.append(f"{rel}: {exc}")
            continue
        art["text"], art["url"] = text, make_url(art)
        arts.append(art)
    seen: dict[str, int] = {}
    for a in arts:
        seen[a["id"]] = seen.get(a["id"], 0) + 1
    errors += [f"duplicate id {k!r}" for k, v in seen.items() if v > 1]
    if errors:
        return {}, errors, []
    arts.sort(key=lambda a: (a["date"], a["id"]))
    voice_pasted_ids = pasted_voice_ids(arts)
    files: dict[str, str] = {}
    wire = []
    for art in arts:
        shape = OUTLETS[art["outlet"]].shape
        if art["id"] in voice_pasted_ids:
            shape = "pasted"
        art["raw_shape"] = shape
        if shape == "html":
            art["raw_path"] = f"raw/html/{art['id']}.html"
            render = {"calder-courier": courier_html, "valley-voice": voice_html, "calder-business": business_html}
            files[art["raw_path"]] = render[art["outlet"]](art, arts)
        elif shape == "pasted":
            art["raw_path"] = f"raw/pasted/{art['id']}.txt"
            files[art["raw_path"]] = (voice_pasted if art["outlet"] == "valley-voice" else lantern_pasted)(art, arts)
        else:
            art["raw_path"] = WIRE_CSV
            wire.append(art)
        files[f"text/{art['id']}.txt"] = art["text"]
        files[f"attributions/{art['id']}_gold.ann"] = render_ann(art["text"], art["resolved"])
        meta = sidecar(art, art["resolved"])
        files[f"meta/{art['id']}.json"] = json.dumps(meta, ensure_ascii=False, indent=2) + "\n"
    if wire:
        files[WIRE_CSV] = wire_csv(wire)
    return files, [], name_warnings(arts)


def generated_on_disk(out: Path) -> set[str]:
    found = set()
    for folder, ending in GENERATED.items():
        if (out / folder).is_dir():
            found |= {f"{folder}/{p.name}" for p in (out / folder).iterdir() if p.name.endswith(ending)}
    if (out / WIRE_CSV).exists():
        found.add(WIRE_CSV)
    return found


def write(files: dict[str, str], out: Path) -> tuple[int, int]:
    changed = 0
    for rel, content in files.items():
        path = out / rel
        if path.exists() and path.read_text(encoding="utf-8") == content:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8", newline="\n")
        changed += 1
    stale = generated_on_disk(out) - set(files)
    for rel in stale:
        (out / rel).unlink()
    return changed, len(stale)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=Path, default=HERE / "articles", help="folder of <outlet>/<id>.yaml files")
    ap.add_argument("--out", type=Path, default=HERE, help="where to write text/, attributions/, meta/, raw/")
    ap.add_argument("--check", action="store_true", help="write nothing; exit 1 if the output is out of date")
    args = ap.parse_args(argv)
    files, errors, warnings = build(args.articles)
    for w in warnings:
        print(f"warning: {w}", file=sys.stderr)
    if errors:
        for e in errors:
            print(f"error: {e}", file=sys.stderr)
        print(f"{len(errors)} problem(s); nothing written", file=sys.stderr)
        return 1
    n = sum(1 for k in files if k.startswith("meta/"))
    if args.check:
        stale = generated_on_disk(args.out) - set(files)
        differ = [k for k, v in files.items()
                  if not (args.out / k).exists() or (args.out / k).read_text(encoding="utf-8") != v]
        for k in sorted(differ):
            print(f"out of date: {k}", file=sys.stderr)
        for k in sorted(stale):
            print(f"stale: {k}", file=sys.stderr)
        if differ or stale:
            print("run: python data/corpus/build.py", file=sys.stderr)
            return 1
        print(f"{n} articles: up to date")
        return 0
    changed, removed = write(files, args.out)
    print(f"{n} articles: {changed} file(s) written, {removed} stale file(s) removed, {len(files) - changed} unchanged")
    return 0


if __name__ == "__main__":
    sys.exit(main())
