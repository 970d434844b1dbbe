"""Article files from the filesystem, read without trusting it.

What goes onto the log is public forever, so `calendar-svc ingest` takes regular files
only: a symbolic link could publish any file the operator can read (`a.txt ->
/etc/passwd`), a FIFO would block the command, a device (`/dev/zero`) never ends. Types
are checked with lstat while walking and again with fstat on the opened descriptor (the
one that is read, so a file swapped in between cannot slip through); the size is checked
before reading and at most the limit plus one byte is ever read.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import msgspec

from calendar_svc.domain.language import Language
from calendar_svc.services.ingestion import MAX_ARTICLE_BYTES

_FOLLOW_HINT = " (give --follow-symlinks to accept links)"
_O_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_O_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_READ = 64 * 1024


class ArticleFileRefused(Exception):
    """A file that must not be ingested; the message names it and says why."""

    def __init__(self, path: str | os.PathLike[str], reason: str) -> None:
        super().__init__(f"refusing {os.fspath(path)}: {reason}")
        self.path = os.fspath(path)


def _kind(mode: int) -> str:
    if stat.S_ISLNK(mode):
        return "a symbolic link"
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISDIR(mode):
        return "a folder"
    return "not a regular file"


def _stat(path: Path, follow_symlinks: bool) -> os.stat_result:
    try:
        return path.stat() if follow_symlinks else path.lstat()
    except FileNotFoundError:
        reason = "a broken symbolic link" if os.path.lexists(path) else "no such file or folder"
        raise ArticleFileRefused(path, reason) from None
    except OSError as exc:
        raise ArticleFileRefused(path, exc.strerror or str(exc)) from None


def _refuse_unless_regular(path: Path, mode: int) -> None:
    if stat.S_ISREG(mode):
        return
    hint = _FOLLOW_HINT if stat.S_ISLNK(mode) else ""
    raise ArticleFileRefused(path, f"it is {_kind(mode)}, not a regular file{hint}")


def iter_article_files(paths: list[str], *, follow_symlinks: bool = False) -> Iterator[str]:
    """Files named, and the .txt files inside folders named (recursively), in a stable
    order; anything that is not a regular file (a link, unless `follow_symlinks`) is
    refused, whether named or found in a folder."""
    for name in paths:
        path = Path(name)
        mode = _stat(path, follow_symlinks).st_mode
        if stat.S_ISDIR(mode):
            yield from (str(p) for p in sorted(_walk(path, follow_symlinks, set())))
        else:
            _refuse_unless_regular(path, mode)
            yield str(path)


def _walk(folder: Path, follow_symlinks: bool, seen: set[tuple[int, int]]) -> Iterator[Path]:
    info = folder.stat()
    if (info.st_dev, info.st_ino) in seen:
        return  # a link back to a folder already walked
    seen.add((info.st_dev, info.st_ino))
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        raise ArticleFileRefused(folder, exc.strerror or str(exc)) from None
    for entry in entries:
        path = Path(entry.path)
        is_link = entry.is_symlink()
        if entry.is_dir(follow_symlinks=False) or (is_link and _is_dir(path)):
            if is_link and not follow_symlinks:
                raise ArticleFileRefused(path, "it is a symbolic link to a folder" + _FOLLOW_HINT)
            yield from _walk(path, follow_symlinks, seen)
        elif entry.name.endswith(".txt"):
            _refuse_unless_regular(path, _stat(path, follow_symlinks).st_mode)
            yield path


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:
        return False


def read_article_file(
    name: str, *, follow_symlinks: bool = False, limit: int = MAX_ARTICLE_BYTES
) -> bytes:
    """The bytes of one regular file of at most `limit` bytes, or `ArticleFileRefused`.

    O_NONBLOCK: opening a FIFO returns at once (then fstat refuses it) instead of waiting
    for a writer. O_NOFOLLOW: a link swapped in after the walk is refused by the kernel.
    """
    flags = os.O_RDONLY | _O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
    if not follow_symlinks:
        flags |= _O_NOFOLLOW
    path = Path(name)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        if not follow_symlinks and os.path.islink(path):
            raise ArticleFileRefused(path, "it is a symbolic link" + _FOLLOW_HINT) from None
        raise ArticleFileRefused(path, exc.strerror or str(exc)) from None
    try:
        info = os.fstat(fd)
        _refuse_unless_regular(path, info.st_mode)
        if info.st_size > limit:
            raise ArticleFileRefused(
                path, f"it is {info.st_size} bytes; the limit is {limit} bytes"
            )
        chunks: list[bytes] = []
        size = 0
        while size <= limit:
            chunk = os.read(fd, min(_READ, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > limit:  # it grew after fstat
            raise ArticleFileRefused(path, f"it is over the limit of {limit} bytes")
        return b"".join(chunks)
    except OSError as exc:
        raise ArticleFileRefused(path, exc.strerror or str(exc)) from None
    finally:
        os.close(fd)


# -- what is known of a file besides its text ------------------------------------------------

MANIFEST = "manifest.json"
#: The largest manifest or sidecar read (a list of articles, not an article).
_META_BYTES = 4 * 1024 * 1024


class FileMeta(msgspec.Struct, frozen=True, forbid_unknown_fields=False):
    """What a sidecar or a manifest entry says of one article file: who published it,
    where, when, in which language. Unknown keys (``kind``, ``bytes``) are ignored."""

    outlet: str | None = None
    url: str | None = None
    published_on: date | None = None
    language: Language | None = None
    sha256: str | None = None


class _Entry(FileMeta, frozen=True):
    file: str = ""


class _Manifest(msgspec.Struct, frozen=True):
    articles: list[_Entry] = msgspec.field(default_factory=list)


def _read_json(path: Path, follow_symlinks: bool) -> bytes | None:
    if not os.path.lexists(path):
        return None
    return read_article_file(str(path), follow_symlinks=follow_symlinks, limit=_META_BYTES)


def file_meta(name: str, *, follow_symlinks: bool = False) -> FileMeta | None:
    """The outlet, URL, publication day and language of an article file: from a sidecar
    ``<file>.json`` beside it, else from the ``manifest.json`` of its folder (the entry
    whose ``file`` is its name); None when neither speaks of it. Read with the same
    distrust as the articles (regular files only); a malformed one is refused, so a typo
    never publishes an article without its source."""
    path = Path(name)
    sidecar = path.with_name(path.name + ".json")
    try:
        raw = _read_json(sidecar, follow_symlinks)
        if raw is not None:
            return msgspec.json.decode(raw, type=FileMeta)
        raw = _read_json(path.with_name(MANIFEST), follow_symlinks)
        if raw is None:
            return None
        manifest = msgspec.json.decode(raw, type=_Manifest)
    except (msgspec.ValidationError, msgspec.DecodeError) as exc:
        where = sidecar if sidecar.exists() else path.with_name(MANIFEST)
        raise ArticleFileRefused(where, f"it is not a valid article description: {exc}") from None
    for entry in manifest.articles:
        if entry.file == path.name:
            return FileMeta(
                entry.outlet, entry.url, entry.published_on, entry.language, entry.sha256
            )
    return None
