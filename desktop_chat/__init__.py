"""desktop_chat: a fast, native, keyboard-first desktop client for Claude."""

__version__ = "0.1.0"
