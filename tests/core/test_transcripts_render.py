"""Markdown and HTML transcripts: what people read, with nothing in a message run as code."""

from __future__ import annotations

import re
from collections.abc import Callable
from html.parser import HTMLParser

import pytest

from desktop_chat.core.conversation import Conversation, Message, Status
from desktop_chat.core.transcript_html import to_html
from desktop_chat.core.transcript_markdown import to_markdown


def hostile() -> Conversation:
    return Conversation(
        title='<script>alert("title")</script> & "quotes"',
        messages=[
            Message.user("<script>alert('user')</script>\n<img src=x onerror=alert(1)>"),
            Message(
                role="assistant",
                content=[
                    {
                        "type": "thinking",
                        "thinking": "</details><script>t()</script>",
                        "signature": "s",
                    },
                    {
                        "type": "text",
                        "text": "Use `<div>` here.\n\n```\n<script>kept()</script>\n```",
                    },
                    {
                        "type": "tool_use",
                        "id": "toolu_1",
                        "name": "<b>tool</b>",
                        "input": {"html": "</code></pre><script>x()</script>", "ticks": "````"},
                    },
                ],
                model="<model>",
                error="<script>err()</script>",
                status=Status.ERROR,
            ),
        ],
    )


# -- Markdown -------------------------------------------------------------------------------


def test_markdown_layout(sample: Callable[..., Conversation]) -> None:
    md = to_markdown([sample()])
    assert md.startswith("# Rivers of Europe \\<b\\>\n")
    assert "## You · 2023-11-14 22:13:20 UTC" in md
    assert "## Claude · " in md
    # The metadata line of each reply.
    assert (
        "*claude-sonnet-5-5 · stop: tool\\_use · 1,234 in / 567 out tokens "
        "(cache: 89 read, 10 written) · first token 0.42 s · 55.5 tokens/s · complete · "
    ) in md
    # Thinking folds away; its lines are quoted.
    assert "<details>\n<summary>Thinking</summary>\n\n> The Limmat flows out of Lake Zürich." in md
    assert "*Thinking (redacted: encrypted by the API, not shown)*" in md
    # Tool use as a fenced JSON block.
    assert '**Tool use: get\\_map**\n\n```json\n{\n  "input"' not in md
    assert '**Tool use: get\\_map**\n\n```json\n{\n  "layers": [\n    "water"\n  ],' in md
    assert "**server\\_tool\\_use**\n\n```json\n" in md
    # Citations: a marker after the cited text, then numbered sources, web links only.
    assert r"\[1\]\[2\]" in md
    assert (
        "> 1. Limmat - Wikipedia <https://en.wikipedia.org/wiki/Limmat> — "
        "“The Limmat is a river in Switzerland.”"
    ) in md
    assert "> 2. evil\n" in md
    assert "javascript:" not in md
    # Errors are said.
    assert "> **Error:** The connection dropped mid-reply." in md
    assert md.endswith("\n") and not md.endswith("\n\n")


def test_markdown_escapes_html_outside_code() -> None:
    md = to_markdown([hostile()])
    assert "<img" not in md
    assert "&lt;script>alert('user')&lt;/script>" in md
    assert '# \\<script\\>alert("title")\\</script\\> \\& "quotes"' in md
    assert "> &lt;/details>&lt;script>t()&lt;/script>" in md  # cannot close the <details>
    assert md.count("</details>") == 1
    assert "Use `<div>` here." in md  # a code span shows it as written
    assert "```\n<script>kept()</script>\n```" in md  # and so does a fenced block
    assert "\\<model\\>" in md
    assert "**Error:** \\<script\\>err()\\</script\\>" in md


def test_markdown_fences_outgrow_the_backticks_inside() -> None:
    md = to_markdown([hostile()])
    assert '**Tool use: \\<b\\>tool\\</b\\>**\n\n`````json\n{\n  "html"' in md


def test_markdown_closes_a_fence_the_message_left_open() -> None:
    conv = Conversation(title="t", messages=[Message.user("```\nno end"), Message.user("<next>")])
    md = to_markdown([conv])
    assert "```\nno end\n```\n" in md
    assert "&lt;next>" in md


def test_markdown_of_several_conversations(sample: Callable[..., Conversation]) -> None:
    md = to_markdown([sample("One"), sample("Two")])
    assert md.count("\n---\n\n# Two\n") == 1 and md.startswith("# One\n")


# -- HTML -----------------------------------------------------------------------------------


class Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs.extend(attrs)


def parsed(html: str) -> Tags:
    p = Tags()
    p.feed(html)
    p.close()
    return p


def test_html_escapes_everything() -> None:
    html = to_html([hostile()], title="<script>doc</script>")
    assert "<script" not in html.lower()
    assert "<img" not in html.lower()
    tags = parsed(html)
    assert set(tags.tags) <= {
        "html", "head", "meta", "title", "style", "body", "article", "h1", "p", "section",
        "h2", "span", "div", "details", "summary", "pre", "code", "strong", "ul", "li", "a",
    }  # fmt: skip
    assert "script" not in tags.tags and "img" not in tags.tags
    assert "&lt;script&gt;alert(&#x27;user&#x27;)&lt;/script&gt;" in html
    assert "&lt;/details&gt;&lt;script&gt;t()&lt;/script&gt;" in html
    assert "&lt;/code&gt;&lt;/pre&gt;&lt;script&gt;x()&lt;/script&gt;" in html
    assert "<title>&lt;script&gt;doc&lt;/script&gt;</title>" in html
    assert "&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt; &amp; &quot;quotes&quot;" in html
    assert not any(name.startswith("on") for name, _ in tags.attrs)


def test_html_is_self_contained(sample: Callable[..., Conversation]) -> None:
    html = to_html([sample(), hostile()])
    tags = parsed(html)
    assert not {"link", "img", "script", "iframe", "object", "embed"} & set(tags.tags)
    assert not any(name == "src" for name, _ in tags.attrs)
    assert "@import" not in html and "url(" not in html
    hrefs = [v for name, v in tags.attrs if name == "href"]
    # The marker and the source's title link to it; no javascript: link.
    assert hrefs == ["https://en.wikipedia.org/wiki/Limmat"] * 2
    assert "Content-Security-Policy" in html and "default-src 'none'" in html
    assert html.startswith("<!DOCTYPE html>\n") and html.endswith("</html>\n")
    assert re.search(r"<style>\n.+\n</style>", html, re.S)


def test_html_content(sample: Callable[..., Conversation]) -> None:
    html = to_html([sample()])
    assert "<details><summary>Thinking</summary>" in html
    assert "Tool use: get_map" in html
    assert "first token 0.42 s · 55.5 tokens/s · complete" in html
    assert '<p class="error">Error: The connection dropped mid-reply.</p>' in html
    assert '<section class="user"' in html and '<section class="assistant"' in html


def test_rendered_markdown_runs_nothing(sample: Callable[..., Conversation]) -> None:
    markdown_it = pytest.importorskip("markdown_it")
    rendered = markdown_it.MarkdownIt("commonmark").render(to_markdown([hostile(), sample()]))
    tags = parsed(rendered)
    assert "script" not in tags.tags and "img" not in tags.tags
    assert not any(name.startswith("on") for name, _ in tags.attrs)
    assert tags.tags.count("details") == 2  # ours; the message's </details> stayed text
    assert "&lt;script&gt;kept()&lt;/script&gt;" in rendered  # the fenced block, as text
    assert "<code>&lt;div&gt;</code>" in rendered
