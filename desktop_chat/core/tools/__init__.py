"""Tools through the Model Context Protocol (MCP), with no Qt.

``config`` reads and writes the user's ``mcp.json``; ``servers`` starts and supervises the
servers with the official ``mcp`` SDK; ``naming`` turns their tools into the API's ``tools``
entries; ``approval`` and ``grants`` decide whether a call may run; ``results`` turns what a
tool returned into a ``tool_result`` block; ``audit`` is the record of each call; ``host``
ties them together behind :class:`~desktop_chat.core.tools.host.ToolHost`, the one entry
point of a turn. Nothing here is imported at start-up: the ``mcp`` SDK loads when used.
"""
