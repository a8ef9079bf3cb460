"""Every content block kind, streamed by the real SDK from the demo, kept exactly as the API
sent it: through the store, a JSON export and import, and back to the API.

The reference for "as sent" is the raw SSE body read off a plain socket and folded by hand
here (start block plus deltas), with the values that differ per request (ids, signatures)
masked. The demo signs the blocks whose opaque parts it can check, and refuses them with a
400 when they come back changed.
"""

from __future__ import annotations

import json
import urllib.request
from pathlib import Path
from typing import Any

import pytest
from test_stream_turn import ask, run_turn

from desktop_chat.core.conversation import Message, Status
from desktop_chat.core.store import Store
from desktop_chat.core.transcript_import import import_json
from desktop_chat.core.transcript_json import to_json
from desktop_chat.core.transcript_parse import parse_json

# Each kind in the SDK's ContentBlock union, and one it does not know, by the scenario
# that sends it.
KINDS = {
    "text": "normal",
    "thinking": "normal",
    "redacted_thinking": "redacted",
    "tool_use": "tool",
    "server_tool_use": "web_search",
    "web_search_tool_result": "web_search",
    "web_fetch_tool_result": "web_fetch",
    "code_execution_tool_result": "code_execution",
    "bash_code_execution_tool_result": "code_execution",
    "text_editor_code_execution_tool_result": "code_execution",
    "tool_search_tool_result": "tool_search",
    "container_upload": "code_execution",
    "demo_future_block": "unknown_block",  # a kind newer than the SDK
}
_PER_REQUEST = {"id", "tool_use_id", "signature", "data", "file_id"}


def test_the_table_covers_the_sdks_union() -> None:
    import typing

    from anthropic.types import ContentBlock

    union = typing.get_args(typing.get_args(ContentBlock)[0])
    sdk_kinds = {typing.get_args(m.model_fields["type"].annotation)[0] for m in union}
    assert sdk_kinds == set(KINDS) - {"demo_future_block"}


def _masked(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: ("*" if k in _PER_REQUEST else _masked(v)) for k, v in value.items()}
    if isinstance(value, list):
        return [_masked(v) for v in value]
    return value


def raw_blocks(server: Any, scenario: str) -> list[dict[str, Any]]:
    """The reply's blocks as the wire carries them: each start block plus its deltas."""
    body = json.dumps(
        {
            "model": "claude-sonnet-5-5",
            "max_tokens": 16000,
            "stream": True,
            "thinking": {"type": "adaptive"},
            "messages": [{"role": "user", "content": "Tell me"}],
        }
    ).encode()
    request = urllib.request.Request(
        f"{server.base_url}/v1/messages",
        data=body,
        headers={
            "x-api-key": "k",
            "anthropic-version": "2023-06-01",
            "content-type": "application/json",
            "x-demo-scenario": scenario,
        },
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        text = response.read().decode()
    blocks: list[dict[str, Any]] = []
    tool_json: dict[int, str] = {}
    for frame in text.split("\n\n"):
        data = next((line[6:] for line in frame.split("\n") if line.startswith("data: ")), None)
        event = json.loads(data) if data else {}
        if event.get("type") == "content_block_start":
            blocks.append(event["content_block"])
        elif event.get("type") == "content_block_delta":
            block, delta = blocks[event["index"]], event["delta"]
            kind = delta["type"]
            if kind == "text_delta":
                block["text"] += delta["text"]
            elif kind == "thinking_delta":
                block["thinking"] += delta["thinking"]
            elif kind == "signature_delta":
                block["signature"] = delta["signature"]
            elif kind == "citations_delta":
                block.setdefault("citations", []).append(delta["citation"])
            elif kind == "input_json_delta":
                tool_json[event["index"]] = (
                    tool_json.get(event["index"], "") + delta["partial_json"]
                )
    for index, raw in tool_json.items():
        if raw:
            blocks[index]["input"] = json.loads(raw)
    return blocks


@pytest.mark.parametrize("kind", list(KINDS))
def test_every_block_kind_round_trips_byte_identical(
    api_server: Any, core_home: Path, kind: str
) -> None:
    scenario = KINDS[kind]
    conversation = ask("Tell me")
    snapshot, error, _ = run_turn(api_server, conversation, scenario=scenario)
    assert error is None and snapshot.completed
    reply = snapshot.to_message(Status.COMPLETE)
    assert kind in [b["type"] for b in reply.content]

    # streamed: as the wire carried it, nothing added
    assert _masked(reply.content) == _masked(raw_blocks(api_server, scenario))

    # saved, then exported and imported (into the store again, as a copy)
    conversation.append(reply)
    store = Store.open()
    try:
        store.add_conversations([conversation])
        saved = store.load(conversation.id).messages[-1]
        copy = import_json(store, to_json([store.load(conversation.id)])).conversations[0]
        imported = store.load(copy.id).messages[-1]
    finally:
        store.close()
    assert json.dumps(saved.content) == json.dumps(reply.content)
    assert copy.renamed and json.dumps(imported.content) == json.dumps(reply.content)

    # sent back, unchanged, and accepted (the demo refuses a changed signed block)
    conversation.messages[-1] = saved
    conversation.append(Message.user("And then?"))
    _, error, _ = run_turn(api_server, conversation)
    assert error is None
    sent = api_server.requests[-1].body["messages"][1]["content"]
    assert json.dumps(sent) == json.dumps(reply.content)


def test_text_without_citations_has_no_citations_field(api_server: Any) -> None:
    snapshot, _, _ = run_turn(api_server, ask("Hi"), scenario="web_search")
    texts = [b for b in snapshot.content if b["type"] == "text"]
    plain = [b for b in texts if "citations" not in b]
    cited = [b for b in texts if b.get("citations")]
    assert plain and len(cited) == 2
    # one cited block started with "citations": [], the other without: both folded
    assert all(c["type"] == "web_search_result_location" for b in cited for c in b["citations"])
    results = next(b for b in snapshot.content if b["type"] == "web_search_tool_result")
    assert "page_age" not in results["content"][1]  # not sent: not invented


def test_a_changed_block_is_refused_by_the_demo(api_server: Any) -> None:
    conversation = ask("Hi")
    snapshot, _, _ = run_turn(api_server, conversation, scenario="unknown_block")
    reply = snapshot.to_message(Status.COMPLETE)
    future = next(b for b in reply.content if b["type"] == "demo_future_block")
    future["text"] = None  # what dumping the SDK's model in full used to add
    conversation.append(reply)
    conversation.append(Message.user("And then?"))

    _, error, _ = run_turn(api_server, conversation)

    assert error is not None and error.status_code == 400
    assert "text: Extra inputs are not permitted" in error.message


def test_a_refused_exchange_can_be_left_out_of_what_is_sent(
    api_server: Any, core_home: Path
) -> None:
    conversation = ask("First question")
    first, _, _ = run_turn(api_server, conversation)
    conversation.append(first.to_message(Status.COMPLETE))
    conversation.append(Message.user("Something refused"))
    refused, _, _ = run_turn(api_server, conversation, scenario="refusal")
    reply = conversation.append(refused.to_message(Status.COMPLETE))
    assert reply.stop_reason == "refusal"

    changed = conversation.drop_exchange(reply)
    conversation.append(Message.user("Something else"))
    _, error, _ = run_turn(api_server, conversation)

    assert error is None and {m.role for m in changed} == {"user", "assistant"}
    sent = api_server.requests[-1].body["messages"]
    assert [m["content"][0].get("text") for m in sent if m["role"] == "user"] == [
        "First question",
        "Something else",
    ]
    assert len(conversation.path()) == 5  # still shown
    store = Store.open()
    try:
        store.add_conversations([conversation])
        for message in changed:
            store.update_message(message)
        loaded = store.load(conversation.id)
    finally:
        store.close()
    assert loaded.to_api_messages() == conversation.to_api_messages()  # kept out after a restart


def test_stop_sequence_is_kept_with_the_message(api_server: Any, core_home: Path) -> None:
    import asyncio

    from desktop_chat.core.client import make_client, stream_turn
    from desktop_chat.core.settings import Settings
    from desktop_chat.core.stream import Figures, TurnSnapshot

    conversation = ask("Count demo:stop_sequence")
    params = Settings().request_params() | {
        "messages": conversation.to_api_messages(),
        "stop_sequences": ["five"],
    }
    snapshot = TurnSnapshot()

    async def go() -> None:
        async with make_client(api_key="k", base_url=api_server.base_url) as client:
            assert await stream_turn(client, params, snapshot, lambda _: None) is None

    asyncio.run(go())
    reply = conversation.append(snapshot.to_message(Status.COMPLETE))
    store = Store.open()
    try:
        store.add_conversations([conversation])
        saved = store.load(conversation.id).messages[-1]
    finally:
        store.close()

    assert (saved.stop_reason, saved.stop_sequence) == ("stop_sequence", "five")
    assert snapshot.figures().stop_sequence == "five"
    assert parse_json(to_json([conversation]))[0].messages[-1].stop_sequence == "five"
    assert Figures.of(saved).stop_sequence == "five"
    assert reply.text.rstrip().endswith("three,")  # cut before the sequence
