#!/usr/bin/env python3
"""Sanity checks for the blind14 gold (adapted from /work/blind13/gold/check_blind.py).

Checks: files are UTF-8 CSV with CRLF line ends and the seed-gold columns; every quote/evidence
is an exact substring of its article; each quote span starts right after an opening quotation
mark and ends at a closing mark (allowing one trailing , or . inside the marks); enums, with one
qualifier per figure row; date formats; publication dates inside the set's stretch (15 Oct 2024 -
31 Dec 2024); no event dated after its article's publication; summary length; the headline number
is visible in the evidence; bounds follow the qualifier; every opening quotation mark (curly or
straight, double or single) in the articles starts a recorded quote, or is listed as a deliberate
skip; every event and figure evidence occurs exactly once in its article (score.py locates
evidence with str.find); no two event evidence spans of one article overlap; the outlet column is
checked against the author named in the text; the number of quote rows per article equals the
number of opening marks minus the deliberate skips; every kept line ends a sentence or is a listed
headline/standfirst/crosshead line.
Kept from blind13 unchanged: the quotation-mark classifier (a straight " or a curly “ opens at the
start of a paragraph or after whitespace, "(" or "["; curly ‘ always opens; a straight ' opens only
after whitespace or at the start of a paragraph, before a letter or digit), number words and
space-separated digit groups as visible values, the UNCLOSED mechanism (empty in blind14).
New for blind14: the publication window is the set's stretch (15 Oct 2024 - 31 Dec 2024); a straight
" that directly follows another straight " opens (g03 has 'defense.""The first battles', two
quotations run together without a space); one deliberate skip (g01 "victory plan", the name of
Zelensky's plan); nested straight double marks inside a straight double quotation (g04 "And some
... make "concessions" to Putin ...") are counted as their own pair; the outlet may be named as
author by "X reports" (g03 News.Az) or "According to X" (g04 Censor.NET) as well as by "(X)"
(g05 CLO); a range figure (g01) has value = low.
Usage: python3 check_blind.py [articles_dir]
"""
import csv, os, re, sys
from datetime import date

GOLD = os.path.dirname(os.path.abspath(__file__))
ARTS = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(GOLD), "articles")
arts = {f[:-4]: open(os.path.join(ARTS, f), encoding="utf-8").read()
        for f in sorted(os.listdir(ARTS)) if f.endswith(".txt")}

COLUMNS = {
    "articles.csv": ["article_id", "title", "outlet", "published", "published_confidence", "reasoning"],
    "quotes.csv": ["article_id", "speaker", "quote"],
    "figures.csv": ["article_id", "value", "low", "high", "qualifier", "category", "subject", "claimant", "evidence"],
    "events.csv": ["article_id", "date", "precision", "actor", "summary", "evidence"],
}
errors = []
def err(msg): errors.append(msg)

def load(name):
    path = os.path.join(GOLD, name)
    raw = open(path, "rb").read()
    if raw.count(b"\n") != raw.count(b"\r\n"): err(f"{name}: not all line ends are CRLF")
    raw.decode("utf-8")
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
        for n, r in enumerate(rows):
            if None in r or None in r.values(): err(f"{name}[{n}]: wrong number of fields")
        f.seek(0); header = next(csv.reader(f))
    if header != COLUMNS[name]: err(f"{name}: columns {header} != {COLUMNS[name]}")
    return rows

A = load("articles.csv"); Q = load("quotes.csv"); F = load("figures.csv"); E = load("events.csv")
pub = {}
for r in A:
    aid = r["article_id"]
    if aid not in arts: err(f"articles: unknown id {aid}"); continue
    if r["published_confidence"] not in {"high", "medium", "low"}: err(f"articles: bad confidence {r}")
    if r["title"] and arts[aid].split("\n", 1)[0] != r["title"]: err(f"articles: title is not the first line of {aid}")
    if r["outlet"] and r["outlet"] not in arts[aid]: err(f"articles: outlet {r['outlet']!r} not named in {aid}")
    if r["outlet"] and not re.search(r"\(" + re.escape(r["outlet"]) + r"\)|/" + re.escape(r["outlet"]) + r"/|writes " + re.escape(r["outlet"])
                                      + r"|" + re.escape(r["outlet"]) + r" reports|According to " + re.escape(r["outlet"]), arts[aid]):
        err(f"articles: outlet {r['outlet']!r} is named in {aid} but not as the author (dateline, 'writes', 'X reports', 'According to X')")
    pub[aid] = date.fromisoformat(r["published"])
    if not (date(2024, 10, 15) <= pub[aid] <= date(2024, 12, 31)): err(f"articles: {aid} published outside the window")
if set(pub) != set(arts): err("articles.csv does not cover exactly the article files")

def substr(tab, i, r, field):
    aid = r["article_id"]
    if aid not in arts: err(f"{tab}[{i}]: unknown article {aid}"); return False
    if not r[field]: err(f"{tab}[{i}]: empty {field}"); return False
    if r[field] not in arts[aid]:
        err(f"{tab}[{i}] {aid}: {field} NOT a substring: {r[field]!r}"); return False
    return True

# “ is accepted as a CLOSING mark (kept from blind9/blind12, where The Sun printed ',“'); blind14 has no such case.
OPEN, CLOSE = "“\"‘'", "”\"’'“"
# (article_id, first words of the quote): quotes with no closing mark in their paragraph (seed rule:
# the span runs to the end of the sentence). blind14 has none: every quotation closes in its own
# paragraph (blind12 had one, a quotation continued over two paragraphs).
UNCLOSED = set()
def unclosed(aid, text): return any(aid == a and text.startswith(k) for a, k in UNCLOSED)
for i, r in enumerate(Q):
    if not r["speaker"].strip(): err(f"quotes[{i}]: empty speaker")
    if not substr("quotes", i, r, "quote"): continue
    t, q = arts[r["article_id"]], r["quote"]
    ok = False
    for m in re.finditer(re.escape(q), t):
        s, e = m.start(), m.end()
        after = t[e:e + 2]
        if s > 0 and t[s - 1] in OPEN and (after[:1] in CLOSE or (after[:1] in ",." and after[1:2] in CLOSE)):
            ok = True
        if unclosed(r["article_id"], q) and s > 0 and t[s - 1] in OPEN and (
                after[:1] in ("\n", "") or (after[:1] in ",." and after[1:2] in ("\n", ""))):
            ok = True
    if not ok: err(f"quotes[{i}] {r['article_id']}: span is not exactly the text between quotation marks: {q[:50]!r}")
    if q[-1:] in ",." : err(f"quotes[{i}]: trailing punctuation kept: {q[-20:]!r}")

QUAL = {"exact", "approx", "at_least", "up_to", "as_many_as", "over", "range"}
CAT = {"troops", "casualties", "munitions", "equipment", "other"}
WORDNUM = {2: ["two"], 3: ["three"], 6: ["six"], 9: ["nine"], 100: ["a hundred"], 1000: ["a thousand"],
           2000: ["two thousand"], 3000: ["three thousand"], 10000: ["ten thousand"]}
for i, r in enumerate(F):
    if substr("figures", i, r, "evidence") and arts[r["article_id"]].count(r["evidence"]) != 1:
        err(f"figures[{i}]: evidence occurs {arts[r['article_id']].count(r['evidence'])} times in {r['article_id']}")
    quals = r["qualifier"].split("|")
    if not quals or any(q not in QUAL for q in quals): err(f"figures[{i}]: bad qualifier {r['qualifier']}")
    if len(quals) != 1: err(f"figures[{i}]: give one qualifier per row (score.py cannot match A|B): {r['qualifier']}")
    if r["category"] not in CAT: err(f"figures[{i}]: bad category {r['category']}")
    for k in ("value", "low", "high"):
        if r[k] and not r[k].isdigit(): err(f"figures[{i}]: {k} not a plain integer: {r[k]!r}")
    if not r["value"]: err(f"figures[{i}]: empty value"); continue
    v = int(r["value"])
    q0 = quals[0]
    if q0 in {"at_least", "over"} and (r["low"] != r["value"] or r["high"]): err(f"figures[{i}]: low should equal value, high empty")
    if q0 in {"up_to", "as_many_as"} and (r["high"] != r["value"] or r["low"]): err(f"figures[{i}]: high should equal value, low empty")
    if q0 in {"exact", "approx"} and (r["low"] or r["high"]): err(f"figures[{i}]: bounds given for {r['qualifier']}")
    if q0 == "range" and not (r["low"] and r["high"] and int(r["low"]) <= v <= int(r["high"])): err(f"figures[{i}]: range needs low <= value <= high")
    forms = [f"{v:,}", str(v), f"{v:,}".replace(",", " ")] + WORDNUM.get(v, [])
    if v % 1_000_000 == 0 or v % 100_000 == 0 and v >= 1_000_000:
        forms.append(f"{v/1e6:g} million")
    if not any(re.search(r"(?<![\d,.])" + re.escape(s) + r"(?![\d,]|\s\d)", r["evidence"], re.I) for s in forms):
        err(f"figures[{i}]: value {v} not visible in evidence {r['evidence']!r}")
    if not r["claimant"].strip() or not r["subject"].strip(): err(f"figures[{i}]: empty claimant/subject")

ev_spans = {}
for i, r in enumerate(E):
    if substr("events", i, r, "evidence"):
        t_, ev_ = arts[r["article_id"]], r["evidence"]
        if t_.count(ev_) != 1: err(f"events[{i}]: evidence occurs {t_.count(ev_)} times in {r['article_id']}")
        s0 = t_.find(ev_)
        for j, (a0, b0) in ev_spans.get(r["article_id"], []):
            if s0 < b0 and a0 < s0 + len(ev_): err(f"events[{i}]: evidence overlaps events[{j}]")
        ev_spans.setdefault(r["article_id"], []).append((i, (s0, s0 + len(ev_))))
    if r["precision"] == "day":
        try: d = date.fromisoformat(r["date"])
        except ValueError: err(f"events[{i}]: bad day date {r['date']}"); continue
    elif r["precision"] == "month":
        if not re.fullmatch(r"\d{4}-\d{2}", r["date"]): err(f"events[{i}]: bad month date {r['date']}"); continue
        d = date.fromisoformat(r["date"] + "-01")
    else:
        err(f"events[{i}]: bad precision {r['precision']}"); continue
    if r["article_id"] in pub and d > pub[r["article_id"]]:
        err(f"events[{i}]: dated after publication ({r['date']} > {pub[r['article_id']]})")
    if len(r["summary"].split()) > 12: err(f"events[{i}]: summary > 12 words")
    if not r["actor"].strip(): err(f"events[{i}]: empty actor")

# Quotation-mark coverage. Curly ‘ always opens. A straight " or a curly “ opens when it stands at the
# start of a paragraph or after whitespace, "(" or "[", or (new for blind14) right after a straight "
# that closed a quotation (g03 'defense.""The first battles'); it closes otherwise. A straight ' opens
# only before a letter or digit and after whitespace/start; blind14 has one such mark (g05 'war
# merchants' inside a double-quoted quotation); Russia's, leaders', we're, People's, Commanders' and
# North's are apostrophes. Double marks: g01, g03, g04, g05, g06, g08 straight; g02, g07 curly (g02
# also has a curly single pair in its headline, 'legitimate target').
# (article_id, first characters after the opening mark): quotation marks that deliberately have no
# quote row. blind14 has one: g01 his "victory plan", the name of Zelensky's plan (the brief's
# exception for a scare quote around the name of a thing). Every other pair (including the one-word
# "counting", "concessions" and 'war merchants') encloses reported words.
DELIBERATE_SKIPS = {("g01_dailysabah-zelensky-10000-world-war", "victory plan")}
for a_, k_ in DELIBERATE_SKIPS:
    if a_ not in arts: err(f"skip: unknown article {a_}"); continue
    j_ = arts[a_].find(k_)
    if j_ < 1 or arts[a_][j_ - 1] not in OPEN or arts[a_][j_ + len(k_):j_ + len(k_) + 1] not in CLOSE:
        err(f"skip {a_}: {k_!r} is not enclosed in quotation marks")
for aid, t in arts.items():
    quotes_here = [r["quote"] for r in Q if r["article_id"] == aid]
    opens = []
    for para_start, para in ((m.start(), m.group()) for m in re.finditer(r"[^\n]+", t)):
        n_open = n_close = 0
        last_closed_at = -2
        for m in re.finditer(r"[“”\"]", para):
            c, j = m.group(), m.start()
            # “ follows the same rule as a straight " (kept from blind9)
            is_open = c in ('"', "“") and (j == 0 or para[j - 1] in " ([\t")
            # new for blind14: '""' where the first mark closed a quotation -> the second opens
            if c == '"' and j > 0 and para[j - 1] == '"' and last_closed_at == j - 1:
                is_open = True
            if not is_open:
                last_closed_at = j
            if is_open:
                opens.append(para_start + j); n_open += 1
            else:
                n_close += 1
        extra = 1 if unclosed(aid, para.lstrip('"“')) else 0
        if n_open != n_close + extra: err(f"coverage {aid}: {n_open} opening vs {n_close} closing double quotes in paragraph {para[:40]!r}")
        for m in re.finditer(r"‘|(?<![^\s])'(?=\w)", para):  # ' after whitespace/start only: (DPRK)'s is not a mark
            opens.append(para_start + m.start())
    for o in opens:
        s_ = o + 1
        if any(t.startswith(q, s_) for q in quotes_here): continue
        if any(aid == k[0] and t.startswith(k[1], s_) for k in DELIBERATE_SKIPS): continue
        err(f"coverage {aid}@{o}: opening mark not matched by a quote row: {t[s_:s_+40]!r}")
    # one quote row per opening mark
    n_skip = sum(1 for o in opens if any(aid == k[0] and t.startswith(k[1], o + 1) for k in DELIBERATE_SKIPS))
    if len(quotes_here) != len(opens) - n_skip: err(f"coverage {aid}: {len(quotes_here)} quote rows vs {len(opens) - n_skip} opening marks")
    # every quote row must start at one of the opening marks (no stray rows)
    for q in quotes_here:
        if not any(t.startswith(q, o + 1) for o in opens): err(f"coverage {aid}: quote row not at an opening mark: {q[:40]!r}")


# Every kept line is a whole paragraph: it ends with sentence punctuation, or is a headline or
# standfirst or crosshead (listed here by article and full text). A line cut off by the 2,000-character store
# limit would fail this check.
HEADLINES = {
    ("g02_rt-kirby-legitimate-target", "North Korean troops would be ‘legitimate target’ – US"),
    ("g02_rt-kirby-legitimate-target", "Washington believes that 3,000 North Korean soldiers have traveled to Russia for training, spokesman John Kirby has said"),
    ("g04_censor-zelensky-budapest-concessions", "Participation of DPRK troops in Russia's war against Ukraine"),
    ("g05_vietnamvn-kim-attack-force-war-merchants", "Kim Jong Un criticizes the West over Ukraine issue"),
    ("g06_ytn-zelensky-100000-european-parliament", 'Zelensky "could be 100,000 North Korean troops sent to Russia"'),
    ("g08_bgnes-jcs-1100-casualties", "North Korean army has given 1100 casualties in Ukraine"),
}
for aid, t in arts.items():
    if not t.endswith("\n") or t.endswith("\n\n"): err(f"{aid}: the file must end with exactly one newline")
    for line in t.split("\n")[:-1]:
        if not line.strip(): err(f"{aid}: empty line"); continue
        if (aid, line) in HEADLINES: continue
        if line.rstrip()[-1:] not in '.?!”"': err(f"{aid}: line does not end a sentence: {line[-40:]!r}")

print(f"articles={len(A)} quotes={len(Q)} figures={len(F)} events={len(E)}")
for name, rows in (("quotes", Q), ("figures", F), ("events", E)):
    per = {}
    for r in rows: per[r["article_id"][:3]] = per.get(r["article_id"][:3], 0) + 1
    print(f"  {name} per article: {dict(sorted(per.items()))}")
print("  chars per article: " + ", ".join(f"{a[:3]}={len(t)}" for a, t in arts.items()))
if errors:
    print(f"{len(errors)} PROBLEM(S):"); [print("  -", e) for e in errors]; sys.exit(1)
print("OK: all quotes/evidence are exact substrings; spans, enums, dates, numbers and coverage check out.")
