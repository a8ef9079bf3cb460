"""A demo web-search answer in the three exports: markers, numbered sources, quotes."""

from __future__ import annotations

from typing import Any

from test_stream_turn import ask, run_turn

from desktop_chat.core.conversation import Status
from desktop_chat.core.transcript_html import to_html
from desktop_chat.core.transcript_json import to_json
from desktop_chat.core.transcript_markdown import to_markdown
from desktop_chat.core.transcript_parse import parse_json


def test_a_cited_answer_in_every_export(api_server: Any) -> None:
    conversation = ask("Rivers of Zürich")
    snapshot, _, _ = run_turn(api_server, conversation, scenario="web_search")
    conversation.append(snapshot.to_message(Status.COMPLETE))

    md = to_markdown([conversation])
    assert "The Limmat flows out of Lake Zürich\\[1\\], and the Sihl joins it" in md
    assert (
        "> 1. Limmat - Wikipedia <https://en.wikipedia.org/wiki/Limmat> — "
        "“The Limmat is a river in Switzerland that flows out of Lake Zürich.”"
    ) in md
    assert "> 2. Zürich rivers and lakes <https://www.zuerich.com/en/visit/rivers>" in md

    html = to_html([conversation])
    assert (
        '<sup><a href="https://en.wikipedia.org/wiki/Limmat" rel="noreferrer noopener" '
        'title="The Limmat is a river in Switzerland that flows out of Lake Zürich.">[1]</a></sup>'
    ) in html
    assert '<ol class="meta sources"><li><a href="https://en.wikipedia.org/wiki/Limmat"' in html

    again = parse_json(to_json([conversation]))[0]
    assert again.messages[-1].content == conversation.messages[-1].content
