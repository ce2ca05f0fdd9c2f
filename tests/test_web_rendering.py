"""Tests for the pages' HTML helpers (newsfuse.web.rendering)."""

from __future__ import annotations

from newsfuse.web.rendering import paragraphs_html

PARAS = [
    {
        "id": "a-p0",
        "heading": False,
        "sentences": [
            {
                "id": "a-s0",
                "text": 'He said "<script>alert(1)</script>" & left.',
                "status": "corroborated",
                "fact": "f1",
                "backing": ["Outlet <B>", "C & D"],
            },
            {"id": "a-s1", "text": "Plain.", "status": "single-source"},
            {"id": "a-s2", "text": "Not compared."},
        ],
    },
    {"id": "a-p1", "heading": True, "sentences": [{"id": "a-s3", "text": "A 'heading'"}]},
]


def test_sentences_are_spans_with_their_status_and_every_value_escaped() -> None:
    html = str(paragraphs_html(PARAS))
    assert html == (
        '<p id="a-p0" class="para">'
        '<span class="s claim-corroborated" id="a-s0" data-fact="f1" tabindex="0" '
        'title="corroborated: Outlet &lt;B&gt;, C &amp; D">'
        "He said &#34;&lt;script&gt;alert(1)&lt;/script&gt;&#34; &amp; left.</span> "
        '<span class="s claim-single-source" id="a-s1" title="single-source">Plain.</span> '
        '<span class="s" id="a-s2">Not compared.</span></p>'
        '<h4 id="a-p1" class="para"><span class="s" id="a-s3">A &#39;heading&#39;</span></h4>'
    )
