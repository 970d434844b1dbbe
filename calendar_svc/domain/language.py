"""The languages the service reads and writes, declared once.

Every layer (ingest's lexicons, the reference's country names, the API's `?lang=`) is
typed by this one `Language`, so supporting another language starts with one edit here and
the type checker then lists every table and branch that has to learn it.
"""

from __future__ import annotations

from typing import Literal

Language = Literal["en", "vi"]

#: Every supported language, in the order the service offers them.
LANGUAGES: tuple[Language, ...] = ("en", "vi")
