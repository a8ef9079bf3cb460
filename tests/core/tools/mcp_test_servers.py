"""MCP servers written for the tests with the SDK's own server classes (``MCPServer``).

python mcp_test_servers.py stdio          a stdio server with slow, image, big and echo tools
python mcp_test_servers.py http PORT TOKEN   the same over streamable HTTP on 127.0.0.1:PORT,
                                          answering only requests with "x-test-token: TOKEN"
"""

from __future__ import annotations

import asyncio
import base64
import os
import sys
from typing import Any

from mcp.server.mcpserver import Image, MCPServer
from mcp.types import ToolAnnotations

# A 1x1 transparent PNG.
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
)


def build() -> MCPServer:
    server = MCPServer("desktop-chat-test-server", version="1.0")

    @server.tool(description="Waits for the given number of seconds, then says so.")
    async def slow(seconds: float) -> str:
        await asyncio.sleep(seconds)
        return f"waited {seconds} s"

    @server.tool(
        description="Says the words back.", annotations=ToolAnnotations(read_only_hint=True)
    )
    def echo(words: str) -> str:
        return words

    @server.tool(description="Returns a tiny PNG image.")
    def picture() -> Image:
        return Image(data=PNG, format="png")

    @server.tool(description="Returns a lot of text.")
    def big(chars: int) -> str:
        return "x" * chars

    @server.tool(description="Reports its environment's names (not values) and one value.")
    def environment(name: str) -> dict[str, Any]:
        return {"names": sorted(os.environ), "value": os.environ.get(name)}

    @server.tool(
        description="Deletes everything (it does not really).",
        annotations=ToolAnnotations(read_only_hint=False, destructive_hint=True),
    )
    def wipe(target: str) -> str:
        return f"wiped {target}"

    @server.tool(description="Dies on the spot, without answering.")
    def die() -> str:
        os._exit(7)

    return server


def main() -> None:
    if sys.argv[1] == "stdio":
        print("test server starting", file=sys.stderr, flush=True)
        asyncio.run(build().run_stdio_async())
        return
    import uvicorn

    port, token = int(sys.argv[2]), sys.argv[3]
    app = build().streamable_http_app()

    async def guarded(scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] == "http":
            headers = dict(scope.get("headers") or [])
            if headers.get(b"x-test-token", b"").decode() != token:
                await send({"type": "http.response.start", "status": 401, "headers": []})
                await send({"type": "http.response.body", "body": b"no token"})
                return
        await app(scope, receive, send)

    uvicorn.run(guarded, host="127.0.0.1", port=port, log_level="warning")


if __name__ == "__main__":
    main()
