"""Turns an article file into the text the reader shows, or a clear reason why it cannot.

``.txt`` files are decoded (UTF-8, else the encoding charset-normalizer detects) with ``\\r\\n``
turned into ``\\n`` and nothing else changed, because every offset in the tables points into that
text (``../shared/CONTRACT.md``). Web boilerplate inside a ``.txt`` ("Share on Social", "Leave a
Reply") stays in the text but is reported as :attr:`ArticleFile.boilerplate` spans that metadata
inference ignores. ``.md`` and ``.html`` files are converted to plain text with navigation,
scripts, styles and boilerplate lines left out; what the page states about itself (``<title>``,
``og:site_name``, ``article:published_time``, the canonical URL, Markdown front matter) is kept
as :attr:`ArticleFile.meta` for the metadata step.

This module decides nothing about publication dates or names; it only reads.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

SUPPORTED_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
MAX_BYTES = 20_000_000

# Lines that web pages add around an article. Generic site furniture, not phrases of any article.
_BOILERPLATE_LINE = re.compile(
    r"^\s*(?:share(?: this)?(?: article| story| on social(?: media)?)?|share on \w+|leave a (?:reply|comment)"
    r"|your email address will not be published\b.*|required fields are marked.*|advertisement"
    r"|subscribe(?: now| to our newsletter)?|sign up for .{0,60}newsletter.*|read more|related(?: articles| stories)?:?"
    r"|click here .{0,60}|follow us on .{0,40}|all rights reserved.*|cookie (?:policy|settings)|skip to (?:main )?content"
    r"|print|email|comments?|\(?\d+\)? comments?|post navigation|previous article|next article|tags?:.*)\s*[.!]?\s*$",
    re.IGNORECASE,
)


class ArticleUnreadable(Exception):
    """The file cannot become article text; ``reason`` says why in a few words."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class ArticleFile:
    article_id: str
    text: str
    source_file: str
    content_hash: str
    meta: dict[str, str] = field(default_factory=dict)
    boilerplate: tuple[tuple[int, int], ...] = ()


def decode_bytes(data: bytes) -> str:
    """The bytes as text: UTF-8 (with or without BOM), else a detected encoding, else an error."""
    if not data.strip():
        raise ArticleUnreadable("empty file")
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ArticleUnreadable("binary data, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        if best is None:
            raise ArticleUnreadable("not UTF-8 and no encoding detected") from None
        text = str(best)
        # Short Western-European texts are often guessed as a sibling single-byte code page;
        # Windows-1252 is by far the commonest of that family in news copy, so it wins when it fits.
        if best.encoding in _LATIN_FAMILY:
            try:
                text = data.decode("cp1252")
            except UnicodeDecodeError:
                pass
    if _control_ratio(text) > 0.02:
        raise ArticleUnreadable("binary data, not text")
    letters = sum(ch.isalpha() for ch in text)
    if letters < 0.4 * len(text.strip()):
        raise ArticleUnreadable("does not look like prose (too few letters)")
    return text.replace("\r\n", "\n").replace("\r", "\n")


_LATIN_FAMILY = frozenset(
    {"cp1250", "cp1252", "cp1254", "cp1257", "latin_1", "iso8859_2", "iso8859_9", "iso8859_15",
     "iso8859_13", "iso8859_16", "mac_roman", "mac_latin2", "cp850", "cp437"}
)


def _control_ratio(text: str) -> float:
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t\f")
    return controls / max(len(text), 1)


def boilerplate_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Character spans of whole lines that are site furniture rather than article text."""
    spans, pos = [], 0
    for line in text.split("\n"):
        if line.strip() and _BOILERPLATE_LINE.match(line):
            spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return tuple(spans)


def drop_boilerplate_lines(text: str) -> str:
    lines = [ln for ln in text.split("\n") if not (ln.strip() and _BOILERPLATE_LINE.match(ln))]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"


_DROP_TAGS = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe",
              "svg", "button", "template", "select", "figure figcaption")
_BLOCK_TAGS = "h1, h2, h3, h4, h5, h6, p, li, blockquote, pre, td, dd, dt"


def html_to_text(html: str) -> tuple[str, dict[str, str]]:
    """Visible article text of an HTML page, one block per paragraph, plus what the page says of itself."""
    from selectolax.lexbor import LexborHTMLParser as HTMLParser

    tree = HTMLParser(html)
    meta: dict[str, str] = {}
    title = tree.css_first("title")
    if title is not None and title.text(strip=True):
        meta["title"] = title.text(strip=True)
    for node in tree.css("meta"):
        key = (node.attributes.get("property") or node.attributes.get("name") or "").lower()
        value = (node.attributes.get("content") or "").strip()
        if not value:
            continue
        if key in ("og:title", "twitter:title"):
            meta["title"] = value
        elif key in ("og:site_name", "application-name", "publisher"):
            meta.setdefault("outlet", value)
        elif key in ("article:published_time", "date", "pubdate", "dc.date", "parsely-pub-date"):
            meta.setdefault("published", value)
        elif key == "og:url":
            meta.setdefault("url", value)
    canonical = tree.css_first("link[rel=canonical]")
    if canonical is not None and canonical.attributes.get("href"):
        meta.setdefault("url", canonical.attributes["href"])
    for selector in _DROP_TAGS:
        for node in tree.css(selector):
            node.decompose()
    root = tree.css_first("article") or tree.css_first("main") or tree.body or tree.root
    h1 = root.css_first("h1") if root is not None else None
    if h1 is not None and h1.text(strip=True):
        meta["title"] = h1.text(separator=" ", strip=True)
    blocks = []
    if root is not None:
        for node in root.css(_BLOCK_TAGS):
            if node.css_first(_BLOCK_TAGS) is not None and node.tag in ("li", "td", "blockquote"):
                continue  # its inner blocks are emitted on their own
            line = re.sub(r"\s+", " ", node.text(separator="")).strip()
            if line:
                blocks.append(line)
        if not blocks:
            blocks = [ln.strip() for ln in root.text(separator="\n").split("\n") if ln.strip()]
    return drop_boilerplate_lines("\n".join(blocks)), meta


_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.DOTALL)


def markdown_to_text(md: str) -> tuple[str, dict[str, str]]:
    """Plain text of a Markdown article: markup, images, link targets and front matter removed."""
    meta: dict[str, str] = {}
    fm = _FRONT_MATTER.match(md)
    if fm:
        for line in fm.group(1).splitlines():
            key, _, value = line.partition(":")
            key, value = key.strip().lower(), value.strip().strip("\"'")
            if value and key in ("title", "date", "published", "outlet", "source", "url"):
                meta[{"date": "published", "source": "outlet"}.get(key, key)] = value
        md = md[fm.end():]
    out = []
    for line in md.split("\n"):
        heading = re.match(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$", line)
        if heading:
            line = heading.group(1)
            meta.setdefault("title", line)
        if re.match(r"^\s*([-*_]\s*){3,}$", line) or line.strip().startswith("```"):
            continue
        line = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", line)
        line = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", line)
        line = re.sub(r"^\s{0,3}>\s?", "", line)
        line = re.sub(r"^\s*[-*+]\s+", "- ", line)
        line = re.sub(r"(\*\*|__)(.+?)\1", r"\2", line)
        line = re.sub(r"(?<![\w*])[*_](?!\s)(.+?)(?<!\s)[*_](?![\w*])", r"\1", line)
        line = re.sub(r"<[^>]+>", "", line)
        # A soft line break inside a Markdown paragraph is not a paragraph end: join it back.
        starts_block = heading or line.startswith("- ") or not line.strip()
        if out and out[-1].strip() and not starts_block and not out[-1].startswith("\0"):
            out[-1] = out[-1].rstrip() + " " + line.strip()
        else:
            out.append("\0" + line if heading else line)
    return drop_boilerplate_lines("\n".join(ln.lstrip("\0") for ln in out)), meta


def read_article_bytes(name: str, data: bytes) -> ArticleFile:
    """An article from a file's name and bytes (also used for uploads, which have no path)."""
    suffix = Path(name).suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise ArticleUnreadable(f"unsupported file type {suffix or '(none)'}; use .txt, .md or .html")
    if len(data) > MAX_BYTES:
        raise ArticleUnreadable(f"too large ({len(data) // 1_000_000} MB; the limit is {MAX_BYTES // 1_000_000} MB)")
    raw = decode_bytes(data)
    meta: dict[str, str] = {}
    if suffix in (".html", ".htm"):
        text, meta = html_to_text(raw)
    elif suffix in (".md", ".markdown"):
        text, meta = markdown_to_text(raw)
    else:
        text = raw
    if not text.strip():
        raise ArticleUnreadable("no article text left after removing page furniture")
    return ArticleFile(
        article_id=Path(name).stem,
        text=text,
        source_file=Path(name).name,
        content_hash=hashlib.sha256(data).hexdigest(),
        meta=meta,
        boilerplate=boilerplate_spans(text) if suffix == ".txt" else (),
    )


def read_article(path: Path) -> ArticleFile:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ArticleUnreadable(f"cannot open ({exc.strerror or exc.__class__.__name__})") from exc
    return read_article_bytes(path.name, data)


def article_paths(folder: Path) -> list[Path]:
    """Article files in a folder, sorted by name; the manifest and alias table are not articles."""
    return sorted(
        p for p in folder.iterdir()
        if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES and not p.name.startswith(".")
    )
