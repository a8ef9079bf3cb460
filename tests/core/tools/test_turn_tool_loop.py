"""A turn runs the tool loop: the demo asks for get_current_time, mcp-server-time runs it
after the user allows it, the result goes back, and the answer follows; all saved."""

from __future__ import annotations

import asyncio
from typing import Any

from tool_servers import process_alive, time_server

from desktop_chat.core.autosave import AutoSaver
from desktop_chat.core.client import make_client
from desktop_chat.core.conversation import Conversation, Message, Status
from desktop_chat.core.keymap import Keymap
from desktop_chat.core.retry import RetryPolicy
from desktop_chat.core.settings import Settings
from desktop_chat.core.store import Store
from desktop_chat.core.stream import Figures, Update
from desktop_chat.core.tools.approval import ApprovalRequest, Decision
from desktop_chat.core.tools.config import ServerConfig
from desktop_chat.core.tools.host import ToolHost
from desktop_chat.core.tools.manager import ServerManager
from desktop_chat.core.turn import Turn


class Listener:
    def __init__(self) -> None:
        self.ended = asyncio.Event()
        self.said: list[str] = []
        self.tools: list[str] = []

    def on_reply_started(self, continuing: bool) -> None: ...
    def on_update(self, update: Update) -> None: ...
    def on_figures(self, figures: Figures) -> None: ...
    def on_reply_finished(self, message: Message) -> None: ...
    def on_path_changed(self) -> None: ...
    def on_countdown(self, text: str) -> None: ...
    def on_key_rejected(self) -> None: ...
    def on_message_added(self, message: Message) -> None: ...

    def on_notice(self, text: str, error: bool) -> None:
        self.said.append(text)

    def on_tool_started(self, block: dict[str, Any]) -> None:
        self.tools.append(f"start {block['name']}")

    def on_tool_finished(self, block: dict[str, Any], result: dict[str, Any]) -> None:
        self.tools.append(f"end {block['name']}")

    def on_turn_ended(self) -> None:
        self.ended.set()


async def confirm(_config: ServerConfig) -> bool:
    return True


def run_turn(api_server: Any, store: Store, approve: Any, stop_when_asked: bool = False) -> Any:
    conversation = Conversation(title="tools")
    question = conversation.append(Message.user("What time is it in Europe/London right now?"))
    store.save_conversation(conversation)
    store.append_message(conversation.id, question)
    listener = Listener()

    async def go() -> Turn:
        manager = ServerManager([time_server()], confirm=confirm)
        manager.start_all()
        try:
            await manager.wait_ready(30)
            host = ToolHost(manager, record=store.record_tool_call)

            async def open_client() -> Any:
                return make_client(api_key="k", base_url=api_server.base_url, max_retries=0)

            turn_holder: list[Turn] = []

            async def asking(request: ApprovalRequest) -> Decision:
                if stop_when_asked:
                    turn_holder[0].stop()  # Esc while the approval is shown
                    await asyncio.sleep(10)
                return await approve(request)

            turn = Turn(
                conversation,
                Settings(thinking="off").request_params(),
                open_client,
                listener,
                saver=AutoSaver(store, conversation, listener.said.append),
                retry_policy=RetryPolicy(max_attempts=1),
                key=Keymap().text_for,
                tools=host,
                approve=asking,
            )
            turn_holder.append(turn)
            turn.start()
            await listener.ended.wait()
            await turn.wait(5)
            return turn
        finally:
            await manager.stop_all()

    turn = asyncio.run(go())
    return conversation, listener, turn


async def allow_once(_request: ApprovalRequest) -> Decision:
    return Decision.allow_once()


def test_a_tool_round_is_one_turn_and_everything_is_saved(api_server: Any, store: Store) -> None:
    conversation, listener, turn = run_turn(api_server, store, allow_once)
    assert [r.kind for r in turn.requests] == ["ask", "tools"]
    roles = [(m.role, m.status) for m in conversation.path()]
    assert [r for r, _ in roles] == ["user", "assistant", "user", "assistant"]
    results = conversation.path()[2]
    (decision,) = results.tool_decisions.values()
    assert decision["decision"] == "allow_once" and decision["tool"] == "get_current_time"
    answer = conversation.path()[3]
    assert answer.status is Status.COMPLETE and "datetime: 20" in answer.text
    assert listener.tools == ["start get_current_time", "end get_current_time"]
    # The second request carried the tool's result, and the tools.
    sent = api_server.requests[-1].body
    assert sent["messages"][-1]["content"][0]["type"] == "tool_result"
    assert any(t["name"] == "get_current_time" for t in sent["tools"])
    # Saved as it happened: reopened, the same four messages and the decision.
    reopened = store.load(conversation.id)
    assert [m.id for m in reopened.path()] == [m.id for m in conversation.path()]
    assert reopened.path()[2].tool_decisions == results.tool_decisions
    (record,) = store.tool_calls(conversation.id)
    assert record.decision == "allow_once"
    assert process_alive("mcp_server_time") == []


def test_esc_while_asking_stops_the_turn_and_answers_the_call(
    api_server: Any, store: Store
) -> None:
    conversation, _listener, turn = run_turn(api_server, store, allow_once, stop_when_asked=True)
    assert [r.kind for r in turn.requests] == ["ask"]  # nothing asked after the stop
    last = conversation.path()[-1]
    assert last.role == "user" and last.content[0]["type"] == "tool_result"
    assert last.content[0]["is_error"] is True
    assert next(iter(last.tool_decisions.values()))["decision"] == "cancelled"
    # The conversation can go on: the next request is valid.
    conversation.append(Message.user("Never mind, thanks."))
    api = conversation.to_api_messages()
    assert api[-1]["role"] == "user" and api[-1]["content"][0]["type"] == "tool_result"
    assert api[-1]["content"][-1] == {"type": "text", "text": "Never mind, thanks."}
