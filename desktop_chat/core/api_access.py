"""How the app reaches the API: the key, the server, and clients made for them (no Qt).

The SDK loads in a worker thread while the window is built (``prepare``: the SDK, what a
first request imports and builds, the TLS context) and the key is looked up off the UI
thread: ``sdk_ready`` completes when both are done, and everything here that needs them
waits for it. A client is made per turn, from the prepared parts: well under a millisecond.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import TYPE_CHECKING

from desktop_chat.core.client import make_client
from desktop_chat.core.sdk_warmup import prepare_sdk
from desktop_chat.core.settings import Settings

if TYPE_CHECKING:
    import ssl

    from anthropic import AsyncAnthropic

    from desktop_chat.core.models import ModelInfo


class ApiAccess:
    """The key (``key_provider``), the server (``base_url``, else the settings'), and
    ``settings()`` for timeouts and retries."""

    def __init__(
        self,
        key_provider: Callable[[], str | None],
        sdk_ready: asyncio.Future[None],
        settings: Callable[[], Settings],
        base_url: str | None = None,
    ) -> None:
        self.key_provider = key_provider
        self.sdk_ready = sdk_ready
        self.base_url = base_url
        self._settings = settings
        # The TLS context every client shares (``prepare``, or the app's loader, sets it).
        # Without it a client still works, but builds its own on the loop's thread (50 ms).
        self.tls: ssl.SSLContext | None = None

    def prepare(self) -> None:
        """Load the SDK and build what every client shares (slow: run it in a worker thread)."""
        self.tls = prepare_sdk()

    def lacks_key(self) -> bool:
        """The key has been looked up, and there is none."""
        return self.sdk_ready.done() and not self.key_provider()

    async def open_client(self) -> AsyncAnthropic | None:
        """A new client, once the SDK is loaded (None: there is no key)."""
        await self.sdk_ready
        api_key = self.key_provider()
        return self.client(api_key) if api_key else None

    def client(self, api_key: str, *, max_retries: int | None = None) -> AsyncAnthropic:
        settings = self._settings()
        return make_client(
            api_key=api_key,
            base_url=self.base_url or settings.base_url,
            timeout_s=settings.timeout_s,
            max_retries=settings.max_retries if max_retries is None else max_retries,
            tls=self.tls,
        )

    async def check_key(self, key: str) -> str | None:
        """Why ``key`` does not work, in plain words; None when the API accepts it."""
        from desktop_chat.core.models import check_key

        await self.sdk_ready
        async with self.client(key, max_retries=0) as client:
            return await check_key(client)

    async def fetch_models(self) -> list[ModelInfo]:
        """The models the key may use (cached for a day; the built-in list when offline)."""
        from desktop_chat.core.models import get_models, known_models

        await self.sdk_ready
        key = self.key_provider()
        if not key:
            return known_models(self.base_url or self._settings().base_url)
        async with self.client(key, max_retries=1) as client:
            return await get_models(client)
