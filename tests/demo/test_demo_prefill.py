"""A final assistant message is carried on, as the API does (continuing a cut reply)."""

from __future__ import annotations

from typing import Any

import anthropic


def test_a_final_assistant_message_is_continued_not_repeated(api_server: Any) -> None:
    with anthropic.Anthropic(api_key="k", base_url=api_server.base_url, max_retries=0) as client:
        ask = [{"role": "user", "content": "Explain monads"}]
        cut = client.messages.create(model="claude-sonnet-5-5", max_tokens=20, messages=ask)
        assert cut.stop_reason == "max_tokens"
        start = cut.content[0].text.rstrip()  # type: ignore[union-attr]
        rest = client.messages.create(
            model="claude-sonnet-5-5",
            max_tokens=4000,
            messages=[*ask, {"role": "assistant", "content": start}],
        )
        whole = client.messages.create(model="claude-sonnet-5-5", max_tokens=4000, messages=ask)

    assert rest.stop_reason == "end_turn"
    assert start + rest.content[0].text == whole.content[0].text  # type: ignore[union-attr]
