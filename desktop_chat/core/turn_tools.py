"""One round of a tool loop: the tool calls of one reply, run in order, stoppable (no Qt).

Each call asks the user first unless a grant covers it (``approve``); its result, or an
error result, answers it. Stopped (Esc, or the app quitting), the call running is cancelled
and every call of the reply still gets a result, so the conversation stays one the API
accepts. The results are one user message, with the decisions kept beside them.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Any, Protocol

from desktop_chat.core.conversation import Conversation, Message

if TYPE_CHECKING:
    from desktop_chat.core.tools.approval import Approve, Decision
    from desktop_chat.core.tools.host import ToolRun


class ToolRunner(Protocol):
    """What a turn needs of the tools (``core.tools.host.ToolHost``)."""

    def tool_params(self) -> list[dict[str, Any]]: ...
    async def run_detailed(
        self, block: dict[str, Any], conversation_id: str, approve: Approve
    ) -> ToolRun: ...


class ToolListener(Protocol):
    def on_tool_started(self, block: dict[str, Any]) -> None: ...
    def on_tool_finished(self, block: dict[str, Any], result: dict[str, Any]) -> None: ...


def wants_tools(reply: Message | None) -> bool:
    """The reply ended asking for tools."""
    return (
        reply is not None
        and reply.stop_reason == "tool_use"
        and any(b.get("type") == "tool_use" for b in reply.content)
    )


class ToolRound:
    """Runs the calls of one reply (see the module)."""

    def __init__(self, tools: ToolRunner, approve: Approve | None, listener: ToolListener) -> None:
        self._tools = tools
        self._approve = approve or _deny_all
        self._listener = listener
        self._task: asyncio.Task[None] | None = None
        self._results: list[dict[str, Any]] = []
        self._decisions: dict[str, dict[str, str]] = {}

    def stop(self) -> bool:
        """Cancel the call running (or waiting for approval); False if none was."""
        if self._task is None or self._task.done():
            return False
        self._task.cancel()
        return True

    async def run(self, conversation: Conversation, reply: Message) -> Message:
        """Run the calls; their results, added to ``conversation`` after ``reply``."""
        uses = [b for b in reply.content if b.get("type") == "tool_use"]
        self._task = asyncio.ensure_future(self._call(uses, conversation.id))
        try:
            await self._task
        except asyncio.CancelledError:
            if not self._task.cancelled():
                raise  # the turn itself was cancelled, not the calls
        from desktop_chat.core.tools.host import cancelled_result

        answered = {r.get("tool_use_id") for r in self._results}
        for block in uses:
            if block.get("id") not in answered:
                self._results.append(cancelled_result(str(block.get("id", ""))))
                self._decisions[str(block.get("id"))] = {
                    "tool": str(block.get("name", "")),
                    "server": "",
                    "decision": "cancelled",
                }
        message = Message(role="user", content=self._results, tool_decisions=self._decisions)
        return conversation.append(message, parent_id=reply.id)

    async def _call(self, uses: list[dict[str, Any]], conversation_id: str) -> None:
        for block in uses:
            self._listener.on_tool_started(block)
            run = await self._tools.run_detailed(block, conversation_id, self._approve)
            self._results.append(run.block)
            self._decisions[str(block.get("id"))] = {
                "tool": run.record.tool,
                "server": run.record.server,
                "decision": str(run.record.decision),
            }
            self._listener.on_tool_finished(block, run.block)


async def _deny_all(_request: object) -> Decision:
    from desktop_chat.core.tools.approval import Decision

    return Decision.deny("No one could be asked.")
