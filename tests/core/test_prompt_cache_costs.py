"""Prompt caching on by default, and what a conversation costs, through the real SDK and the
embedded server: the usage the server reported is what the costs are made of."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from desktop_chat.core import costs, web_tools
from desktop_chat.core.client import make_client
from desktop_chat.core.conversation import Conversation, Message, Status
from desktop_chat.core.keymap import Keymap
from desktop_chat.core.pricing import PriceBook, builtin_prices_dir
from desktop_chat.core.retry import RetryPolicy
from desktop_chat.core.settings import Settings
from desktop_chat.core.stream import Figures, Update
from desktop_chat.core.turn import Turn
from desktop_chat.demo.server import DemoServer

SYSTEM = "You answer questions about rivers, bridges and the towns along them. " * 90


class Listener:
    def __init__(self) -> None:
        self.ended = asyncio.Event()
        self.notices: list[str] = []

    def on_reply_started(self, continuing: bool) -> None: ...
    def on_update(self, update: Update) -> None: ...
    def on_figures(self, figures: Figures) -> None: ...
    def on_reply_finished(self, message: Message) -> None: ...
    def on_path_changed(self) -> None: ...
    def on_notice(self, text: str, error: bool) -> None:
        self.notices.append(text)

    def on_countdown(self, text: str) -> None: ...
    def on_key_rejected(self) -> None: ...
    def on_turn_ended(self) -> None:
        self.ended.set()


@pytest.fixture
def server() -> Iterator[DemoServer]:
    """A server of its own: its prompt cache starts empty."""
    with DemoServer(tokens_per_second=0, stall_seconds=3.0) as demo:
        yield demo


def converse(server: DemoServer, settings: Settings, questions: list[str]) -> Conversation:
    """Ask ``questions`` one after the other, each a turn through the real client."""
    conversation = Conversation(title="rivers")

    async def go() -> None:
        async def open_client() -> Any:
            return make_client(api_key="test-key", base_url=server.base_url, max_retries=0)

        for question in questions:
            conversation.append(Message.user(question))
            listener = Listener()
            turn = Turn(
                conversation,
                settings.request_params(),
                open_client,
                listener,
                saver=None,
                retry_policy=RetryPolicy(max_attempts=1),
                key=Keymap().text_for,
            )
            turn.start()
            await listener.ended.wait()
            assert not listener.notices, listener.notices

    asyncio.run(go())
    return conversation


def replies(conversation: Conversation) -> list[Message]:
    return [m for m in conversation.messages if m.role == "assistant"]


QUESTIONS = [f"Question {n}: which bridge is the oldest, and why?" for n in range(1, 21)]


def test_every_request_asks_for_caching_and_from_turn_two_most_input_is_read_from_it(
    server: DemoServer,
) -> None:
    settings = Settings(system_prompt=SYSTEM, thinking="off")
    conversation = converse(server, settings, QUESTIONS)

    bodies = [r.body for r in server.requests if r.path == "/v1/messages"]
    assert len(bodies) == 20
    assert all(body["cache_control"] == {"type": "ephemeral"} for body in bodies)
    parts = [costs.usage_parts(m.usage) for m in replies(conversation)]
    assert parts[0].cache_read == 0 and parts[0].cache_write_5m > 1024  # the first one writes
    for later in parts[1:]:
        assert later.cache_share is not None and later.cache_share > 0.5
    assert parts[-1].cache_share is not None and parts[-1].cache_share > 0.9


def test_an_hour_long_cache_is_asked_for_and_priced_as_such(server: DemoServer) -> None:
    conversation = converse(
        server, Settings(system_prompt=SYSTEM, thinking="off", cache_ttl="1h"), QUESTIONS[:2]
    )

    bodies = [r.body for r in server.requests if r.path == "/v1/messages"]
    assert bodies[0]["cache_control"] == {"type": "ephemeral", "ttl": "1h"}
    first = costs.usage_parts(replies(conversation)[0].usage)
    assert first.cache_write_1h > 1024 and first.cache_write_5m == 0


def test_caching_off_sends_no_cache_control(server: DemoServer) -> None:
    conversation = converse(
        server, Settings(system_prompt=SYSTEM, thinking="off", cache_ttl="off"), QUESTIONS[:2]
    )

    assert all("cache_control" not in r.body for r in server.requests)
    assert all(m.usage.cache_read_input_tokens == 0 for m in replies(conversation))


def hand_sum(usages: list[dict[str, Any]], prices: dict[str, Any]) -> Decimal:
    """The cost worked out from the usage JSON the server sent, one product at a time."""
    total = Decimal(0)
    for u in usages:
        split = u["cache_creation"]
        total += u["input_tokens"] * Decimal(str(prices["input"]))
        total += u["output_tokens"] * Decimal(str(prices["output"]))
        total += split["ephemeral_5m_input_tokens"] * Decimal(str(prices["cache_write_5m"]))
        total += split["ephemeral_1h_input_tokens"] * Decimal(str(prices["cache_write_1h"]))
        total += u["cache_read_input_tokens"] * Decimal(str(prices["cache_read"]))
    return total / 1_000_000


def test_the_conversation_cost_is_the_sum_of_the_reported_usage_at_the_file_prices(
    server: DemoServer,
) -> None:
    settings = Settings(system_prompt=SYSTEM, thinking="off")
    conversation = converse(server, settings, QUESTIONS)
    book = PriceBook.load()

    shown = costs.total_cost(((m.model, m.usage) for m in replies(conversation)), book)

    reported = [m.usage.to_dict() for m in replies(conversation)]
    prices = json.loads((builtin_prices_dir() / f"{settings.model}.json").read_text())
    assert shown.complete
    assert shown.dollars == hand_sum(reported, prices)
    assert costs.format_cost(shown) == costs.format_dollars(hand_sum(reported, prices))


def test_a_model_without_a_price_shows_tokens_and_says_price_unknown(tmp_path: Path) -> None:
    book = PriceBook.load(builtin=tmp_path)  # no price files at all
    message = Message(role="assistant", content=[], model="claude-sonnet-5-5")
    message.status = Status.COMPLETE
    message.usage.input_tokens = 1200

    cost = costs.reply_cost(message.model, message.usage, book)

    assert not cost.complete and cost.dollars == 0
    assert costs.format_cost(cost) == "price unknown"
    assert "claude-sonnet-5-5" in costs.unknown_text(cost)


def test_a_price_the_file_leaves_out_is_unknown_not_zero() -> None:
    book = PriceBook.load()
    message = Message(role="assistant", content=[], model="claude-opus-5-5")
    message.usage.input_tokens = 1_000_000
    message.usage.cache_read_input_tokens = 1_000_000

    cost = costs.reply_cost(message.model, message.usage, book)

    assert cost.dollars == Decimal(4)  # the input it does know
    assert cost.unknown == {"claude-opus-5-5: cache_read"}
    assert costs.format_cost(cost) == "$4.00 + price unknown"


def test_the_users_prices_file_overrides_the_built_in_one(tmp_path: Path) -> None:
    user = tmp_path / "prices.json"
    user.write_text(json.dumps({"claude-sonnet-5-5": {"input": 1}, "my-model": {"output": 2}}))
    book = PriceBook.load(user=user)

    sonnet = book.for_model("claude-sonnet-5-5")
    assert sonnet is not None and sonnet.input == 1 and sonnet.output == 10 and sonnet.overridden
    mine = book.for_model("my-model")
    assert mine is not None and mine.output == 2 and mine.input is None


def test_a_broken_prices_file_is_said_and_the_built_in_prices_stay(tmp_path: Path) -> None:
    user = tmp_path / "prices.json"
    user.write_text('{"claude-sonnet-5-5": {"input": "free"}}')
    book = PriceBook.load(user=user)

    assert any("a price must be a number" in p for p in book.problems)
    sonnet = book.for_model("claude-sonnet-5-5")
    assert sonnet is not None and sonnet.input == 2


def test_a_searched_answer_and_its_follow_up_send_the_search_blocks_back_unchanged(
    server: DemoServer,
) -> None:
    settings = Settings(thinking="off", web_tools=True, web_allowed_domains="wikipedia.org")
    conversation = converse(
        server, settings, ["Which rivers flow through Zürich?", "And which is longer?"]
    )

    first, second = [r.body for r in server.requests if r.path == "/v1/messages"]
    search_tool = next(t for t in first["tools"] if t["name"] == "web_search")
    assert search_tool["allowed_domains"] == ["wikipedia.org"] and search_tool["max_uses"] == 5
    answered = replies(conversation)[0]
    sent_back = second["messages"][1]["content"]
    assert sent_back == answered.content  # exactly as stored, which is as it came
    kinds = [b["type"] for b in sent_back]
    assert "server_tool_use" in kinds and "web_search_tool_result" in kinds
    steps = web_tools.web_steps(answered.content)
    # Only the allowed domain's page came back (the demo filters as the API does).
    assert steps == [web_tools.WebStep("search", "Which rivers flow through Zürich?", results=1)]
    result = next(b for b in sent_back if b["type"] == "web_search_tool_result")
    assert [r["url"] for r in result["content"]] == ["https://en.wikipedia.org/wiki/Limmat"]
    assert web_tools.counts(replies(conversation)) == (2, 0)


def test_a_server_tool_error_is_said_in_plain_words(server: DemoServer) -> None:
    conversation = converse(
        server, Settings(thinking="off", web_tools=True), ["demo:web_search_error Zürich"]
    )

    steps = web_tools.web_steps(replies(conversation)[0].content)
    assert [web_tools.step_text(s) for s in steps] == [
        "Searched: Zürich — too many searches at once; the API asks to wait a little"
    ]


def test_web_tools_are_not_sent_to_a_model_without_them() -> None:
    from desktop_chat.core.models import ModelInfo

    bare = ModelInfo(id="x", display_name="X", capabilities={"server_tools": {"supported": False}})
    assert "tools" not in Settings(web_tools=True).request_params(bare)
    assert "tools" not in Settings().request_params()  # off by default


def test_allowed_and_blocked_domains_together_are_refused_by_the_demo_as_by_the_api(
    server: DemoServer,
) -> None:
    import anthropic

    with (
        anthropic.Anthropic(api_key="k", base_url=server.base_url, max_retries=0) as client,
        pytest.raises(anthropic.BadRequestError, match="both allowed_domains"),
    ):
        client.messages.create(
            model="claude-sonnet-5-5",
            max_tokens=100,
            messages=[{"role": "user", "content": "hi"}],
            tools=[
                {
                    "type": "web_search_20250305",
                    "name": "web_search",
                    "allowed_domains": ["a.com"],
                    "blocked_domains": ["b.com"],
                }
            ],
        )


# section: the context window

PNG_1PX = (
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJ"
    "RU5ErkJggg=="
)


def test_the_draft_with_an_attachment_counts_exactly_what_the_send_then_reports(
    server: DemoServer,
) -> None:
    from desktop_chat.core import context_budget

    settings = Settings(system_prompt=SYSTEM, thinking="off")
    conversation = converse(server, settings, QUESTIONS[:3])
    image = {
        "type": "image",
        "source": {"type": "base64", "media_type": "image/png", "data": PNG_1PX},
    }
    draft = context_budget.draft_content("What is in this picture?", [image])
    params = settings.request_params()

    async def count() -> int:
        async with make_client(api_key="k", base_url=server.base_url, max_retries=0) as client:
            return await context_budget.count_tokens(
                client, context_budget.count_params(conversation, params, draft)
            )

    counted = asyncio.run(count())
    question = Message.user("")
    question.content = draft
    conversation.append(question)  # then sent as a turn would send it
    sent = converse_more(server, settings, conversation)
    reported = costs.usage_parts(sent.usage)
    assert counted == reported.prompt
    fill = context_budget.after_reply(sent, 200_000)
    assert fill.tokens == reported.prompt + reported.output and fill.level == "ok"


def converse_more(
    server: DemoServer, settings: Settings, conversation: Conversation, base: Message | None = None
) -> Message:
    """One more turn for the question already at the end of ``conversation`` (or, with
    ``base``, the continuation of that reply)."""

    async def go() -> None:
        async def open_client() -> Any:
            return make_client(api_key="test-key", base_url=server.base_url, max_retries=0)

        listener = Listener()
        Turn(
            conversation,
            settings.request_params(),
            open_client,
            listener,
            saver=None,
            retry_policy=RetryPolicy(max_attempts=1),
            key=Keymap().text_for,
            base=base,
        ).start()
        await listener.ended.wait()

    asyncio.run(go())
    return replies(conversation)[-1]


def test_the_meter_warns_at_four_fifths_and_says_over_above_the_window() -> None:
    from desktop_chat.core.context_budget import ContextFill

    assert ContextFill(79, 100).level == "ok"
    assert ContextFill(80, 100).level == "warn"
    assert ContextFill(100, 100).level == "warn"
    assert ContextFill(101, 100).level == "over"


def test_a_continued_reply_costs_both_of_its_requests(server: DemoServer) -> None:
    settings = Settings(system_prompt=SYSTEM, thinking="off", max_tokens=60)
    conversation = converse(server, settings, ["demo:max_tokens Tell me the long story."])
    cut = replies(conversation)[-1]
    assert cut.stop_reason == "max_tokens"
    first = cut.usage.to_dict()

    converse_more(server, settings, conversation, base=cut)
    (merged,) = replies(conversation)  # the continuation joined the reply it continues
    assert len([r for r in server.requests if r.path == "/v1/messages"]) == 2
    # The last request's usage says what the context holds; the first one's prompt is kept.
    assert merged.usage.extra[costs.EARLIER_REQUESTS] == [first]
    second = {k: v for k, v in merged.usage.to_dict().items() if k != costs.EARLIER_REQUESTS}
    second["output_tokens"] -= first["output_tokens"]
    prices = json.loads((builtin_prices_dir() / f"{settings.model}.json").read_text())

    shown = costs.reply_cost(merged.model, merged.usage, PriceBook.load())

    assert shown.dollars == hand_sum([first, second], prices)
    assert (
        shown.dollars
        > hand_sum([second], prices)
        + first["output_tokens"] * Decimal(str(prices["output"])) / 1_000_000
    )  # the first request's prompt is paid for, not only its output
