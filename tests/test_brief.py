"""The cited brief: every sentence cites real article sentences; article text is escaped."""

from __future__ import annotations

import dataclasses

import pytest
from conftest import seed_articles

from newsfuse.brief.build import brief
from newsfuse.brief.render import to_html, to_json, to_markdown
from newsfuse.brief.short import MAX_LEAD, MAX_POINTS, MAX_WORDS
from newsfuse.extract.analyse import analyse
from newsfuse.models import Article, Block, Brief, Metadata, Origin, StoryInput
from newsfuse.stories.copies.index import CopyIndex

XSS = "<script>alert('x')</script>"


def _story(articles: list[Article]) -> StoryInput:
    index = CopyIndex()
    index.add_many(articles)
    analyses = {a.article_id: a for a in analyse(articles)}
    return StoryInput("s1", articles, analyses, {a.id: index.lineage(a.id) for a in articles})


def _article(aid: str, outlet: str, paragraphs: list[str], published: str) -> Article:
    return Article(
        id=aid,
        content_key=aid,
        origin=Origin(record_id=aid),
        format="text",
        meta=Metadata(outlet=outlet, published=published),
        body=tuple(Block(p) for p in paragraphs),
    )


@pytest.fixture(scope="module")
def seed_story() -> StoryInput:
    arts = [dataclasses.replace(a, captions=()) for a in seed_articles()]
    return _story(arts)


@pytest.fixture(scope="module")
def hostile_story() -> StoryInput:
    return _story(
        [
            _article(
                "a1",
                "Alpha <b>News</b>",
                [
                    "Police in Leeds arrested 3 men on Monday after a raid on a warehouse.",
                    f"The warehouse held stolen bicycles worth 40,000 pounds {XSS}, police said.",
                ],
                "2025-03-10T10:00",
            ),
            _article(
                "b1",
                "Beta Times",
                [
                    "Three men were arrested in Leeds on Monday after police raided a warehouse.",
                    "Neighbours said the building had been empty for years.",
                ],
                "2025-03-10T12:00",
            ),
        ]
    )


def _resolves(b: Brief, story: StoryInput) -> None:
    by_id = {a.id: a for a in story.articles}
    assert any(s.sentences for s in b.sections)
    for section in b.sections:
        for sentence in section.sentences:
            assert sentence.citations, (section.key, sentence.text)
            for c in sentence.citations:
                art = by_id[c.article_id]
                assert 0 <= c.paragraph < len(art.body)
                cut = story.analyses[art.id].sentences[c.paragraph]
                assert 0 <= c.sentence < len(cut)


@pytest.mark.parametrize("long", [False, True])
def test_every_seed_brief_sentence_cites_a_real_sentence(
    seed_story: StoryInput, long: bool
) -> None:
    _resolves(brief(seed_story, long=long), seed_story)


def test_the_short_brief_is_short_and_leads_with_what_both_report(seed_story: StoryInput) -> None:
    b = brief(seed_story)
    assert [s.key for s in b.sections] == ["lead", "points"]
    lead, points = (s.sentences for s in b.sections)
    words = sum(len(s.text.split()) for section in b.sections for s in section.sentences)
    assert 0 < len(lead) <= MAX_LEAD and len(points) <= MAX_POINTS and words <= MAX_WORDS
    assert all("2 independent sources" in s.note for s in lead)
    assert not [s for s in points if "differs" in s.note]  # the seeds conflict nowhere
    texts = [s.text for section in b.sections for s in section.sentences]
    assert len(set(texts)) == len(texts)
    assert not [t for t in texts if t.rstrip("”\"' ").endswith("?")]


def test_seed_dossier_has_no_conflicts_and_confirms_facts(seed_story: StoryInput) -> None:
    b = {s.key: s for s in brief(seed_story, long=True).sections}
    assert not b["conflicts"].sentences
    assert len(b["confirmed"].sentences) >= 3
    assert all("2 independent sources" in s.note for s in b["confirmed"].sentences)
    timeline = [s.note for s in b["timeline"].sentences]
    assert "13 Dec 2024" in timeline and "23 Sept 2024" not in timeline  # the caption's date
    # The story's own days come first, in date order, then the background.
    own = timeline[: timeline.index("13 Dec 2024") + 1]
    assert own.index("12 Dec 2024") < own.index("13 Dec 2024")
    assert "7 Oct 2023" in timeline[len(own) :] and "Sept 2025" in timeline[len(own) :]
    people = [s.text for s in b["people"].sentences]
    assert "Antony Blinken" in people and "Mohammed Shia al-Sudani" in people


@pytest.mark.parametrize("long", [False, True])
def test_brief_is_deterministic(seed_story: StoryInput, long: bool) -> None:
    shuffled = dataclasses.replace(seed_story, articles=list(reversed(seed_story.articles)))
    assert to_json(brief(seed_story, long=long)) == to_json(brief(shuffled, long=long))


def test_article_text_is_escaped_in_html(hostile_story: StoryInput) -> None:
    b = brief(hostile_story)
    _resolves(b, hostile_story)
    page = to_html(b)
    assert any(XSS in s.text for section in b.sections for s in section.sentences)
    assert "<script>" not in page and "<b>" not in page
    assert "&lt;script&gt;" in page


@pytest.mark.parametrize("render", [to_markdown, to_html])
def test_renderers_list_every_section(hostile_story: StoryInput, render: object) -> None:
    b = brief(hostile_story, long=True)
    out = render(b)  # type: ignore[operator]
    for section in b.sections:
        assert section.title in out


def test_a_disputed_fact_is_no_confirmed_point(seed_story: StoryInput) -> None:
    """A fact holding a claim that another report disputes is shown as the conflict only,
    never as confirmed beside it."""
    from newsfuse.brief.short import short_brief
    from newsfuse.compare.comparison import compare
    from newsfuse.models import ClaimGroup, Conflict

    comp = compare(seed_story)
    lead = short_brief(seed_story, comp).sections[0].sentences
    first = next(g for g in comp.by_status("corroborated") if lead[0].text in _texts(g))
    claim, other = first.claims[0], next(c for c in first.claims if c.article_id != "000")
    dispute = ClaimGroup(
        "conflicting",
        (claim, other),
        2,
        first.outlets,
        Conflict("number", "troop", (("1", (claim.id,)), ("2", (other.id,)))),
    )
    disputed = dataclasses.replace(comp, groups=(*comp.groups, dispute))
    shown = short_brief(seed_story, disputed)
    texts = [s.text for section in shown.sections for s in section.sentences]
    assert lead[0].text not in [s.text for s in shown.sections[0].sentences]
    assert any("differs" in s.note for s in shown.sections[1].sentences)
    assert len(texts) == len(set(texts))


def _texts(group) -> list[str]:  # type: ignore[no-untyped-def]
    from newsfuse.brief.cite import dateline_trimmed

    return [dateline_trimmed(c) for c in group.claims]


def test_what_the_reports_agree_on_of_a_disputed_fact_stays() -> None:
    """Of a fact in conflict, the claims on neither side may still confirm it; those on a side
    never do."""
    from newsfuse.brief.short import _undisputed
    from newsfuse.models import Claim, ClaimGroup, Conflict

    def claim(cid: str, article: str) -> Claim:
        return Claim(cid, article, None, 0, 0, 0, 10, f"Sentence {cid} of the report.")

    a, b, c = claim("a:0.0", "a"), claim("b:0.0", "b"), claim("c:0.0", "c")
    conflict = Conflict("number", "worker", (("1,400", (a.id,)), ("2,100", (b.id,))))
    group = ClaimGroup(
        "conflicting", (a, b, c), 3, ("A", "B", "C"), conflict, (), 0.8, (0.9, 0.8, 0.7)
    )
    rest = _undisputed(group, {a.id, b.id})
    assert rest is not None and rest.claims == (c,) and rest.support == (0.7,)
    assert rest.status == "corroborated" and rest.conflict is None
    assert _undisputed(group, {a.id, b.id, c.id}) is None
    plain = dataclasses.replace(group, status="corroborated", conflict=None)
    assert _undisputed(plain, set()) is plain
