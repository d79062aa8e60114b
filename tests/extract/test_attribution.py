"""Who says it: one small text per attribution pattern, with invented names and places."""

from __future__ import annotations

import pytest

from sitrep.article import Article
from sitrep.extract.attribution import ArticleContext, Source
from sitrep.names import NameBook


@pytest.fixture()
def source_of(nlp):
    """Source of the first occurrence of ``words`` in ``text``."""

    def run(text: str, words: str) -> Source | None:
        doc = nlp(text)
        ctx = ArticleContext(doc, Article(article_id="t", text=text), NameBook())
        start = text.index(words)
        return ctx.source_of_span(start, start + len(words))

    return run


def speaker(source: Source | None) -> str | None:
    return source.name if source else None


def test_subject_of_the_cue_verb_after_the_quote(source_of):
    text = "“Moscow must stop the shelling,” Ilse Marten told reporters in Berlin."
    found = source_of(text, "Moscow must stop the shelling")
    assert (found.name, found.cue, found.kind) == ("Ilse Marten", "tell", "person")


def test_inverted_said_name(source_of):
    text = "“It is about showing that they can,” said Juha Lindqvist, a researcher in Helsinki."
    assert speaker(source_of(text, "It is about showing")) == "Juha Lindqvist"


def test_cue_subject_wins_over_a_name_inside_the_quote(source_of):
    text = "“Warsaw will answer,” Foreign Minister Tomasz Wrona said."
    found = source_of(text, "Warsaw will answer")
    assert found.name == "Tomasz Wrona"
    assert found.country == ""  # the place inside the quote is not his affiliation


def test_possessive_country_and_title_are_dropped_from_the_name(source_of):
    text = "Poland’s Deputy Foreign Minister Adam Brzeg said the talks were “over”."
    found = source_of(text, "over")
    assert (found.name, found.country) == ("Adam Brzeg", "Poland")
    assert found.raw == "Poland’s Deputy Foreign Minister Adam Brzeg"


def test_according_to(source_of):
    text = "The plant remains “extremely fragile”, according to the International Atomic Energy Agency."
    found = source_of(text, "extremely fragile")
    assert (found.name, found.cue) == ("International Atomic Energy Agency", "according_to")


def test_colon_after_a_cue_verb(source_of):
    text = "Kremlin spokesman Dmitry Orlov told reporters: “This would mean direct involvement.”"
    found = source_of(text, "This would mean direct involvement")
    assert found.name == "Dmitry Orlov"


def test_colon_after_a_bare_name_in_a_headline(source_of):
    text = "Lind: “We will not remain idle”\nPresident Maja Lind spoke in Oslo on Monday."
    assert speaker(source_of(text, "We will not remain idle")) == "Maja Lind"


def test_dash_attribution(source_of):
    text = (
        "“Russia must understand that its threats will not divide us.” — Polish Foreign Minister Tomasz Wrona"
    )
    found = source_of(text, "Russia must understand that its threats will not divide us")
    assert (found.name, found.cue, found.country) == ("Tomasz Wrona", "dash", "Poland")


def test_appositive_between_subject_and_verb(source_of):
    text = "Ilse Marten, head of Germany’s Federal Police, said the border was “under control”."
    found = source_of(text, "under control")
    assert (found.name, found.country) == ("Ilse Marten", "Germany")


def test_title_with_the_name_in_apposition(source_of):
    text = "The French Deputy Ambassador to the U.N., Paul Girard, called the vote “a mistake”."
    found = source_of(text, "a mistake")
    assert (found.name, found.country) == ("Paul Girard", "France")


def test_pronoun_resolves_to_the_last_named_person(source_of):
    text = (
        "Deputy Foreign Minister Ivan Sorokin spoke to the agency Interfax on Sunday. "
        "He added, “We will respond in every way that we find necessary.”"
    )
    found = source_of(text, "We will respond")
    assert (found.name, found.raw, found.cue) == ("Ivan Sorokin", "He", "add")


def test_definite_description_prefers_a_person_of_the_same_country(source_of):
    text = (
        "Vice Foreign Minister Eero Salo of Finland met Russia’s ambassador, Pavel Kirov, on Monday. "
        "The Finnish official called the incursion a “grave violation”."
    )
    found = source_of(text, "grave violation")
    assert found.name == "Eero Salo"


def test_description_by_title(source_of):
    text = (
        "Ukrainian President Olena Hrytsenko met the Finnish premier, Aino Virta, in Kyiv. "
        "Later the president said: “Every week of delay costs lives.”"
    )
    assert speaker(source_of(text, "Every week of delay")) == "Olena Hrytsenko"


def test_headline_role_resolves_to_the_person_the_body_names(source_of):
    text = (
        "Sweden ‘will not be intimidated’, says defence minister\n"
        "Sweden will not be intimidated, Defence Minister Karl Strand said on Monday."
    )
    assert speaker(source_of(text, "will not be intimidated")) == "Karl Strand"


def test_unnamed_person_keeps_a_role_label(source_of):
    text = "At a U.N. session, a Belarusian diplomat rejected the reports as “baseless rumors”."
    found = source_of(text, "baseless rumors")
    assert (found.name, found.kind, found.country) == ("unnamed Belarusian diplomat", "role", "Belarus")


def test_role_label_keeps_where_the_person_works(source_of):
    text = "An unnamed senior official from the presidential office described the plan as “fragile”."
    assert speaker(source_of(text, "fragile")) == "unnamed senior official (presidential office)"


def test_one_of_several_people(source_of):
    text = "“There is no trust left,” one of the diplomats said."
    assert speaker(source_of(text, "There is no trust left")) == "unnamed diplomat"


def test_generic_plural_credited_to_the_body_its_sentence_names(source_of):
    text = (
        "After an emergency meeting of the Defence Council, Polish officials condemned the strike, "
        "labeling it “a deliberate provocation”."
    )
    found = source_of(text, "a deliberate provocation")
    assert (found.name, found.raw, found.country) == (
        "Defence Council (Poland)",
        "Polish officials",
        "Poland",
    )


def test_generic_plural_without_a_body_stays_as_written(source_of):
    text = "Polish officials called the strike “a deliberate provocation”."
    assert speaker(source_of(text, "a deliberate provocation")) == "Polish officials"


def test_they_resolves_to_the_plural_subject_before(source_of):
    text = (
        "Latvian authorities have denounced the deployment of foreign soldiers near the border. "
        "They have labeled the neighbouring regime a “criminal syndicate”."
    )
    found = source_of(text, "criminal syndicate")
    assert (found.name, found.raw) == ("Latvian government", "They")


def test_passive_agent(source_of):
    text = "The reports were dismissed by a Syrian diplomat as “stereotypical rumors” on Friday."
    assert speaker(source_of(text, "stereotypical rumors")) == "unnamed Syrian diplomat"


def test_participle_shares_the_main_clause_subject(source_of):
    text = (
        "Sofia Brandt, the sister of the prime minister, has criticized the rivals, calling them “lunatics”."
    )
    found = source_of(text, "lunatics")
    assert (found.name, found.cue) == ("Sofia Brandt", "call")


def test_participle_after_a_reported_clause_belongs_to_the_reporter(source_of):
    text = "A police spokesman said officers had arrested 14 people, calling the violence “criminal”."
    assert speaker(source_of(text, "criminal")) == "unnamed police spokesman"


def test_climbs_through_verbs_that_report_nothing(source_of):
    text = (
        "A senior official suggested Japan is exploring options to provide the coast guard with "
        "“ships for patrol and rescue,” a move the opposition leader Kenji Mori has called a “gamble”."
    )
    assert speaker(source_of(text, "ships for patrol and rescue")) == "unnamed senior official"
    assert speaker(source_of(text, "gamble")) == "Kenji Mori"


def test_statement_from_a_body(source_of):
    text = "A statement from the General Staff called the counteroffensive “a success” on Sunday."
    assert speaker(source_of(text, "a success")) == "General Staff"


def test_nobody_credited_gives_none(source_of):
    text = "The banner read “peace now” in three languages."
    assert source_of(text, "peace now") is None


def test_resolve_np_resolves_pronouns(nlp):
    text = "Defence Minister Karl Strand visited the base. He inspected the new radar."
    doc = nlp(text)
    ctx = ArticleContext(doc, Article(article_id="t", text=text), NameBook())
    he = next(t for t in doc if t.text == "He")
    found = ctx.resolve_np(doc[he.i : he.i + 1])
    assert (found.name, found.kind) == ("Karl Strand", "person")


def test_coordinated_places_speak_together_as_countries(source_of):
    text = "Moscow and Minsk pledged to defend each other’s “sovereignty and security”."
    found = source_of(text, "sovereignty and security")
    assert (found.name, found.raw) == ("Russia and Belarus", "Moscow and Minsk")


def test_a_body_named_with_of(source_of):
    text = "The Ministry of Foreign Affairs said the visit was “postponed indefinitely”."
    assert speaker(source_of(text, "postponed indefinitely")) == "Ministry of Foreign Affairs"


def test_the_articles_own_acronym_is_expanded(source_of):
    text = (
        "The Joint Operations Command (JOC) reported heavy fighting on Monday.\n"
        "The JOC said the enemy had “suffered serious losses”."
    )
    assert speaker(source_of(text, "suffered serious losses")) == "Joint Operations Command"


def test_a_document_speaks_for_its_author(source_of):
    text = "A report posted on X by the Ministry of Defence stated that “the front is stable.”"
    found = source_of(text, "the front is stable")
    assert (found.name, found.cue) == ("Ministry of Defence", "state")


def test_a_document_without_an_author_credits_nobody(source_of):
    text = "According to the agreement, the two sides will “cooperate on security”."
    assert source_of(text, "cooperate on security") is None


def test_quoted_as_saying_credits_the_object(source_of):
    text = "“The line will hold,” the agency quoted General Ivar Lunde as saying."
    assert speaker(source_of(text, "The line will hold")) == "Ivar Lunde"


def test_speaker_named_right_after_the_quote_when_the_parse_hangs_it_elsewhere(source_of):
    text = (
        "“These are regular units. They have the right documents,” Taras Melnyk, the chief of "
        "the General Staff, was quoted as saying."
    )
    assert (
        speaker(source_of(text, "These are regular units. They have the right documents")) == "Taras Melnyk"
    )


def test_according_to_on_the_quoted_words_beats_the_relaying_outlet(source_of):
    text = (
        "The secretary urged calm, Karen Holt said in a statement.\n"
        'Ortiz also "discussed how escalation is in no one\'s interest," according to the spokesman, '
        "Interfax reported."
    )
    found = source_of(text, "discussed how escalation is in no one's interest")
    assert found.name == "Karen Holt"


def test_colon_glued_to_the_quote(source_of):
    text = "Foreign Minister Lea Brandt spoke in Riga. She added:“We remember the talks of 2022.”"
    assert speaker(source_of(text, "We remember the talks of 2022")) == "Lea Brandt"


def test_title_running_into_a_name_is_not_a_separate_unnamed_role(source_of):
    text = (
        "This was stated by French Minister for Europe and Foreign Affairs Jean Morel in Kyiv.\n"
        "“Talks cannot take place under bombs,” the French foreign minister emphasized."
    )
    found = source_of(text, "Talks cannot take place under bombs")
    assert (found.name, found.country) == ("Jean Morel", "France")


def test_apposition_keeps_title_and_name_as_written(source_of):
    text = "The foreign secretary, Hannah Cole, said Britain would not accept ‘business as usual’."
    found = source_of(text, "business as usual")
    assert (found.name, found.raw) == ("Hannah Cole", "The foreign secretary, Hannah Cole")


def test_officials_of_a_named_body(source_of):
    text = "Officials at the Federal Security Service called the raid “a provocation”."
    assert speaker(source_of(text, "a provocation")) == "Federal Security Service"


def test_officials_are_not_credited_to_a_body_of_another_country(source_of):
    text = "After talks with the Kremlin, Polish officials called the offer “unacceptable”."
    assert speaker(source_of(text, "unacceptable")) == "Polish officials"


def test_a_known_name_the_tagger_calls_a_common_noun(source_of):
    text = (
        "President Volodymyr Zelenskyy spoke in Brussels.\n"
        'Zelenskyy said this was "what is happening every day" in Ukraine.'
    )
    assert speaker(source_of(text, "what is happening every day")) == "Volodymyr Zelensky"


def test_he_follows_the_topic_not_the_last_person_mentioned(source_of):
    text = (
        "Zelenskyy said this was a turning point.\n"
        "He thanked Chancellor Olaf Scholz for the new Patriot missiles.\n"
        'He also asked for "everything that helps hold the front line."'
    )
    assert speaker(source_of(text, "everything that helps hold the front line")) == "Volodymyr Zelensky"


def test_headline_name_and_colon_credit_the_headline_quote(source_of):
    text = "Lind: Oslo showed Norway's 'real need' is air defence\nPresident Maja Lind spoke on Monday."
    assert speaker(source_of(text, "real need")) == "Maja Lind"


def test_an_outlet_named_after_a_country_is_not_a_person_or_the_country(source_of):
    text = "Citing the army chief, RBC Ukraine on Sunday reported that the strike was “a success”."
    found = source_of(text, "a success")
    assert (found.name, found.kind) == ("RBC Ukraine", "body")


def test_words_inside_someones_remark_are_that_persons(source_of):
    text = (
        "Commenting on Foreign Minister Eva Lindgren's remark that the report should be "
        "“divided in two,” Peskov noted that Moscow disagreed."
    )
    found = source_of(text, "divided in two")
    assert (found.name, found.raw, found.cue) == ("Eva Lindgren", "Foreign Minister Eva Lindgren", "remark")


def test_headline_quote_then_colon_then_speaker(source_of):
    text = "“We will win”: Lind vows to retake the coast\nPresident Maja Lind spoke on Monday."
    assert speaker(source_of(text, "We will win")) == "Maja Lind"


def test_lowercase_body_refers_back_to_the_named_body(source_of):
    text = (
        "The opposition has won, the Ministry of Foreign Affairs said on Monday.\n"
        "“Voting proceeded smoothly and peacefully,” the foreign ministry said."
    )
    assert (
        speaker(source_of(text, "Voting proceeded smoothly and peacefully")) == "Ministry of Foreign Affairs"
    )


def test_a_surname_the_tagger_reads_as_a_modal(source_of):
    text = (
        "“Get water and flashlights,” said Bryan May, a spokesperson for the agency.\n"
        "“We know when it started. We don't know when it's going to end,” May said."
    )
    assert (
        speaker(source_of(text, "We know when it started. We don't know when it's going to end"))
        == "Bryan May"
    )


def test_alias_table_names_a_common_noun_body(nlp, tmp_path):
    from sitrep.names import load_aliases

    extra = tmp_path / "aliases.csv"
    extra.write_text(
        "alias,canonical,country\nEstonian spy agency,Estonian Foreign Intelligence Service,Estonia\n"
    )
    text = "Estonia’s spy agency said the drones were “a deliberate test”."
    doc = nlp(text)
    names = NameBook(load_aliases(extra))
    ctx = ArticleContext(doc, Article(article_id="t", text=text), names)
    start = text.index("a deliberate test")
    found = ctx.source_of_span(start, start + len("a deliberate test"))
    assert (found.name, found.kind) == ("Estonian Foreign Intelligence Service", "body")


def test_intelligence_as_a_body(source_of):
    text = "Latvian military intelligence said the unit was “ready for combat”."
    assert speaker(source_of(text, "ready for combat")) == "Latvian military intelligence"


def test_the_agency_is_the_body_the_last_sentences_were_about(source_of):
    text = (
        "Estonia’s spy agency briefed lawmakers on Monday.\n"
        "A lawmaker said the Foreign Intelligence Service had new evidence.\n"
        "The Foreign Intelligence Service said the drones came from the east. "
        "“They flew low,” he quoted the agency as saying."
    )
    assert speaker(source_of(text, "They flew low")) == "Foreign Intelligence Service"


def test_name_hung_on_the_last_noun_of_the_title(source_of):
    text = (
        "A spokesperson for the State Department, Matthew Kerr, told reporters the troops were “fair game”."
    )
    found = source_of(text, "fair game")
    assert (found.name, found.kind) == ("Matthew Kerr", "person")


def test_hyphenated_name_the_tagger_cuts_up(source_of):
    text = (
        "Lee Do-han, Senior Secretary for Public Communication, stated that the reports were false.\n"
        'He explained, "We continuously observed the site."'
    )
    found = source_of(text, "We continuously observed the site")
    assert found.name == "Lee Do-han"


def test_adding_after_a_quote_continues_the_sentences_speaker(source_of):
    text = (
        'A senior presidential official said, "This is the first time I have heard it. If contact had been '
        'received, the office would have shared it," adding, "We understand that there is no such fact."'
    )
    assert (
        speaker(source_of(text, "We understand that there is no such fact"))
        == "unnamed senior presidential official"
    )


def test_the_ministry_is_never_a_country(source_of):
    text = (
        "Finland and Sweden opened a hotline on Wednesday.\n"
        'The first call "checked technical issues of the line," the ministry said.'
    )
    found = source_of(text, "checked technical issues of the line")
    assert found is None or "government" not in found.name


def test_he_is_the_main_clause_speaker_not_a_name_in_the_reported_clause(source_of):
    text = (
        "Another presidential official said Moon was maintaining a hard line. "
        '"It is an impossible story," he said.'
    )
    assert speaker(source_of(text, "It is an impossible story")) == "unnamed presidential official"


def test_an_agreement_does_not_speak_for_its_signatories(source_of):
    text = "According to the agreement signed by Lind and Berg, the two countries will “cooperate closely”."
    assert source_of(text, "cooperate closely") is None


def test_a_portfolio_is_not_the_speakers_country(source_of):
    text = (
        "Kim Jong-gyu, vice foreign minister in charge of Russian affairs, said the move would be "
        "“an act conforming with international law”."
    )
    found = source_of(text, "an act conforming with international law")
    assert (found.name, found.country) == ("Kim Jong-gyu", "")


def test_one_of_a_countrys_representatives(source_of):
    text = "One of Belarus’s United Nations representatives dismissed the claims as a “groundless rumor.”"
    found = source_of(text, "groundless rumor")
    assert (found.name, found.country) == ("unnamed United Nations representative", "Belarus")


def test_long_form_of_an_aliased_acronym(source_of):
    text = "The Democratic People's Republic of Korea (DPRK) said the report was “a fabrication”."
    assert speaker(source_of(text, "a fabrication")) == "North Korean government"


def test_a_countrys_spy_agency_is_its_one_intelligence_service_in_the_alias_table(nlp, tmp_path):
    from sitrep.names import load_aliases

    extra = tmp_path / "aliases.csv"
    extra.write_text("alias,canonical,country\nKAPO,Estonian Internal Security Service Intelligence,Estonia\n")
    text = "Estonia’s spy agency said the drones were “a deliberate test”."
    doc = nlp(text)
    ctx = ArticleContext(doc, Article(article_id="t", text=text), NameBook(load_aliases(extra)))
    start = text.index("a deliberate test")
    found = ctx.source_of_span(start, start + len("a deliberate test"))
    assert found.name == "Estonian Internal Security Service Intelligence"


# ------------------------------------------------------------------ resolve_np: descriptions
@pytest.fixture()
def resolve(nlp):
    """resolve_np of the noun phrase ending at the last occurrence of ``head`` in ``text``."""

    def run(text: str, head: str) -> Source:
        doc = nlp(text)
        ctx = ArticleContext(doc, Article(article_id="t", text=text), NameBook())
        token = [t for t in doc if t.text == head][-1]
        return ctx.resolve_np(doc[token.left_edge.i : token.i + 1])

    return run


@pytest.mark.parametrize(
    ("text", "head", "not_expected"),
    [
        (
            "About 20 soldiers were killed in the raid. The Latvian Defence Minister warned on "
            "March 3 that more raids would follow.",
            "Minister",
            "20 soldiers",
        ),
        (
            "An unnamed minister said the talks had failed. The army chief said the units were ready.",
            "chief",
            "unnamed minister",
        ),
        (
            "Estonian President Mari Kask met the delegation. The defence minister said the drills "
            "would go on.",
            "minister",
            "Mari Kask",
        ),
        (
            "Chilean Foreign Minister Pablo Ruiz arrived on Monday. The interior minister said the "
            "border would stay open.",
            "minister",
            "Pablo Ruiz",
        ),
        (
            "Three hundred reservists joined the brigade. The Moldovan army commander said training "
            "would take a month.",
            "commander",
            "Three hundred reservists",
        ),
    ],
)
def test_titled_description_never_takes_another_role_or_a_number(resolve, text, head, not_expected):
    found = resolve(text, head)
    assert found.name != not_expected
    assert found.kind == "role" and found.name.startswith("unnamed")


def test_titled_description_takes_the_person_with_that_title(resolve):
    text = (
        "Foreign Minister Pablo Ruiz met Defence Minister Ana Vidal in Lima. "
        "The defence minister said the purchase was approved."
    )
    assert resolve(text, "minister").name == "Ana Vidal"


def test_loose_description_takes_the_titled_person_named_before(resolve):
    text = "Deputy Foreign Minister Oskar Brandt spoke in Oslo. The official said talks would resume."
    assert resolve(text, "official").name == "Oskar Brandt"


@pytest.mark.parametrize(
    "text",
    [
        "The ceasefire began in March 2025. It was broken within hours, the monitors said.",
        "Talks resumed on Tuesday. It was the first meeting in a year, diplomats said.",
        "Prices rose 40 percent last year. It hurt farmers most, the bank said.",
    ],
)
def test_it_never_resolves_to_a_date_or_a_number(resolve, text):
    found = resolve(text, "It")
    assert not any(ch.isdigit() for ch in found.name)
    assert found.name not in {"Tuesday", "March 2025", "last year"}


@pytest.mark.parametrize(
    ("text", "head", "expected"),
    [
        (
            "South Korean President Han Do-yun met the envoy. Han's administration condemned the "
            "launch on Tuesday.",
            "administration",
            "South Korean government",
        ),
        (
            "Polish President Marek Sowa visited Kyiv. Sowa's government pledged more aid.",
            "government",
            "Polish government",
        ),
    ],
)
def test_a_leaders_administration_is_their_countrys_government(resolve, text, head, expected):
    assert resolve(text, head).name == expected


@pytest.mark.parametrize(
    "text",
    [
        "Estonian President Mari Kask met Latvian President Juris Ozols in Riga. According to the "
        "agreement signed by Kask and Ozols, the two countries will “cooperate closely”.",
        "The treaty between Estonia and Latvia says the two countries will “cooperate closely”.",
    ],
)
def test_an_agreement_speaks_for_the_countries_that_are_its_parties(source_of, text):
    found = source_of(text, "cooperate closely")
    assert found is not None and found.name == "Estonia and Latvia"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A report posted by the UK Ministry of Defence said losses were high.\n"
            "The UK cited the losses as the result of “costly frontal assaults”.",
            "UK Ministry of Defence",
        ),
        # no body of that country spoke before: the country is its government
        ("The UK cited the losses as the result of “costly frontal assaults”.", "UK government"),
    ],
)
def test_a_country_as_speaker_stands_for_its_body_named_just_before(nlp, text, expected):
    from sitrep.names import load_aliases

    doc = nlp(text)
    ctx = ArticleContext(doc, Article(article_id="t", text=text), NameBook(load_aliases()))
    start = text.index("costly frontal assaults")
    assert ctx.source_of_span(start, start + len("costly frontal assaults")).name == expected


def test_its_spokesman_keeps_the_body_the_pronoun_stands_for(source_of):
    text = "The Chilean Foreign Ministry did not deny the reports. Its spokesman said the talks were “over”."
    assert speaker(source_of(text, "over")) == "unnamed spokesman (Chilean Foreign Ministry)"


@pytest.mark.parametrize(
    "follow_up",
    [
        "The document contains an article stating that “each party will assist the other.”",
        "The treaty also says the two sides will “consult regularly.”",
    ],
)
def test_the_document_refers_back_to_an_agreement_with_named_parties(source_of, follow_up):
    text = (
        "Estonian President Mari Kask and Latvian President Juris Ozols signed a defence pact.\n"
        "According to the agreement signed by Kask and Ozols, the two countries will hold joint drills.\n"
        + follow_up
    )
    quoted = follow_up.split("“")[1].rstrip(".”")
    found = source_of(text, quoted)
    assert found is not None and found.name == "Estonia and Latvia"


def test_the_document_with_no_agreement_before_credits_nobody(source_of):
    text = "The document contains an article stating that “each party will assist the other.”"
    assert source_of(text, "each party will assist the other") is None


@pytest.mark.parametrize(
    ("text", "quote", "expected"),
    [
        ("Ms Anna Kowalczyk met Mr Tomasz Nowak in Warsaw. Nowak announced new aid. "
         "“We are ready to help,” she said.", "We are ready to help", "Anna Kowalczyk"),
        ("Spokesman Karl Vogt answered questions after Chancellor Olga Berg arrived. Ms Berg was tired.\n"
         "“Nothing has changed,” he said.", "Nothing has changed", "Karl Vogt"),
    ],
)
def test_a_pronoun_skips_a_person_the_text_shows_is_of_the_other_gender(source_of, text, quote, expected):
    assert speaker(source_of(text, quote)) == expected


def test_a_word_of_a_name_is_no_gender_title(source_of):
    # "Son" here is part of her name, not a kinship noun that would make her a "he"
    text = (
        "During her meeting with Foreign Minister Ivo Tamm, Ri Son Hui stated that Arvo Lind had "
        "directed her to offer support to the army. She affirmed that Norland would \"stand firmly "
        "with its comrades.\""
    )
    assert speaker(source_of(text, "stand firmly with its comrades")) == "Ri Son Hui"


def test_his_and_her_show_a_persons_gender(source_of):
    # no title says who is who; "her counterpart" and "his team" do
    text = (
        "Ri Son Gil declared in Oslo after talks with her counterpart Arvo Lind. Lind said his team "
        "was ready. \"We agree on everything,\" she said."
    )
    assert speaker(source_of(text, "We agree on everything")) == "Ri Son Gil"


def test_a_countrys_own_person_is_named_in_full(source_of):
    # the small model tags no person here; the possessive country and the name's shape do
    text = "Finland's Choe Myong Hui is on a visit to Oslo. \"We will stand by you,\" Choe said."
    assert speaker(source_of(text, "We will stand by you")) == "Choe Myong Hui"


def test_a_view_in_a_reported_clause_is_the_reporters_label(source_of):
    text = ("Oslo and Norland have regarded the conscripts as “expendable” and have ordered them to "
            "attack, Ivo Tamm said.")
    assert speaker(source_of(text, "expendable")) == "Ivo Tamm"


def test_a_view_reported_through_an_impersonal_clause_is_the_reporters_label(source_of):
    text = ("Ivo Tamm said it was “clear” that Norlandic military leaders saw the troops as "
            "“expendable” and were “ordering them on hopeless assaults.”")
    found = source_of(text, "expendable")
    assert (found.name, found.raw) == ("Ivo Tamm", "Ivo Tamm")


def test_a_view_in_a_main_clause_is_the_viewers_label(source_of):
    text = "Arvo Lind said on Monday that the strike was unacceptable. Norland regards the pact as “a threat.”"
    assert speaker(source_of(text, "a threat")) == "Norland"


@pytest.mark.parametrize(
    ("text", "quote", "expected"),
    [
        ("When Arvo Lind met with Ivo Tamm in Oslo, the two sides said they wanted “closer ties”.",
         "closer ties", "Arvo Lind and Ivo Tamm"),
        ("Finland held talks with Sweden on Monday. Both sides said the pact was “a milestone”.",
         "a milestone", "Finland and Sweden"),
        ("Arvo Lind also held discussions in Oslo on Monday with Foreign Minister Ivo Tamm.\n"
         "According to the foreign ministry, both ministers agreed that tensions stem from “aggressive "
         "actions”.", "aggressive actions", "Arvo Lind and Ivo Tamm"),
    ],
)
def test_the_two_sides_of_a_meeting_are_its_parties(source_of, text, quote, expected):
    assert speaker(source_of(text, quote)) == expected


def test_the_two_sides_with_no_meeting_named_stay_a_description(source_of):
    text = "The two sides said they wanted “closer ties”."
    assert " and " not in speaker(source_of(text, "closer ties"))


def test_the_leadership_is_that_of_the_leader_just_named(source_of):
    text = ("State media on Friday released images of Finnish President Arvo Lind kneeling before portraits.\n"
            "The ceremony showed Lind presenting medals as the leadership hailed them as “heroes”.")
    assert speaker(source_of(text, "heroes")) == "Finnish leadership"


def test_a_speech_verb_in_a_reported_plan_is_not_the_speaker(source_of):
    text = "The country's top diplomat, Cho Min-ho, said Seoul would respond “step by step.”"
    assert speaker(source_of(text, "step by step")) == "Cho Min-ho"



def test_a_text_that_reads_speaks_for_its_writer(source_of):
    text = (
        "Senator Ada Korhonen sent a letter to the prime minister on Monday.\n"
        "“Your government must act now,” the letter reads."
    )
    assert speaker(source_of(text, "Your government must act now")) == "Ada Korhonen"


def test_subject_the_parser_made_the_root_of_a_clause(source_of):
    text = (
        "Ambassador Ivo Petrenko, who requested the meeting, refrained from mentioning the "
        "convoy and instead claimed that “the border is calm.”"
    )
    assert speaker(source_of(text, "the border is calm")) == "Ivo Petrenko"


def test_a_qualified_body_is_not_another_body_named_nearby(source_of):
    text = (
        "A Norlandic delegation visiting Brussels briefed officials on the findings.\n"
        "The talks covered the “grave situation” in the north, the presidential office said."
    )
    found = source_of(text, "grave situation")
    assert found is not None and "delegation" not in found.name
    assert found.name.endswith("presidential office")


def test_a_surname_spelled_another_way_is_the_person_named_in_full(source_of):
    text = (
        "Source: Rivne Daily, citing Foreign Ministry spokesman Mykola Sorokyi on a live stream.\n"
        "Details: Sorokii described the admission as \"very telling\", as both regimes had denied it."
    )
    assert speaker(source_of(text, "very telling")) == "Mykola Sorokyi"


def test_names_given_after_surnamed_are_people_however_the_parser_hangs_it(source_of):
    # the small model tags the first "Bo" a nationality and the second nothing
    text = (
        "The daily Nordic Herald published a pair of interviews with two Norlandic POWs, surnamed Bo "
        "and Vang, on Wednesday and Thursday.\n"
        "In Wednesday's interview, Bo said he had trained for three months.\n"
        "“I want to go home,” he said."
    )
    assert speaker(source_of(text, "I want to go home")) == "Bo"


def test_an_outlet_that_labels_a_thing_speaks_its_label(source_of):
    text = (
        "Both sides pledged to develop what Norlandic state media described as "
        "\"a partnership of iron and steel.\""
    )
    found = source_of(text, "a partnership of iron and steel")
    assert found is not None and found.name == "Norlandic state media"


def test_the_parties_a_treaty_binds_speak_through_its_words(source_of):
    text = (
        "Finland's parliament on Thursday voted to endorse the treaty that commits Helsinki and "
        "Tallinn to providing “mutual defence” if either side is attacked."
    )
    assert speaker(source_of(text, "mutual defence")) == "Finland and Estonia"


@pytest.mark.parametrize(
    ("text", "quote", "expected"),
    [
        ("Kremlin spokesman Dmitri Lavin spoke on Monday.\n"
         "The spokesperson, who declined to be named, said the move was “unacceptable and reckless.”",
         "unacceptable and reckless", "unnamed spokesperson"),
        ("Norland’s Defence Minister Anna Berg visited the base on Monday.\n"
         "“It is a clear provocation,” the official, speaking on condition of anonymity, told AFP.",
         "It is a clear provocation", "unnamed official"),
    ],
)
def test_a_description_the_text_leaves_unnamed_is_nobody_named_before(source_of, text, quote, expected):
    found = source_of(text, quote)
    assert (found.name, found.kind) == (expected, "role")


def test_an_office_named_by_its_holder_keeps_the_possessive(source_of):
    text = "The president’s office said in a statement that it “strongly condemns” the shelling."
    assert speaker(source_of(text, "strongly condemns")) == "president’s office"


@pytest.mark.parametrize(
    ("text", "quote", "expected"),
    [
        # an owner the place table does not know stays the owner; "in London" is where, not whose
        ("Chile’s embassy in London said it was “alarmed.”", "alarmed", "Chile’s embassy"),
        ("Chile’s embassy in London said it was “alarmed.”\nThe embassy of Peru in Berlin said it was “shocked.”",
         "shocked", "embassy of Peru"),
        ("The embassy of Finland in Rome said it was “sad.”", "sad", "Finnish embassy"),
    ],
)
def test_an_embassy_belongs_to_its_owner_not_to_the_city_it_is_in(source_of, text, quote, expected):
    assert speaker(source_of(text, quote)) == expected


@pytest.mark.parametrize(
    ("text", "quote", "expected"),
    [
        ("The governor, Alexei Smirnov, wrote on Telegram that the attack had caused “significant damage.”\n"
         "Reporting from Kyiv, Al Jazeera’s John Hall said residents were “exhausted.”", "exhausted", "John Hall"),
        ("Moroz, in a video address: “We will not give up a single metre.”",
         "We will not give up a single metre", "Moroz"),
        ("President Ivan Moroz, speaking in Lviv on Monday: “We will stand.”", "We will stand", "Ivan Moroz"),
        ("In Lind’s words, the troops had fought “heroically.”", "heroically", "Lind"),
        ("As Ruud put it, the deployment was “a game changer.”", "a game changer", "Ruud"),
    ],
)
def test_speakers_framed_beside_the_quote(source_of, text, quote, expected):
    assert speaker(source_of(text, quote)) == expected


def test_the_source_is_never_someone_the_story_named(source_of):
    text = (
        "The governor, Alexei Smirnov, wrote on Telegram that the attack had caused heavy damage.\n"
        "“This is the first time,” the source said."
    )
    found = source_of(text, "This is the first time")
    assert (found.name, found.kind) == ("unnamed source", "role")


def test_it_that_speaks_again_is_not_the_subject_of_the_words_reported(source_of):
    text = ("Norland's spy agency said on Wednesday that Belarus had sent more troops. "
            "It added that the units were “badly trained.”")
    assert speaker(source_of(text, "badly trained")) == "Norland's spy agency"


def test_they_is_the_topic_of_the_sentence_before(source_of):
    text = ("Norland's spy agency said on Wednesday that 300 soldiers had been killed. "
            "Ukrainian officials put the toll higher. They said the losses were “catastrophic.”")
    assert speaker(source_of(text, "catastrophic")) == "Ukrainian officials"


def test_a_shared_surname_is_the_person_named_most_recently_before_it(source_of):
    text = (
        "Norland's leader Choe Min Ho made a rare visit to the embassy on Friday.\n"
        "Choe said the two countries shared an \"invincible alliance\", state media reported.\n"
        "In Oslo, the prime minister embraced Choe Dal Su, a general who oversees the deployment. "
        "Choe is subject to sanctions.\n"
        "Choe responded by thanking him for his \"high evaluation.\""
    )
    assert speaker(source_of(text, "invincible alliance")) == "Choe Min Ho"
    assert speaker(source_of(text, "high evaluation")) == "Choe Dal Su"


@pytest.mark.parametrize(
    ("text", "words", "name"),
    [
        ("The Ruritanian premier Arvo Lind claimed the talks had failed. \"There is nothing left to discuss.\"",
         "There is nothing left to discuss", "Arvo Lind"),
        # the sentence before credits a body; its words go on in the quote
        ("Norland's army said its drones had hit 40 vehicles. \"One crew destroyed 12 tanks in a night.\"",
         "One crew destroyed 12 tanks in a night", "Norland's army"),
    ],
)
def test_a_quote_standing_as_a_sentence_goes_on_with_the_sentence_before(source_of, text, words, name):
    assert speaker(source_of(text, words)) == name


def test_a_quote_sentence_does_not_take_the_speaker_of_another_paragraph_this_way(source_of):
    text = "Arvo Lind claimed the talks had failed.\n\nThe hall was empty by noon. \"Nothing is left.\""
    assert speaker(source_of(text, "Nothing is left")) is None


def test_a_video_speaks_for_whoever_released_the_footage(source_of):
    text = (
        "Norland's special forces have released video footage of the raid.\n"
        "The video claims the crews hit 40 vehicles. \"One crew destroyed 12 tanks in a single night.\""
    )
    found = source_of(text, "One crew destroyed 12 tanks in a single night")
    assert found is not None and found.name.lower().endswith("special forces")


@pytest.mark.parametrize(
    "text",
    [
        # "their" inside the recording's own phrase once sent the resolver round in a circle
        "The premier greeted the generals.\n\u201cBest wishes to your warriors,\u201d Lind said in video footage of their encounter.",
        "The premier greeted the generals.\n\u201cBest wishes to your warriors,\u201d Lind said in a report of their encounter.",
    ],
)
def test_a_pronoun_inside_a_documents_phrase_does_not_point_back_at_it(source_of, text):
    assert speaker(source_of(text, "Best wishes to your warriors")) == "Lind"


def test_he_after_a_description_that_is_the_topic_is_the_person_it_describes(source_of):
    text = (
        "Norland's leader Arvo Lind met Premier Juha Tamm in Oslo on Monday.\n"
        "Tamm thanked Lind for \"joining the fight\" at a banquet.\n"
        "During the meeting, the Norlandic dictator thanked Tamm for his support. "
        "He called the aid a \"fraternal duty.\""
    )
    assert speaker(source_of(text, "fraternal duty")) == "Arvo Lind"


def test_a_description_finds_the_title_an_appositive_gave_and_no_institution_is_a_person(source_of):
    text = (
        "Arvo Lind, the top leader of Norland, met the visiting minister on Friday.\n"
        "Lind, general secretary of the Party and president of the State Affairs of Norland, expressed "
        "\"great concern\", state media said.\n"
        "The decision is tantamount to intervention, the Norland leader said, noting that \"it is an "
        "exercise of the right to self-defense.\""
    )
    assert speaker(source_of(text, "it is an exercise of the right to self-defense")) == "Arvo Lind"


def test_words_shouted_inside_a_reported_clause_are_the_shouters(source_of):
    text = ("One Norlandic soldier who was about to be captured shouted \"Long live the general\" and "
            "tried to detonate a grenade, Lind said, adding that he was shot.")
    found = source_of(text, "Long live the general")
    assert found is not None and found.kind == "role" and "soldier" in found.name


def test_an_occasion_is_no_speaker_the_agency_reporting_it_is(source_of):
    text = ("State news agency NCNA said Sunday's show underscored blood-forged \"friendship and "
            "genuine obligation\" between the two armies.")
    assert speaker(source_of(text, "friendship and genuine obligation")) == "NCNA"


def test_one_of_them_identified_by_a_surname_is_that_person(source_of):
    text = ("Two Norlandic soldiers were captured in January.\nOne of them, identified only by the surname "
            "Ri, said in an interview published on Feb. 19 that he was \"80 percent decided\" on leaving.")
    assert speaker(source_of(text, "80 percent decided")) == "Ri"


def test_a_role_owned_through_a_bracketed_acronym_is_the_subject(source_of):
    text = ("The Republic of Norland (RN)'s vice foreign minister released a statement on Friday saying "
            "that any deployment 'would conform' with the law.\n"
            "\"We do not confirm it,\" said Arvo Lind, vice foreign minister of the RN.")
    assert speaker(source_of(text, "would conform")) == "Arvo Lind"


def test_the_place_of_a_wire_dateline_is_not_the_speaker(source_of):
    text = ("Oslo (NTB) – Norland's Foreign Minister Arvo Lind confirmed that “the border units have "
            "been moved to the coast”. For the minister, this is “a grave escalation”.")
    assert speaker(source_of(text, "the border units have been moved")) == "Arvo Lind"


@pytest.mark.parametrize("verb", ["sighed", "quipped", "muttered", "retorted"])
def test_a_manner_of_speaking_is_a_cue(source_of, verb):
    text = f"\"There are already 9,000 of them at the border,\" Lind {verb}."
    assert speaker(source_of(text, "There are already 9,000")) == "Lind"


def test_speaking_of_words_makes_them_the_speakers(source_of):
    text = ("Since then, leader Arvo Lind has met the families of the fallen, speaking of their "
            "“unbearable pain,” while state media published images of him.")
    assert speaker(source_of(text, "unbearable pain")) == "Arvo Lind"


def test_a_headline_labelling_its_photos_after_the_dash_credits_the_subject(source_of):
    text = ("Arvo Lind decorates troops who fought in the north and says his army is \"the finest\" – photos\n"
            "The Norlandic leader awarded medals on Friday.")
    assert speaker(source_of(text, "the finest")) == "Arvo Lind"


def test_someones_description_of_a_thing_is_theirs_not_the_things(source_of):
    text = ("Referencing Tamm's earlier description of the strategic dialogue as \"a solid foundation for "
            "an unbreakable alliance,\" Lind said the sentiment had been \"tangibly confirmed\" by the drills.")
    assert speaker(source_of(text, "a solid foundation")) == "Tamm"
    assert speaker(source_of(text, "tangibly confirmed")) == "Lind"


def test_condolences_offered_are_the_givers_words(source_of):
    text = ("Since then, Norlandic leader Arvo Lind has met with the families of soldiers killed "
            "fighting for Ruritania and offered condolences for their \"unbearable pain\".")
    assert speaker(source_of(text, "unbearable pain")) == "Arvo Lind"


def test_a_body_named_after_a_two_word_nationality_keeps_it_whole(source_of):
    text = "'12,000 Norlandic troops at the border,' South African Defense Ministry says"
    assert speaker(source_of(text, "12,000 Norlandic troops")) == "South African Defense Ministry"


def test_a_name_going_on_with_of_is_a_body_not_a_person(source_of):
    text = "“Another 3,000 troops were sent,” Norland’s Joint Chiefs of Staff said."
    found = source_of(text, "Another 3,000 troops were sent")
    assert found.kind == "body" and "Joint Chiefs of Staff" in found.name


def test_the_capitalised_title_alone_is_the_person_named_before(source_of):
    text = ("Arvo Lind attended a welcome ceremony for the returning regiment.\n"
            "In a speech at the ceremony that day, the Chairperson said, \"The regiment won remarkable successes.\"")
    assert speaker(source_of(text, "The regiment won remarkable successes")) == "Arvo Lind"


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        ("Lind addressed Tamm as “Dear Chairman of the Council” and extended his greetings.",
         "Dear Chairman of the Council", "Lind"),
        ("Norland has sent 10,000 troops, which Western countries view as a \"major escalation.\"",
         "major escalation", "Western countries"),
    ],
)
def test_words_put_on_someone_or_something_with_as_are_the_subjects(source_of, text, words, expected):
    assert speaker(source_of(text, words)) == expected


def test_a_finite_verb_hung_beside_the_reported_clause_keeps_that_clauses_subject(source_of):
    text = ("Lind added that one Norlandic soldier, apparently about to be taken prisoner, shouted “Long live "
            "the general” before attempting to detonate a grenade, but was ultimately killed.")
    found = source_of(text, "Long live the general")
    assert found is not None and found.kind == "role" and "soldier" in found.name
