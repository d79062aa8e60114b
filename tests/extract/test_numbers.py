"""Number forms, hedges and exclusions, on small texts (no spaCy)."""

from __future__ import annotations

import math

import pytest

from sitrep.extract.numbers import NumberMention, find_numbers, number_exclusion, parse_number


def only(text: str) -> NumberMention:
    found = find_numbers(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("11,000", 11_000),
        ("1.5 million", 1_500_000),
        ("12k", 12_000),
        ("2bn", 2_000_000_000),
        ("six", 6),
        ("a thousand", 1_000),
        ("a dozen", 12),
        ("twenty-five", 25),
        ("two hundred and fifty thousand", 250_000),
        ("three million", 3_000_000),
        ("11\u00a0000", 11_000),
        ("600 000", 600_000),
    ],
)
def test_parse_number_reads_every_form(written, value):
    assert parse_number(written) == value


@pytest.mark.parametrize("written", ["a third", "thousands", "half", "troops", ""])
def test_parse_number_refuses_what_is_not_one_number(written):
    assert parse_number(written) is None


def test_number_span_is_the_number_as_written():
    text = "Officials said around 11,000 North Korean troops were sent."
    found = only(text)
    assert text[found.start:found.end] == "11,000" == found.text


@pytest.mark.parametrize(
    ("text", "value", "number_text"),
    [
        ("They sent 1.5 million artillery shells.", 1_500_000, "1.5 million"),
        ("They sent 12k troops.", 12_000, "12k"),
        ("It included six North Korean officers.", 6, "six"),
        ("Nearly a thousand marines landed.", 1_000, "a thousand"),
    ],
)
def test_finds_scaled_and_word_numbers(text, value, number_text):
    found = only(text)
    assert (found.value, found.text) == (value, number_text)


@pytest.mark.parametrize(
    ("text", "qualifier", "low", "high"),
    [
        ("around 11,000 troops", "approx", None, None),
        ("roughly 300 drones", "approx", None, None),
        ("approaching 5,000 soldiers", "approx", None, None),
        ("at least 1,500 commandos", "at_least", 1_500, None),
        ("500 or more soldiers", "at_least", 500, None),
        ("up to 100,000 troops", "up_to", None, 100_000),
        ("fewer than 50 tanks", "up_to", None, 50),
        ("as many as 12,000 troops", "as_many_as", None, 12_000),
        ("more than 13,000 containers", "over", 13_000, None),
        ("over 300,000 shells", "over", 300_000, None),
        ("well over 200 tanks", "over", 200, None),
        ("'at least' 3,000 soldiers", "at_least", 3_000, None),  # a hedge quoted on its own
        ("1,000 troops", "exact", None, None),
    ],
)
def test_hedges_set_qualifier_and_bounds(text, qualifier, low, high):
    found = only(text)
    assert found.qualifier == qualifier
    assert found.low == low and found.high == high


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("between 10,000 and 12,000 soldiers", 10_000, 12_000),
        ("10,000–12,000 soldiers", 10_000, 12_000),
        ("10,000-12,000 soldiers", 10_000, 12_000),
        ("from 1,500 to 3,000 troops", 1_500, 3_000),
        ("10 to 12 thousand troops", 10_000, 12_000),
        ("1.5-2 million shells", 1_500_000, 2_000_000),
        ("two or three drones", 2, 3),
    ],
)
def test_ranges_give_both_bounds_and_the_upper_as_value(text, low, high):
    found = only(text)
    assert found.qualifier == "range"
    assert (found.low, found.high, found.value) == (low, high, high)


def test_two_numbers_joined_by_and_are_two_mentions():
    found = find_numbers("It sent 1,500 commandos and 2,000 engineers.")
    assert [f.value for f in found] == [1_500, 2_000]
    assert all(f.qualifier == "exact" for f in found)


@pytest.mark.parametrize(
    "text",
    [
        "The conflict began in February 2022.",
        "In 2023, shipments grew.",
        "since mid-2023",
        "On October 4, a strike hit.",
        "On Wednesday, 23 October, Moscow warned.",
        "a producer of 155mm shells",
        "170 mm howitzers",
        "a range of 300 km",
        "its Hwasong-19 missile",
        "F-16 jets",
        "by a ratio of 10:1",
        "by a ratio of 10 to 1",
        "over the last 18 months",
        "a two-year contract",
        "a 19-year-old conscript",
        "aged 20",
        "the 4th brigade",
        "45 percent of shells",
        "45% of shells",
        "$1.5 billion in aid",
        "500 million dollars",
        "Resolution 2270",
        "at 10:30 a.m.",
    ],
)
def test_dates_units_models_ratios_durations_ages_percent_money_are_not_counts(text):
    assert find_numbers(text) == []


def test_number_exclusion_names_the_reason():
    text = "over the last 18 months"
    at = text.index("18")
    assert number_exclusion(text, at, at + 2) == "duration"
    text = "a 2,600-strong unit"
    assert number_exclusion(text, 2, 7) == ""


def test_a_count_next_to_a_date_is_still_a_count():
    found = only("On October 4, 20 soldiers were killed.")
    assert found.value == 20


def test_values_are_floats_and_unset_bounds_are_none():
    found = only("about 40 tanks")
    assert isinstance(found.value, float) and not math.isnan(found.value)
    assert found.low is None and found.high is None


def test_word_numbers_joined_by_and_only_after_a_scale():
    assert only("two hundred and fifty soldiers").value == 250
    found = only("between six and seven thousand soldiers")
    assert (found.qualifier, found.low, found.high) == ("range", 6_000, 7_000)


def test_thousands_written_once_on_the_upper_end():
    found = only("about 10-12,000 shells")
    assert (found.low, found.high) == (10_000, 12_000)
    found = only("500-12,000 shells")
    assert (found.low, found.high) == (500, 12_000)


def test_half_a_million():
    found = only("about half a million shells")
    assert (found.text, found.value, found.qualifier) == ("half a million", 500_000, "approx")


def test_a_change_from_one_value_to_another_is_not_a_range():
    found = find_numbers("The contingent rose from 8,000 to 10,000 troops.")
    assert [(f.value, f.qualifier) for f in found] == [(8_000, "exact"), (10_000, "exact")]


@pytest.mark.parametrize("text", ["one in five soldiers", "24/7 patrols"])
def test_more_ratios(text):
    assert find_numbers(text) == []


def test_dots_as_thousands_separators():
    assert only("10.000 soldiers").value == 10_000
    assert only("1.5 million").value == 1_500_000


def test_a_count_before_in_and_a_year_is_not_a_ratio():
    assert only("rose to 952 in 2023").value == 952


def test_plus_written_after_the_number_is_part_of_it():
    found = only("5,000+ drones")
    assert (found.text, found.qualifier, found.low) == ("5,000+", "over", 5_000)
    assert only("10,000-plus troops").text == "10,000-plus"


@pytest.mark.parametrize("text", ["two-thirds of the troops", "a three-day visit", "a one-off payment"])
def test_word_numbers_glued_to_a_word_are_not_counts(text):
    assert find_numbers(text) == []


def test_a_couple_thousand_is_about_two_thousand():
    found = only("a couple thousand troops")
    assert (found.value, found.qualifier) == (2_000, "approx")
    assert only("approximately a couple of thousand").text == "a couple of thousand"


def test_a_plain_space_between_digit_groups_is_a_thousands_separator():
    found = only("More than 600 000 soldiers have been killed or wounded.")
    assert (found.value, found.text) == (600_000, "600 000")
