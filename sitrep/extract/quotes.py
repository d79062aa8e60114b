"""Every direct quotation in an article, with who said it, when, and in how many articles.

Why this module exists: the quote search is the analyst's way into a story, and the plain library
approach (pair quotation marks blindly, credit the nearest name) fails on real news: curly and
straight, double and single marks mixed with apostrophes ("Chile’s", "don’t"), a closing mark
the writer forgot, a quote nested in a headline, "he added". So quotes are found by a character
scan of the raw text, mark by mark, with apostrophe rules; only then are they mapped to the parse,
and their speaker comes from :class:`sitrep.extract.attribution.ArticleContext`.

What it does:

* :func:`find_quote_spans` scans the text: pairs opening and closing marks by family (double,
  single), lets one family nest in the other, carries a quote across paragraphs that reopen with
  a mark, ends an unclosed quote at the end of its sentence, and drops scare quotes around names
  of things. Spans exclude the marks and one trailing comma or full stop inside them.
* :func:`extract_quotes` turns the spans into rows of the ``quotes`` table: speaker (canonical),
  the words used for the speaker, country, cue, and the date the text gives for the statement.
* :func:`cluster_quotes` gives the same quote reported by several articles one cluster id.

What it does not do: it does not report paraphrase or indirect speech (no quotation marks, no
quote), and it never invents a speaker: a quote nobody is credited with keeps an empty speaker.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace

import pandas as pd
from rapidfuzz import fuzz
from spacy.tokens import Doc

from sitrep import dates, schema
from sitrep.article import Article
from sitrep.clusters import DisjointSets, label_clusters
from sitrep.extract.attribution import CUE_LEMMAS, ArticleContext, Source

OPENING = {"“": "double", "«": "double", "„": "double", "‘": "single", "‹": "single", "‚": "single"}
CLOSING = {"”": "double", "»": "double", "’": "single", "›": "single"}
STRAIGHT = {'"': "double", "'": "single"}
# Text before an opening mark that makes the quoted words a name, not something said.
SCARE_CUES = re.compile(
    r"(so-called|so called|dubbed|nicknamed|named|titled|entitled|known as|codenamed|code-named)\s*$", re.I
)
SENTENCE_END = re.compile(r"[.!?…](?=[\"'”’»]?(\s|$))")
# Nearby quotes with no speaker of their own continue the previous speaker's words when at most
# this much text (the attribution "he said on Monday.") separates them.
CONTINUATION_GAP = 160
# A place dateline the parser takes into the speaker's phrase ("OSLO - Norland's leader ...").
PLACE_DATELINE = re.compile(r"^[A-Z][A-Z.'’ -]{1,40}(?:,\s*[A-Z][A-Za-z.'’ -]{1,30})?\s*(?:\([^()]{1,40}\)\s*)?(?:—|–|--|-|:)\s+(?=\S)")


@dataclass(frozen=True)
class QuoteSpan:
    """Quoted words at ``text[start:end]``; ``open_at``/``close_at`` are the marks (-1: none)."""

    start: int
    end: int
    open_at: int
    close_at: int
    family: str
    group: int = -1  # a quote running over paragraphs: the opening mark of its first paragraph


# ----------------------------------------------------------------------------- mark scanning
def _classify(text: str, i: int, open_families: list[str]) -> tuple[str, str] | None:
    """('open'|'close', family) for a quotation mark at ``i``, or None for an apostrophe."""
    c = text[i]
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if c == "“" and "double" in open_families and not before.isspace() and (after.isspace() or after in ".,;:!?"):
        return "close", "double"  # '...reinforcements,“ the staff said': a closing mark set the wrong way
    if c in OPENING and c != "‘":
        return "open", OPENING[c]
    if c in CLOSING and c != "’":
        return "close", CLOSING[c]
    if c in {"‘", "’", "'"}:
        if before.isalnum() and after.isalnum():
            return None  # don’t, Chile’s, Ana’s
        if c == "‘" and _year_elision(text, i + 1) and not before.isalnum():
            return None  # ‘90s
        single_open = "single" in open_families
        if c == "‘":
            return "open", "single"
        if c == "’" and before.isspace():
            if after.isdigit() or single_open:
                return None  # ’90s, ’em: an elision, never a closing mark after a space
            return ("open", "single") if after.isalpha() else None  # an opening mark curled the wrong way
        if c == "’":
            if before in "sS" and after == " " and single_open and _closing_single_follows(text, i + 1):
                return None  # "soldiers’ families" inside a single-quoted quote that closes later
            if single_open and not after.isalnum():
                return "close", "single"
            if before in "sS" and not single_open:
                return None  # plural possessive: soldiers’ families
            if single_open:
                return "close", "single"
            return None
        # straight apostrophe
        if before in "sS" and after == " " and single_open and _closing_single_follows(text, i + 1):
            return None  # 'the soldiers' families deserve answers,' inside a straight-quoted quote
        if single_open and not before.isspace() and not after.isalnum():
            return "close", "single"
        if (before.isspace() or before in "([{—–-:\"“") and (after.isalnum()):
            if _year_elision(text, i + 1):
                return None  # '90s, '24 (but '10,000 troops,' opens a quote)
            return "open", "single"
        return None
    if c == '"':
        double_open = "double" in open_families
        if double_open and not before.isspace():
            return "close", "double"
        if not after.isspace() and after != "":
            return "open", "double"
        if double_open:
            return "close", "double"
        return "open", "double"  # '," but we will ...': a mark between spaces opens when none is open
    return None


def _year_elision(text: str, start: int) -> bool:
    """Whether ``text[start:]`` is a year cut to two digits ("90s", "24 race"), not a number."""
    return re.match(r"\d\d(?:s\b|\b)(?![.,]\d)", text[start : start + 5]) is not None


def _closing_single_follows(text: str, start: int) -> bool:
    """Another ’ later in the paragraph that can only be a closing mark (after punctuation)."""
    end = text.find("\n", start)
    rest = text[start : len(text) if end < 0 else end]
    return re.search(r"[.,!?;…]['’]", rest) is not None


def _sentence_end_after(text: str, start: int, limit: int) -> int:
    """End of the sentence that starts quoting at ``start`` (before ``limit``), marks excluded."""
    match = SENTENCE_END.search(text, start, limit)
    return match.end() if match else limit


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Whitespace off both ends, then one trailing comma or full stop (the sentence's, not the quote's)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start and text[end - 1] in ",.":
        if not (text[end - 1] == "." and end - 3 >= start and text[end - 3 : end] == "..."):
            end -= 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _paragraph_reopens(text: str, newline_at: int, family: str) -> bool:
    """A multi-paragraph quote: the next paragraph opens with a mark of the same family."""
    rest = text[newline_at:].lstrip()
    if not rest:
        return False
    first = rest[0]
    if family == "double":
        return first in {"“", '"', "«", "„"}
    return first in {"‘", "'"}


def _raw_quote_spans(text: str) -> list[QuoteSpan]:
    """Pair every opening mark with its closing mark (or the end of its sentence)."""
    spans: list[QuoteSpan] = []
    stack: list[tuple[str, int]] = []  # (family, position of the opening mark)
    group_of: dict[int, int] = {}  # opening mark -> first opening mark of a multi-paragraph quote

    def close_unclosed(family: str, open_at: int, limit: int) -> None:
        end = _sentence_end_after(text, open_at + 1, limit)
        spans.append(QuoteSpan(open_at + 1, end, open_at, -1, family, group_of.get(open_at, open_at)))

    i = 0
    n = len(text)
    while i < n:
        c = text[i]
        if c == "\n" and stack:
            # an open quote reaching a paragraph break goes on only if the next paragraph reopens it
            outer_family, outer_at = stack[0]
            if _paragraph_reopens(text, i, outer_family) and len(stack) == 1:
                # one quotation, one row per paragraph: each row's words are free of marks
                spans.append(
                    QuoteSpan(outer_at + 1, i, outer_at, -1, outer_family, group_of.get(outer_at, outer_at))
                )
                j = i
                while j < n and text[j].isspace():
                    j += 1
                group_of[j] = group_of.get(outer_at, outer_at)
                stack[0] = (outer_family, j)
                i = j + 1  # past the reopening mark
                continue
            while stack:
                family, open_at = stack.pop()
                close_unclosed(family, open_at, i)
            i += 1
            continue
        if c in OPENING or c in CLOSING or c in STRAIGHT:
            kind = _classify(text, i, [f for f, _ in stack])
            if c in {"“", "‘"} and stack and text[stack[-1][1]] in {"„", "‚"}:
                kind = ("close", stack[-1][0])  # German style: „words“ closes with the high mark
            if kind is not None:
                role, family = kind
                if role == "open":
                    if stack and stack[-1][0] == family:
                        # the same family cannot nest: the earlier quote lost its closing mark
                        _, open_at = stack.pop()
                        close_unclosed(family, open_at, i)
                    stack.append((family, i))
                else:
                    match = next((k for k in range(len(stack) - 1, -1, -1) if stack[k][0] == family), None)
                    if match is not None:
                        # inner quotes left open by a missing mark end at their sentence
                        while len(stack) > match + 1:
                            fam, at = stack.pop()
                            close_unclosed(fam, at, i)
                        _, open_at = stack.pop()
                        spans.append(
                            QuoteSpan(open_at + 1, i, open_at, i, family, group_of.get(open_at, open_at))
                        )
        i += 1
    while stack:
        family, open_at = stack.pop()
        close_unclosed(family, open_at, n)
    return sorted(spans, key=lambda s: (s.start, -s.end))


def _is_scare_quote(text: str, span: QuoteSpan) -> bool:
    """Marks the text itself calls a name: the so-called “deal”, a drone dubbed ‘Lancet’."""
    if not text[span.start : span.end].split():
        return True
    before = text[max(0, span.open_at - 30) : max(span.open_at, 0)]
    return SCARE_CUES.search(before) is not None


def _names_a_thing(ctx: ArticleContext, span: QuoteSpan) -> bool:
    """A short capitalised quote used as a name: the “Kinzhal” missile, on the “Bayraktar” drones.

    Headlines quote speech in title case too ("says West 'Playing With Fire'"), so capitals alone
    do not decide: the quoted words must sit in a noun phrase, after an article or before the
    noun they name.
    """
    doc = ctx.doc
    quoted = ctx.text[span.start : span.end]
    words = quoted.split()
    closed_as_sentence = span.end < len(ctx.text) and ctx.text[span.end] in ".!?"  # “Absolutely.”
    introduced = (
        ctx.text[max(span.open_at - 20, 0) : max(span.open_at, 0)].rstrip().endswith(":")
    )  # replied: “No”
    if (
        closed_as_sentence
        or introduced
        or len(words) > 4
        or re.search(r"[.!?,;:]", quoted)
        or not all(w[:1].isupper() or not w[:1].isalpha() for w in words)
    ):
        return False
    tokens = [t for t in ctx.tokens_between(span.start, span.end) if t.idx >= span.start]
    if not tokens:
        return False
    after_mark = span.close_at + 1 if span.close_at >= 0 else span.end
    following = ctx.token_at_or_after(after_mark)
    preceding = tokens[0].i - 1
    while preceding >= 0 and (doc[preceding].is_quote or doc[preceding].is_space):
        preceding -= 1
    before_word = doc[preceding] if preceding >= 0 else None
    modifies_next = (
        following is not None
        and following.pos_ == "NOUN"
        and following.text[:1].islower()
        and any(t.head.i == following.i for t in tokens)
    )
    after_article = before_word is not None and (
        before_word.lower_ in {"the", "a", "an", "its", "their", "his", "her"} or before_word.like_num
    )  # the “Kinzhal” missile, 40 “Shaheds”
    # one capitalised word no cue verb governs is a name ("from “Shaheds” and positions")
    lone_name = (
        len(words) == 1
        and not words[0].isupper()
        and not any(
            t.head.lemma_.lower() in CUE_LEMMAS for t in tokens if t.head.i not in {x.i for x in tokens}
        )
        and ctx.text.find("\n", 0, span.start) >= 0
    )  # a headline quotes speech in capitals
    return modifies_next or after_article or lone_name


def find_quote_spans(text: str, *, keep_scare_quotes: bool = False) -> list[QuoteSpan]:
    """Every quotation in ``text``, marks and one trailing comma/full stop excluded, in order.

    A quote that is the whole of an outer quote apart from a speaker and a colon
    (a headline “Lind: ‘...’”) stands for it; otherwise a quote nested in another is part of the
    outer one and is not reported separately.
    """
    raw = _raw_quote_spans(text)
    keep: list[QuoteSpan] = []
    for span in raw:
        inner = [s for s in raw if s is not span and span.start <= s.open_at and s.end <= span.end]
        if inner:
            first = inner[0]
            lead = text[span.start : first.open_at].strip()
            tail = text[(first.close_at + 1) if first.close_at >= 0 else first.end : span.end].strip(
                " .,!?’'\"”"
            )
            if lead.endswith(":") and len(lead.split()) <= 5 and not tail:
                continue  # the inner quote replaces this one
        outer = [s for s in raw if s is not span and s.start <= span.open_at and span.end <= s.end]
        if outer:
            o = outer[0]
            lead = text[o.start : span.open_at].strip()
            tail = text[(span.close_at + 1) if span.close_at >= 0 else span.end : o.end].strip(" .,!?’'\"”")
            if not (lead.endswith(":") and len(lead.split()) <= 5 and not tail):
                continue  # a quote within a quote belongs to the outer speaker's words
        start, end = _trim(text, span.start, span.end)
        if end <= start or not any(ch.isalnum() for ch in text[start:end]):
            continue
        trimmed = replace(span, start=start, end=end)
        if not keep_scare_quotes and _is_scare_quote(text, trimmed):
            continue
        keep.append(trimmed)
    return keep


# ------------------------------------------------------------------------------ the table
def _sentence_bounds(ctx: ArticleContext, start: int, end: int) -> tuple[int, int]:
    overlapping = ctx.sentences_between(start, end)
    if not overlapping:
        return start, end
    first, last = overlapping[0].start_char, overlapping[-1].end_char
    # the parser runs a headline into the next line; a sentence never crosses a line break here
    line_start = ctx.text.rfind("\n", 0, start) + 1
    line_end = ctx.text.find("\n", end)
    line_end = len(ctx.text) if line_end < 0 else line_end
    return max(min(first, start), line_start), min(max(last, end), line_end)


def _date_said(ctx: ArticleContext, sent_start: int, sent_end: int, published) -> tuple[str, str]:
    """The date the attribution gives ("he said on March 12"), outside any quoted words.

    Only a date the parse attaches to a cue verb ("said on Tuesday", "told reporters Monday") or to
    no verb at all counts: "..., referring to the attack on March 3" dates the attack, not the
    remark.
    """
    best: tuple[int, int, str, str] | None = None
    for mention in dates.find_date_mentions(ctx.text[sent_start:sent_end]):
        m0, m1 = sent_start + mention.start, sent_start + mention.end
        if ctx.in_quote(m0):
            continue  # a date inside a quote is what was said, not when
        tokens = ctx.tokens_between(m0, m1)
        if not len(tokens):
            continue
        verb = next((t for t in tokens[0].ancestors if t.pos_ in {"VERB", "AUX"}), None)
        if verb is not None and verb.lemma_.lower() not in CUE_LEMMAS:
            continue
        resolved = dates.resolve_mention(mention, published)
        if resolved is None:
            continue
        rank = (0 if verb is not None else 1, abs(m0 - sent_start))
        if best is None or rank < best[:2]:
            best = (*rank, resolved.date, resolved.precision)
    return (best[2], best[3]) if best else ("", "")


def _stands_alone(text: str, span: QuoteSpan) -> bool:
    """The quote is a whole sentence of its own: nothing but marks around it up to the
    previous and next sentence boundary, so it can only continue the previous speaker's words."""
    open_at = span.open_at if span.open_at >= 0 else span.start
    before = text[max(0, open_at - 200) : open_at]
    before = re.split(r"[.!?…\n][\"'”’]?\s", before)[-1]  # from the last sentence boundary on
    after_mark = span.close_at + 1 if span.close_at >= 0 else span.end
    after = re.match(r"[^.!?…\n]*", text[after_mark : after_mark + 200]).group(0)
    return not before.strip(" \"'“”‘’") and not after.strip(" \"'“”‘’,")


def _opens_paragraph(text: str, span: QuoteSpan) -> bool:
    open_at = span.open_at if span.open_at >= 0 else span.start
    line_start = text.rfind("\n", 0, open_at) + 1
    return not text[line_start:open_at].strip(" \"'“‘«")


# A broadcast transcript's turn: the speaker's name in capitals and a colon open the line
# ("IVO MAREK: We have not ..."); the network's own people carry their role the first time
# ("ANNA BERG, HOST:", "ARVO LIND, BYLINE:") and their surname alone after that ("LIND:").
TRANSCRIPT_TURN = re.compile(
    r"^(?P<label>[A-Z][A-Z.'’\-]*(?: [A-Z][A-Z.'’\-]*){0,4})(?:, (?P<role>[A-Z][A-Z '\-]{1,30}))?:[ \t]*"
    r"(?P<said>[^\n]*)$",
    re.MULTILINE,
)
# Roles that mark the network's own journalists, whose turns are the report, not quotes.
JOURNALIST_ROLES = frozenset(
    "host byline anchor correspondent reporter co-host moderator interviewer presenter".split()
)


@dataclass(frozen=True)
class TranscriptTurn:
    """A newsmaker's turn in a broadcast transcript: the words (without the line's last full
    stop) and the name the label gives."""

    start: int
    end: int
    label: str
    name: str


def transcript_turns(text: str) -> list[TranscriptTurn]:
    """The newsmakers' turns of a broadcast transcript. A text is a transcript only when some
    label names a journalist's role ("HOST", "BYLINE"): capitals and a colon alone may be a
    dateline ("OSLO: ...") or a heading."""
    labels = list(TRANSCRIPT_TURN.finditer(text))
    journalists = {
        m["label"] for m in labels if m["role"] and m["role"].strip().lower() in JOURNALIST_ROLES
    }
    if not journalists:
        return []
    journalists |= {label.split()[-1] for label in journalists}  # "LIND:" after "ARVO LIND, BYLINE:"
    full_names = [m["label"] for m in labels if len(m["label"].split()) > 1 and m["label"] not in journalists]
    turns: list[TranscriptTurn] = []
    for m in labels:
        if m["label"] in journalists or m["role"] or not m["said"].strip():
            continue
        # "MAREK:" is the "IVO MAREK" who spoke before
        label = next((full for full in full_names if full.split()[-1] == m["label"]), m["label"])
        name = " ".join(word.capitalize() for word in label.split())
        start, end = _trim(text, m.start("said"), m.end("said"))
        if end > start:
            turns.append(TranscriptTurn(start, end, m["label"], name))
    return turns


def extract_quotes(doc: Doc, article: Article, ctx: ArticleContext) -> pd.DataFrame:
    """One row per direct quotation in the article, with its speaker resolved."""
    text = ctx.text  # Doc.text rebuilds the string on every access
    rows = []
    previous: tuple[int, Source | None] | None = None  # end of the last quote and its source
    turns = transcript_turns(text)
    # the context scanned the marks once already; scare quotes are kept there, dropped here;
    # marks inside a transcript turn are the speaker's own words, part of the turn
    spans = [
        span
        for span in ctx.quote_spans
        if not _is_scare_quote(text, span) and not _names_a_thing(ctx, span)
        and not any(turn.start <= span.start < turn.end for turn in turns)
    ]
    sources = {span.start: ctx.source_of_span(span.start, span.end) for span in spans}
    # a question put by someone the text never names is nobody's: no fallback fills it in
    unasked = {span.start for span in spans if ctx.asked_by_nobody_named(span.start, span.end)}
    for start in unasked:
        sources[start] = None
    group_source: dict[int, Source] = {}
    for span in spans:
        if sources[span.start] is not None:
            group_source.setdefault(span.group, sources[span.start])
    for here, after in zip(spans, spans[1:]):
        # a stray mark split one quotation in two ('... have. "Patriots ...," he concluded'):
        # words that run straight into the next quote share its speaker
        if (
            sources[here.start] is None
            and after.open_at >= 0
            and not text[here.end : after.open_at].strip(" .,\"'“”‘’")
        ):
            sources[here.start] = sources[after.start]
    for span in spans:
        if span.start in unasked:
            rows.append(_quote_row(article, ctx, span.start, span.end, None, dated=True))
            previous = None
            continue
        # a quote running over paragraphs is attributed once, in any of its paragraphs
        source = sources[span.start] or group_source.get(span.group)
        # a heading is no continuation of the paragraph before it (see _credit_from_elsewhere)
        alone = _stands_alone(text, span) and _heading_line(text, span.start) is None
        if source is None and previous is not None and previous[1] is not None and alone:
            gap = text[previous[0] : span.open_at if span.open_at >= 0 else span.start]
            if len(gap) <= CONTINUATION_GAP and gap.count("\n") <= 1:
                source = previous[1]  # “...,” he said. “More words.” -> the same speaker
        if source is None and alone and _opens_paragraph(text, span):
            # "X said the border would stay closed, he said." / "“More words.”": the paragraph
            # before names the speaker the quote goes on with
            source = ctx.speaker_of_previous_paragraph(span.start)
        rows.append(_quote_row(article, ctx, span.start, span.end, source, dated=True))
        previous = ((span.close_at + 1) if span.close_at >= 0 else span.end, source)
    for turn in turns:
        source = Source(turn.label, ctx.names.person(turn.name), "", "transcript", "person")
        rows.append(_quote_row(article, ctx, turn.start, turn.end, source, dated=False))
    if not rows:
        return schema.empty_frame("quotes")
    rows.sort(key=lambda row: row["start"])
    _credit_from_elsewhere([row for row in rows if row["start"] not in unasked], text)
    return schema.conform(pd.DataFrame(rows), "quotes")


def _quote_row(article: Article, ctx: ArticleContext, start: int, end: int, source: Source | None,
               *, dated: bool) -> dict:
    """One quotes-table row for the words at ``start:end``; ``dated`` looks for the day they were
    said in their sentence (a transcript turn has no such sentence)."""
    sent_start, sent_end = _sentence_bounds(ctx, start, end)
    date_said, precision = (
        _date_said(ctx, sent_start, sent_end, article.published) if dated else ("", ""))
    return {
        "quote_id": f"{article.article_id}:q:{start}",
        "article_id": article.article_id,
        "start": start,
        "end": end,
        "text": ctx.text[start:end],
        "speaker": source.name if source else "",
        "speaker_raw": PLACE_DATELINE.sub("", source.raw) if source else "",
        "speaker_country": source.country if source else "",
        "cue": source.cue if source else "",
        "speaker_kind": source.kind if source else "",
        "date_said": date_said,
        "date_precision": precision,
        "sentence_start": sent_start,
        "sentence_end": sent_end,
        "quote_cluster": "",
        "cluster_size": 1,
    }


# A heading (headline or crosshead) is a short line without a sentence's closing stop.
HEADING_MAX_CHARS = 100


def _heading_line(text: str, start: int) -> tuple[int, int] | None:
    """The bounds of the line holding ``start`` when that line is a heading, else ``None``."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line_end = len(text) if line_end < 0 else line_end
    line = text[line_start:line_end].strip()
    if not line or len(line) > HEADING_MAX_CHARS or re.search(r"[.!?…][\"'”’]?$", line):
        return None
    return line_start, line_end


def _credit_from_elsewhere(rows: list[dict], text: str) -> None:
    """A quote that names no speaker takes the speaker of the same words credited elsewhere in
    the article; one in a heading ("Riga ‘in contact’ with Oslo"), which pulls its words
    from the story below, else takes the first person quoted in the section the heading opens
    (up to the next heading) when that section uses the heading's words; any other, the source
    quoted just before it (same or previous paragraph), whose words a reporter's paraphrase goes
    on quoting. A headline's quote takes the one speaker the story gives the same words, over
    the headline's own shorthand credit; an unnamed role ("a spokesman", "Oslo's envoy") whose
    words a named person says again below was that person."""
    for row in rows:
        if row["speaker_kind"] == "role" and row["speaker_raw"].lower().split()[:1] != ["the"]:
            # "... will be 'fair game,' a White House spokesman said" in the lead, and the same
            # words later from "spokesman Arvo Lind": the unnamed role was that person; so was
            # "Norland's defense minister" whose words "he added" again after Lind was named
            title = _normalise(row["speaker_raw"]).split()[-1]
            words = _normalise(row["text"])
            named = next((
                o for o in rows
                if o["speaker_kind"] == "person" and o is not row
                and _same_quote(words, _normalise(o["text"]))
                and (title in _normalise(o["speaker_raw"]).split()
                     or (len(words.split()) >= 4 and fuzz.ratio(words, _normalise(o["text"])) >= 90))
            ), None)
            if named is not None:  # speaker_raw keeps the words used here
                for key in ("speaker", "speaker_country", "speaker_kind"):
                    row[key] = named[key]
                continue
        if _in_title(text, row["start"]) or _heading_line(text, row["start"]) is not None:
            # "'I want to live here': X posts video of captives": a headline's shorthand credit
            # gives way to the speaker the story itself gives the same words
            teller = _body_speaker_of(row, rows, text)
            if teller is not None:
                for key in ("speaker", "speaker_raw", "speaker_country", "cue", "speaker_kind"):
                    row[key] = teller[key]
                continue
        if row["speaker"]:
            continue
        words = _normalise(row["text"])
        credited = [other for other in rows if other["speaker"] and other is not row]
        # the same words credited elsewhere in the article are credited here too (a lead or a
        # heading quoting a remark the story gives in full)
        same = next((o for o in credited if _same_quote(words, _normalise(o["text"]))), None)
        if same is None and _heading_line(text, row["start"]) is not None:
            below = sorted((o for o in credited if o["start"] > row["end"]), key=lambda o: o["start"])
            section = []
            for other in below:
                heading = _heading_line(text, other["start"])
                if heading is not None or any(
                    _heading_line(text, at) for at in _line_starts(text, row["end"], other["start"])
                ):
                    break
                section.append(other)
            # only a section that uses the heading's words ('- "BRUTAL" FIGHTING -' over a cut
            # story that never says "brutal" credits nobody)
            end = section[-1]["end"] if section else row["end"]
            used = {w[:5] for w in _normalise(text[row["end"] : end + 400]).split()}
            if any(w[:5] in used for w in words.split() if w not in STOPWORDS):  # cross/crossing
                same = next((o for o in section if o["speaker_kind"] == "person"), None)
        if same is None and _heading_line(text, row["start"]) is None:
            # 'X said Y had congratulated Z on his "landslide victory". During the call, they
            # discussed "security"': a partial quote with no cue of its own goes on with the
            # source quoted last, in its paragraph or the one before
            before = [o for o in credited if o["end"] <= row["start"]
                      and text[o["end"] : row["start"]].count("\n") <= 1]
            same = max(before, key=lambda o: o["end"], default=None)
        if same is not None:
            for key in ("speaker", "speaker_raw", "speaker_country", "cue", "speaker_kind"):
                row[key] = same[key]


def _in_title(text: str, start: int) -> bool:
    """Whether ``start`` lies in the article's first line, its headline."""
    first_break = text.find("\n")
    return first_break < 0 or start < first_break


def _body_speaker_of(row: dict, rows: list[dict], text: str) -> dict | None:
    """The one speaker the story below the headline gives the words of a headline quote: the
    same words, or a body quote that holds them (a headline's 'precious' from "a precious common
    asset"); ``None`` when no body quote holds them or two speakers do."""
    words = _normalise(row["text"])
    if not words:
        return None
    pattern = re.compile(rf"\b{re.escape(words)}\b")
    tellers = [
        o for o in rows
        if o["speaker"] and o is not row and not _in_title(text, o["start"])
        and _heading_line(text, o["start"]) is None
        and (_same_quote(words, _normalise(o["text"])) or pattern.search(_normalise(o["text"])))
    ]
    if len({o["speaker"] for o in tellers}) != 1:
        return None
    return tellers[0]


def _line_starts(text: str, start: int, end: int) -> list[int]:
    """The first character of each line that begins between ``start`` and ``end``."""
    return [start + m.end() for m in re.finditer(r"\n(?=\S)", text[start:end])]


# ------------------------------------------------------------------------------ clustering
def _normalise(quote: str) -> str:
    s = unicodedata.normalize("NFKD", quote)
    s = "".join(c for c in s if not unicodedata.combining(c)).casefold()
    s = re.sub(r"[^\w\s]", " ", s.replace("’", "'"))
    return re.sub(r"\s+", " ", s).strip()


def _same_quote(a: str, b: str) -> bool:
    """The same words or a close paraphrase (translations vary a word or two)."""
    if not a or not b:
        return False
    short, long_ = sorted((a, b), key=len)
    if len(short.split()) >= 2 and short in long_:
        return True
    return fuzz.ratio(a, b) >= 85 or (min(len(a), len(b)) >= 40 and fuzz.token_set_ratio(a, b) >= 90)


STOPWORDS = frozenset(
    "a an the of to and or in on for with by at as is are was were be it its this that".split()
)


def _stems(quote: str) -> set[str]:
    """Content words cut to a crude stem, so 'escalate' and 'escalation' meet."""
    return {w[:6] for w in quote.split() if w not in STOPWORDS}


def _paraphrase(a: str, b: str) -> bool:
    """Translations of one remark differ in a word ('reckless, provocative moves' /
    'careless, provocative moves'): most content stems shared, at least two of them."""
    sa, sb = _stems(a), _stems(b)
    shared = sa & sb
    return len(shared) >= 2 and len(shared) / len(sa | sb) >= 0.5


def _compatible_speakers(a: str, b: str) -> bool:
    if not a or not b:
        return True
    if a == b:
        return True
    return fuzz.token_set_ratio(a.casefold(), b.casefold()) >= 90


def cluster_quotes(quotes: pd.DataFrame) -> pd.DataFrame:
    """Fill ``quote_cluster`` and ``cluster_size`` (distinct articles) across the corpus.

    Two quotes join when their normalised words are the same or nearly (fuzzy ratio) and their
    speakers are compatible (equal, alike, or one unknown), or when the same known speaker is
    reported in other words for one remark in another article (most content stems shared). The
    id is "qc-" plus a short hash of the first member's ``quote_id`` (by article, then offset), so
    it is stable as long as that quote is.
    """
    out = quotes.copy()
    if out.empty:
        out["quote_cluster"] = pd.Series(dtype=object)
        out["cluster_size"] = pd.Series(dtype="int64")
        return out
    ordered = out.sort_values(["article_id", "start"], kind="stable")
    labels = ordered.index.tolist()
    articles = ordered["article_id"].astype(str).tolist()
    speakers = ordered["speaker"].fillna("").astype(str).tolist()
    quote_ids = ordered["quote_id"].astype(str).tolist()
    norms = [_normalise(t) for t in ordered["text"].fillna("").astype(str)]
    stems = [_stems(n) for n in norms]
    sets = DisjointSets(len(labels))

    # only quotes sharing a content word can be one remark: compare within those blocks
    by_stem: dict[str, list[int]] = {}
    for i, words in enumerate(stems):
        for word in words:
            by_stem.setdefault(word, []).append(i)
    for a in range(len(labels)):
        candidates = sorted({b for word in stems[a] for b in by_stem[word] if b > a})
        for b in candidates:
            same = _same_quote(norms[a], norms[b]) and _compatible_speakers(speakers[a], speakers[b])
            # a looser paraphrase needs the very same (known) speaker, in another article: one
            # remark translated twice is reported by two outlets, not twice by one
            reworded = (
                bool(speakers[a])
                and speakers[a] == speakers[b]
                and articles[a] != articles[b]
                and _paraphrase(norms[a], norms[b])
            )
            if same or reworded:
                sets.union(a, b)
    # the first member in reading order names the cluster, so ids stay stable
    ids, sizes = label_clusters(sets, row_ids=quote_ids, article_ids=articles, prefix="qc-")
    cluster, size = dict(zip(labels, ids)), dict(zip(labels, sizes))
    out["quote_cluster"] = [cluster[label] for label in out.index]
    out["cluster_size"] = pd.Series([size[label] for label in out.index], index=out.index, dtype="int64")
    return out


__all__ = ["QuoteSpan", "TranscriptTurn", "find_quote_spans", "transcript_turns", "extract_quotes", "cluster_quotes"]
