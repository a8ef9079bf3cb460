"""The one entry point a turn uses for tools: offer them, and answer each ``tool_use``.

``ToolHost.tool_params()`` is the request's ``tools`` parameter (the ready servers' tools).
``await ToolHost.run(block, conversation_id, approve)`` answers one ``tool_use`` block with
its ``tool_result`` block: it checks the grants, asks ``approve`` when it must, runs the tool
with a time limit, bounds the result, and records the call in the audit table. It never
raises for a tool's failure (unknown tool, server down, crash, hang, error result, denial):
the result then has ``is_error`` and says what happened in plain words, so the conversation
goes on. Cancelling the task that awaits it stops the call (and is recorded); the
``CancelledError`` goes on up, and :func:`cancelled_result` is the block to send for it.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from desktop_chat.core.tools.approval import ApprovalRequest, Approve, Choice, Decision
from desktop_chat.core.tools.audit import ToolCallRecord
from desktop_chat.core.tools.grants import Grants
from desktop_chat.core.tools.manager import ServerManager
from desktop_chat.core.tools.naming import OfferedTool, ToolInfo, ToolKey, assign_names
from desktop_chat.core.tools.results import ToolOutput, error_result, to_tool_result
from desktop_chat.core.tools.servers import ServerState, ToolCallError

CANCELLED = "The user stopped this tool call before it finished."
_COMING = (ServerState.STARTING, ServerState.UNCONFIRMED, ServerState.READY)

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ToolPolicy:
    """The settings that govern tool calls.

    Attributes:
        allow_read_only: run tools annotated read-only without asking.
        call_timeout_s: the time limit of one call.
        max_result_chars: text of a result past this is cut, with a marker.
        max_images: images of one result past this are left out, with a note.
    """

    allow_read_only: bool = False
    call_timeout_s: float = 60.0
    max_result_chars: int = 100_000
    max_images: int = 5


@dataclass(frozen=True)
class ToolRun:
    """One answered ``tool_use``: the block for the API, what was shown, and the record."""

    block: dict[str, Any]
    output: ToolOutput
    record: ToolCallRecord


def cancelled_result(tool_use_id: str) -> dict[str, Any]:
    """The ``tool_result`` for a call the user stopped (the API needs one for each call)."""
    return error_result(tool_use_id, CANCELLED).block


class ToolHost:
    """Tools for turns: one per app run, shared by conversations.

    Args:
        manager: the servers.
        grants: the standing permissions (default: the config folder's).
        policy: the settings of tool calls.
        record: saves an audit record (``Store.record_tool_call``); its failures are logged.
    """

    def __init__(
        self,
        manager: ServerManager,
        *,
        grants: Grants | None = None,
        policy: ToolPolicy | None = None,
        record: Callable[[ToolCallRecord], None] | None = None,
    ) -> None:
        self.manager = manager
        self.grants = Grants() if grants is None else grants
        self.policy = ToolPolicy() if policy is None else policy
        self._record = record
        self._issued: dict[str, ToolKey] = {}

    # -- the offer --------------------------------------------------------------------------

    def offered(self) -> list[OfferedTool]:
        """The ready servers' tools under their API names."""
        return assign_names(self.manager.tools(), self._issued)

    def tool_params(self) -> list[dict[str, Any]]:
        """The request's ``tools`` parameter: empty when no server is ready."""
        return [tool.param() for tool in self.offered()]

    def find(self, api_name: str) -> tuple[ToolKey | None, ToolInfo | None]:
        """The tool Claude means by ``api_name``: its key, and its description if ready."""
        self.offered()  # names the tools of servers that became ready since
        key = self._issued.get(api_name)
        if key is None:
            return None, None
        info = next((t for t in self.manager.tools() if t.key == key), None)
        return key, info

    # -- answering a tool_use ---------------------------------------------------------------

    async def run(
        self, block: Mapping[str, Any], conversation_id: str, approve: Approve
    ) -> dict[str, Any]:
        """Answer one ``tool_use`` block with its ``tool_result`` block (see the module)."""
        return (await self.run_detailed(block, conversation_id, approve)).block

    async def run_all(
        self, blocks: Iterable[Mapping[str, Any]], conversation_id: str, approve: Approve
    ) -> list[dict[str, Any]]:
        """Answer the ``tool_use`` blocks of one reply, in order, one after the other."""
        return [
            await self.run(block, conversation_id, approve)
            for block in blocks
            if block.get("type") == "tool_use"
        ]

    async def run_detailed(
        self, block: Mapping[str, Any], conversation_id: str, approve: Approve
    ) -> ToolRun:
        """``run()``, also returning what a tool card shows and the audit record."""
        tool_use_id = str(block.get("id", ""))
        api_name = str(block.get("name", ""))
        arguments = block.get("input")
        started_at = time.time()
        key, info = self.find(api_name)
        server, tool = key if key is not None else ("", api_name)
        args = dict(arguments) if isinstance(arguments, Mapping) else {}

        def finish(output: ToolOutput, decision: str, duration: float = 0.0) -> ToolRun:
            error = output.text if output.is_error else None
            record = ToolCallRecord(
                tool_use_id, conversation_id, server, tool, args, decision,
                started_at, duration, output.size, error,
            )  # fmt: skip
            self._save(record)
            return ToolRun(output.block, output, record)

        if key is None:
            message = (
                f'There is no tool named "{api_name}": its MCP server may be turned off,'
                " not started yet, or removed."
            )
            return finish(error_result(tool_use_id, message), "none")
        if not isinstance(arguments, Mapping):
            message = f'The arguments for "{api_name}" were not a JSON object, so it did not run.'
            return finish(error_result(tool_use_id, message), "none")
        status = self.manager.status(server)
        if info is None and (status is None or status.state not in _COMING):
            # Its server is down: say why at once rather than ask about a call that cannot run.
            decision, label = Decision.allow_once(), "none"
        else:
            try:
                decision, label = await self._decide(
                    tool_use_id, conversation_id, api_name, key, info, args, approve
                )
            except asyncio.CancelledError:  # stopped while asking: recorded, never run
                finish(error_result(tool_use_id, CANCELLED), "none")
                raise
        if decision.choice is Choice.DENY:
            message = "The user denied this tool call."
            if decision.reason.strip():
                message += f" Their reason: {decision.reason.strip()}"
            return finish(error_result(tool_use_id, message), str(Choice.DENY))
        began = time.monotonic()
        try:
            result = await self.manager.call_tool(server, tool, args, self.policy.call_timeout_s)
            output = to_tool_result(
                tool_use_id,
                result,
                max_chars=self.policy.max_result_chars,
                max_images=self.policy.max_images,
            )
        except asyncio.CancelledError:
            finish(error_result(tool_use_id, CANCELLED), label, time.monotonic() - began)
            raise
        except ToolCallError as exc:
            output = error_result(tool_use_id, str(exc))
        except Exception as exc:  # a bug or an SDK surprise: the conversation goes on
            log.exception("Tool call %s of %s failed", tool, server)
            output = error_result(
                tool_use_id, f'The tool "{tool}" failed unexpectedly ({type(exc).__name__}: {exc}).'
            )
        return finish(output, label, time.monotonic() - began)

    async def _decide(
        self,
        tool_use_id: str,
        conversation_id: str,
        api_name: str,
        key: ToolKey,
        info: ToolInfo | None,
        args: dict[str, Any],
        approve: Approve,
    ) -> tuple[Decision, str]:
        """Whether the call may run: a grant, the read-only setting, or the person asked.

        Returns the decision and its audit label: the choice, or ``granted`` or ``read_only``
        when nobody was asked. Destructive tools always ask and are never granted.
        """
        server, tool = key
        destructive = info is not None and info.destructive
        if not destructive:
            if self.grants.covers(server, tool, conversation_id) is not None:
                return Decision.allow_once(), "granted"
            if self.policy.allow_read_only and info is not None and info.read_only:
                return Decision.allow_once(), "read_only"
        request = ApprovalRequest(
            conversation_id=conversation_id,
            tool_use_id=tool_use_id,
            server=server,
            tool=tool,
            api_name=api_name,
            title=info.title if info is not None else None,
            description=info.description if info is not None else "",
            arguments=args,
            annotations=dict(info.annotations) if info is not None else {},
            destructive=destructive,
            grantable=not destructive,
        )
        try:
            decision = await approve(request)
        except asyncio.CancelledError:
            raise
        except Exception:
            log.exception("The approval of %s failed: denied", tool)
            return Decision.deny(), str(Choice.DENY)
        if destructive or decision.choice in (Choice.ALLOW_ONCE, Choice.DENY):
            return decision, str(decision.choice)
        try:
            scope = conversation_id if decision.choice is Choice.ALLOW_CONVERSATION else None
            self.grants.grant(server, tool, scope)
        except OSError:
            log.exception("Could not save the permission for %s of %s", tool, server)
        return decision, str(decision.choice)

    def _save(self, record: ToolCallRecord) -> None:
        if self._record is None:
            return
        try:
            self._record(record)
        except Exception:
            log.exception(
                "Could not record the tool call %s in the audit table", record.tool_use_id
            )
