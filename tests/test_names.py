"""Canonical names: keys, titles, in-article shortening, metonyms, alias files, corpus unification."""

from __future__ import annotations

import pytest

from sitrep.names import NameBook, builtin_aliases, load_aliases, name_key, same_name_word, strip_titles, unify_names


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Park Min-jun", "Park Min Jun"),
        ("the Kremlin’s", "Kremlin"),
        ("Zoë Müller", "Zoe Muller"),
    ],
)
def test_name_key_folds_spelling_noise(a, b):
    assert name_key(a) == name_key(b)


def test_name_key_keeps_different_people_apart():
    assert name_key("Park Min Jun") != name_key("Park Ji Min")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Russia’s Deputy Foreign Minister Andrei Petrov", "Andrei Petrov"),
        ("NATO Secretary General Jan Visser", "Jan Visser"),
        ("President Park", "Park"),
        ("Vice Foreign Minister Lee Min-ho", "Lee Min-ho"),
        ("Olga Marchenko", "Olga Marchenko"),
        ("Qatari Prime Minister Sheikh Hamad bin Khalid Al Rashid", "Sheikh Hamad bin Khalid Al Rashid"),
        ("European Commission President Ursula von der Leyen", "Ursula von der Leyen"),
    ],
)
def test_strip_titles(raw, expected):
    assert strip_titles(raw) == expected


def test_short_mentions_take_the_full_name_given_earlier():
    book = NameBook()
    book.observe_person("Defence Minister Tomasz Nowak")
    book.observe_person("Oleksandr Hrytsenko")
    assert book.person("Nowak") == "Tomasz Nowak"
    assert book.person("Minister Nowak") == "Tomasz Nowak"
    assert book.person("Hrytsenko") == "Oleksandr Hrytsenko"
    assert book.person("Ivanova") == "Ivanova"  # never seen in full: kept as written


def test_capitals_and_countries_acting_are_their_governments():
    book = NameBook()
    assert book.body("Tokyo") == "Japanese government"
    assert book.body("Warsaw") == "Polish government"
    assert book.body("Japan") == "Japanese government"
    assert book.country("Japanese") == "Japan"


def test_bodies_keep_their_own_names():
    book = NameBook()
    assert book.body("the Ministry of Defence of Ruritania") == "Ministry of Defence of Ruritania"


def test_alias_file_beside_the_articles_wins(tmp_path):
    path = tmp_path / "aliases.csv"
    path.write_text("alias,canonical,country\nGen. Zaluzhny,Valerii Zaluzhnyi,Ukraine\nTokyo,Japan\n")
    table = load_aliases(path)
    book = NameBook(table)
    assert book.person("Gen. Zaluzhny") == "Valerii Zaluzhnyi"
    assert table.country_of("Valerii Zaluzhnyi") == "Ukraine"
    assert book.body("Tokyo") == "Japan"


def test_malformed_alias_rows_are_reported_not_fatal(tmp_path):
    path = tmp_path / "aliases.csv"
    path.write_text("alias,canonical\nGood One,Good\n,missing alias\nonly-one-field\n")
    table = load_aliases(path)
    assert table.canonical("Good One") == "Good"
    assert len(table.problems) == 2


def test_alias_kind_marks_people_and_a_bad_kind_is_reported(tmp_path):
    path = tmp_path / "aliases.csv"
    path.write_text("alias,canonical,country,kind\nValera,Valerii Zaluzhnyi,Ukraine,person\n"
                    "Stavka,Ukrainian High Command,Ukraine,body\nBorys,Borys Pan,,wizard\n")
    table = load_aliases(path)
    assert table.is_person("Valera") and table.is_person("Valerii Zaluzhnyi")
    assert not table.is_person("Stavka")
    assert not table.is_person("Borys") and table.canonical("Borys") == "Borys Pan"
    assert [p for p in table.problems if "wizard" in p]


def test_builtin_table_maps_transliterations():
    book = NameBook()
    assert book.person("Ukrainian President Volodymyr Zelenskyy") == book.person("Zelensky")


@pytest.mark.parametrize(
    ("variants", "distinct"),
    [
        (["Oleksandr Syrskyi", "Oleksandr Syrsky", "Oleksandr Syrskyi"], ["Park Min Jun", "Park Ji Min"]),
        (["Lee Jae-myung", "Lee Jae Myung"], ["Andriy Yermak", "Andriy Sybiha"]),
        (["Sergei Shoigu", "Sergey Shoigu", "Sergei Shoigu"], ["Mark Lind", "Mark Carney"]),
    ],
)
def test_unify_names_merges_spellings_not_people(variants, distinct):
    mapping = unify_names(variants + distinct)
    assert len({mapping[v] for v in variants}) == 1
    most_used = max(dict.fromkeys(variants), key=variants.count)  # ties: the first seen
    assert mapping[variants[0]] == most_used
    assert mapping[distinct[0]] != mapping[distinct[1]]


def test_a_capital_may_have_several_spellings():
    aliases = builtin_aliases()
    assert aliases.place("Kiev") is aliases.place("Kyiv")
    assert aliases.place("Kiev").country == "Ukraine"
    assert NameBook(aliases).body("Kiev") == "Ukrainian government"


def test_a_surname_spelled_one_letter_apart_takes_the_full_name():
    book = NameBook()
    book.observe_person("Mykola Sorokyi")
    assert book.person("Sorokii") == "Mykola Sorokyi"
    assert book.person("Spokesman Sorokyi") == "Mykola Sorokyi"


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [("tykhii", "tykhyi", True), ("shoigu", "shoygu", True), ("lind", "lund", False),
     ("petrov", "petrova", False), ("sorokyi", "borokyi", False), ("zelenskiy", "zelenskyy", True)],
)
def test_same_name_word_allows_one_letter_in_long_words_only(a, b, same):
    assert same_name_word(a, b) is same


def test_a_surname_shared_by_two_people_is_the_one_named_first():
    book = NameBook()
    for name in ("Park Ji-won", "Park Ji-yeon"):
        book.observe_person(name)
    assert book.person("Park") == "Park Ji-won"
    assert book.person("Park Ji-yeon") == "Park Ji-yeon"


def test_a_shared_surname_at_a_known_place_is_the_one_named_just_before():
    book = NameBook()
    book.observe_person("Park Ji-won", at=0)
    book.observe_person("Park Ji-yeon", at=100)
    book.observe_person("Park Ji-won", at=300)
    assert book.person("Park", at=50) == "Park Ji-won"
    assert book.person("Park", at=200) == "Park Ji-yeon"
    assert book.person("Park", at=400) == "Park Ji-won"
    # a fragment the tagger cut from a full name is not a third person
    book.observe_person("Park Ji", at=350)
    assert book.person("Park", at=400) == "Park Ji-won"
