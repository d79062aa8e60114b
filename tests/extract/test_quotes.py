"""Quote finding on small texts: one text per case the plain library approach gets wrong."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from sitrep import schema
from sitrep.article import Article
from sitrep.extract.attribution import ArticleContext
from sitrep.extract.quotes import cluster_quotes, extract_quotes, find_quote_spans
from sitrep.names import NameBook


def quoted(text: str) -> list[str]:
    return [text[s.start : s.end] for s in find_quote_spans(text)]


@pytest.fixture()
def quotes_of(nlp):
    def run(text: str, *, published: dt.date | None = None, article_id: str = "t") -> pd.DataFrame:
        doc = nlp(text)
        article = Article(article_id=article_id, text=text, published=published)
        return extract_quotes(doc, article, ArticleContext(doc, article, NameBook()))

    return run


# ------------------------------------------------------------------------------ mark scanning
def test_full_sentence_in_curly_double_marks_drops_trailing_comma():
    text = "“We will not back down,” said Mara Lind."
    assert quoted(text) == ["We will not back down"]


def test_short_partial_quote_in_a_sentence():
    text = "The envoy called the strike a “significant escalation” of the war."
    assert quoted(text) == ["significant escalation"]


def test_straight_double_marks():
    text = 'Officials said the plan was "dead on arrival," according to a memo.'
    assert quoted(text) == ["dead on arrival"]


def test_curly_single_marks_keep_inner_punctuation():
    text = "‘We believe the talks can work. These steps are real,’ Ortiz said."
    assert quoted(text) == ["We believe the talks can work. These steps are real"]


def test_straight_single_marks():
    text = "Protesters chanted 'no more war' outside the parliament."
    assert quoted(text) == ["no more war"]


@pytest.mark.parametrize("mark", ["'", "‘"])
def test_a_single_quote_opening_on_a_number_is_a_quote_and_a_cut_year_is_not(mark):
    close = "'" if mark == "'" else "’"
    text = f"{mark}12,000 Norlandic troops at the border,{close} Ruritanian ministry says"
    assert quoted(text) == ["12,000 Norlandic troops at the border"]
    assert quoted(f"Lind, a veteran of the {mark}90s talks, said so. His {mark}24 campaign ended.") == []


def test_quote_spanning_sentences_keeps_both_sentences():
    text = "He added, “Of course we will answer. It will not help them.” The meeting ended."
    assert quoted(text) == ["Of course we will answer. It will not help them"]


def test_apostrophes_are_never_quote_marks():
    text = "Ukraine’s army said it didn’t retreat. The soldiers’ families wait, and Kyiv's mayor agreed."
    assert quoted(text) == []


def test_missing_closing_mark_ends_at_the_sentence_and_spares_the_rest():
    text = (
        "The council likened the regime to “a criminal organization.\n"
        "In a statement, the council promised “phased countermeasures” soon."
    )
    assert quoted(text) == ["a criminal organization", "phased countermeasures"]


def test_odd_number_of_straight_marks_does_not_raise_or_pair_blindly():
    text = 'She called it "a farce. Later she said the vote was "rigged" and left.'
    found = quoted(text)
    assert found[0] == "a farce"
    assert "rigged" in found
    assert all("Later she said" not in q for q in found)


def test_headline_with_nested_quote_keeps_only_the_inner_quotation():
    text = "The daily ran the headline: “Lind: ‘We Will Not Remain Silent… Never.’” Lind spoke later."
    assert quoted(text) == ["We Will Not Remain Silent… Never"]


def test_quote_nested_in_a_longer_quote_belongs_to_the_outer_one():
    text = "“They told us ‘go home’ and we refused,” said a farmer."
    assert quoted(text) == ["They told us ‘go home’ and we refused"]


def test_plural_possessive_inside_single_marks_does_not_close_the_quote():
    text = "‘The soldiers’ families deserve answers, and soon,’ said Olena Marchuk."
    assert quoted(text) == ["The soldiers’ families deserve answers, and soon"]


def test_quote_in_a_headline():
    text = "Minister warns of ‘tough response’ if talks fail\nThe minister spoke on Monday."
    assert quoted(text) == ["tough response"]


def test_multi_paragraph_quote_gives_one_row_per_paragraph_without_marks():
    text = "“We have the evidence. We will present it.\n“And we will win,” Mwenda said."
    assert quoted(text) == ["We have the evidence. We will present it", "And we will win"]


def test_so_called_names_are_scare_quotes():
    text = "The so-called “peace plan” was rejected."
    assert quoted(text) == []


# ------------------------------------------------------------------------------ the table
def test_rows_conform_to_the_schema_and_point_at_the_words(quotes_of):
    text = "“The border is calm,” said Jonas Berg, a police commander."
    rows = quotes_of(text)
    schema.validate(rows, "quotes")
    row = rows.iloc[0]
    assert text[row.start : row.end] == row.text == "The border is calm"
    assert row.quote_id == f"t:q:{row.start}"
    assert row.sentence_start <= row.start < row.end <= row.sentence_end


def test_scare_quotes_are_not_rows_though_their_words_count_as_quoted(quotes_of, nlp):
    text = "The so-called “peace plan” was rejected. “It is dead,” Jonas Berg said."
    assert quotes_of(text).text.tolist() == ["It is dead"]
    doc = nlp(text)
    article = Article(article_id="t", text=text)
    ctx = ArticleContext(doc, article, NameBook())
    assert ctx.in_quote(text.index("peace plan"))  # a name in scare quotes is nobody's antecedent


def test_names_of_things_in_capitals_are_not_quotes(quotes_of):
    text = "The “Kinzhal” missile was used again overnight, the air force said."
    assert quotes_of(text).empty


def test_title_case_speech_in_a_headline_is_a_quote(quotes_of):
    text = "Ardent says rivals 'Playing With Fire' over tariffs\nPresident Mila Ardent said on Friday the rivals were reckless."
    rows = quotes_of(text)
    assert rows.text.tolist() == ["Playing With Fire"]
    assert rows.speaker.tolist() == ["Mila Ardent"]


def test_standalone_quote_continues_the_previous_speaker(quotes_of):
    text = (
        "Governor Tomas Ruiz visited the port. “The damage is severe,” he said on Monday. "
        "“We will rebuild within a year.”"
    )
    rows = quotes_of(text)
    assert rows.speaker.tolist() == ["Tomas Ruiz", "Tomas Ruiz"]


def test_multi_paragraph_quote_shares_its_speaker(quotes_of):
    text = "Opposition leader Daniel Mwenda spoke to supporters.\n“We have the evidence.\n“And we will win,” Mwenda said."
    rows = quotes_of(text)
    assert rows.speaker.tolist() == ["Daniel Mwenda", "Daniel Mwenda"]


def test_unattributed_quote_keeps_an_empty_speaker(quotes_of):
    text = "The banner read “peace now” in three languages."
    rows = quotes_of(text)
    assert rows.text.tolist() == ["peace now"]
    assert rows.speaker.tolist() == [""]


def test_date_said_comes_from_the_attribution_not_the_quote(quotes_of):
    text = "“Talks resume on March 3,” Foreign Minister Petra Lund said on Tuesday."
    rows = quotes_of(text, published=dt.date(2025, 2, 20))  # a Thursday
    assert rows.date_said.tolist() == ["2025-02-18"]
    assert rows.date_precision.tolist() == ["day"]


def test_cue_and_country_are_filled(quotes_of):
    text = "Poland’s Foreign Minister Tomasz Wrona warned that the move was “reckless”."
    row = quotes_of(text).iloc[0]
    assert (row.speaker, row.cue, row.speaker_country) == ("Tomasz Wrona", "warn", "Poland")


# ------------------------------------------------------------------------------ clustering
def _quote_rows(*rows: tuple[str, int, str, str]) -> pd.DataFrame:
    frame = pd.DataFrame(
        [
            {
                "quote_id": f"{a}:q:{s}",
                "article_id": a,
                "start": s,
                "end": s + len(t),
                "text": t,
                "speaker": sp,
                "sentence_start": s,
                "sentence_end": s + len(t),
                "cluster_size": 1,
            }
            for a, s, t, sp in rows
        ]
    )
    return schema.conform(frame, "quotes")


def test_cluster_joins_the_same_quote_across_articles_and_counts_articles():
    frame = _quote_rows(
        ("a1", 10, "Our answer will be calm, firm and coordinated", "Antti Rautio"),
        ("a2", 40, "our answer will be calm, firm, and coordinated", "Antti Rautio"),
        ("a2", 90, "Something else entirely was said here", "Antti Rautio"),
    )
    out = cluster_quotes(frame)
    assert out.quote_cluster[0] == out.quote_cluster[1] != out.quote_cluster[2]
    assert out.cluster_size.tolist() == [2, 2, 1]
    assert out.quote_cluster[0].startswith("qc-")


def test_cluster_keeps_apart_the_same_words_from_different_speakers():
    frame = _quote_rows(
        ("a1", 10, "a significant escalation of the war", "Mark Jensen"),
        ("a2", 10, "a significant escalation of the war", "Olga Petrenko"),
    )
    out = cluster_quotes(frame)
    assert out.quote_cluster[0] != out.quote_cluster[1]


def test_cluster_ids_are_stable_when_later_articles_join():
    first = _quote_rows(("a1", 10, "we will respond in every way we find necessary", "Ivan Petrov"))
    more = _quote_rows(
        ("a1", 10, "we will respond in every way we find necessary", "Ivan Petrov"),
        ("a9", 5, "We will respond in every way that we find necessary", "Ivan Petrov"),
    )
    assert cluster_quotes(first).quote_cluster[0] == cluster_quotes(more).quote_cluster[0]
    assert cluster_quotes(more).cluster_size.tolist() == [2, 2]


def test_german_style_marks_close_with_the_high_mark():
    text = "Er nannte die Lage „sehr ernst“ und ging."
    assert quoted(text) == ["sehr ernst"]


def test_guillemets():
    text = "The minister called the plan «a betrayal» on Monday."
    assert quoted(text) == ["a betrayal"]


def test_cluster_joins_a_reworded_translation_of_the_same_speaker_only():
    frame = _quote_rows(
        ("a1", 10, "groundless, stereotype rumors", "unnamed Ruritanian diplomat"),
        ("a2", 20, "baseless, stereotypical rumors", "unnamed Ruritanian diplomat"),
        ("a3", 30, "baseless, stereotypical rumors", ""),
    )
    out = cluster_quotes(frame)
    assert out.quote_cluster[0] == out.quote_cluster[1]
    assert out.cluster_size[0] == 3  # the third is the same words with an unknown speaker


def test_elisions_after_a_space_never_close_a_single_quote():
    text = "‘The claims about our soldiers’ role are lies, and the ’90s are over,’ Cole said."
    assert quoted(text) == ["The claims about our soldiers’ role are lies, and the ’90s are over"]


def test_british_style_single_marks_with_nested_double_marks():
    text = "‘We won’t accept “business as usual”,’ Cole told MPs."
    assert quoted(text) == ["We won’t accept “business as usual”"]


def test_a_date_attached_to_another_verb_is_not_when_it_was_said(quotes_of):
    text = "“It was a massacre,” Mayor Ana Petric said, referring to the strike on March 3."
    rows = quotes_of(text, published=dt.date(2025, 3, 20))
    assert rows.date_said.tolist() == [""]


def test_plural_possessive_inside_straight_single_marks():
    text = "'The soldiers' families deserve answers,' said Olena Marchuk."
    assert quoted(text) == ["The soldiers' families deserve answers"]


def test_a_stray_mark_splitting_one_quotation_keeps_one_speaker(quotes_of):
    text = 'Mayor Ana Petric spoke on Monday.\n"We need more protection. "Patriots must protect lives, not gather dust," she concluded.'
    rows = quotes_of(text)
    assert rows.text.tolist() == ["We need more protection", "Patriots must protect lives, not gather dust"]
    assert rows.speaker.tolist() == ["Ana Petric", "Ana Petric"]


def test_counted_names_in_capitals_are_not_quotes(quotes_of):
    text = "Overnight, the army used almost 40 “Shaheds” against the city.\nMost were shot down."
    assert quotes_of(text).empty


def test_quote_resumed_after_the_attribution_with_a_spaced_mark():
    text = '"Today this is a site of devastation," Ruiz said, " but we will come together again."'
    assert quoted(text) == ["Today this is a site of devastation", "but we will come together again"]


def test_one_word_answers_are_quotes_not_names(quotes_of):
    text = "Asked about the reports, he paused.\nPeskov replied: “Absolutely.” Then he left.\n“Never.” That was all."
    assert quotes_of(text).text.tolist() == ["Absolutely", "Never"]


# ------------------------------------------------------------- speakers on real-article patterns
def speakers(rows: pd.DataFrame) -> list[str]:
    return rows.speaker.tolist()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“We will not accept this,” Park Min-jae of the Democratic Alliance Party said on Tuesday.", "Park Min-jae"),
        ("Ruth Okafor of the Labour Party said the deal was “a betrayal of our workers”.", "Ruth Okafor"),
        ("Lawmaker Han Seo-yeon of the New Reform Party said the troops were “cannon fodder”.", "Han Seo-yeon"),
        ("“It is a dangerous gamble,” said Hannah Moretti, a senator from the Forward Party.", "Hannah Moretti"),
        (
            "Kim Tae-ho from the ruling Unity Party told reporters the deployment was “unacceptable”.",
            "Kim Tae-ho",
        ),
        (
            "Choi Dong-wook, of the opposition Democratic Unity Party, called the plan “reckless”.",
            "Choi Dong-wook",
        ),
    ],
)
def test_a_party_member_is_the_speaker_not_the_party(quotes_of, text, expected):
    assert speakers(quotes_of(text)) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "“The front is holding,” Ukraine’s military intelligence said in a statement.",
        "Ukrainian military intelligence said the troops were “poorly trained and badly equipped”.",
        "The HUR said in a statement that the convoy had been “completely destroyed”.",
        "“Russian forces are preparing a new assault,” GUR said on Telegram.",
        "Ukraine’s Defence Intelligence (HUR) said on Sunday that the brigade had been “almost destroyed.”",
        "The soldiers were “exhausted and demoralized,” according to Ukraine’s HUR military intelligence.",
    ],
)
def test_every_wording_of_an_intelligence_agency_is_its_one_name(quotes_of, text):
    assert speakers(quotes_of(text)) == ["Main Directorate of Intelligence"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Belarusian leader Oleg Varenko, who has ruled the country since 1994 and faced mass protests "
            "after a disputed election, said the exercises were “purely defensive”.",
            "Oleg Varenko",
        ),
        (
            "Russian President Ivan Dorokhov hosted the delegation on Monday. “Our partnership is strong,” "
            "the Kremlin leader said.",
            "Ivan Dorokhov",
        ),
        ("Speaking in Minsk, Dorokhov said: “Nobody should doubt our response.”", "Dorokhov"),
        (
            "“We will never give up our land.” This was stated by Ukrainian President Olena Marchuk "
            "during a meeting with troops.",
            "Olena Marchuk",
        ),
        (
            "Dorokhov was quoted by a state news agency as saying the strikes were “a response to "
            "escalation.”",
            "Dorokhov",
        ),
        (
            "Chinese President Liang Wei arrived in Kazan. “The world is changing fast,” Liang told the summit.",
            "Liang Wei",
        ),
    ],
)
def test_heads_of_state_in_harder_constructions(quotes_of, text, expected):
    assert speakers(quotes_of(text)) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Pentagon press secretary Sabrina Castellanos said the troops were “a significant escalation”.",
            "Sabrina Castellanos",
        ),
        ("Pentagon spokesman Ryder Malloy told reporters: “We are watching closely.”", "Ryder Malloy"),
        (
            "“We have seen them move,” Pentagon deputy press secretary Nadia Sing told reporters.",
            "Nadia Sing",
        ),
        (
            "State Department spokesman Matthew Millar told reporters the deployment was “a dangerous "
            "development.”",
            "Matthew Millar",
        ),
        (
            "Kremlin spokesman Dmitri Askov said the reports were “another hoax”.",
            "Dmitri Askov",
        ),
    ],
)
def test_a_spokesperson_is_the_speaker_not_the_body(quotes_of, text, expected):
    assert speakers(quotes_of(text)) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Foreign Ministry of Lithuania condemned the launch. “This is a provocation,” the "
            "ministry said in a statement.",
            "Foreign Ministry of Lithuania",
        ),
        (
            "The Russian Defence Ministry reported new gains. “Our forces took the village,” the ministry "
            "said in a statement.",
            "Russian Defence Ministry",
        ),
        (
            "North Korea’s foreign ministry denied the reports. The ministry said in a statement carried "
            "by state media that the claims were “groundless.”",
            "North Korean foreign ministry",
        ),
        # no ministry named anywhere: nobody is credited rather than a bare "ministry"
        ("“The exercises pose no threat,” the ministry said in a statement, referring to the drills.", ""),
    ],
)
def test_the_ministry_is_the_ministry_named_before_or_nobody(quotes_of, text, expected):
    assert speakers(quotes_of(text)) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Finnish President Aino Lehto said the border would stay closed until further notice, she said.\n"
            "“We are not going to reopen it while the threat persists.”",
            "Aino Lehto",
        ),
        (
            "Defence Minister Karl Sorensen said the brigade would deploy in spring, he told reporters.\n"
            "“The soldiers are ready and the equipment is on its way.”",
            "Karl Sorensen",
        ),
        (
            "The Chilean Foreign Ministry said the talks had failed.\n“There is nothing left to discuss.”",
            "Chilean Foreign Ministry",
        ),
        (
            "Senator Joan Whitley spoke to reporters outside the chamber on Monday.\n"
            "“This package is long overdue.”",
            "Joan Whitley",
        ),
    ],
)
def test_a_quote_paragraph_goes_on_with_the_speaker_of_the_paragraph_before(quotes_of, text, expected):
    rows = quotes_of(text)
    assert speakers(rows)[-1] == expected


def test_a_quote_paragraph_after_a_paragraph_without_a_speaker_stays_unattributed(quotes_of):
    text = "The convoy reached the city at dawn.\n“Nobody expected them so early.”"
    assert speakers(quotes_of(text)) == [""]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "North Korean leader Pak Chol-su said the alliance was “invincible,” state media reported.",
            "Pak Chol-su",
        ),
        (
            "Defence Minister Karl Sorensen said the drills were “routine”, the newspaper reported.",
            "Karl Sorensen",
        ),
        (
            "Foreign Minister Ana Vidal said the talks were “over”, the Chilean broadcaster reported on Monday.",
            "Ana Vidal",
        ),
        (
            "Premier Lars Ekholm called the vote “a turning point”, local media reported.",
            "Lars Ekholm",
        ),
    ],
)
def test_media_relaying_a_speaker_are_not_the_speaker(quotes_of, text, expected):
    assert speakers(quotes_of(text)) == [expected]


def test_a_spokesperson_for_a_body_keeps_the_body_in_the_label(quotes_of):
    text = "A spokesperson for the European Commission said the sanctions were “ready to go.”"
    assert speakers(quotes_of(text)) == ["unnamed spokesperson (European Commission)"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "“We will respond to any aggression.” Dorokhov made the remarks at a meeting with his "
            "security council on Friday.",
            "Dorokhov",
        ),
        (
            "“The talks were useful.” Foreign Minister Ana Vidal made the comments after meeting her "
            "counterpart.",
            "Ana Vidal",
        ),
        (
            "“We will respond to any aggression.” Dorokhov said this at a meeting on Friday.",
            "Dorokhov",
        ),
        (
            "“We will never give up our land.” This was stated by Ukrainian President Olena Marchuk.",
            "Olena Marchuk",
        ),
        # the sentence after points back at the quote but names nobody: nobody is credited
        ("“We will respond to any aggression.” The remarks were made at a meeting on Friday.", ""),
    ],
)
def test_a_quote_credited_by_the_sentence_after_it(quotes_of, text, expected):
    assert speakers(quotes_of(text)) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Troops suffer ‘heavy losses’ in border region – Ukrainian military intelligence\n"
            "Dozens were killed, the agency said.",
            "Main Directorate of Intelligence",
        ),
        (
            "Army ‘ready for anything’ — Latvian defence chief Janis Ozols\nThe army is prepared, he said.",
            "Janis Ozols",
        ),
        (
            "Sanctions are ‘long overdue’ - Foreign Minister Ana Vidal\nChile backed the package on Monday.",
            "Ana Vidal",
        ),
        # a dash inside a headline that runs on into a clause is no attribution
        ("Talks ‘useful’ - but no deal reached on grain exports\nThe talks ended on Monday.", ""),
        # a role alone is the role the story introduces, not the government of its country
        (
            "Troops suffer ‘heavy losses’ – U.S. Official\n"
            "Dozens were killed, a senior U.S. defense official said on Monday.",
            "unnamed senior U.S. defense official",
        ),
    ],
)
def test_a_headline_credits_its_quote_to_the_name_after_its_final_dash(quotes_of, text, expected):
    assert speakers(quotes_of(text))[0] == expected


@pytest.mark.parametrize(
    "text",
    [
        "In a statement on Telegram, Ukraine’s military intelligence said the units had suffered “significant losses.”",
        "Ukraine's Defence Intelligence said the troops were “poorly trained.”",
        "“The enemy is regrouping near the border,” the HUR statement said.",
        "According to a statement from HUR, the troops were “poorly trained.”",
        "The GUR said the offensive was near.\n“It will come within weeks,” the intelligence agency said.",
    ],
)
def test_intelligence_agency_in_statements_and_odd_parses(quotes_of, text):
    assert speakers(quotes_of(text)) == ["Main Directorate of Intelligence"]


def test_a_subject_the_parser_hung_on_an_opening_phrase_is_still_the_speaker(quotes_of):
    text = "In an interview on Sunday, Defence Minister Karl Sorensen said the drills were “routine.”"
    assert speakers(quotes_of(text)) == ["Karl Sorensen"]


def test_a_quote_paragraph_goes_on_with_the_main_clause_speaker_before_it(quotes_of):
    text = (
        "Asked about the losses, Singh said that the U.S. could not independently confirm them.\n"
        "\"We cannot confirm those reports yet.\"\n"
    )
    assert quotes_of(text).speaker.tolist() == ["Singh"]


def test_a_heading_quote_takes_the_speaker_of_the_same_words_below(quotes_of):
    text = (
        "Rumours of a ceasefire\n"
        "Officials met in Vienna on Monday.\n"
        "Envoys ‘in talks’ with the rebels\n"
        "The region has been tense for months.\n"
        "Foreign Minister Lena Varga said her country was “in talks” with the rebels."
    )
    quotes = quotes_of(text)
    assert list(quotes["text"]) == ["in talks", "in talks"]
    assert speakers(quotes) == ["Lena Varga", "Lena Varga"]


def test_a_heading_quote_takes_the_first_person_quoted_in_its_section(quotes_of):
    text = (
        "Border closed after clashes\n"
        "“We will hold the line,” General Tomas Berg said on Sunday.\n"
        "'Nobody will cross'\n"
        "The crossing has been shut since Friday.\n"
        "President Ilse Marten said “no one will pass” while the talks continue.\n"
        "Aid groups said the closure was “a disaster” for the villages."
    )
    quotes = quotes_of(text).set_index("text")
    assert quotes.loc["Nobody will cross", "speaker"] == "Ilse Marten"


def test_an_unnamed_official_is_a_role_and_the_official_refers_back_to_it(quotes_of):
    text = (
        "Casualties rose, a senior U.S. military official said on Tuesday.\n"
        "“Several hundred is our estimate,” the official said."
    )
    quotes = quotes_of(text)
    assert speakers(quotes) == ["unnamed senior U.S. military official"]
    assert quotes["speaker_kind"].tolist() == ["role"]


def test_a_leader_called_by_a_description_is_the_leader_named_before(quotes_of):
    text = (
        "Kim Chol Su praised the returning units on Monday.\n"
        "“They are all heroes,” the dictator stated at the ceremony."
    )
    assert speakers(quotes_of(text)) == ["Kim Chol Su"]


def test_the_one_who_thanks_uses_the_quoted_word(quotes_of):
    text = "President Ilse Marten thanked the rescue teams on Monday for their “heroism” in the floods."
    assert speakers(quotes_of(text)) == ["Ilse Marten"]


def test_it_after_an_outlets_report_is_the_outlet(quotes_of):
    text = (
        "The two leaders met on Wednesday and, according to state media Ostvision’s report on "
        "Thursday, signed a pact.\n“The pact will last forever,” it said, using the country’s official name."
    )
    assert speakers(quotes_of(text)) == ["Ostvision"]


def test_it_after_a_ministry_and_its_unsigned_statement_is_the_ministry(quotes_of):
    text = (
        "The Norlandic foreign ministry issued a statement on Monday.\n"
        "“We reject the report,” it said."
    )
    assert speakers(quotes_of(text)) == ["Norlandic foreign ministry"]


def test_an_unnamed_role_in_the_lead_is_the_person_later_quoted_with_the_same_words(quotes_of):
    text = (
        "Foreign troops who cross the border will be “fair game,” a palace spokesman said.\n"
        "Palace spokesman Arvo Lind called the troops “fair game” at a briefing on Monday."
    )
    quotes = quotes_of(text)
    assert speakers(quotes) == ["Arvo Lind", "Arvo Lind"]
    assert quotes["speaker_raw"].iloc[0] == "a palace spokesman"  # the words used there


def test_an_unattributed_quote_takes_the_speaker_of_the_same_words_elsewhere(quotes_of):
    text = (
        "Soldiers disguised as “local hunters” have joined the fighting, according to a news report.\n"
        "“They are disguised as local hunters from the north,” General Tomas Berg was quoted as saying."
    )
    assert speakers(quotes_of(text)) == ["Tomas Berg", "Tomas Berg"]


def test_a_congratulation_reported_by_someone_is_the_reporters_sources_words(quotes_of):
    text = "Spokesman Arvo Lind said the president had congratulated the winner on his “landslide victory”."
    assert speakers(quotes_of(text)) == ["Arvo Lind"]


def test_calling_a_report_something_is_no_word_of_the_report(quotes_of):
    text = (
        "Norland denied the reports of troop movements.\n"
        "Foreign Ministry spokeswoman Ada Korhonen called the reports “fake and hype” on Wednesday."
    )
    assert speakers(quotes_of(text)) == ["Ada Korhonen"]


def test_they_who_spoke_is_the_body_that_claimed_not_the_soldiers_it_claimed_about(quotes_of):
    text = (
        "The Finnish military has claimed that over 3,000 soldiers are training near the border.\n"
        "They stated, “They are mainly training at night.”"
    )
    assert speakers(quotes_of(text)) == ["Finnish military"]


def test_a_statement_named_by_its_kind_of_body_speaks_for_that_body(quotes_of):
    text = "The visit “is part of a strategic dialogue,” a foreign ministry statement said."
    assert speakers(quotes_of(text)) == ["foreign ministry"]


def test_a_broadcast_caption_credits_the_name_before_its_slash(quotes_of):
    text = (
        "Ruritania's leader met his Norland counterpart in the capital.\n"
        "[Ivan Petrov/Ruritanian President/Nov. 4: \"Today is a holiday in our country.\"]\n"
        "[Anna Berg/Member of the Norland Labour Party: \"(Petrov) extended his stay by a day.\"]"
    )
    frame = quotes_of(text)
    assert speakers(frame) == ["Ivan Petrov", "Anna Berg"]
    assert list(frame["speaker_raw"]) == ["Ivan Petrov", "Anna Berg"]


def test_a_caption_name_is_not_learnt_with_its_title(quotes_of):
    text = (
        "Norland President Anna Berg called the drills “very dangerous”.\n"
        "[Anna Berg/Norland President: \"Very dangerous. Very dangerous.\"]"
    )
    assert speakers(quotes_of(text)) == ["Anna Berg", "Anna Berg"]


def test_a_post_speaks_for_whoever_posted_it(quotes_of):
    text = (
        "Norland's military intelligence posted on its Telegram channel that it spotted the units.\n"
        "\"The first units have already arrived in the combat zone,\" read the post, translated into English.\n"
        "The Norland defence ministry on Wednesday confirmed the figure, a newspaper reported.\n"
        "\"The soldiers are equipped with winter clothes and shoes,\" the post stated."
    )
    frame = quotes_of(text)
    assert len(frame) == 2
    assert set(frame["speaker"]) == {frame["speaker"].iloc[0]}
    assert "intelligence" in frame["speaker"].iloc[0].lower()


def test_a_banner_read_after_a_quote_is_still_no_speaker(quotes_of):
    text = "“Peace now,” read the banner outside the embassy."
    assert speakers(quotes_of(text)) == [""]


def test_a_partial_quote_without_a_cue_goes_on_with_the_source_quoted_just_before(quotes_of):
    text = (
        "Norland President Anna Berg called her Ruritanian counterpart on Monday.\n"
        "Spokesman Arvo Lind said the call had been \"warm and open\". During the call, "
        "they discussed \"security, trade and energy\".\n"
        "Both leaders \"expressed their concerns on the border situation\".\n"
        "The talks ended late.\n"
        "Later the ministry issued a list.\n"
        "Analysts had expected \"little progress\"."
    )
    assert speakers(quotes_of(text)) == ["Arvo Lind", "Arvo Lind", "Arvo Lind", ""]


def test_a_title_with_its_own_place_before_the_name_still_names_a_person(quotes_of):
    text = (
        "Talks unlikely soon, Ruritanian Ambassador to Oslo Ivan Petrovich Dragunov said on television.\n"
        "\"I believe the issue of aid to Kiev is unlikely to arise,\" he said.\n"
        "\"It is difficult to determine what has been allocated,\" the diplomat added."
    )
    assert speakers(quotes_of(text)) == ["Ivan Petrovich Dragunov"] * 2


def test_someone_heard_saying_is_the_speaker_not_the_source_of_the_recording(quotes_of):
    text = (
        "According to a recording lawmaker Arvo Lind released on Tuesday, one of the captives, "
        "a sniper surnamed Ruiz, was heard saying, \"I really want to go home.\""
    )
    assert speakers(quotes_of(text)) == ["Ruiz"]


def test_a_person_named_by_a_participle_in_their_own_phrase(quotes_of):
    text = (
        "Lawmaker Arvo Lind met two captured soldiers.\n"
        "The second captive identified by the surname of Paik, born in 2005, told Lind that he has "
        "\"almost made up (his) mind\" about defecting. \"I need to think a little more,\" Paik said."
    )
    assert speakers(quotes_of(text)) == ["Paik", "Paik"]


def test_the_lawmaker_is_the_representative_named_before(quotes_of):
    text = (
        "The captives want to defect, according to a Norland lawmaker who interviewed them.\n"
        "Labour Party Rep. Arvo Lind met with the two soldiers on Monday.\n"
        "\"He expects a position in the army,\" the lawmaker said."
    )
    assert speakers(quotes_of(text)) == ["Arvo Lind"]


def test_the_envoy_is_the_ambassador_named_earlier_in_the_sentence(quotes_of):
    text = (
        "Norland's leader Anna Berg condemned the drills.\n"
        "After Oslo summoned Ruritania's ambassador to complain, the envoy \u201cstressed that the "
        "cooperation is not directed against Norland.\u201d"
    )
    frame = quotes_of(text)
    assert "ambassador" in frame["speaker"].iloc[0]
    assert frame["speaker_raw"].iloc[0] == "the envoy"


def test_a_report_never_introduced_is_that_of_the_body_that_just_spoke(quotes_of):
    text = (
        "Police stopped a truck carrying soldiers, the Norland Defence Intelligence said Sunday.\n"
        "\"The driver did not have a combat order,\" the report said."
    )
    assert speakers(quotes_of(text)) == ["Norland Defence Intelligence"]


def test_lauding_is_a_cue(quotes_of):
    text = "Leader Ivan Petrov lauded his country's \"heroic\" troops at a ceremony, state media said."
    assert speakers(quotes_of(text)) == ["Ivan Petrov"]


def test_the_official_representative_of_a_ministry_is_its_spokesman_named_before(quotes_of):
    text = (
        "OSLO, March 3. Norland may choose its allies, stated Ruritanian Foreign Ministry Spokesman "
        "Ivo Marek at a briefing.\n"
        "\"Norland is a sovereign state,\" said the official representative of the Ruritanian "
        "Foreign Ministry."
    )
    assert speakers(quotes_of(text)) == ["Ivo Marek"]


@pytest.mark.parametrize(
    "sentence",
    [
        "In Oslo, Berg expressed \"deep concern\" about the deployment.",
        "Berg met Ruritanian officials on Monday, with Berg conveying \"warm greetings\" from Oslo.",
        "Berg voiced \"grave concern\" about the deployment.",
    ],
)
def test_expressing_conveying_and_voicing_words_are_cues(quotes_of, sentence):
    text = f"Norland's Foreign Minister Anna Berg arrived on Saturday.\n{sentence}"
    assert speakers(quotes_of(text)) == ["Anna Berg"]


def test_it_said_is_never_a_village_named_in_the_sentence(quotes_of):
    text = (
        "The brigade lost men near Dolna and Gorna, according to Norland's Main Directorate of "
        "Intelligence.\n"
        "\"Three soldiers went missing\" near the village of Kolbovka, it said on Telegram."
    )
    speaker = speakers(quotes_of(text))[0]
    assert "Directorate" in speaker
    assert "Kolbovka" not in speaker


@pytest.mark.parametrize(
    ("sentence", "wanted", "addressee"),
    [
        ("Oslo said it had captured two soldiers.\nOn Sunday, Norland's security service backed up "
         "the account, telling NTB it \"confirmed\" the capture.", "security service", "NTB"),
        ("Anna Berg told Ivo Marek he \"would never\" accept the plan.", "Anna Berg", "Marek"),
    ],
)
def test_a_pronoun_in_what_someone_told_an_addressee_is_the_teller(quotes_of, sentence, wanted, addressee):
    speaker = speakers(quotes_of(sentence))[0]
    assert wanted in speaker
    assert addressee not in speaker


def test_speaker_raw_leaves_out_a_place_dateline(quotes_of):
    text = "OSLO - Norland's leader Arvo Lind said the talks had \"failed completely\"."
    frame = quotes_of(text)
    assert frame["speaker_raw"].iloc[0].startswith("Norland")


TRANSCRIPT = (
    "ANNA BERG, HOST:\n"
    "Norland says the troops may soon fight. Arvo Lind reports.\n"
    "ARVO LIND, BYLINE: The minister says about 10,000 soldiers are there.\n"
    "IVO MAREK: We have not yet seen these troops in combat.\n"
    "LIND: The defence chief was blunter.\n"
    "PETRA HOLM: Make no mistake. They would be \"legitimate targets\".\n"
    "MAREK: Putin is showing weakness.\n"
)


def test_transcript_turns_of_newsmakers_are_quotes_and_the_networks_own_turns_are_not(quotes_of):
    frame = quotes_of(TRANSCRIPT)
    turns = frame[frame["speaker"].isin(["Ivo Marek", "Petra Holm"])]
    assert list(turns["text"]) == [
        "We have not yet seen these troops in combat",
        "Make no mistake. They would be \"legitimate targets\"",
        "Putin is showing weakness",
    ]
    assert list(turns["speaker"]) == ["Ivo Marek", "Petra Holm", "Ivo Marek"]
    assert not frame["text"].str.contains("10,000|blunter|reports").any()
    # the marks inside a turn are the speaker's own words, not another quote
    assert len(frame) == 3


def test_capitals_and_a_colon_alone_make_no_transcript(quotes_of):
    text = "SEOUL: The agency said the troops had \"moved north\".\nLIND: a note.\n"
    frame = quotes_of(text)
    assert list(frame["text"]) == ["moved north"]


def test_going_on_doing_something_is_no_cue(quotes_of):
    text = ("Envoy Ivo Marek said that during the talks, Norland had decided that it would continue "
            "to help with the \"rebuilding of the border region\".")
    assert speakers(quotes_of(text)) == ["Ivo Marek"]


def test_a_closing_mark_printed_as_an_opening_one_still_closes():
    text = ("“It is estimated that 3,000 more troops were sent,“ the staff said. It warned that “these "
            "numbers could increase“.")
    assert quoted(text) == ["It is estimated that 3,000 more troops were sent", "these numbers could increase"]


# ------------------------------------------------------------------- unnamed speakers, headlines
CAPTIVE_VIDEO = (
    "‘I want to stay here’: Marten posts video of captured soldiers\n"
    "President Ilse Marten released a video on Sunday showing two captured Norlandic soldiers.\n"
    "When asked if they knew they would fight, one of the soldiers shook his head.\n"
    "\"They said it would be training,\" said the soldier. He added that he had been there since May. "
    "\"I came, saw friends die and then I was hurt.\"\n"
    "When asked if he wanted to go back, he replied, “Are the people here good?” After a pause, "
    "he said, \"I want to stay here.\"\n"
    "When asked, \"Do you want to return home?\" he looked down in silence.\n"
    "\"We are ready to exchange them,\" Marten said in her post."
)


def test_he_after_a_description_that_just_spoke_is_that_description(quotes_of):
    # the soldier is never named; "he" is not the president named before him
    quotes = quotes_of(CAPTIVE_VIDEO).set_index("text")
    assert quotes.loc["I came, saw friends die and then I was hurt", "speaker"] == "unnamed soldier"
    # and a quoted sentence between "He added" and the next "he" does not break the chain
    assert quotes.loc["Are the people here good?", "speaker"] == "unnamed soldier"


def test_a_question_put_by_nobody_named_has_no_speaker(quotes_of):
    quotes = quotes_of(CAPTIVE_VIDEO).set_index("text")
    assert quotes.loc["Do you want to return home?", "speaker"] == ""
    assert quotes.loc["We are ready to exchange them", "speaker"] == "Ilse Marten"


def test_a_headline_quote_takes_the_speaker_the_story_gives_its_words(quotes_of):
    # the headline's colon credits the poster of the video; the story says who spoke the words
    quotes = quotes_of(CAPTIVE_VIDEO)
    assert quotes["speaker"].iloc[0] == "unnamed soldier"
    assert quotes["text"].iloc[0] == "I want to stay here"


def test_one_headline_word_inside_one_speakers_longer_quote_is_theirs(quotes_of):
    text = (
        "Norlandic, Ruritanian leaders trade greetings hailing their ‘precious’ ties.\n"
        "In his message, Norlandic President Arvo Lind called the relations a “precious common asset "
        "for generations”.\n"
        "Ruritanian President Ivo Tamm praised the “heroic” soldiers."
    )
    assert speakers(quotes_of(text)) == ["Arvo Lind", "Arvo Lind", "Ivo Tamm"]


def test_a_role_in_the_standfirst_is_the_person_who_says_the_same_words_below(quotes_of):
    text = (
        "Norland fought Ruritanian troops for the first time, minister says\n"
        "“We expect more clashes in the coming weeks,” Norland’s defense minister adds.\n"
        "Norland’s army battled Ruritanian troops on Tuesday, Norland’s defense minister confirmed.\n"
        "Ivo Tamm said there were “small-scale clashes” near the border.\n"
        "“We expect more clashes in the coming weeks,” he added."
    )
    assert speakers(quotes_of(text)) == ["Ivo Tamm"] * 3


def test_a_crosshead_whose_words_the_section_never_uses_credits_nobody(quotes_of):
    text = (
        "Aid groups said the closure was a disaster.\n"
        "- 'BRUTAL' WINTER -\n"
        "\"The roads are closed,\" spokesman Arvo Lind told reporters.\n"
    )
    assert speakers(quotes_of(text)) == ["", "Arvo Lind"]


def test_a_crosshead_whose_words_the_section_uses_is_the_sections_speaker(quotes_of):
    text = (
        "Aid groups said the closure was a disaster.\n"
        "- 'BRAVE' CREWS -\n"
        "\"The crews worked bravely all night,\" spokesman Arvo Lind told reporters.\n"
    )
    assert speakers(quotes_of(text)) == ["Arvo Lind", "Arvo Lind"]


def test_reaffirming_a_commitment_in_quoted_words_is_the_reaffirmers_quote(quotes_of):
    text = ("During the meeting, Lind reaffirmed his government's commitment to \"unconditional support of "
            "all measures\" that Norland is taking, the Oslo Daily reported, citing state media.")
    assert speakers(quotes_of(text)) == ["Lind"]


def test_an_unnamed_officials_body_is_printed_as_the_text_prints_it(quotes_of):
    text = "An official from Norland's intelligence agency said the troops had been \"redeployed\"."
    assert speakers(quotes_of(text)) == ["unnamed official (Norland's intelligence agency)"]
