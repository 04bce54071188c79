"""A claim's record (summary, review, evidence) across its sources: stored, undone, restarted,
exported and imported, merged with another annotator's; grouped with a verdict."""

from __future__ import annotations

import json

import pytest

from eternaut_reader import load_corpus, open_store
from eternaut_reader.cli import main
from eternaut_reader.core.analysis.scorecard import scorecard
from eternaut_reader.core.annotations.editing import ClaimEditor
from eternaut_reader.core.annotations.groups import MIXED, claim_groups, verdict_label
from eternaut_reader.core.annotations.model import Evidence
from eternaut_reader.core.annotations.record import BadRecord, read_record
from eternaut_reader.core.storage.database import NotInClaim

CALL = Evidence(
    "https://ir.netflix.net/q2-2025-interview",
    "Netflix Q2 2025 earnings interview",
    "the first GenAI final footage to appear on screen",
    "Sarandos says it himself",
)
RELEASE = Evidence("https://about.netflix.com/en/news", "Netflix press room")


def _three_reports(store, corpus, tags=("confirmed", "confirmed", "contradicted")):
    """The first sentence of three reports, tagged, the first linked to the other two."""
    made = []
    for article, tag in zip(corpus.articles[:3], tags, strict=True):
        first = article.segment()[0]
        made.append(store.add(article, first.start, first.end, tag))
    store.link(made[0].id, made[1].id, "supports")
    store.link(made[0].id, made[2].id, "contradicts")
    return made


def test_a_record_is_written_undone_redone_and_survives_a_restart():
    corpus = load_corpus()
    with open_store(annotator="ana") as store:
        made = _three_reports(store, corpus)
        editor = ClaimEditor.load(store, corpus)
        group = editor.group(made[2].id)  # from any of its passages
        assert {a.id for a in group.members} == {a.id for a in made}
        editor.set_record(group, summary="Netflix used GenAI on screen", review="Two agree.")
        editor.set_record(editor.group(made[1].id), evidence=(CALL,))
        editor.set_record(editor.group(made[1].id), evidence=(CALL, RELEASE))
        group = editor.group(made[0].id)
        assert group.summary() == "Netflix used GenAI on screen"
        assert [item for _, item in group.evidence()] == [CALL, RELEASE]
        # Removing evidence is one undoable step; undo brings it back.
        editor.set_record(group, evidence=(RELEASE,))
        assert [item for _, item in editor.group(made[0].id).evidence()] == [RELEASE]
        editor.undo()
        assert [item for _, item in editor.group(made[0].id).evidence()] == [CALL, RELEASE]
        editor.redo()
        editor.undo()
    with open_store(annotator="ana") as store:  # a restart
        editor = ClaimEditor.load(store, corpus)
        group = editor.group(made[1].id)
        assert group.summary() == "Netflix used GenAI on screen"
        assert group.reviews() == [("ana", "Two agree.")]
        assert [item for _, item in group.evidence()] == [CALL, RELEASE]
        # Every field of the record sits on one annotation: the lead.
        assert [a.id for a in group.records()] == [made[0].id]
        editor.undo()  # the undo history survives the restart too
        assert [item for _, item in editor.group(made[1].id).evidence()] == [CALL]


def test_an_annotator_with_no_passage_in_a_claim_cannot_write_its_record():
    corpus = load_corpus()
    with open_store(annotator="ana") as store:
        made = _three_reports(store, corpus)
    with open_store(annotator="bob") as store:
        editor = ClaimEditor.load(store, corpus)
        with pytest.raises(NotInClaim, match="none of this claim's passages is yours"):
            editor.set_record(editor.group(made[0].id), review="mine")


def test_evidence_two_annotators_both_gave_is_listed_once_and_mine_to_edit():
    corpus = load_corpus()
    with open_store(annotator="ana") as store:
        made = _three_reports(store, corpus)
        ClaimEditor.load(store, corpus).set_record(
            store_group(store, corpus, made), evidence=(CALL,)
        )
    with open_store(annotator="bob") as store:
        first = corpus.articles[3].segment()[0]
        bobs = store.add(corpus.articles[3], first.start, first.end, "confirmed")
        store.link(bobs.id, made[0].id, "supports")
        editor = ClaimEditor.load(store, corpus)
        editor.set_record(editor.group(bobs.id), evidence=(CALL, RELEASE))
        group = editor.group(made[0].id)
        # Once each; the call transcript is bob's too, so bob can edit or remove it.
        assert group.evidence("bob") == [("bob", CALL), ("bob", RELEASE)]
        assert group.evidence("ana") == [("ana", CALL), ("bob", RELEASE)]
        assert group.evidence() == [("ana", CALL), ("bob", RELEASE)]
        editor.set_record(group, evidence=(RELEASE,))  # bob removes his copy
        assert editor.group(made[0].id).evidence("bob") == [("ana", CALL), ("bob", RELEASE)]


def store_group(store, corpus, made):
    return ClaimEditor.load(store, corpus).group(made[0].id)


def test_the_verdict_is_mixed_when_reports_disagree_and_says_who_says_what():
    corpus = load_corpus()
    with open_store(annotator="ana") as store:
        made = _three_reports(store, corpus)
        titles = {a.id: a.title for a in corpus.articles}
        [group] = claim_groups(store.annotations(), titles)
    assert group.verdict == MIXED
    assert verdict_label(group.verdict) == "± mixed"
    reason = group.verdict_reason()
    assert reason.startswith("confirmed in ")
    assert titles[made[2].article_id] in reason.split("contradicted in ")[1]


def test_passages_linked_as_contradicting_make_a_one_tag_claim_mixed():
    """Confirmed in one report and linked as contradicting another report's open passage:
    the reports disagree, so the claim is mixed, not "✓ confirmed" above "where the passages
    disagree" (an outside tester). A claim tagged contradicted stays contradicted."""
    corpus = load_corpus()
    with open_store(annotator="ana") as store:
        made = _three_reports(store, corpus, tags=("confirmed", "confirmed", None))
        [group] = claim_groups(store.annotations(), {})
        assert group.verdict == MIXED and group.contradicts_within()
        assert "open in " in group.verdict_reason()
        store.unlink(made[0].id, made[2].id)
        store.link(made[0].id, made[2].id, "supports")
        [group] = claim_groups(store.annotations(), {})
        assert group.verdict == "confirmed"
    with open_store(annotator="bob") as store:
        made = _three_reports(store, corpus, tags=("contradicted", None, None))
        groups = claim_groups([a for a in store.annotations() if a.annotator == "bob"], {})
        assert [g.verdict for g in groups] == ["contradicted"]


def test_claims_are_ranked_disagreements_first_then_contradicted_speculative_confirmed():
    corpus = load_corpus()
    article = corpus.articles[0]
    units = article.segment()
    with open_store(annotator="ana") as store:
        for unit, tag in zip(
            units[:4], ("confirmed", None, "speculative", "contradicted"), strict=True
        ):
            store.add(article, unit.start, unit.end, tag)
        groups = claim_groups(store.annotations(), ranked=True)
    assert [g.verdict for g in groups] == ["contradicted", "speculative", "confirmed", "open"]


def test_a_record_round_trips_through_json_and_jsonl_and_merges_with_anothers(tmp_path):
    corpus = load_corpus()
    with open_store(annotator="ana") as store:
        made = _three_reports(store, corpus)
        store.update(made[0].id, summary="S", review="R\nwith a second line", evidence=(CALL,))
    for fmt in ("json", "jsonl"):
        out = tmp_path / f"out.{fmt}"
        assert main(["export", "-f", fmt, "-o", str(out)]) == 0
        other = tmp_path / f"other-{fmt}.json"
        assert main(["import", "--db", str(other), str(out)]) == 0
        with open_store(other) as back:
            lead = back.get(made[0].id)
        assert (lead.summary, lead.review, lead.evidence) == ("S", "R\nwith a second line", (CALL,))
    # Bob's own claim, in a fourth report, merges in; linked, both records show.
    bob_db = tmp_path / "bob.json"
    with open_store(bob_db, annotator="bob") as store:
        article = corpus.articles[3]
        first = article.segment()[0]
        mine = store.add(article, first.start, first.end, "confirmed")
        store.update(mine.id, review="Bob agrees", evidence=(RELEASE,))
    bob_out = tmp_path / "bob-out.json"
    assert main(["export", "--db", str(bob_db), "-o", str(bob_out)]) == 0
    assert main(["import", str(bob_out)]) == 0
    with open_store(annotator="ana") as store:
        editor = ClaimEditor.load(store, corpus)
        group = editor.group(made[0].id)
        bob = store.get(mine.id)
        assert bob is not None and bob.review == "Bob agrees"
        # Ana links her claim to Bob's passage: one claim, both records.
        store.link(made[0].id, mine.id, "supports")
        group = editor.group(made[0].id)
        assert group.reviews() == [("ana", "R\nwith a second line"), ("bob", "Bob agrees")]
        assert group.evidence() == [("ana", CALL), ("bob", RELEASE)]
        assert group.lead("ana").id == made[0].id and group.lead("bob").id == mine.id


@pytest.mark.parametrize(
    "evidence, message",
    [
        ([{"url": "javascript:alert(1)", "title": "x"}], "not an http or https URL"),
        ([{"url": "file:///etc/passwd"}], "not an http or https URL"),
        ([{"url": "https://a.example/\x1b]0;x\x07"}], "holds a control character"),
        ([{"quote": "no url, no title"}], "needs a URL or a title"),
        ([{"url": 5}], '"url" must be a string'),
        ("https://a.example", '"evidence" must be an array'),
        (["https://a.example"], "evidence item must be an object"),
    ],
)
def test_bad_evidence_in_an_import_is_refused_with_one_line(evidence, message):
    record = {
        "id": "a1",
        "article_id": "x",
        "quote": "abc",
        "start": 0,
        "end": 3,
        "tag": "confirmed",
        "evidence": evidence,
    }
    with pytest.raises(BadRecord, match=message.replace("(", r"\(")):
        read_record(record)


def test_an_old_record_without_a_claim_record_is_read_and_written_as_before():
    record = {
        "schema": 1,
        "id": "a1",
        "article_id": "x",
        "quote": "abc",
        "prefix": "",
        "suffix": "",
        "start": 0,
        "end": 3,
        "tag": None,
        "note": "",
        "links": [],
        "annotator": "ana",
        "created": "2025-07-18T10:00:00.000Z",
        "modified": "2025-07-18T10:00:00.000Z",
        "content_hash": "h",
    }
    ann = read_record(record, stored=True)
    assert (ann.review, ann.evidence) == ("", ())
    assert ann.to_dict() == record  # no new keys for a record that has none
    stored = read_record(json.loads(json.dumps({**record, "review": "R"})), stored=True)
    assert stored.review == "R" and stored.to_dict()["review"] == "R"


def test_the_scorecard_counts_each_reports_verdicts_and_the_claims_only_it_makes():
    corpus = load_corpus()
    with open_store(annotator="ana") as store:
        made = _three_reports(store, corpus)
        lonely = corpus.articles[3]
        unit = lonely.segment()[1]
        store.add(lonely, unit.start, unit.end, "speculative")
        groups = claim_groups(store.annotations())
    columns = [(a.id, a.title) for a in corpus.articles]
    scores = {s.article_id: s for s in scorecard(groups, columns)}
    assert scores[made[0].article_id].confirmed == 1
    assert scores[made[2].article_id].contradicted == 1
    assert scores[made[2].article_id].alone == 0
    assert (scores[lonely.id].speculative, scores[lonely.id].alone) == (1, 1)
    assert scores[corpus.articles[4].id].claims == 0


def test_the_scorecard_counts_every_claim_of_a_report_even_two_in_one_linked_group():
    """Two claims of one report linked into one group are two claims, as the pane's header
    and the claims panel count them (the scorecard drew one glyph for both, a tester saw)."""
    corpus = load_corpus()
    with open_store(annotator="ana") as store:
        made = _three_reports(store, corpus)
        first = corpus.articles[0]
        second = first.segment()[1]
        extra = store.add(first, second.start, second.end, "speculative")
        store.link(made[1].id, extra.id, "supports")  # joined through the second report
        groups = claim_groups(store.annotations())
    assert len(groups) == 1
    columns = [(a.id, a.title) for a in corpus.articles]
    score = {s.article_id: s for s in scorecard(groups, columns)}[first.id]
    assert (score.claims, score.confirmed, score.speculative) == (2, 1, 1)


def test_a_record_written_through_a_stale_view_of_the_claim_lands_on_a_passage_still_there():
    # The reader's view of the claim predates a change from disk: its lead was removed by
    # another program. The record goes to the annotator's passage that is left, no traceback.
    corpus = load_corpus()
    with open_store(annotator="ana") as store:
        made = _three_reports(store, corpus)
        editor = ClaimEditor.load(store, corpus)
        stale = editor.group(made[1].id)
        assert stale.lead("ana").id == made[0].id
        store.remove(made[0].id)  # the lead, and with it the links it made
        editor.set_record(stale, review="still saved")
        assert store.get(made[1].id).review == "still saved"
        store.remove(made[1].id)
        store.remove(made[2].id)
        with pytest.raises(NotInClaim):
            editor.set_record(stale, review="nowhere to go")
