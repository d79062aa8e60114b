"""Sitrep: tidy tables of dated events, attributed quotes and claimed figures from news articles.

The package is the preprocessing pipeline. It never imports Streamlit: the dashboard (``dashboard.py``
and ``pages/``) reads the tables this package writes and calls its pure helpers.
"""

__version__ = "0.1.0"
