"""mcp.json: entries checked one by one, secrets by name, import, and the ``mcp`` command."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from desktop_chat.commands import SUBCOMMANDS, run_subcommand
from desktop_chat.core import credentials
from desktop_chat.core.tools.config import (
    ConfigProblem,
    ServerConfig,
    config_path,
    import_servers,
    load_config,
    put_server,
    save_raw,
    set_disabled,
)
from desktop_chat.core.tools.confirmations import Confirmations

CLAUDE_DESKTOP = {
    "globalShortcut": "Ctrl+Space",
    "mcpServers": {
        "time": {"command": "uvx", "args": ["mcp-server-time", "--local-timezone", "UTC"]},
        "github": {
            "command": "npx",
            "args": ["-y", "@modelcontextprotocol/server-github"],
            "env": {"GITHUB_PERSONAL_ACCESS_TOKEN": "keychain:github", "DEBUG": "1"},
        },
        "docs": {"type": "http", "url": "https://docs.example.com/mcp", "autoApprove": []},
        "broken": {"command": ["npx", "x"]},
        "numbers": {"command": "srv", "env": {"PORT": 8080}},
        "old": {"type": "sse", "url": "https://old.example.com/sse"},
        "both": {"command": "x", "url": "https://x"},
        "neither": {"args": []},
        "ftp": {"url": "ftp://files.example.com"},
    },
}


def write(path: Path, data: object) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data) if not isinstance(data, str) else data)
    return path


def test_a_bad_entry_is_refused_with_name_field_and_reason_while_the_others_load(
    tmp_path: Path,
) -> None:
    config = load_config(write(tmp_path / "claude.json", CLAUDE_DESKTOP))
    assert [s.name for s in config.servers] == ["time", "github", "docs"]
    github = config.server("github")
    assert github is not None and github.secret_names() == ["github"]
    assert github.command_line == "npx -y @modelcontextprotocol/server-github"
    docs = config.server("docs")
    assert docs is not None and docs.transport == "http"
    assert [str(p) for p in config.problems] == [
        'MCP server "broken", field "command": must be a non-empty text',
        'MCP server "numbers", field "env.PORT": must be text (put numbers in quotes)',
        'MCP server "old", field "type": the old SSE transport is not supported; use the'
        " server's streamable-HTTP URL",
        'MCP server "both", field "url": an entry has a command or a url, not both',
        'MCP server "neither", field "command": missing: give a command (stdio) or a url (HTTP)',
        'MCP server "ftp", field "url": must be an http:// or https:// address',
    ]


def test_a_file_that_is_not_json_loads_nothing_and_says_where(tmp_path: Path) -> None:
    path = write(tmp_path / "mcp.json", '{"mcpServers": {"a": {"command": "x",}}}')
    config = load_config(path)
    assert config.servers == [] and not config.readable
    (problem,) = config.problems
    assert "is not valid JSON (line 1, column 38" in str(problem)
    assert "no MCP server was loaded" in str(problem)
    assert load_config(tmp_path / "missing.json").problems == []


def test_writing_keeps_unknown_fields_and_keeps_a_broken_file_aside(tmp_path: Path) -> None:
    path = write(tmp_path / "mcp.json", "{not json")
    config = load_config(path)
    assert put_server(config, "t", {"command": "uvx", "args": ["x"], "note": "mine"}) == []
    kept = save_raw(config)
    assert kept is not None and kept.read_text() == "{not json"
    again = load_config(path)
    assert again.raw["mcpServers"]["t"]["note"] == "mine"
    set_disabled(again, "t", True)
    save_raw(again)
    server = load_config(path).server("t")
    assert server is not None and server.disabled
    problems = put_server(again, "bad", {"command": ""})
    assert problems == [ConfigProblem("bad", "command", "must be a non-empty text")]


def test_import_from_claude_desktop_adds_the_good_entries_only(tmp_path: Path) -> None:
    source = write(tmp_path / "claude.json", CLAUDE_DESKTOP)
    report = import_servers(source)
    assert report.added == ["time", "github", "docs"]
    assert len(report.problems) == 6
    ours = json.loads(config_path().read_text())
    assert "globalShortcut" not in ours
    assert ours["mcpServers"]["docs"]["autoApprove"] == []  # unknown fields travel along

    changed = dict(CLAUDE_DESKTOP, mcpServers={"time": {"command": "uvx", "args": ["other"]}})
    report = import_servers(write(tmp_path / "changed.json", changed))
    assert report.skipped == ["time"] and report.added == []
    report = import_servers(tmp_path / "changed.json", replace=True)
    assert report.replaced == ["time"]
    assert json.loads(config_path().read_text())["mcpServers"]["time"]["args"] == ["other"]


def test_confirmations_follow_the_exact_command_line() -> None:
    server = ServerConfig("t", "uvx", ("mcp-server-time",), {"TZ": "UTC"})
    confirmations = Confirmations()
    assert not confirmations.is_confirmed(server)
    confirmations.confirm(server)
    assert Confirmations().is_confirmed(server)
    assert not Confirmations().is_confirmed(ServerConfig("t", "uvx", ("mcp-server-time",)))
    assert Confirmations().is_confirmed(ServerConfig("h", url="https://x/mcp"))


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = run_subcommand(["mcp", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_the_mcp_command_imports_and_lists_without_showing_secrets(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert SUBCOMMANDS["mcp"] == "desktop_chat.commands.mcp"
    code, out, _ = run(capsys, "list")
    assert code == 0 and "No MCP servers are configured" in out

    data = json.loads(json.dumps(CLAUDE_DESKTOP))
    data["mcpServers"]["github"]["env"]["PLAIN_TOKEN"] = "ghp_supersecretvalue"
    source = write(tmp_path / "claude.json", data)
    code, out, _ = run(capsys, "import", str(source))
    assert code == 1  # some entries were refused
    assert "Added: time, github, docs" in out
    assert 'Refused: MCP server "broken", field "command": must be a non-empty text' in out
    assert "confirm before it first runs" in out

    code, out, _ = run(capsys, "list")
    assert code == 0  # only the good entries were copied
    assert "github  [stdio]  npx -y @modelcontextprotocol/server-github" in out
    assert "env: GITHUB_PERSONAL_ACCESS_TOKEN (keychain:github), DEBUG, PLAIN_TOKEN" in out
    assert "ghp_supersecretvalue" not in out
    assert "asks you to confirm its command line" in out
    assert "docs  [http]  https://docs.example.com/mcp" in out

    code, _, err = run(capsys, "import", str(tmp_path / "nowhere.json"))
    assert code == 1 and "There is no file" in err


def test_the_mcp_command_keeps_secrets_and_revokes_grants(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    kept: dict[str, str] = {}
    monkeypatch.setattr(credentials, "store_mcp_secret", lambda n, v: kept.update({n: v}) or "X")
    monkeypatch.setattr("sys.stdin", __import__("io").StringIO("s3cret\n"))
    code, out, _ = run(capsys, "secret", "set", "github")
    assert code == 0 and kept == {"github": "s3cret"} and '"keychain:github"' in out

    from desktop_chat.core.tools.grants import Grants

    Grants().grant("time", "get_current_time")
    code, out, _ = run(capsys, "grants")
    assert "time get_current_time: always" in out
    code, out, _ = run(capsys, "revoke", "time", "get_current_time")
    assert code == 0 and Grants().list() == []
    code, _, err = run(capsys, "revoke", "time", "get_current_time")
    assert code == 1 and "No such permission" in err


def test_the_mcp_tools_command_starts_the_servers_asks_first_and_lists_tools(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    servers = {
        "time": {"command": sys.executable, "args": ["-m", "mcp_server_time"]},
        "gone": {"command": "/nonexistent/mcp-server"},
    }
    write(config_path(), {"mcpServers": servers})
    monkeypatch.setattr("sys.stdin", io.StringIO("y\nn\n"))
    code, out, _ = run(capsys, "tools")
    assert code == 1  # "gone" was not confirmed
    assert f'The MCP server "time" would run: {sys.executable} -m mcp_server_time' in out
    assert "time: 2 tools" in out
    assert "  get_current_time [read-only]: Get current time in a specific timezone" in out
    assert "gone: declined. Not started: its command line was not confirmed." in out

    monkeypatch.setattr("sys.stdin", io.StringIO("y\n"))
    code, out, _ = run(capsys, "tools", "gone")
    assert "would run: /nonexistent/mcp-server" in out
    assert 'gone: failed. The command "/nonexistent/mcp-server" was not found.' in out
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    code, out, _ = run(capsys, "tools", "time")
    assert code == 0 and "would run" not in out  # confirmed before: not asked again
    code, _, err = run(capsys, "tools", "nothing")
    assert code == 2 and "Not configured: nothing." in err


def test_importing_over_a_broken_config_keeps_it_aside(tmp_path: Path) -> None:
    write(config_path(), "{broken")
    report = import_servers(write(tmp_path / "claude.json", CLAUDE_DESKTOP))
    assert report.added == ["time", "github", "docs"]
    assert report.kept_aside is not None and report.kept_aside.read_text() == "{broken"
    assert [s.name for s in load_config().servers] == ["time", "github", "docs"]
