"""Figures on small invented texts: what is counted, hedges, exclusions, claimants, stance, dates."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from sitrep import schema
from sitrep.article import Article
from sitrep.extract.attribution import ArticleContext
from sitrep.extract.figures import extract_figures
from sitrep.extract.quotes import extract_quotes
from sitrep.names import NameBook, builtin_aliases

PUBLISHED = dt.date(2024, 11, 20)


@pytest.fixture()
def figures(nlp):
    """figures(text, outlet=..., published=..., quotes=..., aliases=...) -> the FIGURES frame for
    that text (``aliases``: read with the built-in alias table, which knows countries)."""

    def run(text: str, *, outlet: str = "", published: dt.date | None = PUBLISHED,
            quotes: pd.DataFrame | None = None, aliases: bool = False) -> pd.DataFrame:
        article = Article("t", text, outlet=outlet, published=published)
        doc = nlp(text)
        ctx = ArticleContext(doc, article, NameBook(builtin_aliases()) if aliases else NameBook())
        frame = extract_figures(doc, article, ctx, quotes=quotes if quotes is not None else schema.empty_frame("quotes"))
        schema.validate(frame, "figures")
        return frame

    return run


def one_row(frame: pd.DataFrame) -> pd.Series:
    assert len(frame) == 1, frame[["number_text", "subject"]].to_dict("records")
    return frame.iloc[0]


# --------------------------------------------------------------------------- what is counted
@pytest.mark.parametrize(
    ("text", "category", "subject_word"),
    [
        ("Officials said 11,000 North Korean soldiers were training near the border.", "troops", "soldiers"),
        ("The army said 1,500 special forces personnel had arrived.", "troops", "personnel"),
        ("The ministry said 500 soldiers were killed in the strike.", "casualties", "soldiers"),
        ("At least 3,000 civilians have been killed since the offensive began.", "casualties", "civilians"),
        ("Two soldiers were captured near the village.", "casualties", "soldiers"),
        ("Russia lost more than 1,200 troops in a day, Kyiv said.", "casualties", "troops"),
        ("The country shipped over 13,000 containers of artillery and missiles.", "munitions", "containers of artillery"),
        ("The plant produces around 200,000 rounds of artillery shells a year.", "munitions", "shells"),
        ("At least 40 drones were shot down overnight.", "equipment", "drones"),
        ("It delivered 31 tanks to the front.", "equipment", "tanks"),
        ("Some 3 million refugees have fled the fighting.", "other", "refugees"),
        ("The report put the number of casualties at 3,000.", "casualties", "casualties"),
        ("Norland would send 1,000 deminers to the region.", "troops", "deminers"),
    ],
)
def test_category_and_subject_come_from_the_counted_noun(figures, text, category, subject_word):
    row = one_row(figures(text))
    assert row["category"] == category
    assert subject_word in row["subject"]


def test_subject_is_the_noun_phrase_without_the_number(figures):
    row = one_row(figures("Officials said around 11,000 North Korean troops were sent to the front."))
    assert row["subject"] == "North Korean troops"


def test_killed_people_named_in_an_including_phrase_are_casualties(figures):
    frame = figures("The strike killed 20 soldiers, including six North Korean officers.")
    assert list(frame["value"]) == [20, 6]
    assert set(frame["category"]) == {"casualties"}


@pytest.mark.parametrize(
    "text",
    [
        "The two countries signed a pact in June.",
        "Three rounds of talks ended without a deal.",
        "South Korea makes 155mm shells and tested the Hwasong-19 missile in 2024.",
        "Shelling went on for 18 months, at a ratio of 10:1.",
        "The fund will spend $1.5 billion, or 45 percent of its budget.",
        "The figure is far larger than the one reported earlier.",
        "The first unit crossed on October 4.",
    ],
)
def test_numbers_that_count_no_people_or_materiel_are_not_figures(figures, text):
    assert figures(text).empty


def test_every_mention_counts(figures):
    text = ("Kyiv said 10,000 North Korean troops were in Russia. Later, officials repeated that "
            "10,000 North Korean troops were in Russia.")
    assert list(figures(text)["value"]) == [10_000, 10_000]


# --------------------------------------------------------------------------- hedges and bounds
@pytest.mark.parametrize(
    ("phrase", "qualifier", "value", "low", "high"),
    [
        ("around 11,000", "approx", 11_000, None, None),
        ("at least 1,500", "at_least", 1_500, 1_500, None),
        ("up to 100,000", "up_to", 100_000, None, 100_000),
        ("as many as 12,000", "as_many_as", 12_000, None, 12_000),
        ("more than 13,000", "over", 13_000, 13_000, None),
        ("between 10,000 and 12,000", "range", 12_000, 10_000, 12_000),
        ("10,000–12,000", "range", 12_000, 10_000, 12_000),
        ("1.5 million", "exact", 1_500_000, None, None),
        ("six", "exact", 6, None, None),
    ],
)
def test_qualifier_and_bounds_follow_the_hedge(figures, phrase, qualifier, value, low, high):
    row = one_row(figures(f"Officials said {phrase} soldiers were sent to the front."))
    assert row["qualifier"] == qualifier
    assert row["value"] == value
    assert (None if pd.isna(row["low"]) else row["low"]) == low
    assert (None if pd.isna(row["high"]) else row["high"]) == high


# --------------------------------------------------------------------------- claimants
@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        ("According to estimates from the U.S. and South Korean authorities, around 11,000 North "
         "Korean troops have been sent to Russia.", "U.S. and South Korean authorities"),
        ("According to the UN, at least 3,000 civilians have been killed.", "United Nations"),
        ("Norlandic President Arvo Lind warned that the North could deploy up to 100,000 troops.",
         "Arvo Lind"),
        ("Ivo Tamm, head of Ukraine's military intelligence, reported that 11,000 North Korean "
         "infantrymen are training.", "Ivo Tamm"),
        ("Some Ukrainian military sources, though unconfirmed, suggest that the North may have "
         "committed as many as 12,000 troops.", "Ukrainian military sources"),
        ("This follows South Korean intelligence claims that the North has sent 1,500 special forces "
         "personnel to Russia.", "National Intelligence Service"),
        ("At least 40 drones were shot down overnight, the Ukrainian air force said.", "Ukrainian air force"),
        ("The Institute for the Study of War estimated that 11,000 North Korean troops were deployed.",
         "Institute for the Study of War"),
        # the parser takes "estimated" for a participle modifying the agency; its that-clause
        # shows it is the agency's verb
        ("Norland's defence agency estimated in September that about 2,000 soldiers had been killed "
         "in the fighting.", "Norland's defence agency"),
        # intelligence held is evidence, not a source: who reports it, or who releases it, claims
        ("Spokesman Ivo Tamm claimed the Norland government had intelligence suggesting 3,000 soldiers "
         "were deployed.", "Ivo Tamm"),
        ("Norland's spy agency released intelligence showing 8,000 soldiers were training.",
         "Norland's spy agency"),
        # quotation marks around 'intelligence' let the parser make it the participle's subject
        ("On Wednesday, spokesperson Arvo Lind claimed the US had 'intelligence' suggesting there were "
         "3,000 soldiers in Norland.", "Arvo Lind"),
        # a relative clause's "which" is the body it hangs on
        ("The estimate matched a briefing last week by the Norland Defence Agency, which reported about "
         "100 soldiers killed.", "Norland Defence Agency"),
        # an inverted cue at the end of a headline: the name after it speaks, not the line's label
        ("Norland war briefing: more than 3,000 Ruritanian military casualties in Oslo, claims Arvo Lind",
         "Arvo Lind"),
    ],
)
def test_claimant_from_the_sentence_structure(figures, text, claimant):
    row = one_row(figures(text))
    assert row["claimant"] == claimant
    assert row["claimant_raw"]


def test_who_gives_an_estimate_owns_it_but_not_who_reports_the_other_figure(figures):
    text = ("Ivo Tamm said 3,800 soldiers were killed, while the Ruritanian defence ministry offered "
            "a lower estimate of around 1,200 casualties.")
    frame = figures(text)
    assert list(zip(frame["value"], frame["claimant"])) == [
        (3800, "Ivo Tamm"), (1200, "Ruritanian defence ministry")]


def test_he_added_is_the_previous_speaker(figures):
    text = ("Ivo Tamm said that 11,000 North Korean soldiers are training in Russia. "
            "He added that the first unit of 2,600 soldiers is en route to the front.")
    frame = figures(text)
    assert list(frame["claimant"]) == ["Ivo Tamm", "Ivo Tamm"]
    assert frame.iloc[1]["claimant_raw"] == "He"


def test_a_document_passes_the_claim_to_who_reports_it(figures):
    text = ("Norlandic President Arvo Lind pointed out that intelligence reports suggested "
            "10,000 North Korean soldiers were getting ready.")
    assert one_row(figures(text))["claimant"] == "Arvo Lind"


def test_a_description_is_not_the_person_the_claim_is_about(figures):
    text = "Karl Vogt could send as many as 100,000 troops, the analyst warned."
    row = one_row(figures(text))
    assert row["claimant"] != "Karl Vogt"
    assert "analyst" in row["claimant"]


def test_unattributed_figures_belong_to_the_outlet_else_the_article(figures):
    text = "The shipment included approximately 1.5 million artillery shells."
    assert one_row(figures(text, outlet="Kyiv Post"))["claimant"] == "Kyiv Post"
    row = one_row(figures(text))
    assert (row["claimant"], row["claimant_raw"]) == ("article", "")


def test_a_figure_inside_a_quote_belongs_to_the_quote_speaker(figures):
    text = 'The minister spoke. "We have seen at least 8,000 soldiers near the border," she said.'
    start = text.index("We have")
    end = text.index(',"')
    quotes = pd.DataFrame([{"start": start, "end": end, "speaker": "Jane Doe", "speaker_raw": "she"}])
    row = one_row(figures(text, quotes=quotes))
    assert (row["claimant"], row["claimant_raw"]) == ("Jane Doe", "she")


# --------------------------------------------------------------------------- stance
@pytest.mark.parametrize(
    ("text", "stance"),
    [
        ("Officials said 1,500 soldiers were sent.", "reported"),
        ("The agency verified that 1,500 soldiers were sent.", "confirmed"),
        ("Lind warned that the North could deploy up to 100,000 troops.", "projected"),
        ("Lind revealed Russia's plan to train 10,000 North Korean soldiers.", "projected"),
        ("Moscow denied that 500 soldiers had been killed.", "denied"),
        ("Some sources, though unconfirmed, suggest 12,000 troops were committed.", "disputed"),
    ],
)
def test_stance(figures, text, stance):
    assert one_row(figures(text))["stance"] == stance


# --------------------------------------------------------------------------- as of, offsets, ids
def test_as_of_is_the_date_of_the_claim_when_the_text_gives_one(figures):
    row = one_row(figures("On October 4, the agency reported that 20 soldiers were killed."))
    assert (row["as_of"], row["as_of_precision"], row["as_of_basis"]) == ("2024-10-04", "day", "text")


def test_as_of_ignores_the_date_of_the_event_reported(figures):
    row = one_row(figures("The agency said that 1,500 soldiers were sent to Russia in October."))
    assert (row["as_of"], row["as_of_basis"]) == ("2024-11-20", "published")


def test_as_of_is_unknown_without_any_date(figures):
    row = one_row(figures("The agency said that 1,500 soldiers were sent.", published=None))
    assert (row["as_of"], row["as_of_precision"], row["as_of_basis"]) == ("", "", "unknown")


def test_offsets_point_at_the_number_and_its_clause(figures):
    text = ("A headline without a full stop\n"
            "Officials said around 11,000 North Korean troops were sent, where fighting has taken place.")
    row = one_row(figures(text))
    assert text[row["number_start"]:row["number_end"]] == row["number_text"] == "11,000"
    evidence = text[row["start"]:row["end"]]
    assert "11,000" in evidence and "\n" not in evidence
    assert evidence.startswith("Officials said")
    assert "where fighting" not in evidence
    assert row["figure_id"] == f"t:f:{row['number_start']}"


def test_no_numbers_gives_an_empty_frame_with_the_schema(figures):
    frame = figures("Nothing is counted here.")
    assert frame.empty and list(frame.columns)[: len(schema.columns("figures"))] == schema.columns("figures")


def test_a_group_counted_before_its_casualties_stays_troops(figures):
    frame = figures("Of the 11,000 troops, 3,000 have been killed or wounded, a US official said.")
    assert list(zip(frame["value"], frame["category"])) == [(11_000, "troops"), (3_000, "casualties")]
    assert frame.iloc[1]["subject"] == "troops killed or wounded"


def test_partitive_one_of_counts_the_group_noun(figures):
    row = one_row(figures("One of the soldiers was killed, the governor said."))
    assert (row["value"], row["category"], row["subject"]) == (1, "casualties", "soldiers")


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        ("N. Korea sends 1,500 troops – NIS", "National Intelligence Service"),
        ("NIS: North Korea has sent 1,500 troops to Russia", "National Intelligence Service"),
    ],
)
def test_headline_credits_after_a_dash_or_before_a_colon(figures, text, claimant):
    assert one_row(figures(text))["claimant"] == claimant


def test_a_document_nobody_owns_leaves_the_outlet_but_keeps_its_words(figures):
    row = one_row(figures("North Korea has sent up to 3 million artillery shells, the report said.",
                          outlet="Daily Example"))
    assert (row["claimant"], row["claimant_raw"]) == ("Daily Example", "the report")


def test_a_period_start_is_not_the_date_of_the_claim(figures):
    row = one_row(figures("Since February 2022, Russia has lost around 700,000 personnel, "
                          "according to the General Staff."))
    assert (row["as_of"], row["as_of_basis"]) == ("2024-11-20", "published")


def test_hearsay_between_the_count_and_the_casualty_verb(figures):
    row = one_row(figures("Some 600 soldiers are believed to have been killed fighting for Russia."))
    assert (row["category"], row["qualifier"]) == ("casualties", "approx")


@pytest.mark.parametrize(
    ("text", "value", "category"),
    [
        ("In November 2022, the daily casualty rate reached 559, before increasing to 952.", 952, "casualties"),
        ("The number of soldiers trained abroad reached more than 50,000.", 50_000, "troops"),
        ("The toll included the loss of 2,030 troops in a single day.", 2_030, "casualties"),
        ("At least 300 soldiers had been killed, with some 2,700 others injured.", 2_700, "casualties"),
    ],
)
def test_measured_and_lost_quantities(figures, text, value, category):
    frame = figures(text)
    row = frame[frame["value"] == value].iloc[0]
    assert row["category"] == category


def test_the_report_added_refers_back_to_the_credited_report(figures):
    text = ("A report posted online by the UK Ministry of Defense stated that losses were high. "
            "The total is over half of the approximately 11,000 troops deployed, the report added.")
    assert one_row(figures(text))["claimant"].startswith("UK Ministry of Defen")  # the alias table's spelling


def test_claim_based_on_documents_keeps_the_documents(figures):
    text = "The latest accusations, based on intelligence reports, indicate the North has deployed around 10,000 troops."
    assert one_row(figures(text))["claimant"] == "intelligence reports"


def test_a_country_credited_with_a_number_is_named_as_the_country(figures):
    frame = figures("Ukraine claims to have destroyed 300 tanks in the last month.")
    assert one_row(frame)["claimant"] == "Ukraine"


def test_an_acronym_refers_back_to_the_organisation_named_in_full(figures):
    text = ("South Korea’s Joint Chiefs of Staff gave a briefing. Pyongyang sent an additional 3,000 "
            "personnel this year, according to the JCS.")
    assert "Joint Chiefs of Staff" in one_row(figures(text))["claimant"]


def test_headline_credit_after_a_final_colon(figures):
    assert "Lind" in one_row(figures("North Korea sends 10,000 troops to Russia: Lind"))["claimant"]


@pytest.mark.parametrize(
    ("headline", "claimant"),
    [
        ("About 2,000 Ruritanian troops killed in the deployment: Norland spy agency", "Norland spy agency"),
        ("Ruritania sent around 10,000 soldiers to the front: Defence ministry", "Defence ministry"),
        # a subtitle, not a source: it opens in lower case, or it is a clause
        ("Ruritania sent around 10,000 soldiers to the front: what we know", "Daily Example"),
        ("Ruritania has sent 10,000 soldiers: Troops reached the border", "Daily Example"),
    ],
)
def test_a_headline_credit_may_go_on_in_lower_case(figures, headline, claimant):
    assert one_row(figures(headline, outlet="Daily Example"))["claimant"] == claimant


def test_a_number_standing_for_missing_people(figures):
    frame = figures("He said 500 soldiers died, and another 1,000 are missing.")
    row = frame[frame["value"] == 1_000].iloc[0]
    assert (row["category"], row["subject"]) == ("casualties", "soldiers missing")


def test_strength_of_a_unit(figures):
    row = one_row(figures("The unit, 2,600-strong, reached the front."))
    assert (row["value"], row["category"], row["subject"]) == (2_600, "troops", "unit")


def test_a_running_total_takes_the_category_of_the_figure_before_it(figures):
    frame = figures("A further 2,000 soldiers arrived, bringing the total to some 12,000, the agency said.")
    assert list(zip(frame["value"], frame["category"])) == [(2_000, "troops"), (12_000, "troops")]


def test_according_to_on_a_coordinated_clause_credits_both_numbers(figures):
    text = ("At least 100 soldiers have been killed and another 1,000 have been wounded, "
            "according to the defence ministry.")
    frame = figures(text)
    assert list(frame["value"]) == [100, 1_000]
    assert set(frame["claimant_raw"]) == {"the defence ministry"}
    first = frame.iloc[0]
    assert "100" in text[first["start"]:first["end"]]


def test_a_list_of_owners_the_parser_broke_is_kept_whole(figures):
    text = ("Intelligence estimates from the US, Ukraine, and South Korea suggest that between "
            "11,000 and 12,000 North Korean soldiers are currently in Russia.")
    assert one_row(figures(text))["claimant"] == "US, Ukraine, and South Korea"


def test_measured_people_as_subject(figures):
    text = '"There was a report that there have been at least 100 deaths and the injured are approaching 1,000," he said.'
    row = figures(text).iloc[-1]
    assert (row["value"], row["category"], row["qualifier"]) == (1_000, "casualties", "approx")


def test_strength_of_a_group_of_troops(figures):
    row = one_row(figures("A 50,000-strong group of Russian and North Korean troops is preparing an attack."))
    assert (row["category"], row["subject"]) == ("troops", "group of Russian and North Korean troops")


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        ("North Korea sent at least 10,000 containers to Russia, which could contain up to 4.8 million "
         "artillery shells, South Korean Defense Minister Shin Won-sik told Bloomberg.", "Shin Won-sik"),
        ("The White House has released satellite images showing that around 300 containers have been "
         "collected at the port.", "White House"),
        ("Since mid-2022, North Korea has sent over 13,000 containers to Russia, says a military "
         "intelligence report by a ruling party representative, Kang Dae-sik, according to Yonhap.",
         "Kang Dae-sik"),
        ("According to a recent analysis by the consulting company Bain, Russian factories will be able "
         "to produce about 4.5 million artillery shells this year.", "Bain"),
    ],
)
def test_claimant_repairs_for_common_news_shapes(figures, text, claimant):
    frame = figures(text)
    assert set(frame["claimant"]) == {claimant}


@pytest.mark.parametrize(
    ("text", "value", "category"),
    [
        ("The number of North Korean troops in the region has risen by about 2,000, the Pentagon said.", 2_000, "troops"),
        ("The total number of forces in Russia could be closer to around 11 to 12,000, Ryder said.", 12_000, "troops"),
        ("Russian casualties are now averaging about 1,200 per day, she noted.", 1_200, "casualties"),
        ("Officials put the number of soldiers in Kursk – where fighting goes on since August and "
         "troops control several hundred square miles – at about 8,000 out of a total of 10,000.", 8_000, "troops"),
        ("Officials put the number of soldiers in Kursk – where fighting goes on since August and "
         "troops control several hundred square miles – at about 8,000 out of a total of 10,000.", 10_000, "troops"),
    ],
)
def test_quantities_given_as_a_value_of_a_measure(figures, text, value, category):
    frame = figures(text)
    assert frame[frame["value"] == value]["category"].tolist() == [category]


def test_an_estimate_with_could_be_is_not_a_projection(figures):
    row = one_row(figures("The total number of troops in Russia could be closer to 12,000, Ryder said."))
    assert row["stance"] == "reported"


def test_she_noted_is_the_last_person_credited(figures):
    text = ("About 11,000 troops have moved into the region, said Deputy Press Secretary Sabrina Singh. "
            "The maximum range of ATACMS is about 190 miles. "
            "Russian casualties are now averaging about 1,200 per day, she noted.")
    frame = figures(text)
    assert frame["claimant"].tolist() == ["Sabrina Singh", "Sabrina Singh"]


def test_an_elided_count_takes_the_kind_of_the_figure_before_it(figures):
    frame = figures("Russia fired 90 missiles overnight, of which 80 were shot down, the air force said.")
    assert list(zip(frame["value"], frame["category"], frame["subject"])) == [
        (90, "munitions", "missiles"), (80, "munitions", "missiles")]
    assert figures("The two countries signed a pact, and three of them would meet.").empty


def test_projection_under_according_to(figures):
    row = one_row(figures("North Korea may send a further 25,000 to 30,000 soldiers, according to Western officials."))
    assert (row["stance"], row["qualifier"], row["claimant"]) == ("projected", "range", "Western officials")


def test_a_quote_without_a_known_speaker_leaves_the_claimant_to_the_parse(figures):
    text = 'The ministry said: "At least 8,000 soldiers are near the border."'
    start = text.index("At least")
    quotes = pd.DataFrame([{"start": start, "end": len(text) - 2, "speaker": "", "speaker_raw": ""}])
    assert one_row(figures(text, quotes=quotes))["claimant"] != ""


def test_a_title_case_headline_with_a_final_colon_credit(figures):
    row = one_row(figures("Over 3,000 North Korean Soldiers Killed, Wounded In Kursk: Ostrowski\nBody text follows."))
    assert (row["category"], row["qualifier"]) == ("casualties", "over")
    assert "Ostrowski" in row["claimant"]


def test_the_number_of_soldiers_killed_exceeded(figures):
    text = ('Lind wrote on X that "according to preliminary data, the number of North Korean soldiers '
            'killed and wounded in the Kursk region has already exceeded 3,000".')
    row = one_row(figures(text))
    assert (row["category"], row["qualifier"], row["low"]) == ("casualties", "over", 3_000)


def test_populations_are_not_figures_but_the_displaced_are(figures):
    assert figures("South Korea, a country of 51 million people, has a population of 51 million.").empty
    assert one_row(figures("The war has displaced 6 million people, the UN said."))["category"] == "other"


@pytest.mark.parametrize(
    ("headline", "credited"),
    [
        ("Live Updates: 1,000 North Korean troops killed in Kursk", False),
        ("General Staff: Russia has lost 1,950 troops in the past day", True),
    ],
)
def test_a_headline_label_is_not_a_source(figures, headline, credited):
    row = one_row(figures(headline, outlet="Daily Example"))
    assert (row["claimant"] != "Daily Example") == credited


def test_more_of_the_same_takes_the_figure_of_the_same_size(figures):
    frame = figures("The agency said 1,500 special forces were moved on four ships, with 1,500 more to follow.")
    assert frame[frame["value"] == 1_500]["category"].tolist() == ["troops", "troops"]


def test_estimated_at(figures):
    row = one_row(figures("Russian forces in the area, estimated at 50,000, are massing for an assault.",
                          outlet="Daily Example"))
    assert (row["category"], row["claimant"]) == ("troops", "Daily Example")


def test_as_of_from_the_outer_reporting_verb(figures):
    frame = figures("The defense ministry said Thursday it believes the North has sent about 3,000 troops so far.")
    assert (one_row(frame)["as_of"], one_row(frame)["as_of_basis"]) == ("2024-11-14", "text")


def test_evidence_drops_relative_clauses_anywhere_but_keeps_lists(figures):
    text = "He added that the first unit of 2,600 soldiers is en route to Kursk, where Ukraine has a stronghold."
    row = one_row(figures(text))
    assert text[row["start"]:row["end"]] == "He added that the first unit of 2,600 soldiers is en route to Kursk"
    text = "The agency reported that the North shipped over 13,000 containers of artillery, missiles, and other equipment."
    row = one_row(figures(text))
    assert text[row["start"]:row["end"]].endswith("missiles, and other equipment")


def test_evidence_of_a_claim_noun_holds_its_owner(figures):
    text = "This follows South Korean intelligence claims that the North has sent 1,500 troops to Russia."
    row = one_row(figures(text))
    assert text[row["start"]:row["end"]].startswith("South Korean intelligence claims")


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("North Korean troops, numbering about 11,000, have arrived in Kursk.", "troops"),
        ("Pyongyang has assembled a force of 10,000 near the border, the official said.", "troops"),
        ("The strike caused the deaths of 12 civilians.", "casualties"),
        ("North Korea has sent 3,000 North Koreans to fight in Ukraine, officials said.", "troops"),
        ("Ukraine says it killed 30 North Koreans in a single assault.", "casualties"),
    ],
)
def test_more_ways_to_count_people(figures, text, category):
    assert one_row(figures(text))["category"] == category


def test_a_quoted_number_is_as_of_the_day_the_quote_was_said(figures):
    text = 'The minister spoke. "We have seen at least 8,000 soldiers near the border," she said.'
    start, end = text.index("We have"), text.index(',"')
    quotes = pd.DataFrame([{"start": start, "end": end, "speaker": "Jane Doe", "speaker_raw": "she",
                            "date_said": "2024-11-18", "date_precision": "day"}])
    row = one_row(figures(text, quotes=quotes))
    assert (row["as_of"], row["as_of_precision"], row["as_of_basis"]) == ("2024-11-18", "day", "text")


def test_a_main_verb_tagged_as_participle_still_credits_its_subject(figures):
    text = ("Arvo Lind said the number of forces has reached 11,000.\nArvo Lind, the "
            "President of Ukraine, announced on Monday night that about 11,000 North Korean forces have "
            "now reached the border region.")
    assert set(figures(text)["claimant"]) == {"Arvo Lind"}


def test_others_take_the_kind_of_the_figure_before_them(figures):
    frame = figures("The air force said it downed 62 of 90 drones overnight, while 26 others were lost.")
    assert frame[frame["value"] == 26]["category"].tolist() == ["equipment"]
    frame = figures("Officials said 500 soldiers were deployed, and 2,700 others were injured.")
    assert frame[frame["value"] == 2_700]["category"].tolist() == ["casualties"]


def test_a_closing_credit_after_a_broken_list(figures):
    text = ("Russia has lost 1,320 troops, 12 tanks, 35 artillery systems and 48 drones over the past "
            "day, the General Staff of Ukraine's Armed Forces reported on Nov. 21.")
    frame = figures(text)
    assert len(frame) == 4
    assert set(frame["claimant"]) == {"General Staff of Ukraine's Armed Forces"}
    assert set(frame["as_of"]) == {"2024-11-21"}


def test_he_in_a_reported_clause_is_the_reporter(figures):
    text = ("President Mari Kask said he may review the ban. A day later, spokesman John Kirby told "
            "reporters that he believes at least 3,000 North Korean troops traveled by boat to Russia.")
    assert one_row(figures(text))["claimant"] == "John Kirby"


def test_a_countrys_assessment_of_a_number_is_its_governments_claim(figures):
    text = ("Mara Lind said up to 10,000 soldiers have gone to the front, up from an earlier "
            "Canadian assessment of 8,000.")
    frame = figures(text)
    assert list(frame["value"]) == [10000, 8000]
    assert list(frame["claimant"]) == ["Mara Lind", "Canadian government"]


def test_what_an_estimate_is_of_is_not_who_made_it(figures):
    text = ("With estimates of Ruritanian casualties exceeding 600,000 and Leader Ivo Marek refusing "
            "talks, the war goes on.")
    row = one_row(figures(text))
    assert (row["claimant"], row["claimant_raw"]) == ("article", "")


def test_the_number_of_war_dead_counts_casualties(figures):
    row = one_row(figures("The agency said the number of war dead was at least 600."))
    assert (row["value"], row["category"], row["qualifier"]) == (600, "casualties", "at_least")


def test_people_of_the_military_are_troops(figures):
    text = "Leader Ivo Marek decided to send five thousand military builders to rebuild the bridges."
    row = one_row(figures(text))
    assert (row["value"], row["category"]) == (5000, "troops")


def test_a_he_resolved_to_a_surname_the_article_gave_stays_that_person(nlp, figures):
    # the small model tags neither "Bo" a person; "surnamed" says they are
    text = (
        "The daily Nordic Herald published a pair of interviews with two Norlandic POWs, surnamed Bo "
        "and Vang, on Wednesday and Thursday.\n"
        "In Wednesday's interview, Bo said he had trained for three months.\n"
        "Bo was deceived by a Norlandic security agent who said the drone pilots “were all enemies.”\n"
        "One or two agents were assigned to each battalion of about 500 soldiers, he said."
    )
    doc = nlp(text)
    article = Article("t", text, published=PUBLISHED)
    quotes = extract_quotes(doc, article, ArticleContext(doc, article, NameBook()))
    frame = figures(text, quotes=quotes)
    row = one_row(frame[frame["value"] == 500])
    assert row["claimant"] == "Bo"


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ('Lind said 11,000 Vesmark troops were already in the region. "There are already 11,000 in the '
         'border region," she said.', "Vesmark troops"),
        ("Lind said a meeting had considered the presence of Vesmark troops in the region.\n"
         "“There are already 11,000 in the border region,” Lind said.", "Vesmark troops"),
    ],
)
def test_a_bare_count_of_what_is_there_counts_the_troops_just_named(figures, text, subject):
    rows = figures(text).query("number_text == '11,000'")
    assert len(rows) == text.count("11,000"), rows[["number_text", "subject"]].to_dict("records")
    row = rows.iloc[-1]
    assert (row["category"], row["subject"], row["value"]) == ("troops", subject, 11000)


def test_a_bare_count_with_no_troops_before_it_counts_nothing(figures):
    assert figures("There are 40 in the village, the mayor said.").empty


def test_a_count_of_them_counts_the_troops_counted_before(figures):
    text = ("According to the latest assessments, there are about 10,000 Vesmark soldiers in Norland. "
            "Minister Ada Lind says 8,000 of them have already deployed to the border region.")
    row = one_row(figures(text).query("value == 8000"))
    assert (row["category"], row["subject"], row["claimant"]) == ("troops", "Vesmark soldiers", "Ada Lind")


def test_a_source_introduced_by_role_and_named_later_claims_the_lead_figure(figures):
    text = (
        "Norland has sent about 5,000 construction troops to Ruritania since May, a Norlandic "
        "lawmaker said Tuesday.\n"
        "Norlandic lawmaker Arvo Lind told reporters that around 5,000 construction troops had moved "
        "in phases since May."
    )
    rows = figures(text)
    assert list(rows["claimant"]) == ["Arvo Lind", "Arvo Lind"]
    assert rows["claimant_raw"].iloc[0] == "a Norlandic lawmaker"  # the words used there are kept


def test_the_lead_role_is_the_one_person_given_that_title_whatever_number_he_gives_later(figures):
    text = (
        "Around 300 Norlandic soldiers have been killed, a Ruritanian lawmaker said on Monday.\n"
        "Casualties have surpassed 3,000, lawmaker Arvo Lind told reporters after a briefing."
    )
    rows = figures(text)
    assert list(rows["claimant"]) == ["Arvo Lind", "Arvo Lind"]
    two = text + "\nLawmaker Juha Tamm said 2,000 more had been sent."
    assert figures(two)["claimant"].iloc[0] == "unnamed Ruritanian lawmaker"  # which of the two?


def test_a_lead_figure_confirmed_by_the_next_sentence_is_the_confirmers(figures):
    text = ("Norlandic forces are suffering heavy losses, with a thousand of their troops killed or "
            "wounded in the last week alone.\nThis was confirmed by Ruritanian spokesperson Arvo Lind.\n"
            "The number far exceeds earlier figures.")
    row = one_row(figures(text))
    assert (row["value"], row["claimant"]) == (1000, "Arvo Lind")


def test_a_bare_hedged_count_as_subject_counts_the_troops_just_counted(figures):
    text = ("Officials said 10,000 Norlandic soldiers had moved to the border.\n"
            "\"Last week we said as many as 8,000 were there. Now we assess that as many as 10,000 have "
            "made their way to the coast,\" said spokesperson Arvo Lind.")
    hedged = figures(text).query("qualifier == 'as_many_as'")
    assert sorted(hedged["value"]) == [8000, 10000]
    assert set(hedged["category"]) == {"troops"}


def test_the_two_points_back_at_people_and_counts_nobody(figures):
    text = ("Lind said 2,000 Norlandic soldiers had arrived. Lind also said the two would discuss "
            "relations in \"all dimensions.\"")
    assert list(figures(text)["value"]) == [2000]


@pytest.mark.parametrize(
    ("reporter", "claimant"),
    [("the lawmakers told journalists", "lawmakers"),
     ("according to Ruritanian military intelligence", "Ruritanian military intelligence")],
)
def test_a_promise_of_troops_is_claimed_by_whoever_reports_it(figures, reporter, claimant):
    text = ("Norland had promised to provide a total of about 10,000 troops, whose deployment was "
            f"expected to be completed by December, {reporter}.")
    assert one_row(figures(text))["claimant"] == claimant


def test_a_reporters_participle_hung_on_the_reported_clause_is_still_the_reporters(figures):
    text = ("Ruritania's spy agency said Friday that Norland sent a large troop deployment, claiming "
            "that 1,500 special forces were already training in the east.")
    assert one_row(figures(text))["claimant"] == "Ruritania's spy agency"


def test_it_after_an_according_to_credit_is_that_body(figures):
    text = ("Norland sent about 1,000 engineers in August.\nThe deployment followed an earlier dispatch "
            "of an estimated 15,000 Norlandic troops, according to Ruritania's spy agency.\n"
            "It claimed Norland lost 2,000 troops in the war.")
    row = one_row(figures(text).query("value == 2000"))
    assert (row["claimant"], row["claimant_raw"]) == ("Ruritania's spy agency", "It")


def test_an_estimate_given_by_someone_is_theirs(figures):
    text = ("Norland has sent 10,000 soldiers to Ruritania, up from the Ruritanian estimate of 3,000 given "
            "by National Security Council spokesperson Arvo Lind last week.")
    assert one_row(figures(text).query("value == 3000"))["claimant"] == "Arvo Lind"


def test_a_countrys_belief_reported_by_its_spokesperson_is_the_spokespersons_claim(figures):
    reported = ("Pentagon spokesperson Ada Lind told reporters at a Monday briefing that the U.S. believes "
                "there are now 10,000 Norlandic troops in Ruritania.")
    assert list(figures(reported, aliases=True)["claimant"]) == ["Ada Lind"]
    # nobody speaks for it: the country claims
    bare = "The U.S. believes there are now 10,000 Norlandic troops in Ruritania."
    assert list(figures(bare, aliases=True)["claimant"]) == ["US government"]


def test_injuries_are_casualties(figures):
    row = one_row(figures('Lind said the toll "includes 2,700 injuries" among Norlandic soldiers.'))
    assert (row["value"], row["category"]) == (2700, "casualties")


def test_a_nationality_adjective_standing_for_its_people_is_counted(figures):
    row = one_row(figures("As many as 8,000 Norlandic have been deployed to the front-line region, Lind said."))
    assert (row["value"], row["qualifier"], row["category"]) == (8000, "as_many_as", "troops")


def test_a_figure_named_by_its_value_restates_the_earlier_one(figures):
    text = ("The intelligence service said about 12,000 Norlandic soldiers have been deployed to Ruritania.\n"
            "Thursday's 12,000 figure is larger than had been flagged by officials before.")
    rows = figures(text)
    assert len(rows) == 2
    restated = rows.iloc[1]
    assert (restated["category"], restated["claimant"]) == ("troops", rows.iloc[0]["claimant"])
    assert restated["claimant"] != "Thursday" and "soldiers" in restated["subject"]


@pytest.mark.parametrize(
    "text",
    [
        "One soldier claimed radio intercepts showed the attack was planned.",  # a person, not a tally
        "Lind met the two Norlandic prisoners of war in Kyiv.",  # people the story already follows
        "Ruritania is training two Norlandic brigades near the border.",  # units, not a headcount
    ],
)
def test_counts_naming_particular_people_or_units_are_not_figures(figures, text):
    assert figures(text).empty


def test_a_units_headcount_and_a_toll_of_one_stay_figures(figures):
    assert list(figures("Norland sent a 2,600-strong brigade to the border.")["value"]) == [2600]
    assert list(figures("Two Norlandic brigades of up to 6,000 soldiers each were sent.")["value"]) == [6000]
