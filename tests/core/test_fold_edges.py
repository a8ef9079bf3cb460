"""The fold at the edges: text that cannot be encoded, citations before text, tool input
that is cut or broken. Events are the SDK's own models, parsed by the SDK from wire JSON."""

from __future__ import annotations

from typing import Any

from anthropic._models import construct_type
from anthropic.types import RawMessageStreamEvent
from test_stream_turn import ask, run_turn

from desktop_chat.core.conversation import Status
from desktop_chat.core.store import Store
from desktop_chat.core.stream import CitationAdded, TextDelta, TurnSnapshot, fold


def event(data: dict[str, Any]) -> Any:
    """A wire event as the SDK parses it (what AsyncMessageStream yields)."""
    return construct_type(type_=RawMessageStreamEvent, value=data)


def start(index: int, block: dict[str, Any]) -> Any:
    return event({"type": "content_block_start", "index": index, "content_block": block})


def delta(index: int, body: dict[str, Any]) -> Any:
    return event({"type": "content_block_delta", "index": index, "delta": body})


def stop(index: int) -> Any:
    return event({"type": "content_block_stop", "index": index})


def test_a_lone_surrogate_streams_saves_and_goes_back_as_a_replacement_character(
    api_server: Any,
) -> None:
    conversation = ask("Hi")
    snapshot, error, updates = run_turn(api_server, conversation, scenario="lone_surrogate")

    assert error is None
    assert "Half an emoji: \ufffd and the text goes on." in snapshot.text
    assert all("\ud83d" not in u.text for u in updates if isinstance(u, TextDelta))
    reply = conversation.append(snapshot.to_message(Status.COMPLETE))
    store = Store.open()
    try:
        store.add_conversations([conversation])  # would fail to encode the surrogate
        assert store.load(conversation.id).messages[-1].content == reply.content
    finally:
        store.close()


def test_a_lone_surrogate_in_thinking_is_replaced_too() -> None:
    snapshot = TurnSnapshot()
    fold(snapshot, start(0, {"type": "thinking", "thinking": "", "signature": ""}))
    fold(snapshot, delta(0, {"type": "thinking_delta", "thinking": "half \ud800 pair"}))
    fold(snapshot, stop(0))

    assert snapshot.content[0]["thinking"] == "half \ufffd pair"


def test_a_citation_before_any_text_starts_the_list() -> None:
    citation = {
        "type": "char_location",
        "cited_text": "Revenue grew.",
        "document_index": 0,
        "document_title": None,
        "start_char_index": 0,
        "end_char_index": 13,
    }
    for begin in ({"type": "text", "text": ""}, {"type": "text", "text": "", "citations": None}):
        snapshot = TurnSnapshot()
        fold(snapshot, start(0, begin))
        added = fold(snapshot, delta(0, {"type": "citations_delta", "citation": citation}))
        fold(snapshot, delta(0, {"type": "text_delta", "text": "Revenue grew"}))
        fold(snapshot, stop(0))

        assert added == CitationAdded(index=0, citation=citation)
        assert snapshot.content[0] == {
            "citations": [citation],
            "text": "Revenue grew",
            "type": "text",
        }


def test_tool_input_is_parsed_as_the_sdk_does_and_its_text_kept() -> None:
    snapshot = TurnSnapshot()
    fold(snapshot, start(0, {"type": "tool_use", "id": "toolu_1", "name": "f", "input": {}}))
    fold(snapshot, delta(0, {"type": "input_json_delta", "partial_json": '{"city": "Paris", "n'}))
    cut = snapshot.to_message(Status.INTERRUPTED)  # the stream ended here

    assert cut.content[0]["input"] == {"city": "Paris"}  # jiter's partial mode: the prefix
    assert cut.content[0]["partial_json"] == '{"city": "Paris", "n'

    fold(snapshot, delta(0, {"type": "input_json_delta", "partial_json": '": 2}'}))
    fold(snapshot, stop(0))

    assert snapshot.content[0]["input"] == {"city": "Paris", "n": 2}
    assert "partial_json" not in snapshot.content[0]  # whole: the block is as the API's
    assert snapshot.tool_json[0] == '{"city": "Paris", "n": 2}'


def test_broken_tool_input_keeps_its_text_and_no_input_is_made_up() -> None:
    snapshot = TurnSnapshot()
    fold(snapshot, start(0, {"type": "tool_use", "id": "toolu_1", "name": "f", "input": {}}))
    fold(snapshot, delta(0, {"type": "input_json_delta", "partial_json": '{"unit": celsius}'}))
    fold(snapshot, stop(0))

    assert snapshot.content[0]["partial_json"] == '{"unit": celsius}'
    assert snapshot.content[0]["input"] == {}


def test_unknown_events_deltas_and_blocks_pass_harmlessly() -> None:
    snapshot = TurnSnapshot()
    future = {"type": "future_block", "payload": {"a": [1, None]}}
    fold(snapshot, start(0, future))
    assert fold(snapshot, delta(0, {"type": "future_delta", "x": 1})) is None
    assert fold(snapshot, event({"type": "future_event", "y": 2})) is None
    fold(snapshot, stop(0))

    assert snapshot.content == [future]
