"""``python -m desktop_chat.demo``: run the demo API in the foreground, for curl and friends."""

from __future__ import annotations

import argparse
import signal
import threading

from desktop_chat.demo.scenarios import SCENARIOS
from desktop_chat.demo.server import DemoServer


def _parser() -> argparse.ArgumentParser:
    scenarios = "\n".join(f"  {s.name:<16} {s.summary}" for s in SCENARIOS.values())
    parser = argparse.ArgumentParser(
        prog="python -m desktop_chat.demo",
        description="A Messages-API-compatible demo server on 127.0.0.1.",
        epilog=(
            "Pick a scenario with the header 'x-demo-scenario: NAME' or by writing demo:NAME"
            f" in the last user message:\n{scenarios}"
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--port", type=int, default=0, help="port to bind (default: a free one)")
    parser.add_argument("--tps", type=float, default=60.0, help="tokens per second (0: no pacing)")
    parser.add_argument(
        "--stall", type=float, default=30.0, help="seconds the stall scenario hangs"
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    # Ctrl+C stops it even when started from a shell that ignores SIGINT in its children (a
    # background job): Python then installs no handler of its own.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    server = DemoServer(tokens_per_second=args.tps, stall_seconds=args.stall, port=args.port)
    server.start()
    print(f"Demo API listening on {server.base_url} (Ctrl+C to stop)")
    print(
        f"  curl -N {server.base_url}/v1/messages -H 'x-api-key: demo'"
        " -H 'anthropic-version: 2023-06-01' -H 'content-type: application/json'"
        ' -d \'{"model": "claude-sonnet-5-5", "max_tokens": 1024, "stream": true,'
        ' "messages": [{"role": "user", "content": "Hello"}]}\'',
        flush=True,
    )
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
