"""One name per person or body across the corpus, however an article spells or shortens it.

Three layers, each a small pure function:

* :func:`name_key` folds spelling noise (case, accents, hyphens, curly apostrophes, a possessive
  ``'s``, a leading "the") so that "Lee Min-ho" and "Lee Min Ho" are one key.
* :class:`NameBook` resolves names within one article: titles are dropped ("Ruritania's Deputy
  Foreign Minister Ivan Petrov" -> "Ivan Petrov"), a shortened mention ("Park", "President Park")
  takes the full name the article gave, capitals used as metonyms ("Tokyo") and countries acting as
  speakers map to their governments, and the alias tables give the canonical form.
* :func:`unify_names` merges variant spellings across articles ("Shoigu"/"Shoygu") into the
  most used spelling, after the alias table has had its say.

The vocabulary lives in CSV tables an analyst can edit, never in code: ``aliases.csv`` (alias,
canonical, country, kind) and ``places.csv`` (country, demonym, capital, government). A folder being built
may carry its own ``aliases.csv``, whose rows win over the built-in ones. This module does not find
names in text (the extractors do that with spaCy); it only decides what to call them.
"""

from __future__ import annotations

import csv
import functools
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from rapidfuzz import fuzz

BUILTIN_ALIASES = Path(__file__).with_name("aliases.csv")
BUILTIN_PLACES = Path(__file__).with_name("places.csv")
# What an alias table's optional ``kind`` column may say a canonical name is.
ALIAS_KINDS = ("person", "body", "media")

# Words that precede a person's name as a title or office; they are dropped from person names.
TITLE_WORDS = frozenset(
    """president vice prime minister deputy foreign defense defence interior secretary general
    spokeswoman spokesman spokesperson ambassador envoy leader chief head commander gen lt col
    colonel major sgt mr mrs ms dr sen senator rep representative chancellor king queen prince
    supreme premier governor mayor director adviser advisor official officer lawmaker
    chairman chairwoman chair first lady former acting press state national security
    intelligence military army navy air force u.n. un nato eu us u.s. armed forces of the""".split()
)
_PRONOUNS = frozenset("he she they it him her them his its their we i you".split())
# Lower-case words that belong inside a name: "Mohammed bin Salman", "Ursula von der Leyen".
NAME_PARTICLES = frozenset("bin binti ibn al el de del della der di du da dos van von la le ter ten".split())


@functools.lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """A spelling-insensitive key: 'The Lee Min-Ho’s' -> 'lee min ho'."""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.replace("’", "'").replace("‘", "'").casefold().strip()
    s = re.sub(r"'s\b|'$", "", s)
    s = re.sub(r"[-‐‑–—_/]", " ", s)
    s = re.sub(r"[^\w\s.&']", " ", s)
    s = re.sub(r"\s+", " ", s).strip(" .")
    return re.sub(r"^the ", "", s)


def clean_name(name: str) -> str:
    """Display form of a raw mention: whitespace folded, possessive and leading article dropped."""
    s = re.sub(r"\s+", " ", name).strip(" ,.;:\"'“”‘’")
    s = re.sub(r"(’s|'s|’|')$", "", s)
    return re.sub(r"^(the|The|a|an|An|A)\s+", "", s).strip()


def strip_titles(name: str) -> str:
    """A person's name without the titles and owners before it.

    "Ruritania’s Deputy Foreign Minister Ivan Petrov" -> "Ivan Petrov";
    "EU foreign policy chief Anna Berg" -> "Anna Berg"; "President Park" -> "Park".
    Only for person names: an organisation's name is made of such words and stays whole.
    """
    s = clean_name(name)
    s = re.split(r"(?:’s|'s)\s+", s)[-1]
    tokens = s.split()
    last_title = -1
    for i, tok in enumerate(tokens):
        lowered = tok.casefold().strip(",.")
        previous = tokens[i - 1] if i else ""
        if lowered in NAME_PARTICLES and 0 < i < len(tokens) - 1 and (
            previous[:1].isupper() or previous.casefold() in NAME_PARTICLES
        ):
            continue  # inside a name, not a title
        if lowered in TITLE_WORDS or (tok[:1].islower() and tok.isalpha()):
            last_title = i
    rest = tokens[last_title + 1:]
    return " ".join(rest) if rest else s


@dataclass(frozen=True)
class Place:
    country: str
    demonym: str
    capital: str  # one spelling, or several separated by "|" ("Kyiv|Kiev")
    government: str

    @property
    def capitals(self) -> tuple[str, ...]:
        return tuple(c.strip() for c in self.capital.split("|") if c.strip())


@dataclass(frozen=True)
class AliasTable:
    """Alias key -> canonical name, canonical -> country, and the places vocabulary."""

    canonical_by_key: Mapping[str, str]
    country_by_canonical: Mapping[str, str]
    places: tuple[Place, ...] = ()
    problems: tuple[str, ...] = ()
    kind_by_canonical: Mapping[str, str] = field(default_factory=dict)

    def canonical(self, name: str) -> str | None:
        return self.canonical_by_key.get(name_key(name))

    def is_person(self, name: str) -> bool:
        """Whether the table names ``name`` (any listed spelling) as a person: the small tagger
        calls some transliterated surnames organisations."""
        canonical = self.canonical(name)
        return canonical is not None and self.kind_by_canonical.get(canonical) == "person"

    @functools.cached_property
    def _place_by_key(self) -> dict[str, Place]:
        out: dict[str, Place] = {}
        for p in self.places:
            for form in (p.country, p.demonym, *p.capitals):
                if form:
                    out[name_key(form)] = p
        return out

    def place(self, name: str) -> Place | None:
        """The country a country name, demonym or capital names ('Tokyo', 'Japanese')."""
        return self._place_by_key.get(name_key(name))

    def country_of(self, canonical: str) -> str:
        return self.country_by_canonical.get(canonical, "")


def _read_csv_rows(path: Path, required: tuple[str, ...]) -> tuple[list[dict[str, str]], list[str]]:
    """Rows of a small CSV table; malformed rows are reported, never fatal."""
    problems: list[str] = []
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        return [], [f"{path.name}: unreadable ({exc.__class__.__name__}); ignored"]
    reader = csv.DictReader(text.splitlines())
    missing = [c for c in required if c not in (reader.fieldnames or [])]
    if missing:
        return [], [f"{path.name}: missing column(s) {', '.join(missing)}; ignored"]
    rows = []
    for lineno, row in enumerate(reader, start=2):
        if None in row or any(not (row.get(c) or "").strip() for c in required):
            problems.append(f"{path.name} line {lineno}: malformed row skipped")
            continue
        rows.append({k: (v or "").strip() for k, v in row.items() if k})
    return rows, problems


def load_aliases(*extra: Path) -> AliasTable:
    """The built-in tables plus any extra ``aliases.csv`` files (later files win)."""
    canonical_by_key: dict[str, str] = {}
    country_by_canonical: dict[str, str] = {}
    kind_by_canonical: dict[str, str] = {}
    problems: list[str] = []
    place_rows, place_problems = _read_csv_rows(BUILTIN_PLACES, ("country", "demonym", "capital", "government"))
    problems += place_problems
    places = tuple(Place(r["country"], r["demonym"], r["capital"], r["government"]) for r in place_rows)
    for p in places:
        country_by_canonical.setdefault(p.government, p.country)
    for path in (BUILTIN_ALIASES, *extra):
        if not path.exists():
            continue
        rows, row_problems = _read_csv_rows(path, ("alias", "canonical"))
        problems += row_problems
        for r in rows:
            canonical_by_key[name_key(r["alias"])] = r["canonical"]
            canonical_by_key.setdefault(name_key(r["canonical"]), r["canonical"])
            if r.get("country"):
                country_by_canonical[r["canonical"]] = r["country"]
            kind = r.get("kind", "").lower()
            if kind in ALIAS_KINDS:
                kind_by_canonical[r["canonical"]] = kind
            elif kind:
                problems.append(f"{path.name}: kind {kind!r} of {r['alias']!r} is not one of "
                                f"{', '.join(ALIAS_KINDS)}; ignored")
    return AliasTable(canonical_by_key, country_by_canonical, places, tuple(problems), kind_by_canonical)


@functools.lru_cache(maxsize=1)
def builtin_aliases() -> AliasTable:
    return load_aliases()


def looks_like_person_name(name: str) -> bool:
    tokens = name.split()
    # "Joe Biden/U.S. President" is a broadcaster's caption (name/title), not one name
    return 1 <= len(tokens) <= 5 and all(t[:1].isupper() for t in tokens) and "/" not in name


# Shortest word two spellings of one name may differ in by a letter: "Tykhii"/"Tykhyi" and
# "Lindqvist"/"Lindkvist" are one surname, "Lind"/"Lund" are not.
VARIANT_MIN_LETTERS = 5


def same_name_word(a: str, b: str) -> bool:
    """Whether two name keys' words are one word: equal, or long, of one length and one letter
    apart (the transliterations of one name differ so: i/y, e/y, o/u)."""
    if a == b:
        return True
    if len(a) != len(b) or len(a) < VARIANT_MIN_LETTERS or a[0] != b[0]:
        return False
    return sum(x != y for x, y in zip(a, b)) == 1


@dataclass
class NameBook:
    """Resolves the names one article uses, in reading order.

    Call :meth:`observe_person` for every person named (spaCy PERSON entities, in order), then
    :meth:`person` / :meth:`body` to get canonical names. A short mention ("Park", "President
    Park") resolves to the fullest name the article gives whose tokens contain it. Of two such
    names ("Park Ji-won", then his sister "Park Ji-yeon"), a mention whose place in the text is
    given is the one named in full most recently before it, as a reader takes it; otherwise the
    one the article named first, since a story names the second person in full to tell them apart.
    """

    aliases: AliasTable = field(default_factory=builtin_aliases)
    full_names: list[str] = field(default_factory=list)
    named_at: dict[str, list[int]] = field(default_factory=dict)  # where each full name stands

    def observe_person(self, raw: str, *, at: int | None = None) -> None:
        name = strip_titles(raw)
        if looks_like_person_name(name) and name_key(name) not in _PRONOUNS:
            if name not in self.full_names:
                self.full_names.append(name)
            if at is not None:
                self.named_at.setdefault(name, []).append(at)

    def _expand(self, name: str, at: int | None = None) -> str:
        tokens = name_key(name).split()
        fuller = [
            full for full in self.full_names
            if len(name_key(full).split()) > len(tokens) and all(
                any(same_name_word(t, f) for f in name_key(full).split()) for t in tokens)
        ]
        best = name
        for full in fuller:  # the first full name wins ties (the story's protagonist)
            if len(name_key(full).split()) > len(name_key(best).split()):
                best = full
        if at is None:
            return best
        # two people share the words: the one named most recently before the mention
        people = [full for full in fuller if not any(
            other != full and set(name_key(full).split()) < set(name_key(other).split())
            for other in fuller)]  # a fragment the tagger cut from a longer name is not a person
        before = {full: max(offsets) for full in people
                  if (offsets := [o for o in self.named_at.get(full, []) if o < at])}
        return max(before, key=before.__getitem__) if len(people) > 1 and before else best

    def person(self, raw: str, *, at: int | None = None) -> str:
        """Canonical name of a person mention ('President Park' -> 'Park Ji-won'); ``at`` is
        where the mention stands in the text, when known."""
        direct = self.aliases.canonical(clean_name(raw))
        if direct:
            return direct
        name = self._expand(strip_titles(raw), at)
        return self.aliases.canonical(name) or name

    def body(self, raw: str) -> str:
        """Canonical name of an organisation, government or place acting as a speaker or actor.

        'Tokyo' and 'Japan' -> 'Japanese government'; 'SBU' -> 'Security Service of
        Ukraine' (alias table); otherwise the cleaned mention.
        """
        name = clean_name(raw)
        direct = self.aliases.canonical(name)
        if direct:
            return direct
        place = self.aliases.place(name)
        if place and name_key(name) in {name_key(place.country), *map(name_key, place.capitals)}:
            return place.government
        return name

    def country(self, raw_or_canonical: str) -> str:
        """The country a canonical name belongs to when the tables say so, else ''."""
        place = self.aliases.place(raw_or_canonical)
        if place:
            return place.country
        return self.aliases.country_of(raw_or_canonical)


def _same_person(a: str, b: str) -> bool:
    """Two spellings of one name: same token count, each token alike, the whole very alike."""
    ta, tb = name_key(a).split(), name_key(b).split()
    if ta == tb or "".join(ta) == "".join(tb):
        return True
    if len(ta) != len(tb) or len(ta) < 2:
        return False
    if any(fuzz.ratio(x, y) < 67 for x, y in zip(ta, tb)):
        return False
    return fuzz.ratio(" ".join(ta), " ".join(tb)) >= 85


def unify_names(names: Iterable[str], *, aliases: AliasTable | None = None) -> dict[str, str]:
    """Map every spelling in ``names`` to one canonical spelling for the whole corpus.

    The alias table decides first; remaining variants of one name ("Lee Min-ho"/"Lee Min
    Ho", "Sergei Shoigu"/"Sergey Shoigu") merge into the most frequent spelling
    (ties: the first seen).
    """
    aliases = aliases or builtin_aliases()
    counts = Counter(n for n in names if n)
    mapping: dict[str, str] = {}
    groups: list[list[str]] = []
    for name, _ in counts.most_common():
        target = aliases.canonical(name)
        if target:
            mapping[name] = target
            continue
        for group in groups:
            if _same_person(group[0], name):
                group.append(name)
                break
        else:
            groups.append([name])
    for group in groups:
        canonical = next((aliases.canonical(g) for g in group if aliases.canonical(g)), None)
        for name in group:
            mapping[name] = canonical or group[0]
    return mapping
