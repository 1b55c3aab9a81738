"""Similar measures: the quality benchmark on a labelled set, and the explanations."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import yaml

from sprida.spreading.similarity import SimilarityDoc, SimilarityIndex

FIXTURE = Path(__file__).parent / "fixtures" / "labelled_measures.yaml"
K = 3


def _labelled() -> list[dict]:
    return yaml.safe_load(FIXTURE.read_text(encoding="utf-8"))["measures"]


def _index(measures: list[dict]) -> SimilarityIndex:
    groups = {slug: n for n, slug in enumerate(sorted({m["region"] for m in measures}))}
    return SimilarityIndex(
        SimilarityDoc(m["id"], groups[m["region"]], m["title"], m["description"]) for m in measures
    )


def test_labelled_set_is_big_and_varied_enough():
    measures = _labelled()
    assert len(measures) >= 60
    assert len({m["category"] for m in measures}) >= 8
    assert len({m["region"] for m in measures}) >= 15
    by_id = {m["id"]: m for m in measures}
    for m in measures:
        others = [by_id[s] for s in m["similar"] if by_id[s]["region"] != m["region"]]
        assert len(others) >= K, f"measure {m['id']} needs {K} true matches in other regions"
        assert m["id"] not in m["similar"]


def test_precision_at_3_is_at_least_0_9():
    measures = _labelled()
    index = _index(measures)
    truth = {m["id"]: set(m["similar"]) for m in measures}
    precisions = []
    for m in measures:
        top = index.similar(m["id"], K)
        precisions.append(sum(1 for match in top if match.id in truth[m["id"]]) / K)
    precision = sum(precisions) / len(precisions)
    assert precision >= 0.9, f"precision@3 = {precision:.3f}"


def test_matches_are_in_other_regions_and_explained():
    measures = _labelled()
    index = _index(measures)
    region = {m["id"]: m["region"] for m in measures}
    for m in measures:
        for match in index.similar(m["id"], K):
            assert region[match.id] != m["region"]
            assert match.terms, "every match names the shared terms"
            assert all(not term.startswith("#") for term in match.terms)


def test_inflections_and_compounds_match():
    docs = [
        SimilarityDoc(1, 1, "Taligenkänning i journalen", "Diktat blir text."),
        SimilarityDoc(2, 2, "Taligenkänningen breddinförs", "Dikteringen ersätts."),
        SimilarityDoc(3, 3, "Hemmonitorering av hjärtsvikt", "Patienterna mäter hemma."),
        SimilarityDoc(4, 4, "Distansmonitorering vid KOL", "Värden följs på distans."),
        SimilarityDoc(5, 5, "Monitorering av egna värden", "Egenmätning i hemmet."),
    ]
    index = SimilarityIndex(docs)
    first = index.similar(1, 1)[0]
    assert first.id == 2
    assert "taligenkänning" in first.terms
    assert index.similar(3, 1)[0].id in {4, 5}
    assert "monitorering" in index.explain(3, 4)


def test_same_region_can_be_included_and_empty_docs_match_nothing():
    docs = [
        SimilarityDoc(1, 1, "Läkemedelsrobot", "Robot för läkemedel."),
        SimilarityDoc(2, 1, "Läkemedelsrobotar på sjukhus", "Robotar för läkemedel."),
        SimilarityDoc(3, 2, "", ""),
    ]
    index = SimilarityIndex(docs)
    assert index.similar(1) == []
    assert [m.id for m in index.similar(1, other_groups=False)] == [2]
    assert index.similar(3) == []


def test_ranking_is_deterministic():
    measures = _labelled()
    first = [(m.id, m.score) for m in _index(measures).similar(1, 5)]
    again = [(m.id, m.score) for m in _index(list(reversed(measures))).similar(1, 5)]
    assert first == again
    assert Counter(m["category"] for m in measures).most_common(1)[0][1] <= 8
