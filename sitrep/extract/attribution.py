"""Who asserts a stretch of an article: the speaker of a quote, the source of a number or claim.

Every extractor needs the same answer to "who says this?", so it is computed here once per
article. :class:`ArticleContext` reads the dependency parse around a character span:

* the subject of the governing cue verb, climbing from the span through verbs that report nothing
  ("X suggested the cabinet might approve ... 'coastal radar'" -> X), through participles and
  conjuncts that share their subject ("..., calling it 'reckless'"), and through a passive's
  agent ("was rejected by an envoy as '...'");
* "according to X", "quoted X as saying", "X was quoted by an agency as saying", "X's remark
  that '...'", a speaker named right after the closing mark, the colon and dash forms ("X told
  reporters: '...'", a headline "Lind: '...'", "'...': Lind vows ...", "'...' — X", a headline
  ending "– Latvian intelligence"), and the sentence after a quote ("This was stated by X",
  "X made the remarks ..."); an outlet that relays ("..., state media reported") is the source
  only when nobody else is named;
* pronouns and definite descriptions ("he", "they", "the official", "The Finnish official")
  resolved to the last compatible actor named before. A title must match ("the defence
  minister" is never the foreign minister, a number of soldiers or an unnamed role); only loose
  nouns ("the official", "the leader") fall back to the latest person of the same country. A
  headline's bare role ("says defence minister") is the person the body names with that title;
* unnamed people kept as role labels ("unnamed Belarusian diplomat"), generic plurals
  ("Polish officials") credited to the body their sentence names, when it names one; an
  agreement's words credited to the countries that are its parties, when the text names them.

Quotes standing as a paragraph of their own go on with the speaker of the paragraph before
(:meth:`ArticleContext.speaker_of_previous_paragraph`, used by the quotes extractor).

Names become canonical through :class:`sitrep.names.NameBook` and its alias table, which also
names common-noun bodies ("Latvian military intelligence") and a country's one intelligence
agency. This module does not find quotes, numbers or events, and it knows no person, place or
outlet: every word list below is grammar (cue verbs, role nouns, pronouns), never content. It
looks only inside the paragraph that holds the span, because a paragraph is where news writing
attributes its words.

Cost is linear in the article: sentences, entities by sentence and the actors are computed once
and found by bisection (spaCy rebuilds ``doc.sents``, ``doc.ents`` and ``span.ents`` on every
access), and antecedents are sought among at most ``ACTOR_WINDOW`` actors.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from sitrep.article import Article
from sitrep.names import (
    TITLE_WORDS,
    NameBook,
    Place,
    clean_name,
    looks_like_person_name,
    name_key,
    same_name_word,
    strip_titles,
)

if TYPE_CHECKING:
    from sitrep.extract.quotes import QuoteSpan

# Verbs that report speech, writing or a claim (spaCy lemmas).
CUE_LEMMAS = frozenset(
    """say tell add warn state call label describe claim report suggest verify confirm deny reject
    assert insist note write urge promise pledge vow condemn liken dismiss echo emphasize emphasise
    stress announce declare argue accuse threaten caution explain comment remark reply respond ask
    quote tweet post acknowledge admit estimate predict recall reiterate agree complain point hint
    brand term dub characterize characterise criticize criticise denounce decry blast slam praise
    welcome allege maintain contend counter concede observe mention reveal disclose indicate
    signal assure tout boast lament demand propose recommend conclude testify inform forecast
    brief highlight underline underscore refute rebut dispute question doubt believe think
    cite continue thank hail congratulate laud commend applaud extol express convey voice
    shout yell scream exclaim chant whisper sigh quip joke muse mutter murmur retort scoff affirm
    reaffirm""".split()
)
# Cue verbs that report speech only on their own ('"...," he continued'), not with an object or
# a verb after them ("continue to help", "continued the talks").
ONGOING_CUE_LEMMAS = frozenset("continue".split())
# Cue verbs that put a label on a thing ("what state media described as '...'"): the words are
# their subject's, an outlet's too, not a relay of someone quoted above them.
CHARACTERISING_LEMMAS = frozenset("describe call label term dub brand characterize characterise".split())
# Verbs whose passive subject is the speaker of what follows ("X was heard saying ...").
QUOTING_VERBS = frozenset("quote cite hear overhear record film catch".split())
# Participles that give a described person's name ("a sniper surnamed Ri", "a captive
# identified by the surname of Paik").
NAMING_PARTICIPLES = frozenset("surname name call identify".split())
# Verbs whose subject is a text's writer ("X sent a letter"): a later "the letter reads" is X's.
WRITING_VERBS = frozenset("send write issue publish release post sign pen draft deliver submit".split())
# Cue verbs for acts that carry someone's word ("thanked them for their 'feat'"): inside a reported
# clause ("Lind said Tamm had congratulated Ruud on his 'landslide victory'") the reporter's source
# speaks.
WEAK_CUE_LEMMAS = frozenset("thank hail congratulate".split())
# Verbs for talking that report words only as what is talked of ("speaking of their 'pain'"),
# not when they only introduce a speaker ("X, speaking in Oslo: '...'").
TALK_ABOUT_LEMMAS = frozenset("speak talk".split())
# Verbs that put the subject's words on a thing only through "as" ("view the move as 'reckless'").
REGARDING_LEMMAS = frozenset("address view regard see consider".split())
# ... of which all but "address" name a view, not words: in a reported clause ("X said Oslo has
# regarded them as 'expendable'") the label is the reporter's source's
VIEWING_LEMMAS = REGARDING_LEMMAS - {"address"}
# Verbs that cite a text's words only when the text is their subject ("the letter reads").
TEXT_CUE_LEMMAS = frozenset("read".split())
# Nouns that name a person by role: "the official", "a Belarusian diplomat".
PERSON_ROLE_NOUNS = frozenset(
    """official officer diplomat minister spokeswoman spokesman spokesperson ambassador envoy
    president leader commander general secretary chief head adviser advisor aide lawmaker senator
    representative analyst expert source soldier resident witness governor mayor director
    chairman chairwoman chairperson chair premier chancellor king queen prince negotiator politician deputy
    colonel captain lieutenant sergeant observer researcher professor member sister brother wife
    husband mother father son daughter man woman mp legislator prosecutor judge lawyer attorney
    journalist reporter correspondent activist doctor nurse economist strategist dictator ruler
    strongman autocrat monarch""".split()
)
# Titles that a later description may name differently: "Rep. Yu" is "the lawmaker".
_LAWMAKER = ("lawmaker", "legislator", "representative")
SAME_TITLES: dict[str, tuple[str, ...]] = {
    "rep": _LAWMAKER, "representative": _LAWMAKER, "mp": _LAWMAKER, "legislator": _LAWMAKER,
    "sen": ("senator", *_LAWMAKER), "senator": _LAWMAKER, "congressman": _LAWMAKER,
    "congresswoman": _LAWMAKER, "assemblyman": _LAWMAKER, "assemblywoman": _LAWMAKER,
    "lawmaker": ("legislator",),
    "spokesman": ("spokesperson", "representative"), "spokeswoman": ("spokesperson", "representative"),
    "spokesperson": ("spokesman", "spokeswoman", "representative"),
    "ambassador": ("envoy", "diplomat"), "envoy": ("diplomat",),
    "gen": ("general",), "lt": ("lieutenant",), "col": ("colonel",), "adm": ("admiral",),
    "prof": ("professor",),
    # the press calls a head of state by what it thinks of him: "leader Lind ... the dictator"
    "leader": ("dictator", "ruler", "strongman"), "dictator": ("leader", "ruler", "strongman"),
    "ruler": ("leader", "dictator"),
    "chairman": ("chairperson", "chairwoman", "chair"), "chairwoman": ("chairperson", "chairman", "chair"),
    "chairperson": ("chairman", "chairwoman", "chair"),
}
# Abbreviated titles that, like role nouns, sit before a person's name.
NAME_TITLES = frozenset("gen lt col maj capt sgt mr mrs ms dr sen rep adm prof".split())
# Nouns that name an organisation by kind: "the council", "the ministry".
BODY_NOUNS = frozenset(
    """council ministry agency government service committee office administration department
    parliament assembly cabinet army military command authority presidency court
    commission bureau directorate embassy mission delegation alliance coalition party union
    police guard force forces navy staff headquarters institute center centre foundation group
    intelligence leadership regime
    organization organisation network""".split()
)
# Words that make a capitalised name an organisation's ("Human Rights Watch", "Wagner Group").
ORG_WORDS = frozenset(
    """international watch group bank company corporation corp inc ltd plc university college
    school hospital institute foundation fund party front movement federation association society
    union league club network council committee ministry agency""".split()
)
# Nouns for texts that carry someone's words: their author is the source.
# Recordings someone released speak for them ("the video claims ...") and go by several names.
RECORDING_NOUNS = frozenset("video footage clip recording".split())
# What a page shows, as a headline labels it after a dash ("Lind visits the front – photos"):
# a label, never a speaker.
PAGE_LABEL_NOUNS = RECORDING_NOUNS | frozenset("photo picture image gallery map infographic live".split())
DOCUMENT_NOUNS = RECORDING_NOUNS | frozenset(
    """statement report readout communique release post tweet letter note interview memo
    assessment study survey analysis document transcript announcement remarks agreement treaty
    law resolution declaration charter decree article text bill accord pact""".split()
)
# Texts that bind parties rather than speak for an author.
INSTRUMENT_NOUNS = frozenset(
    "agreement treaty law resolution declaration charter decree bill accord pact".split()
)
# Verbs by which an instrument binds its parties ("the pact obliges A and B to ...").
BINDING_VERBS = frozenset("commit oblige obligate bind require".split())
# Nouns for someone's label on a thing: "X's description of the talks as '...'" is X's, and what
# follows "of" is what is described, not who describes it.
DESCRIBING_NOUNS = frozenset("description characterization characterisation portrayal".split())
# Words one offers or sends ("offered condolences for their 'pain'"): the giver speaks them.
OFFERED_WORD_NOUNS = frozenset("condolence congratulation greeting apology thanks wish".split())
# Nouns for someone's words, whose author says what they hold ("X's remark that ...").
SPEECH_NOUNS = DOCUMENT_NOUNS | frozenset(
    """remark claim comment warning assertion accusation pledge promise threat words call appeal
    message speech address vow denial allegation""".split()
) | DESCRIBING_NOUNS | OFFERED_WORD_NOUNS
# Occasions, which a text may say "showed" or "underscored" something but which never speak.
OCCASION_NOUNS = frozenset(
    """show parade meeting visit summit ceremony event concert gala exercise drill performance rally
    celebration festival conference talks session banquet reception""".split()
)
# Role nouns loose enough to stand for a person named with another title ("the official" after
# "Deputy Foreign Minister X"); other titles ("the army chief") only refer to the same title.
GENERIC_PERSON_NOUNS = frozenset("official diplomat leader envoy aide chairman chairwoman chairperson".split())
# Role nouns for people a story keeps unnamed: "the source" is never someone it named.
ANONYMOUS_ROLE_NOUNS = frozenset("source".split())
# Modifiers of a title that do not change the office ("the senior official", "the official
# representative").
RANK_WORDS = frozenset("senior top former high ranking high-ranking then new current official".split())
# Nouns for settlements and areas: "the village of X" names a place, never an actor.
SETTLEMENT_NOUNS = frozenset(
    "village town city region oblast province district settlement area county hamlet port".split()
)
# Plurals that stand for a body's people rather than for named persons (lemmas).
GENERIC_PLURALS = frozenset("official authority source leader".split())
# Words in an organisation's name that mark it as news media.
MEDIA_WORDS = frozenset(
    """news agency times post press journal tv television radio herald daily media newspaper
    gazette tribune broadcaster channel wire telegraph guardian newswire""".split()
)
# Entity labels that never name an actor, whatever the parser makes their head.
NON_ACTOR_ENTITIES = frozenset("DATE TIME CARDINAL ORDINAL MONEY PERCENT QUANTITY".split())
# Common nouns for news outlets ("state media", "the newspaper").
MEDIA_NOUNS = frozenset("media newspaper broadcaster outlet daily tabloid newswire television tv radio".split())
PERSON_PRONOUNS = frozenset("he she him her".split())
# Grammatical gender of third-person pronouns, and the title words that show a person's: a "she"
# never resolves to a "Mr" or a "spokesman", a "he" never to a "Ms" or a "spokeswoman".
PRONOUN_GENDER = {"he": "m", "him": "m", "she": "f", "her": "f"}
KINSHIP_NOUNS = frozenset("husband wife mother father son daughter brother sister".split())
POSSESSIVE_GENDER = {"his": "m", "her": "f"}
GENDERED_TITLES = {
    **dict.fromkeys("""mr mr. sir lord king prince spokesman chairman congressman businessman
        statesman councilman husband father son brother""".split(), "m"),
    **dict.fromkeys("""mrs mrs. ms ms. miss madam madame dame lady queen princess spokeswoman
        chairwoman congresswoman businesswoman stateswoman councilwoman wife mother daughter
        sister""".split(), "f"),
}
PLURAL_PRONOUNS = frozenset("they them".split())
THING_PRONOUNS = frozenset("it".split())
# Words by which a sentence points back at the one before ("This was stated by X").
POINTING_WORDS = frozenset("this that these those such".split())
# The dash that ends a wire dateline ("Oslo (NTB) – ...").
DATELINE_DASHES = frozenset("— – -- -".split())
# Dependency labels through which a verb inherits the subject of the verb it hangs from.
SUBJECT_SHARING_DEPS = frozenset("advcl xcomp conj acl relcl ccomp pcomp prep pobj dobj".split())
# A broadcast transcript's caption: '[Ivan Petrov/Ruritanian Foreign Minister/May 4: "..."]'.
CAPTION = re.compile(r"\[\s*(?P<who>[^\[\]/:\"“”\n]{2,60})/(?P<title>[^\[\]:\"“”\n]{2,160}):\s*[\"“‘']?\s*$")

# Nouns before a colon that introduce text, not a speaker ("the headline: '...'").
NON_SPEAKER_NOUNS = frozenset("headline statement title caption message words slogan text post".split())


@dataclass(frozen=True)
class Source:
    """Who asserts something, as written and as canonical."""

    raw: str  # the words the article used: "Poland’s Deputy Foreign Minister Adam Brzeg", "he"
    name: str  # canonical (NameBook) or a role label: "unnamed Belarusian diplomat"
    country: str  # affiliation / country where the text gives it, else ""
    cue: str  # lemma of the cue verb, or "according_to", "colon", "dash"
    kind: str  # "person" | "body" | "role" | "media"


@dataclass(frozen=True)
class _Actor:
    """A speaker-capable mention, in reading order, for resolving pronouns and descriptions."""

    start_char: int
    source: Source
    plural: bool
    subject: bool  # a clause's subject: the likeliest antecedent of a later pronoun
    speaker: bool = False  # the subject of a cue verb: the likeliest "he" of a later "he said"
    introduced: bool = False  # "a senior official": a new unnamed person, not a description
    main: bool = False  # the subject of a main clause, not of a reported one ("X said [Y was ...]")


def is_cue(token: Token) -> bool:
    """Whether a verb reports speech, writing or a claim ("said", "warned", "the letter reads")."""
    if token.pos_ not in {"VERB", "AUX"} or token.dep_ in {"amod", "compound"}:
        return False
    if token.lemma_.lower() in TEXT_CUE_LEMMAS:
        # "the letter reads": a text speaks; a banner or a sign ("the banner read ...") does not
        return any(c.lemma_.lower() in DOCUMENT_NOUNS for c in _subjects_of(token))
    if token.lemma_.lower() in ONGOING_CUE_LEMMAS and any(c.dep_ in {"xcomp", "dobj"} for c in token.children):
        return False  # "it would continue to help": going on doing, not going on speaking
    if token.lemma_.lower() in TALK_ABOUT_LEMMAS:
        # "speaking of their 'unbearable pain'": the words talked about are the talker's
        return any(c.dep_ == "prep" and c.lower_ in {"of", "about"} for c in token.children)
    if token.lemma_.lower() in REGARDING_LEMMAS:
        # "addressed him as 'Dear Chairman'", "which the allies view as a 'major escalation'"
        return any(c.dep_ == "prep" and c.lower_ == "as" for c in token.children)
    return token.lemma_.lower() in CUE_LEMMAS


# Cue verbs that report speech whatever their object ("maintain" or "point" need a clause).
SPEECH_VERBS = frozenset(
    """say tell add state warn claim write announce declare insist explain reply respond ask urge
    stress emphasize emphasise reiterate confirm deny assert argue acknowledge admit comment
    remark tweet quote""".split()
)


# Auxiliaries that make a verb a plan or a possibility rather than an act.
MODAL_AUXILIARIES = frozenset("will would shall should could can may might must 'll 'd".split())


def _hypothetical(verb: Token) -> bool:
    """A cue verb in a reported plan ("X said Oslo would respond 'step by step'") names no act of
    speech: the quoted words are the reporter's source's, so climbing goes on to "said"."""
    reported = verb.dep_ in {"ccomp", "xcomp", "advcl", "conj"} and is_cue(verb.head)
    return reported and any(c.dep_ == "aux" and c.lower_ in MODAL_AUXILIARIES for c in verb.children)


# Verbs for talking that introduce a speaker without reporting words ("X spoke to reporters").
TALK_VERBS = frozenset("speak address brief talk".split())


def _reports_speech(verb: Token) -> bool:
    """A cue verb used for speech: a speech verb, or any cue verb with a reported clause."""
    if not is_cue(verb):
        return False
    return verb.lemma_.lower() in SPEECH_VERBS or any(c.dep_ == "ccomp" for c in verb.children)


def _drop_place_owner(words: str, names: NameBook) -> str:
    """ "Poland’s Defence Council" -> "Defence Council": a place owning a body is its country, not
    part of its name; "the People's Liberation Army" keeps its "People's"."""
    parts = re.split(r"(?:’s|'s)\s+", words, maxsplit=1)
    if len(parts) == 2 and names.aliases.place(clean_name(parts[0])) is not None:
        return parts[1]
    return words


# Bodies that rule a country, named by the country's demonym when the text leaves it implied.
RULING_NOUNS = frozenset("leadership regime".split())
# Verbs of two parties meeting: "X met (with) Y", "X held talks with Y".
MEETING_LEMMAS = frozenset("meet talk hold negotiate".split())
# Plural nouns for the two parties of a meeting: "the two sides", "both leaders".
PAIR_NOUNS = frozenset("side leader delegation man minister president official diplomat envoy".split())


def _names_a_pair(head: Token) -> bool:
    """'the two sides', 'both leaders': a plural that stands for the two parties just named."""
    if head.lemma_.lower() not in PAIR_NOUNS or head.tag_ != "NNS":
        return False
    return any((c.dep_ == "nummod" and c.lower_ == "two") or (c.dep_ in {"det", "predet"} and c.lower_ == "both")
               for c in head.children)


def _in_main_clause(subject: Token) -> bool:
    """The subject of the sentence's main verb or of a verb coordinated with it."""
    if subject.dep_ != "nsubj":
        return False
    verb = subject.head
    return verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.dep_ == "ROOT")


def _subjects_of(verb: Token) -> list[Token]:
    """Who performs the verb: a passive's agent, else its active subjects, nearest first.

    A possessive "subject" ("Riga’s reported support") is a mis-parsed noun phrase, and a
    passive's subject is what is said, not who says it; neither counts.
    """
    agents = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    if agents:
        return agents
    subjects = [
        _owned_role(c) or _after_dateline(c) or c
        for c in verb.children if c.dep_ == "nsubj" and not any(g.dep_ == "case" for g in c.children)
        and c.tag_ != "VBG"  # "Reporting from Kyiv, X said": the parser's subject is X's participle
    ]
    if not subjects and verb.lemma_.lower() in TEXT_CUE_LEMMAS:
        # '"...," read the post': after a quote the parser takes the inverted subject for an object
        subjects = [c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in DOCUMENT_NOUNS
                    and c.i > verb.i]
    return sorted(subjects, key=lambda t: abs(t.i - verb.i))


def _owned_role(subject: Token) -> Token | None:
    """"The Republic of Norland (RN)'s vice foreign minister released ...": after a bracketed
    acronym the parser hangs the role as an apposition of the owner; the role is the subject."""
    for appos in subject.children:
        if appos.dep_ != "appos" or appos.lemma_.lower() not in PERSON_ROLE_NOUNS:
            continue
        owner_mark = [t for t in subject.doc[subject.i : appos.i]
                      if t.dep_ == "case" and t.lower_ in {"'s", "’s"}]
        if owner_mark and owner_mark[-1].head.i != subject.i:
            return appos
    return None


def _after_dateline(subject: Token) -> Token | None:
    """"Oslo (NTB) – Norland's Foreign Minister Arvo Lind said ...": the parser takes the
    dateline's place for the subject and hangs the real one, after the dash, as its apposition."""
    if subject.i != subject.sent.start:
        return None
    dashes = [c for c in subject.children if c.dep_ == "punct" and c.text in DATELINE_DASHES and c.i > subject.i]
    if not dashes:
        return None
    after = [c for c in subject.children if c.dep_ == "appos" and c.i > dashes[0].i]
    return after[0] if after else None


def _misparsed_subject(verb: Token) -> bool:
    """A clause hung from a noun that is the root of its sentence: a sentence has a main verb,
    so the noun is really that verb's subject (a participle with its agent is a true clause)."""
    noun = verb.head
    return (
        verb.dep_ == "acl"
        and noun.dep_ == "ROOT"
        and noun.pos_ in {"NOUN", "PROPN"}
        and not any(c.dep_ in {"agent", "auxpass", "nsubj", "nsubjpass"} for c in verb.children)
        and verb.i > noun.i
    )


def _names_a_settlement(noun: Token) -> bool:
    """'the village of X', 'the towns of X and Y': X names a place, whatever its entity label."""
    while noun.dep_ == "conj" and noun.head.i != noun.i:
        noun = noun.head
    of = noun.head
    return noun.dep_ == "pobj" and of.lower_ == "of" and of.head.lemma_.lower() in SETTLEMENT_NOUNS


# "who declined to be named", "speaking on condition of anonymity", "not authorised to speak
# publicly": the text says the person is not named, so no named person is them.
ANONYMITY = re.compile(
    r"\b(?:declin|ask|refus|request)\w*\s+(?:not\s+)?to\s+be\s+(?:named|identified)"
    r"|\banonymity\b|\banonymously\b|\bnot\s+authori[sz]ed\s+to\b",
    re.IGNORECASE,
)


def _unnamed_on_purpose(noun: Token) -> bool:
    """'The official, speaking on condition of anonymity, said': the phrase, or a participle or
    clause hanging from its verb, says the person goes unnamed."""
    phrases = [noun.subtree]
    if noun.dep_ in {"nsubj", "nsubjpass"}:
        phrases += [c.subtree for c in noun.head.children if c.dep_ in {"advcl", "acl"} and c.tag_ == "VBG"]
    return any(ANONYMITY.search(" ".join(t.text for t in phrase)) for phrase in phrases)


def _could_be_people(noun: Token) -> bool:
    """A common noun that can name people: not an abstraction ('agreement', 'decision') or a text.

    English abstract nouns are mostly derived with a handful of suffixes; people nouns rarely are.
    """
    lemma = noun.lemma_.lower()
    if lemma in DOCUMENT_NOUNS or lemma in PERSON_ROLE_NOUNS:
        return lemma in PERSON_ROLE_NOUNS
    if lemma in OCCASION_NOUNS:
        return False  # "Sunday's show underscored ...": an occasion says nothing itself
    return not re.search(r"(ment|tion|sion|ity|ness|ance|ence|ism|ship|age|ure|ing|cy)$", lemma)


def _is_title_word(token: Token) -> bool:
    word = token.lower_.strip(".")
    return token.lemma_.lower() in PERSON_ROLE_NOUNS or word in PERSON_ROLE_NOUNS or word in NAME_TITLES


def _participle_agents(noun: Token) -> list[Token]:
    """Who did what a participle says of ``noun``: X in "a report posted by X", "signed by X"."""
    return [
        g
        for c in noun.children
        if c.dep_ == "acl"
        for a in c.children
        if a.dep_ == "agent"
        for g in a.children
        if g.dep_ == "pobj"
    ]


def _reported_by_a_cue(verb: Token, is_cue) -> bool:
    """Whether ``verb`` stands in a clause a cue verb reports, directly or through clauses that
    report nothing themselves ("X said it was clear that the leaders saw them as ...")."""
    while verb.dep_ in {"ccomp", "xcomp", "conj"} and verb.head.i != verb.i:
        verb = verb.head
        if is_cue(verb):
            return True
    return False


def _own_possessive(subject: Token, sentence_ents: list[Span]) -> str | None:
    """"his" or "her" after ``subject`` in its verb's clause, reported clauses included, with no
    other person named before it ("Lind declared after talks with her counterpart Tamm", "Lind
    said his team was ready"): the subject's own."""
    if subject.dep_ != "nsubj":
        return None
    for token in subject.head.subtree:
        if token.dep_ != "poss" or token.lower_ not in {"his", "her"} or token.i < subject.i:
            continue
        if any(e.label_ == "PERSON" and e.start < token.i and not e.start <= subject.i < e.end
               for e in sentence_ents):
            return None
        return token.lower_
    return None


class ArticleContext:
    """Attribution for one parsed article; built once, asked many times."""

    def __init__(self, doc: Doc, article: Article, names: NameBook) -> None:
        self.doc = doc
        self.article = article
        self.names = names
        self.text = doc.text
        # the parse's views, computed once: spaCy rebuilds doc.ents and doc.sents on every access
        self.sentences: list[Span] = list(doc.sents)
        self._ents: list[Span] = list(doc.ents)
        self._ent_of: dict[int, Span] = {i: ent for ent in self._ents for i in range(ent.start, ent.end)}
        self._token_starts: list[int] = [t.idx for t in doc]
        # sentence geometry for bisection: Token.sent and Span.ents walk the whole document
        self._sent_starts: list[int] = [s.start for s in self.sentences]
        self._sent_start_chars: list[int] = [s.start_char for s in self.sentences]
        self._ents_by_sent: list[list[Span]] = [[] for _ in self.sentences]
        for ent in self._ents:
            self._ents_by_sent[self._sentence_index(ent.start)].append(ent)
        self._country_by_name: dict[str, str] = {}
        # a speaker named as a government ("Finnish government") stands for its country
        self._place_of_government: dict[str, Place] = {}
        for place in names.aliases.places:
            self._place_of_government.setdefault(place.government, place)
        # the words each person was introduced with ("defence minister"), to tell titles apart
        self._title_words: dict[str, set[str]] = {}
        # "his" or "her" each person used of themselves ("X declared after talks with her
        # counterpart"): the gender the text shows when no title does
        self._own_pronouns: dict[str, set[str]] = {}
        # every quotation, scare quotes included: the quotes extractor reuses this one scan
        self.quote_spans = self._quote_spans()
        self._quoted = [(q.start, q.end) for q in self.quote_spans]
        self._span_start = 0
        self._quoted_starts = [start for start, _ in self._quoted]
        self._acronyms = self._acronyms_defined()
        for ent in self._ents:
            if ent.label_ == "PERSON" and not self.in_quote(ent.start_char):
                if self._plausible_person(ent):
                    names.observe_person(ent.text, at=ent.start_char)
        for token in doc:
            titled = self._titled_name(token) or self._titled_hyphenated(token)
            if titled is not None and not self.in_quote(token.idx):
                names.observe_person(titled, at=token.idx)
            if token.dep_ == "acl" and token.lemma_.lower() in NAMING_PARTICIPLES and not self.in_quote(token.idx):
                self._named_by_participle(token.head)  # "a captive surnamed Paik": Paik is a person
            elif token.lemma_.lower() == "surname" and token.pos_ == "VERB" and not self.in_quote(token.idx):
                # "published interviews with two POWs, surnamed Ri and Paek": however the parser
                # hangs the participle, the names it gives are persons' names
                for name in self._surnames_given(token):
                    names.observe_person(name)
        # empty while they are collected: collecting resolves nothing against them
        self._actors: list[_Actor] = []
        self._actors = sorted(self._collect_actors(), key=lambda a: a.start_char)

    # ------------------------------------------------------------------------- text geometry
    def _quote_spans(self) -> list[QuoteSpan]:
        # imported here: quotes.py builds on this module, and both need the same mark scanner
        from sitrep.extract.quotes import find_quote_spans

        return find_quote_spans(self.text, keep_scare_quotes=True)

    def _acronyms_defined(self) -> dict[str, str]:
        """'the Joint Chiefs of Staff (JCS)' -> {'JCS': 'Joint Chiefs of Staff'}: the article's own
        short forms, checked against the initials so that '(JOC)' after any noun is not taken."""
        found: dict[str, str] = {}
        for match in re.finditer(
            r"((?:[A-Z][\w’'-]*\s+|of\s+|and\s+|for\s+|the\s+)+)\(([A-Z]{2,6})\)", self.text
        ):
            words = match.group(1).split()
            acronym = match.group(2)
            for k in range(len(words)):
                candidate = words[k:]
                initials = "".join(w[0] for w in candidate if w[:1].isupper())
                if initials.upper() == acronym and candidate[0][:1].isupper():
                    found.setdefault(acronym, _drop_place_owner(" ".join(candidate), self.names))
                    break
        return found

    def tokens_between(self, start_char: int, end_char: int) -> Span:
        """The tokens overlapping [start_char, end_char), found by bisection."""
        first = max(bisect.bisect_right(self._token_starts, start_char) - 1, 0)
        if first < len(self.doc) and self._token_starts[first] + len(self.doc[first].text) <= start_char:
            first += 1
        last = bisect.bisect_left(self._token_starts, end_char)
        return self.doc[first : max(first, last)]

    def token_starting_at(self, char: int) -> Token | None:
        i = bisect.bisect_left(self._token_starts, char)
        return self.doc[i] if i < len(self.doc) and self._token_starts[i] == char else None

    def token_at_or_after(self, char: int) -> Token | None:
        """The first non-space token starting at or after ``char``."""
        i = bisect.bisect_left(self._token_starts, char)
        while i < len(self.doc) and self.doc[i].is_space:
            i += 1
        return self.doc[i] if i < len(self.doc) else None

    def _sentence_index(self, token_i: int) -> int:
        return max(bisect.bisect_right(self._sent_starts, token_i) - 1, 0)

    def sentence_of(self, token: Token) -> Span:
        """The sentence holding ``token`` (``Token.sent`` is slow on long documents)."""
        return self.sentences[self._sentence_index(token.i)]

    def sentences_between(self, start_char: int, end_char: int) -> list[Span]:
        """The sentences overlapping [start_char, end_char), found by bisection."""
        if not self.sentences:
            return []
        first = max(bisect.bisect_right(self._sent_start_chars, start_char) - 1, 0)
        last = max(bisect.bisect_left(self._sent_start_chars, end_char), first + 1)
        return [s for s in self.sentences[first:last] if s.end_char > start_char and s.start_char < end_char]

    def in_quote(self, char: int) -> bool:
        """Whether ``char`` lies inside quoted words (scare quotes included)."""
        i = bisect.bisect_right(self._quoted_starts, char) - 1
        return i >= 0 and self._quoted[i][0] <= char < self._quoted[i][1]

    def _paragraph(self, char: int) -> tuple[int, int]:
        start = self.text.rfind("\n", 0, char) + 1
        end = self.text.find("\n", char)
        return start, len(self.text) if end < 0 else end

    def _recent_paragraphs_start(self, char: int, *, before: int = 2) -> int:
        """Where the paragraph holding ``char`` and the ``before`` paragraphs ahead of it start:
        how far back a reference to someone named earlier is sought."""
        start = self._paragraph(char)[0]
        for _ in range(before):
            if start > 0:
                start = self._paragraph(start - 1)[0]
        return start

    def _same_paragraph(self, token: Token, bounds: tuple[int, int]) -> bool:
        return bounds[0] <= token.idx < bounds[1]

    # ------------------------------------------------------------------------- names in text
    def _titled_name(self, head: Token) -> str | None:
        """'Defence Minister Antti Rautio' -> 'Antti Rautio' when the parser missed the person.

        A proper-noun head whose left modifiers run role title(s) then capitalised words is a
        person, whatever entity label it got; 'Defence Council' has no role title.
        """
        if head.pos_ != "PROPN" or head.dep_ == "compound":
            return None
        left = [t for t in head.lefts if t.dep_ in {"compound", "amod", "nmod"}]
        # (a compound may carry its own: "Ri" hangs on "Son" in "Ri Son Gil")
        chain = [t for t in self.doc[left[0].left_edge.i : head.i + 1]] if left else [head]
        name_part: list[Token] = []
        for token in reversed(chain):
            # a capitalised kinship word inside a name is part of it ("Ri Son Gil")
            titled = _is_title_word(token) and not (token.lower_ in KINSHIP_NOUNS and name_part)
            if (token.pos_ == "PROPN" and token.text[:1].isupper() and not titled
                    and not self._in_known_place(token)):
                name_part.insert(0, token)
            else:
                break
        if (not name_part or len(name_part) > 4 or name_part[-1].lower_ in BODY_NOUNS
                or name_part[-1].tag_ == "NNPS"):
            # "General Staff", "Defence Council", "State Affairs": an institution, not a person
            return None
        before = chain[: len(chain) - len(name_part)]
        name = " ".join(t.text for t in name_part)
        if not looks_like_person_name(name) or not self._name_tokens_plausible(name_part):
            return None
        if before and _is_title_word(before[-1]):
            return name
        # "Ambassador to Oslo Ivan Petrov": the title's own place comes between title and name
        # (the parser hangs the name on the preposition)
        if (all(self._in_known_place(t) for t in before)
                and head.dep_ == "pobj" and head.head.lower_ in {"to", "in", "of"}
                and _is_title_word(head.head.head)):
            return name
        # "Vice Foreign Minister, Eero Salo": a name set in apposition to a title
        if not before and head.dep_ == "appos" and _is_title_word(head.head):
            return name
        # "Norland's Ri Son Gil": a country's own person, named in full
        if (not before and 2 <= len(name_part) <= 3
                and any(c.dep_ == "poss" and c.ent_type_ in {"GPE", "NORP"} for c in head.children)
                and not any(t.lower_ in BODY_NOUNS | ORG_WORDS | MEDIA_WORDS | SETTLEMENT_NOUNS
                            or t.ent_type_ not in {"", "PERSON"} for t in name_part)
                and self.names.aliases.canonical(name) is None):
            return name
        return None

    def _in_known_place(self, token: Token) -> bool:
        """'Oslo', or 'Africa' in 'South Africa': a token of a place the tables know."""
        if self.names.aliases.place(token.text) is not None:
            return True
        ent = self._ent_of.get(token.i)
        return ent is not None and ent.label_ == "GPE" and self.names.aliases.place(clean_name(ent.text)) is not None

    def _name_tokens_plausible(self, tokens: list[Token]) -> bool:
        """No place ('Radio Latvia'), acronym or institution word among a would-be person's name."""
        for token in tokens:
            word = token.lower_
            if self.names.aliases.place(token.text) is not None or (
                len(token.text) >= 2 and token.text.isupper()
            ):
                return False
            if word in BODY_NOUNS or word in MEDIA_WORDS or word in ORG_WORDS:
                return False
        return True

    def _hyphenated_name(self, head: Token) -> str | None:
        """'Park Eun-ji', 'Choi Min-seok': two or three capitalised words, one of them joined
        by a hyphen, read from the text because the tagger cuts them into odd pieces."""
        start = head.i
        while start > 0 and head.i - start < 6:
            prev = self.doc[start - 1]
            if _is_title_word(prev) or prev.lower_ in TITLE_WORDS:
                break  # "President Han Do-yun": the title is not part of the name
            glued = prev.text in {"-", "‐"} and not prev.whitespace_ and not self.doc[start - 2].whitespace_
            if (
                glued
                or (prev.head.i == head.i and prev.dep_ == "compound")
                or (not prev.whitespace_ and self.doc[start].text in {"-", "‐"})
            ):
                start -= 1
                continue
            break
        words = self.doc[start : head.i + 1].text.split()
        if not 2 <= len(words) <= 3 or not any("-" in w for w in words):
            return None
        for word in words:
            parts = word.split("-")
            if not all(p.isalpha() for p in parts) or not word[:1].isupper() or word.isupper():
                return None
            if (
                word.lower() in TITLE_WORDS
                or word.lower() in PERSON_ROLE_NOUNS
                or self.names.aliases.place(word)
            ):
                return None
            if word.lower() in BODY_NOUNS | ORG_WORDS | MEDIA_WORDS:
                return None
        return " ".join(words)

    def _titled_hyphenated(self, head: Token) -> str | None:
        """'President Han Do-yun': a hyphenated name right after a role title."""
        if head.pos_ not in {"PROPN", "NOUN"} or head.dep_ == "compound" or not head.is_alpha:
            return None
        name = self._hyphenated_name(head)
        if name is None:
            return None
        name_start = head.idx + len(head.text) - len(name)
        if self.text[name_start : head.idx + len(head.text)] != name:
            return None  # spacing differs from the tokens': do not guess
        before = self.text[max(0, name_start - 40) : name_start].split()
        word = before[-1].lower().strip(".,") if before else ""
        return name if word in PERSON_ROLE_NOUNS or word in TITLE_WORDS or word in NAME_TITLES else None

    def _looks_like_personal_name(self, tokens: list[Token]) -> bool:
        """Two or three capitalised words with nothing of an institution or a place about them.

        Used only for the subject of a cue verb, where the small model often misses a person
        ("Ilse Marten told reporters"); "Human Rights Watch" or "Kherson Oblast" do not qualify.
        """
        if not 2 <= len(tokens) <= 3:
            return False
        for token in tokens:
            word = token.lower_
            if (
                token.pos_ != "PROPN"
                or not token.is_alpha
                or not token.text[:1].isupper()
                or token.text.isupper()
                or word in BODY_NOUNS
                or word in MEDIA_WORDS
                or word in ORG_WORDS
                or word in TITLE_WORDS
                or token.ent_type_ not in {"", "PERSON", "ORG"}
                or self.names.aliases.place(token.text) is not None
            ):
                return False
        words = " ".join(t.text for t in tokens)
        return self.names.aliases.canonical(words) is None

    def _glued_tail(self, last: Token) -> str:
        """'-yeon' when the parser cut 'Han Seo-yeon' after 'Seo': the rest of a hyphenated name."""
        i = last.i
        if (
            i + 2 < len(self.doc)
            and self.doc[i + 1].text in {"-", "‐"}
            and not last.whitespace_
            and not self.doc[i + 1].whitespace_
            and self.doc[i + 2].is_alpha
        ):
            return "-" + self.doc[i + 2].text
        return ""

    def _is_proper(self, token: Token) -> bool:
        """A proper noun, or a name the tagger called a common noun ('Marchuk said')."""
        if token.pos_ == "PROPN":
            return token.text[:1].isupper() or not token.is_alpha  # "the foreign ministry" is no name
        if token.pos_ != "NOUN" or not token.text[:1].isupper() or not token.is_alpha:
            return False
        if token.lemma_.lower() in PERSON_ROLE_NOUNS | BODY_NOUNS | DOCUMENT_NOUNS | GENERIC_PLURALS:
            return False
        # a capital at the start of a sentence proves nothing, unless the name is known
        return not token.is_sent_start or self._known_person(token.text)

    def _plausible_person(self, ent: Span) -> bool:
        """The small model tags 'Citing Vilnius', 'Radio Latvia' or a news agency as PERSON: a person's
        name starts with a proper noun and holds no place, acronym or organisation we know."""
        if ent[0].pos_ != "PROPN" and not _is_title_word(ent[0]):
            return False
        if all(_is_title_word(t) or not t.is_alpha for t in ent):
            return False  # "the Chairperson": a capitalised title names nobody by itself
        for token in ent:
            if self.names.aliases.place(token.text) is not None:
                return False
            if len(token.text) >= 2 and token.text.isupper() and token.is_alpha:
                return False
        canonical = self.names.aliases.canonical(ent.text)
        if canonical and set(name_key(canonical).split()) & (MEDIA_WORDS | ORG_WORDS | BODY_NOUNS):
            return False
        return True

    def _known_person(self, text: str) -> bool:
        """A proper name the article used for a person before, or one the alias table calls a
        person (the parser may call either ORG)."""
        if self.names.aliases.is_person(text):
            return True
        key = name_key(strip_titles(text)).split()
        if not key:
            return False
        return any(
            all(any(same_name_word(k, f) for f in name_key(full).split()) for k in key)
            for full in self.names.full_names
        )

    # ------------------------------------------------------------------- actors in reading order
    def _collect_actors(self) -> list[_Actor]:
        actors: list[_Actor] = []
        seen_heads: set[int] = set()
        for token in self.doc:
            if self.in_quote(token.idx):
                continue  # names inside someone's words are rarely who "he" is
            if token.dep_ == "nsubj" and token.lower_ in PERSON_PRONOUNS:
                # "He said ..." keeps the same person as the topic for the next "he"
                resolved = self._resolve_pronoun(token, "", actors)
                if resolved is not None:
                    actors.append(
                        _Actor(
                            token.idx,
                            resolved,
                            False,
                            True,
                            _reports_speech(token.head),
                            False,
                            _in_main_clause(token),
                        )
                    )
                continue
            is_person_start = token.ent_type_ == "PERSON" and token.ent_iob_ == "B"
            is_argument = token.dep_ in {"nsubj", "nsubjpass", "appos", "pobj", "dobj"} and token.pos_ in {
                "NOUN",
                "PROPN",
            }
            if not (is_person_start or is_argument):
                continue
            head = token
            if is_person_start:
                ent = self._ent_of[token.i]
                head = ent[-1]
                if head.dep_ == "compound" and head.head.pos_ == "NOUN":
                    continue  # "the Patriot missiles": a name that modifies a thing names no actor
            if head.i in seen_heads:
                continue
            seen_heads.add(head.i)
            # the subject of a cue verb speaks, so a bare name there is a person (see _person_words)
            # "according to the spy agency": a credit, so a speaker too
            credited = (head.dep_ == "pobj" and head.head.lower_ == "to"
                        and head.head.head.lower_ == "according")
            speaking = credited or head.dep_ == "nsubj" and _reports_speech(head.head)
            source = self._source_from_head(head, cue="", resolve=False, as_speaker=speaking)
            if source is None or source.kind == "media":
                continue
            if source.kind == "body" and head.dep_ in {"pobj", "dobj"} and head.ent_type_ != "ORG" and not credited:
                continue  # places in prepositional phrases are settings, not actors
            if _names_a_settlement(head):
                continue  # "near the village of Kolbovka": the tagger may call it an organisation
            named = self._person_named_after_title(head) if source.kind == "role" else None
            if named is not None:
                # "French Minister for Europe and Foreign Affairs Jean Morel": the title
                # belongs to the name after it, which the parser hung elsewhere
                if source.country:
                    self._country_by_name.setdefault(self.names.person(named.text), source.country)
                self._title_words.setdefault(self.names.person(named.text), set()).update(
                    name_key(source.raw).split()
                )
                continue
            introduced = head.left_edge.lower_ in {"a", "an", "another"}
            actors.append(
                _Actor(
                    head.idx,
                    source,
                    head.tag_ in {"NNS", "NNPS"},
                    head.dep_ == "nsubj",
                    speaking,
                    introduced,
                    _in_main_clause(head),
                )
            )
            if source.country and source.kind in {"person", "role"}:
                self._country_by_name.setdefault(source.name, source.country)
            if source.kind == "person":
                named_words = set(name_key(source.name).split())
                self._title_words.setdefault(source.name, set()).update(
                    w for w in name_key(source.raw).split() if w not in named_words
                )
                own = _own_possessive(head, self._ents_by_sent[self._sentence_index(head.i)])
                if own is not None:
                    self._own_pronouns.setdefault(source.name, set()).add(own)
                # "Arvo Lind, the top leader of ...": the appositive's role is his title too
                self._title_words[source.name].update(
                    t.lower_ for c in head.children
                    if c.dep_ == "appos" and c.pos_ == "NOUN" and c.lemma_.lower() in PERSON_ROLE_NOUNS
                    for t in c.subtree
                    if t.i == c.i or t.i < c.i and t.is_alpha and t.dep_ not in {"det", "poss", "case"}
                )
        return actors

    def _person_named_after_title(self, head: Token) -> Span | None:
        """The person entity a title runs into ("Minister for Europe and Foreign Affairs X")."""
        i = head.i + 1
        paragraph = self._paragraph(head.idx)
        while i < len(self.doc) and i <= head.i + 8 and self._same_paragraph(self.doc[i], paragraph):
            token = self.doc[i]
            ent = self._ent_of.get(i)
            if ent is not None and ent.label_ == "PERSON" and ent.start == i:
                return ent if self._plausible_person(ent) else None
            if token.pos_ not in {"PROPN", "ADP", "CCONJ", "DET"} and token.text not in {"-", "’s", "'s"}:
                return None
            i += 1
        return None

    # ------------------------------------------------------------------------------ public API
    def source_of_span(self, start_char: int, end_char: int) -> Source | None:
        """Who asserts the words at [start_char, end_char), or None when nobody is credited."""
        tokens = [t for t in self.tokens_between(start_char, end_char) if not t.is_space]
        self._span_start = start_char  # finders read it where tokenization blurs the quote's edge
        if not tokens:
            return None
        inside = {t.i for t in tokens}
        first, last = tokens[0].i, tokens[-1].i
        # the quotation marks and the comma hugging the span belong to it
        while first > 0 and (self.doc[first - 1].is_quote or self.doc[first - 1].text in {"‘", "“"}):
            first -= 1
            inside.add(first)
        while last + 1 < len(self.doc) and (
            self.doc[last + 1].is_quote or self.doc[last + 1].text in {",", ".", "’", "”"}
        ):
            if self.doc[last + 1].text in {",", "."} and not (
                last + 2 < len(self.doc) and self.doc[last + 2].is_quote
            ):
                break
            last += 1
            inside.add(last)
        bounds = self._paragraph(tokens[0].idx)
        media: Source | None = None
        finders = [
            self._by_caption,
            self._by_colon,
            self._by_colon_after,
            self._by_dash,
            self._by_headline_dash,
            self._by_quoted_cue,
            self._by_climbing,
            self._by_according_to,
            self._by_attached_cue,
            self._by_subject_after_quote,
            self._by_nearest_cue,
            self._by_next_sentence_agent,
            self._by_framing_phrase,
            self._by_previous_sentence,
        ]
        if any(c.lower_ == "according" and c.i not in inside for t in tokens for c in t.children):
            # "according to X" hangs from the quoted words themselves: it is the closest credit
            finders.remove(self._by_according_to)
            finders.insert(0, self._by_according_to)
        for finder in finders:
            found = finder(tokens, inside, first, last, bounds)
            if found is not None and (found.kind != "media" or found.cue in CHARACTERISING_LEMMAS):
                return found
            # "X 'said ...', according to the spokesman, a news agency reported": the outlet relays the
            # words; a person or body credited in the same place is the speaker
            media = media or found
        return media

    def asked_by_nobody_named(self, start_char: int, end_char: int) -> bool:
        """'When asked, "Do you want to go home?" he looked down': the quoted question is the
        content of a passive "asked" with no agent; the one asked is the subject, the asker is
        nobody the text names."""
        tokens = [t for t in self.tokens_between(start_char, end_char) if not t.is_space]
        inside = {t.i for t in tokens}
        return any(
            t.head.i not in inside and t.head.lemma_.lower() == "ask"
            and (t.head.tag_ == "VBN" or t.head.dep_ == "advcl")  # the parser may tag it VBD
            and not any(c.dep_ in {"agent", "nsubj"} for c in t.head.children)
            and not any(c.dep_ == "aux" for c in t.head.children)  # "has asked": active
            for t in tokens
        )

    def title_words(self, name: str) -> set[str]:
        """The words the article used for a person's role ("lawmaker", "vice", "minister")."""
        return set(self._title_words.get(name, set()))

    def speaker_of_previous_paragraph(self, start_char: int) -> Source | None:
        """Who spoke last in the paragraph before the one opening at ``start_char``.

        News writing sets a quote as a paragraph of its own right after the paragraph that
        names its speaker ("..., he said." / "X spoke to reporters on Monday."): the quote goes on
        with that speaker. Only the last sentence of the paragraph right before counts, and only
        through a verb of speech outside any quote; the caller checks that the quote stands alone.
        """
        paragraph_start = self._paragraph(start_char)[0]
        if paragraph_start < 2 or self.text[paragraph_start - 2] == "\n":
            return None  # no paragraph right before (a blank line ends a section)
        previous = self._paragraph(paragraph_start - 1)
        sentences = [s for s in self.sentences_between(*previous) if s.text.strip()]
        if not sentences:
            return None
        return self._speaker_reported_in(sentences[-1], previous)

    def _speaker_reported_in(
        self, sentence: Span, bounds: tuple[int, int], *,
        kinds: frozenset[str] | set[str] = frozenset({"person", "body"}),
    ) -> Source | None:
        """The speaker (of one of ``kinds``) whose words ``sentence`` reports through a verb of
        speech outside any quote ("Singh said that ...", "X spoke to reporters"), else ``None``."""
        verbs = [
            t
            for t in sentence
            if bounds[0] <= t.idx < bounds[1]
            and not self.in_quote(t.idx)
            and (_reports_speech(t) or (t.pos_ == "VERB" and t.lemma_.lower() in TALK_VERBS))
        ]
        # the main clause's verb first ("Singh said that the U.S. could not confirm ..." is
        # Singh's), then the later of equally deep ones
        verbs = [v for v in verbs if not _hypothetical(v)]
        verbs.sort(key=lambda v: (sum(1 for _ in v.ancestors), -v.i))
        for verb in verbs:
            found = (
                self._source_of_verb(verb)
                if is_cue(verb)
                else next(
                    (
                        f
                        for subject in _subjects_of(verb)
                        for f in [self._source_from_head(subject, cue="say", resolve=True, as_speaker=True)]
                        if f is not None
                    ),
                    None,
                )
            )
            if found is not None and found.kind in kinds:
                return found
        return None

    def resolve_np(self, span: Span) -> Source:
        """Canonical Source for any noun phrase, resolving pronouns and descriptions."""
        found = self._source_from_head(span.root, cue="", resolve=True)
        if found is not None:
            return found
        return Source(
            raw=span.text,
            name=clean_name(span.text),
            country=self._country_in(list(span)),
            cue="",
            kind="role",
        )

    # ---------------------------------------------------------------------------------- finders
    def _by_quoted_cue(self, tokens, inside, first, last, bounds) -> Source | None:
        """'the envoy “stressed that ...”': the quote opens on its own cue verb, whose subject
        stands just before the opening mark."""
        words = [t for t in tokens if not t.is_punct and not t.is_space][:2]
        for verb in words:
            if not is_cue(verb):
                continue
            subjects = [s for s in _subjects_of(verb) if s.i not in inside and s.i < verb.i]
            if subjects and subjects[0].tag_ in {"NNS", "NNPS"}:
                # 'Both leaders “expressed their concerns”': a group does not speak one quote;
                # the words are the source's account of what they did
                return None
            if subjects and self._same_paragraph(subjects[0], bounds):
                return self._source_from_head(subjects[0], cue=verb.lemma_.lower(), resolve=True, as_speaker=True)
        return None

    def _by_climbing(self, tokens, inside, first, last, bounds) -> Source | None:
        """Subject of the first cue verb above the span in the parse."""
        starts = {t.head for t in tokens if t.head.i not in inside and t.head.i != t.i}
        relayed: Source | None = None
        for start in sorted(starts, key=lambda t: abs(t.i - tokens[0].i)):
            verb = start
            for _ in range(12):
                if not self._same_paragraph(verb, bounds):
                    break
                if verb.lower_ == "according":
                    break  # "according to X" is its own finder
                owned_by_cue = verb.dep_ in {"dobj", "nsubjpass"} and is_cue(verb.head) and bool(
                    _subjects_of(verb.head))  # "X called the reports 'fake'": X speaks, not the reports
                if (verb.pos_ == "NOUN" and verb.lemma_.lower() in SPEECH_NOUNS and verb.i not in inside
                        and not owned_by_cue):
                    # "Lindqvist's remark that it was 'a step too far'": the remark's author
                    author = self._document_author(verb, verb.lemma_.lower(), True)
                    if author is None and verb.lemma_.lower() in OFFERED_WORD_NOUNS and verb.dep_ == "dobj":
                        # "X offered condolences for their 'unbearable pain'": who offers them
                        author = self._source_of_verb(verb.head)
                    if author is not None:
                        return author
                nominal = any(
                    c.dep_ == "nsubj" and any(g.dep_ == "case" for g in c.children) for c in verb.children
                )
                weak = verb.lemma_.lower() in WEAK_CUE_LEMMAS | VIEWING_LEMMAS and _reported_by_a_cue(verb, is_cue)
                if is_cue(verb) and verb.i not in inside and not nominal and not _hypothetical(verb) and not weak:
                    found = self._source_of_verb(verb)
                    if found is not None and (found.kind != "media" or (
                            verb.lemma_.lower() in CHARACTERISING_LEMMAS and relayed is None)):
                        # "what state media described as '...'": the outlet's own label for a thing
                        return found
                    # "X said the pact was 'invincible', state media reported": climb on to X
                    relayed = relayed or found
                if verb.head.i == verb.i:
                    break
                verb = verb.head
        return relayed

    def _source_of_verb(self, verb: Token) -> Source | None:
        """Subject of a cue verb; a participle or conjunct without one takes its governor's.

        "X said officers had arrested 14, calling it '...'": the participle hangs from the
        reported clause in the parse, but in news prose it is the reporter's (X's) words, so a
        governor that is itself the complement of a cue verb defers to that verb.
        """
        cue = verb.lemma_.lower()
        relayed = self._relayed_speaker(verb)
        if relayed is not None:
            return relayed
        current = verb
        inherited = False
        for _ in range(6):
            if self.in_quote(current.idx):
                if inherited and verb.tag_ == "VBG":
                    # '"...," adding, "..."': the parser hangs the participle on the quoted words;
                    # it continues the sentence's own cue verb, before the first quote
                    return self._earlier_speaker(verb, cue)
                return None  # a verb inside someone's words does not say who spoke them
            if current.i != verb.i and current.lemma_.lower() in {"quote", "cite"}:
                # "X quoted the agency as saying ...": the agency speaks, X relays
                relayed = self._relayed_speaker(current)
                if relayed is not None:
                    return relayed
            subjects = [t for t in _subjects_of(current) if not self.in_quote(t.idx)]
            passive_speaker = [
                c for c in current.children if c.dep_ == "nsubjpass" and not self.in_quote(c.idx)
            ]
            if passive_speaker and current.lemma_.lower() in QUOTING_VERBS:
                # "X was quoted (by an agency) as saying", "X was heard saying": the passive
                # subject is the speaker
                subjects = passive_speaker
            if subjects:
                if (
                    inherited
                    and current.dep_ == "ccomp"
                    and is_cue(current.head)
                    and _subjects_of(current.head)
                ):
                    subjects = _subjects_of(current.head)
                    current = current.head
                for subject in subjects:
                    if subject.lower_ in {"that", "which", "who"} and current.dep_ == "relcl":
                        subject = current.head
                    found = self._coordinated(subject, cue) or self._source_from_head(
                        subject, cue=cue, resolve=True, as_speaker=True
                    )
                    if found is not None:
                        return found
                return None
            if current.i == verb.i and current.i > 0:
                # "..., May said": the tagger reads a surname as a modal; a known name right
                # before the verb is its subject
                prev = self.doc[current.i - 1]
                if prev.text[:1].isupper() and prev.is_alpha and self._known_person(prev.text):
                    name = self.names.person(prev.text, at=prev.idx)
                    return Source(prev.text, name, self._country_of_person(name), cue, "person")
                stray = self._stray_subject(current)
                if stray is not None:
                    return stray
            if _misparsed_subject(current):
                # "X, who requested the meeting, refrained ... and claimed that '...'": the
                # parser made X the root and its verb a clause of X; X is the subject
                found = self._source_from_head(current.head, cue=cue, resolve=True, as_speaker=True)
                return found if found is not None and found.kind in {"person", "body", "role"} else None
            if current.i == verb.i and verb.dep_ == "advcl" and verb.tag_ in {"VBD", "VBZ", "VBP"}:
                # "X added that one soldier, about to be captured, shouted '...'": a finite verb
                # has a subject of its own; the parser hung it beside the clause that holds it
                stranded = self._stranded_subject(verb)
                if stranded is not None:
                    return stranded
            if current.dep_ in SUBJECT_SHARING_DEPS and current.head.i != current.i:
                current = current.head
                inherited = True
                continue
            break
        return None

    def _stranded_subject(self, verb: Token) -> Source | None:
        """The subject of the reported clause just before a subjectless finite verb."""
        clauses = [c for c in verb.head.children if c.dep_ == "ccomp" and c.i < verb.i]
        if not clauses:
            return None
        subjects = [c for c in clauses[-1].children if c.dep_ in {"nsubj", "nsubjpass"} and not self.in_quote(c.idx)]
        if not subjects:
            return None
        return self._source_from_head(subjects[0], cue=verb.lemma_.lower(), resolve=True, as_speaker=True)

    def _stray_subject(self, verb: Token) -> Source | None:
        """'In a statement on Telegram, Latvian intelligence said ...': the parser hangs the
        subject on the opening phrase; a noun phrase between that phrase's comma and a cue verb
        with no subject is the verb's subject."""
        prev = self.doc[verb.i - 1]
        if prev.pos_ not in {"NOUN", "PROPN"} or prev.dep_ not in {"pobj", "appos", "nmod", "conj", "dobj"}:
            return None
        start = prev.i
        while start > 0 and (
            self.doc[start].dep_ == "case"  # the owner of "X's", however it is attached
            or (
                self.doc[start - 1].dep_ in {"compound", "amod", "poss", "case", "det", "nmod"}
                and self.doc[start - 1].pos_ in {"PROPN", "NOUN", "ADJ", "DET", "PART"}
            )
        ):
            start -= 1
        if start == 0 or self.doc[start - 1].text != "," or self.in_quote(prev.idx):
            return None
        cue = verb.lemma_.lower()
        words = self.doc[start : prev.i + 1].text
        parts = re.split(r"(?:’s|'s)\s+", words, maxsplit=1)
        place = self.names.aliases.place(clean_name(parts[0])) if len(parts) == 2 else None
        for form in [words] + ([f"{place.demonym} {parts[1]}"] if place else []):
            canonical = self.names.aliases.canonical(clean_name(form))
            if canonical is not None:
                return Source(words, canonical, place.country if place else self.names.country(canonical), cue, "body")
        found = self._source_from_head(prev, cue=cue, resolve=True, as_speaker=True, left_only=True)
        return found if found is not None and found.kind in {"person", "body"} else None

    def _earlier_speaker(self, verb: Token, cue: str) -> Source | None:
        """The subject of the nearest cue verb before ``verb`` in its paragraph, outside quotes."""
        bounds = self._paragraph(verb.idx)
        for token in reversed(self.tokens_between(bounds[0], verb.idx)):
            if is_cue(token) and token.i != verb.i and not self.in_quote(token.idx):
                subjects = [t for t in _subjects_of(token) if not self.in_quote(t.idx)]
                for subject in subjects:
                    found = self._source_from_head(subject, cue=cue, resolve=True, as_speaker=True)
                    if found is not None:
                        return found
        return None

    def _relayed_speaker(self, verb: Token) -> Source | None:
        """'quoted him as saying', 'cited the minister as telling': the object is the speaker."""
        as_cue = [
            g
            for c in verb.children
            if c.dep_ == "prep" and c.lower_ == "as"
            for g in c.children
            if g.dep_ in {"pcomp", "pobj"} and is_cue(g)
        ]
        objects = [c for c in verb.children if c.dep_ == "dobj" and not self.in_quote(c.idx)]
        if not as_cue or not objects:
            return None
        return self._source_from_head(objects[0], cue=as_cue[0].lemma_.lower(), resolve=True, as_speaker=True)

    def _by_according_to(self, tokens, inside, first, last, bounds) -> Source | None:
        """'..., according to X' in the sentence that holds the quote."""
        for sent in self._sentences(first, last):
            for token in sent:
                if (
                    token.lower_ != "according"
                    or not self._same_paragraph(token, bounds)
                    or self.in_quote(token.idx)
                ):
                    continue
                nxt = self.doc[token.i + 1] if token.i + 1 < len(self.doc) else None
                if nxt is None or nxt.lower_ != "to":
                    continue
                objects = [c for c in nxt.children if c.dep_ == "pobj" and c.i not in inside]
                if objects:
                    found = self._source_from_head(
                        objects[0], cue="according_to", resolve=True, as_speaker=True
                    )
                    if found is not None:
                        return found
        return None

    def _by_colon(self, tokens, inside, first, last, bounds) -> Source | None:
        """'X told reporters: “...”', 'The envoy added: “...”' and a headline's 'Lind: ‘...’'."""
        opening = min(self.doc[first].idx, tokens[0].idx)
        if tokens[0].idx < self._span_start:
            opening = self._span_start  # the quote starts inside a token: 'added:“We'
        window = max(0, opening - 200)
        before = self.text[window:opening].rstrip(" \"'“”‘’«»")
        if not before.endswith(":"):
            return self._headline_speaker(bounds)
        colon_at = window + len(before) - 1
        colon = self.token_starting_at(colon_at)
        if colon is None:
            return self._glued_colon(colon_at, bounds)
        if colon.i == 0 or not self._same_paragraph(colon, bounds):
            return None
        prev = self.doc[colon.i - 1]
        for ancestor in [prev, *prev.ancestors]:
            if ancestor.i >= colon.i or not self._same_paragraph(ancestor, bounds):
                break
            if is_cue(ancestor):
                found = self._source_of_verb(ancestor)
                if found is not None:
                    return found
                break
        named = self._capitalised_name_before(colon) or self._name_opening_the_line(colon, bounds)
        if named is not None:
            return named
        if prev.pos_ in {"PROPN", "NOUN", "PRON"} and prev.lower_ not in NON_SPEAKER_NOUNS:
            found = self._source_from_head(prev, cue="colon", resolve=True, left_only=True)
            if found is not None and found.kind != "media":
                return found
        return None

    def _by_caption(self, tokens, inside, first, last, bounds) -> Source | None:
        """A broadcast transcript's caption '[Name/Title(/Date): "..."]' credits the name before
        the first slash; the title after it gives the country ("Russian President")."""
        lead = self.text[bounds[0] : self.doc[first].idx]
        match = CAPTION.match(lead)
        if match is None:
            return None
        raw = match["who"].strip()
        start = bounds[0] + match.start("who")
        words = [t for t in self.tokens_between(start, start + len(raw)) if not t.is_space]
        title_start = bounds[0] + match.start("title")
        title = [t for t in self.tokens_between(title_start, bounds[0] + match.end("title"))
                 if not t.is_space]
        if not words:
            return None
        if (self._known_person(raw) or any(t.ent_type_ == "PERSON" for t in words)
                or looks_like_person_name(raw) and len(raw.split()) >= 2):
            name = self.names.person(raw, at=words[0].idx)
            country = self._country_of_person(name) or self._country_in(title)
            return Source(raw, name, country, "colon", "person")
        name = self.names.body(raw)
        return Source(raw, name, self.names.country(name) or self._country_in(title), "colon", "body")

    def _by_colon_after(self, tokens, inside, first, last, bounds) -> Source | None:
        """A headline '“We will win”: Lind vows to retake the coast' credits the subject after
        the colon; only for a quote that opens its paragraph."""
        after_end = self.doc[last].idx + len(self.doc[last].text)
        match = re.match(r"[\"'”’»]*\s*:\s*", self.text[after_end : after_end + 10])
        if not match or self.text[bounds[0] : self.doc[first].idx].strip(" \"'“‘«"):
            return None
        token = self.token_at_or_after(after_end + match.end())
        if token is None or not self._same_paragraph(token, bounds):
            return None
        subject = next((t for t in [token, *token.ancestors] if t.dep_ == "nsubj"), None)
        if subject is None:
            subject = next((t for t in self.tokens_between(token.idx, bounds[1]) if t.dep_ == "nsubj"), None)
        if subject is None:
            return None
        found = self._source_from_head(subject, cue="colon", resolve=True, as_speaker=True)
        return found if found is not None and found.kind != "media" else None

    def _headline_speaker(self, bounds: tuple[int, int]) -> Source | None:
        """A headline 'Lind: Oslo showed Norway's ‘real need’ ...' credits all of its
        quotes to the name before its colon."""
        line = self.text[bounds[0] : bounds[1]]
        match = re.match(r"[^:\n]{2,40}:", line)
        if len(line) > 160 or not match:
            return None
        colon = self.token_starting_at(bounds[0] + match.end() - 1)
        return self._capitalised_name_before(colon) if colon is not None else None

    def _glued_colon(self, colon_at: int, bounds) -> Source | None:
        """'He added:“We ...”' with no space after the colon: the tokenizer glues the cue verb,
        the colon and the first quoted word into one token, so read the verb from its letters."""
        glued = self.tokens_between(colon_at, colon_at + 1)
        if not len(glued) or glued[0].i == 0:
            return None
        token = glued[0]
        word = self.text[token.idx : colon_at].lower()
        stems = {word, word[:-1], word[:-2], word[:-3] if word.endswith("ied") else word}
        if word.endswith("ied"):
            stems.add(word[:-3] + "y")
        if not stems & CUE_LEMMAS:
            return None
        subject = self.doc[token.i - 1]
        if not self._same_paragraph(subject, bounds):
            return None
        cue = next(iter(sorted(stems & CUE_LEMMAS, key=len, reverse=True)))
        return self._source_from_head(subject, cue=cue, resolve=True, as_speaker=True)

    def _name_opening_the_line(self, colon: Token, bounds) -> Source | None:
        """'Lind, in a video address: “...”': a name, a comma and a phrase that says where or how
        (a preposition or a participle) before the colon; the parser hangs the name on the quote."""
        line = [t for t in self.tokens_between(bounds[0], colon.idx) if not t.is_space]
        comma = next((k for k, t in enumerate(line) if t.text == ","), None)
        if comma is None or comma == 0 or comma + 1 >= len(line) or comma > 5:
            return None
        if line[comma + 1].pos_ != "ADP" and line[comma + 1].tag_ != "VBG":
            return None
        if any(t.text in {",", ";", "—", "–"} or is_cue(t) for t in line[comma + 1:]):
            return None  # a clause of its own, not a phrase: "X, who said ...:"
        return self._capitalised_name_before(line[comma])

    def _capitalised_name_before(self, colon: Token) -> Source | None:
        """A bare name before a colon, as in a headline 'Lind: ...' (the parser often misses it)."""
        words: list[Token] = []
        i = colon.i - 1
        while i >= 0 and self.doc[i].text[:1].isupper() and self.doc[i].is_alpha and len(words) < 5:
            words.insert(0, self.doc[i])
            i -= 1
        if not words or (
            i >= 0 and not (self.doc[i].is_punct or self.doc[i].is_space or "\n" in self.doc[i].whitespace_)
        ):
            return None
        raw = self.doc[words[0].i : words[-1].i + 1].text
        if self._known_person(raw) or any(t.ent_type_ == "PERSON" for t in words):
            name = self.names.person(raw, at=words[0].idx)
            return Source(raw, name, self._country_of_person(name), "colon", "person")
        if self.names.aliases.place(raw) or self.names.aliases.canonical(raw):
            name = self.names.body(raw)
            return Source(raw, name, self.names.country(name) or self.names.country(raw), "colon", "body")
        return None

    def _by_dash(self, tokens, inside, first, last, bounds) -> Source | None:
        """'“...” — X' closing a paragraph or sentence."""
        after_end = self.doc[last].idx + len(self.doc[last].text)
        match = re.match(r"[\"'“”‘’»,.]*[ \t]*(—|–|--|-)[ \t]*", self.text[after_end : after_end + 20])
        if not match:
            return None
        at = after_end + match.end()
        # the dash credits a quote that stands alone, and what follows it is only a name and title
        opening = self.doc[first].idx
        lead = self.text[bounds[0] : opening].rstrip(" \"'“‘«")
        if lead and lead[-1] not in ".!?:":
            return None
        if any(t.pos_ in {"VERB", "AUX"} for t in self.tokens_between(at, bounds[1])):
            return None
        token = self.token_starting_at(at)
        if token is None or token.pos_ not in {"PROPN", "NOUN", "DET", "ADJ", "PRON"}:
            return None
        # the noun phrase starting here: climb to the first head that lies outside it
        head = token
        while head.head.i != head.i and head.head.i > head.i and head.head.pos_ in {"PROPN", "NOUN"}:
            head = head.head
        if head.lemma_.lower() in PAGE_LABEL_NOUNS:
            return None
        found = self._source_from_head(head, cue="dash", resolve=True, as_speaker=True)
        if found is not None and found.kind != "media":
            return found
        return None

    def _by_headline_dash(self, tokens, inside, first, last, bounds) -> Source | None:
        """A headline 'Troops suffer ‘heavy losses’ near the border – Latvian intelligence'
        credits its quotes to the name after its final dash."""
        line = self.text[bounds[0] : bounds[1]].rstrip()
        if len(line) > 160 or line.endswith((".", "!", "?")):
            return None
        match = re.search(r"\s[–—-]\s+([^–—\-\s][^–—\-]{1,59})$", line)
        if not match or bounds[0] + match.start(1) <= self.doc[last].idx:
            return None
        at = bounds[0] + match.start(1)
        trailing = [t for t in self.tokens_between(at, bounds[0] + len(line)) if not t.is_space]
        if not trailing or len(trailing) > 6 or any(t.pos_ in {"VERB", "AUX"} for t in trailing):
            return None
        head = trailing[0]
        while head.head.i != head.i and head.head.i > head.i and head.head.i <= trailing[-1].i:
            head = head.head
        if head.lemma_.lower() in PAGE_LABEL_NOUNS:
            return None
        if head.lower_ in PERSON_ROLE_NOUNS and not any(t.ent_type_ == "PERSON" for t in trailing):
            return self._headline_role(trailing, head)
        found = self._source_from_head(head, cue="dash", resolve=True, as_speaker=True)
        return found if found is not None and found.kind != "media" else None

    def _headline_role(self, words: list[Token], head: Token) -> Source:
        """'... – U.S. Official': a headline credits someone by role only (title case makes the
        parser read it as a name); the story names that role in full, so the first role or person
        below with the same title word is the speaker, else the role as the headline puts it."""
        raw = " ".join(t.text for t in words)
        country = self._country_in(words)
        for actor in _actors_after(self._actors, words[-1].idx):
            source = actor.source
            title = set(name_key(f"{source.name} {source.raw}").split())
            if source.kind in {"role", "person"} and head.lower_ in title and (
                not country or not source.country or source.country == country
            ):
                return Source(raw, source.name, source.country or country, "dash", source.kind)
        return Source(raw, "unnamed " + raw.lower(), country, "dash", "role")

    def _by_attached_cue(self, tokens, inside, first, last, bounds) -> Source | None:
        """A cue verb hanging from the quote's own words ("“...,” he said" parsed under the quote)."""
        for token in tokens:
            for child in token.children:
                if child.i not in inside and is_cue(child) and self._same_paragraph(child, bounds):
                    found = self._source_of_verb(child)
                    if found is not None:
                        return found
        return None

    def _by_subject_after_quote(self, tokens, inside, first, last, bounds) -> Source | None:
        """'“...,” Name, the chief of X, was quoted as saying': the parser hangs the name off the
        quote, but a noun phrase right after the closing mark and before a cue verb is the speaker."""
        i = last + 1
        while (
            i < len(self.doc) and (self.doc[i].is_punct or self.doc[i].is_space) and self.doc[i].text != "."
        ):
            i += 1
        run: list[Token] = []
        while (
            i < len(self.doc)
            and self.doc[i].pos_ in {"PROPN", "NOUN", "DET", "ADJ"}
            and self._same_paragraph(self.doc[i], bounds)
        ):
            run.append(self.doc[i])
            i += 1
        nouns = [t for t in run if t.pos_ in {"PROPN", "NOUN"}]
        if not nouns:
            return None
        sentence_end = self.sentence_of(nouns[-1]).end if self.sentences else len(self.doc)
        verb = next((t for t in self.doc[i:sentence_end] if is_cue(t)), None)
        if verb is None or any(t.pos_ == "VERB" and not is_cue(t) for t in self.doc[i : verb.i]):
            return None
        found = self._source_from_head(nouns[-1], cue=verb.lemma_.lower(), resolve=True, as_speaker=True)
        return found if found is not None and found.kind != "media" else None

    def _by_nearest_cue(self, tokens, inside, first, last, bounds) -> Source | None:
        """The nearest cue verb outside any quote in the sentence(s) the quote touches."""
        candidates = [
            token
            for sent in self._sentences(first, last)
            for token in sent
            if token.i not in inside
            and not (first <= token.i <= last)
            and is_cue(token)
            and self._same_paragraph(token, bounds)
            and not self.in_quote(token.idx)
        ]
        candidates.sort(key=lambda t: min(abs(t.i - first), abs(t.i - last)))
        relayed: Source | None = None
        for verb in candidates:
            found = self._source_of_verb(verb)
            if found is not None and found.kind != "media":
                return found
            relayed = relayed or found
        return relayed

    def _by_framing_phrase(self, tokens, inside, first, last, bounds) -> Source | None:
        """'In Lind's words, the troops were "heroes"', 'As Lind put it (said), the move was "a
        game changer"': a phrase beside the quote's clause, not above it, names whose words they are."""
        for sentence in self._sentences(first, last):
            for token in sentence:
                if token.i in inside or self.in_quote(token.idx) or not self._same_paragraph(token, bounds):
                    continue
                if token.lemma_.lower() == "word" and token.dep_ == "pobj" and token.head.lower_ == "in":
                    owner = next((c for c in token.children if c.dep_ == "poss"), None)
                    if owner is not None:
                        return self._source_from_head(owner, cue="words", resolve=True, as_speaker=True)
                framing = token.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in token.children)
                saying = (token.lemma_.lower() == "put" and any(c.dep_ == "dobj" and c.lower_ == "it" for c in token.children)
                          ) or (is_cue(token) and not any(c.dep_ in {"ccomp", "dobj"} for c in token.children))
                if framing and saying:
                    for subject in _subjects_of(token):
                        found = self._source_from_head(subject, cue=token.lemma_.lower(), resolve=True, as_speaker=True)
                        if found is not None:
                            return found
        return None

    def _by_next_sentence_agent(self, tokens, inside, first, last, bounds) -> Source | None:
        """'“...” This was stated by X at a briefing.': a quote standing as its own sentence,
        credited by the next sentence of its paragraph, whose subject points back at it."""
        if not self.sentences:
            return None
        if not self._opens_its_sentence(first, bounds):
            return None  # the quote is part of a longer sentence: other finders handle it
        index = self._sentence_index(last)
        if index + 1 >= len(self.sentences):
            return None
        following = self.sentences[index + 1]
        words = [t for t in following if not t.is_space and not t.is_punct]
        if not words or not self._same_paragraph(words[0], bounds):
            return None
        root = following.root
        if words[0].lower_ in POINTING_WORDS:
            return self._agent_pointing_back(following)
        # "“...” X said this / made the remarks at a briefing.": the object points back at the quote
        pointing = any(
            c.dep_ == "dobj" and c.lemma_.lower() in {"this", "that", "remark", "comment", "statement", "word"}
            for c in root.children
        )
        if not pointing or not (is_cue(root) or root.lemma_.lower() in {"make", "deliver", "give"}):
            return None
        for subject in _subjects_of(root):
            found = self._source_from_head(subject, cue="say", resolve=True, as_speaker=True)
            if found is not None and found.kind in {"person", "body"}:
                return found
        return None

    def _agent_pointing_back(self, sentence: Span) -> Source | None:
        """The agent of "This was stated by X" (a passive cue whose subject points back)."""
        root = sentence.root
        if not is_cue(root) or not any(c.dep_ == "agent" for c in root.children):
            return None
        agent = _subjects_of(root)[0]
        return self._source_from_head(agent, cue=root.lemma_.lower(), resolve=True, as_speaker=True)

    def confirmer_of_sentence(self, char: int) -> Source | None:
        """Who the next sentence credits with the sentence holding ``char``: "Troops lost a
        thousand men last week. / This was confirmed by X." The next sentence may open a
        paragraph of its own (wire copy often sets each sentence apart); nothing may stand
        between the two."""
        if not self.sentences:
            return None
        token = self.token_at_or_after(char)
        if token is None:
            return None
        index = self._sentence_index(token.i)
        if index + 1 >= len(self.sentences):
            return None
        following = self.sentences[index + 1]
        words = [t for t in following if not t.is_space and not t.is_punct]
        if not words or words[0].lower_ not in POINTING_WORDS or self.in_quote(words[0].idx):
            return None
        return self._agent_pointing_back(following)

    def _opens_its_sentence(self, first: int, bounds: tuple[int, int]) -> bool:
        """Whether only quotation marks stand before token ``first`` in its sentence."""
        sentence = self.sentence_of(self.doc[first])
        return not self.text[max(bounds[0], sentence.start_char) : self.doc[first].idx].strip(" \"'“‘«")

    def _by_previous_sentence(self, tokens, inside, first, last, bounds) -> Source | None:
        """'X claimed the talks had failed. “There is nothing left to discuss.”': a quote standing
        as a sentence of its own, with no credit of its own, goes on with the words the sentence
        before it reports, in the same paragraph (a paragraph of its own is the caller's case)."""
        if not self.sentences:
            return None
        index = self._sentence_index(first)
        if not self._opens_its_sentence(first, bounds):
            return None  # words before the quote in its sentence
        words_end = tokens[-1].idx + len(tokens[-1])
        closing = self.sentences[self._sentence_index(tokens[-1].i)]
        if self.text[words_end : min(bounds[1], closing.end_char)].strip(" .,\"'”’»"):
            return None  # words after it: a cue there is the other finders' to read
        if index == 0 or self.sentences[index - 1].start_char < bounds[0]:
            return None
        # an unnamed role counts here ("Officials said the talks failed. “...”"): the sentence
        # before is the quote's own frame, not a guess across paragraphs
        return self._speaker_reported_in(
            self.sentences[index - 1], bounds, kinds={"person", "body", "role"})

    def _sentences(self, first: int, last: int) -> list[Span]:
        if not self.sentences:
            return []
        return self.sentences[self._sentence_index(first) : self._sentence_index(last) + 1]

    # ---------------------------------------------------------------------------- noun phrases
    def _np_tokens(self, head: Token, *, keep_prep: bool) -> list[Token]:
        """The head's noun phrase without clauses, appositives and (for names) prepositions."""
        drop = {"relcl", "acl", "appos", "punct", "cc", "conj", "advcl"}
        if not keep_prep:
            drop.add("prep")
        out = [head]
        for child in head.children:
            of_name = (
                child.dep_ == "prep"
                and child.lower_ == "of"
                and child.i == head.i + 1
                and any(g.dep_ == "pobj" and g.pos_ == "PROPN" for g in child.children)
            )  # "Ministry of Defense" is one name
            if child.dep_ not in drop or (of_name and head.pos_ == "PROPN"):
                out.extend(child.subtree)
        # the parser runs a headline into the next line; a noun phrase never crosses a line break
        bounds = self._paragraph(head.idx)
        return sorted((t for t in out if self._same_paragraph(t, bounds)), key=lambda t: t.i)

    def _country_in(self, tokens: list[Token]) -> str:
        """Country named by a possessive GPE or a NORP/GPE modifier among the tokens."""
        for token in tokens:
            if token.ent_type_ in {"GPE", "NORP", "ORG"} and token.ent_iob_ == "B":
                ent = self._ent_of.get(token.i)
                if token.ent_type_ == "ORG" and (
                    ent is None or not self.names.aliases.canonical(clean_name(ent.text))
                ):
                    continue  # an organisation tells a country only through the alias table ("UAE")
                if ent is None:
                    continue
                place = self.names.aliases.place(clean_name(ent.text))
                if place:
                    return place.country
                # "U.S." is an alias of a government whose country the table knows
                canonical = self.names.aliases.canonical(clean_name(ent.text))
                if canonical and self.names.country(canonical):
                    return self.names.country(canonical)
                root = ent.root
                owner = any(t.dep_ == "case" for t in root.children) or (
                    root.dep_ == "pobj" and root.head.lower_ == "of")
                if token.ent_type_ != "ORG" and owner:
                    # "Chile's embassy in London": an owner the tables do not know is still the
                    # owner; the place after it is where the embassy is, not whose
                    return ""
        return ""

    def _affiliation_in(self, tokens: list[Token]) -> str:
        """An organisation a title names ('OSCE Secretary General', 'EU foreign policy chief')."""
        for token in tokens:
            if token.ent_type_ == "ORG" and token.ent_iob_ == "B":
                ent = self._ent_of.get(token.i)
                if ent is None or not all(t.i in {x.i for x in tokens} for t in ent):
                    continue
                if ent.root.dep_ == "pobj" and ent.root.head.lower_ == "for":
                    continue  # "Secretary for Public Communication": a portfolio, not an affiliation
                if all((t.lower_ in TITLE_WORDS and not t.text.isupper()) or _is_title_word(t) for t in ent):
                    continue  # "Defence" in "Defence Minister" is part of a title, not a body
                body = self.names.body(ent.text)
                words = ent.text.split()
                # "Finnish Border Guard" -> Finland; an aliased body -> its country; "EU" stays EU
                for k in range(min(3, len(words)), 0, -1):
                    place = self.names.aliases.place(" ".join(words[:k]))
                    if place:
                        return place.country
                return self.names.country(body) or body
        return ""

    def _country_of_person(self, name: str) -> str:
        return self._country_by_name.get(name, "") or self.names.country(name)

    def _source_from_head(
        self, head: Token, *, cue: str, resolve: bool, left_only: bool = False, as_speaker: bool = False
    ) -> Source | None:
        """A Source for the noun phrase headed by ``head``, or None when it names nobody.

        ``as_speaker``: the phrase is the subject of a cue verb, so any person noun ("a Red Cross aid
        worker") is a speaker, not only the role nouns listed above.
        """
        lower = head.lower_
        if head.pos_ == "PRON" or lower in PERSON_PRONOUNS | PLURAL_PRONOUNS | THING_PRONOUNS:
            if lower == "one":
                return self._one_of(head, cue)
            return self._resolve_pronoun(head, cue) if resolve else None
        if head.pos_ == "NUM" and lower == "one":
            named = self._named_by_participle(head)  # "One of them, identified by the surname Ri"
            if named is not None:
                raw = self.doc[head.left_edge.i : head.i + 1].text
                return Source(raw, self.names.person(named, at=head.idx), "", cue, "person")
            return self._one_of(head, cue)
        if head.pos_ == "ADJ" and head.dep_ in {"nsubj", "nsubjpass"}:
            named = self._named_by_participle(head)  # "The second captive identified by the surname of Paik"
            if named is not None:
                raw = self.doc[head.left_edge.i : head.i + 1].text
                return Source(raw, self.names.person(named, at=head.idx), "", cue, "person")
        if head.pos_ not in {"PROPN", "NOUN"} or head.ent_type_ in NON_ACTOR_ENTITIES:
            return None  # "November 2024", "20 percent": never who acts or speaks
        if resolve and _names_a_pair(head):
            parties = self._parties_of_meeting(head, cue)
            if parties is not None:
                return parties
        proper = self._is_proper(head)
        # the name in apposition: "the Chilean Deputy Ambassador to the OAS, Marta Solis"
        if not proper or _is_title_word(head):
            # the parser may hang the name on the last noun of the title's phrase instead:
            # "A spokesperson for the State Department, Matthew Kerr"
            hosts = [head] + (
                [t for p in head.children if p.dep_ == "prep" for t in p.subtree if t.dep_ == "pobj"]
                if _is_title_word(head)
                else []
            )
            for child in [c for h in hosts for c in h.children]:
                if child.dep_ == "appos" and child.pos_ == "PROPN":
                    inner = self._source_from_head(child, cue=cue, resolve=resolve)
                    if inner is not None and inner.kind == "person":
                        around = self._np_tokens(head, keep_prep=True)
                        country = inner.country or self._country_in(around)
                        # the words used are the title and the name: "The foreign secretary, Hannah Cole"
                        raw = self.doc[min(t.i for t in around) : child.right_edge.i + 1].text.rstrip(" ,")
                        return Source(raw, inner.name, country, cue, inner.kind)
        np_tokens = self._np_tokens(head, keep_prep=not proper)
        if left_only:
            np_tokens = [t for t in np_tokens if t.i <= head.i]
        while len(np_tokens) > 1 and np_tokens[-1].dep_ == "case":
            np_tokens = np_tokens[:-1]  # "Lindqvist's remark": the speaker is Lindqvist, not "Lindqvist's"
        raw = self.doc[np_tokens[0].i : np_tokens[-1].i + 1].text
        apposition = [t for c in head.children if c.dep_ == "appos" for t in self._title_tokens(c)]
        modifiers = [t for t in np_tokens if t.i != head.i]
        if head.dep_ == "appos" and head.head.pos_ in {"NOUN", "PROPN"}:
            # "The head of the Finnish Border Guard, Lt Gen Marja Koskinen": the title is the host
            apposition += self._title_tokens(head.head)
        country = (
            self._country_in(modifiers) or self._country_in(apposition) or self._affiliation_in(apposition)
        )
        person = self._person_words(head, np_tokens, as_speaker=as_speaker) or self._named_by_participle(head)
        if person is not None:
            name = self.names.person(person, at=head.idx)
            country = country or self._country_of_person(name) or self._affiliation_in(modifiers)
            return Source(raw, name, country, cue, "person")
        if _is_title_word(head) and head.ent_type_ not in {"GPE", "NORP"}:
            # a capitalised role ("Minister") the tagger took for a name
            return self._common_noun_source(head, np_tokens, raw, country, cue, resolve, as_speaker)
        if not proper and head.text.islower() and head.lemma_.lower() in BODY_NOUNS:
            # "the foreign ministry", even when tagged ORG, refers back to a named ministry
            return self._common_noun_source(head, np_tokens, raw, country, cue, resolve, as_speaker)
        if proper or head.ent_type_ in {"ORG", "GPE", "NORP"}:
            body = self._body_source(head, raw, country, cue)
            if resolve and as_speaker:
                return self._speaking_body_of_country(head, body) or body
            return body
        return self._common_noun_source(head, np_tokens, raw, country, cue, resolve, as_speaker)

    def _speaking_body_of_country(self, head: Token, body: Source) -> Source | None:
        """'The UK cited ...' right after 'the UK Ministry of Defence said': a country named as a
        speaker stands for the body of that country named in this or the two paragraphs before."""
        place = self.names.aliases.place(clean_name(body.raw)) or self._place_of_government.get(body.name)
        if place is None:
            return None
        window = self._recent_paragraphs_start(head.idx)
        for actor in _actors_before(self._actors, head.idx):
            if actor.start_char < window:
                break
            s = actor.source
            if (
                s.kind == "body"
                and s.country == place.country
                and s.name not in {place.government, place.country}
                and self.names.aliases.place(clean_name(s.raw)) is None
            ):
                return Source(body.raw, s.name, s.country, body.cue, "body")
        return None

    def _title_tokens(self, title: Token) -> list[Token]:
        """A title's own words and those of the body it belongs to, not of its portfolio:
        "head of Norway’s Coastal Command" (Norway), but not "minister in charge of
        Baltic affairs" or "Secretary for Public Communication"."""
        out: list[Token] = []

        def with_modifiers(token: Token) -> list[Token]:
            mods = [
                t for c in token.lefts if c.dep_ in {"compound", "amod", "poss", "nmod"} for t in c.subtree
            ]
            return [*mods, token]

        out += with_modifiers(title)
        for prep in title.children:
            if prep.dep_ == "prep" and prep.lower_ in {"of", "from", "at", "to"}:
                for obj in prep.children:
                    if obj.dep_ == "pobj":
                        out += with_modifiers(obj)
        return sorted(out, key=lambda t: t.i)

    def _surnames_given(self, participle: Token) -> list[str]:
        """The names after "surnamed": its object and the objects coordinated with it."""
        objects = [c for c in participle.children if c.dep_ in {"dobj", "oprd", "attr"} and c.pos_ == "PROPN"]
        for obj in objects:
            objects += [c for c in obj.children if c.dep_ == "conj" and c.pos_ == "PROPN"]
        names = []
        for obj in objects:
            words = [t for t in obj.subtree if (t.dep_ == "compound" or t.i == obj.i) and t.pos_ == "PROPN"]
            if obj.text[:1].isupper() and self._name_tokens_plausible(words):
                names.append(" ".join(t.text for t in words))
        return names

    def _named_by_participle(self, head: Token) -> str | None:
        """'a sniper surnamed Ri', 'the second captive identified by the surname of Paik': the
        name a described person is given in their own phrase."""
        if head.pos_ not in {"NOUN", "ADJ"} and head.lower_ != "one":
            return None  # the tagger takes "the second captive" for an adjective; "one of them"
        for child in head.children:
            if child.dep_ == "appos" and child.pos_ == "PROPN" and any(
                    g.lemma_.lower() == "surname" for g in child.children):
                # the parser may make the name the head: "a sniper [surnamed Ruiz]"
                words = [t for t in child.subtree if t.dep_ == "compound" or t.i == child.i]
                if self._name_tokens_plausible(words):
                    name = " ".join(t.text for t in words)
                    self.names.observe_person(name)
                    return name
            if child.dep_ != "acl" or child.lemma_.lower() not in NAMING_PARTICIPLES:
                continue
            personal = child.lemma_.lower() == "surname" or any(
                t.lemma_.lower() in {"surname", "name"} for t in child.subtree)
            if not personal and head.lemma_.lower() not in PERSON_ROLE_NOUNS:
                continue  # "a group called ..." names a thing
            for token in child.subtree:
                if token.pos_ != "PROPN" or token.dep_ == "compound" or not token.text[:1].isupper():
                    continue
                # "by the surname Ri": the noun "surname" is no part of the name
                words = [t for t in token.subtree
                         if t.i == token.i or t.dep_ == "compound" and t.pos_ == "PROPN"]
                if self._name_tokens_plausible(words):
                    name = " ".join(t.text for t in words)
                    self.names.observe_person(name)
                    return name
        return None

    def _person_words(self, head: Token, np_tokens: list[Token], *, as_speaker: bool = False) -> str | None:
        """The words naming a person in this noun phrase, or None when it names no person."""
        ent = self._ent_of.get(head.i)
        if ent is not None and ent.label_ == "PERSON" and self._plausible_person(ent):
            return ent.text
        # a name the alias table calls a person, whatever the tagger made of it ("Lindqvist" as ORG)
        for words in ([ent.text] if ent is not None else []) + [head.text]:
            if words[:1].isupper() and self.names.aliases.is_person(words):
                return words
        described = any(
            c.dep_ == "appos" and (c.lemma_.lower() in PERSON_ROLE_NOUNS or _is_title_word(c))
            for c in head.children
        )
        hyphenated = self._hyphenated_name(head) if head.pos_ in {"PROPN", "NOUN"} else None
        if hyphenated is not None and (described or as_speaker or self._known_person(hyphenated)):
            # "Choi Min-seok, Senior Secretary ...": the tagger splits such names into odd pieces
            self.names.observe_person(hyphenated)
            return hyphenated
        if not self._is_proper(head):
            return None
        titled = self._titled_name(head)
        if titled is not None:
            return titled + self._glued_tail(head)
        chain = [t for t in np_tokens if t.i <= head.i][-3:]
        chain = chain[next((k for k in range(len(chain) - 1, -1, -1) if chain[k].pos_ != "PROPN"), -1) + 1 :]
        if chain and all(_is_title_word(t) for t in chain):
            return None  # "the Chairperson": a capitalised title, no name
        if described and self._looks_like_personal_name(chain):
            # "Anatolii Barhylevych, the chief of the General Staff": the apposition says who he is
            words = " ".join(t.text for t in chain)
            self.names.observe_person(words)
            return words
        words = " ".join(t.text for t in chain)
        # a surname the tagger took for a place counts, unless it is a place we know
        if self._known_person(words) and self.names.aliases.place(words) is None:
            return words
        named_of = any(c.dep_ == "prep" and c.lower_ == "of" and any(g.pos_ == "PROPN" for g in c.children)
                       for c in head.children)
        if as_speaker and not named_of and self._looks_like_personal_name(chain):
            # ("Joint Chiefs of Staff", "Bank of Norland": a name going on with "of" is a body's)
            words = " ".join(t.text for t in chain)
            self.names.observe_person(words)
            return words
        return None

    def _body_source(self, head: Token, raw: str, country: str, cue: str) -> Source:
        ent = self._ent_of.get(head.i)
        words = ent.text if ent is not None and ent.label_ in {"ORG", "GPE", "NORP", "FAC"} else raw
        chain = [t for t in head.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"] + [head]
        if ent is None or chain[0].i < ent.start:
            # the entity missed part of the name ("General Staff" tagged as "Staff")
            if ent is None:
                start = chain[0].i
                while (start > 0 and chain[0].ent_type_ == "NORP" and self.doc[start - 1].ent_type_ == "NORP"
                       and self.doc[start - 1].head.i >= chain[0].i):
                    start -= 1  # "South African Defense Ministry": the nationality whole, not "African ..."
                words = self.doc[start : head.i + 1].text
            elif ent.label_ != "GPE" or not any(t.ent_type_ for t in chain if t.i < ent.start):
                # "Radio Latvia": an outlet named after a country is not the country
                words = self.doc[chain[0].i : max(ent.end, head.i + 1)].text
        of_name = [
            g
            for c in head.children
            if c.dep_ == "prep" and c.lower_ == "of" and c.i == head.i + 1
            for g in c.children
            if g.dep_ == "pobj" and g.pos_ == "PROPN"
        ]
        if of_name and (ent is None or ent.end <= of_name[0].i):
            # "Ministry of Defence", "Bank of England": the name goes on after "of"
            words = f"{words} {self.doc[head.i + 1:of_name[0].i + 1].text}"
        words = _drop_place_owner(words, self.names)
        spelled = self._acronym_after(max(head.i, ent.end - 1 if ent is not None else head.i))
        if spelled is not None and (not country or self.names.country(spelled) in {"", country}):
            # "Latvia's Constitution Protection Bureau (SAB)": the table knows the body by its acronym
            return Source(raw, spelled, country or self.names.country(spelled), cue, "body")
        words = self._acronyms.get(clean_name(words), words)
        if country and self.names.aliases.canonical(words) is None:
            # "Latvia's Constitution Protection Bureau": a country's one intelligence body in the table
            agency = self._agency_of(country, name_key(words).split())
            if agency is not None:
                return Source(raw, agency, country, cue, "body")
        # "United Arab Emirates (UAE)": the long form of an aliased acronym
        for acronym, long_form in self._acronyms.items():
            if name_key(long_form) == name_key(words) and self.names.aliases.canonical(acronym):
                words = acronym
        name = self.names.body(words)
        kind = "media" if set(name_key(name).split()) & MEDIA_WORDS else "body"
        country = country or self.names.country(name) or self.names.country(words)
        if (
            kind == "body"
            and country
            and self.names.aliases.canonical(words) is None
            and self.names.aliases.place(words) is None
            and name != self.government_of(country)
            and not any(w in name_key(name).split() for w in name_key(country).split())
            and set(name_key(name).split()) & (BODY_NOUNS | ORG_WORDS)
        ):
            # a generic body name ("Defence Council") needs its country to be one body
            name = f"{name} ({country})"
        return Source(raw, name, country, cue, kind)

    def _acronym_after(self, last: int) -> str | None:
        """The alias table's body for an acronym in parentheses right after token ``last``."""
        if last + 3 >= len(self.doc) or self.doc[last + 1].text != "(" or self.doc[last + 3].text != ")":
            return None
        acronym = self.doc[last + 2].text
        if not (acronym.isupper() and acronym.isalpha() and 2 <= len(acronym) <= 6):
            return None
        return self.names.aliases.canonical(acronym)

    def government_of(self, country: str) -> str:
        """The body that speaks for a country the alias table knows ("US government"), else ''."""
        place = self.names.aliases.place(country)
        return place.government if place else ""

    def _common_noun_source(
        self, head, np_tokens, raw, country, cue, resolve, as_speaker=False
    ) -> Source | None:
        lemma = head.lemma_.lower()
        plural = head.tag_ == "NNS"
        determiner = next((c.lower_ for c in head.children if c.dep_ == "det"), "")
        aliased = self._aliased(head, np_tokens, raw, country)
        if aliased is not None:
            # the analyst's alias table knows "Japanese intelligence" or "Tokyo's spy agency"
            return Source(raw, aliased, country or self.names.country(aliased), cue, "body")
        if lemma in MEDIA_NOUNS or head.lower_ in MEDIA_NOUNS:
            # "state media reported", "the newspaper said": an outlet relays, it is no speaker
            return Source(raw, clean_name(raw), country, cue, "media")
        if lemma in DOCUMENT_NOUNS:
            # "a statement from the General Staff", "the ministry's report": the author speaks
            return self._document_author(head, cue, resolve)
        if plural:
            if lemma in GENERIC_PLURALS:
                return self._generic_plural(head, raw, country, cue)
            if lemma in PERSON_ROLE_NOUNS or (as_speaker and _could_be_people(head)):
                return Source(raw, clean_name(raw), country, cue, "role")
            return None
        if lemma in PERSON_ROLE_NOUNS or (as_speaker and lemma not in BODY_NOUNS and _could_be_people(head)):
            if (resolve and lemma in PERSON_ROLE_NOUNS and determiner not in {"a", "an", "another", "one"}
                    and not _unnamed_on_purpose(head)):
                found = self._resolve_description(head, raw, country, cue, strict=determiner == "")
                if found is not None:
                    return found
            return Source(raw, self._role_label(head, np_tokens), country, cue, "role")
        if lemma in BODY_NOUNS:
            if resolve and determiner in {"the", "this", "that"}:
                found = self._resolve_description(head, raw, country, cue, strict=False)
                if found is not None:
                    return found
            for owner in head.children:
                if owner.dep_ == "poss":
                    person = self._person_words(owner, self._np_tokens(owner, keep_prep=False))
                    if person is not None:
                        # "Lind's office" speaks for Lind; keep that visible in the name. "Lind's
                        # government" is her country's government when the article says which.
                        name = self.names.person(person, at=head.idx)
                        home = country or self._country_of_person(name)
                        if head.lower_ in {"government", "administration"} and self.government_of(home):
                            return Source(raw, self.government_of(home), home, cue, "body")
                        return Source(
                            raw,
                            f"{head.lower_} of {name}",
                            country or self._country_of_person(name),
                            cue,
                            "body",
                        )
            # the name is the phrase up to its noun, its owner as a demonym: "Chile’s embassy in
            # London" -> "Chilean embassy"; an owner the tables do not know stays as written
            owner_tokens = [t for t in np_tokens if t.ent_type_ in {"GPE", "NORP"}] if country else []
            kept = [t for t in np_tokens if t not in owner_tokens and t.dep_ != "det" and t.i <= head.i
                    and not (t.dep_ == "case" and (t.i == 0 or self.doc[t.i - 1] in owner_tokens))]
            # "the president's office" keeps its "'s"; "Chile's embassy" loses it with its owner
            rest = "".join(t.text_with_ws for t in kept).split() if kept else []
            if not country:
                # "the embassy of Peru": an owner the tables do not know, as written
                rest += [w for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
                         for g in c.children if g.dep_ == "pobj" and g.pos_ == "PROPN"
                         for w in [c.text, *(t.text for t in g.subtree if t.i <= g.i)]]
            if resolve and determiner in {"the", "this", "that"} and rest == [head.text] and not country:
                # "the leadership hailed them": the rulers of the country whose leader was just named
                ruled = self._ruled_country(head) if lemma in RULING_NOUNS else None
                if ruled is not None:
                    return Source(raw, f"{ruled.demonym} {head.lower_}", ruled.country, cue, "body")
                # "the ministry" that no ministry in the article explains: nobody we can name
                return None
            place = self.names.aliases.place(country) if country else None
            name = " ".join(([place.demonym] if place and owner_tokens else []) + rest) or clean_name(raw)
            return Source(raw, name, country, cue, "body")
        return None

    def _ruled_country(self, head: Token) -> Place | None:
        """The country of the last person named in this sentence or the one before, when the
        article or the alias table says which."""
        index = self._sentence_index(head.i)
        named = [ent for i in range(max(index - 1, 0), index + 1) for ent in self._ents_by_sent[i]
                 if ent.label_ == "PERSON" and ent.start < head.i and self._plausible_person(ent)]
        if not named:
            return None
        country = self._country_of_person(self.names.person(named[-1].text, at=named[-1].start_char))
        return self.names.aliases.place(country) if country else None

    def _aliased(self, head: Token, np_tokens: list[Token], raw: str, country: str) -> str | None:
        """The alias table's canonical name for a common-noun phrase, as written, with its owner
        as a demonym ("Estonia's military intelligence" -> "Estonian military intelligence"), or
        through an acronym in parentheses after it ("the military intelligence agency (SAB)")."""
        left = [t for t in np_tokens if t.i <= head.i and t.dep_ not in {"det"}]
        forms = [clean_name(raw), " ".join(t.text for t in left)]
        place = self.names.aliases.place(country) if country else None
        if place is not None:
            owned = [t.text for t in left if t.ent_type_ not in {"GPE", "NORP"} and t.dep_ != "case"]
            forms.append(" ".join([place.demonym, *owned]))
        # an acronym after the phrase names it; one before is its owner ("a U.S. official")
        forms += [
            c.text for c in head.children if c.dep_ in {"appos", "nmod"} and c.text.isupper() and c.i > head.i
        ]
        for form in forms:
            canonical = self.names.aliases.canonical(form) if form else None
            if canonical is not None:
                return canonical
        return self._agency_of(country, [t.lower_ for t in left]) if country else None

    def _agency_of(self, country: str, words: list[str]) -> str | None:
        """"Tokyo's spy agency", "Poland's military intelligence": the one intelligence body the
        alias table lists for that country, so every wording of it gets one name."""
        if not {"spy", "intelligence"} & set(words):
            return None
        bodies = {
            canonical
            for canonical in set(self.names.aliases.canonical_by_key.values())
            if self.names.aliases.country_of(canonical) == country and "intelligence" in name_key(canonical)
        }
        return bodies.pop() if len(bodies) == 1 else None

    def _coordinated(self, subject: Token, cue: str) -> Source | None:
        """'Oslo and Helsinki pledged' -> 'Norway and Finland' (countries acting together
        are named as countries); 'Lind and Berg said' -> 'Maja Lind and Karl Berg'."""
        members = [subject]
        for member in members:  # grows while walking: "A, B and C" chains conj on conj
            members += [c for c in member.children if c.dep_ == "conj"]
        if len(members) < 2:
            return None
        parts: list[Source] = []
        for member in members:
            found = self._source_from_head(member, cue=cue, resolve=True, as_speaker=True)
            if found is None:
                return None
            parts.append(found)
        names = []
        for part in parts:
            place = self.names.aliases.place(part.raw) or self._place_of_government.get(part.name)
            names.append(place.country if place is not None and part.kind == "body" else part.name)
        countries = {p.country for p in parts}
        raw = self.doc[subject.left_edge.i : members[-1].right_edge.i + 1].text
        kind = "person" if all(p.kind == "person" for p in parts) else "body"
        return Source(raw, " and ".join(names), countries.pop() if len(countries) == 1 else "", cue, kind)

    def _parties_of_meeting(self, head: Token, cue: str) -> Source | None:
        """'When Lind met with Tamm ..., the two sides said': the pair is the meeting's parties,
        its subject and the one met, in this sentence before the phrase or in the one before."""
        index = self._sentence_index(head.i)
        for sentence in (self.sentences[index], self.sentences[index - 1] if index else None):
            if sentence is None:
                continue
            meetings = [t for t in sentence if t.lemma_.lower() in MEETING_LEMMAS and t.pos_ == "VERB"
                        and t.i < head.i and not self.in_quote(t.idx)]
            for verb in reversed(meetings):
                objects = [c for c in verb.children if c.dep_ == "dobj"]
                # "met Tamm", "met with Tamm", "held talks with Tamm"
                partners = [p for p in (
                    self._source_from_head(t, cue=cue, resolve=True, as_speaker=True)
                    for t in objects + [g for h in [verb, *objects] for c in h.children
                                        if c.dep_ == "prep" and c.lower_ == "with"
                                        for g in c.children if g.dep_ == "pobj"])
                    if p is not None and p.kind in {"person", "body"}]
                subjects = [c for c in verb.children if c.dep_ == "nsubj"]
                if len(subjects) != 1 or len(partners) != 1:
                    continue
                parts = [self._source_from_head(subjects[0], cue=cue, resolve=True, as_speaker=True), partners[0]]
                if parts[0] is None or parts[0].kind not in {"person", "body"}:
                    continue
                kind = "person" if all(p.kind == "person" for p in parts) else "body"
                names = [p.name if kind == "person" else (p.country or p.name) for p in parts]
                if len(set(names)) < 2:
                    continue
                raw = self.doc[head.left_edge.i : head.i + 1].text
                return Source(raw, " and ".join(names), "", cue, kind)
        return None

    def _document_author(self, head: Token, cue: str, resolve: bool) -> Source | None:
        """Who wrote a statement, report or readout the text cites, when it says so.

        An agreement, law or treaty has parties and signatories, not an author: its words are
        credited to nobody rather than to whoever signed it ("the agreement signed by X and Y").
        """
        if head.lemma_.lower() in INSTRUMENT_NOUNS:
            found = self._parties_of(head, cue, resolve)
            if found is None and resolve and any(c.dep_ == "det" and c.lower_ == "the" for c in head.children):
                found = self._earlier_instrument(head, cue)  # "the treaty" named with its parties before
            return found
        # "a report of the ministry" is the ministry's; "footage of their encounter" shows it, and
        # "X's description of the talks" describes them
        shown = head.lemma_.lower() in RECORDING_NOUNS | DESCRIBING_NOUNS
        by = {"from", "by"} if shown else {"from", "by", "of"}
        authors = [
            g
            for c in head.children
            if c.dep_ == "prep" and c.lower_ in by
            for g in c.children
            if g.dep_ == "pobj"
        ]
        # "a report posted by X", "a statement issued by X"
        authors += _participle_agents(head)
        authors += [c for c in head.children if c.dep_ == "poss"]
        # a compound names the author only when it is an organisation ("a Pentagon statement"), not
        # a place describing the text ("a Finland news report")
        authors += [
            c for c in head.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.ent_type_ == "ORG"
        ]
        for author in authors:
            found = self._source_from_head(author, cue=cue, resolve=resolve, as_speaker=True)
            if found is not None:
                return found
        kind_of_body = [c for c in head.children if c.dep_ == "compound" and c.lemma_.lower() in BODY_NOUNS]
        if not authors and kind_of_body:
            # "a foreign ministry statement": the body its words name, as the text names it
            words = [t for t in self.doc[head.left_edge.i : head.i] if t.dep_ not in {"det", "punct"}]
            raw = " ".join(t.text for t in words)
            name = self.names.aliases.canonical(clean_name(raw)) or clean_name(raw)
            country = self._country_in(words)
            return Source(raw, name, country or self.names.country(name), cue, "body")
        if resolve and not authors and any(c.dep_ == "det" and c.lower_ == "the" for c in head.children):
            return (self._earlier_instrument(head, cue) or self._earlier_writer(head, cue)
                    or self._last_speaking_body(head, cue))
        return None

    def _last_speaking_body(self, head: Token, cue: str) -> Source | None:
        """'the Defense Intelligence of Ukraine said Sunday ... "...," the report said': a text
        the article never introduced is that of the body that last spoke, in this paragraph or
        the one before."""
        window = self._recent_paragraphs_start(head.idx, before=1)
        for actor in _actors_before(self._actors, head.idx):
            if actor.start_char < window:
                break
            if actor.speaker and actor.source.kind == "body" and not self.in_quote(actor.start_char):
                raw = self.doc[head.left_edge.i : head.i + 1].text
                return Source(raw, actor.source.name, actor.source.country, cue, "body")
        return None

    def _earlier_writer(self, head: Token, cue: str) -> Source | None:
        """'"...," the letter reads' after 'X sent a letter' or 'In the letter, X notes', and
        '"...," the post stated' after 'X posted on its channel that ...': the document is the
        one named (or written, by the verb of its name) in the last paragraphs, and its writer is
        the subject of the verb that named it there. "The video" is the "footage" X released."""
        window = self._recent_paragraphs_start(head.idx)
        lemma = head.lemma_.lower()
        kin = RECORDING_NOUNS if lemma in RECORDING_NOUNS else {lemma}
        for token in reversed(self.tokens_between(window, head.idx)):
            if token.lemma_.lower() not in kin or token.i == head.i or self.in_quote(token.idx):
                continue
            if token.pos_ == "VERB" and lemma in WRITING_VERBS:
                verb = token  # "X posted that ...": the post is X's
            elif token.pos_ == "NOUN" and is_cue(token.head) and token in _subjects_of(token.head):
                return self._earlier_writer(token, cue)  # "the post stated" again: the same post
            else:
                verb = token.head.head if token.dep_ == "pobj" else token.head
                if token.dep_ not in {"dobj", "pobj"} or verb.pos_ not in {"VERB", "AUX"}:
                    continue
            wrote = verb is token or token.dep_ == "dobj" and verb.lemma_.lower() in WRITING_VERBS
            cited = token.dep_ == "pobj" and token.head.lower_ == "in" and is_cue(verb)
            if not (wrote or cited):
                continue  # "Russia denied the reports": who denies a text did not write it
            writers = [self._source_from_head(subject, cue=cue, resolve=True, as_speaker=True)
                       for subject in _subjects_of(verb)]
            if verb is token and is_cue(verb):
                writers.append(self._source_of_verb(verb))  # the parse may hide its subject
            for found in writers:
                if found is not None and found.kind in {"person", "body", "role"}:
                    raw = self.doc[head.left_edge.i : head.i + 1].text
                    return Source(raw, found.name, found.country, cue, found.kind)
        return None

    def _earlier_instrument(self, head: Token, cue: str) -> Source | None:
        """'The document contains an article stating ...' after 'the agreement signed by A and
        B': the document is the agreement named in the last paragraphs, speaking for its parties."""
        window = self._recent_paragraphs_start(head.idx)
        for token in reversed(self.tokens_between(window, head.idx)):
            if token.lemma_.lower() in INSTRUMENT_NOUNS and not self.in_quote(token.idx):
                found = self._parties_of(token, cue, True)
                if found is not None:
                    raw = self.doc[head.left_edge.i : head.i + 1].text
                    return Source(raw, found.name, found.country, cue, found.kind)
        return None

    def _parties_of(self, head: Token, cue: str, resolve: bool) -> Source | None:
        """'the agreement signed by A and B', 'the treaty between A and B': the countries that
        are its parties speak through its words, when the text says which countries they are."""
        firsts = _participle_agents(head) + [
            g
            for c in head.children
            if c.dep_ == "prep" and c.lower_ == "between"
            for g in c.children
            if g.dep_ == "pobj"
        ] + [
            # "the treaty that commits A and B to providing '...'": whom it binds are its parties
            g
            for c in head.children
            if c.dep_ in {"relcl", "acl"} and c.lemma_.lower() in BINDING_VERBS
            for g in c.children
            if g.dep_ == "dobj"
        ]
        for first in firsts:
            members = [first]
            for member in members:
                members += [c for c in member.children if c.dep_ == "conj"]
            countries: list[str] = []
            for member in members:
                found = self._source_from_head(member, cue=cue, resolve=resolve, as_speaker=True)
                if found is None:
                    break
                place = self.names.aliases.place(found.raw) or self.names.aliases.place(found.name)
                country = place.country if place is not None else found.country
                if not country and found.kind == "person":
                    country = self._country_of_person(found.name)
                if not country or country in countries:
                    break
                countries.append(country)
            else:
                if len(countries) >= 2:
                    raw = self.doc[head.left_edge.i : members[-1].right_edge.i + 1].text
                    return Source(raw, " and ".join(countries), "", cue, "body")
        return None

    def _one_of(self, head: Token, cue: str) -> Source | None:
        """'one of the diplomats' -> 'unnamed diplomat'."""
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for obj in prep.children:
                    if obj.dep_ == "pobj" and obj.lemma_.lower() in PERSON_ROLE_NOUNS | GENERIC_PLURALS:
                        np = self._np_tokens(obj, keep_prep=False)
                        left = [t for t in np if t.i < obj.i]
                        # the words after any owner or determiner: "one of Chile’s OAS
                        # representatives" -> "OAS representative" (the owner is the country)
                        cut = max(
                            (k for k, t in enumerate(left) if t.dep_ in {"det", "case", "poss"}), default=-1
                        )
                        words = [t.text for t in left[cut + 1 :] if t.dep_ not in {"nummod"}]
                        raw = self.doc[head.i : obj.i + 1].text
                        label = " ".join(["unnamed", *words, obj.lemma_.lower()])
                        return Source(raw, label, self._country_in(np), cue, "role")
        return None

    def _generic_plural(self, head: Token, raw: str, country: str, cue: str) -> Source:
        """'Polish officials': the body their phrase or sentence names, else the plural as
        written. 'Officials at the Pentagon' and 'After a meeting of the Defence Council, officials
        said' name it; a body of another country does not."""
        own = [
            e
            for c in head.children
            if c.dep_ == "prep" and c.lower_ in {"at", "from", "of", "in"}
            for g in c.children
            if g.dep_ == "pobj"
            for e in [self._ent_of.get(g.i)]
            if e is not None
        ]
        paragraph_start = self._paragraph(head.idx)[0]
        before = [
            e
            for e in self._ents_by_sent[self._sentence_index(head.i)]
            if e.end <= head.i and e.start_char >= paragraph_start
        ]
        for ent in own + before:
            if ent.label_ != "ORG" or self._is_media_text(ent.text) or self.in_quote(ent.start_char):
                continue
            body = self._body_source(ent[-1], ent.text, "", cue)
            if country and body.country and body.country != country:
                continue
            body = self._body_source(ent[-1], ent.text, country, cue)
            return Source(raw, body.name, body.country or country, cue, "body")
        if head.lemma_.lower() == "authority" and country:
            return Source(raw, self.government_of(country) or clean_name(raw), country, cue, "body")
        return Source(raw, clean_name(raw), country, cue, "role")

    def _is_media_text(self, text: str) -> bool:
        return bool(set(name_key(text).split()) & MEDIA_WORDS)

    def _role_label(self, head: Token, np_tokens: list[Token]) -> str:
        """'an unnamed senior aide from the Finnish interior ministry' ->
        'unnamed senior aide (Finnish interior ministry)'."""
        skip = {"unnamed", "anonymous", "unidentified", "one"}
        owner = next((c for c in head.children if c.dep_ == "poss" and c.pos_ in {"PROPN", "NOUN"}), None)
        owned = {t.i for t in owner.subtree} if owner is not None else set()
        before = [
            t.text
            for t in np_tokens
            if t.i < head.i
            and t.i not in owned
            and t.dep_ not in {"det", "poss", "case"}
            and t.lower_ not in skip
        ]
        label = " ".join(["unnamed", *before, head.text])
        pronoun_owner = next((c for c in head.children if c.dep_ == "poss" and c.lower_ in {"its", "their"}), None)
        if owner is None and pronoun_owner is not None:
            # "The Elysee did not deny it. Its spokesman said ...": the body the pronoun stands for
            body = self._resolve_pronoun(pronoun_owner, "")
            if body is not None and body.kind == "body":
                return f"{label} ({body.name})"
        if owner is not None:
            label += f" ({clean_name(self.doc[owner.left_edge.i:owner.i + 1].text)})"
            return label
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ in {"from", "of", "at", "in", "with", "to", "for"}:
                words = "".join(
                    t.text_with_ws
                    for t in prep.subtree
                    if t.i != prep.i and not (t.dep_ == "det" and t.head.head.i == prep.i)
                ).strip()  # as printed: "Oslo's agency", not "Oslo 's agency"
                if words:
                    label += f" ({words})"
                break
        return label

    # ------------------------------------------------------------------------------ coreference
    def _resolve_pronoun(self, pronoun: Token, cue: str, actors: list[_Actor] | None = None) -> Source | None:
        lower = pronoun.lower_
        actors = self._actors if actors is None else actors
        teller = self._teller_of(pronoun, cue)
        if teller is not None:
            return teller
        before = _actors_before(actors, pronoun.idx)
        if lower in PERSON_PRONOUNS:
            # people, and unnamed people ("a senior official ... he said")
            people = [
                a
                for a in before
                if (a.source.kind == "person"
                    or (a.source.kind == "role" and not a.plural and a.speaker and a.introduced))
                and self._gender_of(a.source) in ("", PRONOUN_GENDER[lower])
            ]
            # "the Norlandic dictator thanked the premier ... He called ...": a description that is
            # the topic of the sentence just before is "he", as the named person it refers to
            described = self._topic_just_before(pronoun, [
                a for a in before if a.source.kind in {"person", "role"} and not a.plural
                and not a.introduced and self._gender_of(a.source) in ("", PRONOUN_GENDER[lower])])
            if described is not None and described.source.kind == "role":
                head = self.doc.char_span(described.start_char, described.start_char + 1,
                                          alignment_mode="expand")
                found = (self._source_from_head(head[0], cue=cue, resolve=True, as_speaker=True)
                         if head is not None and head[0].lower_ not in PERSON_PRONOUNS else None)
                if found is not None and found.kind == "person":
                    return Source(pronoun.text, found.name, found.country, cue, found.kind)
                if described.speaker and (found is None or found.kind == "role"):
                    # '"...," said the soldier. He added ...': a description the text never
                    # names, who just spoke, is still "he" (or the "he" already resolved to it)
                    role = found or described.source
                    return Source(pronoun.text, role.name, role.country, cue, role.kind)
            # the subject of a recent clause is the likeliest "he" (centering): look back over
            # this paragraph and the two before it
            recent_start = self._recent_paragraphs_start(pronoun.idx)
            recent = [a for a in people if a.start_char >= recent_start]
            # the last main-clause subject (centering), not one inside a reported clause
            match = next((a for a in recent if a.subject and a.main), None)
            match = match or next((a for a in recent if a.subject), None)
            match = match or next((a for a in people if a.source.kind == "person"), None)
        elif lower in PLURAL_PRONOUNS:
            plural = [a for a in before if a.plural or a.source.kind == "body"]
            # "The military claimed that 3,000 soldiers train there. They stated ...": the last
            # one who spoke, else the last main-clause subject, not a subject of reported words;
            # but "Ukrainian officials put the toll higher. They said ...": the subject of the
            # sentence just before comes first (centering)
            match = (
                self._topic_just_before(pronoun, plural)
                or next((a for a in plural if a.speaker), None)
                or next((a for a in plural if a.subject and a.main), None)
                or next((a for a in plural if a.subject), None)
                or next(iter(plural), None)
            )
        elif lower in {"i", "we"}:
            match = next((a for a in before if a.source.kind in {"person", "role", "body"}), None)
        else:
            bodies = [a for a in before if a.source.kind == "body"]
            match = next(iter(bodies), None)
            if pronoun.dep_ == "nsubj" and is_cue(pronoun.head):
                # "The spy agency said X had sent 5,000 troops. It added ...": what speaks again is
                # not X, the subject of the words reported
                match = next((a for a in bodies if not (a.subject and not a.main)), None) or match
            text_source = self._latest_text_author(pronoun, after=match.start_char if match else -1)
            if text_source is not None:
                # "according to KCNA's report ... '...,' it said": the report is "it"
                return Source(pronoun.text, text_source.name, text_source.country, cue, text_source.kind)
        if match is None:
            return None
        s = match.source
        return Source(pronoun.text, s.name, s.country, cue, s.kind)

    def _topic_just_before(self, pronoun: Token, candidates: list[_Actor]) -> _Actor | None:
        """The main-clause subject of the sentence before the pronoun's (or earlier in its own),
        among ``candidates`` (newest first): the likeliest antecedent of a subject pronoun."""
        if pronoun.dep_ not in {"nsubj", "nsubjpass"}:
            return None
        index = self._sentence_index(pronoun.i) - 1
        while index > 0 and all(self.in_quote(t.idx) or t.is_punct or t.is_space
                                for t in self.sentences[index]):
            index -= 1  # a sentence all in quotes is the topic's own words: look past it
        start = self.sentences[max(index, 0)].start_char
        return next((a for a in candidates if a.start_char >= start and a.subject and a.main), None)

    def _teller_of(self, pronoun: Token, cue: str) -> Source | None:
        """'X backed it up, telling AFP it "confirmed" ...', 'X told Y he would ...': the subject of
        a clause someone told an addressee is the teller, not the addressee named just before."""
        clause = pronoun.head
        telling = clause.head
        if (
            pronoun.dep_ not in {"nsubj", "nsubjpass"}
            or clause.dep_ != "ccomp"
            or telling.i == clause.i
            or not is_cue(telling)
            or not any(c.dep_ in {"dobj", "dative"} and c.i < pronoun.i for c in telling.children)
        ):
            return None
        teller = self._source_of_verb(telling)
        if teller is None:
            return None
        lower = pronoun.lower_
        fits = (
            (lower in PERSON_PRONOUNS and teller.kind in {"person", "role"}
             and self._gender_of(teller) in ("", PRONOUN_GENDER[lower]))
            or (lower in THING_PRONOUNS and teller.kind == "body")
            or (lower in PLURAL_PRONOUNS and teller.kind in {"body", "role"})
        )
        return Source(pronoun.text, teller.name, teller.country, cue, teller.kind) if fits else None

    def _latest_text_author(self, pronoun: Token, *, after: int) -> Source | None:
        """The author of the newest report or statement named after ``after`` and before
        ``pronoun`` in the recent paragraphs, outside quotes."""
        start = max(after + 1, self._recent_paragraphs_start(pronoun.idx, before=1))
        for token in reversed(self.tokens_between(start, pronoun.idx)):
            lemma = token.lemma_.lower()
            if token.pos_ == "NOUN" and lemma in DOCUMENT_NOUNS and lemma not in INSTRUMENT_NOUNS:
                if self.in_quote(token.idx) or pronoun in token.subtree:
                    continue  # "a report of their talks": "their" is not the report's own author
                return self._document_author(token, "", False)
        return None

    def _gender_of(self, source: Source) -> str:
        """"m" or "f" when the words the text used for this person show it ("Ms", "spokesman"),
        else "": a first name alone is no evidence."""
        # the words around the name, not the name's own ("Ri Son Hui" is no "son")
        words = (self._title_words.get(source.name, set()) | set(name_key(source.raw).split())) - set(
            name_key(source.name).split())
        genders = {GENDERED_TITLES[w] for w in words if w in GENDERED_TITLES}
        if not genders:
            genders = {POSSESSIVE_GENDER[w] for w in self._own_pronouns.get(source.name, ())}
        return genders.pop() if len(genders) == 1 else ""

    def _resolve_description(
        self, head: Token, raw: str, country: str, cue: str, *, strict: bool
    ) -> Source | None:
        """'the official', 'The Finnish official', a headline's 'defence minister' -> the
        actor it refers to: one named before with the same title, else (unless ``strict``) the
        latest person or role of the same country; else one named later with that title."""
        lemma = head.lemma_.lower()
        wanted = {"person", "role"} if lemma in PERSON_ROLE_NOUNS else {"body"}
        before = [
            a for a in _actors_before(self._actors, head.idx) if a.source.kind in wanted and a.source.raw != raw
        ]
        after = [
            a for a in _actors_after(self._actors, head.idx) if a.source.kind in wanted and a.source.raw != raw
        ]

        if lemma in ANONYMOUS_ROLE_NOUNS:
            # "the source said": a source the story named would be called by name; only an
            # unnamed one it introduced ("a source close to the talks") can be meant
            before = [a for a in before if a.source.kind == "role"]
            after = []

        # "the defence minister" is not the foreign minister: the title's own words must match
        qualifiers = {
            t.lower_
            for t in head.lefts
            if t.dep_ in {"compound", "amod"}
            and t.ent_type_ not in {"GPE", "NORP", "ORG"}
            and t.lower_ not in RANK_WORDS
            and t.is_alpha
        }

        # "the embassy of Peru" is Peru's embassy, whatever embassy came before
        owners = {
            name_key(g.text)
            for p in head.children if p.dep_ == "prep" and p.lower_ == "of"
            for g in p.children if g.dep_ == "pobj" and g.pos_ == "PROPN"
        }

        def titled(a: _Actor) -> bool:
            words = set(name_key(a.source.raw).split())
            if wanted == {"body"}:
                return lemma in words and owners <= words | set(name_key(a.source.name).split())
            words |= self._title_words.get(a.source.name, set())
            words |= {same for word in list(words) for same in SAME_TITLES.get(word.rstrip("."), ())}
            return a.source.kind == "person" and lemma in words and qualifiers <= words

        def untitled(a: _Actor) -> bool:
            """A person the article gave no role title: 'the spokesman' may be her."""
            words = self._title_words.get(a.source.name, set()) | set(name_key(a.source.raw).split())
            return not words & (PERSON_ROLE_NOUNS | TITLE_WORDS)

        # "the official" may be a minister named before; "the army chief" is not the minister
        loose = lemma in GENERIC_PERSON_NOUNS

        def compatible(a: _Actor) -> bool:
            return not country or not a.source.country or a.source.country == country

        sentence = self.sentence_of(head)
        paragraph = self._paragraph(head.idx)
        own = (max(sentence.start_char, paragraph[0]), min(sentence.end_char, paragraph[1]))
        # "After Oslo summoned Riga's ambassador, the envoy stressed ...": an unnamed role
        # named with this title (or its equivalent) earlier in the sentence is the one meant
        related = {lemma, *SAME_TITLES.get(lemma, ()), *(k for k, v in SAME_TITLES.items() if lemma in v)}
        if wanted != {"body"}:
            here = next((a for a in before if own[0] <= a.start_char < own[1] and a.source.kind == "role"
                         and related & set(name_key(a.source.name).split())), None)
            if here is not None:
                return Source(raw, here.source.name, here.source.country or country, cue, here.source.kind)
        # otherwise a description does not point back into its own sentence ("Lindqvist
        # discussed ..., according to the spokesman": the spokesman is someone else)
        before = [a for a in before if not own[0] <= a.start_char < own[1]]
        people_first = sorted(before, key=lambda a: a.source.kind != "person")  # stable: recency kept
        match = next((a for a in people_first if titled(a) and compatible(a)), None)
        if wanted == {"body"}:
            # "the agency" is a body named with that noun nearby, else the body the last
            # sentences were about (the ABW in "The ABW said ... he quoted the agency as saying")
            window = self._recent_paragraphs_start(head.idx, before=1)
            nearby = [a for a in before if a.start_char >= window and compatible(a)]
            institutions = [
                a
                for a in nearby
                if set(name_key(a.source.name).split()) & (BODY_NOUNS | ORG_WORDS)
                and (
                    a.source.name not in self._place_of_government
                    or lemma in {"government", "administration", "authority"}
                )
            ]  # "the ministry" is never "the West" or a country's government: only an institution
            # "the presidential office" is not "the delegation": words that qualify the noun
            # narrow it to a body of that name
            def qualified(a: _Actor) -> bool:
                return qualifiers <= set(name_key(f"{a.source.name} {a.source.raw}").split())

            match = (
                next((a for a in nearby if titled(a)), None)
                or next((a for a in institutions if a.subject and qualified(a)), None)
                or match
            )
        if match is None and wanted != {"body"}:
            # "a senior official said ... the official added": the role the story introduced
            match = next((
                a for a in before
                if a.source.kind == "role" and a.introduced and compatible(a)
                and {lemma, *qualifiers} <= set(name_key(a.source.name).split())
            ), None)
        if match is None and not strict:
            pool = [a for a in before if compatible(a)]
            if country:
                pool = [a for a in pool if a.source.country == country] or pool
            if wanted == {"body"}:
                pool = [a for a in pool if titled(a)]
                match = next(iter(pool), None)
            else:
                # a description is a person: never a number of soldiers or another unnamed role
                people = [a for a in pool if a.source.kind == "person"]
                match = next((a for a in people if loose or (untitled(a) and a.subject)), None)
        if match is not None and wanted == {"body"} and owners and not titled(match):
            match = None  # an institution of another owner
        if match is None:
            match = next(
                (a for a in after if titled(a) and compatible(a) and a.source.kind == "person"), None
            )
        if match is None:
            return None
        s = match.source
        return Source(raw, s.name, s.country or country, cue, s.kind)


# How far back (and ahead) a pronoun or description looks for its antecedent, in actors: far
# more than any article's reference chain, and it keeps long articles linear.
ACTOR_WINDOW = 300


def _actors_before(actors: list[_Actor], char: int) -> list[_Actor]:
    """The actors mentioned before ``char``, nearest first (at most ACTOR_WINDOW)."""
    end = bisect.bisect_left(actors, char, key=lambda a: a.start_char)
    return actors[max(0, end - ACTOR_WINDOW) : end][::-1]


def _actors_after(actors: list[_Actor], char: int) -> list[_Actor]:
    """The actors mentioned after ``char``, nearest first (at most ACTOR_WINDOW)."""
    start = bisect.bisect_right(actors, char, key=lambda a: a.start_char)
    return actors[start : start + ACTOR_WINDOW]


__all__ = ["ArticleContext", "Source", "CUE_LEMMAS", "PERSON_ROLE_NOUNS", "is_cue"]
