"""The model loader: line breaks end sentences, long texts parse in pieces with the same text."""

from __future__ import annotations

from sitrep.nlp import parse_texts, split_paragraph_aligned


def test_a_line_break_ends_a_sentence(nlp):
    doc = nlp("Talks stall in the capital\nOfficials said on Monday that talks had stalled.")
    assert [s.text.strip() for s in doc.sents] == [
        "Talks stall in the capital", "Officials said on Monday that talks had stalled."]


def test_a_person_entity_runs_to_the_last_word_of_the_name(nlp):
    # the small model tags only "Ri Son"; the parser hangs both words on "Hui"
    doc = nlp("Norland has met with Ruritania’s Foreign Minister Ri Son Hui at the palace.")
    assert ("Ri Son Hui", "PERSON") in [(e.text, e.label_) for e in doc.ents]


def test_a_person_entity_takes_the_hyphenated_part_the_tagger_cut_off(nlp):
    from spacy.tokens import Span

    from sitrep.nlp import whole_person_names

    doc = nlp("Defence Minister Lee Jae-won spoke.")
    start = next(t.i for t in doc if t.text == "Lee")
    doc.ents = [Span(doc, start, start + 2, label="PERSON")]  # "Lee Jae", as the tagger may cut it
    assert [(e.text, e.label_) for e in whole_person_names(doc).ents] == [("Lee Jae-won", "PERSON")]


def test_an_office_after_a_name_stays_out_of_the_person(nlp):
    doc = nlp("Officials from the Arvo Lind Foundation met on Monday.")
    assert all(not (e.label_ == "PERSON" and "Foundation" in e.text) for e in doc.ents)


def test_split_is_paragraph_aligned_and_lossless():
    text = "".join(f"Paragraph {i} says something about troops.\n" for i in range(100))
    pieces = split_paragraph_aligned(text, limit=200)
    assert "".join(pieces) == text
    assert all(len(p) <= 200 and p.endswith("\n") for p in pieces)


def test_split_without_line_breaks_still_cuts():
    text = "word " * 100
    pieces = split_paragraph_aligned(text, limit=64)
    assert "".join(pieces) == text and max(map(len, pieces)) <= 64


def test_parse_texts_keeps_order_and_text_for_long_and_short(nlp, monkeypatch):
    import sitrep.nlp as nlp_module

    monkeypatch.setattr(nlp_module, "CHUNK_CHARS", 300)
    long_text = "".join(f"Minister {i} said on Monday that 1,200 troops moved.\n" for i in range(30))
    texts = ["Short one said.", long_text, "Another short text."]
    docs = list(parse_texts(texts))
    assert [d.text for d in docs] == texts
    assert any(ent.label_ == "CARDINAL" for ent in docs[1].ents)


def test_parsing_in_two_processes_gives_the_same_docs(nlp):
    texts = [f"Minister Anna Berg said on Monday that {i},000 troops had moved.\nHeadline {i}" for i in range(1, 6)]
    one = list(parse_texts(texts))
    two = list(parse_texts(texts, n_process=2))
    assert [d.text for d in two] == texts
    assert [[(e.text, e.label_) for e in d.ents] for d in two] == [[(e.text, e.label_) for e in d.ents] for d in one]
    assert [[s.text for s in d.sents] for d in two] == [[s.text for s in d.sents] for d in one]
