"""The demo model's words: what each scenario says, in blocks.

Every function takes the checked request and returns the blocks to send before stop
sequences and ``max_tokens`` are applied. Replies are deterministic for a given request, so
the tests can compare them, and they answer the prompt so the demo feels alive.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Mapping
from typing import Any

from desktop_chat.demo import attachments, tool_use
from desktop_chat.demo.content import Block, RedactedThinking, Text, Thinking, ToolUse
from desktop_chat.demo.signatures import new_redacted_data
from desktop_chat.demo.validation import MessagesRequest
from desktop_chat.demo.wire import new_tool_use_id

Compose = Callable[[MessagesRequest], list[Block]]

DEFAULT_TOOL_NAME = "get_weather"
DEFAULT_TOOL_INPUT: dict[str, Any] = {"location": "San Francisco, CA", "unit": "celsius"}
BAD_TOOL_JSON = '{"location": "San Francisco, CA", "unit": celsius}'

_PARAGRAPHS = (
    "Nothing here left your machine: the answer streams from a small server inside the app,"
    " one word-sized piece at a time, in exactly the format the real API uses. That is also"
    " how the app's own tests run, so what you see is what they check.",
    "Every reply is framed as server-sent events: a `message_start`, then each content block"
    " with its deltas, then a `message_delta` carrying the stop reason and the final token"
    " counts, and a closing `message_stop`. The side pane shows what arrived, and when.",
    "The demo can misbehave on request. It can drop the connection halfway, stall without a"
    " byte, send an error event mid-stream, or answer with an HTTP error, so you can see how"
    " the app keeps the partial answer and offers to retry.",
)
_TRY_LIST = (
    "- Type `demo:markdown` for a long answer with headings, a table and code.\n"
    "- Type `demo:tool` to watch a tool call stream its JSON input.\n"
    "- Type `demo:drop`, `demo:stall` or `demo:error_event` to break the stream on purpose.\n"
    "- Type `demo:http429_once` to see a rate limit the client recovers from by itself."
)


def _digest(text: str) -> int:
    return int.from_bytes(hashlib.sha256(text.encode()).digest()[:4], "big")


def _quote(text: str, limit: int = 80) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def _headline(prompt: str) -> str:
    words = [w.strip(".,;:!?\"'`*#") for w in prompt.split() if not w.startswith("demo:")]
    words = [w for w in words if w]
    return " ".join(words[:6]).capitalize() if words else "Hello from the demo"


def _tool_result_text(block: Mapping[str, Any]) -> str:
    content = block.get("content", "")
    if isinstance(content, list):
        content = " ".join(str(item.get("text", "")) for item in content if isinstance(item, dict))
    return _quote(str(content), 120) or "(nothing)"


def thinking_for(request: MessagesRequest) -> Thinking:
    """The thinking the demo does before it answers."""
    prompt = _quote(request.last_user_text) or "a tool result"
    text = (
        f"The user wrote: “{prompt}”. This is turn {request.user_turns} of the conversation.\n\n"
        "I am the offline demo, so there is not much to reason about. Still, this shows how"
        " thinking streams: before the answer, in small pieces, and closed by a signature"
        " that must come back unchanged with the history on the next turn."
    )
    return Thinking(text, omitted=request.thinking_omitted)


def normal(request: MessagesRequest) -> list[Block]:
    """A few paragraphs of Markdown that answer the prompt."""
    with_tools = tool_use.reply_for(request)  # answers from tool results, or calls a tool
    if with_tools is not None:
        return with_tools
    results = request.last_tool_results
    prompt = request.last_user_text
    if results:
        opening = "\n".join(f"The tool answered `{_tool_result_text(block)}`." for block in results)
        opening += " Thanks — that is all I needed to finish the answer."
    else:
        opening = (
            f"You said: *“{_quote(prompt)}”*. I'm the **offline demo** of Desktop Chat:"
            " no API key and no network, just a server inside the app."
        )
    if shown := attachments.describe(request.messages):
        opening = f"{shown} {opening}"
    first, second = _digest(prompt) % 3, (_digest(prompt) // 3) % 3
    if first == second:
        second = (second + 1) % 3
    closing = (
        f"This is turn {request.user_turns}. The side pane shows what the request read from"
        " and wrote to the prompt cache: nothing is cached unless a request asks, nor below"
        " the model's minimum length."
    )
    text = (
        f"## {_headline(prompt)}\n\n{opening}\n\n{_PARAGRAPHS[first]}\n\n{_PARAGRAPHS[second]}"
        f"\n\nA few things worth trying:\n\n{_TRY_LIST}\n\n{closing}"
    )
    return [Text(text)]


MARKDOWN_DOCUMENT = """\
# A tour of Markdown rendering

This answer exercises everything the chat view has to draw: **bold**, *italic*, ***both***,
~~struck~~, `inline code`, [a link](https://www.anthropic.com), and a footnote-like aside.

## Why stream at all

A reply of a thousand tokens takes many seconds to write, and nobody wants to stare at a
spinner for all of them. Streaming shows the first words within a fraction of a second, lets
you stop a reply that is going the wrong way, and keeps a long answer readable while it is
still being written. The price is that the client must cope with a reply that is *never
finished*: the connection can drop, the server can go quiet, or an error can arrive in the
middle of a sentence. A good client keeps every word that arrived, says plainly what went
wrong, and offers to try again without losing the conversation.

## Lists

1. First, an ordered list.
2. Second, with a nested list:
   - a bullet inside,
   - another one, with `code`,
     - and a third level.
3. Third, back at the top.

- [x] A task that is done
- [ ] A task that is not

## A table

| Language   | Typing      | First appeared | Known for                 |
|------------|-------------|---------------:|---------------------------|
| Python     | dynamic     |           1991 | readability, batteries    |
| JavaScript | dynamic     |           1995 | the browser               |
| Rust       | static      |           2015 | memory safety             |
| Haskell    | static      |           1990 | purity, laziness          |

## A block quote

> Simple things should be simple, complex things should be possible.
>
> — Alan Kay

## Python

```python
from dataclasses import dataclass


@dataclass(frozen=True)
class Usage:
    input_tokens: int
    output_tokens: int

    def total(self) -> int:
        return self.input_tokens + self.output_tokens


def tokens_per_second(usage: Usage, seconds: float) -> float:
    \"\"\"Output speed of a streamed reply.\"\"\"
    return usage.output_tokens / seconds if seconds > 0 else 0.0


print(tokens_per_second(Usage(1200, 480), 8.0))  # 60.0
```

## More Python: a streaming fold

```python
from collections.abc import Iterable


def fold(events: Iterable[dict[str, object]]) -> str:
    \"\"\"Join the text deltas of a stream, ignoring every other event.\"\"\"
    parts: list[str] = []
    for event in events:
        if event.get("type") != "content_block_delta":
            continue
        delta = event.get("delta")
        if isinstance(delta, dict) and delta.get("type") == "text_delta":
            parts.append(str(delta.get("text", "")))
    return "".join(parts)


events = [
    {"type": "message_start"},
    {"type": "content_block_delta", "delta": {"type": "text_delta", "text": "Hello"}},
    {"type": "content_block_delta", "delta": {"type": "text_delta", "text": ", world"}},
    {"type": "message_stop"},
]
assert fold(events) == "Hello, world"
```

## A shell session

```bash
$ python -m desktop_chat.demo --port 8765 --tps 20
Demo API listening on http://127.0.0.1:8765 (Ctrl+C to stop)
$ curl -N http://127.0.0.1:8765/v1/models -H 'x-api-key: demo' \\
    -H 'anthropic-version: 2023-06-01'
```

## JavaScript

```javascript
async function* readEvents(response) {
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    let end;
    while ((end = buffer.indexOf("\\n\\n")) >= 0) {
      yield buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
    }
  }
}
```

## 日本語と中文

日本語の文章も正しく表示されるはずです。ストリーミングでは、文字が少しずつ届きます。
吾輩は猫である。名前はまだ無い。どこで生れたかとんと見当がつかぬ。

中文也应该能正确显示。流式传输时，文字会一点一点地出现。
学而时习之，不亦说乎？有朋自远方来，不亦乐乎？

## Stop reasons at a glance

| Stop reason                     | What happened            | What the app does    |
|---------------------------------|--------------------------|----------------------|
| `end_turn`                      | the model finished       | nothing special      |
| `max_tokens`                    | the reply hit its budget | offers to continue   |
| `stop_sequence`                 | a stop sequence came     | shows which one      |
| `tool_use`                      | the model wants a tool   | shows call and input |
| `pause_turn`                    | a long turn paused       | sends it back        |
| `refusal`                       | the model declined       | shows the reason     |
| `model_context_window_exceeded` | it no longer fits        | suggests a new chat  |

> **Note**
>
> > A quote inside a quote, for renderers that get nesting wrong.
>
> Back to the outer quote, with a list:
>
> 1. one
> 2. two

## Arithmetic in prose

If a reply streams at 60 tokens per second and the first token arrives after 0.4 seconds,
a 480-token answer takes about 8.4 seconds end to end. The inspector shows both numbers:
the time to first token, and the speed once the text is flowing.

---

### Closing notes

That is the whole tour: headings of three levels, ordered, unordered and task lists, a table
with alignment, a quotation, two fenced code blocks in different languages, text in Japanese
and Chinese, and a horizontal rule. If all of it rendered, the chat view is in good shape.
Scroll back up and select some text: copying should keep the Markdown source intact, code
blocks should copy without their fences, and links should open in the system browser.
"""  # noqa: RUF001


def markdown(request: MessagesRequest) -> list[Block]:
    """A long Markdown document that exercises the renderer."""
    del request
    return [Text(MARKDOWN_DOCUMENT)]


def _sample_value(name: str, schema: Mapping[str, Any]) -> Any:
    if isinstance(schema.get("enum"), list) and schema["enum"]:
        return schema["enum"][0]
    kind = schema.get("type")
    samples: dict[str, Any] = {"integer": 3, "number": 1.5, "boolean": True, "array": []}
    if kind == "object":
        return _sample_input(schema)
    return samples.get(str(kind), f"demo {name}")


def _sample_input(schema: Mapping[str, Any]) -> dict[str, Any]:
    properties = schema.get("properties")
    if not isinstance(properties, dict):
        return {}
    required = schema.get("required")
    names = required if isinstance(required, list) and required else list(properties)
    return {
        str(name): _sample_value(str(name), properties.get(name) or {})
        for name in names
        if name in properties
    }


def _tool_call(request: MessagesRequest) -> tuple[str, dict[str, Any]]:
    """Call the first custom tool the request defines, or a made-up weather tool."""
    for tool in request.tools:
        if tool.get("type") in (None, "custom") and isinstance(tool.get("input_schema"), dict):
            return str(tool["name"]), _sample_input(tool["input_schema"])
    return DEFAULT_TOOL_NAME, dict(DEFAULT_TOOL_INPUT)


def tool(request: MessagesRequest) -> list[Block]:
    """Some text, then a tool call whose input JSON streams in pieces."""
    name, tool_input = _tool_call(request)
    return [
        Text(
            f"Let me check that with the `{name}` tool: it knows more about this than I do,"
            " and the answer will be up to date."
        ),
        ToolUse(new_tool_use_id(), name, json.dumps(tool_input)),
    ]


def tool_bad_json(request: MessagesRequest) -> list[Block]:
    """A tool call whose streamed input pieces join up to invalid JSON."""
    name, _ = _tool_call(request)
    return [
        Text(f"Let me look that up with the `{name}` tool before I answer the question."),
        ToolUse(new_tool_use_id(), name, BAD_TOOL_JSON),
    ]


def redacted(request: MessagesRequest) -> list[Block]:
    """Redacted thinking, then plain thinking, then the answer."""
    return [
        RedactedThinking(new_redacted_data()),
        Thinking(
            "Part of my reasoning was flagged and comes back encrypted; the rest is readable.",
            omitted=request.thinking_omitted,
        ),
        Text(
            "Some of my thinking was **redacted**: it came back as an opaque block that you"
            " cannot read but must send back unchanged with the history."
        ),
    ]


def refusal(request: MessagesRequest) -> list[Block]:
    del request
    return [
        Text(
            "I can explain how this kind of system works in general terms, and I'm happy to"
            " point you to public material about defending it, but I can't help with"
        )
    ]


REFUSAL_DETAILS: dict[str, Any] = {
    "type": "refusal",
    "category": "cyber",
    "explanation": "The demo refuses this request to show how a refusal is displayed.",
}


def long_story(request: MessagesRequest) -> list[Block]:
    """More text than fits: the max_tokens scenario cuts it off."""
    del request
    return [Text("This answer is far too long for its token budget. " + MARKDOWN_DOCUMENT)]


def pause_turn(request: MessagesRequest) -> list[Block]:
    del request
    return [
        Text(
            "I've started on a long-running piece of work and paused here so the turn does not"
            " run too long; send the conversation back as it is and I'll carry on"
        )
    ]


def context_window(request: MessagesRequest) -> list[Block]:
    del request
    return [
        Text(
            "The conversation has grown past what fits in the model's context window, so this"
            " answer stops here; start a new conversation or drop some earlier turns, and I"
        )
    ]


def stop_sequence(request: MessagesRequest) -> list[Block]:
    """Counting that runs into the request's first stop sequence."""
    marker = f"{request.stop_sequences[0]} " if request.stop_sequences else ""
    return [
        Text(
            f"Counting slowly: one, two, three, {marker}four, five, six, seven, eight, nine,"
            " ten, eleven, twelve, and that is as far as this goes."
        )
    ]


def slow(request: MessagesRequest) -> list[Block]:
    del request
    return [
        Text(
            "This answer streams at five tokens per second, so you can watch the tokens-per-"
            "second figure settle and try stopping the reply halfway with Escape."
        )
    ]
