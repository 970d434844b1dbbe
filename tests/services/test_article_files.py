"""Reading article files without trusting the filesystem: regular files only, sized
before they are read, and a refused file means nothing is ingested."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from calendar_svc.cli import main
from calendar_svc.config import PROJECT_ROOT
from calendar_svc.services import article_files
from calendar_svc.services.article_files import (
    ArticleFileRefused,
    iter_article_files,
    read_article_file,
)
from calendar_svc.services.ingestion import MAX_ARTICLE_BYTES
from calendar_svc.store import open_store

SEED = next(iter(sorted((PROJECT_ROOT / "seeds").rglob("*.txt"))))


def _article(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(SEED.read_bytes())
    return path


# -- symbolic links ---------------------------------------------------------------------


def test_a_symlink_is_refused_unless_asked_for(tmp_path: Path) -> None:
    secret = tmp_path / "secret"
    secret.write_text("root:x:0:0:root:/root:/bin/bash\n" * 5)
    link = tmp_path / "news.txt"
    link.symlink_to(secret)
    with pytest.raises(ArticleFileRefused, match=r"news\.txt: it is a symbolic link"):
        list(iter_article_files([str(link)]))
    with pytest.raises(ArticleFileRefused, match="symbolic link"):
        read_article_file(str(link))  # O_NOFOLLOW, even if the walk was skipped
    assert list(iter_article_files([str(link)], follow_symlinks=True)) == [str(link)]
    assert read_article_file(str(link), follow_symlinks=True) == secret.read_bytes()


def test_links_inside_a_folder_are_refused_too(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    _article(folder / "a.txt")
    (folder / "b.txt").symlink_to("/etc/hostname")
    with pytest.raises(ArticleFileRefused, match=r"b\.txt: it is a symbolic link"):
        list(iter_article_files([str(folder)]))
    assert list(iter_article_files([str(folder)], follow_symlinks=True)) == [
        str(folder / "a.txt"),
        str(folder / "b.txt"),
    ]


def test_a_linked_folder_is_refused_and_a_loop_is_walked_once(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    _article(folder / "sub" / "a.txt")
    (folder / "sub" / "back").symlink_to(folder)  # a loop
    with pytest.raises(ArticleFileRefused, match="symbolic link to a folder"):
        list(iter_article_files([str(folder)]))
    found = list(iter_article_files([str(folder)], follow_symlinks=True))
    assert found == [str(folder / "sub" / "a.txt")]


# -- things that are not files ----------------------------------------------------------


def test_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(ArticleFileRefused, match=r"pipe\.txt: it is a FIFO"):
        list(iter_article_files([str(tmp_path)]))
    outcome: list[BaseException] = []

    def read() -> None:
        try:
            read_article_file(str(fifo))
        except BaseException as exc:
            outcome.append(exc)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    reader.join(timeout=10)
    if reader.is_alive():  # unblock it (a writer opens the FIFO) before failing
        with open(fifo, "wb"):
            pass
        pytest.fail("reading a FIFO blocked")
    assert isinstance(outcome[0], ArticleFileRefused) and "FIFO" in str(outcome[0])


def test_a_device_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ArticleFileRefused, match="/dev/zero: it is a character device"):
        list(iter_article_files(["/dev/zero"]))
    with pytest.raises(ArticleFileRefused, match="character device"):
        read_article_file("/dev/zero")


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(ArticleFileRefused, match=r"gone\.txt: no such file"):
        list(iter_article_files([str(tmp_path / "gone.txt")]))


# -- size -------------------------------------------------------------------------------


def test_an_oversized_file_is_refused_before_it_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as handle:
        handle.truncate(MAX_ARTICLE_BYTES * 1024)  # 1 GiB, sparse
    read = 0
    real_read = os.read

    def counting_read(fd: int, n: int) -> bytes:
        nonlocal read
        chunk = real_read(fd, n)
        read += len(chunk)
        return chunk

    monkeypatch.setattr(article_files.os, "read", counting_read)
    with pytest.raises(ArticleFileRefused, match=f"the limit is {MAX_ARTICLE_BYTES} bytes"):
        read_article_file(str(big))
    assert read == 0


def test_a_file_that_grows_after_its_size_was_checked_is_cut_at_the_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """fstat is checked first, but a file can grow after it: at most limit + 1 bytes are
    read, and that extra byte is the refusal."""
    limit = 1000
    grown = tmp_path / "grown.txt"
    grown.write_bytes(b"a" * (limit * 50))
    real_fstat = os.fstat

    def small_fstat(fd: int) -> os.stat_result:
        info = real_fstat(fd)
        fields = list(info)
        fields[6] = 10  # st_size, as it was when checked
        return os.stat_result(fields)

    read = 0
    real_read = os.read

    def counting_read(fd: int, n: int) -> bytes:
        nonlocal read
        chunk = real_read(fd, n)
        read += len(chunk)
        return chunk

    monkeypatch.setattr(article_files.os, "fstat", small_fstat)
    monkeypatch.setattr(article_files.os, "read", counting_read)
    with pytest.raises(ArticleFileRefused, match="over the limit"):
        read_article_file(str(grown), limit=limit)
    assert read == limit + 1
    exact = tmp_path / "exact.txt"
    exact.write_bytes(b"b" * limit)
    assert read_article_file(str(exact), limit=limit) == b"b" * limit


# -- the walk ---------------------------------------------------------------------------


def test_a_folder_walk_finds_txt_files_in_a_stable_order(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    for name in ["b.txt", "a/z.txt", "a-c/x.txt", "notes.md", "dir.txt/inner.txt"]:
        _article(folder / name)
    named = _article(tmp_path / "named.html")  # a file named is taken whatever its suffix
    found = list(iter_article_files([str(folder), str(named)]))
    expected = [folder / "a" / "z.txt", folder / "a-c" / "x.txt", folder / "b.txt"]
    expected.insert(2, folder / "dir.txt" / "inner.txt")
    assert found == [*(str(p) for p in sorted(expected)), str(named)]
    # The order the old walk (sorted(Path.rglob)) gave.
    assert found[:-1] == [str(p) for p in sorted(folder.rglob("*.txt")) if p.is_file()]


# -- the command ------------------------------------------------------------------------


def test_ingest_refuses_a_hostile_folder_and_writes_nothing(
    sqlite_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "in"
    _article(folder / "a.txt")
    (folder / "passwd.txt").symlink_to("/etc/passwd")
    code = main(["--database-url", sqlite_url, "ingest", str(folder)])
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1 and "passwd.txt" in err and "symbolic" in err
    os.mkfifo(tmp_path / "pipe.txt")
    assert main(["--database-url", sqlite_url, "ingest", str(tmp_path / "pipe.txt")]) == 2
    assert main(["--database-url", sqlite_url, "ingest", "/dev/zero"]) == 2
    store = open_store(sqlite_url)
    assert store.last_position() == 0
    store.close()
    (folder / "passwd.txt").unlink()
    (folder / "linked.txt").symlink_to(folder / "a.txt")
    assert main(["--database-url", sqlite_url, "ingest", "--follow-symlinks", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "a.txt: appended" in out and "linked.txt: already known" in out
