"""Tools through the Model Context Protocol (MCP), with no Qt.

``config`` reads and writes the user's ``mcp.json``; ``manager`` and ``servers`` start and
supervise the servers with the official ``mcp`` SDK; ``naming`` turns their tools into the
API's ``tools`` entries; ``approval`` and ``grants`` decide whether a call may run;
``results`` turns what a tool returned into a ``tool_result`` block; ``audit`` is the record
of each call; ``host`` ties them together behind :class:`~.host.ToolHost`, the one entry
point of a turn. Only ``config``, ``grants``, ``confirmations``, ``approval`` and ``audit``
load without the ``mcp`` SDK (which takes most of a second to import: import ``host`` after
the first paint, e.g. in a worker thread).

A sketch of the wiring (all in the event loop's thread)::

    config = load_config()                      # config.problems: refused entries, in words
    manager = ServerManager(config.servers, confirm=ask_to_confirm, on_change=show_status)
    manager.start_all()                         # returns at once
    host = ToolHost(manager, policy=ToolPolicy(allow_read_only=...),
                    record=store.record_tool_call)
    params["tools"] = host.tool_params()        # per request; [] until a server is ready
    for block in reply_tool_uses:               # in order
        result = await host.run(block, conversation.id, approve=ask_person)
    await manager.stop_all()                    # on quit: no process left behind
"""
