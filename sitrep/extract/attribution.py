"""Who asserts a stretch of an article: the speaker of a quote, the source of a number or claim.

Every extractor needs the same answer to "who says this?", so it is computed here once per
article. :class:`ArticleContext` reads the dependency parse around a character span:

* the subject of the governing cue verb, climbing from the span through non-cue verbs
  ("X suggested South Korea is exploring options to provide ... 'weapons'" -> X), through
  participles and conjuncts that share their subject ("..., labeling it 'a threat'"), and through
  a passive's agent ("was dismissed by a diplomat as '...'");
* "according to X", and the colon and dash forms ("X said: '...'", "Yoon: '...'", "'...' — X");
* pronouns and definite descriptions ("he", "they", "the official", "The South Korean official")
  resolved to the last compatible actor named before, preferring one of the same country;
* unnamed people kept as role labels ("unnamed North Korean diplomat"), generic plurals
  ("South Korean officials") credited to the body the sentence names, when it names one.

Names become canonical through :class:`sitrep.names.NameBook`. This module does not find quotes,
numbers or events, and it knows no person, place or outlet: every word list below is grammar
(cue verbs, role nouns, pronouns), never content.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from sitrep.article import Article
from sitrep.names import NameBook, clean_name, looks_like_person_name, name_key, strip_titles

# Verbs that report speech, writing or a claim. Lemmas, as spaCy gives them.
CUE_LEMMAS = frozenset(
    """say tell add warn state call label describe claim report suggest verify confirm deny reject
    assert insist note write urge promise pledge vow condemn liken dismiss echo emphasize emphasise
    stress announce declare argue accuse threaten caution explain comment remark reply respond ask
    quote tweet post acknowledge admit estimate predict recall reiterate agree complain point hint
    brand term dub characterize characterise criticize criticise denounce decry blast slam praise
    welcome allege maintain contend counter concede observe mention reveal disclose indicate
    signal assure tout boast lament demand propose recommend conclude testify announce inform
    predict forecast brief highlight underline underscore describe refute rebut dispute
    question doubt believe think""".split()
)
# Nouns that name a person by role: "the official", "a North Korean diplomat".
PERSON_ROLE_NOUNS = frozenset(
    """official officer diplomat minister spokeswoman spokesman spokesperson ambassador envoy
    president leader commander general secretary chief head adviser advisor aide lawmaker senator
    representative analyst expert source soldier resident witness governor mayor director
    chairman chairwoman chair premier chancellor king queen prince negotiator politician
    deputy colonel captain lieutenant sergeant officer observer researcher professor member
    sister brother wife husband mother father son daughter man woman""".split()
)
# Nouns that name an organisation by kind: "the council", "the ministry".
BODY_NOUNS = frozenset(
    """council ministry agency government service committee office administration department
    parliament assembly cabinet army military command authority authorities kremlin presidency
    court commission bureau directorate embassy mission delegation alliance coalition party""".split()
)
# Plural nouns that stand for a body's people rather than named persons.
GENERIC_PLURALS = frozenset("officials authorities sources diplomats analysts experts leaders".split())
# Words in an organisation's name that mark it as news media.
MEDIA_WORDS = frozenset(
    """news agency times post press journal tv television radio herald daily media newspaper
    gazette tribune broadcaster channel wire telegraph guardian observer""".split()
)
PERSON_PRONOUNS = frozenset("he she him her".split())
PLURAL_PRONOUNS = frozenset("they them".split())
THING_PRONOUNS = frozenset("it".split())
# Dependency labels through which a verb inherits the subject of the verb it hangs from.
SUBJECT_SHARING_DEPS = frozenset("advcl xcomp conj acl relcl ccomp pcomp prep pobj dobj".split())
DASHES = "—–-"


@dataclass(frozen=True)
class Source:
    """Who asserts something, as written and as canonical."""

    raw: str  # the words the article used: "Russia’s Deputy Foreign Minister Andrey Rudenko", "he"
    name: str  # canonical (NameBook) or a role label: "unnamed North Korean diplomat"
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


def _is_cue(token: Token) -> bool:
    return token.pos_ in {"VERB", "AUX"} and token.lemma_.lower() in CUE_LEMMAS


def _subjects_of(verb: Token) -> list[Token]:
    """Who performs the verb: a passive's agent, else its active subjects, nearest first.

    A possessive "subject" ("Pyongyang’s reported support") is a mis-parsed noun phrase, and a
    passive's subject is what is said, not who says it; neither counts.
    """
    agents = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    if agents:
        return agents
    subjects = [
        c for c in verb.children
        if c.dep_ == "nsubj" and not any(g.dep_ == "case" for g in c.children)
    ]
    return sorted(subjects, key=lambda t: abs(t.i - verb.i))


class ArticleContext:
    """Attribution for one parsed article; built once, asked many times."""

    def __init__(self, doc: Doc, article: Article, names: NameBook) -> None:
        self.doc = doc
        self.article = article
        self.names = names
        self.text = doc.text
        self._country_by_name: dict[str, str] = {}
        for ent in doc.ents:
            if ent.label_ == "PERSON":
                names.observe_person(ent.text)
        self._actors: list[_Actor] = self._collect_actors()

    # ----------------------------------------------------------------- actors in reading order
    def _collect_actors(self) -> list[_Actor]:
        actors: list[_Actor] = []
        seen_heads: set[int] = set()
        for token in self.doc:
            is_person_ent = token.ent_type_ == "PERSON" and token.ent_iob_ == "B"
            is_subject = token.dep_ in {"nsubj", "nsubjpass", "appos", "pobj"} and token.pos_ in {"NOUN", "PROPN"}
            if not (is_person_ent or is_subject):
                continue
            head = token
            if is_person_ent:
                ent = next(e for e in self.doc.ents if e.start == token.i)
                head = ent[-1]
            if head.i in seen_heads:
                continue
            seen_heads.add(head.i)
            source = self._source_from_head(head, cue="", resolve=False)
            if source is None or source.kind == "media":
                continue
            if source.kind == "body" and head.dep_ == "pobj" and head.ent_type_ not in {"ORG"}:
                continue  # places in prepositional phrases are settings, not actors
            actors.append(_Actor(head.idx, source, head.tag_ in {"NNS", "NNPS"}, head.dep_ == "nsubj"))
            if source.country and source.kind in {"person", "role"}:
                self._country_by_name.setdefault(source.name, source.country)
        return actors

    # ----------------------------------------------------------------------------- public API
    def source_of_span(self, start_char: int, end_char: int) -> Source | None:
        """Who asserts the words at [start_char, end_char), or None when nobody is credited."""
        tokens = [t for t in self.doc if t.idx < end_char and t.idx + len(t.text) > start_char]
        if not tokens:
            return None
        inside = {t.i for t in tokens}
        # punctuation hugging the span (its quote marks) counts as inside
        first, last = tokens[0].i, tokens[-1].i
        while first > 0 and self.doc[first - 1].is_punct and self.doc[first - 1].is_quote:
            first -= 1
            inside.add(first)
        while last + 1 < len(self.doc) and self.doc[last + 1].is_quote:
            last += 1
            inside.add(last)
        for finder in (self._by_colon, self._by_dash, self._by_climbing, self._by_according_to,
                       self._by_attached_cue, self._by_nearest_cue):
            found = finder(tokens, inside, first, last)
            if found is not None:
                return found
        return None

    def resolve_np(self, span: Span) -> Source:
        """Canonical Source for any noun phrase, resolving pronouns and descriptions."""
        head = span.root
        found = self._source_from_head(head, cue="", resolve=True)
        if found is not None:
            return found
        raw = clean_name(span.text)
        return Source(raw=span.text, name=raw, country=self._country_in(span), cue="", kind="role")

    # ------------------------------------------------------------------------------- finders
    def _by_climbing(self, tokens, inside, first, last) -> Source | None:
        """Subject of the first cue verb above the span in the parse."""
        starts = {t.head for t in tokens if t.head.i not in inside and t.head.i != t.i}
        for start in sorted(starts, key=lambda t: abs(t.i - tokens[0].i)):
            verb = start
            steps = 0
            while steps < 12:
                steps += 1
                if _is_cue(verb) and verb.dep_ not in {"amod", "compound"}:
                    found = self._source_of_verb(verb)
                    if found is not None:
                        return found
                if verb.dep_ == "pobj" and verb.head.lower_ == "to" and verb.head.head.lower_ == "according":
                    return None
                if verb.head.i == verb.i:
                    break
                verb = verb.head
        return None

    def _source_of_verb(self, verb: Token) -> Source | None:
        """Subject of a cue verb, inherited from the governing verb when it has none."""
        cue = verb.lemma_.lower()
        current = verb
        for _ in range(6):
            subjects = _subjects_of(current)
            for subject in subjects:
                if subject.lower_ in {"that", "which", "who"} and current.dep_ == "relcl":
                    subject = current.head
                found = self._source_from_head(subject, cue=cue, resolve=True)
                if found is not None:
                    return found
            if subjects:
                return None
            if current.dep_ in SUBJECT_SHARING_DEPS and current.head.i != current.i:
                current = current.head
                continue
            break
        return None

    def _by_according_to(self, tokens, inside, first, last) -> Source | None:
        for sent in self._sentences(first, last):
            for token in sent:
                if token.lower_ == "according" and token.i + 1 < len(self.doc) and self.doc[token.i + 1].lower_ == "to":
                    objects = [c for c in self.doc[token.i + 1].children if c.dep_ == "pobj"]
                    if objects and objects[0].i not in inside:
                        found = self._source_from_head(objects[0], cue="according_to", resolve=True)
                        if found is not None:
                            return found
        return None

    def _by_colon(self, tokens, inside, first, last) -> Source | None:
        """'X said: “...”' and headline 'X: “...”'."""
        before = self.text[:tokens[0].idx].rstrip()
        before = before.rstrip("\"'“”‘’«» ")
        if not before.endswith(":"):
            return None
        colon_at = len(before) - 1
        colon = next((t for t in self.doc if t.idx == colon_at), None)
        if colon is None or colon.i == 0:
            return None
        prev = self.doc[colon.i - 1]
        named = self._capitalised_name_before(colon)
        if named is not None:
            return named
        if _is_cue(prev):
            found = self._source_of_verb(prev)
            return found and _with_cue(found, prev.lemma_.lower())
        if prev.pos_ in {"PROPN", "NOUN", "PRON"}:
            found = self._source_from_head(prev, cue="colon", resolve=True, whole_left=True)
            if found is not None and found.kind != "media" and prev.lower_ not in {"headline", "statement"}:
                return found
        return None

    def _capitalised_name_before(self, colon: Token) -> Source | None:
        """A bare name before a colon, as in a headline 'Yoon: ...' (the parser often misses it)."""
        words: list[Token] = []
        i = colon.i - 1
        while i >= 0 and self.doc[i].text[:1].isupper() and self.doc[i].is_alpha and len(words) < 5:
            words.insert(0, self.doc[i])
            i -= 1
        if not words or (i >= 0 and not (self.doc[i].is_punct or self.doc[i].is_space)):
            return None
        raw = self.doc[words[0].i:words[-1].i + 1].text
        if self._known_person(raw) or any(t.ent_type_ == "PERSON" for t in words):
            name = self.names.person(raw)
            country = self._country_by_name.get(name, "") or self.names.country(name)
            return Source(raw, name, country, "colon", "person")
        if self.names.aliases.place(raw) or self.names.aliases.canonical(raw):
            name = self.names.body(raw)
            return Source(raw, name, self.names.country(name) or self.names.country(raw), "colon", "body")
        return None

    def _by_dash(self, tokens, inside, first, last) -> Source | None:
        """'“...” — X' at the end of a line or sentence."""
        after_end = tokens[-1].idx + len(tokens[-1].text)
        rest = self.text[after_end:after_end + 120]
        match = re.match(r"[\"'“”‘’»,.]*\s*[—–-]{1,2}\s*", rest)
        if not match:
            return None
        at = after_end + match.end()
        token = next((t for t in self.doc if t.idx == at), None)
        if token is None or token.pos_ not in {"PROPN", "NOUN", "DET", "ADJ"}:
            return None
        # the noun phrase starting here: its head is the first noun whose head lies outside it
        head = token
        while head.head.i != head.i and head.head.i > head.i and head.head.pos_ in {"PROPN", "NOUN"}:
            head = head.head
        found = self._source_from_head(head, cue="dash", resolve=True)
        return found

    def _by_attached_cue(self, tokens, inside, first, last) -> Source | None:
        """A cue verb hanging from the quote's own words ("“...,” he said" parsed under the quote)."""
        for token in tokens:
            for child in token.children:
                if child.i not in inside and _is_cue(child):
                    found = self._source_of_verb(child)
                    if found is not None:
                        return found
        return None

    def _by_nearest_cue(self, tokens, inside, first, last) -> Source | None:
        """The nearest cue verb outside the quote in the sentences the quote touches."""
        candidates = []
        for sent in self._sentences(first, last):
            for token in sent:
                if token.i not in inside and _is_cue(token) and not (first <= token.i <= last):
                    candidates.append(token)
        candidates.sort(key=lambda t: min(abs(t.i - first), abs(t.i - last)))
        for verb in candidates:
            found = self._source_of_verb(verb)
            if found is not None:
                return found
        return None

    def _sentences(self, first: int, last: int) -> list[Span]:
        out = []
        for sent in self.doc.sents:
            if sent.end > first and sent.start <= last:
                out.append(sent)
        return out

    # ------------------------------------------------------------------------ noun phrases
    def _np_tokens(self, head: Token, *, keep_prep: bool) -> list[Token]:
        """The head's noun phrase without clauses, appositives and (for names) prepositions."""
        drop = {"relcl", "acl", "appos", "punct", "cc", "conj", "advcl"}
        if not keep_prep:
            drop.add("prep")
        out = [head]
        for child in head.children:
            if child.dep_ in drop:
                continue
            out.extend(child.subtree)
        # the parser runs headlines into the next line; a noun phrase never crosses a line break
        line_start = self.text.rfind("\n", 0, head.idx) + 1
        line_end = self.text.find("\n", head.idx)
        line_end = len(self.text) if line_end < 0 else line_end
        out = [t for t in out if line_start <= t.idx < line_end]
        return sorted(out, key=lambda t: t.i)

    def _country_in(self, tokens) -> str:
        """Country named by a possessive GPE or a NORP/GPE modifier among the tokens."""
        for token in tokens:
            if token.ent_type_ in {"GPE", "NORP"}:
                ent = next((e for e in self.doc.ents if e.start <= token.i < e.end), None)
                if ent is None:
                    continue
                place = self.names.aliases.place(clean_name(ent.text))
                if place:
                    return place.country
        return ""

    def _person_ent_at(self, tokens: list[Token]) -> Span | None:
        ids = {t.i for t in tokens}
        for ent in reversed(self.doc.ents):
            if ent.label_ == "PERSON" and ent.start in ids:
                return ent
        return None

    def _known_person(self, text: str) -> bool:
        """A proper name the article used for a person earlier (spaCy may tag 'Zakharova' ORG)."""
        key = name_key(strip_titles(text)).split()
        if not key:
            return False
        for full in self.names.full_names:
            full_key = name_key(full).split()
            if all(k in full_key for k in key):
                return True
        return False

    def _source_from_head(self, head: Token, *, cue: str, resolve: bool, whole_left: bool = False) -> Source | None:
        """A Source for the noun phrase headed by ``head``."""
        lower = head.lower_
        if head.pos_ == "PRON" or lower in PERSON_PRONOUNS | PLURAL_PRONOUNS | THING_PRONOUNS:
            if not resolve:
                return None
            return self._resolve_pronoun(head, cue)
        if head.pos_ not in {"PROPN", "NOUN"}:
            return None
        # appositive carrying the name: "the U.S. Deputy Ambassador to the U.N., Robert Wood"
        if head.pos_ == "NOUN":
            for child in head.children:
                if child.dep_ == "appos" and (child.ent_type_ == "PERSON" or self._known_person(child.text)):
                    inner = self._source_from_head(child, cue=cue, resolve=resolve)
                    if inner is not None:
                        country = inner.country or self._country_in(self._np_tokens(head, keep_prep=True))
                        return Source(inner.raw, inner.name, country, cue, inner.kind)
        keep_prep = head.pos_ == "NOUN"
        np_tokens = self._np_tokens(head, keep_prep=keep_prep)
        if whole_left:
            np_tokens = [t for t in np_tokens if t.i <= head.i]
        raw = self.doc[np_tokens[0].i:np_tokens[-1].i + 1].text
        apposition = [t for c in head.children if c.dep_ == "appos" for t in c.subtree]
        country = self._country_in([t for t in np_tokens if t.i != head.i or head.ent_type_ != "GPE"])
        country = country or self._country_in(apposition)
        person_ent = self._person_ent_at(np_tokens) if head.ent_type_ == "PERSON" else None
        if person_ent is not None or (head.pos_ == "PROPN" and self._known_person(head.text)):
            words = person_ent.text if person_ent is not None else raw
            name = self.names.person(words)
            country = country or self._country_by_name.get(name, "") or self.names.country(name)
            return Source(raw, name, country, cue, "person")
        if head.pos_ == "PROPN" or head.ent_type_ in {"ORG", "GPE", "NORP"}:
            return self._body_source(head, np_tokens, raw, country, cue)
        # common noun
        if lower in GENERIC_PLURALS or head.tag_ == "NNS":
            return self._generic_plural(head, np_tokens, raw, country, cue)
        determiner = next((c.lower_ for c in head.children if c.dep_ in {"det", "poss"}), "")
        if determiner in {"the", "this", "that"} and resolve and (lower in PERSON_ROLE_NOUNS or lower in BODY_NOUNS):
            found = self._resolve_description(head, raw, country, cue)
            if found is not None:
                return found
        if lower in PERSON_ROLE_NOUNS:
            return Source(raw, self._role_label(head, np_tokens), country, cue, "role")
        if lower in BODY_NOUNS:
            return Source(raw, clean_name(raw), country, cue, "body")
        return None

    def _body_source(self, head: Token, np_tokens: list[Token], raw: str, country: str, cue: str) -> Source:
        ent = next((e for e in self.doc.ents if e.start <= head.i < e.end), None)
        words = ent.text if ent is not None and ent.label_ in {"ORG", "GPE", "NORP", "FAC"} else raw
        # "South Korea’s National Security Council": the owner goes to the country, not the name
        words = re.split(r"(?:’s|'s)\s+", words)[-1]
        name = self.names.body(words)
        kind = "media" if set(name_key(name).split()) & MEDIA_WORDS else "body"
        country = country or self.names.country(name) or self.names.country(words)
        if (
            kind == "body"
            and country
            and self.names.aliases.canonical(words) is None
            and self.names.aliases.place(words) is None
            and name != self._government_of(country)
            and not any(w in name_key(name) for w in name_key(country).split())
        ):
            name = f"{name} ({country})"
        return Source(raw, name, country, cue, kind)

    def _government_of(self, country: str) -> str:
        place = self.names.aliases.place(country)
        return place.government if place else ""

    def _generic_plural(self, head: Token, np_tokens: list[Token], raw: str, country: str, cue: str) -> Source:
        """"South Korean officials": the body the sentence names, else the plural as written."""
        sent = head.sent
        for ent in sent.ents:
            if ent.label_ == "ORG" and ent.end <= head.i and not self._is_media_text(ent.text):
                body = self._body_source(ent[-1], list(ent), ent.text, country, cue)
                return Source(raw, body.name, body.country or country, cue, "body")
        if head.lower_ in {"authorities", "government"} and country:
            return Source(raw, self._government_of(country) or clean_name(raw), country, cue, "body")
        return Source(raw, clean_name(raw), country, cue, "role")

    def _is_media_text(self, text: str) -> bool:
        return bool(set(name_key(text).split()) & MEDIA_WORDS)

    def _role_label(self, head: Token, np_tokens: list[Token]) -> str:
        """'an unnamed senior official from the South Korean presidential office' ->
        'unnamed senior official (South Korean presidential office)'."""
        before = [t for t in np_tokens if t.i < head.i and t.dep_ not in {"det"} and t.lower_ not in {"unnamed", "anonymous", "unidentified"}]
        core = " ".join([t.text for t in before] + [head.text])
        preps = [c for c in head.children if c.dep_ == "prep" and c.lower_ in {"from", "of", "at", "in", "with"}]
        label = f"unnamed {core}"
        if preps:
            obj = [t for t in preps[0].subtree if t.i != preps[0].i and t.dep_ != "det" or t.head.i != preps[0].i]
            obj = [t for t in preps[0].subtree if t.i != preps[0].i]
            words = [t.text for t in obj if not (t.dep_ == "det" and t.head.head.i == preps[0].i)]
            if words:
                label += f" ({' '.join(words)})"
        return label

    # ------------------------------------------------------------------------ coreference
    def _actors_before(self, position: int) -> list[_Actor]:
        return [a for a in self._actors if a.start_char < position]

    def _resolve_pronoun(self, pronoun: Token, cue: str) -> Source | None:
        lower = pronoun.lower_
        candidates = list(reversed(self._actors_before(pronoun.idx)))
        if lower in PERSON_PRONOUNS or lower in {"i", "we"}:
            wanted = {"person"} if lower in PERSON_PRONOUNS else {"person", "role", "body"}
            match = next((a for a in candidates if a.source.kind in wanted), None)
        elif lower in PLURAL_PRONOUNS:
            plural = [a for a in candidates if a.plural or a.source.kind == "body"]
            match = next((a for a in plural if a.subject), None) or next(iter(plural), None)
        else:
            match = next((a for a in candidates if a.source.kind == "body"), None)
        if match is None:
            return None
        s = match.source
        return Source(pronoun.text, s.name, s.country, cue, s.kind)

    def _resolve_description(self, head: Token, raw: str, country: str, cue: str) -> Source | None:
        """'the official', 'The South Korean official' -> the last compatible actor named before."""
        wanted = {"person", "role"} if head.lower_ in PERSON_ROLE_NOUNS else {"body"}
        candidates = [a for a in reversed(self._actors_before(head.idx)) if a.source.kind in wanted]
        candidates = [a for a in candidates if a.source.name and not a.source.name.startswith("unnamed") or a.source.kind == "role"]
        if head.lower_ in BODY_NOUNS:
            candidates = [a for a in candidates if head.lower_ in name_key(a.source.name).split()]
        if country:
            same = [a for a in candidates if a.source.country == country]
            if same:
                candidates = same
        if not candidates:
            return None
        s = candidates[0].source
        return Source(raw, s.name, s.country or country, cue, s.kind)


def _with_cue(source: Source, cue: str) -> Source:
    return Source(source.raw, source.name, source.country, cue, source.kind)


__all__ = ["ArticleContext", "Source", "CUE_LEMMAS", "looks_like_person_name"]
