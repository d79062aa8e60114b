"""Streamlit-only helpers shared by every page: loading, the sidebar, URL-bound widgets, links.

Not a page (the leading underscore keeps it out of the navigation). It holds no business logic:
data shaping lives in :mod:`sitrep.views`, search in :mod:`sitrep.search`. What is here is the glue
a page should not repeat: cached loaders keyed by the tables' folder and modification times, the
per-session "Add articles" tables, the global filters, CSV downloads and reader links.

Session data: uploaded articles are built into ``st.session_state`` only, so on a shared Cloud link
one analyst's uploads are never seen by another.
"""

from __future__ import annotations

import datetime as dt
import uuid
import weakref
from collections.abc import Sequence
from pathlib import Path

import altair as alt
import pandas as pd
import streamlit as st

from sitrep import views
from sitrep.highlight import escape_markdown as plain
from sitrep.search import QuoteIndex, build_index
from sitrep.tables import TablesMissing, data_dir, fingerprint, load_tables

# Charts are built from fixed code, so Altair's per-object schema validation only costs time.
alt.utils.schemapi.disable_debug_mode()

READER_PAGE = "app_pages/reader.py"
SESSION_TABLES = "sitrep_session_tables"
SESSION_KEY = "sitrep_session_key"
SESSION_ADDED = "sitrep_session_added"
UPLOAD_MESSAGES = "sitrep_upload_messages"
UPLOAD_TYPES = ["txt", "md", "html", "htm"]
# besides the articles, one articles.csv: what the analyst knows of them (publication dates above all)
UPLOAD_ACCEPTS = [*UPLOAD_TYPES, "csv"]
MAX_UPLOAD_FILES = 20
MAX_UPLOAD_BYTES = 2_000_000


# ------------------------------------------------------------------------------------ loading

@st.cache_resource(max_entries=4, show_spinner="Loading tables…")
def _load(folder: str, stamp: tuple) -> dict[str, pd.DataFrame]:
    # Keyed by folder and (name, mtime, size) of each file, so a rebuild is picked up on the next
    # rerun. cache_resource (no copy per rerun) is safe because no page mutates these frames.
    del stamp
    return load_tables(folder)


def base_tables() -> tuple[dict[str, pd.DataFrame], str]:
    """The shared tables on disk and a cache key naming them; raises TablesMissing."""
    folder = data_dir()
    stamp = fingerprint(folder)
    return _load(str(folder.resolve()), stamp), f"{folder.resolve()}|{stamp}"


def tables() -> tuple[dict[str, pd.DataFrame], str]:
    """This session's tables (shared ones plus its uploads, if any) and their cache key."""
    if SESSION_TABLES in st.session_state:
        return st.session_state[SESSION_TABLES], st.session_state[SESSION_KEY]
    return base_tables()


@st.cache_resource(max_entries=16, show_spinner=False)
def _quote_index(key: str, _quotes: pd.DataFrame) -> QuoteIndex:
    del key
    return build_index(_quotes)


def quote_index() -> QuoteIndex:
    """The search index over all of this session's quotes (built once per tables key)."""
    all_tables, key = tables()
    return _quote_index(key, all_tables["quotes"])


def freshness(folder: Path) -> str:
    """``Built 2026-11-23 01:20 UTC`` from the newest table file's modification time."""
    stamps = [s for _, s, _ in fingerprint(folder) if s > 0]
    if not stamps:
        return ""
    built = dt.datetime.fromtimestamp(max(stamps) / 1e9, tz=dt.UTC)
    return f"Built {built:%Y-%m-%d %H:%M} UTC"


# ------------------------------------------------------------------------------------ memo

_FRAME_KEYS: dict[int, tuple] = {}


def _frame_key(frame: pd.DataFrame) -> tuple:
    """A content hash of ``frame``, computed once per frame object.

    Memoised results are shared objects, so most frames a page passes in were hashed on an earlier
    rerun. An article's text is stood for by its ``content_hash`` column when the frame has one.
    """
    key = _FRAME_KEYS.get(id(frame))
    if key is None:
        hashed = frame.drop(columns=["text"]) if "content_hash" in frame.columns else frame
        digest = int(pd.util.hash_pandas_object(hashed, index=True).sum())
        key = (tuple(frame.columns), len(frame), digest)
        _FRAME_KEYS[id(frame)] = key
        weakref.finalize(frame, _FRAME_KEYS.pop, id(frame), None)
    return key


# Bounded: entries hold filtered frames, and Community Cloud gives an app about 1 GB.
@st.cache_resource(max_entries=192, ttl=7200, show_spinner=False)
def _memo_call(key: str, _fn, _args: tuple, _kwargs: dict):
    del key
    return _fn(*_args, **_kwargs)


def memo(fn, *args, **kwargs):
    """``fn(*args, **kwargs)`` remembered across reruns and sessions for the same tables and inputs.

    For the pure functions of :mod:`sitrep.views`; DataFrame arguments are keyed by a hash of their
    contents (see :func:`_frame_key`), other arguments by value, all under the session's tables key.
    Results are shared between reruns and sessions: never mutate them.
    """
    _, tables_key = tables()
    parts = [tables_key, f"{fn.__module__}.{fn.__qualname__}"]
    for value in (*args, *sorted(kwargs.items())):
        parts.append(repr(_argument_key(value)))
    return _memo_call("|".join(parts), fn, args, kwargs)


def _argument_key(value):
    if isinstance(value, pd.DataFrame):
        return _frame_key(value)
    if isinstance(value, dict):
        return tuple((k, _argument_key(v)) for k, v in value.items())
    if isinstance(value, (tuple, list)):
        return tuple(_argument_key(v) for v in value)
    return value


# ------------------------------------------------------------------------------------ filters

def global_filters() -> dict:
    """The sidebar's filter values as keyword arguments for views.apply_global_filters."""
    return {
        "sources": st.session_state.get("source") or [],
        "date_from": st.session_state.get("from"),
        "date_to": st.session_state.get("to"),
    }


def url_multiselect(label: str, options: Sequence[str], key: str, **kwargs) -> list[str]:
    """A multiselect whose value lives in the URL under ``key`` (empty selection = all)."""
    return st.multiselect(label, options, key=key, bind="query-params", placeholder="All", **kwargs)


# Bound widgets put the *formatted* label in the URL (Streamlit 1.67), so widgets whose options are
# row ids shown through a label (articles, events) sync with st.query_params themselves: the URL
# then always holds the stable id, e.g. `reader?article=<article_id>`.

def _adopt_url(key: str, valid: Sequence[str], *, multi: bool) -> None:
    """Take the URL's value into the widget's state when the URL changed since we last wrote it."""
    url_values = [v for v in st.query_params.get_all(key)]
    seen_key = f"_url_seen_{key}"
    if st.session_state.get(seen_key) == url_values and key in st.session_state:
        return
    allowed = set(valid)
    kept = [v for v in url_values if v in allowed]
    st.session_state[key] = kept if multi else (kept[0] if kept else None)
    st.session_state[seen_key] = url_values


def _write_url(key: str, values: list[str]) -> None:
    if values:
        st.query_params[key] = values if len(values) > 1 else values[0]
    else:
        st.query_params.pop(key, None)
    st.session_state[f"_url_seen_{key}"] = list(values)


def id_selectbox(label: str, ids: Sequence[str], *, key: str, labels: dict[str, str],
                 placeholder: str = "Choose", on_change=None) -> str | None:
    """A selectbox over row ids, shown by label, whose URL parameter ``key`` holds the id."""
    _adopt_url(key, ids, multi=False)
    value = st.selectbox(label, list(ids), index=None, key=key, format_func=lambda i: labels.get(i, i),
                         placeholder=placeholder, on_change=on_change)
    _write_url(key, [value] if value else [])
    return value


def id_multiselect(label: str, ids: Sequence[str], *, key: str, labels: dict[str, str]) -> list[str]:
    """A multiselect over row ids, shown by label, whose URL parameter ``key`` repeats each id."""
    _adopt_url(key, ids, multi=True)
    values = st.multiselect(label, list(ids), key=key, format_func=lambda i: labels.get(i, i),
                            placeholder="All")
    _write_url(key, list(values))
    return values


def csv_download(frame: pd.DataFrame, name: str, *, key: str, label: str = "Download CSV") -> None:
    """A download button for exactly the rows and columns shown."""
    # A callable: the CSV is only written when someone clicks, not on every rerun.
    st.download_button(
        label, lambda: frame.to_csv(index=False).encode("utf-8"), file_name=f"{name}.csv",
        mime="text/csv", key=key, icon=":material/download:", on_click="ignore",
    )


def reader_link(article_id: str, *, hl: str = "", label: str = "Open in reader") -> None:
    """A link to the reader at ``article`` (and row ``hl``): the same link analysts can share."""
    params = {"article": article_id}
    if hl:
        params["hl"] = hl
    st.page_link(READER_PAGE, label=plain(label), icon=":material/article:", query_params=params)


# ------------------------------------------------------------------------------------ sidebar

def sidebar() -> None:
    """Corpus summary, freshness, global filters and "Add articles"; tells how to build if missing."""
    with st.sidebar:
        try:
            all_tables, _ = tables()
        except TablesMissing as missing:
            st.error(str(missing), icon=":material/database:")
            return
        summary = memo(views.corpus_summary, all_tables)
        st.caption(
            f"**{summary['articles']:,}** articles · **{summary['quotes']:,}** quotes · "
            f"**{summary['figures']:,}** figures · **{summary['events']:,}** events"
        )
        note = freshness(data_dir())
        newest = memo(views.newest_publication, all_tables["articles"])
        if newest:
            note += f" · newest article {newest}"
        if SESSION_TABLES in st.session_state:
            added = st.session_state.get(SESSION_ADDED, [])
            note += f" · plus {len(added)} uploaded (this session only)"
        if note:
            st.caption(note)
        low, high = memo(views.corpus_date_range, all_tables)
        st.markdown("**Filters**")
        st.date_input("From", value=None, min_value=low, max_value=high, key="from",
                      bind="query-params", format="YYYY-MM-DD")
        st.date_input("To", value=None, min_value=low, max_value=high, key="to",
                      bind="query-params", format="YYYY-MM-DD")
        url_multiselect("Source", memo(views.source_options, all_tables["articles"]), key="source")
        _add_articles()


def _add_articles() -> None:
    with st.expander("Add articles", icon=":material/upload_file:"):
        st.caption(
            f"Up to {MAX_UPLOAD_FILES} files (.txt, .md, .html), {MAX_UPLOAD_BYTES // 1_000_000} MB "
            "each, and optionally an articles.csv that gives their publication dates (columns "
            "article_id, published; also title, outlet, url). They are added for this browser "
            "session only; nobody else sees them."
        )
        files = st.file_uploader("Articles", type=UPLOAD_ACCEPTS, accept_multiple_files=True,
                                 key="upload", label_visibility="collapsed")
        if st.button("Build for this session", key="upload_build", disabled=not files,
                     icon=":material/build:"):
            _build_uploads(files or [])
        for kind, message in st.session_state.get(UPLOAD_MESSAGES, []):
            if kind == "skipped":
                st.warning(plain(message), icon=":material/block:")
            elif kind == "undated":
                st.info(plain(message), icon=":material/event_busy:")
            else:
                st.success(plain(message), icon=":material/check:")
        if SESSION_TABLES in st.session_state and st.button(
            "Remove uploaded articles", key="upload_reset", icon=":material/undo:"
        ):
            for name in (SESSION_TABLES, SESSION_KEY, SESSION_ADDED, UPLOAD_MESSAGES):
                st.session_state.pop(name, None)
            st.rerun()


def _build_uploads(files: list) -> None:
    accepted, rejected = views.screen_uploads(
        [(f.name, f.size) for f in files], max_files=MAX_UPLOAD_FILES, max_bytes=MAX_UPLOAD_BYTES,
        allowed_suffixes=tuple(f".{t}" for t in UPLOAD_TYPES),
    )
    sources = [(f.name, f.getvalue()) for f in files if f.name in set(accepted)]
    skipped: list[tuple[str, str]] = list(rejected)
    if sources:
        # Imported here so that viewing the tables never needs spaCy.
        from sitrep.build import build_in_memory

        bar = st.progress(0.0, text="Building…")

        def progress(done: int, total: int, name: str) -> None:
            bar.progress(min(done / max(total, 1), 1.0), text=f"{done}/{total}: {name}")

        base = st.session_state.get(SESSION_TABLES) or base_tables()[0]
        built, build_skipped = build_in_memory(sources, base=base, progress=progress)
        skipped += list(build_skipped)
        bar.empty()
        added = sorted(set(built["articles"]["article_id"]) - set(base["articles"]["article_id"]))
        st.session_state[SESSION_TABLES] = built
        st.session_state[SESSION_KEY] = f"session:{uuid.uuid4()}"
        st.session_state[SESSION_ADDED] = st.session_state.get(SESSION_ADDED, []) + added
        messages = [("added", f"Added {len(added)} article(s) for this session.")]
        gaps = views.dating_gaps_message(*views.dating_gaps(built["articles"], added))
        if gaps:
            messages.append(("undated", gaps))
        st.session_state[UPLOAD_MESSAGES] = messages
    else:
        st.session_state[UPLOAD_MESSAGES] = []
    st.session_state[UPLOAD_MESSAGES] += [("skipped", f"{name} skipped: {reason}") for name, reason in skipped]
    # Rerun so the summary and every page above show the new tables, with the messages kept.
    st.rerun()


def page_header(title: str, caption: str) -> None:
    st.title(title)
    st.caption(caption)


def page_tables() -> tuple[dict[str, pd.DataFrame], dict[str, pd.DataFrame]]:
    """(all of this session's tables, the same with the sidebar filters applied), or stop the page
    with the command that builds the tables when they are missing."""
    try:
        all_tables, _ = tables()
    except TablesMissing as missing:
        st.title("No data yet")
        st.error(str(missing), icon=":material/database:")
        st.stop()
    filters = global_filters()
    filters["sources"] = tuple(filters["sources"])
    return all_tables, memo(views.apply_global_filters, all_tables, **filters)

