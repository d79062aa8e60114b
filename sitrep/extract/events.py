"""Dated events: what happened when, who did it, and the same happening across articles.

An analyst's timeline is only as good as its dates, so an event row exists only where the text
dates it. :func:`extract_events` starts from every date expression the foundation's resolver
(:mod:`sitrep.dates`) finds and resolves to at least a month, climbs the dependency parse to the
predicate that expression modifies, and reads the clause around that predicate: its agent (the
actor, named canonically through the article context), its verb (the event type, from closed-class
cue lemmas) and its object (a short headline-style summary). A date on an event noun that bounds
the clause ("since Ruritania's February 2022 invasion") dates that noun's event instead. Rules add
rows the text dates only indirectly:

* a reaction to a point-like act ("condemned the signing of an agreement in June") also dates the
  act itself, because nobody condemns a signing months before it happens;
* "two days after X confirmed" dates X from the frame's day (or publication, for "This comes a day
  after");
* a clause with "later", "since" or "subsequently" and no date of its own, after a dated event, lies
  between that event and publication: it gets the publication month when both fall in one month,
  and no row otherwise;
* "at the time" / "at that time", "the same day" and "earlier in the day" take the date of the last
  dated event before them; "the previous day" / "the day before" and "the next day" step a day
  from it (only from a day, not a month).

Expressions that date nothing are dropped: bounds ("after June 3"), spans over several months
("in January and February"), durations ("in the last month"), datelines, page furniture
("Updated: ..."), statistics about a period ("November was the costliest month"), what has not
happened yet (future tense, dates after publication), and relative expressions ("on Tuesday",
"last week") that different days of an inferred publication window (``Article.published_window``)
would resolve differently: a wrong day is worse than none.

:func:`cluster_events` then gives the same happening reported by several articles one
``event_cluster`` id. What this module does not do: it never dates a clause whose date the text does
not give (year-only and "recent" expressions are the resolver's to refuse), never guesses a day from
outside knowledge, and never names a person it has not read in the article.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import pandas as pd
from rapidfuzz import fuzz
from spacy.tokens import Doc, Span, Token

from sitrep.article import Article
from sitrep.clusters import DisjointSets, label_clusters
from sitrep.dates import (
    DateMention,
    dateline_end,
    find_date_mentions,
    in_future_clause,
    resolve_mention,
    resolve_mention_within,
)
from sitrep.extract.numbers import parse_number
from sitrep.names import NameBook, clean_name, name_key
from sitrep.schema import conform, empty_frame

if TYPE_CHECKING:  # the context is built by the caller; only its type is needed here
    from sitrep.extract.attribution import ArticleContext

# Cue lemmas per event type. These are closed-class vocabularies of English verbs of saying,
# meeting, moving and fighting, not strings from any article.
VERB_TYPES: dict[str, frozenset[str]] = {
    "warning": frozenset(
        "warn caution threaten alert admonish"
        .split()),
    "statement": frozenset(
        """say state tell add announce declare claim assert stress emphasize emphasise note
        reiterate reaffirm vow pledge promise express voice label call describe deny reject
        dismiss hint suggest urge insist respond comment argue accuse praise welcome criticize
        criticise point signal indicate stated write post tweet answer""".split()),
    "meeting": frozenset(
        "meet visit host talk discuss confer convene speak hold attend receive".split()),
    "diplomatic": frozenset(
        """summon expel condemn denounce protest sanction recall negotiate sever recognize
        recognise consult appoint accredit""".split()),
    "deployment": frozenset(
        "deploy dispatch station mobilize mobilise redeploy withdraw evacuate mass arrive enter cross retreat"
        .split()),
    "attack": frozenset(
        """attack strike shell bomb invade raid assault hit shoot target fire launch capture
        seize occupy advance repel begin start erupt escalate""".split()),
    "casualties": frozenset("kill die wound injure perish slay".split()),
    "transfer": frozenset(
        "send ship supply deliver provide transfer export sell donate smuggle".split()),
    "agreement": frozenset(
        "sign agree ink conclude ratify approve adopt endorse seal accept".split()),
    "report": frozenset(
        """report reveal disclose publish release verify confirm corroborate find estimate
        assess document detect show share uncover identify establish learn""".split()),
}
_TYPE_OF_VERB = {lemma: kind for kind, lemmas in VERB_TYPES.items() for lemma in lemmas}

# Nouns that make a light verb ("issued the warning", "held talks", "voiced threats") mean
# something specific: the noun decides the type.
NOUN_TYPES: dict[str, str] = {
    **dict.fromkeys("warning threat ultimatum caution".split(), "warning"),
    **dict.fromkeys("statement remark speech address comment declaration".split(), "statement"),
    **dict.fromkeys("meeting talk talks summit conference call visit consultation".split(), "meeting"),
    **dict.fromkeys("agreement deal pact treaty accord partnership memorandum".split(), "agreement"),
    **dict.fromkeys("report assessment estimate".split(), "report"),
    **dict.fromkeys("attack strike offensive assault invasion battle clash raid shelling".split(), "attack"),
}
LIGHT_VERBS = frozenset("issue voice make give deliver hold have conduct express release".split())

# Who can be deployed: a "sent" whose object is people is a deployment, otherwise a transfer.
PERSONNEL_NOUNS = frozenset(
    """troop soldier force personnel unit commando infantryman brigade battalion division regiment
    mercenary officer fighter sailor marine pilot worker specialist instructor adviser advisor
    army contingent engineer volunteer reservist conscript recruit paratrooper sniper medic guard
    peacekeeper staff crew operator infantry""".split())
CASUALTY_NOUNS = frozenset("toll casualty death fatality".split())
WAR_NOUNS = frozenset("war conflict invasion offensive fighting hostility operation".split())

# A reaction to a point-like act dates that act as well.
REACTION_VERBS = frozenset(
    "condemn welcome denounce criticize criticise praise protest hail applaud mark celebrate".split())
POINT_EVENT_NOUNS: dict[str, tuple[str, str]] = {  # noun lemma -> (verb for the summary, type)
    "signing": ("sign", "agreement"), "launch": ("launch", "attack"), "test": ("test", "other"),
    "visit": ("visit", "meeting"), "summit": ("hold", "meeting"), "meeting": ("meet", "meeting"),
    "talk": ("hold", "meeting"), "attack": ("attack", "attack"), "strike": ("strike", "attack"),
    "assassination": ("assassinate", "attack"), "killing": ("kill", "casualties"),
    "arrest": ("arrest", "other"), "announcement": ("announce", "statement"),
    "invasion": ("invade", "attack"), "execution": ("execute", "other"),
}

# Passive verbs of planning: what "is expected" or "was scheduled" for a date had not happened.
PLAN_VERBS = frozenset("expect schedule slate plan".split())
# Verbs of a timetable, which the present tense puts ahead ("the contract expires on 31 December";
# ``sitrep.dates.SCHEDULED_PRESENT`` reads the same timetable for publication inference).
SCHEDULE_VERBS = frozenset("expire end begin start resume open close".split())
# Prepositions that put a clause before or after a date rather than on it ("after June 3",
# "ahead of the November 5 election"): the clause is not dated by that expression; "by December"
# is a deadline, so the deployment "expected to be completed by December" has no date.
BOUND_PREPS = frozenset("after before until till following ahead prior pending by".split())
# Verbs of a page's own furniture ("Published on 3 March", "Updated: Monday"): not events.
METADATA_VERBS = frozenset("publish update post modify edit create file".split())

# Numbers about a period are statistics, not events: "the casualty rate reached 559 in
# November", "41,980 casualties were recorded in October".
STATISTIC_NOUNS = frozenset(
    "number rate average total toll count figure level tally share percentage proportion price cost "
    "index sum amount volume".split())
STATISTIC_VERBS = frozenset(
    "record reach register total rise fall increase decrease climb drop stand exceed surpass average "
    "amount double triple grow decline soar plunge".split())

# Subjects that are happenings or quantities, not actors.
NON_ACTOR_NOUNS = WAR_NOUNS | STATISTIC_NOUNS | frozenset(
    """shelling bombing attack strike explosion blast fire flood storm earthquake talk talks
    meeting summit conference visit election ceasefire truce battle clash skirmish raid assault""".split())

# What an existential "there were N ... on <day>" may count and still be news of that day.
HAPPENING_NOUNS = (NON_ACTOR_NOUNS - STATISTIC_NOUNS) | frozenset(
    "engagement incident drone missile".split())

MONTH_NAMES = tuple(calendar.month_name[1:])
_MONTH_NAME = re.compile("|".join(MONTH_NAMES), re.IGNORECASE)
# Two expressions joined like this are one span of time ("in January and February", "June 3-5").
_DATE_JOINER = re.compile(r"\s*(?:,|and|or|&|to|through|until|till|-|–|—|,\s*and|,\s*or|\()\s*", re.IGNORECASE)
# An expression that opens a range whose other end the resolver did not read ("January-March").
_RANGE_TAIL = re.compile(
    r"\s*(?:-|–|—|to\b|through\b|until\b|till\b)\s*(?:the\s+)?(?:end\s+of\s+|early\s+|late\s+|mid-?)?"
    rf"(?:{'|'.join(MONTH_NAMES)}|\d)", re.IGNORECASE)
_RANGE_HEAD = re.compile(
    rf"(?:{'|'.join(MONTH_NAMES)}|\d)\s*(?:-|–|—|to|through|until|till)\s*$", re.IGNORECASE)

# Words that tie an undated clause to the narrative's last dated event.
AFTER_CUES = frozenset("later since subsequently afterwards afterward".split())
SAME_TIME_NOUNS = frozenset({"time"})  # "at the time", "at that time"
SAME_DAY_NOUNS = frozenset({"day"})  # "on the same day", "that same day", "on that day"
# "the previous day", "the day before", "the next day": a day's step from the day told before.
DAY_OFFSET_WORDS = {"previous": -1, "before": -1, "next": 1, "following": 1, "after": 1}

PLURAL_ANAPHOR_NOUNS = frozenset("country nation side state government neighbour neighbor ally".split())
SUBJECT_DEPS = ("nsubj", "csubj")
CLAUSE_DEPS = frozenset("ccomp advcl conj xcomp relcl parataxis acl csubj".split())
MAX_SUMMARY_WORDS = 12


@dataclass
class _Row:
    """One event before it becomes a table row."""

    event_id: str
    start: int
    end: int
    date_text: str
    date: str
    precision: str
    actor: str
    actor_raw: str
    actor_country: str
    event_type: str
    summary: str
    # not columns: bookkeeping for the later rules
    verb_char: int = -1
    date_start: int = -1
    unit_index: int = 0


@dataclass(frozen=True)
class _Actor:
    raw: str
    name: str
    country: str
    plural: bool


# ---------------------------------------------------------------- dates


def _iso(resolved) -> tuple[str, str] | None:
    """(ISO date, precision) for a resolver result, or None when it is coarser than a month."""
    precision = getattr(resolved, "precision", "")
    value = getattr(resolved, "date", None)
    if value is None or precision not in ("day", "month"):
        return None
    text = value.isoformat() if hasattr(value, "isoformat") else str(value)
    return (text[:10], "day") if precision == "day" else (text[:7], "month")


def _compatible(a: str, b: str) -> bool:
    """Two ISO dates that can name the same time: equal, or a month holding the day."""
    short, long_ = sorted((a, b), key=len)
    return bool(short) and long_.startswith(short)


# ---------------------------------------------------------------- sentences


@dataclass(frozen=True)
class _Unit:
    """One sentence of the article's doc and its position among the non-empty sentences."""

    sent: Span
    index: int

    @property
    def start(self) -> int:
        return self.sent.start_char

    @property
    def end(self) -> int:
        return self.sent.end_char


def _units(doc: Doc) -> list[_Unit]:
    """The article's sentences, in order. A line break always ends one (see ``sitrep.nlp``), so a
    headline is never parsed into the sentence after it."""
    units: list[_Unit] = []
    for sent in doc.sents:
        if sent.text.strip():
            units.append(_Unit(sent, len(units)))
    return units


def _unit_at(units: list[_Unit], char: int, starts: list[int]) -> _Unit | None:
    """The sentence holding ``char``; ``starts`` are the units' starts in text order."""
    i = bisect.bisect_right(starts, char) - 1
    return units[i] if 0 <= i < len(units) and units[i].start <= char < units[i].end else None


# ---------------------------------------------------------------- parse helpers


def _predicate(token: Token) -> Token:
    """The verb a date expression modifies: climb heads to the nearest clausal verb.

    Participles used as adjectives ("the growing collaboration") are not predicates. When no verb
    governs the expression (a headline fragment), the sentence root stands in.
    """
    current = token
    while True:
        if current.pos_ == "VERB" and current.dep_ not in ("amod", "aux", "auxpass"):
            return current
        if current.pos_ == "AUX" and current.dep_ == "ROOT":
            return current
        if current.head.i == current.i:
            return current
        current = current.head


def _bounding_prep(span: Span) -> bool:
    """True when the expression is a bound ("after June 3", "until Friday"), not a date."""
    first = span[0].lower_
    prep = span.root.head if span.root.dep_ == "pobj" else None
    words = {first}
    if prep is not None and prep.dep_ in ("prep", "pcomp"):
        words.add(prep.lower_)
        if prep.lower_ in ("of", "to") and prep.head.i != prep.i:
            words.add(prep.head.lower_)  # "ahead of", "prior to"
    return bool(words & BOUND_PREPS)


def _event_noun(date_root: Token) -> Token | None:
    """The event noun a date modifies when that noun's event bounds the clause.

    "After the October 17 press conference, he flew home": the date is the conference's, and the
    flight is not dated by it; "since Ruritania's February 2022 invasion" dates the invasion.
    """
    current = date_root
    while current.pos_ != "VERB" and current.head.i != current.i:
        head = current.head
        if head.pos_ in ("NOUN", "PROPN") and current.dep_ in (
                "compound", "nmod", "npadvmod", "poss", "nummod", "amod", "prep"):
            noun = head
            prep = noun.head if noun.dep_ == "pobj" else None
            if prep is not None:
                words = {prep.lower_}
                if prep.lower_ in ("of", "to"):
                    words.add(prep.head.lower_)
                if words & (BOUND_PREPS | {"since"}):
                    return noun
        current = head
    return None


# "LISBON (Reuters): ", "WARSAW, Oct. 23 (AP) -- ": a wire credit that opens a line
_WIRE_CREDIT = re.compile(r"[A-Z][A-Z.'’ -]+(?:,[^()\n]{0,30})?\s*\([^)\n]{1,40}\)\s*(?::|-{1,2}|–|—)\s*")


def _after_dateline(text: str, start: int, end: int) -> int:
    """Where a span's own words begin when it opens with a dateline; else ``start``."""
    line_start = text.rfind("\n", 0, start) + 1
    credit = _WIRE_CREDIT.match(text, line_start)
    if credit and credit.end() > start and credit.end() < end:
        return credit.end()
    for mention in find_date_mentions(text[line_start:end]):
        m_start, m_end = line_start + mention.start, line_start + mention.end
        words_from = dateline_end(text, m_start, m_end, first_lines_only=False)
        if words_from is not None and words_from > start:
            return words_from
    return start


def _attach_to_speech(verb: Token, span: Span) -> Token:
    """"said on Wednesday it had shot down": the date is the saying's, whatever the parser says.

    A date that stands between a cue verb and the subject of the clause it reports belongs to the
    cue verb; the reported clause is what was said that day.
    """
    head = verb.head
    if verb.dep_ != "ccomp" or head.i == verb.i or head.i > span.start:
        return verb
    if _TYPE_OF_VERB.get(head.lemma_.lower()) not in ("statement", "warning", "report"):
        return verb
    subject = _subject(verb) or next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if subject is not None and span.end <= subject.left_edge.i:
        return head
    return verb


def _subtree_ids(token: Token) -> set[int]:
    return {t.i for t in token.subtree}


def _clause_tokens(verb: Token, *, exclude: set[int] = frozenset()) -> list[Token]:
    """The verb's clause, without clausal children that hold another event's date.

    Subtrees are contiguous, so dropping a child at the edge of the clause keeps it one span; a
    child in the middle is kept rather than tearing the span apart. A conjoined verb that shares
    its subject ("Ruritania had said ..., and reiterated that stance on Tuesday") starts at that
    subject, so the evidence says who acted.
    """
    tokens = list(verb.subtree)
    for child in verb.children:
        if child.dep_ not in CLAUSE_DEPS:
            continue
        sub = list(child.subtree)
        if not exclude & {t.i for t in sub}:
            continue
        if sub[-1].i == tokens[-1].i or sub[0].i == tokens[0].i:
            drop = {t.i for t in sub}
            tokens = [t for t in tokens if t.i not in drop]
    if verb.dep_ == "relcl" and verb.head.left_edge.i < tokens[0].i:
        # "the talks, which began on March 28": the evidence names what began
        tokens = list(verb.doc[verb.head.left_edge.i:tokens[-1].i + 1])
    if verb.dep_ == "conj" and _subject(verb) is None:
        shared = _subject(verb.head)
        if shared is not None and shared.left_edge.i < tokens[0].i:
            tokens = list(verb.doc[shared.left_edge.i:tokens[-1].i + 1])
    sentence = verb.sent
    tokens = [t for t in tokens if sentence.start <= t.i < sentence.end and not t.is_space]
    while tokens and (tokens[0].is_punct or tokens[0].dep_ == "cc"
                      or tokens[0].dep_ == "mark" and tokens[0].lower_ != "since"):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct and not tokens[-1].is_quote or tokens[-1].dep_ == "cc"):
        tokens = tokens[:-1]
    return tokens or [verb]


def _np_tokens(head: Token) -> list[Token]:
    """A noun phrase up to its head's comma-led apposition or relative clause."""
    keep: list[Token] = []
    for t in head.subtree:
        if t.i > head.i and (t.is_punct or t.is_space or t.dep_ in ("relcl", "acl", "cc") and t.head.i == head.i):
            break
        keep.append(t)
    while keep and (keep[0].is_punct or keep[0].is_space):
        keep = keep[1:]
    return keep or [head]


def _text(tokens: Iterable[Token]) -> str:
    """Tokens joined as written (hyphenated compounds stay joined; gaps become one space)."""
    out = ""
    previous: Token | None = None
    for t in sorted(tokens, key=lambda t: t.i):
        if t.is_space:
            continue
        if previous is not None and t.i != previous.i + 1 and not out.endswith(" "):
            out += " "
        word = t.text
        # a capital that only marks the start of a sentence (or of a quote) is not the phrase's
        if out == "" and t.text != "I" and not t.text.isupper() and (
                t.pos_ in ("DET", "PRON", "ADV", "ADP", "CCONJ", "SCONJ", "AUX", "PART", "VERB")
                or t.pos_ in ("NOUN", "ADJ") and t.is_sent_start and not t.ent_type_):
            word = word[:1].lower() + word[1:]
        out += word + t.whitespace_
        previous = t
    return re.sub(r"\s+", " ", out).strip(" ,;:")


# ---------------------------------------------------------------- actors


def _country_pair_before(head: Token, ctx: ArticleContext) -> list[str]:
    """The two countries a phrase like "the two countries" (headed by ``head``) points back to.

    A coordination of two places ("between Minsk and Tehran") in the same or the two previous
    sentences wins; else the last two distinct countries mentioned there.
    """
    doc, names, before = head.doc, ctx.names, head.i
    sentence_starts = [s.start for s in ctx.sentences if s.start <= before]
    window_start = sentence_starts[-3] if len(sentence_starts) >= 3 else 0
    ent_of = {t.i: e for e in doc.ents for t in e}
    seen: list[tuple[int, str]] = []
    pair: list[str] = []
    for token in doc[window_start:before]:
        ent = ent_of.get(token.i)
        if ent is None or ent.label_ not in ("GPE", "NORP") or token.i != ent.root.i:
            continue
        place = names.aliases.place(clean_name(ent.text).rstrip("-‐‑"))
        if place is None:
            continue
        seen.append((token.i, place.country))
        if token.dep_ == "conj":
            head_place = next((c for i, c in seen if i == token.head.i), None)
            if head_place and head_place != place.country:
                pair = [head_place, place.country]
    if pair:
        return sorted(pair)
    distinct: list[str] = []
    for _, country in reversed(seen):
        if country not in distinct:
            distinct.append(country)
        if len(distinct) == 2:
            return sorted(distinct)
    return []


def _resolve_one(doc: Doc, tokens: list[Token], ctx: ArticleContext) -> tuple[str, str, str]:
    """(raw, canonical, country) of one noun phrase, through the article context."""
    names = ctx.names
    raw = _text(tokens)
    span = doc[tokens[0].i:tokens[-1].i + 1]
    if len(span) == 0:
        name = names.body(raw)
        return raw, name, names.country(name)
    source = ctx.resolve_np(span)
    # the alias table knows descriptions too ("Ruritania's intelligence agency")
    name = names.aliases.canonical(clean_name(raw)) or source.name or clean_name(raw)
    if " " not in name and name.islower():  # "Park's administration" is more than "administration"
        name = clean_name(raw)
    return (source.raw or raw), name, source.country or names.country(name)


def _resolve_actor(head: Token, doc: Doc, ctx: ArticleContext) -> _Actor:
    """Canonical actor for a noun phrase headed by ``head`` (coordinations joined with "and")."""
    named = next((c for c in head.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"), None)
    if named is not None and head.ent_type_ != "PERSON":
        # "the First Deputy Speaker of Parliament, Mohsen al-Mandawi": the person is the actor
        raw_tokens = [t for t in named.subtree if not t.is_punct]
        raw, name, country = _resolve_one(doc, raw_tokens, ctx)
        title = _text(_np_tokens(head))
        return _Actor(f"{title}, {raw}", name, country, False)
    members = [head, *[c for c in head.children if c.dep_ == "conj"]]
    raw_tokens = _np_tokens(head)
    if head.lemma_.lower() in PLURAL_ANAPHOR_NOUNS and any(c.lower_ in ("two", "both") for c in head.children):
        pair = _country_pair_before(head, ctx)
        if pair:
            return _Actor(_text(raw_tokens), " and ".join(pair), "", True)
    if len(members) > 1:
        resolved: list[str] = []
        for member in members:
            left = min(t.i for t in member.subtree if t.dep_ not in ("cc", "conj") or t.i == member.i)
            if member.i == head.i:
                left = raw_tokens[0].i
            tokens = list(member.doc[left:member.i + 1])
            resolved.append(_resolve_one(doc, tokens, ctx)[1])
        full = list(head.doc[raw_tokens[0].i:max(m.i for m in members) + 1])
        return _Actor(_text(full), " and ".join(sorted(dict.fromkeys(resolved))), "", True)
    raw, name, country = _resolve_one(doc, raw_tokens, ctx)
    # "Italian authorities" named as "Italian government" is one body: agreement follows the name
    plural = (head.tag_ in ("NNS", "NNPS") or head.lower_ in ("they", "we")) and (
        name_key(name) == name_key(clean_name(raw)) or name.islower())
    return _Actor(raw, name, country, plural)


def _countries_in(tokens: Iterable[Token], names: NameBook) -> list[str]:
    found: list[str] = []
    for token in tokens:
        if token.ent_type_ in ("GPE", "NORP"):
            place = names.aliases.place(token.text) or names.aliases.place(
                " ".join(t.text for t in token.doc[max(token.i - 1, 0):token.i + 1]))
            if place and place.country not in found:
                found.append(place.country)
    return found


def _subject(verb: Token) -> Token | None:
    """The verb's subject; of two ("WARSAW (Reuters): Nowak said"), the one nearest the verb."""
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    if not subjects:
        return None
    before = [c for c in subjects if c.i < verb.i]
    return max(before, key=lambda c: c.i) if before else subjects[0]


def _agent(verb: Token) -> Token | None:
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    return next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None


def _is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def _reduced_relative(verb: Token) -> Token | None:
    """The noun a bare participle describes: "a summit held in Tokyo", "the truce agreed last Tuesday".

    The parser may hang such a participle on the noun (acl) or on the clause (advcl); either way
    it has no subject or auxiliary of its own and follows the noun directly.
    """
    if verb.tag_ not in ("VBN", "VBD") or verb.dep_ not in ("acl", "advcl"):
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "mark") for c in verb.children):
        return None
    if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
        return verb.head
    previous = verb.doc[verb.i - 1] if verb.i > 0 else None
    if previous is not None and previous.pos_ in ("NOUN", "PROPN") and verb.tag_ == "VBD":
        return previous
    return None


def _actor_head(verb: Token) -> Token | None:
    """The noun that names who acted.

    Active: the subject. Passive: the "by" agent, else the subject of a reported clause ("it was
    reported that X ..."), else the parties of "between X and Y", else the origin of what was
    moved ("forces from X were sent"). Clauses without a subject of their own (conjoined verbs,
    participles) share their head verb's.
    """
    if _reduced_relative(verb) is not None:
        return None  # "the truce agreed last Tuesday" does not say who agreed
    if not _is_passive(verb):
        subject = _subject(verb)
        if subject is not None and subject.dep_ == "csubj":
            subject = None
        if subject is not None and subject.lower_ in ("who", "which", "that") and verb.dep_ == "relcl":
            return verb.head
        if subject is not None:
            return subject
    else:
        agent = _agent(verb)
        if agent is not None:
            return agent
        patient = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        complement = next((c for c in verb.children if c.dep_ == "ccomp"), None)
        if patient is not None and patient.lower_ == "it" and complement is not None:
            return _actor_head(complement)
        between = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "between"), None)
        if between is not None:
            return next((c for c in between.children if c.dep_ == "pobj"), None)
        if patient is not None:
            origin = next((c for c in patient.children if c.dep_ == "prep" and c.lower_ == "from"), None)
            if origin is not None:
                return next((c for c in origin.children if c.dep_ == "pobj"), None)
        return None
    if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head.i != verb.i:
        return _actor_head(verb.head)
    return None


def _actor(verb: Token, doc: Doc, ctx: ArticleContext) -> _Actor:
    if _existential_subject(verb) is not None:
        # "there were 30 battles": nobody acted, but someone reported it
        reporter = _reporter(verb)
        return _actor(reporter, doc, ctx) if reporter is not None else _Actor("", "", "", False)
    head = _actor_head(verb)
    # "the conflict began", "the death toll rose", "Monday's shelling killed nine": nobody acted
    if head is None or head.lemma_.lower() in NON_ACTOR_NOUNS or head.ent_type_ == "DATE":
        return _Actor("", "", "", False)
    actor = _resolve_actor(head, doc, ctx)
    if _is_date_words(actor.name):
        return _Actor("", "", "", False)  # a pronoun resolved to a period ("it" -> "November 2024")
    return actor


def _is_date_words(name: str) -> bool:
    """True when a name is mostly a date expression ("November 2024", "The twenty-eighth of May")."""
    covered = sum(m.end - m.start for m in find_date_mentions(name))
    return bool(name) and covered >= 0.6 * len(name.strip())


# ---------------------------------------------------------------- type and summary


def _object(verb: Token) -> Token | None:
    if verb.dep_ == "amod":  # "has since shared intelligence" parsed as an adjective
        return verb.head
    return next((c for c in verb.children if c.dep_ in ("dobj", "attr", "oprd")), None)


def event_type_of(verb: Token) -> str:
    """The event type a predicate's lemma (and, for light verbs, its object) signals."""
    lemma = verb.lemma_.lower()
    counted = _existential_subject(verb)
    if counted is not None:  # "there were 30 battles"
        return NOUN_TYPES.get(counted.lemma_.lower(), "other")
    obj = _object(verb)
    obj_lemma = obj.lemma_.lower() if obj is not None else ""
    if lemma in LIGHT_VERBS and obj_lemma in NOUN_TYPES:
        return NOUN_TYPES[obj_lemma]
    if obj_lemma in ("sanction", "sanctions", "embargo"):
        return "diplomatic"  # imposing, extending or lifting sanctions
    if lemma in ("send", "move", "transfer", "dispatch", "deploy"):
        moved = obj if obj is not None else next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        if moved is not None and moved.lemma_.lower() in PERSONNEL_NOUNS:
            return "deployment"
        return "deployment" if lemma in ("dispatch", "deploy") else "transfer"
    if lemma in ("begin", "start", "erupt", "escalate"):
        subject = _subject(verb)
        return "attack" if subject is not None and subject.lemma_.lower() in WAR_NOUNS else "other"
    subject = _subject(verb) or next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if subject is not None and subject.lemma_.lower() in CASUALTY_NOUNS:
        return "casualties"  # "the death toll rose to 14"
    if lemma in ("hold", "attend", "receive") and obj_lemma not in NOUN_TYPES:
        return "other" if lemma == "hold" else "meeting"
    return _TYPE_OF_VERB.get(lemma, "other")


def _present(lemma: str, *, plural: bool) -> str:
    """Headline tense: 'warn' -> 'warns' ('warn' after a plural actor)."""
    if lemma == "be":
        return "are" if plural else "is"
    if plural:
        return lemma
    if lemma == "have":
        return "has"
    if re.search(r"(s|sh|ch|x|z|o)$", lemma):
        return lemma + "es"
    if re.search(r"[^aeiou]y$", lemma):
        return lemma[:-1] + "ies"
    return lemma + "s"


ASIDE_DEPS = frozenset("relcl appos advcl parataxis".split())
OPTIONAL_DEPS = frozenset(
    "prep acl advcl advmod npadvmod conj cc xcomp dative agent pcomp appos relcl punct".split())
TRAILING_JUNK = frozenset("cc prep det mark case aux auxpass punct".split())


def _phrase(head: Token, *, skip: set[int], max_words: int) -> list[Token]:
    """The words under ``head`` that make a headline: no dates, no asides, at most ``max_words``.

    Modifiers go rightmost first, so the core ("Ruritania could deploy up to 100,000 troops")
    survives and its trailing purpose or place goes.
    """
    keep = _subtree_ids(head) - skip
    for t in head.subtree:
        if t.i != head.i and (t.dep_ in ASIDE_DEPS or t.dep_ == "mark" and t.head.i == head.i):
            keep -= _subtree_ids(t)
        if t.is_quote or t.is_space:
            keep.discard(t.i)

    def words() -> int:
        return len(_text(head.doc[i] for i in keep).split())

    while words() > max_words:
        optional = [t for t in head.subtree if t.i in keep and t.i != head.i and t.dep_ in OPTIONAL_DEPS]
        if not optional:
            break
        # a coordination is split only when nothing else can go ("Ruritania and Freedonia")
        loose = [t for t in optional if t.dep_ not in ("conj", "cc")] or optional
        keep -= _subtree_ids(max(loose, key=lambda t: t.i))
    # a possessive ending whose owner went ("Monday's shelling" without "Monday")
    keep -= {i for i in keep if head.doc[i].dep_ == "case" and head.doc[i].head.i not in keep}
    tokens = sorted((head.doc[i] for i in keep), key=lambda t: t.i)
    while tokens and (tokens[-1].is_punct or tokens[-1].dep_ in TRAILING_JUNK):
        tokens = tokens[:-1]
    while tokens and tokens[0].is_punct:
        tokens = tokens[1:]
    return tokens


def _fit(words: str) -> str:
    parts = words.split()
    if len(parts) > MAX_SUMMARY_WORDS:
        parts = parts[:MAX_SUMMARY_WORDS]
        while parts and parts[-1].lower() in ("the", "a", "an", "of", "to", "and", "in", "on", "for",
                                              "with", "that", "its", "their", "his", "her"):
            parts.pop()
    text = " ".join(parts).strip(" ,;:")
    return text[:1].upper() + text[1:]


def summarize(verb: Token, actor: _Actor, *, skip: set[int]) -> str:
    """Actor, verb and object as a headline of at most twelve words."""
    counted = _existential_subject(verb)
    if counted is not None:  # "there were 30 battles on the town": what was counted, and where
        skip = skip | {verb.i} | {c.i for c in counted.children if c.lower_ == "there"}
        lead = f"{actor.name} {_present('report', plural=actor.plural)}" if actor.name else ""
        budget = MAX_SUMMARY_WORDS - len(lead.split())
        what = _text(_phrase(counted, skip=skip, max_words=max(budget - 3, 2)))
        where = next((c for c in verb.children if c.dep_ == "prep" and c.i > counted.i
                      and not _subtree_ids(c) & skip), None)
        rest = _text(_phrase(where, skip=skip, max_words=budget - len(what.split()))) if where is not None else ""
        return _fit(" ".join(w for w in (lead, what, rest) if w))
    patient = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    complement = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    passive = _is_passive(verb)
    patient_skip = set(skip)
    described = _reduced_relative(verb)
    if described is not None:
        # "a summit held with X in Tokyo Thursday": the summit is what was held
        patient, passive = described, True
        patient_skip |= _subtree_ids(verb) | {
            t.i for t in described.subtree if t.i < described.i and t.dep_ in ("det", "poss")}
        if described.i < verb.i and verb.head.i != described.i:
            patient_skip |= {t.i for t in described.subtree if t.i > described.i}
    if passive and patient is not None and patient.lower_ == "it" and complement is not None:
        # "it was reported that X did Y": the happening is X doing Y
        return summarize(complement, actor, skip=skip)
    skip = skip | {verb.i}
    negated = any(c.dep_ == "neg" for c in verb.children)
    if passive and _agent(verb) is None and patient is not None and actor.name:
        # the actor came from elsewhere ("between X and Y", "forces from X"): say it actively
        origin = {t.i for c in patient.children if c.dep_ == "prep" and c.lower_ == "from"
                  for t in c.subtree}
        verb_words = _present(verb.lemma_.lower(), plural=actor.plural)
        budget = MAX_SUMMARY_WORDS - len(actor.name.split()) - 1
        what = _text(_phrase(patient, skip=skip | origin, max_words=max(budget - 3, 2)))
        budget -= len(what.split())
        where = next((c for c in verb.children if c.dep_ in ("prep", "dative") and c.i > verb.i
                      and not _subtree_ids(c) & skip and c.lower_ != "between"), None)
        rest = _text(_phrase(where, skip=skip, max_words=budget)) if where is not None and budget > 1 else ""
        return _fit(" ".join(w for w in (actor.name, verb_words, what, rest) if w))
    if passive and _agent(verb) is None:
        # a headline's passive: "1,500 special forces from Ruritania sent to Freedonia"
        head_words = _text(_phrase(patient, skip=patient_skip | {verb.i}, max_words=7)) if patient is not None else ""
        verb_words = ("not " if negated else "") + verb.text
        budget = MAX_SUMMARY_WORDS - len(head_words.split()) - len(verb_words.split())
        where = next((c for c in verb.children if c.dep_ in ("prep", "dative") and c.i > verb.i
                      and not _subtree_ids(c) & skip and c.lower_ != "between"), None)
        rest = _text(_phrase(where, skip=skip, max_words=budget)) if where is not None and budget > 1 else ""
        return _fit(" ".join(w for w in (head_words, verb_words, rest) if w))
    doer, plural = actor.name, actor.plural
    subject = _subject(verb)
    if subject is not None and subject.lower_ in ("which", "that", "who") and verb.dep_ == "relcl":
        subject = verb.head  # "the talks, which began on March 28"
    if not doer and subject is not None:  # "the conflict began": the subject, not an actor
        doer = _text(_phrase(subject, skip=skip, max_words=4))
        plural = subject.tag_ in ("NNS", "NNPS")
    verb_words = _present(verb.lemma_.lower(), plural=plural)
    if negated:
        verb_words = ("do not " if plural else "does not ") + verb.lemma_.lower()
    particle = " ".join(c.text for c in verb.children if c.dep_ == "prt")
    if particle:
        verb_words += " " + particle
    budget = max(MAX_SUMMARY_WORDS - len(doer.split()) - len(verb_words.split()), 2)
    what = _object(verb) if not passive else patient
    if what is not None and what.lower_ in ("that", "which", "whom", "who") and verb.dep_ == "relcl":
        # "the treaty that the two leaders signed": the treaty is what they signed
        what = verb.head
        skip = skip | _subtree_ids(verb)
    if what is None:
        what = complement
    if what is None and _TYPE_OF_VERB.get(verb.lemma_.lower()) in ("statement", "warning"):
        # '"... it could become a serious problem," he said': the quoted clause before the verb
        what = next((c for c in verb.children if c.dep_ in ("ccomp", "advcl", "parataxis")
                     and c.i < verb.i and not _subtree_ids(c) & skip), None)
    if what is None:
        what = next((c for c in verb.children if c.dep_ in ("prep", "dative", "xcomp") and c.i > verb.i
                     and not _subtree_ids(c) & skip), None)
    words = _text(_phrase(what, skip=skip, max_words=budget)) if what is not None else ""
    return _fit(" ".join(w for w in (doer, verb_words, words) if w))


# ---------------------------------------------------------------- extraction


def _event_id(article_id: str, offset: int, taken: set[str], *, tie: int | None = None) -> str:
    """``article_id:e:offset``; a second event on the same offset adds its own start."""
    base = f"{article_id}:e:{offset}" if tie is None else f"{article_id}:e:{offset}:{tie}"
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{base}-{n}"
    taken.add(candidate)
    return candidate


@dataclass
class _Dated:
    unit: _Unit
    verb: Token
    date: str
    precision: str
    span: Span  # the date expression, in the unit's doc
    date_start: int  # article offset of the expression
    nominal: Token | None = None  # an event noun the date belongs to ("the June 5 summit")


@dataclass(frozen=True)
class _Mention:
    start: int
    end: int
    date: str
    precision: str


def _is_duration(text: str, start: int, end: int) -> bool:
    """"in the last month", "over the past week": a stretch of time up to now, not a date."""
    window = text[max(0, start - 12):end].lower()
    return re.search(r"\bthe\s+(?:last|past)\s+(?:week|month|few|several|\d)", window) is not None


def _publication_bounds(article: Article) -> tuple[dt.date, dt.date] | None:
    """The first and last day the article may have been published, or ``None`` if unknown.

    An inferred date the text does not pin carries a window (``Article.published_window``).
    """
    if article.published is None:
        return None
    return article.published_window or (article.published, article.published)


def _dated_mentions(text: str, mentions: list[DateMention], published,
                    window: tuple[dt.date, dt.date] | None = None) -> list[_Mention]:
    """Of the text's date expressions (``mentions``), those that date something, each resolved to
    a day or a month.

    With a publication ``window`` (an inferred date the text does not pin), a relative
    expression gets a day only when every day of the window gives that day, a month when they
    all give that month, and no date otherwise: a wrong day on the timeline is worse than none.

    Expressions joined into one span ("in January and February", "June 3-5") count as one: a span
    inside one month is that month, a span over several months dates nothing. Open ranges whose
    far end is not a date expression ("the January-March period"), durations ("the last month")
    and "as of" states are dropped.
    """
    def resolve(mention):
        if window is None:
            return resolve_mention(mention, published)
        return resolve_mention_within(mention, *window)

    groups: list[list] = []
    for mention in mentions:
        if groups and _DATE_JOINER.fullmatch(text[groups[-1][-1].end:mention.start]):
            groups[-1].append(mention)
        else:
            groups.append([mention])
    out: list[_Mention] = []
    for group in groups:
        first, last = group[0], group[-1]
        if _RANGE_TAIL.match(text, last.end) or _RANGE_HEAD.search(text[max(0, first.start - 20):first.start]):
            continue
        if any(_is_duration(text, m.start, m.end) for m in group):
            continue
        if first.kind == "weekday" and in_future_clause(text, first.start):
            continue  # "the election set for Tuesday": a weekday ahead, not the last one
        if re.match(r"\s*as\s+of\b", first.text, re.IGNORECASE) or re.search(
                r"\bas\s+of\s+(?:the\s+)?(?:end|beginning|start|middle)?\s*(?:of\s+)?$",
                text[max(0, first.start - 30):first.start], re.IGNORECASE):
            continue
        if len(group) == 2 and {m.kind for m in group} in ({"weekday", "absolute_day"},
                                                           {"relative", "absolute_day"}):
            # "on Thursday (Oct 24)", "Wednesday, 23 October", "yesterday (October 30)": the
            # written date wins over the weekday's or the relative word's reading against a
            # publication date that may be inferred
            absolute = next(m for m in group if m.kind == "absolute_day")
            resolved_day = resolve(absolute)
            iso = _iso(resolved_day) if resolved_day is not None else None
            if iso is not None:
                out.append(_Mention(first.start, last.end, *iso))
            continue
        resolved = [resolve(m) for m in group]
        isos = [_iso(r) if r is not None else None for r in resolved]
        if any(iso is None for iso in isos):
            continue  # coarser than a month, or a span the text cannot pin ("in 2023 and January 2024")
        dates = {iso[0] for iso in isos}
        if len(dates) == 1:
            date, precision = isos[0]
        elif len({d[:7] for d in dates}) == 1:
            date, precision = next(iter(dates))[:7], "month"
        else:
            continue
        out.append(_Mention(first.start, last.end, date, precision))
    return out


def _is_future(verb: Token, date: str, published) -> bool:
    """What has not happened yet is not on the timeline of what happened.

    A predicate in the future ("will hold a meeting on May 20") or a date after publication.
    """
    if published is not None and date > published.isoformat()[:len(date)]:
        return True
    auxiliaries = [c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if verb.lemma_.lower() in PLAN_VERBS and any(c.dep_ == "auxpass" for c in verb.children):
        return True  # "the vote is expected this week", "talks are scheduled for Friday"
    if verb.lemma_.lower() in SCHEDULE_VERBS and verb.tag_ in ("VBZ", "VBP") and not auxiliaries:
        return True  # "the contract expires on 31 December"
    return any(a in ("will", "shall", "'ll") for a in auxiliaries) or (
        verb.dep_ == "xcomp" and verb.head.lemma_ == "go" and verb.head.tag_ == "VBG")


def _is_statistic(verb: Token, date: Span, precision: str) -> bool:
    """A state or a number about a period rather than a happening."""
    if verb.lemma_.lower() == "be":
        # "November was the costliest month"; but "there were 30 battles on April 25" counts
        # happenings of one day: news
        return not (precision == "day" and _happenings_on_a_day(verb))
    if date.root.dep_ in ("nsubj", "nsubjpass") and precision == "month":
        return True  # "November 2024 has been named ...", "October saw ..."
    subject = _subject(verb) or next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if subject is None or precision != "month":
        return False  # a figure on a given day ("the toll rose to 14 on Wednesday") is news
    if subject.lemma_.lower() in STATISTIC_NOUNS:
        return True
    counted = any(t.like_num for t in subject.subtree if t.i < subject.i)
    return counted and verb.lemma_.lower() in STATISTIC_VERBS


def _happenings_on_a_day(verb: Token) -> bool:
    """'There were 30 battles ...', 'there was an explosion ...': an existential whose subject is a
    happening (fighting, a strike, a meeting), not a state."""
    counted = _existential_subject(verb)
    return counted is not None and counted.lemma_.lower() in HAPPENING_NOUNS


def _existential_subject(verb: Token) -> Token | None:
    """What "there is/are" says exists ("there were 30 battles" -> battles); ``None`` for other
    predicates."""
    if verb.lemma_.lower() != "be" or not any(c.dep_ == "expl" for c in verb.children):
        return None
    return next((c for c in verb.children if c.dep_ in ("nsubj", "attr")), None)


def _reporter(verb: Token) -> Token | None:
    """The saying an existential is reported by: "X said there were ..." (its head), or "X reported
    that ... — there were ..." (a report the parser hung below it)."""
    speech = ("statement", "warning", "report")
    if verb.dep_ == "ccomp" and _TYPE_OF_VERB.get(verb.head.lemma_.lower()) in speech:
        return verb.head
    return next((c for c in verb.children if c.dep_ in ("ccomp", "parataxis") and c.i < verb.i
                 and _TYPE_OF_VERB.get(c.lemma_.lower()) in speech), None)


def _dated_predicates(article: Article, units: list[_Unit], mentions: list[DateMention]) -> list[_Dated]:
    """Each predicate a resolvable date expression modifies; agreeing expressions merged."""
    found: list[_Dated] = []
    starts = [u.start for u in units]
    bounds = _publication_bounds(article)
    latest = bounds[1] if bounds else None
    for mention in _dated_mentions(article.text, mentions, article.published, article.published_window):
        iso = (mention.date, mention.precision)
        unit = _unit_at(units, mention.start, starts)
        if unit is None:
            continue
        span = unit.sent.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        if _bounding_prep(span) or dateline_end(article.text, mention.start, mention.end, first_lines_only=False) is not None:
            continue
        nominal = _event_noun(span.root)
        if nominal is not None:
            if latest is not None and iso[0] > latest.isoformat()[:len(iso[0])]:
                continue  # "before the inauguration on Jan. 20": not yet happened
            found.append(_Dated(unit, nominal, iso[0], iso[1], span, mention.start, nominal=nominal))
            continue
        verb = _attach_to_speech(_predicate(span.root), span)
        if verb.pos_ not in ("VERB", "AUX"):
            continue  # a dateline or a headline fragment: nothing happens in it
        if verb.lemma_.lower() in METADATA_VERBS and _subject(verb) is None and not _is_passive(verb):
            continue
        if verb.lemma_.lower() in METADATA_VERBS and verb.i == verb.sent.root.i and len(verb.sent) <= 8:
            continue
        if _is_statistic(verb, span, iso[1]) or _is_future(verb, iso[0], latest):
            continue
        # several expressions on one predicate ("On Wednesday, 23 October") are one event when
        # they agree; the more precise one dates it
        same = next((d for d in found if d.unit is unit and d.verb.i == verb.i
                     and _compatible(d.date, iso[0])), None)
        if same is None:
            found.append(_Dated(unit, verb, iso[0], iso[1], span, mention.start))
            continue
        if len(iso[0]) > len(same.date):
            same.date, same.precision = iso
        same.span = span.doc[min(same.span.start, span.start):max(same.span.end, span.end)]
    return found


def _dated_rows(doc: Doc, article: Article, ctx: ArticleContext, units: list[_Unit],
                taken: set[str], mentions: list[DateMention]) -> list[_Row]:
    """One row per predicate that a resolvable date expression modifies."""
    dated = _dated_predicates(article, units, mentions)
    date_tokens: dict[int, set[int]] = {}
    for d in dated:
        date_tokens.setdefault(d.unit.index, set()).update(t.i for t in d.span)
    rows: list[_Row] = []
    for d in dated:
        if d.nominal is not None:
            rows.append(_nominal_row(d, doc, ctx, taken, article.article_id, skip=date_tokens[d.unit.index]))
            continue
        own = {t.i for t in d.span}
        others = date_tokens[d.unit.index] - own
        tokens = _clause_tokens(d.verb, exclude=others)
        actor = _actor(d.verb, doc, ctx)
        row = _Row(
            event_id=_event_id(article.article_id, d.date_start, taken),
            start=tokens[0].idx, end=tokens[-1].idx + len(tokens[-1].text),
            date_text=d.span.text, date=d.date, precision=d.precision,
            actor=actor.name, actor_raw=actor.raw, actor_country=actor.country,
            event_type=event_type_of(d.verb),
            summary=summarize(d.verb, actor, skip=date_tokens[d.unit.index]),
            verb_char=d.verb.idx, date_start=d.date_start, unit_index=d.unit.index,
        )
        rows.append(row)
        rows.extend(_reacted_to(d, row, ctx, taken, article.article_id, skip=date_tokens[d.unit.index]))
    return rows


def _nominal_row(d: _Dated, doc: Doc, ctx: ArticleContext, taken: set[str], article_id: str,
                 *, skip: set[int]) -> _Row:
    """A dated event named by a noun phrase ("Ruritania's February 2022 invasion of Freedonia")."""
    noun = d.nominal
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is not None and owner.pos_ in ("PROPN", "NOUN") and not _subtree_ids(owner) & skip:
        actor = _resolve_actor(owner, doc, ctx)
    else:
        countries = _countries_in((t for t in noun.subtree if t.i < noun.i), ctx.names)
        actor = _Actor(" and ".join(countries), " and ".join(sorted(countries)),
                       countries[0] if len(countries) == 1 else "", len(countries) > 1)
    lemma = noun.lemma_.lower()
    owner_ids = _subtree_ids(owner) if owner is not None else set()
    countries_ids = {t.i for t in noun.subtree if t.i < noun.i and t.ent_type_ in ("GPE", "NORP")}
    if lemma in POINT_EVENT_NOUNS and actor.name:
        verb, kind = POINT_EVENT_NOUNS[lemma]
        of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        target = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        what = _text(_phrase(target, skip=skip, max_words=6)) if target is not None else ""
        summary = _fit(" ".join(w for w in (actor.name, _present(verb, plural=actor.plural), what) if w))
    else:
        kind = POINT_EVENT_NOUNS.get(lemma, ("", NOUN_TYPES.get(lemma, "other")))[1]
        words = _text(_phrase(noun, skip=skip | owner_ids | countries_ids, max_words=8))
        words = re.sub(r"^(a|an|the)\s+", "", words)
        summary = _fit(f"{actor.name}: {words}" if actor.name else words)
    tokens = [t for t in noun.subtree if not t.is_space and not t.is_punct or t.i == noun.i]
    return _Row(
        event_id=_event_id(article_id, d.date_start, taken),
        start=tokens[0].idx, end=tokens[-1].idx + len(tokens[-1].text),
        date_text=d.span.text, date=d.date, precision=d.precision,
        actor=actor.name, actor_raw=actor.raw, actor_country=actor.country, event_type=kind,
        summary=summary, verb_char=noun.idx, date_start=d.date_start, unit_index=d.unit.index,
    )


def _reacted_to(d: _Dated, row: _Row, ctx: ArticleContext, taken: set[str], article_id: str,
                *, skip: set[int]) -> list[_Row]:
    """The point-like act a dated reaction names ("condemned the signing of ..."), same date."""
    if d.verb.lemma_.lower() not in REACTION_VERBS:
        return []
    obj = _object(d.verb)
    if obj is None or obj.lemma_.lower() not in POINT_EVENT_NOUNS:
        return []
    summary_verb, kind = POINT_EVENT_NOUNS[obj.lemma_.lower()]
    countries = sorted(_countries_in(obj.subtree, ctx.names))
    actor_name = " and ".join(countries)
    what = ""
    of = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if pobj is not None:
        # the parties are the actor already: "a Ruritania-Freedonia arms agreement" -> "arms agreement"
        parties = {t.i for t in pobj.subtree if t.ent_type_ in ("GPE", "NORP")
                   or t.text in "-‐‑" and t.head.ent_type_ in ("GPE", "NORP")}
        what = _text(_phrase(pobj, skip=skip | parties, max_words=8))
        what = re.sub(r"^(a|an|the)\s+", "", what)
    verb_words = _present(summary_verb, plural=len(countries) != 1)
    summary = _fit(" ".join(w for w in (actor_name, verb_words, what) if w))
    tokens = [t for t in obj.subtree if not t.is_space]
    return [replace(
        row, event_id=_event_id(article_id, row.date_start, taken, tie=tokens[0].idx),
        start=tokens[0].idx, end=tokens[-1].idx + len(tokens[-1].text),
        actor=actor_name, actor_raw=actor_name, actor_country=countries[0] if len(countries) == 1 else "",
        event_type=kind, summary=summary, verb_char=obj.idx,
    )]


def _relative_cue(token: Token) -> Token | None:
    """The verb an "afterwards" cue ("later", "has since shared") attaches to, else None."""
    if token.lower_ not in AFTER_CUES:
        return None
    if token.lower_ == "since":
        # "since" as a preposition or conjunction dates from something; only the adverb ("has
        # since shared", sometimes parsed as a preposition before a participle) means "after that"
        following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
        before = token.doc[token.i - 1] if token.i > 0 else None
        if token.dep_ == "advmod" and token.head.pos_ == "VERB":
            return token.head
        if before is not None and before.lemma_ == "have" and following is not None and following.tag_ == "VBN":
            return following
        return None
    if token.dep_ == "advmod" and token.head.pos_ in ("VERB", "AUX"):
        # "two days later" is an offset from an anchor, not "at some later time"
        if any(c.dep_ in ("npadvmod", "nummod") for c in token.children):
            return None
        return token.head if _is_past(token.head) else None
    return None


def _is_past(verb: Token) -> bool:
    """A past or perfect predicate: "later reported", "has since shared", "was later reported"."""
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lemma_.lower() in ("will", "shall", "would", "should", "may", "might", "can", "could")
           for a in auxiliaries):
        return False
    return verb.tag_ in ("VBD", "VBN") or any(a.tag_ in ("VBD", "VBZ", "VBP") and a.lemma_ in ("have", "be")
                                             for a in auxiliaries) and verb.tag_ == "VBN"


def _same_time_cue(token: Token) -> tuple[Token, int] | None:
    """The verb that "at the time", "at that time", "(on) the same day", "that same day", "earlier
    in the day", "the previous day" or "the next day" modifies, with its offset in days from the
    day told just before; else None. A time a phrase defines ("on the day of the vote", "the day
    after the vote") is no back-reference."""
    if token.dep_ == "prep" and token.lower_ in ("at", "on"):
        noun = next((c for c in token.children if c.dep_ == "pobj"), None)
    elif token.dep_ == "prep" and token.lower_ == "in" and token.head.lower_ in ("earlier", "later"):
        noun = next((c for c in token.children if c.dep_ == "pobj"), None)  # "earlier in the day"
    elif token.dep_ == "npadvmod" and token.lemma_.lower() == "day":
        noun = token  # "the same day, X met ...", "X spoke that same day", "the previous day"
    else:
        return None
    # (after "earlier in the day" the parser often hangs the reported clause on "day" as a relcl)
    defining = ("prep", "acl", "compound") if token.lower_ == "in" else ("prep", "relcl", "acl", "compound")
    if noun is None or any(c.dep_ in defining for c in noun.children):
        return None
    lemma = noun.lemma_.lower()
    determiners = {c.lower_ for c in noun.children if c.dep_ == "det"}
    modifiers = {c.lower_ for c in noun.children if c.dep_ == "amod"}
    sides = {c.lower_ for c in noun.children if c.dep_ == "advmod"}  # "the day before"
    offsets = {DAY_OFFSET_WORDS[word] for word in (modifiers | sides) & DAY_OFFSET_WORDS.keys()}
    if modifiers - {"same"} - DAY_OFFSET_WORDS.keys() or len(offsets) > 1 or not determiners & {"the", "that"}:
        return None
    offset = offsets.pop() if offsets else 0
    if lemma in SAME_TIME_NOUNS:
        ok = token.lower_ == "at" and not modifiers  # "at the time"; "at the same time" is "meanwhile"
    elif token.lower_ == "in":
        ok = lemma in SAME_DAY_NOUNS and not modifiers and determiners == {"the"}
    else:
        # "that day", "the same day", "the previous day", "the day before"
        ok = lemma in SAME_DAY_NOUNS and ("same" in modifiers or offset != 0 or determiners == {"that"})
    verb = token.head
    while verb.pos_ not in ("VERB", "AUX") and verb.dep_ in ("pobj", "prep", "dobj", "advmod") and verb.head.i != verb.i:
        verb = verb.head  # "an interview with X on the same day": the day of the verb above
    return (verb, offset) if ok and verb.pos_ in ("VERB", "AUX") else None


def _cue_phrase(token: Token) -> list[Token]:
    """The words of a same-time cue ("the previous day", "earlier in the day"), without a clause
    the parser hung on its noun."""
    top = token.head if token.lower_ == "in" else token
    clause = {t.i for c in top.subtree if c.dep_ == "relcl" for t in c.subtree}
    return [t for t in top.subtree if t.i not in clause]


def _relative_rows(doc: Doc, article: Article, ctx: ArticleContext, units: list[_Unit],
                   dated: list[_Row], taken: set[str], *, in_dates: set[int]) -> list[_Row]:
    """Rows for clauses dated only by their place after an earlier dated event.

    ``in_dates`` holds the character offsets of every date expression: words inside one ("later
    this week") are that expression's, not cues.
    """
    dated_units = {r.unit_index for r in dated}
    rows: list[_Row] = []
    for unit in units:
        if unit.index in dated_units:
            continue
        for token in unit.sent:
            if token.idx in in_dates:
                continue
            after_verb = _relative_cue(token)
            same_time = _same_time_cue(token) if after_verb is None else None
            verb = after_verb or (same_time[0] if same_time else None)
            if verb is None:
                continue
            anchors = [r for r in dated + rows if r.start < token.idx]
            if not anchors:
                break
            anchor = max(anchors, key=lambda r: r.start)
            if after_verb is not None:
                bounds = _publication_bounds(article)
                if bounds is None or bounds[0].isoformat()[:7] != bounds[1].isoformat()[:7]:
                    break  # publication month unknown: no month the text supports
                published = bounds[0]
                if not anchor.date.startswith(published.isoformat()[:7]):
                    break  # between two different months: no month the text supports
                date, precision = published.isoformat()[:7], "month"
                cue_tokens = [token]
            else:
                date, precision = anchor.date, anchor.precision
                if same_time[1]:
                    if precision != "day":
                        break  # "the previous day" of a month: no day the text supports
                    date = (dt.date.fromisoformat(date) + dt.timedelta(days=same_time[1])).isoformat()
                cue_tokens = _cue_phrase(token)
            if verb.dep_ == "amod":  # a misparsed "has since shared": the sentence is the clause
                tokens = _clause_tokens(unit.sent.root)
            else:
                tokens = _clause_tokens(verb)
            actor = _actor(verb if _actor_head(verb) is not None else unit.sent.root, doc, ctx)
            start = tokens[0].idx
            rows.append(_Row(
                event_id=_event_id(article.article_id, start, taken),
                start=start, end=tokens[-1].idx + len(tokens[-1].text),
                date_text=_text(cue_tokens) if len(cue_tokens) > 1 else token.text,
                date=date, precision=precision,
                actor=actor.name, actor_raw=actor.raw, actor_country=actor.country,
                event_type=event_type_of(verb),
                summary=summarize(verb, actor, skip={t.i for t in cue_tokens}),
                verb_char=verb.idx, date_start=start, unit_index=unit.index,
            ))
            break  # one undated event per sentence
    return rows


def _count_of(unit_noun: Token) -> int | None:
    """2 for "two days", 1 for "a day", None when the amount is not a whole number."""
    for child in unit_noun.children:
        if child.dep_ in ("nummod", "det"):
            value = parse_number(child.text)
            if value is not None and value.is_integer():
                return int(value)
    return None


def _shift(date: str, days: int) -> str:
    return (dt.date.fromisoformat(date) + dt.timedelta(days=days)).isoformat()


def _offset_rows(doc: Doc, article: Article, ctx: ArticleContext, units: list[_Unit],
                 dated: list[_Row], taken: set[str], *, in_dates: set[int]) -> list[_Row]:
    """Events dated by an offset from another: "two days after Ruritania confirmed ...", "X
    arrived two days later", "hours after X told reporters".

    The reference is the governing clause's own date; a present-tense frame ("This comes a day
    after ...") is the publication date; an undated past frame continues the dated event of the
    sentence before it. Only offsets from a day-precise reference give a row: whole days give a
    day, hours give the reference's month when a day either side stays in it.
    """
    dated_verbs = {r.verb_char for r in dated}
    rows: list[_Row] = []
    for unit in units:
        for token in unit.sent:
            word = token.lower_
            if word in ("after", "before") and token.dep_ in ("mark", "prep"):
                event = token.head if token.dep_ == "mark" else next(
                    (c for c in token.children if c.dep_ in ("pcomp", "pobj") and c.pos_ == "VERB"), None)
            elif word in ("earlier", "later") and token.dep_ == "advmod":
                event = token.head  # "X arrived hours earlier": counted from the event before
            else:
                continue
            if event is None or event.pos_ != "VERB" or event.idx in dated_verbs:
                continue
            frame = event.head if event.dep_ in ("advcl", "prep") else event
            if token.dep_ == "prep":
                frame = token.head
            # the amount stands right before "after", wherever the parser hung it
            amount = next((c for c in (*event.children, *token.children, *frame.children)
                           if c.dep_ == "npadvmod" and c.lemma_.lower() in ("day", "hour")
                           and c.right_edge.i == token.i - 1), None)
            if amount is None:
                continue
            hours = amount.lemma_.lower() == "hour"  # "hours after": that day or the one next to it
            count = 1 if hours else _count_of(amount)
            if count is None:
                continue
            reference = next((r for r in dated if r.verb_char == frame.idx), None)
            if reference is None:
                if frame.tag_ in ("VBZ", "VBP") and article.published is not None:
                    if article.published_window is not None:
                        continue  # "this comes a day after": counted from a day the text does not pin
                    ref_date = article.published.isoformat()
                else:
                    # a day's offset continues the sentence before; "hours earlier" gives only a
                    # month, so the story's last dated day, however far back, is near enough
                    before = [r for r in dated if r.start < token.idx
                              and (r.unit_index >= unit.index - 1 or (hours and len(r.date) == 10))]
                    if not before:
                        continue
                    ref_date = max(before, key=lambda r: r.start).date
            else:
                ref_date = reference.date
            if len(ref_date) != 10:
                continue
            date = _shift(ref_date, -count if word in ("after", "earlier") else count)
            precision = "day"
            if hours:
                if date[:7] != ref_date[:7]:
                    continue  # within a day of a month's edge: no month the text supports
                date, precision = ref_date[:7], "month"
            clause = _clause_tokens(event, exclude={t.i for t in unit.sent if t.idx in in_dates})
            first = min(amount.left_edge.i, clause[0].i)
            tokens = [t for t in unit.sent.doc[first:clause[-1].i + 1] if not t.is_space]
            actor = _actor(event, doc, ctx)
            start = tokens[0].idx
            phrase = unit.sent.doc[amount.left_edge.i:token.i + 1]
            rows.append(_Row(
                event_id=_event_id(article.article_id, phrase[0].idx, taken),
                start=start, end=tokens[-1].idx + len(tokens[-1].text),
                date_text=phrase.text, date=date, precision=precision,
                actor=actor.name, actor_raw=actor.raw, actor_country=actor.country,
                event_type=event_type_of(event),
                summary=summarize(event, actor, skip={t.i for t in phrase}),
                verb_char=event.idx, date_start=phrase[0].idx, unit_index=unit.index,
            ))
    return rows


def _drop_vaguer_repeats(rows: list[_Row]) -> list[_Row]:
    """A month-dated mention next to a day-dated one of the same kind by the same actor is one event.

    "At a press conference earlier this month, Park stated ... he said on March 7": the
    timeline shows the day, once. Only a loose relative period ("earlier this month", "last week")
    is read as such a repeat: a named month ("during his June visit") is the text's own dating.
    """
    keep = []
    for row in rows:
        loose = not _MONTH_NAME.search(row.date_text)
        duplicate = row.precision == "month" and row.actor and loose and any(
            other.precision == "day" and other.actor == row.actor and other.date.startswith(row.date)
            and other.event_type == row.event_type
            and abs(other.unit_index - row.unit_index) <= 1
            for other in rows if other is not row)
        if not duplicate:
            keep.append(row)
    return keep


def _caption_rows(article: Article, ctx: ArticleContext, taken: set[str],
                  mentions: list[DateMention]) -> list[_Row]:
    """A broadcast caption '[Ivan Petrov/President/Nov. 4: "..."]' dates the remark it opens: a
    statement by the person it names, on its date."""
    from sitrep.extract.attribution import CAPTION  # the caption form is attribution's to define

    text = article.text
    rows: list[_Row] = []
    for line in re.finditer(r"^\[[^\n]*", text, re.MULTILINE):
        colon = text.find(":", line.start(), line.end())
        match = CAPTION.match(text[line.start():colon + 1]) if colon > 0 else None
        if match is None or "/" not in match["title"]:
            continue
        inside = [m for m in mentions if line.start() + match.start("title") <= m.start < colon]
        dated = _dated_mentions(text, inside, article.published, article.published_window)
        if len(dated) != 1:
            continue
        quote_start = colon + 1 + re.match(r'\s*["“]?\s*', text[colon + 1:line.end()]).end()
        said = re.sub(r'\s*["”]?\s*\]?\s*$', "", text[quote_start:line.end()])
        source = ctx.source_of_span(quote_start, quote_start + len(said)) if said else None
        if source is None:
            continue
        start = line.start() + match.start("who")
        rows.append(_Row(
            event_id=_event_id(article.article_id, dated[0].start, taken),
            start=start, end=colon, date_text=text[dated[0].start:dated[0].end],
            date=dated[0].date, precision=dated[0].precision, actor=source.name,
            actor_raw=source.raw, actor_country=source.country, event_type="statement",
            summary=_fit(f"{source.name} says: {said}"), verb_char=start, date_start=dated[0].start,
        ))
    return rows


# Words two speakers' names may share without being the same speaker.
_SHARED_NAME_WORDS = frozenset("the of and for government".split())


def _may_be_same_speaker(actor: _Actor, row: _Row) -> bool:
    """The same country, or a name word in common ("Lind", "Arvo Lind"; "Oslo's military
    intelligence", "the Defense Intelligence of Norland"): the text may mean one speaker."""
    if actor.country and actor.country == row.actor_country:
        return True
    words = set(name_key(actor.name).split()) - _SHARED_NAME_WORDS
    return bool(words & set(name_key(row.actor).split()))


def _dateline_rows(doc: Doc, article: Article, ctx: ArticleContext, units: list[_Unit],
                   rows: list[_Row], taken: set[str], mentions: list[DateMention]) -> list[_Row]:
    """The story's dateline ("OSLO, March 18. /NTB/.") dates its lead statement when the lead
    gives no date of its own and the story does not date that speaker's words later: a statement
    by the lead's speaker, on the dateline's day."""
    from sitrep.extract.attribution import is_cue  # what counts as a cue is attribution's

    text = article.text
    for mention in mentions:
        words_from = dateline_end(text, mention.start, mention.end)
        if words_from is None:
            continue
        dated = _dated_mentions(text, [mention], article.published, article.published_window)
        lead = next((u for u in units if u.sent.end_char > words_from), None)
        if not dated or lead is None or any(r.unit_index == lead.index for r in rows):
            return []
        if any(words_from <= m.start < lead.sent.end_char and not ctx.in_quote(m.start) for m in mentions):
            return []  # the lead dates itself
        verb = next((t for t in lead.sent if t.idx >= words_from and is_cue(t) and t.pos_ == "VERB"
                     and not ctx.in_quote(t.idx)), None)
        if verb is None:
            return []
        actor = _actor(verb, doc, ctx)
        if not actor.name or any(_may_be_same_speaker(actor, r) for r in rows
                                 if r.event_type in {"statement", "warning"}):
            return []  # "..., Lind said." ... "Lind made the remarks on Thursday"
        tokens = [t for t in lead.sent if t.idx >= words_from]
        return [_Row(
            event_id=_event_id(article.article_id, words_from, taken),
            start=words_from, end=tokens[-1].idx + len(tokens[-1].text),
            date_text=mention.text, date=dated[0].date, precision=dated[0].precision,
            actor=actor.name, actor_raw=actor.raw, actor_country=actor.country,
            event_type=event_type_of(verb),
            summary=summarize(verb, actor, skip={t.i for t in lead.sent if t.idx < words_from}),
            verb_char=verb.idx, date_start=mention.start, unit_index=lead.index,
        )]
    return []


def extract_events(doc: Doc, article: Article, ctx: ArticleContext) -> pd.DataFrame:
    """Every dated event in one article, one row per dated predicate, in text order."""
    taken: set[str] = set()
    units = _units(doc)
    mentions = find_date_mentions(article.text)
    in_dates = {c for m in mentions for c in range(m.start, m.end)}
    dated = _drop_vaguer_repeats(_dated_rows(doc, article, ctx, units, taken, mentions))
    dated = dated + _caption_rows(article, ctx, taken, mentions)
    dated = dated + _dateline_rows(doc, article, ctx, units, dated, taken, mentions)
    dated = dated + _offset_rows(doc, article, ctx, units, dated, taken, in_dates=in_dates)
    rows = dated + _relative_rows(doc, article, ctx, units, dated, taken, in_dates=in_dates)
    if not rows:
        return empty_frame("events")
    for row in rows:
        row.start = _after_dateline(article.text, row.start, row.end)
        if row.date_text.count("(") > row.date_text.count(")") and article.text.find(")", row.start) >= 0:
            row.date_text += ")"  # "on Thursday (Oct 24" -> "on Thursday (Oct 24)"
    rows.sort(key=lambda r: (r.start, r.event_id))
    frame = pd.DataFrame([{
        "event_id": r.event_id, "article_id": article.article_id, "start": r.start, "end": r.end,
        "date_text": r.date_text, "date": r.date, "precision": r.precision, "actor": r.actor,
        "actor_raw": r.actor_raw, "actor_country": r.actor_country, "event_type": r.event_type,
        "summary": r.summary, "event_cluster": "", "cluster_size": 1,
    } for r in rows])
    return conform(frame, "events")


# ---------------------------------------------------------------- clustering


def _summary_words(summary: str, actor: str) -> str:
    actor_words = set(name_key(actor).split())
    return " ".join(w for w in name_key(summary).split() if w not in actor_words)


def same_happening(a: Mapping[str, object], b: Mapping[str, object], *, min_similarity: int = 50) -> bool:
    """Same actor, dates that agree within their precision, and similar summaries.

    Rows without an actor never merge: "someone did something in June" is not evidence of one
    happening. Two rows of one event type need less wording in common than rows of different
    types ("warns" and "says" about the same thing).
    """
    actor_a, actor_b = str(a["actor"]), str(b["actor"])
    if not actor_a or name_key(actor_a) != name_key(actor_b):
        return False
    if not _compatible(str(a["date"]), str(b["date"])):
        return False
    similarity = fuzz.token_set_ratio(_summary_words(str(a["summary"]), actor_a),
                                      _summary_words(str(b["summary"]), actor_b))
    if a["event_type"] == b["event_type"] and a["event_type"] != "other":
        return similarity >= min_similarity * 0.8
    return similarity >= min_similarity + 20


def cluster_events(events: pd.DataFrame, *, min_similarity: int = 50) -> pd.DataFrame:
    """Fill ``event_cluster`` and ``cluster_size`` for a corpus of events.

    Rows that :func:`same_happening` pairs are joined transitively (only rows with the same actor
    and month are compared, exact repeats without comparison, so this stays fast on large corpora). A cluster's id is ``"ec-"`` + a short hash
    of its earliest member's ``event_id`` (earliest by date, then article and offset), so it does
    not depend on row order; ``cluster_size`` counts distinct articles.
    """
    out = events.copy().reset_index(drop=True)
    if out.empty:
        out["event_cluster"] = pd.Series(dtype=object)
        out["cluster_size"] = pd.Series(dtype="int64")
        return out
    rows = out.to_dict("records")
    sets = DisjointSets(len(rows))

    # Only rows with one actor and one calendar month can be one happening (same_happening needs
    # agreeing dates), and exact repeats are joined without comparing: a long article that says
    # the same thing a thousand times must not cost a million comparisons.
    buckets: dict[tuple[str, str], dict[tuple[str, str, str], int]] = {}
    for i, row in enumerate(rows):
        if not row["actor"]:
            continue
        bucket = buckets.setdefault((name_key(str(row["actor"])), str(row["date"])[:7]), {})
        repeat = (str(row["date"]), str(row["event_type"]), str(row["summary"]))
        if repeat in bucket:
            sets.union(i, bucket[repeat])
        else:
            bucket[repeat] = i
    for bucket in buckets.values():
        members = list(bucket.values())
        for n, i in enumerate(members):
            for j in members[n + 1:]:
                if not sets.same(i, j) and same_happening(rows[i], rows[j], min_similarity=min_similarity):
                    sets.union(i, j)

    def earliest(members: list[int]) -> int:
        return min(members, key=lambda i: (str(rows[i]["date"]), str(rows[i]["article_id"]), int(rows[i]["start"])))

    cluster, size = label_clusters(
        sets,
        row_ids=[str(r["event_id"]) for r in rows],
        article_ids=[str(r["article_id"]) for r in rows],
        prefix="ec-",
        representative=earliest,
    )
    out["event_cluster"] = pd.Series(cluster, dtype=object)
    out["cluster_size"] = pd.Series(size, dtype="int64")
    return out
