"""Line features and small phrase lists for :mod:`mediakit.clean`.

Everything here looks at one line at a time; :mod:`mediakit.clean` decides with context. The phrase
lists are secondary evidence: they name what a short, link-like line probably is ("Share", "Most read"),
they are never enough to remove a long sentence on their own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .normalise import FOLD_MAP  # the same folding as normalise(), without offsets

# A list marker at the start of a line: inscriptis-style "* ", "+ ", "o ", bullets, or "1." / "2)".
BULLET = re.compile(
    r"(?:[*+\u2022\u00b7\u25aa\u25e6\u2023\u25cf\u25a0\u2013\u2014-]|o(?= [A-Z0-9])|\d{1,2}[.)](?=\s))(?:\s+|$)"
)
# Sentence-final punctuation, allowing closing quotes and brackets after it.
TERMINAL = re.compile(r"(?:[.!?:;\u2026\u3002\uff01\uff1f\u061f]|\.\.\.)[\"'\u201d\u2019)\]\u00bb*]*$")
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]")
LETTER = re.compile(r"[^\W\d_]")
NUMBER_ONLY = re.compile(r"[(\[]?[\d.,]+\s?[kKmM]?[)\]]?")
COUNT_WITH_NOUN = re.compile(
    r"[\d.,]+\s?[kKmM]?\s+(?:comments?|shares?|replies|reply|likes?|views?|reactions?|responses?|retweets?)",
    re.I,
)
DURATION = re.compile(r"(?:(?:video|duration|watch|play)\s*:?\s*)?\d{1,2}:\d{2}(?::\d{2})?(?:\s*min)?", re.I)
READ_TIME = re.compile(r"\d{1,3}\s*(?:-|\s)?\s*min(?:ute)?s?\s+read|reading time", re.I)

# Photo credits: "... Photo: AFP", "Credit... Doug Mills/The Times", "Image Credit: X", "(Reed Saxon / AP)".
CREDIT_TAIL = re.compile(
    r"(?:\s|^|[(\[])((?:(?:photo(?:graph)?s?|picture|image|img|illustration|foto|fotos|bild|video|\u0444\u043e\u0442\u043e)\s*(?:by|credit|source)?|"
    r"credit|source)\s*(?::|\.\.\.|\u2026|-|\u2013|\u2014|\|)\s*|"
    r"(?:photo(?:graph)?|picture|image)\s+(?:copyright|credit|source|by)\s*:?\s+|\u00a9\s*)"
    r"([^:|]{2,80}?)[)\]]?\s*$",
    re.I,
)
CAPTION_PREFIX = re.compile(r"(?:(?:image|photo|picture|video|media) caption\s*:?|file photo\s*:)\s+", re.I)
# a credit in brackets or after an agency slash closing a caption: "(AP Photo/Alan Diaz, File)", "REUTERS/Jo Roe"
CREDIT_BRACKET = re.compile(
    r"\(\s*([^()]{0,60}?\b(?:photo|photos|images?|getty|AP|AFP|Reuters|EPA|file|courtesy|credit)\b[^()]{0,40}|"
    r"[A-Z][^()\s]*(?:\s[^()\s]+){0,3}/[^()]{2,60}?)\s*\)\s*$|\b((?:REUTERS|AFP|AP|EPA|XINHUA)/[^/]{2,40})$"
)
CREDIT_LABEL = re.compile(
    r"(?:photo(?:graph)?s?|picture|image|credit|photo credit|image credit|foto|\u0444\u043e\u0442\u043e)\s*:",
    re.I,
)
AGENCY = re.compile(
    r"\b(?:getty images|getty|afp|ap photo|associated press|reuters|epa|shutterstock|istock|alamy|"
    r"xinhua|bloomberg|pa images|pa wire|afp via getty images|nasa|handout|supplied|file photo|courtesy|"
    r"submitted photo|staff photo|ap file|via ap|photo illustration)\b",
    re.I,
)
_AGENCY_WORDS = frozenset(
    "getty afp ap associated reuters epa shutterstock istock alamy xinhua bloomberg pa nasa handout supplied "
    "file courtesy submitted staff via photo illustration".split()
)
PAREN_LINE = re.compile(r"[(\[][^()\[\]]{2,90}[)\]]")

BY_PREFIX = re.compile(r"(?:by|written by|words by|posted by|von|por|par|di|door)(?:\s+|:\s*|$)", re.I)
NAME_WORD = re.compile(r"[A-Z][\w'\u2019.-]*|[a-z]{1,3}|&|and")

MONTHS = {
    "jan": 1,
    "january": 1,
    "feb": 2,
    "february": 2,
    "mar": 3,
    "march": 3,
    "apr": 4,
    "april": 4,
    "may": 5,
    "jun": 6,
    "june": 6,
    "jul": 7,
    "july": 7,
    "aug": 8,
    "august": 8,
    "sep": 9,
    "sept": 9,
    "september": 9,
    "oct": 10,
    "october": 10,
    "nov": 11,
    "november": 11,
    "dec": 12,
    "december": 12,
}
_MONTH = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
DATE_MDY = re.compile(_MONTH + r"\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)\b", re.I)
DATE_DMY = re.compile(
    r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r"\.?,?\s+((?:19|20)\d\d)\b", re.I
)
DATE_ISO = re.compile(r"\b((?:19|20)\d\d)-(\d\d)-(\d\d)\b")
TIME_OF_DAY = re.compile(r"\b\d{1,2}[:.]\d\d\s*(?:[ap]\.?m\.?)?|\b\d{1,2}\s*[ap]\.?m\.?\b", re.I)
DATE_WORDS = re.compile(
    r"\b(?:published|updated|posted|last updated|first published|modified|created)\b|\b\d+\s+(?:hours?|minutes?|mins?|days?)\s+ago\b",
    re.I,
)
RELATIVE_TIME = re.compile(
    r"\d+\s*(?:hours?|hrs?|minutes?|mins?|days?|weeks?|months?|years?|[hmd])\s+ago", re.I
)

URLISH = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+|(?<!\w)@\w{2,}|\S+%2F\S+", re.I)
ENGLISH = frozenset(
    "the of and to in a is that for on with was as it by at he said from his be are an has have".split()
)


def _phrases(text: str) -> frozenset[str]:
    return frozenset(p.strip() for p in text.split("|") if p.strip())


# Whole-line phrases (folded, bullet and trailing punctuation removed): category -> phrases.
EXACT: dict[str, frozenset[str]] = {
    "advertisement": _phrases(
        "advertisement|advertisements|advert|ad|ads|sponsored|sponsored content|paid content|paid post|promoted|"
        "promoted content|partner content|story continues below advertisement|article continues below advertisement|"
        "continue reading below|advertisement - scroll to continue|scroll to continue with content|publicidade|"
        "publicidad|anzeige|werbung|publicite|publicit\u00e9|pubblicit\u00e0|reklama|ad choices|adchoices|"
        "advertise|advertise with us|advertising|ad feedback|report this ad|skip ad|sponsor message"
    ),
    "share": _phrases(
        "share|shares|share this|share this article|share this story|share article|share story|share on facebook|"
        "share on twitter|tweet|tweet this|email|e-mail|email this|print|print this|print article|copy link|"
        "copy link url copied!|link copied|facebook|twitter|linkedin|whatsapp|pinterest|reddit|flipboard|pocket|"
        "messenger|telegram|instagram|youtube|tumblr|sms|mail|text|share via|sharing is caring!|sharing is caring|"
        "like this|like loading...|save|saved|bookmark|gift article|share full article|show more sharing options|"
        "share close extra sharing options|share all sharing options|share this on whatsapp|rss|rss feed|mix|"
        "snapchat|share icon|close extra sharing options|more sharing options|share via email|copy"
    ),
    "cookie": _phrases(
        "accept|accept all|accept cookies|i accept|i agree|agree|reject|reject all|manage settings|cookie settings|"
        "manage preferences|manage cookies|got it|ok|okay|allow all|allow cookies|decline|privacy settings|"
        "more options|agree and close|consent"
    ),
    "comments": _phrases(
        "comments|comment|leave a comment|leave comments|view comments|show comments|post a comment|add a comment|"
        "join the conversation|join the discussion|discussion|read comments|see comments|comments closed|"
        "comment now|conversation|reader comments|have your say|comentarios|comentarios|kommentare"
    ),
    "navigation": _phrases(
        "home|menu|search|close|skip to main content|skip to content|skip to navigation|back to top|next|previous|"
        "prev|more|see all|see more|show more|load more|view all|view more|main menu|sections|toggle navigation|"
        "navigation|go|submit|open|expand|collapse|back|back to gallery|next article|previous article|next story|"
        "previous story|topics|tags|filed under|categories|category|explore|trending topics|all topics|"
        "open navigation|close menu|open menu|search for|enter search term|you are at|you are here|breadcrumb|"
        "full screen|fullscreen|enlarge|image|images|photos|photo|gallery|caption|hide caption|toggle caption|"
        "close caption|show caption|expand image|view image|zoom"
    ),
    "subscription": _phrases(
        "subscribe|subscribe now|subscribe today|log in|login|log out|logout|sign in|sign out|sign up|register|"
        "my account|account|create account|create an account|become a member|join now|already a subscriber?|"
        "subscriber only|subscribers only|premium|unlock this article|start free trial|manage account|"
        "subscribe sign in|subscribe log in|sign in subscribe|support us|donate|contribute|membership"
    ),
    "promo": _phrases(
        "learn more|read more|find out more|click here|watch now|listen now|listen|download|get the app|"
        "download the app|continue reading|continue reading the main story|read full article|read the full story|"
        "read full story|see the full story|read the full article|watch live|live|live tv|watch|play|play video|"
        "more info|details|get offer|shop now|buy now|see deal|view deal|try it free"
    ),
}

# Phrases that betray boilerplate anywhere inside a short line, checked in this order (first wins).
_CONTAINS_SPEC = {
    "cookie": "cookie|cookies|gdpr|consent|tracking technologies",
    "newsletter": "newsletter|newsletters|inbox|sign up|signing up|sign up for|subscribe to our|subscribe to the|"
    "email alerts|email alert|opt-in|get our daily|get the daily|get our weekly",
    "subscription": "subscriber|subscribers|subscription|subscriptions|subscribe|to read the full|paywall|free article|"
    "free articles|log in to|login to|sign in to|already have an account|create an account|create account|premium|"
    "members only|member only|register now|register for free|free trial|signed in|logged in",
    "footer": "copyright|all rights reserved|privacy policy|privacy notice|privacy statement|terms of use|"
    "terms of service|terms of sale|terms and conditions|terms & conditions|cookie policy|contact us|about us|"
    "sitemap|site map|ad choices|adchoices|accessibility|careers|corrections|masthead|editorial standards|"
    "code of ethics|do not sell|public inspection file|powered by|work with us|all times",
    "related": "related|recommended|you may also like|you might also like|you may like|you might like|"
    "you might also enjoy|you may also enjoy|more from|more stories|more news|more on|more in|more articles|"
    "more videos|more coverage|more to explore|most read|most popular|most viewed|most shared|most emailed|"
    "most commented|trending|popular now|read next|up next|next up|also read|see also|read also|editor's picks|"
    "editors' picks|editors picks|editor's pick|top stories|latest news|latest stories|latest headlines|"
    "latest articles|latest videos|don't miss|dont miss|around the web|from the web|sponsored stories|"
    "promoted stories|what to read next|must read|story timeline|in other news|featured stories|"
    "featured articles|featured videos|worth reading|worth watching|partner stories|more like this|keep reading|"
    "recent posts|popular posts|most recent",
    "share": "share this|share on|share via|share the|share your|sharing options|follow us|connect with us|"
    "like us on|find us on",
    "promo": "download the app|download our app|get the app|app store|google play|personalised|personalized|"
    "click here|learn more|see the deal|see deal|see price|see offer|affiliate|affiliate links|earn a commission|"
    "receive a commission|sponsored by|presented by|submit a tip|submit tips|send us|get more|get the latest|"
    "clicking here",
    "navigation": "new window|new tab|external link|external links|skip to|jump to|back to top|go to",
    "video": "media playback|now playing|watch the video|watch video|watch the full video|play video|video player|autoplay",
    "comments": "comments|comment|comment policy|submission guidelines|community guidelines|community standards",
}
# Sentences that are boilerplate in themselves (a sentence merely mentioning "comments" is not).
_SENTENCE_SPEC = {
    "cookie": "cookies|cookie policy|cookie settings",
    "newsletter": "subscribe to our|sign up for our|sign up to our|sign up for the|our newsletter|newsletter|"
    "newsletters|your inbox|email alerts|unsubscribe",
    "subscription": "already a subscriber|to continue reading|to read the full|log in to continue|create a free account|"
    "subscribe now|subscribe today|become a member|start your free trial|free trial|you have reached your|"
    "articles remaining|subscribers only|to keep reading|for subscribers",
    "footer": "all rights reserved|may not be published|may not be reproduced|may not be republished|privacy policy|"
    "terms of use|terms of service",
    "comments": "comments are closed|leave a comment|you must be logged in|post a comment|join the conversation|"
    "comment below|in the comments|powered by disqus|enable javascript|commenters",
    "share": "follow us on|share this article|share this story|like us on facebook|share it with",
    "promo": "click here|clicking here|affiliate links|affiliate link|earn a commission|receive a commission|may earn a|"
    "may earn an|small commission|affiliate commission|"
    "download the app|download our app|get the app|this post may contain|paid partnership|sponsored content",
}
# How a boilerplate line starts, whatever follows: "Read more: ...", "Subscribe to ...", "Follow us on ...".
PREFIX = re.compile(
    r"(?P<related>(?:read|see|watch|listen) (?:more|also|next)\b|also (?:read|see)\b|see also\b|"
    r"also on [\w.-]+\.(?:com|org|net)\b|on [\w.-]+\.(?:com|org|net|co\.uk)\s*:|more\s*:|"
    r"related(?:\s*:| (?:stories|articles|coverage|links|content|news|posts|reading|topics|videos)\b)|"
    r"recommended(?:\s*:| for you\b| (?:stories|reading|articles|videos)\b))|"
    r"(?P<subscription>subscribe (?:to|now|today|for)\b|become a (?:member|subscriber)\b|already a subscriber\b)|"
    r"(?P<newsletter>sign up (?:for|to|now|here)\b|get (?:our|the) (?:\w+ )?newsletter\b)|"
    r"(?P<share>(?:follow|find|join|connect with) (?:us|me|him|her|them|[\w.@]+(?: [\w.@]+){0,4}) on "
    r"(?:facebook|twitter|instagram|youtube|linkedin|tiktok|snapchat|pinterest)\b|like us on\b|"
    r"like this (?:story|article)\b)|"
    r"(?P<promo>click here\b|join our\b|want more\b|need more\b|get breaking\b|thanks for watching\b|"
    r"download (?:the|our)\b|have a (?:news )?tip\b)|"
    r"(?P<navigation>you are (?:here|at)\b|share (?:all )?sharing options\b|close share panel\b)",
    re.I,
)
_PREFIX_STARTS = frozenset(
    "read see watch listen also on more related recommended subscribe become already sign get follow find join "
    "connect like click want need thanks download have you share close".split()
)
SOCIAL = frozenset(
    "share shares facebook twitter linkedin whatsapp pinterest reddit email e-mail print tweet pin instagram "
    "youtube tumblr telegram messenger sms more flipboard pocket copy link mail pint to on via with this "
    "permalink whatsapp".split()
)
TAG_SUFFIX = re.compile(r"\[[A-Z][A-Z ]{2,15}\]\s*\|?\s*$")  # "... [VIDEO]", "... [INSIGHT]"
MARKUP = re.compile(
    r"&lt;|&gt;|&quot;|</?(?:span|div|p|a|img|script|style|iframe|br)\b|\b(?:class|style|href|src)=[\"']"
)
BARRIERS = frozenset({"related", "comments", "footer"})
"""Categories whose heading ("Most read", "Comments") ends the article: the main-block search will not
easily cross them."""
CALL_TO_ACTION = _phrases(
    "learn more|find out more|read more|sign up|subscribe|subscribe now|download|get the app|try it free|"
    "start free trial|join now|register|click here|see more|shop now|get started|continue|more info"
)
"""A line that asks to be clicked ends a promo run ("Get more... / A feed for you / Learn more")."""
DIGIT = re.compile(r"\d")
# a news lede opens with its dateline: "LOS ANGELES (AP) \u2014", "MADRID \u2014", "BAAR, Switzerland --"
LEDE = re.compile(
    r"[A-Z][A-Z.'\u2019-]+(?:[ ,]+[A-Z][A-Za-z.'\u2019-]*){0,4}\s*(?:\([A-Za-z .&]+\)\s*)?(?:\u2014|\u2013|--|-)\s"
)
COMMENTS_HEADING = re.compile(
    r"\d+\s+(?:comments?|responses?|replies|thoughts|reactions)\b(?:\s+(?:on|to)\b|\s*$)", re.I
)
COLUMN_GAP = re.compile(r" {2,}")  # table cells in converted HTML are separated by runs of spaces
COOKIE_NOTICE = re.compile(
    r"\b(?:we|this (?:web)?site|our (?:web)?sites?|websites?) (?:uses?|may use|is using) cookies|"
    r"\b(?:use of|accept(?:ing)?|consent to|about) (?:our |the )?cookies|cookie (?:settings|preferences|policy)"
)
_VIDEO_PREFIX = re.compile(r"(?:watch|video)\s*[:|]", re.I)
_COPYRIGHT = re.compile(r"[\u00a9\u24d2]|\(c\)\s*(?:19|20)\d\d", re.I)

_KEY_PUNCT = '!"#$%()*+,./:;<=>?[\\]^_`{|}~\u00bb\u00ab\u203a\u2039\u2192\u2190\u25b8\u25b6\u2022\u00b7'
_KEY_TABLE = str.maketrans(
    {
        **{k: (" " if v and v in _KEY_PUNCT else v) for k, v in FOLD_MAP.items()},
        **{c: " " for c in _KEY_PUNCT},
    }
)


_ASCII_KEY = bytes((c + 32 if 65 <= c <= 90 else 32 if chr(c) in _KEY_PUNCT else c) for c in range(256))


def line_key(text: str) -> str:
    """Folded form of a short line for matching phrase lists and repetitions: lower case, quotes and
    dashes normalised, punctuation other than ``' & - @`` turned into spaces, spaces collapsed."""
    if text.isascii():  # the common case, about eight times faster through a byte table
        return " ".join(text.encode().translate(_ASCII_KEY).decode().split())
    return " ".join(text.translate(_KEY_TABLE).lower().split())


def _index(spec: dict[str, str]) -> dict[str, list[tuple[str, str]]]:
    index: dict[str, list[tuple[str, str]]] = {}
    for cat, phrases in spec.items():
        for p in _phrases(phrases):
            k = line_key(p)
            index.setdefault(k.split()[0], []).append((f" {k} ", cat))
    return index


_CONTAINS = _index(_CONTAINS_SPEC)
_SENTENCES = _index(_SENTENCE_SPEC)
_ORDER = {cat: i for i, cat in enumerate(_CONTAINS_SPEC)}
EXACT_INDEX = {line_key(p): cat for cat, phrases in reversed(EXACT.items()) for p in phrases}


@dataclass(slots=True)
class Line:
    """One non-blank line of the source (trimmed) and what the cleaner decided about it."""

    start: int
    end: int
    indent: int
    text: str
    marker: str  # the list marker ("* ", "1. ") or ""
    content: str  # the text without its list marker
    words: int
    terminal: bool
    blank_before: bool
    key: str  # folded text without marker and trailing punctuation, for comparisons
    hint: str = ""  # category suggested by a context-free rule
    hint_reason: str = ""
    strong: bool = False  # hint is certain (a duration, a count, a repeated label)
    heading: bool = False  # a short heading that opens a block of links, comments or footer
    repeats: int = 1  # how often a line of five words or more occurs on the page
    role: str = ""  # "paragraph", "meta" or "removed"
    label: str = ""
    reason: str = ""


KEY_WORDS = 25
"""Lines up to this many words get a folded key: longer lines are prose, never matched against phrases."""
_MARKER_START = frozenset("*+-o0123456789\u2022\u00b7\u25aa\u25e6\u2023\u25cf\u25a0\u2013\u2014")
_CLOSERS = "\"'\u201d\u2019)]\u00bb* "
_ENDERS = frozenset(".!?:;\u2026\u3002\uff01\uff1f\u061f")


def make_line(raw: str, start: int, blank_before: bool) -> Line:
    """The :class:`Line` for one non-blank physical line ``raw`` found at offset ``start``."""
    text = raw.strip()
    lead = raw.find(text[0])  # everything before the first non-blank character is indentation
    s = start + lead
    indent = lead if "\t" not in raw[:lead] else len(raw[:lead].expandtabs(4))
    marker = ""
    if text[0] in _MARKER_START:
        m = BULLET.match(text)
        if m:
            marker = m.group(0)
    body = text[len(marker) :] if marker else text
    n = body.count(" ") + 1 if "  " not in body else len(body.split())
    if len(body) > 14 * n and CJK.search(body[:200]):
        n = len(body) // 3  # no spaces between words: count characters instead
    tail = body[-12:].rstrip(_CLOSERS)
    terminal = bool(tail) and tail[-1] in _ENDERS
    key = line_key(body) if n <= KEY_WORDS else ""
    return Line(s, s + len(text), indent, text, marker, body, n, terminal, blank_before, key)


def phrase_category(ln: Line) -> tuple[str, str]:
    """(category, matched phrase) for a short line that names boilerplate, else ("", "").

    The phrase is the line's key for a whole-line match and "" for a line made only of social network
    names. Cheap tests on the first word guard the regular expressions: this runs on every line."""
    key = ln.key
    if not key:  # a long line: only its opening can betray it ("Join our forums to keep talking...")
        m = (
            PREFIX.match(ln.content)
            if ln.words <= 40 and ln.content[:12].lower().split(" ", 1)[0] in _PREFIX_STARTS
            else None
        )
        return (m.lastgroup or "", m.group(0)) if m else ("", "")
    cat = EXACT_INDEX.get(key)
    if cat:
        return cat, key
    words = key.split()
    content, text = ln.content, ln.text
    if ("photo" in key or "image" in key or "picture" in key or "caption" in key) and (
        CAPTION_PREFIX.match(content) or CREDIT_TAIL.match(content)
    ):
        return "caption", words[0]
    if ("\u00a9" in text or "\u24d2" in text or "(c" in text or "(C" in text) and _COPYRIGHT.search(text):
        return "footer", "\u00a9"
    if words[0] in _PREFIX_STARTS:
        m = PREFIX.match(content)
        if m:
            return m.lastgroup or "", m.group(0)
    if len(words) >= 2 and words[0] in SOCIAL and all(w in SOCIAL for w in words):
        return "share", ""  # "Facebook Twitter Email", "Share to LinkedIn"
    if ln.terminal and content.rstrip(_CLOSERS)[-1:] not in ":;":
        # a sentence: only sentences that are boilerplate in themselves
        return _lookup(key, words, _SENTENCES) if ln.words <= 25 else ("", "")
    if ln.words > 14:
        return "", ""
    if content.rstrip(" |").endswith("]") and TAG_SUFFIX.search(content):
        return "related", content[content.rfind("[") :].strip()
    if words[0] in ("watch", "video") and _VIDEO_PREFIX.match(content):
        return "video", content[:6]
    return _lookup(key, words, _CONTAINS)


def _lookup(key: str, words: list[str], index: dict[str, list[tuple[str, str]]]) -> tuple[str, str]:
    """The first-ordered category of the phrases of ``index`` found in ``key`` (as whole words)."""
    best: tuple[int, str, str] | None = None
    padded = ""
    for w in words:
        candidates = index.get(w)
        if not candidates:
            continue
        padded = padded or f" {key} "
        for phrase, cat in candidates:
            if phrase in padded and (best is None or _ORDER[cat] < best[0]):
                best = (_ORDER[cat], cat, phrase.strip())
    return (best[1], best[2]) if best else ("", "")


_MONTH_STEMS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def parse_date(text: str) -> str | None:
    """ISO ``yyyy-mm-dd`` for the first date written in ``text`` (English month names or ISO), else None."""
    head = text[:300]
    low = head.lower()
    if not ("-" in head or any(m in low for m in _MONTH_STEMS)):
        return None
    best: tuple[int, str] | None = None
    for pat, order in ((DATE_MDY, "mdy"), (DATE_DMY, "dmy"), (DATE_ISO, "ymd")):
        m = pat.search(head)
        if not m:
            continue
        g = m.groups()
        if order == "mdy":
            month, day, year = MONTHS.get(g[0].lower().rstrip(".")), int(g[1]), int(g[2])
        elif order == "dmy":
            day, month, year = int(g[0]), MONTHS.get(g[1].lower().rstrip(".")), int(g[2])
        else:
            year, month, day = int(g[0]), int(g[1]), int(g[2])
        if not month or not 1 <= month <= 12 or not 1 <= day <= 31:
            continue
        iso = f"{year:04d}-{month:02d}-{day:02d}"
        if best is None or m.start() < best[0]:
            best = (m.start(), iso)
    return best[1] if best else None


def _may_have_credit(tail: str) -> bool:
    low = tail.lower()
    return (
        "photo" in low
        or "image" in low
        or "credit" in low
        or "picture" in low
        or "source" in low
        or "illustration" in low
        or "foto" in low
        or "bild" in low
        or "video" in low
        or "img" in low
        or "\u0444\u043e\u0442\u043e" in low
        or "\u00a9" in low
    )


def split_credit(text: str) -> tuple[str, str] | None:
    """``(caption, credit)`` when ``text`` ends with a photo credit ("... Photo: AFP"), else None."""
    if text.endswith(")") or "/" in text[-40:]:
        b = CREDIT_BRACKET.search(text[-140:])
        if b:
            credit = (b.group(1) or b.group(2)).strip()
            cut = len(text) - len(text[-140:]) + b.start()
            return text[:cut].rstrip(" (|-\u2013\u2014[").strip(), credit
    if not _may_have_credit(text[-140:]):
        return None
    m = CREDIT_TAIL.search(text[-140:])
    if not m:
        return None
    credit = m.group(2).strip().rstrip(")]").strip().lstrip("\u00a9 ")
    if not credit or len(credit.split()) > 10 or TERMINAL.search(credit) and not credit.endswith("."):
        return None
    cut = len(text) - len(text[-140:]) + m.start(1)
    caption = text[:cut].rstrip(" (|-\u2013\u2014[").strip()
    return caption, credit


def looks_like_credit(ln: Line) -> bool:
    """A short line that is only a photo credit: "Sanjeev Verma/Hindustan Times/Getty Images", "(AP)"."""
    t = ln.content
    if ln.marker or ln.words > 10 or len(t) > 90:
        return False
    split = split_credit(t)
    if split is not None and len(split[0]) < 3:
        return True
    inner = t[1:-1] if t[:1] in "([" and PAREN_LINE.fullmatch(t) else t
    if TERMINAL.search(inner) and not inner.endswith("."):
        return False
    if (
        "/" in inner
        and not URLISH.search(inner)
        and all(p.strip()[:1].isupper() for p in inner.split("/") if p.strip())
    ):
        return True
    if inner is t and ln.words > 8:
        return False
    words = ln.key.split()
    return any(w in _AGENCY_WORDS for w in words) and bool(AGENCY.search(inner))


_BYLINE_END = re.compile(
    r"\s+(?:[-|\u2013\u2014\u2022]|updated|published|posted|on|in)\s+|\s*[|\u2022]\s*|,\s+|"
    r"\s+(?=(?:senior |chief |staff |contributing |special )?(?:writer|reporter|correspondent|editor|contributor|"
    r"columnist|staff)\b)",
    re.I,
)


_BYLINE_STOP = re.compile(r"\s(?:\S*\d|@\w|" + _MONTH + r"\b\.?\s+\d)", re.I)


NAME_WITH_ROLE = re.compile(
    r"([^,|\u2013\u2014]{3,60}?)\s*(?:,|\||\u2013|\u2014| -)\s*(?:[\w.&]+ ){0,3}(?:senior |chief |staff |sports |"
    r"political |foreign |business |special )?(?:writer|reporter|correspondent|editor|contributor|columnist|"
    r"journalist)s?\b",
    re.I,
)


def byline_name(text: str) -> str | None:
    """The name(s) in a byline line ("By Jane Roe and Li Wei", "by Regan September 15, 2014")."""
    m = BY_PREFIX.match(text)
    if not m:
        return None
    rest = text[m.end() :].strip()
    if not rest:
        return ""
    return _names(rest)


def _names(rest: str) -> str | None:
    """The author names opening ``rest``, up to a role, a date or a separator; co-authors listed with
    commas stay ("Jane Roe, Li Wei"), a role or an agency after a comma does not ("Jane Roe, Staff")."""
    m = _BYLINE_END.search(rest)
    cut = rest[: m.start()] if m else rest
    while m and m.group(0).strip() == ",":
        nxt = _BYLINE_END.search(rest, m.end())
        more = rest[m.end() : nxt.start() if nxt else len(rest)].strip()
        if not _co_author(more):
            break
        cut, m = rest[: m.end()] + more, nxt
    dm = _BYLINE_STOP.search(cut)
    if dm:
        cut = cut[: dm.start()]
    cut = cut.strip(" ,.-|")
    words = cut.split()
    if not words or len(words) > 12 or not cut[0].isupper():
        return None
    return cut


_ROLE = re.compile(
    r"\b(?:writer|reporter|correspondent|editor|contributor|columnist|journalist|staff|photographer|"
    r"producer|desk|team|agency|agencies|press|news|media)s?\b",
    re.I,
)


def _co_author(part: str) -> bool:
    """``part`` (what follows a comma in a byline) is another person's name, not a role or an outlet."""
    return (
        is_name_like(part)
        and not part.startswith("The ")
        and not _ROLE.search(part)
        and not AGENCY.search(part)
        and not DIGIT.search(part)
    )


_DATED_LEAD = re.compile(
    r"(?:(?:posted|published|updated|first published|last updated)(?:\s+on)?\s*:?\s*)?"
    r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?",
    re.I,
)
_DATED_SEP = re.compile(  # an optional time of day, then "by", a bar, a bullet or a dash
    r",?(?:\s*(?:at\s+)?\d{1,2}[:.]\d\d\s*(?:[ap]\.?m\.?)?)?"
    r"(?:\s+(?i:by)\s+|\s*[|\u2022\u00b7]\s*|\s+[\u2013\u2014-]\s+)"
)


def dated_byline(text: str) -> tuple[str, str] | None:
    """``(names, iso date)`` for a line that opens with a date and then names the author: "Posted on
    March 18, 2026 by Jane Roe", "18 March 2026 | Jane Roe, Li Wei". After a bar or a dash (not "by")
    the names must have the shape of a person's name, so "18 March 2026 | Politics" is not a byline."""
    if len(text) > 160 or not DIGIT.search(text):
        return None
    start = _DATED_LEAD.match(text).end()
    date = None
    for pat in (DATE_MDY, DATE_DMY, DATE_ISO):
        m = pat.match(text, start)
        if m:
            date = m
            break
    if date is None:
        return None
    sep = _DATED_SEP.match(text, date.end())
    if sep is None:
        return None
    iso = parse_date(text[start : date.end()])
    name = _names(text[sep.end() :].strip())
    if not iso or not name:
        return None
    if "by" not in sep.group(0).lower() and not all(
        is_name_like(p) for p in re.split(r",\s+|\s+and\s+", name)
    ):
        return None
    return name, iso


_PARTICLES = frozenset("de da di del der den van von bin al el la le du dos das y and &".split())


def is_name_like(text: str) -> bool:
    """2-5 capitalised words (particles such as "de" or "van" between them), the shape of a person's name."""
    words = text.split()
    if not 2 <= len(words) <= 5 or not words[0][0].isupper() or not words[-1][0].isupper():
        return False
    return all(w[0].isupper() and NAME_WORD.fullmatch(w) or w.lower() in _PARTICLES for w in words)


def english_ratio(words: list[str]) -> float:
    """Share of very common English words among ``words`` (lower-cased)."""
    if not words:
        return 0.0
    return sum(1 for w in words if w in ENGLISH) / len(words)
