"""Extractors: one module per table, each turning a parsed article into tidy rows.

``attribution`` answers "who says this?" for every extractor; ``quotes``, ``figures`` and
``events`` each return one DataFrame with the columns :mod:`sitrep.schema` documents. Extractors
read spaCy's parse and the article's text; they never load models, read files or write tables
(that is the build's job).
"""
