"""The ``sitrep`` command: ``sitrep build [ARTICLES_DIR] [--out DATA_DIR]``.

Reports progress on stderr during a long build, every skipped file with its reason, and one summary
line at the end. Exit status 0 when tables were written (or were already up to date with
``--if-stale``), 1 with a one-line reason otherwise.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sitrep.build import BuildError, build_corpus, is_stale


def _progress_printer(stream):
    last = {"shown": -1}

    def progress(done: int, total: int, article_id: str) -> None:
        if stream.isatty():
            stream.write(f"\r  [{done}/{total}] {article_id[:50]:<50}")
            if done == total:
                stream.write("\n")
            stream.flush()
            return
        step = max(1, total // 10)
        if total >= 20 and (done % step == 0 or done == total) and done != last["shown"]:
            last["shown"] = done
            stream.write(f"  [{done}/{total}] articles parsed\n")
            stream.flush()

    return progress


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="sitrep", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    build = sub.add_parser("build", help="build the tables from a folder of articles")
    build.add_argument("articles_dir", nargs="?", default="seeds", type=Path)
    build.add_argument("--out", default="data", type=Path, help="where the tables go (default: data/)")
    build.add_argument("--if-stale", action="store_true",
                       help="do nothing when the tables were built from these very inputs")
    build.add_argument("--quiet", action="store_true", help="only the summary line and problems")
    args = parser.parse_args(argv)

    if args.if_stale and args.articles_dir.is_dir() and not is_stale(args.articles_dir, args.out):
        print(f"tables in {args.out} are up to date with {args.articles_dir}")
        return 0
    try:
        report = build_corpus(
            args.articles_dir, args.out, progress=None if args.quiet else _progress_printer(sys.stderr)
        )
    except BuildError as exc:
        print(f"sitrep build: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("sitrep build: interrupted; the previous tables are unchanged", file=sys.stderr)
        return 130
    for warning in report.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    for skipped in report.skipped:
        print(str(skipped), file=sys.stderr)
    if report.undated_note():
        print(report.undated_note(), file=sys.stderr)
    print(report.summary())
    return 0


if __name__ == "__main__":
    sys.exit(main())
