"""Sitrep dashboard: `streamlit run dashboard.py` (reads `data/`, or the folder in $SITREP_DATA).

This file only builds the navigation over `pages/`, the shared sidebar, and runs the page.
"""

from __future__ import annotations

import streamlit as st

from pages import _chrome

# (file stem, title, icon). The url_path of each page is its file stem: `/reader?article=...`.
PAGES = (
    ("overview", "Overview", ":material/dashboard:"),
    ("timeline", "Timeline", ":material/timeline:"),
    ("estimates", "Troop estimates", ":material/groups:"),
    ("search", "Quote search", ":material/format_quote:"),
    ("reader", "Article reader", ":material/article:"),
)

st.set_page_config(page_title="Sitrep", page_icon=":material/newspaper:", layout="wide")

navigation = st.navigation([
    st.Page(f"pages/{stem}.py", title=title, icon=icon, url_path=stem, default=(stem == "overview"))
    for stem, title, icon in PAGES
])
_chrome.sidebar()
navigation.run()
