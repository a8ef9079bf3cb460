"""Every scenario of the demo, through the real SDK: it ends in a way the SDK reports."""

from __future__ import annotations

import anthropic
import httpx2
import pytest
from demo_prompts import MODEL, ask

from desktop_chat.demo.scenarios import SCENARIOS
from desktop_chat.demo.server import DemoServer


@pytest.mark.parametrize("name", [n for n in SCENARIOS if n != "slow"])
def test_every_scenario_streams_through_the_sdk(demo_server: DemoServer, name: str) -> None:
    outcome: str
    with anthropic.Anthropic(
        api_key="k", base_url=demo_server.base_url, max_retries=2, timeout=1.0
    ) as client:
        try:
            with client.messages.stream(
                model=MODEL,
                max_tokens=2000,
                messages=ask("Tell me about rivers"),
                stop_sequences=["seven"],
                thinking={"type": "adaptive"},
                extra_headers={"x-demo-scenario": name},
            ) as stream:
                message = stream.get_final_message()
            outcome = f"stop:{message.stop_reason}"
        except anthropic.APIStatusError as exc:
            outcome = f"http:{exc.status_code}"
        except (anthropic.APIConnectionError, httpx2.HTTPError):
            outcome = "connection"
        except ValueError:  # the SDK's own: tool input that is not JSON
            outcome = "bad json"
        except IndexError:  # the SDK's own: a delta for a block that never started
            outcome = "out of order"

    assert outcome.startswith(("stop:", "http:", "connection", "bad json", "out of order"))
    if name in ("normal", "web_search", "documents", "unknown_block", "code_execution"):
        assert outcome == "stop:end_turn"
