"""The document driver: pair and mask quotations, then run the rules paragraph by paragraph.

:func:`find_quotes` normalises the text, runs a :class:`Document` and maps the attributions back to
source offsets. Per paragraph, every sentence worth reading goes through the sentence rules
(:func:`sentence_attributions`), then the colon introduction; then quotations nobody claimed are
matched as continuations and follow-ons, and long ones are listed with no speaker.

Limit: :data:`SENTENCE_WINDOW` (2,000 characters). A longer sentence (no news sentence of the
benchmark texts reaches 1,600; a page with its punctuation stripped can be one sentence of a
megabyte) is read in windows of at most that length, each cut after a comma or semicolon, else at a
space, and each window is read as a sentence: every rule then looks at a bounded stretch, so the
time grows with the length of the text rather than with its square. An attribution whose words
cross a window edge may be cut short or missed. :func:`find_quotes` notes it (and
:func:`mediakit.analysis.analyse` adds the note to ``Article.flags``).
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from operator import attrgetter

from ..budget import check
from ..model import Span
from ..normalise import normalise
from ..segment import sentence_bounds, split_paragraphs
from .cues import sentence_cues
from .followons import closes_sentence, continuations, dangling, embedded_post
from .frames import choose_content, locate_frame
from .frames.colon import colon_intro
from .frames.unlisted import unlisted_verbs
from .hedges import hedges
from .marks import Quotation, pair_quotations
from .records import Found
from .result import Quote, speaker_kind
from .rules import render
from .sentence import Sentence
from .tokens import CLOSE, Tok, mask, tokenize, worth_reading
from .verbs import cue_entry
from .words import ABBREVIATIONS, UNATTRIBUTED_WORDS

#: The longest stretch of a sentence the rules read at once, in characters (see the module docstring).
SENTENCE_WINDOW = 2_000

_LETTERS_DOTS_REVERSED = re.compile(r"[A-Za-z.]*[A-Za-z]")
_LETTER = re.compile(r"[A-Za-z]")
_SPACE = re.compile(r"\s")
_NON_SPACE = re.compile(r"\S")


def find_quotes(source: str, paragraphs: list[Span] | None = None, notes: list[str] | None = None) -> list[Quote]:
    """Find quotes and attributions in ``source``, searching the ``paragraphs`` spans.

    ``paragraphs`` defaults to :func:`mediakit.segment.split_paragraphs` of the whole text. Results are
    sorted by start, one per content span. Given a list ``notes``, a line is appended to it when a
    limit applied (a sentence longer than :data:`SENTENCE_WINDOW` read in windows).

    >>> text = 'The bridge will open in May, the mayor said. "We are ready," added Lena Ortiz.'
    >>> [(q.text(text), q.speaker_text, q.kind) for q in find_quotes(text)]
    [('The bridge will open in May', 'the mayor', 'indirect'), ('"We are ready,"', 'Lena Ortiz', 'direct')]
    """
    if paragraphs is None:
        paragraphs = split_paragraphs(source)
    view = normalise(source)
    norm = view.text
    # normalising keeps offsets unless a ligature or zero-width character changed the length
    to_norm = None if view.is_identity else view.to_normalised
    n = len(source)
    if to_norm is None:
        paras = _clean_spans([(max(0, p.start), min(n, p.end)) for p in paragraphs])
    else:
        paras = _clean_spans([(to_norm(max(0, p.start)), to_norm(min(n, p.end))) for p in paragraphs])
    # a character of the source at a normalised offset (the offsets are the same when normalising kept them)
    source_char = source.__getitem__ if view.is_identity else lambda i: source[view.to_source(i)]
    # a single-quoted quotation opens with a curly mark (see marks.py): none in the source, none sought
    doc = Document(norm, paras, source_char, "\u2018" in source)
    found = doc.run()
    if doc.windowed and notes is not None:
        notes.append(window_note(doc.windowed))
    to_source = None if view.is_identity else view.to_source
    quotes = [_to_quote(f, source, norm, to_source) for f in found]
    return _dedupe(quotes)


def sentence_attributions(sent: Sentence) -> list[Found]:
    """Every attribution of the sentence: reporting verbs, hedges, quotations with unlisted verbs."""
    frames = []
    for i, j, entry in sentence_cues(sent):
        fr = locate_frame(sent, i, j, entry)
        if fr is not None:
            frames.append(fr)
    out: list[Found] = []
    for fr in frames:
        f = choose_content(sent, fr, frames)
        if f is not None:
            out.append(f)
        elif closes_sentence(sent, fr):
            sent.doc.dangling[sent.toks[-1].end] = dangling(sent, fr)
    out.extend(hedges(sent))
    out.extend(unlisted_verbs(sent))
    return out


class Document:
    """One text: quotation pairing, masking, then attribution rules sentence by sentence."""

    def __init__(self, text: str, paras: list[tuple[int, int]], source_char: Callable[[int], str],
                 single_marks: bool = True) -> None:
        self.text = text
        self.paras = paras
        self.quotations = pair_quotations(text, paras, source_char, single_marks)
        self.masked = mask(text, self.quotations)
        self.para_starts = [p[0] for p in paras]
        self.q_begin = [q.start for q in self.quotations]
        self.dangling: dict[int, Found] = {}  # sentence end -> an attribution still waiting for its quote
        self._title_cache: dict[int, bool] = {}
        self.q_starts = [p[0] for q in self.quotations for p in q.pieces]
        self.q_of_piece = [q for q in self.quotations for _ in q.pieces]
        self.windowed: list[int] = []  # the length of each sentence read in windows
        self._token_pool: list[Tok] = []  # token objects refilled sentence after sentence (see run)

    def title_like(self, pi: int) -> bool:
        """Is paragraph ``pi`` a headline in title case (``Mayor Says Ferry Will Resume``)?"""
        if pi not in self._title_cache:
            ps, pe = self.paras[pi]
            self._title_cache[pi] = pe - ps < 200 and _is_title_case(self.text[ps:pe])
        return self._title_cache[pi]

    def quotation_at(self, pos: int) -> Quotation | None:
        """The quotation covering offset ``pos``, if any."""
        k = bisect_right(self.q_starts, pos) - 1
        if k >= 0:
            q = self.q_of_piece[k]
            if q.start <= pos < q.end:
                return q
        return None

    def run(self) -> list[Found]:
        """All attributions: sentence rules per paragraph, then quotations that continue or follow
        them, then long quotations nobody claimed."""
        found: list[Found] = []
        per_para: list[list[Found]] = []
        sent = Sentence(self, [], 0)
        for pi, (ps, pe) in enumerate(self.paras):
            here: list[Found] = []
            paragraph = self.masked[ps:pe]
            # a sentence's quotation marks and letter runs are the paragraph's, so a paragraph with
            # no quotation and no word of the lexicon holds no sentence worth reading: it is not split
            sentences = self.sentences(ps, pe) if worth_reading(paragraph) else []
            for ss, se in sentences:
                if ss == ps and se == pe:
                    sentence = paragraph  # the paragraph is one sentence, and worth reading
                else:
                    sentence = self.masked[ss:se]  # copied once, for the test and the tokens
                    if not worth_reading(sentence):
                        continue
                # (a sentence within the window length, nearly all, is its one window without a call)
                for ws, we in self.windows(ss, se) if se - ss > SENTENCE_WINDOW else ((ss, se),):
                    check()  # the article's time budget, if any (mediakit.budget): a window's cost is bounded
                    cue_at: list[int] = []
                    # the window's tokens are read here and none is kept (a Found holds offsets and
                    # text), so each window refills the same token objects (tokenize's pool)
                    toks = tokenize(self.masked, ws, we, cue_at, sentence if we - ws == se - ss else None,
                                    self._token_pool)
                    if toks:
                        # (one Sentence refilled like the tokens, for the same reason: none is kept)
                        sent.toks, sent.para, sent.cue_at = toks, pi, cue_at
                        here.extend(sentence_attributions(sent))
            here.extend(colon_intro(self, pi, here))
            per_para.append(here)
        for pi, here in enumerate(per_para):
            check()
            post = embedded_post(self, pi)
            if post is not None:
                # the paragraph is a post signed at its end: its words are the author's, whatever
                # verbs they hold
                here[:] = [post]
            here.extend(continuations(self, pi, here, per_para))
            found.extend(here)
        for q in self.quotations:
            if not q.claimed and len(self.text[q.start : q.end].split()) >= UNATTRIBUTED_WORDS:
                q.claimed = True
                pi = bisect_right(self.para_starts, q.start) - 1
                rid = "unattributed"
                found.append(Found([(q.start, q.end)], "direct", None, None, None, rid, render(rid), pi))
        return found

    def sentences(self, ps: int, pe: int) -> list[tuple[int, int]]:
        """Sentences of the masked paragraph; a break after an abbreviation (``U.S.``) before a
        lower-case word is undone."""
        out: list[tuple[int, int]] = []
        for s, e in sentence_bounds(self.masked, ps, pe):
            if out and (self._false_break(out[-1][1], s) or self._attribution_after(out[-1][1], s, e)):
                out[-1] = (out[-1][0], e)
            else:
                out.append((s, e))
        return out

    def windows(self, s: int, e: int) -> list[tuple[int, int]]:
        """The sentence ``s``-``e`` as one window, or, when longer than :data:`SENTENCE_WINDOW`, cut
        into windows of at most that length: after the last comma or semicolon of a window's second
        half, else after its last space (between two tokens: a masked quotation holds no space), else
        at the first space after it."""
        if e - s <= SENTENCE_WINDOW:
            return [(s, e)]
        self.windowed.append(e - s)
        masked = self.masked
        out: list[tuple[int, int]] = []
        while e - s > SENTENCE_WINDOW:
            limit = s + SENTENCE_WINDOW
            half = s + SENTENCE_WINDOW // 2
            cut = max(masked.rfind(", ", half, limit), masked.rfind("; ", half, limit))
            if cut != -1:
                cut += 1
            else:
                space = _SPACE.search(masked[half:limit][::-1])
                cut = limit - space.end() if space else -1
                if cut == -1:
                    space = _SPACE.search(masked, limit, e)
                    if space is None:
                        break
                    cut = space.start()
            out.append((s, cut))
            nxt = _NON_SPACE.search(masked, cut, e)
            if nxt is None:
                return out
            s = nxt.start()
        out.append((s, e))
        return out

    def _attribution_after(self, prev_end: int, start: int, end: int) -> bool:
        """``"Is it over?" Lee asked.``: a quotation ending in ? or ! followed by its attribution
        (the sentence ``start``-``end``)."""
        if self.masked[prev_end - 1] != CLOSE or self.masked[prev_end - 2] not in "?!":
            return False
        toks = tokenize(self.masked, start, min(end, start + 80))
        if not toks or toks[0].kind != "w":
            return False
        for i in range(min(6, len(toks))):
            hit = cue_entry(toks, i)
            if hit and toks[i].low not in hit[0].noun_forms:
                return True
        return False

    def _false_break(self, prev_end: int, start: int) -> bool:
        """``... the U.S. "clearly" needed ...``: a break after an abbreviation before a lower-case word."""
        if self.masked[prev_end - 1] != ".":
            return False  # a sentence ends in a mark, never a space, so "\.$" needs a full stop here
        if "A" <= self.text[start] <= "Z":
            return False  # (the first letter read below, found at once: upper case, whatever the word before)
        # the letters-and-dots word before that full stop (group 1 of a search for
        # "([A-Za-z][A-Za-z.]*)\.$" in the last 12 characters), read in one match of the reversed window
        end = prev_end - 1
        m = _LETTERS_DOTS_REVERSED.match(self.masked[max(0, prev_end - 12) : end][::-1])
        if not m or self.masked[end - m.end() : end].lower() not in ABBREVIATIONS:
            return False
        first = _LETTER.search(self.text, start, start + 6)
        return first is not None and first.group(0).islower()


_TITLE_CASE: list[Callable[[str], bool]] = []  # the actor finder's headline test, once imported


def _is_title_case(text: str) -> bool:
    """:func:`mediakit.actors.is_title_case`, imported on first use (the quote finder alone does not load
    the actor finder) and then kept: an import statement in a function runs the import machinery at
    every call."""
    if not _TITLE_CASE:
        from ..actors import is_title_case

        _TITLE_CASE.append(is_title_case)
    return _TITLE_CASE[0](text)


def window_note(lengths: list[int]) -> str:
    """The note for sentences read in windows (see :data:`SENTENCE_WINDOW`), for ``Article.flags``."""
    many = f"{len(lengths):,} sentences of up to" if len(lengths) > 1 else "a sentence of"
    return (f"analysis: {many} {max(lengths):,} characters read in windows of {SENTENCE_WINDOW:,} characters; "
            "quotes that cross a window edge may be cut or missed (SENTENCE_WINDOW, mediakit/quotes/document.py)")


def _clean_spans(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted, non-empty, non-overlapping paragraph spans."""
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and s < out[-1][1]:
            s = out[-1][1]
        if e > s:
            out.append((s, e))
    return out


def _to_quote(f: Found, source: str, norm: str, to_source: Callable[[int], int] | None) -> Quote:
    """The public record, offsets mapped back to the source by ``to_source`` (None: the source and
    the normalised text share their offsets, which are then taken as they are, with no call each)."""
    s, e = f.pieces[0][0], f.pieces[-1][1]  # (f.start and f.end, without the property calls)
    if to_source is not None:
        s, e = to_source(s), to_source(e)
    cs = ce = ss = se = None
    cue = cue_class = spk = spk_kind = None
    if f.cue:
        cs, ce = f.cue
        if to_source is not None:
            cs, ce = to_source(cs), to_source(ce)
        cue = source[cs:ce]
        cue_class = f.entry.cls if f.entry else None
    if f.speaker:
        ss, se = f.speaker
        if to_source is not None:
            ss, se = to_source(ss), to_source(se)
        spk = source[ss:se]
        spk_kind = speaker_kind(norm[f.speaker[0] : f.speaker[1]])
    return Quote(s, e, f.kind, cs, ce, cue, cue_class, ss, se, spk, spk_kind, f.rule, f.inherited, f.rule_id)


_QUOTE_ORDER = attrgetter("start", "end", "inherited")  # (start, end, inherited) made in C, no lambda call


def _dedupe(quotes: list[Quote]) -> list[Quote]:
    """Sorted by start, one quote per content span."""
    quotes.sort(key=_QUOTE_ORDER)
    out: list[Quote] = []
    seen: set[tuple[int, int]] = set()
    for q in quotes:
        if (q.start, q.end) in seen or q.end <= q.start:
            continue
        seen.add((q.start, q.end))
        out.append(q)
    return out
