"""An embedded Messages-API-compatible server for ``--demo`` mode and the tests.

It speaks the real wire format (SSE over chunked HTTP/1.1, the API's JSON error shapes, its
request checks) so that the real ``anthropic`` client can be pointed at it over loopback.
``desktop_chat.demo.server.DemoServer`` is the entry point; ``scenarios`` lists what it can
be asked to do (``x-demo-scenario: NAME`` or ``demo:NAME`` in the last user message).
"""
