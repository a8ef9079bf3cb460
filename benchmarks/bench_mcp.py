"""Figures for tools through MCP: import cost, start, call latency, stop (not pass/fail).

    .venv/bin/python benchmarks/bench_mcp.py [--calls 50]

Against ``mcp-server-time`` from PyPI, through ``ToolHost`` as a turn uses it (approval
answered at once): how long importing the SDK takes (why ``host`` loads after the first
paint), how long ``start_all()`` holds the caller (it must not), the time until the server's
tools are offered, the median and p95 of a call, and how long ``stop_all()`` takes to leave no
process behind. Its data goes to a temporary ``DESKTOP_CHAT_HOME``.
"""

from __future__ import annotations

import argparse
import asyncio
import importlib
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


async def measure(calls: int) -> None:
    began = time.perf_counter()
    importlib.import_module("desktop_chat.core.tools.host")
    print(f"import desktop_chat.core.tools.host (the mcp SDK): {time.perf_counter() - began:.2f} s")

    from desktop_chat.core.tools.approval import ApprovalRequest, Decision
    from desktop_chat.core.tools.config import ServerConfig
    from desktop_chat.core.tools.host import ToolHost
    from desktop_chat.core.tools.manager import ServerManager

    async def confirm(config: ServerConfig) -> bool:
        return True

    async def allow(request: ApprovalRequest) -> Decision:
        return Decision.allow_once()

    server = ServerConfig("time", sys.executable, ("-m", "mcp_server_time"))
    manager = ServerManager([server], confirm=confirm)
    began = time.perf_counter()
    manager.start_all()
    print(f"start_all() returns after: {(time.perf_counter() - began) * 1000:.2f} ms")
    await manager.wait_ready(60)
    print(f"tools offered after: {time.perf_counter() - began:.2f} s")
    host = ToolHost(manager)
    latencies = []
    for n in range(calls):
        block: dict[str, Any] = {
            "type": "tool_use",
            "id": f"toolu_{n}",
            "name": "get_current_time",
            "input": {"timezone": "Europe/London"},
        }
        began = time.perf_counter()
        await host.run(block, "bench", allow)
        latencies.append((time.perf_counter() - began) * 1000)
    latencies.sort()
    p95 = latencies[max(0, int(len(latencies) * 0.95) - 1)]
    print(f"call: median {statistics.median(latencies):.1f} ms, p95 {p95:.1f} ms ({calls} calls)")
    began = time.perf_counter()
    await manager.stop_all()
    print(f"stop_all(), process gone: {(time.perf_counter() - began) * 1000:.0f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=50)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as home:
        os.environ["DESKTOP_CHAT_HOME"] = home
        asyncio.run(measure(args.calls))


if __name__ == "__main__":
    main()
