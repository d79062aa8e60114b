"""Grouping rows that report one thing, shared by the quote and event clusterers.

Each clusterer decides which pairs of rows are the same remark or happening; this module only
joins those pairs transitively (:class:`DisjointSets`) and names the groups
(:func:`label_clusters`): an id made from one member's stable row id, and the number of distinct
articles in the group ("reported by N articles"). It knows nothing about quotes or events.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence


class DisjointSets:
    """Union-find over row positions ``0..n-1``; the smaller position stays a group's root."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        parent = self.parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def same(self, a: int, b: int) -> bool:
        return self.find(a) == self.find(b)


def label_clusters(
    sets: DisjointSets,
    *,
    row_ids: Sequence[str],
    article_ids: Sequence[str],
    prefix: str,
    representative: Callable[[list[int]], int] = min,
) -> tuple[list[str], list[int]]:
    """Per row: its cluster id (``prefix`` + a short hash of the representative's row id) and the
    number of distinct articles in its cluster."""
    members_of: dict[int, list[int]] = {}
    for i in range(len(row_ids)):
        members_of.setdefault(sets.find(i), []).append(i)
    cluster, size = [""] * len(row_ids), [1] * len(row_ids)
    for members in members_of.values():
        cluster_id = prefix + hashlib.sha1(str(row_ids[representative(members)]).encode()).hexdigest()[:10]
        n_articles = len({article_ids[i] for i in members})
        for i in members:
            cluster[i], size[i] = cluster_id, n_articles
    return cluster, size
