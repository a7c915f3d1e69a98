"""Boilerplate phrase rules: the words that name what a line of page furniture is.

One set of rules for both extraction paths, applied through :func:`mediakit.clean.boilerplate.line_rule`:
the text cleaner hints with them what a line probably is ("Share", "Most read", "Sign up for our
newsletter", "Photo: AFP") before it looks for the article, the HTML path (:mod:`mediakit.html`) removes
with them what trafilatura left around the article. How far a phrase reaches depends on the line: a short
line is matched whole or by a phrase inside it; a sentence only by phrases that are boilerplate in
themselves ("Sign up for our newsletter."); a longer line (up to 40 words) only by how it opens ("Read
more: ...", "Most read: ...", "Follow us on ...") or by a sentence that opens with a sign-up prompt when
the line reports no speech. A line of more than 40 words is never matched. The photo-credit patterns
(``CREDIT_LABEL`` and kin) are used by :mod:`mediakit.clean.credits` on both paths too.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..normalise import FOLD_MAP  # the same folding as normalise(), without offsets
from .chars import CLOSERS

if TYPE_CHECKING:
    from .lines import Line

# ---------------------------------------------------------------------------------------------- shapes
# Counters, running times, timestamps, addresses: boilerplate by its shape.
NUMBER_ONLY = re.compile(r"[(\[]?[\d.,]+\s?[kKmM]?[)\]]?")
COUNT_WITH_NOUN = re.compile(
    r"[\d.,]+\s?[kKmM]?\s+(?:comments?|shares?|replies|reply|likes?|views?|reactions?|responses?|retweets?)",
    re.I,
)
DURATION = re.compile(r"(?:(?:video|duration|watch|play)\s*:?\s*)?\d{1,2}:\d{2}(?::\d{2})?(?:\s*min)?", re.I)
READ_TIME = re.compile(r"\d{1,3}\s*(?:-|\s)?\s*min(?:ute)?s?\s+read|reading time", re.I)
RELATIVE_TIME = re.compile(
    r"\d+\s*(?:hours?|hrs?|minutes?|mins?|days?|weeks?|months?|years?|[hmd])\s+ago", re.I
)
URLISH = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+|(?<!\w)@\w{2,}|\S+%2F\S+", re.I)

# ---------------------------------------------------------------------------------------------- credits
# Photo credits: "... Photo: AFP", "Credit... Doug Mills/The Times", "Image Credit: X", "(Reed Saxon / AP)".
CREDIT_TAIL = re.compile(
    r"(?:\s|^|[(\[]|(?<=[.!?]))((?:(?:photo(?:graph)?s?|picture|image|img|illustration|foto|fotos|bild|video|\u0444\u043e\u0442\u043e)\s*(?:by|credit|source)?|"
    r"credit|source)\s*(?::|\.\.\.|\u2026|-|\u2013|\u2014|\|)\s*|"
    r"(?:photo(?:graph)?|picture|image)s?\s+(?:copyright|credit|source|by)\s*:?\s+|\u00a9\s*)"
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
    r"\(?\s*(?:(?:photo(?:graph)?|picture|image|foto)s?(?: credit)?|credits?|\u0444\u043e\u0442\u043e)\s*(?::|by\b)\s*",
    re.I,
)
"""The label a credit opens with: "Photo:", "Photograph by", "Image credit:", "(Credit:"."""
AGENCY = re.compile(
    r"\b(?:getty images|getty|afp|ap photo|associated press|reuters|epa|shutterstock|istock|alamy|"
    r"xinhua|bloomberg|pa images|pa wire|afp via getty images|nasa|handout|supplied|file photo|courtesy|"
    r"submitted photo|staff photo|ap file|via ap|photo illustration)\b",
    re.I,
)
AGENCY_WORDS = frozenset(
    "getty afp ap associated reuters epa shutterstock istock alamy xinhua bloomberg pa nasa handout supplied "
    "file courtesy submitted staff via photo illustration".split()
)
PAREN_LINE = re.compile(r"[(\[][^()\[\]]{2,90}[)\]]")


# ---------------------------------------------------------------------------------------------- phrases


def _phrases(text: str) -> tuple[str, ...]:
    """The phrases of a "|"-separated list, in the order written (first listed, first found)."""
    return tuple(dict.fromkeys(p.strip() for p in text.split("|") if p.strip()))


# Whole-line phrases (folded, bullet and trailing punctuation removed): category -> phrases.
EXACT: dict[str, tuple[str, ...]] = {
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
        "comment now|conversation|reader comments|have your say|comentarios|comentarios|kommentare|replies"
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
    r"(?P<share>(?:follow|find|join|connect with) (?:us|me|him|her|them|[\w.@]+(?: [\w.@]+){0,5}) on "
    r"(?:facebook|twitter|instagram|youtube|linkedin|tiktok|snapchat|pinterest)\b|like us on\b|"
    r"like this (?:story|article)\b|tell us what you think\b)|"
    r"(?P<promo>click here\b|join our\b|want more\b|need more\b|get breaking\b|thanks for watching\b|"
    r"download (?:the|our)\b|have a (?:news )?tip\b)|"
    r"(?P<navigation>you are (?:here|at)\b|share (?:all )?sharing options\b|close share panel\b)",
    re.I,
)
_PREFIX_STARTS = frozenset(
    "read see watch listen also on more related recommended subscribe become already sign get follow find join "
    "connect like click want need thanks download have you share close tell".split()
)
# Checked when the lists name nothing (a sentence, a longer line): a teaser label followed by a separator
# or the end of the line ("Most read: ...", "You may also like...", "[Related: ...]"), or a copyright line.
TEASER_LABELS = (
    "read more|read also|also read|see more|see also|related|related posts?|related stories|related story|"
    "related articles?|related coverage|related content|related links|recommended|more from|more on this|"
    "more stories|most read|you may also like|you might also like|don't miss|top stories|trending|"
    "editor's picks?|editors' picks|latest news|further reading|further coverage"
)
OPENING = re.compile(
    r"[\[(]?\s*(?:(?P<related>(?:"
    + "|".join(sorted(TEASER_LABELS.replace("'", "['\u2019]?").split("|"), key=len, reverse=True))
    + r")\s*(?:\.\.\.|[:|\-\u2013\u2014.\u2026]|$))|(?P<footer>copyright (?:\u00a9|\(c\)|(?:19|20)\d\d\b)))",
    re.I,
)
_OPENING_STARTS = frozenset(
    "read also see related recommended more most you don't dont top trending editor's editors' editors latest "
    "further copyright".split()
)
SOCIAL = frozenset(
    "share shares facebook twitter linkedin whatsapp pinterest reddit email e-mail print tweet pin instagram "
    "youtube tumblr telegram messenger sms more flipboard pocket copy link mail pint to on via with this "
    "permalink whatsapp".split()
)
# A sentence of a longer line (15 to 40 words, past the short-line lists) that opens with a sign-up,
# subscription or app prompt, unless the line reports speech: "Start your day with ... Sign up for the
# free daily newsletter."
PROMPT = re.compile(
    r"(?:^|[.!?][\"'\u201d\u2019)]*\s+)(?:(?P<newsletter>sign[ -]up\b)|(?P<subscription>subscribe\b)|"
    r"(?P<promo>(?:download|get) (?:our|the) app\b))",
    re.I,
)
_REPORTED = re.compile(r"[\"\u201c\u201d]|\b(?:said|says|told)\b")
TAG_SUFFIX = re.compile(r"\[[A-Z][A-Z ]{2,15}\]\s*\|?\s*$")  # "... [VIDEO]", "... [INSIGHT]"
MARKUP = re.compile(
    r"&lt;|&gt;|&quot;|</?(?:span|div|p|a|img|script|style|iframe|br)\b|\b(?:class|style|href|src)=[\"']"
)
BARRIERS = frozenset({"related", "comments", "footer"})
"""Categories whose heading ("Most read", "Comments") ends the article: the main-block search will not
easily cross them."""
CALL_TO_ACTION = frozenset(
    _phrases(
        "learn more|find out more|read more|sign up|subscribe|subscribe now|download|get the app|try it free|"
        "start free trial|join now|register|click here|see more|shop now|get started|continue|more info"
    )
)
"""A line that asks to be clicked ends a promo run ("Get more... / A feed for you / Learn more")."""
COMMENTS_HEADING = re.compile(
    r"\d+\s+(?:comments?|responses?|replies|thoughts|reactions)\b(?:\s+(?:on|to)\b|\s*$)", re.I
)
COOKIE_NOTICE = re.compile(
    r"\b(?:we|this (?:web)?site|our (?:web)?sites?|websites?) (?:uses?|may use|is using) cookies|"
    r"\b(?:use of|accept(?:ing)?|consent to|about) (?:our |the )?cookies|cookie (?:settings|preferences|policy)"
)
_VIDEO_PREFIX = re.compile(r"(?:watch|video)\s*[:|]", re.I)
_COPYRIGHT = re.compile(r"[\u00a9\u24d2]|\(c\)\s*(?:19|20)\d\d", re.I)

NO_COMMENTS = re.compile(r"\b(?:0|no|zero)\s+(?:comments?|responses?|replies)\b", re.I)
"""A comments heading that announces none: "0 comments", "No responses"."""
END_NOTE = re.compile(
    r"^\(?(?:(?:additional |with )?reporting by|editing by|edited by|compiled by|writing by|contributing:|"
    r"this (?:story|article|report) (?:was|has been|first)|follow (?:him|her|them|us) on|"
    r"contact (?:the )?(?:author|reporter)|write to|citation:|have a tip)|"
    r"contributed (?:reporting|to this (?:report|story|article))|(?:may|can) be reached at|"
    r"^(?:(?-i:[A-Z])[\w.'\u2019-]+ ){1,4}(?:\([^()]*\) )?is (?:an?|the) (?:[\w-]+ ){0,4}(?:writer|reporter|correspondent|"
    r"editor|journalist|columnist|contributor|freelancer)\b|this document is subject to copyright",
    re.I,
)
"""Notes after an article: who reported, edited or wrote it and how to reach them."""
ENGLISH = frozenset(
    "the of and to in a is that for on with was as it by at he said from his be are an has have".split()
)

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


_Found = tuple[str, str] | None


def phrase_category(ln: Line) -> tuple[str, str] | None:
    """(category, matched phrase) for a line that names boilerplate, else None.

    The phrase is the line's key for a whole-line match and "" for a line made only of social network
    names. Cheap tests on the first word guard the regular expressions: this runs on every line."""
    key = ln.key
    if not key:  # a long line: its opening can betray it ("Join our forums to keep talking..."), or a prompt
        if ln.words > 40:
            return None
        content = ln.content
        m = PREFIX.match(content) if content[:12].lower().split(" ", 1)[0] in _PREFIX_STARTS else None
        if m:
            return m.lastgroup or "", m.group(0)
        return _opening(content, line_key(content[:24]).split(" ", 1)[0]) or _prompt(content, content.lower())
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
    if ln.terminal and content.rstrip(CLOSERS)[-1:] not in ":;":
        # a sentence: only sentences that are boilerplate in themselves
        found = _lookup(key, words, _SENTENCES) or _opening(content, words[0])
        return found or (_prompt(content, key) if ln.words > 14 else None)
    if ln.words > 14:
        return _opening(content, words[0]) or _prompt(content, key)
    if content.rstrip(" |").endswith("]") and TAG_SUFFIX.search(content):
        return "related", content[content.rfind("[") :].strip()
    if words[0] in ("watch", "video") and _VIDEO_PREFIX.match(content):
        return "video", content[:6]
    return _lookup(key, words, _CONTAINS) or _opening(content, words[0])


def _opening(content: str, first: str) -> _Found:
    """A line that opens with a teaser label or a copyright notice (``first`` is its first folded word)."""
    m = OPENING.match(content) if first in _OPENING_STARTS else None
    return (m.lastgroup or "", m.group(0).strip()) if m else None


def _prompt(content: str, low: str) -> _Found:
    """A sign-up, subscription or app prompt opening a sentence of a line that does not report speech
    (``low``: the line in lower case, or its key)."""
    if "sign" not in low and "subscribe" not in low and " app" not in low:
        return None  # (a quick test before the expression)
    m = PROMPT.search(content)
    if m is None or _REPORTED.search(content):
        return None
    return m.lastgroup or "", m.group(m.lastgroup or 0).lower()


def _lookup(key: str, words: list[str], index: dict[str, list[tuple[str, str]]]) -> _Found:
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
    return (best[1], best[2]) if best else None


def english_ratio(words: list[str]) -> float:
    """Share of very common English words among ``words`` (lower-cased)."""
    if not words:
        return 0.0
    return sum(1 for w in words if w in ENGLISH) / len(words)
