"""Figures: every number about people or materiel in the conflict, who claims it and how hedged.

This feeds the troop-estimate chart by source: one row per mention of a number ("every mention
counts"), with what it counts, its hedge and bounds (:mod:`sitrep.extract.numbers`), who asserts
it, how (reported, confirmed, projected, denied, disputed) and as of when.

How each column is found, on the spaCy parse:

* ``subject``/``category``: the noun the number counts. That is the noun it modifies ("11,000
  troops"), looked through containers ("13,000 containers of artillery", "200,000 rounds of
  shells", "a 50,000-strong group of troops") and partitives ("one of the soldiers"); or the
  quantity it is the value of ("put the number of casualties at 3,000", "the death toll rose to
  52", "a force of 10,000"); or, for a number standing alone ("80 were shot down", "1,500 more"),
  the kind of the figure of the same size just before it in the sentence. The category comes from
  the noun's lemma (troops, munitions, equipment, people) and, for people, from what happens to
  them ("soldiers were killed", "are believed to have been killed", "the loss of 2,030 troops",
  "including six officers" under a killing) -> casualties. Numbers that count neither people nor
  materiel ("the two countries", "three rounds of talks"), populations ("a country of 51
  million people") and counts that name particular people or units rather than a tally ("one
  soldier claimed", "the two prisoners", "two brigades of 6,000": the 6,000 is the figure) are
  not figures.
* ``claimant``: the speaker of a quote holding the number; else, walking up the parse from the
  number, the subject of the first reporting verb ("X said/reported/verified that ...", "He
  added that ...", resolved to the last person credited), the owner of a claim noun ("Ruritanian
  intelligence claims that ...", "estimates from X", "the report added" -> whoever the
  article credited that report to) or "according to X"; then a closing "..., X told Bloomberg"
  the parser hung low, and headline credits ("2,000 troops sent – SBU", "...: Nowak",
  "...: Oslo spy agency"). A source quoted through a relay ("X says ..., according to Reuters")
  is X. A document nobody is credited with ("intelligence reports suggested") passes the claim to
  whoever reports it. Names become canonical through
  :class:`~sitrep.extract.attribution.ArticleContext` and the alias table; a country credited
  with a number is named as the country ("Freedonia claims ..."). Nobody named: the article's
  outlet, else ``article``.
* ``stance``: denied / disputed ("unconfirmed", "allegedly") / projected (a modal or a plan on
  the event: "could deploy up to", "plans to train") / confirmed ("verified", "confirmed") /
  reported.
* ``as_of``: a date attached to the reporting verbs (else, for an unattributed number, to the
  number's own clause; never the start of a period, "since February 2022"), resolved against the
  publication date; else the publication date.

Money and percentages are not figures here: they count neither people nor materiel (the gold
conventions leave proportions out of scope). This module knows no person, place or outlet: its
word lists are grammar and the general vocabulary of armed conflict and news writing.
"""

from __future__ import annotations

import bisect
import datetime as dt
import math
import re
from collections.abc import Iterable

import pandas as pd
from spacy.tokens import Doc, Span, Token

from sitrep import schema
from sitrep.article import Article
from sitrep.dates import find_date_mentions, resolve_mention
from sitrep.extract.attribution import CUE_LEMMAS, PERSON_ROLE_NOUNS, ArticleContext, Source
from sitrep.extract.numbers import NumberMention, find_numbers
from sitrep.names import clean_name, looks_like_person_name

# --- what a number counts: lemmas (spaCy's, lower-cased) ------------------------------------------
TROOP_NOUNS = frozenset(
    """troop troops soldier personnel force forces infantryman infantrymen commando serviceman
    servicemen servicemember fighter mercenary conscript recruit reservist marine paratrooper
    sniper sapper deminer gunner crewman crew sailor pilot special operator militant combatant guard
    guardsman rifleman trooper cadet volunteer man men unit brigade battalion regiment division
    platoon squad corps contingent detachment officer commander general army""".split()
)
CASUALTY_NOUNS = frozenset(
    """casualty death fatality dead killed wounded injured loss losses prisoner pow captive
    body corpse victim toll injury""".split()
)
PEOPLE_NOUNS = frozenset(
    """people person civilian child children resident refugee citizen worker laborer labourer
    engineer specialist adviser advisor instructor official diplomat student individual family
    builder
    evacuee hostage national woman women inhabitant migrant""".split()
)
MUNITION_NOUNS = frozenset(
    """shell round missile rocket ammunition munition bomb grenade mine cartridge projectile
    warhead torpedo ammo bullet artillery container""".split()
)
EQUIPMENT_NOUNS = frozenset(
    """tank drone vehicle howitzer launcher system gun aircraft jet plane helicopter ship vessel
    boat submarine truck weapon rifle cannon mortar radar armament apc ifv satellite warplane
    bomber fighter-jet piece equipment uav carrier""".split()
)
# Units of a force: "two brigades" counts units, not people (their headcount is the figure).
UNIT_NOUNS = frozenset("unit brigade battalion regiment division platoon squad corps detachment company".split())
# A definite count up to this ("the two prisoners", "the nine") points back at people named.
SMALL_COUNT = 10
# Nouns whose value a number gives: "the number of casualties at 3,000", "the toll rose to 52".
MEASURE_NOUNS = frozenset("number total toll figure count tally strength size estimate rate average".split())
# Verbs whose subject is a quantity and whose object or target is its value: "the injured are
# approaching 1,000", "losses reached 2,000", "casualties rose to 3,000".
MEASURE_VERBS = frozenset(
    """reach approach exceed top hit surpass pass near stand total number rise climb grow increase
    jump average""".split())
# Verbs that give a quantity's value with "at": "put the toll at 3,000".
ESTIMATE_AT_LEMMAS = frozenset("put place estimate peg set assess fix".split())
# Words that open a headline as a label, not as a source: "Live updates: ...", "Analysis: ...".
HEADLINE_LABELS = frozenset(
    """live update updates analysis opinion explainer explained breaking news latest watch video
    exclusive factbox timeline editorial comment review interview photos fact check q&a podcast
    war day""".split())
# Nouns whose "of N (people)" is a population, not a count of people in the conflict.
POPULATION_NOUNS = frozenset("population country nation city town state region village home".split())
# Nouns standing for people already named: "500 killed and 2,700 others injured".
OTHERS_NOUNS = frozenset("other others".split())
# Nouns that count a quantity of something else: "containers of artillery", "rounds of talks".
CONTAINER_NOUNS = frozenset(
    """container round shipment batch ton tonne crate wagon railcar carload trainload truckload
    box pallet unit set piece lot consignment delivery cargo load group contingent""".split()
)
# Verbs and adjectives that turn people counted into casualties.
CASUALTY_LEMMAS = frozenset(
    """kill wound injure capture die perish lose eliminate slay massacre execute murder maim
    dead killed wounded injured captured missing""".split()
)
# Prepositions listing members of a group already counted: "killed 20, including six officers".
LISTING_PREPS = frozenset("including among incl. plus".split())
# Prepositions that make a date the start or end of a period, not the day a claim was made.
PERIOD_PREPOSITIONS = re.compile(r"\b(?:since|from|until|till|before|after|between|through|by)\s*$", re.I)
# Passive hearsay between counted people and what happened to them: "are believed to have been".
HEARSAY_LEMMAS = frozenset("believe report say think estimate fear presume confirm understand know".split())
# Reporting verbs beyond the shared cue list that introduce a number's source.
FIGURE_CUE_LEMMAS = CUE_LEMMAS | frozenset("estimate assess put show find count record tally".split())
# Nouns naming a claim; their owner is the claimant ("X's estimates", "claims by X").
CLAIM_NOUNS = frozenset(
    """claim estimate estimation report assessment figure data allegation accusation statement
    analysis tally count calculation finding""".split()
)
# Claim nouns that are documents: "intelligence reports suggested" passes the claim upward.
DOCUMENT_NOUNS = CLAIM_NOUNS | frozenset("document evidence image footage record study".split())
# Nouns for what is known that also name who knows it ("intelligence"): evidence only as objects.
EVIDENCE_NOUNS = frozenset("intelligence information".split())
# Verbs by which someone puts a claim out: "officials offered a lower estimate of 1,200".
GIVING_LEMMAS = frozenset("offer give provide release issue publish present".split())
# Cue verbs of commitment: "X had promised to provide 10,000 troops, the lawmakers said" counts
# what X committed to, but who says so is the sentence's reporter when it names one.
COMMITMENT_LEMMAS = frozenset("promise pledge vow commit offer".split())
CONFIRM_LEMMAS = frozenset("confirm verify corroborate substantiate".split())
DENY_LEMMAS = frozenset("deny reject dismiss refute rebut".split())
DISPUTE_LEMMAS = frozenset("dispute question doubt contest".split())
DISPUTE_WORDS = re.compile(
    r"\b(?:unconfirmed|unverified|disputed|could not (?:be )?(?:independently )?(?:verif|confirm)\w*|"
    r"cannot be (?:independently )?(?:verif|confirm)\w*|allegedly|alleged|purported(?:ly)?)\b",
    re.IGNORECASE,
)
PROJECTION_LEMMAS = frozenset("plan intend prepare expect aim threaten seek want ready".split())
MODAL_WORDS = frozenset("could may might would will 'll can shall".split())
# Links from a number (or a modifier) up to the noun it counts.
MODIFIER_DEPS = frozenset("nummod quantmod nmod compound amod appos advmod".split())
# Children that carry a separate clause or aside; they are cut from the evidence span.
ASIDE_DEPS = frozenset("relcl advcl conj cc parataxis appos".split())
CLAUSE_DEPS = frozenset("relcl advcl parataxis".split())
PRONOUNS = frozenset("he she they it we i him her them".split())
LEADING_QUANTIFIERS = re.compile(r"^(?:some|several|many|a few|few|various|other|certain)\s+", re.I)

CATEGORY_BY_NOUNS = (
    ("casualties", CASUALTY_NOUNS),
    ("troops", TROOP_NOUNS),
    ("munitions", MUNITION_NOUNS),
    ("equipment", EQUIPMENT_NOUNS),
    ("other", PEOPLE_NOUNS),
)


# ------------------------------------------------------------------------------ small helpers
def _lemma(token: Token) -> str:
    return token.lemma_.lower()


def _is_casualty_word(token: Token) -> bool:
    """killed, wounded, captured, missing ... (spaCy lemmatises "missing" to "miss")."""
    return _lemma(token) in CASUALTY_LEMMAS or token.lower_ in CASUALTY_LEMMAS


def _noun_category(token: Token) -> str:
    """Category a counted noun alone implies, or '' when it is neither people nor materiel."""
    # a headline's capitalised "Soldiers" is lemmatised as a proper noun: try the singular too
    forms = {_lemma(token), token.lower_, re.sub(r"(?<=[^s])s$", "", token.lower_)}
    for category, words in CATEGORY_BY_NOUNS:
        if forms & words:
            return category
    if token.ent_type_ == "NORP" and (token.tag_ in {"NNPS", "NNS"} or _nationality_as_people(token)):
        return "other"  # "10,000 Ruritanians", "8,000 Norlandic have been deployed"
    return ""


def _nationality_as_people(token: Token) -> bool:
    """A nationality adjective standing for its people ("as many as 8,000 Norlandic have been
    deployed"): tagged an adjective or a singular name, but a clause's argument."""
    return (token.pos_ in {"ADJ", "PROPN"} and token.tag_ in {"JJ", "NNP"} and token.ent_type_ == "NORP"
            and token.dep_ in {"nsubj", "nsubjpass", "dobj", "pobj"})


def _ents_in(doc: Doc, start: int, end: int) -> list[Span]:
    """Entities within tokens [start, end). spaCy rebuilds ``doc.ents`` (and every ``Span.ents``
    scans all of them) on each access, so the list is built once per doc and searched by bisection."""
    ents = doc.user_data.get("sitrep.figures.ents")
    if ents is None:
        ents = doc.user_data["sitrep.figures.ents"] = list(doc.ents)
        doc.user_data["sitrep.figures.ent_starts"] = [e.start for e in ents]
    starts = doc.user_data["sitrep.figures.ent_starts"]
    window = ents[bisect.bisect_left(starts, start):bisect.bisect_left(starts, end)]
    return [e for e in window if e.end <= end]


def _line_bounds(text: str, at: int) -> tuple[int, int]:
    """Start and end of the line holding character ``at``."""
    end = text.find("\n", at)
    return text.rfind("\n", 0, at) + 1, len(text) if end < 0 else end


def _tokens_in(doc: Doc, start: int, end: int) -> list[Token]:
    span = doc.char_span(start, end, alignment_mode="expand")
    return [t for t in span if not t.is_space] if span is not None else []


def _head_of(tokens: list[Token]) -> Token:
    """The token of a multi-token span whose head lies outside the span."""
    ids = {t.i for t in tokens}
    for token in tokens:
        if token.head.i not in ids or token.head.i == token.i:
            return token
    return tokens[-1]


def _ancestors(token: Token) -> Iterable[Token]:
    while token.head.i != token.i:
        token = token.head
        yield token


def _verb_above(token: Token) -> Token | None:
    """The first verb governing a token (through nouns and prepositions)."""
    # "including"/"according" are parsed as verbs heading prepositional phrases
    return next((a for a in _ancestors(token) if a.pos_ in {"VERB", "AUX"} and a.dep_ != "prep"), None)


def _of_object(token: Token) -> Token | None:
    prep = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    if prep is None:
        return None
    return next((c for c in prep.children if c.dep_ == "pobj"), None)


# ------------------------------------------------------------------------------ what is counted
def _counted_noun(number_head: Token) -> tuple[Token | None, Token | None]:
    """(the noun counted, the noun whose phrase is the subject) for a number's head token.

    "13,000 containers of artillery" -> (artillery, containers); "11,000 of the troops" -> (troops,
    troops); "20 soldiers" -> (soldiers, soldiers); an elided noun ("500 were killed") -> (None, None).
    """
    noun: Token | None = None
    # the noun a number modifies, through modifiers the parser may hang it from ("1,500 elite
    # commandos" with "elite" as the number's head)
    current = number_head
    while current.dep_ in MODIFIER_DEPS and current.head.i > current.i:
        current = current.head
        counts_it = current.pos_ in {"NOUN", "PROPN"} or _nationality_as_people(current)
        if counts_it and current.dep_ not in {"compound", "nmod"}:
            noun = current
            break
    if noun is None:
        noun = _of_object(number_head)
    if noun is None:
        measured = _measured_noun(number_head)
        if measured is not None:
            inner = _of_object(measured)
            return (inner if inner is not None and inner != number_head else measured), measured
        return None, None
    phrase_head = noun
    if _lemma(noun) in CONTAINER_NOUNS or noun.lower_ in CONTAINER_NOUNS:
        inner = _of_object(noun)
        if inner is not None:
            return inner, phrase_head
    return noun, phrase_head


def _measured_noun(number_head: Token) -> Token | None:
    """The noun a number is the value of: "put the number of casualties at 3,000", "the death
    toll rose to 52", "the total number of troops is 11,000", "the casualty rate reached 559,
    before increasing to 952"."""
    head = number_head.head
    if number_head.dep_ == "pobj" and head.lower_ == "of" and (
            _lemma(head.head) in MEASURE_NOUNS or head.head.pos_ == "NOUN" and _noun_category(head.head)):
        return head.head  # "a total of 10,000", "a force of 10,000"
    if number_head.dep_ == "pobj" and head.lower_ in {"at", "to", "by"}:
        verb = head.head
        if verb.pos_ in {"ADJ", "ADV"} and verb.head.pos_ in {"VERB", "AUX"}:
            verb = verb.head  # "could be closer to 12,000"
        if verb.pos_ not in {"VERB", "AUX"}:
            return None
        if head.lower_ == "at" and _lemma(verb) not in ESTIMATE_AT_LEMMAS:
            # "put the number of soldiers – aside – at 8,000": the parser hung "at" in the aside
            verb = next((v for v in number_head.sent if v.i < number_head.i and _lemma(v) in ESTIMATE_AT_LEMMAS
                         and any(c.dep_ == "dobj" for c in v.children)), verb)
        objects = [c for c in verb.children if c.dep_ == "dobj"]
    elif number_head.dep_ in {"attr", "dobj"} and head.pos_ in {"VERB", "AUX"}:
        verb, objects = head, []
    else:
        return None
    subject = _subject_of(verb)
    if subject is None and verb.dep_ == "acl" and verb.head.pos_ in {"NOUN", "PROPN"}:
        subject = verb.head  # "Ruritanian forces in the area, estimated at 50,000, ..."
    measuring = _lemma(verb) in MEASURE_VERBS or _lemma(verb) in ESTIMATE_AT_LEMMAS or _lemma(verb) == "be"
    for candidate in [*objects, *([subject] if subject is not None else [])]:
        if _lemma(candidate) in MEASURE_NOUNS or (candidate in objects or measuring) and _noun_category(candidate):
            return candidate
    if _lemma(verb) in MEASURE_VERBS:
        # "the number of soldiers killed and wounded ... has exceeded 3,000", where the parser
        # took "killed" for the clause's verb: the nearest measure noun before the verb
        return next((t for t in reversed(number_head.doc[number_head.sent.start:verb.i])
                     if _lemma(t) in MEASURE_NOUNS and t.pos_ == "NOUN"), None)
    return None


def _casualty_context(noun: Token) -> bool:
    """People counted as killed, wounded or captured: by a modifier ("wounded soldiers", "soldiers
    killed in ..."), as the casualty verb's own subject or object ("20 soldiers were killed"), or
    listed under one ("killed 20 people, including three children")."""
    if any(_is_casualty_word(c) for c in noun.children if c.dep_ in {"amod", "acl", "relcl"}):
        return True
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and _lemma(noun.head.head) in CASUALTY_NOUNS:
        return True  # "the loss of 2,030 troops"
    following = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
    if following is not None and _is_casualty_word(following) and following.tag_ in {"VBN", "VBD", "JJ"} \
            and noun.dep_ == "pobj" and _lemma(noun.head.head) in MEASURE_NOUNS:
        return True  # "the number of soldiers killed and wounded", however the parser hangs "killed"
    if _casualty_follows(noun):
        return True
    verb = _verb_above(noun)
    if verb is None:
        return False
    if noun.dep_ in {"nsubj", "nsubjpass", "dobj"} and noun.head == verb and _reports_casualty(verb):
        return True  # "20 soldiers were killed", "are believed to have been killed"
    if not _is_casualty_word(verb):
        return False
    if noun.dep_ == "attr" and noun.head == verb:
        return True
    if noun.dep_ == "conj" and noun.head.dep_ in {"nsubj", "nsubjpass", "dobj"} and noun.head.head == verb:
        return True
    path = [noun, *_ancestors(noun)]
    return any(t.lower_ in LISTING_PREPS and t.dep_ == "prep" for t in path[:path.index(verb)])


def _casualty_follows(noun: Token) -> bool:
    """'600 soldiers are believed to have been killed' read left to right, for when the parse
    loses the subject (a wire dateline before it, for instance): a casualty participle follows the
    noun in its clause, with only auxiliaries and hearsay verbs in between."""
    for token in noun.doc[noun.i + 1:min(noun.sent.end, noun.i + 10)]:
        if _is_casualty_word(token) and token.tag_ in {"VBN", "JJ"}:
            return any(t.lower_ in {"been", "were", "was", "are", "is", "be"} for t in noun.doc[noun.i + 1:token.i])
        if token.pos_ in {"AUX", "PART", "ADV"} or _lemma(token) in HEARSAY_LEMMAS:
            continue
        return False
    return False


def _reports_casualty(verb: Token) -> bool:
    """A casualty verb, or one whose complement is ("are believed to have been killed", "were
    reported killed", "have been killed or wounded")."""
    if _is_casualty_word(verb):
        return True
    for child in verb.children:
        if child.dep_ in {"xcomp", "oprd", "acomp"} and (_is_casualty_word(child) or (
                child.dep_ == "xcomp" and any(_is_casualty_word(g) and g.dep_ in {"xcomp", "oprd", "acomp"}
                                              for g in child.children))):
            return True
    return False


def categorise(noun: Token | None, number_head: Token) -> str:
    """Category of a figure, or '' when the number counts neither people nor materiel."""
    if noun is None:
        verb = _verb_above(number_head)
        if number_head.dep_ in {"nsubj", "nsubjpass", "dobj"} and verb is not None \
                and _reports_casualty(verb):
            return "casualties"  # "killed 500", "500 were wounded", "another 1,000 are missing"
        return ""
    category = _noun_category(noun)
    if not category and (_lemma(noun) in MEASURE_NOUNS or _lemma(noun) in OTHERS_NOUNS):
        # "the casualty rate", "the death toll": the compound says what is measured
        category = next((c for c in map(_noun_category, (m for m in noun.children if m.dep_ == "compound")) if c), "")
        if not category and _lemma(noun) in OTHERS_NOUNS and _casualty_context(noun):
            return "casualties"  # "with some 2,700 others injured"
    if not category and noun.dep_ == "pobj" and noun.head.lower_ == "of" and _lemma(noun.head.head) in MEASURE_NOUNS:
        measure = noun.head.head
        if any(_is_casualty_word(c) for c in (*measure.children, *noun.children) if c.dep_ in {"amod", "compound"}):
            return "casualties"  # "the number of war dead": the parser hangs "dead" on "number"
    if not category:
        conj = [c for c in noun.children if c.dep_ == "conj"]
        category = next((c for c in map(_noun_category, conj) if c), "")
    if category == "other" and any(c.dep_ == "amod" and _lemma(c) == "military" for c in noun.children):
        category = "troops"  # "5,000 military builders", "military engineers"
    partitive = noun.head.dep_ == "prep" and noun.head.head == number_head  # "one of the soldiers"
    if category in {"troops", "other"} and (_casualty_context(noun) or partitive and _casualty_context(number_head)):
        return "casualties"
    if category == "other" and noun.ent_type_ == "NORP":
        verb = _verb_above(noun)
        if verb is not None and _lemma(verb) in {"deploy", "send", "dispatch", "fight", "train",
                                                 "mobilize", "station", "serve", "enlist", "join"}:
            return "troops"
    return category


def subject_phrase(noun: Token | None, phrase_head: Token | None, number_tokens: list[Token]) -> str:
    """What is counted, as a short noun phrase: modifiers after the number, the noun, and for
    containers their contents ("containers of artillery, missiles, and other military equipment")."""
    if noun is None or phrase_head is None:
        return ""
    number_ids = {t.i for t in number_tokens}
    hedge_ids = {t.i for n in number_tokens for t in n.subtree if t.i < number_tokens[0].i}
    first = max((t.i for t in number_tokens if t.i < phrase_head.i), default=phrase_head.left_edge.i - 1) + 1
    keep: list[Token] = [t for t in phrase_head.doc[first:phrase_head.i + 1]
                         if t.i not in number_ids | hedge_ids and t.dep_ not in {"det", "predet", "punct"}
                         and t.pos_ != "PRON"]
    tail_root = noun if noun is not phrase_head else None
    extra: list[Token] = []
    if tail_root is not None:
        inside = {t.i for t in tail_root.subtree}
        # the contents without any clause hanging inside them
        extra = [tail_root.head] + [t for t in tail_root.subtree if t.dep_ not in {"relcl", "acl"}
                                    and not any(a.dep_ in {"relcl", "acl"} and a.i in inside
                                                for a in _ancestors(t) if a.i != tail_root.i)]
    else:
        for conj in (c for c in phrase_head.children if c.dep_ == "conj" and _noun_category(c)
                     and not any(g.like_num or g.pos_ == "NUM" for g in c.subtree)):
            cc = [c for c in phrase_head.children if c.dep_ == "cc"]
            extra += cc + [t for t in conj.subtree if t.dep_ not in {"relcl", "acl", "punct"}
                           and t.head.dep_ not in {"relcl", "acl"}]
    ids = {t.i for t in keep + extra} - number_ids
    return re.sub(r"^(?:of|-?\s*strong)\s+", "", _render(phrase_head.doc, ids))


def _render(doc: Doc, ids: set[int]) -> str:
    """Tokens as the article wrote them: runs joined by their own spacing, gaps by one space;
    punctuation between two kept tokens ("surface-to-surface") is kept."""
    ids = set(ids)
    for i in list(ids):
        if i + 2 in ids and doc[i + 1].is_punct and doc[i + 1].text in "-‐‑–/" and i + 1 not in ids:
            ids.add(i + 1)
    parts: list[str] = []
    previous = None
    for i in sorted(ids):
        token = doc[i]
        if previous is not None:
            parts.append(doc[previous].whitespace_ if previous == i - 1 else " ")
        parts.append(token.text)
        previous = i
    return re.sub(r"\s+", " ", "".join(parts)).strip(" ,;")


def _elided_subject(number_head: Token) -> str:
    """For a number standing alone ("3,000 have been killed or wounded"), the verbs saying what
    happened to them."""
    verb = _verb_above(number_head)
    if verb is None:
        return ""
    words = [verb] + [c for c in verb.children if c.dep_ == "conj" and c.pos_ in {"VERB", "ADJ"}]
    if number_head.head.pos_ in {"ADJ", "VERB"} and number_head.head != verb:
        words = [number_head.head]  # "about 1,000 wounded"
    complements = [c for c in verb.children if c.dep_ in {"acomp", "xcomp", "oprd"} and _is_casualty_word(c)]
    if not _is_casualty_word(verb) and complements:
        words = complements  # "another 1,000 are missing"
    return " or ".join(w.text for w in words)


# ------------------------------------------------------------------------------ who claims it
def _is_cue_verb(token: Token) -> bool:
    return token.pos_ in {"VERB", "AUX"} and _lemma(token) in FIGURE_CUE_LEMMAS \
        and token.dep_ not in {"amod", "compound"}


def _inverted_subject(verb: Token) -> Token | None:
    """'Label: 3,000 casualties, claims Lind': a cue verb after a comma that ends the sentence with
    a name is inverted; the parser takes the name for its object and the line's label for its
    subject."""
    doc = verb.doc
    if verb.i == 0 or doc[verb.i - 1].text != "," or not _is_cue_verb(verb) or verb.tag_ not in {"VBZ", "VBD"}:
        return None
    after = [c for c in verb.children if c.i > verb.i and c.dep_ in {"dobj", "nsubj", "attr"}]
    if len(after) != 1 or after[0].pos_ != "PROPN" or after[0].left_edge.i != verb.i + 1:
        return None
    rest = doc[after[0].right_edge.i + 1 : verb.sent.end]
    return after[0] if all(t.is_punct or t.is_space for t in rest) else None


def _subject_of(verb: Token) -> Token | None:
    """Who performs a verb: the passive agent, else the subject, inherited up shared-subject links."""
    inverted = _inverted_subject(verb)
    if inverted is not None:
        return inverted
    current = verb
    for _ in range(5):
        agents = [g for c in current.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        if agents:
            return agents[0]
        subjects = [c for c in current.children if c.dep_ in {"nsubj", "csubj"}]
        if subjects:
            if subjects[0].lower_ in {"which", "who", "that"} and current.dep_ == "relcl":
                return current.head  # "a briefing by the spy agency, which reported 100 deaths"
            return subjects[0]
        if current.dep_ == "acl" and current.head.pos_ in {"NOUN", "PROPN"} and any(
                c.dep_ == "ccomp" for c in current.children):
            return current.head  # "Freedonia's special forces reported on Monday that ..." misparsed
        if current.dep_ == "acl" and current.tag_ == "VBG" and (
                _lemma(current.head) in DOCUMENT_NOUNS or _held_evidence(current.head)):
            return current.head  # "intelligence showing 8,000 ...": the intelligence shows it
        if (current.tag_ == "VBG" and current.dep_ == "advcl" and current.head.dep_ == "ccomp"
                and _is_cue_verb(current.head.head)):
            # "X said that Y sent troops, claiming that ...": the parser hangs the reporter's
            # participle on the reported clause; it is still X's claim
            current = current.head.head
            continue
        if current.dep_ in {"conj", "xcomp", "advcl"} and current.head.i != current.i:
            current = current.head
            continue
        if current.dep_ == "pcomp" and current.head.dep_ == "prep" and current.head.head.pos_ in {"VERB", "AUX"}:
            current = current.head.head  # "reached 559, before increasing to 952"
            continue
        return None
    return None


def _owner_of_claim(noun: Token) -> Token | Span | None:
    """Who owns a claim noun: 'estimates from X', 'claims by X', "X's report", 'an estimate given
    by X', 'Ruritanian intelligence claims'. A modifier owns the claim only when it names someone
    (a proper name or a nationality): "intelligence reports" has no owner."""
    doc = noun.doc
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ in {"from", "by", "of"}):
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if obj is None or _lemma(obj) in DOCUMENT_NOUNS:
            continue
        if prep.lower_ == "of" and not _names_someone(obj):
            continue  # "estimates of casualties", "an assessment of 8,000": what, not whose
        return obj
    for child in noun.children:
        if child.dep_ == "poss" and child.ent_type_ not in {"DATE", "TIME"}:  # not "Thursday's figure"
            return child
    counted = [g for p in noun.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children]
    for acl in (c for t in [noun, *counted] for c in t.children if c.dep_ == "acl" and c.tag_ == "VBN"):
        # "the American estimate of 3,000 given by spokesperson X": the agent gave it (the parser
        # may hang the participle on the number)
        agent = next((g for p in acl.children if p.dep_ == "agent" for g in p.children if g.dep_ == "pobj"), None)
        if agent is not None and _lemma(agent) not in DOCUMENT_NOUNS:
            return agent
    for acl in (c for c in noun.children if c.dep_ == "acl" and _lemma(c) in {"base", "cite"}):
        # "accusations, based on intelligence reports", "estimates citing Interpol"
        objects = [g for p in acl.children if p.dep_ == "prep" for g in p.children if g.dep_ == "pobj"]
        objects += [c for c in acl.children if c.dep_ == "dobj"]
        for obj in objects:
            if _lemma(obj) not in DOCUMENT_NOUNS or _names_a_source(obj):
                return obj
    modifiers = [t for c in noun.children if c.dep_ in {"compound", "amod", "nmod"} and c.i < noun.i
                 for t in c.subtree]
    if not any(_names_someone(t) for t in modifiers):
        return None
    # "an earlier U.S. assessment": the owner starts at its first name or noun, not at "earlier"
    first = min(t.i for t in modifiers if _names_someone(t) or t.pos_ == "NOUN")
    return doc[first:noun.i]


def _names_someone(token: Token) -> bool:
    """A proper name or a nationality, which can own a claim ("Ruritanian estimates")."""
    return not token.like_num and (
        token.pos_ == "PROPN" or token.ent_type_ in {"NORP", "GPE", "ORG", "PERSON"})


def _owner_of_earlier_document(document: Token) -> Token | Span | None:
    """'the report added' -> the owner of the last report the article credited ("a report posted
    by the UK Ministry of Defense")."""
    if not any(c.dep_ == "det" and c.lower_ in {"the", "this", "that"} for c in document.children):
        return None
    for token in reversed(document.doc[:document.i]):
        if token.pos_ == "NOUN" and _lemma(token) == _lemma(document):
            owner = _owner_of_claim(token) or next(
                (g for c in token.children if c.dep_ == "acl" for a in c.children
                 if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"), None)
            if owner is not None:
                return owner
    return None


def _names_a_source(document: Token) -> bool:
    """A document phrase that still says whose it is in kind ("intelligence reports", "Western
    estimates"), worth keeping as the claimant when nobody above reports it."""
    return any(c.dep_ in {"compound", "amod"} and (c.pos_ in {"NOUN", "PROPN"} or c.ent_type_ in {"NORP", "GPE", "ORG"})
               for c in document.children)


def _np_text(head: Token) -> str:
    """A claimant's words: the head with what precedes it in its phrase (no clauses, no asides)."""
    drop = {"relcl", "acl", "appos", "punct", "advcl", "prep"}
    tokens = [head] + [t for c in head.children if c.dep_ not in drop and c.i < head.i for t in c.subtree]
    tokens += [t for c in head.children if c.dep_ in {"cc", "conj"} for t in c.subtree]
    tokens = sorted(tokens, key=lambda t: t.i)
    return head.doc[tokens[0].i:tokens[-1].i + 1].text


class _Claim:
    """A claimant found in the parse, with its cue."""

    def __init__(self, source: Source, cue_token: Token | None, *, ownerless: bool = False) -> None:
        self.source = source
        self.cue_token = cue_token
        self.ownerless = ownerless  # a document nobody is credited with ("intelligence reports")


def _source_for(phrase: Token | Span, ctx: ArticleContext, cue: str) -> Source:
    """Canonical Source for a claimant (a head noun, or a span such as the modifiers owning a
    claim noun); coordinated claimants ("the U.S. and Ruritanian authorities") keep their words."""
    if isinstance(phrase, Token):
        head = phrase
        raw = _np_text(head)
        coordinated = any(c.dep_ in {"cc", "conj"} for t in head.subtree if t.i <= head.i for c in t.children)
        span = head.doc[head.i:head.i + 1]
    else:
        head, raw, span = phrase.root, phrase.text, phrase
        coordinated = any(t.dep_ == "cc" for t in phrase)
    if coordinated:
        return Source(raw, clean_name(raw), "", cue, "body")
    if _lemma(head) in DOCUMENT_NOUNS:  # "intelligence reports": the phrase is all we have
        name = LEADING_QUANTIFIERS.sub("", re.sub(r"^(?:the|a|an|latest|new|recent)\s+", "", clean_name(raw), flags=re.I))
        return Source(raw, name, "", cue, "role")
    named = next((c for c in head.children if c.dep_ == "appos" and c.pos_ == "PROPN" and c.i == head.i + 1), None)
    if head.pos_ == "NOUN" and named is not None and _lemma(head) not in PERSON_ROLE_NOUNS:
        # "the consulting company Bain": the name, not the kind
        return _source_for(named, ctx, cue)
    person = next((c for c in head.children if c.dep_ == "appos" and (c.pos_ == "PROPN" or c.ent_type_ == "PERSON")), None)
    if head.pos_ == "NOUN" and _lemma(head) in PERSON_ROLE_NOUNS and person is not None:
        words = head.doc[person.left_edge.i:person.i + 1].text
        if looks_like_person_name(words):
            # "a representative, Kang Dae-sik": the model does not always tag the name
            return Source(words, ctx.names.person(words, at=person.idx), "", cue, "person")
    continued = _proper_name_continuation(head)
    if continued is not None:  # "the UK Ministry of Defense": the name runs on through "of"
        raw = continued
        canonical = ctx.names.aliases.canonical(clean_name(raw))
        return Source(raw, canonical or ctx.names.body(raw), "", cue, "body")
    canonical = ctx.names.aliases.canonical(clean_name(raw))
    place = ctx.names.aliases.place(clean_name(raw))
    if not canonical and place is not None and head.ent_type_ == "GPE":
        # "Freedonia claims ...": a country credited with a number is named as the country
        return Source(raw, place.country, place.country, cue, "body")
    source = _resolve_np(ctx, span)
    if head.pos_ == "NOUN" and source.raw != source.name and _names_other_person(head, source.name, ctx):
        # "Horvat could send 100,000 troops, the analyst warned": a description is not the person
        # the claim is about; keep it as an unnamed role
        return Source(raw, f"unnamed {clean_name(raw)}", source.country, cue, "role")
    name = canonical or source.name
    if source.kind in {"role", "body"} and not canonical:
        if len(name.split()) == 1 and name.islower() and len(clean_name(raw).split()) > 1:
            name = clean_name(raw)  # "forces" -> "Freedonia's special forces"
        name = LEADING_QUANTIFIERS.sub("", name)
    if source.kind == "body" and head.pos_ == "PROPN" and looks_like_person_name(raw) and any(
            c.dep_ == "appos" and _lemma(c) in PERSON_ROLE_NOUNS for c in head.children):
        # "Olena Hrytsenko, head of ...": the small model often tags such names as organisations
        name = ctx.names.person(raw, at=head.idx)
        return Source(raw, name, source.country, cue, "person")
    raw_out = source.raw if source.kind == "person" or head.pos_ == "PRON" else raw
    return Source(raw_out, name, source.country, cue, source.kind)


def _resolve_np(ctx: ArticleContext, span: Span) -> Source:
    """``ctx.resolve_np``, remembered per sentence wording for phrases that need no antecedent.

    A name or an indefinite noun phrase resolves the same way wherever the same sentence occurs,
    and resolving one scans the sentence's entities; wire copy and live blogs repeat sentences
    (a dateline, a standing paragraph), so the answer is reused. Pronouns and definite
    descriptions ("the official") depend on what came before and are always resolved afresh."""
    head = span.root
    definite = any(c.dep_ in {"det", "poss"} for c in head.children)
    if head.pos_ == "PRON" or definite or head.lower_ in PRONOUNS:
        return ctx.resolve_np(span)
    cache = span.doc.user_data.setdefault("sitrep.figures.resolved", {})
    sent = head.sent
    key = (sent.text, span.start - sent.start, span.end - sent.start)
    if key not in cache:
        cache[key] = ctx.resolve_np(span)
    return cache[key]


def _proper_name_continuation(head: Token) -> str | None:
    """An organisation's name the parse splits at "of"/"for": "UK Ministry of Defense",
    "Institute for the Study of War". None when the head's phrase is already whole."""
    if head.pos_ != "PROPN":
        return None
    prep = next((c for c in head.children if c.dep_ == "prep" and c.lower_ in {"of", "for"}), None)
    if prep is None:
        return None
    tail = [t for t in prep.subtree if t.dep_ not in {"relcl", "acl", "appos", "punct"}]
    if not tail or not all(t.text[:1].isupper() or t.lower_ in {"of", "for", "the", "and"} for t in tail):
        return None
    first = min(t.i for t in head.subtree if t.i <= head.i and t.dep_ != "det" and not (t.dep_ == "poss"))
    first = min([first, *[t.i for t in head.children if t.dep_ == "compound"]])
    last = max(t.i for t in tail)
    return head.doc[first:last + 1].text


def _names_other_person(description: Token, name: str, ctx: ArticleContext) -> bool:
    """Whether a description ("the analyst") was resolved to someone its own sentence names
    elsewhere, which it cannot be: a claim is not made by the people it is about."""
    inside = {t.i for t in description.subtree}
    sent = description.sent
    if any(ent.label_ == "PERSON" and ent.start not in inside and ctx.names.person(ent.text) == name
           for ent in _ents_in(sent.doc, sent.start, sent.end)):
        return True
    outside = " ".join(t.lower_ for t in sent if t.i not in inside)
    return bool(name) and re.search(rf"\b{re.escape(name.lower())}\b", outside) is not None


def _according_to(verb: Token) -> Token | None:
    """The object of an "according to" hanging from ``verb``."""
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ == "according":
            to = next((c for c in child.children if c.lower_ == "to"), None)
            obj = next((c for c in (to.children if to is not None else []) if c.dep_ == "pobj"), None)
            if obj is not None:
                return obj
    return None


def _conj_root(token: Token) -> Token:
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token


def _owner_source(owner: Token | Span, ctx: ArticleContext, cue: str) -> Source:
    """The Source for a claim's owner. A country or nationality that modifies the claim noun ("an
    earlier Canadian assessment", "U.S. estimates") is that country's government."""
    if isinstance(owner, Span) and ctx.names.aliases.canonical(clean_name(owner.text)) is None:
        place = ctx.names.aliases.place(clean_name(owner.text))
        if place is not None and place.government:
            return Source(owner.text, place.government, place.country, cue, "body")
    return _source_for(owner, ctx, cue)


def _claim_according_to(obj: Token, ctx: ArticleContext, verb: Token) -> _Claim | None:
    owner = _owner_of_claim(obj) if _lemma(obj) in DOCUMENT_NOUNS else obj
    return _Claim(_owner_source(owner, ctx, "according_to"), verb) if owner is not None else None


def _claim_from_parse(number_head: Token, ctx: ArticleContext) -> _Claim | None:
    """Walk up from the number to the first credited source.

    A reporting verb credits its subject, a claim noun its owner, an "according to X" on a verb of
    the chain (or on a verb coordinated with one: "100 were killed and 1,000 wounded, according
    to X") its object. A document without an owner ("intelligence reports suggested") is
    remembered but the walk goes on to whoever reports the document; so is a promise ("X had
    promised 10,000 troops, the lawmakers said"), whose reporter, when named, is the claimant.
    """
    fallback: _Claim | None = None
    committed: _Claim | None = None
    chain = [number_head, *_ancestors(number_head)]
    for node in chain:
        if node.pos_ in {"VERB", "AUX"}:
            obj = _according_to(node)
            # "X says ..., according to Reuters": X is the source, the agency only relays it
            if obj is not None and not (_is_cue_verb(node) and _subject_of(node) is not None):
                if (claim := _claim_according_to(obj, ctx, node)) is not None:
                    return claim
            if _is_cue_verb(node):
                subject = _subject_of(node)
                if node.tag_ == "VBN" and node.dep_ in {"acl", "advcl"} and not any(
                        c.dep_ in {"aux", "auxpass", "agent", "ccomp"} for c in node.children):
                    # "forces, estimated at 50,000": a participle says nothing of who; but one
                    # with a that-clause is a misparsed verb ("the agency estimated that ...")
                    subject = None
                if subject is None:
                    # "Ruritanian intelligence claims that ..." parsed as a verb with its owner
                    # hanging as a compound
                    owner = _owner_of_claim(node)
                    if owner is not None:
                        return _Claim(_owner_source(owner, ctx, _lemma(node)), node)
                    continue
                if _lemma(subject) in DOCUMENT_NOUNS or _held_evidence(subject):
                    owner = (_owner_of_claim(subject) or _owner_of_earlier_document(subject)
                             or _publisher_of(subject))
                    if owner is not None:
                        return _Claim(_owner_source(owner, ctx, _lemma(node)), node)
                    fallback = fallback or _Claim(_source_for(subject, ctx, _lemma(node)), node,
                                                  ownerless=not _names_a_source(subject))
                    continue
                listed = _detached_coordination(subject)
                if listed is not None:
                    return _Claim(_source_for(listed, ctx, _lemma(node)), node)
                if subject.lower_ in {"he", "she"}:
                    # "Lind told reporters that he believes ...": the pronoun of a reported
                    # clause is the reporter
                    outer = next((a for a in _ancestors(node) if _is_cue_verb(a)), None)
                    reporter = _subject_of(outer) if outer is not None else None
                    if reporter is not None and reporter.pos_ == "PROPN":
                        return _Claim(_source_for(reporter, ctx, _lemma(node)), node)
                if _lemma(node) in COMMITMENT_LEMMAS:
                    committed = committed or _Claim(_source_for(subject, ctx, _lemma(node)), node)
                    continue
                source = _source_for(subject, ctx, _lemma(node))
                spokesperson = _speaking_for_a_country(node, source, ctx)
                return _Claim(spokesperson or source, node)
        elif node.pos_ == "NOUN" and _lemma(node) in CLAIM_NOUNS and node is not number_head:
            # "officials offered a lower estimate of 1,200" (but not who rejects one)
            owner = _owner_of_claim(node) or _publisher_of(node, verbs=GIVING_LEMMAS)
            if owner is not None:
                return _Claim(_owner_source(owner, ctx, _lemma(node)), node)
    if fallback is None:
        trailing = _trailing_attribution(number_head, chain)
        if trailing is not None:
            return _Claim(_source_for(_subject_of(trailing), ctx, _lemma(trailing)), trailing)
        roots = {_conj_root(t).i for t in chain if t.pos_ in {"VERB", "AUX"}}
        for verb in number_head.sent:
            if verb.pos_ in {"VERB", "AUX"} and _conj_root(verb).i in roots:
                obj = _according_to(verb)
                if obj is not None and (claim := _claim_according_to(obj, ctx, verb)) is not None:
                    return claim
    return fallback or committed


def _held_evidence(noun: Token) -> bool:
    """'X had intelligence suggesting ...', 'X released intelligence showing ...': intelligence as
    a thing held or released (an object), not the body that gathers it ("intelligence said"); so is
    intelligence "suggesting" or "showing" something, a participle the parser may hang it on as
    its subject when the word stands in quotation marks."""
    if _lemma(noun) not in EVIDENCE_NOUNS:
        return False
    return noun.dep_ in {"dobj", "pobj"} or (noun.dep_ == "nsubj" and noun.head.tag_ == "VBG")


def _speaking_for_a_country(verb: Token, source: Source, ctx: ArticleContext) -> Source | None:
    """'Spokesperson X told reporters that the U.S. believes there are 10,000': a country's belief
    reported by a named person is that person's claim (he speaks for it, and can be asked)."""
    if source.kind != "body" or not source.country or source.name != ctx.government_of(source.country):
        return None
    outer = next((a for a in _ancestors(verb) if _is_cue_verb(a)), None)
    if outer is None:
        return None
    reporter = _subject_of(outer)
    if reporter is None:
        return None
    found = _source_for(reporter, ctx, _lemma(outer))
    return found if found.kind == "person" else None


def _publisher_of(document: Token, *, verbs: frozenset[str] | None = None) -> Token | None:
    """Who put a document out: "The White House released images showing that ..." -> the White
    House; with ``verbs``, only by one of those verbs."""
    # "X had intelligence suggesting ...": holding is not publishing; whoever reports it claims it
    if (document.dep_ == "dobj" and document.head.pos_ == "VERB" and _lemma(document.head) != "have"
            and (verbs is None or _lemma(document.head) in verbs)):
        subject = _subject_of(document.head)
        if subject is not None and _lemma(subject) not in DOCUMENT_NOUNS:
            return subject
    return None


def _trailing_attribution(number_head: Token, chain: list[Token]) -> Token | None:
    """A closing "…, the minister told Bloomberg." the parser hung under the number's clause
    (as a conjunct or parataxis) instead of above it: a cue verb after the number, preceded by a
    comma, with its own subject and no clause of its own."""
    chain_ids = {t.i for t in chain}
    for verb in number_head.sent:
        if verb.i <= number_head.i or not _is_cue_verb(verb) or verb.dep_ not in {"conj", "parataxis", "ccomp", "advcl"}:
            continue
        if verb.head.i not in chain_ids or any(c.dep_ in {"ccomp", "xcomp"} for c in verb.children):
            continue
        subject = _subject_of(verb)
        if subject is None or subject.i < number_head.i:
            continue
        before = subject.left_edge.i - 1
        if before >= 0 and verb.doc[before].text == ",":
            return verb
    return None


def _detached_coordination(subject: Token) -> Span | None:
    """Repair a list the parser broke before the verb: in "estimates from the US, Freedonia, and
    Ruritania suggest", only "Ruritania" is the subject. Returns the whole list when the
    subject follows "and"/"or" that the parser hung elsewhere and the list opens after "from"/"by"."""
    doc = subject.doc
    first = subject.left_edge.i
    if first == 0 or doc[first - 1].dep_ != "cc" or doc[first - 1].head in set(subject.subtree):
        return None
    i = first - 1
    while i > subject.sent.start and (doc[i].pos_ in {"PROPN", "DET", "CCONJ", "ADJ"} or doc[i].text == ","):
        i -= 1
    if doc[i].lower_ not in {"from", "by"} or i + 1 >= first - 1:
        return None
    return doc[i + 1:subject.i + 1]


def _claim_from_punctuation(number_head: Token, ctx: ArticleContext) -> _Claim | None:
    """Headline forms with no reporting verb: "2,000 troops sent – SBU", "2,000 troops sent:
    Nowak", "SBU: 2,000 troops sent"."""
    sent = number_head.sent
    line_start, line_end = _line_bounds(ctx.text, number_head.idx)
    start, end = max(sent.start_char, line_start), min(sent.end_char, line_end)
    if line_end - line_start < 200 and not ctx.text[line_start:line_end].rstrip().endswith("."):
        start, end = line_start, line_end  # a headline: the parser may split it at the colon
    text = ctx.text[start:end].rstrip(" .")
    # "... – SBU" and "...: Nowak" at the end of a headline
    # the credit opens with a capital and may go on in lower case ("Oslo spy agency", "Defence ministry")
    credit = re.search(r"(?:\s[—–-]{1,2}|:)\s*([A-Z][\w.’'-]*(?:\s+[\w.’'-]+){0,5})\s*$", text)
    cue = "dash"
    if credit is None or start + credit.start(1) < number_head.idx:
        credit = re.match(r"^((?:[A-Z][\w.’'-]*\s*){1,5}):\s", text)
        cue = "colon"
        if credit is None or start + credit.end(1) > number_head.idx:
            return None
    span = ctx.doc.char_span(start + credit.start(1), start + credit.start(1) + len(credit.group(1).rstrip()),
                             alignment_mode="expand")
    if span is None or span.root.pos_ not in {"PROPN", "NOUN"}:
        return None
    # a name, not a headline label such as "Live Updates:" or "Analysis:"
    if any(t.lower_ in HEADLINE_LABELS for t in span):
        return None
    return _Claim(_source_for(span.root, ctx, cue), None)


def _closing_credit(number_head: Token, ctx: ArticleContext) -> _Claim | None:
    """'..., the General Staff of Freedonia's Armed Forces reported on Nov. 21.' read from the
    surface when the parse of a long list fell apart: after the sentence's last comma, a noun
    phrase, a reporting verb, and nothing but adjuncts to the end."""
    sent = number_head.sent
    commas = [t.i for t in sent if t.text == "," and t.i > number_head.i]
    if not commas:
        return None
    tail = list(number_head.doc[commas[-1] + 1:sent.end])
    verb_at = next((k for k, t in enumerate(tail) if t.pos_ in {"VERB", "AUX"}), None)
    if verb_at is None or verb_at == 0 or not _is_cue_verb(tail[verb_at]) and _lemma(tail[verb_at]) not in FIGURE_CUE_LEMMAS:
        return None
    phrase = tail[:verb_at]
    if not all(t.pos_ in {"DET", "PROPN", "NOUN", "ADJ", "PART", "ADP", "NUM", "CCONJ"} for t in phrase):
        return None
    if any(t.pos_ in {"VERB", "AUX"} for t in tail[verb_at + 1:]):
        return None
    span = number_head.doc[phrase[0].i:phrase[-1].i + 1]
    if not any(t.pos_ in {"PROPN", "NOUN"} for t in span):
        return None
    cue = _lemma(tail[verb_at])
    person = next((e for e in _ents_in(span.doc, span.start, span.end) if e.label_ == "PERSON"), None)
    if person is not None:
        return _Claim(Source(span.text, ctx.names.person(person.text, at=person.start_char), "", cue, "person"),
                      tail[verb_at])
    words = clean_name(span.text)
    name = ctx.names.aliases.canonical(words) or ctx.names.body(words)
    return _Claim(Source(span.text, LEADING_QUANTIFIERS.sub("", name), "", cue, "body"), tail[verb_at])


def _quote_holding(quotes: pd.DataFrame, start: int, end: int) -> pd.Series | None:
    """The quote (row of the quotes table) whose words hold [start, end), if it has a speaker."""
    if quotes is None or quotes.empty or not {"start", "end", "speaker"} <= set(quotes.columns):
        return None
    inside = quotes[(quotes["start"] <= start) & (quotes["end"] >= end) & (quotes["speaker"].astype(str) != "")]
    if inside.empty:  # not quoted, or quoted without a known speaker: the parse decides
        return None
    return inside.iloc[0]


def _quote_speaker(quotes: pd.DataFrame, start: int, end: int) -> tuple[str, str] | None:
    row = _quote_holding(quotes, start, end)
    if row is None:
        return None
    return str(row["speaker"]), str(row.get("speaker_raw", "") or row["speaker"])


# ------------------------------------------------------------------------------ stance, span, date
def stance_of(number_head: Token, cue_token: Token | None) -> str:
    """reported | confirmed | projected | denied | disputed, from the verbs above the number."""
    chain = [number_head, *_ancestors(number_head)]
    lemmas = {_lemma(t) for t in chain}
    negated = any(c.dep_ == "neg" for t in chain if t.pos_ in {"VERB", "AUX"} for c in t.children)
    clause = number_head.sent.text
    if lemmas & DENY_LEMMAS:
        return "denied"
    if lemmas & DISPUTE_LEMMAS or DISPUTE_WORDS.search(clause):
        return "disputed"
    # below the reporting verb; an "according to" hangs from the event's own verb, which counts
    reporting = cue_token is not None and cue_token in chain and _is_cue_verb(cue_token)
    below_cue = chain[:chain.index(cue_token)] if reporting else chain
    for token in below_cue:
        if token.pos_ in {"VERB", "AUX"}:
            auxes = [c.lower_ for c in token.children if c.dep_ == "aux"]
            # "could deploy", not the epistemic "could be closer to" or "may have committed"
            if any(a in MODAL_WORDS for a in auxes) and "have" not in auxes and _lemma(token) != "be":
                return "projected"
        if _lemma(token) in PROJECTION_LEMMAS:
            return "projected"
    if lemmas & CONFIRM_LEMMAS and not negated:
        return "confirmed"
    return "reported"


def evidence_span(number_tokens: list[Token], top: Token, claimant_head: Token | None,
                  text: str) -> tuple[int, int]:
    """Character span of the clause holding the number: ``top``'s phrase without the asides
    (relative clauses, conjuncts, adverbial clauses) that hold neither the number nor the claimant,
    never crossing a line break."""
    keep = {t.i for t in number_tokens}
    if claimant_head is not None:
        keep |= {t.i for t in claimant_head.subtree}
    subtree = list(top.subtree)
    first, last = subtree[0].i, subtree[-1].i
    path = {t.i for n in number_tokens for t in [n, *_ancestors(n)]} | {top.i}
    for token in subtree:
        # on the path from the number up, every aside goes; elsewhere only clauses (a list such as
        # "artillery, missiles, and other equipment" stays whole)
        asides = ASIDE_DEPS if token.i in path else CLAUSE_DEPS
        for child in token.children:
            if child.dep_ not in asides:
                continue
            ids = {t.i for t in child.subtree}
            if ids & keep or ids & path:
                continue
            if child.left_edge.i > max(keep | {token.i}):
                last = min(last, child.left_edge.i - 1)
            elif child.right_edge.i < min(keep | {token.i}):
                first = max(first, child.right_edge.i + 1)
    doc = top.doc
    while last > first and (doc[last].is_punct or doc[last].is_space or doc[last].dep_ == "cc"):
        last -= 1
    while first < last and (doc[first].is_punct or doc[first].is_space):
        first += 1
    start, end = doc[first].idx, doc[last].idx + len(doc[last].text)
    line_start, line_end = _line_bounds(text, number_tokens[0].idx)
    return max(start, line_start), min(end, line_end)


def as_of_date(sent: Span, anchors: list[Token], published: dt.date | None) -> tuple[str, str, str]:
    """(as_of, precision, basis): the date attached to the first anchor verb (in order) that has
    one, else the publication date, else unknown. A date that cannot be resolved (a year alone)
    still claims its verb: a farther verb's date would belong to another happening."""
    doc, sent_text = sent.doc, sent.text
    attached: dict[int, list] = {}
    for mention in find_date_mentions(sent_text):
        if PERIOD_PREPOSITIONS.search(sent_text[:mention.start]):
            continue
        start = sent.start_char + mention.start
        tokens = _tokens_in(doc, start, start + (mention.end - mention.start))
        verb = _verb_above(_head_of(tokens)) if tokens else None
        if verb is not None:
            attached.setdefault(verb.i, []).append(mention)
    for anchor in anchors:
        if anchor.i in attached:
            resolved = resolve_mention(attached[anchor.i][0], published)
            if resolved is not None:
                return resolved.date, resolved.precision, "text"
            break
    if published is not None:
        return published.isoformat(), "day", "published"
    return "", "", "unknown"


# ------------------------------------------------------------------------------ the extractor
def figure_rows(doc: Doc, article: Article, ctx: ArticleContext, quotes: pd.DataFrame) -> list[dict]:
    """One dict per figure mention, in text order."""
    rows: list[dict] = []
    for mention in find_numbers(ctx.text):
        row = _figure_row(doc, article, ctx, quotes, mention, rows)
        if row is not None:
            rows.append(row)
    _name_unnamed_roles(rows, ctx)
    return rows


def _name_unnamed_roles(rows: list[dict], ctx: ArticleContext) -> None:
    """'About 5,000 troops have been sent, a Norlandic lawmaker said' in the lead, and later
    'lawmaker Arvo Lind told reporters': a story introduces its source by role and names him
    further down, so the unnamed role is the one person the article gives that title (as quotes
    do). Two people with the title leave it unnamed."""
    people = {ctx.names.person(name) for name in ctx.names.full_names}
    for row in rows:
        words = clean_name(row["claimant_raw"]).lower().split()
        raw_words = row["claimant_raw"].lower().split()
        if not raw_words or raw_words[0] not in {"a", "an"} or not words:
            continue
        title = words[-1]
        titled = {
            other["claimant"] for other in rows
            if other["start"] > row["start"] and other["claimant"] in people
            and title in other["claimant_raw"].lower().split()
        } | {person for person in people if title in ctx.title_words(person)}
        if len(titled) == 1:  # claimant_raw keeps the words used here
            row["claimant"] = titled.pop()


def _initials(name: str, *, skip_small_words: bool) -> str:
    words = re.split(r"[\s-]+", re.split(r"(?:’s|'s)\s+", name)[-1])
    small = {"of", "for", "the", "and", "on", "in"}
    return "".join(w[0] for w in words if w and (w[0].isupper() or not skip_small_words and w.lower() in small)).upper()


def _expand_acronym(name: str, ctx: ArticleContext, *, before: int) -> str:
    """'JCS' -> the organisation the article named in full before ("Ruritania’s Joint Chiefs of
    Staff"), when the alias table does not know it: acronyms are how news copy refers back."""
    if not re.fullmatch(r"[A-Z][A-Za-z]{1,5}", name) or not re.fullmatch(r"[A-Z]{2,6}|[A-Z][a-z]?[A-Z]{1,4}", name):
        return name
    acronym = name.upper()
    for ent in reversed([e for e in _ents_in(ctx.doc, 0, len(ctx.doc)) if e.end_char <= before
                         and e.label_ in {"ORG", "GPE", "NORP", "FAC"}]):
        full = ent.text
        if full.upper() == acronym or len(full.split()) < 2:
            continue
        if acronym in {_initials(full, skip_small_words=True), _initials(full, skip_small_words=False)}:
            return ctx.names.body(full)
    return name


def _earlier_speakers(quotes: pd.DataFrame, rows: list[dict], before: int) -> list[str]:
    """Speakers of quotes and claimants of figures credited by name before ``before``, in order."""
    candidates: list[tuple[int, str]] = [
        (r["number_start"], r["claimant"]) for r in rows
        if r["claimant_raw"] and r["claimant_raw"].lower() not in PRONOUNS]
    if quotes is not None and not quotes.empty and {"start", "speaker"} <= set(quotes.columns):
        raw = quotes["speaker_raw"] if "speaker_raw" in quotes.columns else quotes["speaker"]
        candidates += [(int(start), str(speaker)) for start, speaker, words in zip(quotes["start"], quotes["speaker"], raw)
                       if str(speaker) and str(words).lower() not in PRONOUNS]
    return [name for _, name in sorted(c for c in candidates if c[0] < before)]


def _last_named_speaker(quotes: pd.DataFrame, rows: list[dict], before: int) -> str:
    """Who spoke last before ``before``: the fallback for a pronoun the attribution could not
    resolve ("He added that ..." after a name the model did not tag as a person)."""
    speakers = _earlier_speakers(quotes, rows, before)
    return speakers[-1] if speakers else ""


# How far back a bare existential count ("There are already 11,000 at the border") looks for the
# counted figure it repeats: about the sentence or two before it.
EXISTENTIAL_LOOKBACK_CHARS = 300


def _existential(number_head: Token) -> bool:
    """'There are 11,000 at the border': the number is what a "there is/are" says exists."""
    verb = number_head.head
    return (number_head.dep_ in {"attr", "nsubj"} and _lemma(verb) == "be"
            and any(c.dep_ == "expl" for c in verb.children))


def _bare_subject(number_head: Token) -> bool:
    """'There are 11,000 at the border', 'as many as 10,000 have made their way there': a count
    with no noun that is what its clause is about ("the two would discuss" points back at
    people named, it counts nobody)."""
    if _existential(number_head):
        return True
    return number_head.dep_ in {"nsubj", "nsubjpass"} and not any(c.dep_ == "det" for c in number_head.children)


def _troops_named_before(number_head: Token, window: int) -> Token | None:
    """The last noun for troops ("Norlandic troops") between ``window`` and the number's
    sentence, outside any count of its own."""
    doc = number_head.doc
    for token in reversed(doc[: number_head.sent.start]):
        if token.idx < window:
            return None
        if token.pos_ == "NOUN" and _noun_category(token) == "troops" and not any(
                c.like_num or c.pos_ == "NUM" for c in token.children):
            return token
    return None


def _is_population(number_head: Token) -> bool:
    """A number inside "a population of ...", "a country/city of ... people"."""
    for token in _ancestors(number_head):
        if token.pos_ in {"VERB", "AUX"}:
            return False
        if _lemma(token) in POPULATION_NOUNS:
            return True
    return False


def _what_is_counted(number_head: Token, mention: NumberMention, ctx: ArticleContext,
                     previous: list[dict]) -> tuple[str, str, Token | None, Token | None, dict | None]:
    """(category, inherited subject, counted noun, subject phrase head, the earlier row a bare
    figure restates); category '' when the number counts neither people nor materiel."""
    noun, phrase_head = _counted_noun(number_head)
    if noun is None and _strength_follows(mention, ctx.text):
        # "a 2,600-strong unit", "the unit, 2,600-strong,": the count is the unit's size
        noun = phrase_head = next((a for a in _ancestors(number_head) if a.pos_ in {"NOUN", "PROPN"}), None)
        if noun is not None and _lemma(noun) in CONTAINER_NOUNS:
            noun = _of_object(noun) or noun  # "a 50,000-strong group of troops"
    category = categorise(noun, number_head)
    inherited_subject = ""
    # "80 were shot down", "three of them", "26 others were lost"
    elided = noun is None or noun.pos_ == "PRON" or _lemma(noun) in OTHERS_NOUNS
    if (not category or elided) and (elided or _lemma(noun) in MEASURE_NOUNS) and number_head.pos_ == "NUM":
        # "A further 2,000 soldiers arrived, bringing the total to 12,000", "fired 90 missiles,
        # of which 80 were shot down": the same kind as the figure just counted in the sentence
        earlier = [r for r in previous if r["number_start"] >= number_head.sent.start_char]
        partitive_pronoun = noun is not None and noun.pos_ == "PRON" and noun.lower_ in {"them", "these", "those"}
        # "Thursday's 12,000 figure is larger than ...": a figure named for its value alone
        bare_measure = noun is not None and _lemma(noun) in MEASURE_NOUNS and noun.i == number_head.head.i and (
            _of_object(noun) is None and not any(c.dep_ == "compound" and c.i != number_head.i
                                                 for c in noun.children))
        if not earlier and (noun is None and _bare_subject(number_head) or partitive_pronoun or bare_measure):
            # "8,000 of them have deployed" after "10,000 Norlandic soldiers": the same people
            # 'Lind said 11,000 troops had arrived. "There are already 11,000 at the border," he
            # said', '"... as many as 10,000 have made their way there"': a bare count that
            # something is there or did something counts what the text just counted
            window = number_head.sent.start_char - EXISTENTIAL_LOOKBACK_CHARS
            earlier = [r for r in previous if r["number_start"] >= window and r["category"] == "troops"][-1:]
            if not earlier:
                # '... the presence of Norlandic troops in Ruritania. "There are already 11,000"':
                # the people just named, counted
                named = _troops_named_before(number_head, window)
                if named is not None:
                    return "troops", _render(number_head.doc, {t.i for t in named.subtree
                                                               if t.i <= named.i and t.dep_ != "det"}), None, None, None
        if earlier:
            # of several, the one of the same order of magnitude: "1,500 special forces were moved
            # on four ships, with 1,500 more to follow"
            source = min(reversed(earlier), key=lambda r: abs(math.log10(max(r["value"], 1) / max(mention.value, 1))))
            people = source["category"] in {"troops", "other", "casualties"}
            # what happened to them still decides: "500 were deployed, and 2,700 others injured"
            inherited_subject = source["subject"] if elided or bare_measure else ""
            if bare_measure:
                return source["category"], inherited_subject, noun, phrase_head, source
            if category == "casualties" and people:
                # "3,000 have been killed or wounded" after "11,000 troops": troops killed or wounded
                happened = _elided_subject(number_head) if noun is None else ""
                inherited_subject = f"{inherited_subject} {happened}".strip()
            else:
                category = source["category"]
    return category, inherited_subject, noun, phrase_head, None


def _claimant_of(claim: _Claim | None, mention: NumberMention, article: Article, ctx: ArticleContext,
                 quotes: pd.DataFrame, previous: list[dict]) -> tuple[str, str]:
    """(claimant, claimant_raw): the quote's speaker, else the claim's source, else the outlet."""
    quoted = _quote_speaker(quotes, mention.start, mention.end)
    if quoted is not None:
        return quoted
    if claim is None:
        # "A thousand were killed last week. / This was confirmed by X."
        confirmer = ctx.confirmer_of_sentence(mention.start)
        if confirmer is not None and confirmer.kind in {"person", "body"}:
            return confirmer.name, confirmer.raw
        return article.unattributed_claimant, ""
    if claim.ownerless:  # "a report said": nobody named, but keep the words
        return article.unattributed_claimant, claim.source.raw
    claimant, claimant_raw = claim.source.name, claim.source.raw
    claimant = _expand_acronym(claimant, ctx, before=mention.start)
    if claimant_raw.lower() in {"he", "she"} and (claimant.isupper() or (
            len(claimant.split()) < 2 and claimant not in ctx.names.full_names)):
        # "..., she noted" resolved to a single word or an acronym ("ATACMS") the model took for
        # a person: the last person quoted or credited is the safer antecedent (a surname the
        # article gave a person, "two POWs, surnamed Ri and Paek", is no such word)
        speakers = _earlier_speakers(quotes, previous, mention.start)
        if speakers and claimant not in speakers:
            claimant = speakers[-1]
    if claimant.lower() in PRONOUNS:
        claimant = _last_named_speaker(quotes, previous, mention.start) or claimant
    return claimant, claimant_raw


def _strength_follows(mention: NumberMention, text: str) -> bool:
    """Whether the number is a strength ("a 2,600-strong unit"): the size of what it modifies."""
    return re.match(r"[-‐‑]strong\b", text[mention.end:mention.end + 8]) is not None


def _names_particular_ones(number_head: Token, mention: NumberMention, noun: Token | None,
                           ctx: ArticleContext) -> bool:
    """Counts that name particular people or units rather than claim a tally: "one soldier
    claimed", "the two prisoners" (people the story already follows), "two brigades of 6,000"
    (units, whose headcount is the figure). "a 2,600-strong unit" is a headcount, and "one of
    the soldiers was killed" a toll: both stay."""
    if mention.value == 1:
        verb = _verb_above(number_head)
        return verb is None or not _reports_casualty(verb)  # "one of the soldiers was killed" is a toll
    definite = any(c.dep_ == "det" and c.lower_ in {"the", "these", "those"} for c in
                   (noun.children if noun is not None and number_head.dep_ == "nummod" else number_head.children))
    if definite and mention.value <= SMALL_COUNT:
        return True
    return (noun is not None and not _strength_follows(mention, ctx.text) and _lemma(noun) in UNIT_NOUNS
            and number_head.dep_ == "nummod")


def _figure_row(doc: Doc, article: Article, ctx: ArticleContext, quotes: pd.DataFrame,
                mention: NumberMention, previous: list[dict]) -> dict | None:
    """The row for one number, or None when it is not a figure."""
    number_tokens = _tokens_in(doc, mention.start, mention.end)
    if not number_tokens:
        return None
    number_head = _head_of(number_tokens)
    if number_head.pos_ == "PRON" or (number_head.lower_ == "one" and number_head.dep_ != "nummod"
                                      and _of_object(number_head) is None):
        return None  # "the one reported by ...": a pronoun, not a count
    if _is_population(number_head):
        return None  # "a country of 51 million people": who lives there, not who is in the war
    category, inherited_subject, noun, phrase_head, restated = _what_is_counted(number_head, mention, ctx, previous)
    if not category:
        return None
    if _names_particular_ones(number_head, mention, noun, ctx):
        return None
    claim = (_claim_from_parse(number_head, ctx) or _claim_from_punctuation(number_head, ctx)
             or _closing_credit(number_head, ctx))
    claimant, claimant_raw = _claimant_of(claim, mention, article, ctx, quotes, previous)
    if claim is None and restated is not None:
        # "Thursday’s 12,000 figure is larger than ...": claimed by whoever gave it before
        claimant, claimant_raw = restated["claimant"], restated["claimant_raw"]
    cue_token = claim.cue_token if claim is not None else None
    chain = [number_head, *_ancestors(number_head)]
    clause_verbs = [t for t in chain if t.pos_ in {"VERB", "AUX"}]
    if cue_token is not None and cue_token.sent == number_head.sent:
        # the smallest phrase holding both the number and the cue ("according to" may hang from
        # a coordinated clause)
        in_chain = {t.i for t in chain}
        top = next((t for t in [cue_token, *_ancestors(cue_token)] if t.i in in_chain), number_head.sent.root)
        if top.pos_ not in {"VERB", "AUX"} and top is not cue_token:
            top = number_head.sent.root  # the parse joined them through a noun: take the sentence
        claimant_head = _subject_of(cue_token)
    else:
        top = clause_verbs[0] if clause_verbs else number_head.sent.root
        claimant_head = None
    start, end = evidence_span(number_tokens, top, claimant_head, ctx.text)
    start, end = min(start, mention.start), max(end, mention.end)
    # the date of an "according to X" claim is not stated by the verb it hangs from
    according = claim is not None and claim.source.cue == "according_to"
    if according:
        anchors: list[Token] = []
    elif cue_token is not None:
        # the reporting chain: "the ministry said Thursday it believes ..." is dated by "said"
        anchors = [cue_token, *(t for t in _ancestors(cue_token) if _is_cue_verb(t))]
    else:
        anchors = clause_verbs
    as_of, precision, basis = as_of_date(number_head.sent, anchors, article.published)
    quote = _quote_holding(quotes, mention.start, mention.end)
    if quote is not None and str(quote.get("date_said", "") or ""):
        # a quoted number is as of the day the quote was said, when the quotes table knows it
        as_of, precision, basis = str(quote["date_said"]), str(quote.get("date_precision", "") or "day"), "text"
    return {
        "figure_id": f"{article.article_id}:f:{mention.start}",
        "article_id": article.article_id,
        "start": start,
        "end": end,
        "number_text": mention.text,
        "number_start": mention.start,
        "number_end": mention.end,
        "value": mention.value,
        "low": mention.low,
        "high": mention.high,
        "qualifier": mention.qualifier,
        "category": category,
        "subject": (inherited_subject or subject_phrase(noun, phrase_head, number_tokens)
                    or _elided_subject(number_head)),
        "claimant": claimant,
        "claimant_raw": claimant_raw,
        "stance": stance_of(number_head, cue_token),
        "as_of": as_of,
        "as_of_precision": precision,
        "as_of_basis": basis,
    }


def extract_figures(doc: Doc, article: Article, ctx: ArticleContext, *, quotes: pd.DataFrame) -> pd.DataFrame:
    """The FIGURES table (``schema.FIGURES``) for one parsed article."""
    rows = figure_rows(doc, article, ctx, quotes)
    if not rows:
        return schema.empty_frame("figures")
    return schema.conform(pd.DataFrame(rows), "figures")
