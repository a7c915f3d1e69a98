"""Write the invented example exports of notebook 05 ("your own corpus") into this folder.

    python data/examples/make_examples.py            # rewrite the files (the same bytes every time)
    python data/examples/make_examples.py --check    # exit 1 if a file differs from what this script writes

Everything written here is invented, in the world of the teaching corpus (Estrelia, the Tavan Valley dam):
the two outlets below do not exist even there. example.org addresses are reserved for examples and lead
nowhere.

- ``mediacloud_export.csv``: a news-archive export with Media Cloud-style columns (``stories_id``,
  ``media_name``, ``publish_date``, ``title``, ``url``, ``text``): eight stories from the invented *Mirren
  Evening Post*, and one row whose text is empty (as exports have), which a build lists as failed.
- ``crawl.warc.gz``: a web archive of three saved pages from the invented *Radio Tavan* site, each page
  with its menu, share buttons and footer, plus a robots.txt response that is not an article.
- ``feed.xml``: an RSS feed of the same site, and ``radio_tavan.urls``: a list of article URLs (one a line). Both are only
  *listed* by notebook 05: building them would fetch the pages, and the addresses are invented.

Needs ``warcio`` (a ``dev`` and ``notebooks`` extra).
"""

from __future__ import annotations

import csv
import difflib
import io
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

# --- the Mirren Evening Post: a Media Cloud-style export ---------------------------------------------

POST = "Mirren Evening Post"
STORIES = [
    ("2026-03-03 18:40:00", "Hollin families count the cost of the dam plan",
     "mirren-post/2026/03/03/hollin-families-count-cost",
     ["Families in Hollin spent Tuesday reading the small print of the government's dam plan.",
      '"Nobody from the ministry has knocked on a single door," said Greta Holm, a retired teacher who has '
      "lived in the village all her life.",
      "Piet Lanning, spokesman for the Ministry of Water and Energy, said officials would visit every "
      "household before the summer.",
      "A senior official who asked not to be named said the relocation budget had not yet been agreed."]),
    ("2026-03-11 07:15:00", "Village hall packed as residents reject payout",
     "mirren-post/2026/03/11/village-hall-packed",
     ["More than 400 people crowded into Hollin village hall on Tuesday evening.",
      '"Forty thousand crowns will not buy a garden shed in Mirren," Nadia Fell told the meeting. She runs '
      "the shop on the village square that her grandmother opened.",
      "Jonas Ebbe, coordinator of Save the Tavan, said the campaign would take the offer to court.",
      "Mr Lanning insisted that the offer was fair and that nobody would be left worse off."]),
    ("2026-03-18 12:05:00", "Leaked report warns of landslide risk",
     "mirren-post/2026/03/18/leaked-report-landslide",
     ["A draft environmental assessment seen by the Post warns of a landslide risk on the gorge's east slope.",
      "Sources said the ministry had known about the warning since November.",
      '"The draft is outdated," said Piet Lanning. "The final assessment will answer every question."',
      "Professor Anton Weil, a geologist at the University of Mirren, said the shale on the east slope was "
      '"weak and fractured".']),
    ("2026-03-25 09:30:00", "River commission asks for a pause",
     "mirren-post/2026/03/25/commission-asks-pause",
     ["The Inter-Basin Rivers Commission has asked Estrelia to pause the tender until Osland is consulted.",
      '"A river does not stop at a border," said Amina Roudé, spokeswoman for the commission.',
      "Teodora Vasko, the Minister of Water and Energy, said Estrelia would talk to its neighbour but would "
      "not be told what to build."]),
    ("2026-04-04 08:00:00", "Thousands march through Mirren",
     "mirren-post/2026/04/04/thousands-march",
     ["About 6,000 people marched from the railway station to Market Square on Friday evening.",
      '"This valley is our home, not a reservoir," said Tomas Reyne, a fisherman from Sarrow.',
      "Sgt. Carl Dessen of the Mirren District Police said two men had been arrested after paint was thrown "
      "at an office on Station Road.",
      "Organisers claimed more than 9,000 people had taken part."]),
    ("2026-04-09 19:20:00", "Review motion fails by seven votes",
     "mirren-post/2026/04/09/review-motion-fails",
     ["Parliament rejected an opposition motion for an independent review of the dam by 61 votes to 54.",
      '"The government has chosen not to look," said Marek Ostrowe, leader of the Civic Renewal Party.',
      "Insiders said three coalition MPs had voted with the opposition."]),
    ("2026-04-15 10:45:00", "Silt would fill a fifth of the reservoir, study finds",
     "mirren-post/2026/04/15/silt-study",
     ["Hydrologists at the University of Port Calder say the reservoir would lose a fifth of its capacity "
      "to silt within 30 years.",
      '"The sediment load is about three times what the feasibility study assumed," said Dr Ruth Kesselaar, '
      "who led the study.",
      "Lise Harrand, chief executive of Duroval Engineering, said the company stood by its figures."]),
    ("2026-04-22 17:10:00", "Dam paused, but 'will be built'",
     "mirren-post/2026/04/22/dam-paused",
     ["The government has paused the Hollin Gorge Dam for six months while three outside geologists review "
      "the east slope.",
      '"The dam will be built," said Teodora Vasko. "We will build it safely."',
      '"A pause is not a no," said Odile Marsh, chair of the Tavan Growers\' Cooperative.',
      "People familiar with the tender said the bids would be reopened in the autumn."]),
]
EMPTY_ROW = ("2026-04-23 06:00:00", "Live: reaction to the pause", "mirren-post/2026/04/23/live-reaction")


def export_csv() -> str:
    """The Media Cloud-style export: one story per row, ids from 880101, one row with no text."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["stories_id", "media_name", "publish_date", "title", "url", "language", "text"])
    for n, (when, title, path, paras) in enumerate(STORIES):
        w.writerow([880101 + n, POST, when, title, f"https://example.org/{path}", "en", "\n\n".join(paras)])
    when, title, path = EMPTY_ROW
    w.writerow([880101 + len(STORIES), POST, when, title, f"https://example.org/{path}", "en", ""])
    return buf.getvalue()


# --- Radio Tavan: saved pages, a feed, a URL list --------------------------------------------------

RADIO = "Radio Tavan"
PAGES = [
    ("https://example.org/radio-tavan/news/ferryman-fears-for-sarrow", "2026-03-19",
     "Ferryman fears for Sarrow's fish",
     ["Sarrow's last ferryman says the river is already changing.",
      '"If the fish go, the village goes," said Tomas Reyne, who has fished the Tavan for 31 years.',
      "The Ministry of Water and Energy said a fisheries plan would be published with the final assessment."]),
    ("https://example.org/radio-tavan/news/growers-want-water-guarantee", "2026-04-07",
     "Growers want a water guarantee in writing",
     ["Orchard owners in the valley want a written promise that irrigation water will be cheap.",
      '"Promises made in parliament do not water apple trees," said Odile Marsh, chair of the Tavan '
      "Growers' Cooperative.",
      "A ministry official, speaking on condition of anonymity, said prices had not been set."]),
    ("https://example.org/radio-tavan/news/ebbing-cross-road", "2026-04-20",
     "Ebbing Cross asks about its only road",
     ["Farmers at Ebbing Cross say their only road out runs through Hollin.",
      '"Nobody has told us where the new road will go," said Bram Okafor-Lind, a dairy farmer.',
      "Piet Lanning said the ministry would publish a road plan before any work began."]),
]


def page_html(url: str, date: str, title: str, paras: list[str]) -> str:
    """One saved page of the invented Radio Tavan site, with its furniture around the article."""
    import html

    body = "\n".join(f"    <p>{html.escape(p, quote=False)}</p>" for p in paras)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{html.escape(title)} | {RADIO}</title>
<meta property="og:title" content="{html.escape(title)}">
<meta property="og:site_name" content="{RADIO}">
<meta property="article:published_time" content="{date}T08:00:00+01:00">
<link rel="canonical" href="{url}">
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a> <a href="/listen">Listen live</a></nav>
<main><article>
  <h1>{html.escape(title)}</h1>
  <p class="byline">By Radio Tavan newsroom | {date}</p>
  <div class="story">
{body}
  </div>
  <div class="share">Share this story: Facebook | X | Email</div>
</article>
<aside><h2>Most listened</h2><ul><li>Morning show: the valley wakes up</li><li>Weather for the week ahead</li></ul></aside>
</main>
<footer>Radio Tavan, Mirren. All rights reserved. Listen on 98.4 FM.</footer>
</body></html>
"""


def crawl_warc() -> bytes:
    """A gzipped WARC: one response record per page, plus a robots.txt that is not HTML.

    Record ids and dates are fixed, so the file is the same bytes on every run."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    records = [(url, "text/html; charset=utf-8", page_html(url, date, title, paras).encode("utf-8"), date)
               for url, date, title, paras in PAGES]
    records.append(("https://example.org/robots.txt", "text/plain", b"User-agent: *\nAllow: /\n", "2026-04-20"))
    for n, (url, ctype, payload, date) in enumerate(records, 1):
        http = StatusAndHeaders("200 OK", [("Content-Type", ctype), ("Content-Length", str(len(payload)))],
                                protocol="HTTP/1.1")
        headers = {"WARC-Record-ID": f"<urn:uuid:00000000-0000-4000-8000-{n:012d}>",
                   "WARC-Date": f"{date}T09:00:00Z"}
        rec = writer.create_warc_record(url, "response", payload=io.BytesIO(payload), http_headers=http,
                                        warc_headers_dict=headers)
        writer.write_record(rec)
    data = out.getvalue()
    return _zero_gzip_times(data)


def _zero_gzip_times(data: bytes) -> bytes:
    """Set the modification time of every gzip member to 0 (warcio writes the clock time)."""
    import zlib

    out = bytearray()
    pos = 0
    while pos < len(data):
        d = zlib.decompressobj(16 + zlib.MAX_WBITS)
        d.decompress(data[pos:])
        used = len(data) - pos - len(d.unused_data)
        member = bytearray(data[pos:pos + used])
        member[4:8] = b"\0\0\0\0"
        out += member
        pos += used
    return bytes(out)


def feed_xml() -> str:
    """An RSS 2.0 feed of the Radio Tavan pages (and one more that was never archived)."""
    import html

    items = [(url, title, date) for url, date, title, _ in PAGES]
    items.append(("https://example.org/radio-tavan/news/pause-reaction", "Valley reacts to the pause", "2026-04-22"))
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<rss version="2.0"><channel>',
             f"<title>{RADIO}: news</title>", "<link>https://example.org/radio-tavan/news</link>",
             "<description>Invented example feed for mediakit (example.org addresses lead nowhere)</description>"]
    for url, title, date in items:
        lines.append(f"<item><title>{html.escape(title)}</title><link>{url}</link><pubDate>{date}</pubDate></item>")
    lines += ["</channel></rss>", ""]
    return "\n".join(lines)


def url_list() -> str:
    lines = ["# Radio Tavan articles to collect (invented example.org addresses: listed, never fetched)"]
    lines += [url for url, *_ in PAGES]
    lines += ["https://example.org/radio-tavan/news/pause-reaction", ""]
    return "\n".join(lines)


def files() -> dict[str, bytes]:
    return {
        "mediacloud_export.csv": export_csv().encode("utf-8"),
        "crawl.warc.gz": crawl_warc(),
        "feed.xml": feed_xml().encode("utf-8"),
        "radio_tavan.urls": url_list().encode("utf-8"),
    }


def main(argv: list[str]) -> int:
    check = "--check" in argv
    stale = []
    for name, data in files().items():
        path = HERE / name
        if check:
            if not path.is_file() or path.read_bytes() != data:
                stale.append(name)
                if path.is_file() and not name.endswith(".gz"):
                    old = path.read_text(encoding="utf-8").splitlines()
                    sys.stdout.writelines(f"{d}\n" for d in difflib.unified_diff(old, data.decode().splitlines(),
                                                                               name, "new", lineterm=""))
        elif not path.is_file() or path.read_bytes() != data:
            path.write_bytes(data)
            print("wrote", path.relative_to(HERE.parent.parent))
    if stale:
        print("out of date (run python data/examples/make_examples.py):", ", ".join(stale))
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
