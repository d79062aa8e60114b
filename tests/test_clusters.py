"""Cluster plumbing shared by quotes and events: transitive joins, stable ids, article counts."""

from __future__ import annotations

from sitrep.clusters import DisjointSets, label_clusters


def test_joins_are_transitive_and_the_first_row_is_the_root():
    sets = DisjointSets(5)
    sets.union(3, 1)
    sets.union(1, 4)
    assert sets.same(3, 4) and not sets.same(0, 3)
    assert sets.find(4) == 1


def test_labels_count_distinct_articles_and_follow_the_representative():
    sets = DisjointSets(4)
    sets.union(0, 1)
    sets.union(1, 2)
    ids, sizes = label_clusters(sets, row_ids=["a:q:1", "a:q:9", "b:q:4", "c:q:2"],
                                article_ids=["a", "a", "b", "c"], prefix="qc-")
    assert ids[0] == ids[1] == ids[2] != ids[3]
    assert sizes == [2, 2, 2, 1]
    assert ids[0].startswith("qc-") and len(ids[0]) == 13
    by_last, _ = label_clusters(sets, row_ids=["a:q:1", "a:q:9", "b:q:4", "c:q:2"],
                                article_ids=["a", "a", "b", "c"], prefix="qc-", representative=max)
    assert by_last[0] != ids[0]  # the id names the chosen representative


def test_ids_do_not_depend_on_how_rows_were_joined():
    first, second = DisjointSets(3), DisjointSets(3)
    first.union(0, 1), first.union(1, 2)
    second.union(2, 1), second.union(0, 2)
    args = dict(row_ids=["x", "y", "z"], article_ids=["a", "b", "c"], prefix="ec-")
    assert label_clusters(first, **args) == label_clusters(second, **args)
