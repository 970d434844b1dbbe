"""The pages' static files, served under a path that names their content.

Every GET is tagged by the ETag middleware with the log position and the path, which
says nothing of a file's bytes: a stylesheet changed by a deploy at the same log
position would be revalidated as unchanged. Serving the files under
`/static/<digest of their bytes>/` makes any change a new URL, so a tag never outlives
the bytes it was given for.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from litestar.types import ASGIApp, Message, Receive, Scope, Send

STATIC_DIR = Path(__file__).resolve().parent.parent / "static"


def digest(directory: Path) -> str:
    """What the files under `directory` hold, in 12 hex digits: the stylesheet URL's version."""
    h = hashlib.sha256()
    for path in sorted(directory.rglob("*")):
        if path.is_file():
            h.update(path.relative_to(directory).as_posix().encode() + b"\0")
            h.update(path.read_bytes())
    return h.hexdigest()[:12]


STATIC_VERSION = digest(STATIC_DIR)
STATIC_PATH = f"/static/{STATIC_VERSION}"


def static_url(name: str) -> str:
    return f"{STATIC_PATH}/{name}"


class DropFileETag:
    """On the static files: the app's ETag middleware tags every GET by the log position
    and path; a file's own tag beside it would make two ETag headers, so it is dropped."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        async def send_one_tag(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [
                    (k, v) for k, v in message.get("headers", []) if k.lower() != b"etag"
                ]
            await send(message)

        await self.app(scope, receive, send_one_tag)
