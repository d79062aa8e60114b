#!/usr/bin/env python3
"""Sanity checks for the blind gold (adapted from /work/shared/gold/check_gold.py).

Usage: python3 check_blind.py   (paths are relative to this file)
Checks: quote/evidence exact substrings; enums (a|b alternatives allowed for qualifier);
ISO dates; no event after publication; summaries <= 12 words; the number is visible in
the evidence; every opening quotation mark (curly or straight) starts a recorded quote
or is listed in SKIPS; pandas loads every table.
"""
import csv, re, sys
from datetime import date
from pathlib import Path
import pandas as pd

GOLD = Path(__file__).resolve().parent
ARTS = GOLD.parent / "articles"
arts = {p.stem: p.read_text(encoding="utf-8") for p in sorted(ARTS.glob("*.txt"))}
def load(n):
    with open(GOLD / n, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))
A, Q, F, E = (load(n) for n in ("articles.csv", "quotes.csv", "figures.csv", "events.csv"))
errors = []
err = errors.append
pub = {}
for r in A:
    if r["article_id"] not in arts: err(f"articles: unknown id {r['article_id']}")
    if r["published_confidence"] not in {"high", "medium", "low"}: err(f"bad confidence {r}")
    if r["title"] and r["title"] not in arts[r["article_id"]]: err(f"title not in text {r['article_id']}")
    if not r["outlet"]: err(f"no outlet {r['article_id']}")
    pub[r["article_id"]] = date.fromisoformat(r["published"])
    if not (date(2024, 10, 15) <= pub[r["article_id"]] <= date(2024, 12, 15)):
        err(f"published outside window {r['article_id']}")
if set(pub) != set(arts): err("articles.csv does not cover exactly the article files")
for aid, t in arts.items():
    if not 1500 <= len(t) <= 6000: err(f"{aid}: length {len(t)}")

def substr(tab, i, r, field):
    if r["article_id"] not in arts: err(f"{tab}[{i}] unknown article"); return
    if not r[field] or r[field] not in arts[r["article_id"]]:
        err(f"{tab}[{i}] {r['article_id']}: {field} NOT a substring: {r[field]!r}")

for i, r in enumerate(Q):
    substr("quotes", i, r, "quote")
    if not r["speaker"].strip(): err(f"quotes[{i}] empty speaker")
QUAL = {"exact", "approx", "at_least", "up_to", "as_many_as", "over", "range"}
CAT = {"troops", "casualties", "munitions", "equipment", "other"}
WORDNUM = {3: ["three"]}
for i, r in enumerate(F):
    substr("figures", i, r, "evidence")
    quals = r["qualifier"].split("|")
    if not set(quals) <= QUAL: err(f"figures[{i}] bad qualifier {r['qualifier']}")
    if r["category"] not in CAT: err(f"figures[{i}] bad category")
    for k in ("value", "low", "high"):
        if r[k] and not r[k].isdigit(): err(f"figures[{i}] {k} not int")
    v = int(r["value"])
    if quals[0] in {"at_least", "over"} and r["low"] != r["value"]: err(f"figures[{i}] low != value")
    if quals[0] in {"up_to", "as_many_as"} and r["high"] != r["value"]: err(f"figures[{i}] high != value")
    forms = [f"{v:,}", str(v), f"{v:,}".replace(",", " ")] + WORDNUM.get(v, [])
    if not any(re.search(r"(?<![\d,.])" + re.escape(s) + r"(?![\d,])", r["evidence"]) for s in forms):
        err(f"figures[{i}] value {v} not visible in evidence")
    if not r["claimant"].strip() or not r["subject"].strip(): err(f"figures[{i}] empty claimant/subject")
for i, r in enumerate(E):
    substr("events", i, r, "evidence")
    if r["precision"] == "day":
        d = date.fromisoformat(r["date"])
    elif r["precision"] == "month":
        if not re.fullmatch(r"\d{4}-\d{2}", r["date"]): err(f"events[{i}] bad month"); continue
        d = date.fromisoformat(r["date"] + "-01")
    else:
        err(f"events[{i}] bad precision"); continue
    if d > pub.get(r["article_id"], date.max): err(f"events[{i}] after publication")
    if len(r["summary"].split()) > 12: err(f"events[{i}] summary > 12 words")
    if not r["actor"].strip(): err(f"events[{i}] empty actor")

# coverage of opening quotation marks. Straight quotes: even-numbered occurrences per paragraph open.
SKIPS = {}  # none needed
for aid, t in arts.items():
    qs = [r["quote"] for r in Q if r["article_id"] == aid]
    starts = [m.start() + 1 for m in re.finditer(r"[“‘]", t)]
    for line_start, line in ((m.start(), m.group()) for m in re.finditer(r"[^\n]+", t)):
        idx = [m.start() for m in re.finditer('"', line)]
        # a straight quote opens if preceded by start/space/([ ; closes otherwise
        for j in idx:
            if j == 0 or line[j - 1] in " ([:":
                starts.append(line_start + j + 1)
    for s in sorted(starts):
        if any(t.startswith(q, s) for q in qs): continue
        if any(k[0] == aid and t.startswith(k[1], s) for k in SKIPS): continue
        err(f"coverage {aid}@{s}: {t[s:s+40]!r}")
for n in ("articles", "quotes", "figures", "events"):
    pd.read_csv(GOLD / f"{n}.csv")
print(f"articles={len(A)} quotes={len(Q)} figures={len(F)} events={len(E)}")
for name, rows in (("quotes", Q), ("figures", F), ("events", E)):
    per = {}
    for r in rows: per[r["article_id"][:3]] = per.get(r["article_id"][:3], 0) + 1
    print(f"  {name}: {dict(sorted(per.items()))}")
if errors:
    print(f"{len(errors)} PROBLEM(S):"); [print("  -", e) for e in errors]; sys.exit(1)
print("OK")
