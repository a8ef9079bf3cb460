"""The bill in the window: costs in the side pane, the context meter, web search per chat,
the usage page, and a send refused over the window before any request.

``DESKTOP_CHAT_SCREENSHOT_DIR=dir`` saves the window after a searched answer."""

from __future__ import annotations

import base64
import os
import time
from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from desktop_chat.core import costs
from desktop_chat.core.context_budget import ContextFill
from desktop_chat.core.conversation import Message, Status
from desktop_chat.core.costs import UsageRow
from desktop_chat.core.pricing import PriceBook
from desktop_chat.core.settings import Settings
from desktop_chat.ui.locale_format import number
from desktop_chat.ui.main_window import MainWindow
from desktop_chat.ui.usage_dialog import UsageDialog

SYSTEM = "You answer questions about rivers, bridges and the towns along them. " * 90


def send(qtbot: Any, win: MainWindow, text: str) -> Message:
    qtbot.keyClicks(win.composer, text)
    with qtbot.waitSignal(win.controller.reply_finished, timeout=15000) as blocker:
        qtbot.keyClick(win.composer, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not win.controller.busy, timeout=5000)
    message: Message = blocker.args[0]
    return message


def test_the_side_pane_shows_each_reply_and_the_conversation_cost_and_the_cache_share(
    qtbot: Any, make_window: Any
) -> None:
    window = make_window(Settings(system_prompt=SYSTEM + " pane", thinking="off"))
    first = send(qtbot, window, "Which bridge is the oldest?")
    second = send(qtbot, window, "And the longest?")

    book = PriceBook.load()
    bill = window.inspector.bill
    assert bill.text("reply_cost") == costs.format_cost(
        costs.reply_cost(second.model, second.usage, book)
    )
    total = costs.total_cost([(first.model, first.usage), (second.model, second.usage)], book)
    assert total.complete and total.dollars > 0
    assert bill.text("conversation_cost") == costs.format_cost(total)
    tip = bill.values["reply_cost"].toolTip()  # where the prices come from, and when checked
    assert "input $2" in tip and "Checked 2026-11-30" in tip and "platform.claude.com" in tip
    share = costs.usage_parts(second.usage).cache_share
    assert share is not None and share > 0.5  # the first turn's prompt was read back
    assert bill.text("cache_share") == f"{share * 100:.0f}%"
    # the side pane's figures follow the interface language's digit grouping
    assert window.inspector.values["cache_read"].text() == number(
        second.usage.cache_read_input_tokens
    )


def test_the_meter_shows_what_the_send_then_reports(
    qtbot: Any, make_window: Any, api_server: Any
) -> None:
    window = make_window(Settings(system_prompt=SYSTEM + " meter", thinking="off"))
    send(qtbot, window, "Which bridge is the oldest?")
    after_reply = window.context_meter.fill
    assert after_reply.exact and after_reply.tokens > 1000

    with qtbot.waitSignal(window.controller.bill.draft_counted, timeout=5000) as counted:
        qtbot.keyClicks(window.composer, "And which one was rebuilt after the flood of 1910?")
    fill: ContextFill = counted.args[0]
    assert "with the draft" in window.context_meter.label.text()
    assert api_server.requests[-1].path == "/v1/messages/count_tokens"
    with qtbot.waitSignal(window.controller.reply_finished, timeout=15000) as blocker:
        qtbot.keyClick(window.composer, Qt.Key.Key_Return)
    reply: Message = blocker.args[0]
    assert fill.tokens == costs.usage_parts(reply.usage).prompt  # exact, not an estimate


def test_the_draft_with_an_attachment_is_counted_as_the_api_counts_it(
    qtbot: Any, make_window: Any, api_server: Any
) -> None:
    import anthropic

    window = make_window(Settings(thinking="off", cache_ttl="off"))
    image = {
        "type": "image",
        "source": {
            "type": "base64",
            "media_type": "image/png",
            "data": "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA"
            "60e6kgAAAABJRU5ErkJggg==",
        },
    }
    png = base64.b64decode(image["source"]["data"])  # type: ignore[index]
    with qtbot.waitSignal(window.attaching.chips.changed, timeout=5000):
        window.attaching.intake.add_bytes("dot.png", png)  # as a paste does
    with qtbot.waitSignal(window.controller.bill.draft_counted, timeout=5000) as counted:
        qtbot.keyClicks(window.composer, "What is in this picture?")

    with anthropic.Anthropic(api_key="k", base_url=api_server.base_url, max_retries=0) as sdk:
        expected = sdk.messages.count_tokens(
            model="claude-sonnet-5-5",
            messages=[
                {
                    "role": "user",
                    "content": [image, {"type": "text", "text": "What is in this picture?"}],
                }
            ],
        ).input_tokens
    assert counted.args[0].tokens == expected


def test_a_send_over_the_window_is_refused_before_any_request(
    qtbot: Any, make_window: Any, api_server: Any
) -> None:
    window = make_window(Settings(model="claude-haiku-4-5", thinking="off"))
    controller = window.controller
    controller.conversation.append(Message.user("Read all of this."))
    reply = Message(role="assistant", content=[{"type": "text", "text": "Done."}])
    reply.model, reply.status = "claude-haiku-4-5", Status.COMPLETE
    reply.usage.cache_read_input_tokens = 199_950
    reply.usage.output_tokens = 10
    controller.conversation.append(reply)
    controller.reset_transcript()
    assert window.context_meter.fill.level == "warn"
    before = len(api_server.requests)

    draft = "One more question about the whole of it, please, in some detail. " * 4
    with qtbot.waitSignal(controller.context_refused, timeout=2000) as refused:
        qtbot.keyClicks(window.composer, draft)
        qtbot.keyClick(window.composer, Qt.Key.Key_Return)

    assert refused.args[0].level == "over"
    time.sleep(0.1)
    sent = [r for r in api_server.requests[before:] if r.path == "/v1/messages"]
    assert sent == []  # nothing was asked
    assert window.composer.toPlainText() == draft  # nothing typed is lost
    qtbot.waitUntil(lambda: "would not fit" in window.chat_view.toPlainText(), timeout=2000)
    assert window.commands.enabled("summary_chat")

    old_id = controller.conversation.id
    with qtbot.waitSignal(controller.reply_finished, timeout=15000):
        window.commands.run("summary_chat")
    assert controller.conversation.id != old_id
    first = controller.conversation.messages[0]
    assert first.text.startswith("Summarise the conversation below")
    assert "USER: Read all of this." in first.text and "ASSISTANT: Done." in first.text


def test_web_search_is_per_chat_and_a_searched_answer_lists_what_it_searched(
    qtbot: Any, make_window: Any, api_server: Any
) -> None:
    window = make_window(Settings(thinking="off"))
    window.resize(1200, 780)
    assert not window.context_meter.web_label.isVisible()  # off by default
    plain = send(qtbot, window, "Hello there")
    assert "tools" not in api_server.requests[-1].body
    assert plain.status is Status.COMPLETE

    window.commands.run("web_search")
    assert window.context_meter.web_label.isVisible()
    live: list[str] = []

    def on_stopped(_index: int, block: dict[str, Any]) -> None:
        if block.get("type") == "server_tool_use":
            live.append(window.chat_view.toPlainText())

    window.controller.block_stopped.connect(on_stopped)
    reply = send(qtbot, window, "Which rivers flow through Zurich?")
    assert live and live[0].rstrip().endswith("Searching: Which rivers flow through Zurich?")

    body = api_server.requests[-1].body
    assert [t["name"] for t in body["tools"]] == ["web_search", "web_fetch"]
    shown = window.chat_view.toPlainText()
    assert "Sources" in shown and "Limmat - Wikipedia" in shown
    assert "Searched: Which rivers flow through Zurich? (2 results)" in shown
    assert "Searching:" not in shown  # the live line gave way to the list
    assert window.inspector.bill.text("web") == "1 / 0"
    assert reply.usage.extra["server_tool_use"]["web_search_requests"] == 1
    if folder := os.environ.get("DESKTOP_CHAT_SCREENSHOT_DIR"):
        window.grab().save(str(Path(folder) / "web_search_answer.png"))

    window.controller.new_conversation()
    assert not window.context_meter.web_label.isVisible()  # a new chat starts without it


def test_the_usage_page_totals_days_and_months(qtbot: Any, tmp_path: Path) -> None:
    from desktop_chat.core.conversation import Usage

    day = 24 * 3600.0
    start = time.mktime((2026, 11, 29, 12, 0, 0, 0, 0, -1))
    rows = [
        UsageRow("a", start, "claude-sonnet-5-5", Usage(input_tokens=1_000_000)),
        UsageRow("a", start + day, "claude-sonnet-5-5", Usage(output_tokens=100_000)),
        UsageRow("b", start + day, "unknown-model", Usage(input_tokens=10)),
    ]
    from desktop_chat.core.store import Store

    store = Store.open(tmp_path / "usage.db")
    dialog = UsageDialog(store, PriceBook.load())
    qtbot.addWidget(dialog)
    dialog.set_rows(rows)

    assert [t.label for t in dialog.chart.totals] == ["2026-11-29", "2026-11-30"]
    assert dialog.chart.totals[0].cost.dollars == Decimal(2)
    assert dialog.table.item(0, 3).text() == "$1.00 + price unknown"  # newest first
    dialog.by_month.setChecked(True)
    assert [t.label for t in dialog.chart.totals] == ["2026-11"]
    assert "$3.00 + price unknown" in dialog.summary.text()
    dialog.grab()  # the bars paint
    store.close()


def test_the_settings_take_caching_and_web_limits_and_refuse_both_domain_lists(
    qtbot: Any,
) -> None:
    from desktop_chat.ui.settings_dialog import SettingsDialog

    saved: list[Settings] = []
    dialog = SettingsDialog(Settings(), [], save=saved.append)
    qtbot.addWidget(dialog)
    dialog.cache_ttl.setCurrentIndex(dialog.cache_ttl.findData("1h"))
    dialog.web_allowed.setText("wikipedia.org, example.com")
    dialog.web_blocked.setText("spam.example")
    dialog.web_max.setValue(3)
    dialog.on_accept()

    assert not saved and "not both" in dialog.problems.text()
    dialog.web_blocked.clear()
    dialog.on_accept()
    assert saved and saved[0].cache_ttl == "1h" and saved[0].web_max_searches == 3
    params = replace_web(saved[0]).request_params()
    assert params["cache_control"] == {"type": "ephemeral", "ttl": "1h"}
    assert params["tools"][0]["allowed_domains"] == ["wikipedia.org", "example.com"]
    assert params["tools"][0]["max_uses"] == 3


def replace_web(settings: Settings) -> Settings:
    from dataclasses import replace

    return replace(settings, web_tools=True)


def test_the_conversation_list_shows_each_conversations_cost(qtbot: Any, make_window: Any) -> None:
    window = make_window(Settings(thinking="off"), store=True)
    reply = send(qtbot, window, "Which bridge is the oldest?")
    assert window.sidebar is not None
    model = window.sidebar.list_model
    expected = costs.format_cost(costs.reply_cost(reply.model, reply.usage, PriceBook.load()))
    from desktop_chat.ui.conversation_models import DATE_ROLE

    qtbot.waitUntil(lambda: expected in str(model.index(0).data(DATE_ROLE)), timeout=5000)
    assert str(model.index(0).data(DATE_ROLE)).startswith(f"{expected} · ")
