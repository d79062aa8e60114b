"""Sitrep dashboard: `streamlit run dashboard.py` (reads `data/`, or the folder in $SITREP_DATA).

This file only builds the navigation over `app_pages/`, the shared sidebar, and runs the page.
The folder is deliberately not called `pages/`: Streamlit 1.67 still treats a `pages/` folder as
the old automatic multipage layout until `st.navigation` has run once in the server process, so a
cold server opened at a deep link (`/reader?article=...`) would run the page without this file
(no sidebar, no titles). `app_pages/_chrome.py` holds the shared Streamlit helpers.
"""

from __future__ import annotations

import streamlit as st

from app_pages import _chrome

# (file stem, title, icon). The url_path of each page is its file stem: `/reader?article=...`.
PAGES = (
    ("overview", "Overview", ":material/dashboard:"),
    ("timeline", "Timeline", ":material/timeline:"),
    ("estimates", "Estimates", ":material/groups:"),
    ("search", "Quote search", ":material/format_quote:"),
    ("reader", "Article reader", ":material/article:"),
)

st.set_page_config(page_title="Sitrep", page_icon=":material/newspaper:", layout="wide")

navigation = st.navigation([
    st.Page(f"app_pages/{stem}.py", title=title, icon=icon, url_path=stem, default=(stem == "overview"))
    for stem, title, icon in PAGES
])
_chrome.sidebar()
navigation.run()
