"""Signed checkpoints: the log's head, signed with an Ed25519 key kept outside the database.

The hash chain alone cannot reveal a truncated tail or a log re-chained from the start:
whoever can write the database can recompute every hash. A checkpoint is a statement
"the log held position N with hash H", signed by a key the database never sees, and kept
elsewhere (a file on another machine, a ticket, an e-mail). Given one, an auditor proves
that the prefix of the log up to N is the one that was signed: a log truncated below N,
or rewritten anywhere up to N, no longer contains (N, H). Events after N are covered only
by the chain itself (an appended forgery is caught if it breaks the chain, and by the
next checkpoint otherwise).

A statement is one JSON object; the signature is over the UTF-8 JSON array
``["calendar-svc/checkpoint/v1", position, hash, time, recorded_at, key_id, public_key]``
(compact, no spaces), so anyone can check it with any Ed25519 library.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import os
import threading
from collections.abc import Iterable, Iterator, Mapping
from datetime import UTC, datetime
from pathlib import Path

import msgspec
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from calendar_svc.store.hashing import GENESIS_HASH, format_recorded_at
from calendar_svc.store.records import StoredEvent

_DOMAIN = "calendar-svc/checkpoint/v1"
#: A checkpoint file larger than this is not a file of checkpoints (one a line, ~400 bytes).
MAX_CHECKPOINT_FILE_BYTES = 64 * 1024 * 1024


class CheckpointInputError(Exception):
    """A key or checkpoint file cannot be used (missing, unreadable, not what it claims)."""


class CheckpointMismatch(Exception):
    """A checkpoint does not hold: bad signature, untrusted key, or the log differs."""

    def __init__(self, position: int, reason: str) -> None:
        super().__init__(f"checkpoint at position {position}: {reason}")
        self.position = position


class Checkpoint(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """A signed statement of the log's head (see the module docstring)."""

    position: int
    hash: str
    time: str  # when it was signed, UTC
    recorded_at: str | None  # the head row's recorded_at; None for the empty log
    key_id: str
    public_key: str  # base64 of the raw 32-byte Ed25519 public key
    signature: str  # base64 of the 64-byte signature


_decoder = msgspec.json.Decoder(Checkpoint)
_encoder = msgspec.json.Encoder()


def _signed_bytes(
    position: int, hash: str, time: str, recorded_at: str | None, key_id: str, public_key: str
) -> bytes:
    return _encoder.encode([_DOMAIN, position, hash, time, recorded_at, key_id, public_key])


def raw_public_key(key: Ed25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def key_id(key: Ed25519PublicKey) -> str:
    """A short name for a key: the first 16 hex digits of SHA-256 of its raw bytes."""
    return hashlib.sha256(raw_public_key(key)).hexdigest()[:16]


# -- keys -------------------------------------------------------------------------------


def generate_key(out: Path) -> Path:
    """Write a new private key at `out` (PKCS8 PEM, mode 0600) and its public key at
    `out.pub`; refuses to replace either, so a key in use is never lost."""
    pub = out.with_name(out.name + ".pub")
    for path in (out, pub):
        if os.path.lexists(path):
            raise CheckpointInputError(f"{path} already exists; refusing to overwrite it")
    key = Ed25519PrivateKey.generate()
    private_pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    public_pem = key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    _write_new(out, private_pem, 0o600)
    try:
        _write_new(pub, public_pem, 0o644)
    except CheckpointInputError:
        out.unlink()  # no private key without its public half
        raise
    return pub


def _write_new(path: Path, content: bytes, mode: int) -> None:
    # O_EXCL: a file created meanwhile is not replaced; the mode is set at creation, so
    # the private key is never readable by others, not even for an instant.
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, mode)
    except FileExistsError:
        raise CheckpointInputError(f"{path} already exists; refusing to overwrite it") from None
    except OSError as exc:
        raise CheckpointInputError(f"cannot create {path}: {exc.strerror or exc}") from None
    with os.fdopen(fd, "wb") as handle:
        handle.write(content)


def _read_small(path: Path, what: str) -> bytes:
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_CHECKPOINT_FILE_BYTES + 1)
    except OSError as exc:
        raise CheckpointInputError(f"cannot read {what} {path}: {exc.strerror or exc}") from None
    if len(data) > MAX_CHECKPOINT_FILE_BYTES:
        raise CheckpointInputError(f"{what} {path} is too large")
    return data


def load_private_key(path: Path) -> Ed25519PrivateKey:
    data = _read_small(path, "checkpoint key")
    try:
        key = serialization.load_pem_private_key(data, password=None)
    except (ValueError, TypeError) as exc:
        raise CheckpointInputError(
            f"checkpoint key {path} is not an unencrypted PEM private key ({exc})"
        ) from None
    if not isinstance(key, Ed25519PrivateKey):
        raise CheckpointInputError(f"checkpoint key {path} is not an Ed25519 key")
    return key


def load_public_key(path: Path) -> Ed25519PublicKey:
    """A PEM public key (as `checkpoint-key` writes it), a PEM private key (its public
    half), or the base64 raw key a statement shows."""
    data = _read_small(path, "public key")
    if b"PRIVATE KEY" in data:
        return load_private_key(path).public_key()
    try:
        if b"-----BEGIN" in data:
            key = serialization.load_pem_public_key(data)
        else:
            key = Ed25519PublicKey.from_public_bytes(base64.b64decode(data.strip(), validate=True))
    except (ValueError, TypeError, binascii.Error) as exc:
        raise CheckpointInputError(f"public key {path} cannot be read ({exc})") from None
    if not isinstance(key, Ed25519PublicKey):
        raise CheckpointInputError(f"public key {path} is not an Ed25519 key")
    return key


# -- signing ----------------------------------------------------------------------------


def sign(
    key: Ed25519PrivateKey, head: StoredEvent | None, now: datetime | None = None
) -> Checkpoint:
    """A statement of `head` (None: the empty log, position 0 with the genesis hash)."""
    public = key.public_key()
    fields = (
        head.position if head else 0,
        head.hash if head else GENESIS_HASH,
        format_recorded_at(now or datetime.now(UTC)),
        format_recorded_at(head.recorded_at) if head else None,
        key_id(public),
        base64.b64encode(raw_public_key(public)).decode("ascii"),
    )
    signature = key.sign(_signed_bytes(*fields))
    return Checkpoint(*fields, signature=base64.b64encode(signature).decode("ascii"))


def encode(statement: Checkpoint) -> bytes:
    """One line of JSON: `calendar-svc checkpoint >> file.jsonl` keeps a history."""
    return _encoder.encode(statement)


class Signer:
    """Signs the head on demand for the API, once per head position (signing is cheap,
    but answers at one position should not differ by their time alone)."""

    def __init__(self, key_path: str) -> None:
        self.key_path = Path(key_path)
        self._key: Ed25519PrivateKey | None = None
        self._last: Checkpoint | None = None
        self._lock = threading.Lock()

    def statement(self, head: StoredEvent | None) -> Checkpoint:
        position = head.position if head else 0
        with self._lock:
            last = self._last
            if last is not None and last.position == position:
                return last
            if self._key is None:
                self._key = load_private_key(self.key_path)
            self._last = sign(self._key, head)
            return self._last


# -- checking ---------------------------------------------------------------------------


def parse(data: bytes, source: str = "checkpoint") -> list[Checkpoint]:
    """One statement (JSON, possibly indented) or many, one a line (a history)."""
    try:
        return [_decoder.decode(data)]
    except msgspec.DecodeError:
        pass
    statements: list[Checkpoint] = []
    for number, line in enumerate(data.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            statements.append(_decoder.decode(line))
        except msgspec.DecodeError as exc:
            raise CheckpointInputError(f"{source}:{number}: not a checkpoint: {exc}") from None
    if not statements:
        raise CheckpointInputError(f"{source}: no checkpoint in it")
    return statements


def read_checkpoints(path: Path) -> list[Checkpoint]:
    return parse(_read_small(path, "checkpoint file"), str(path))


def check_signature(statement: Checkpoint, trusted: Ed25519PublicKey) -> None:
    """Raise unless `trusted` signed exactly this statement. The key the statement shows
    is never trusted by itself: anyone can sign a forged log with a key of their own."""
    position = statement.position
    if statement.key_id != key_id(trusted):
        raise CheckpointMismatch(
            position,
            f"signed by key {statement.key_id}, not by the trusted key {key_id(trusted)}",
        )
    shown = base64.b64encode(raw_public_key(trusted)).decode("ascii")
    if statement.public_key != shown:
        raise CheckpointMismatch(position, "its public key is not the trusted key")
    try:
        signature = base64.b64decode(statement.signature, validate=True)
        trusted.verify(
            signature,
            _signed_bytes(
                statement.position,
                statement.hash,
                statement.time,
                statement.recorded_at,
                statement.key_id,
                statement.public_key,
            ),
        )
    except (InvalidSignature, binascii.Error, ValueError):
        raise CheckpointMismatch(
            position, "the signature does not hold (the statement was altered)"
        ) from None


class HashesAt:
    """Pass rows through while noting the hash at each wanted position, so one walk of
    the log (or of an export file) both verifies the chain and answers the checkpoints."""

    def __init__(self, rows: Iterable[StoredEvent], positions: Iterable[int]) -> None:
        self._rows = rows
        self.wanted = set(positions)
        self.found: dict[int, str] = {0: GENESIS_HASH} if 0 in self.wanted else {}

    def __iter__(self) -> Iterator[StoredEvent]:
        wanted, found = self.wanted, self.found
        for row in self._rows:
            if row.position in wanted:
                found[row.position] = row.hash
            yield row


def check_contained(statements: Iterable[Checkpoint], found: Mapping[int, str], head: int) -> None:
    """Raise unless the log (verified up to `head`) holds every statement's position
    with that statement's hash."""
    for statement in sorted(statements, key=lambda s: s.position):
        position = statement.position
        if position > head:
            raise CheckpointMismatch(
                position,
                f"the log ends at position {head}, before it (events were removed from the end)",
            )
        if found.get(position) != statement.hash:
            raise CheckpointMismatch(
                position,
                "the log's hash there differs from the signed one (the log up to it was rewritten)",
            )
