"""The one value every extractor receives: an article's displayed text and what is known about it.

Offsets in every table are character offsets into ``Article.text`` (the file decoded, ``\\r\\n``
turned into ``\\n``, boilerplate removed for HTML/Markdown), which is also what the reader shows.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

@dataclass(frozen=True)
class Article:
    """An article as the pipeline sees it.

    ``published`` is the publication date when the manifest states it or the text lets us infer it;
    ``published_basis`` says which (``manifest``, ``inferred`` or ``unknown``). ``outlet`` is the
    outlet's display name or ``""``. ``published_window`` is ``(earliest, latest)`` when an inferred
    date is only known to lie in that stretch (relative dates are then resolved only where every
    day of it agrees); ``None`` when ``published`` is firm or unknown.
    """

    article_id: str
    text: str
    title: str = ""
    outlet: str = ""
    url: str = ""
    published: dt.date | None = None
    published_basis: str = "unknown"
    source_path: str = ""
    published_window: tuple[dt.date, dt.date] | None = None

    @property
    def unattributed_claimant(self) -> str:
        """Who asserts a number nobody in the text is credited with: the outlet, else ``article``."""
        return self.outlet or "article"
