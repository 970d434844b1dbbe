"""Every insert into the log must extend it: the next position, chained to the last hash.

SQLite's INSERT OR REPLACE deletes the conflicting row without firing DELETE triggers,
so a row could be rewritten in place; and any direct insert could leave a gap or start a
second chain. A BEFORE INSERT trigger now refuses a row whose position is not max + 1 or
whose prev_hash is not the current last row's hash (the genesis hash on an empty log).
The store's appends and imports already write exactly that; `verify` remains the check
of the hashes themselves.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-04
"""

from __future__ import annotations

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

_GENESIS = "0" * 64

_SQLITE = f"""CREATE TRIGGER events_insert_extends_chain BEFORE INSERT ON events
   WHEN NEW.position IS NOT COALESCE((SELECT max(position) FROM events), 0) + 1
     OR NEW.prev_hash IS NOT COALESCE(
          (SELECT hash FROM events ORDER BY position DESC LIMIT 1), '{_GENESIS}')
   BEGIN SELECT RAISE(ABORT, 'events is append-only: an insert must extend the chain'); END"""

_POSTGRES = [
    f"""CREATE FUNCTION events_insert_extends_chain() RETURNS trigger LANGUAGE plpgsql AS $$
       DECLARE last_position bigint; last_hash text;
       BEGIN
         SELECT position, hash INTO last_position, last_hash
           FROM events ORDER BY position DESC LIMIT 1;
         IF NEW.position IS DISTINCT FROM COALESCE(last_position, 0) + 1
            OR NEW.prev_hash IS DISTINCT FROM COALESCE(last_hash, '{_GENESIS}') THEN
           RAISE EXCEPTION 'events is append-only: an insert must extend the chain'
             USING ERRCODE = 'restrict_violation';
         END IF;
         RETURN NEW;
       END $$""",
    """CREATE TRIGGER events_insert_extends_chain BEFORE INSERT ON events
       FOR EACH ROW EXECUTE FUNCTION events_insert_extends_chain()""",
]


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute(_SQLITE)
    else:
        for statement in _POSTGRES:
            op.execute(statement)


def downgrade() -> None:
    op.execute(
        "DROP TRIGGER IF EXISTS events_insert_extends_chain ON events"
        if op.get_bind().dialect.name == "postgresql"
        else "DROP TRIGGER IF EXISTS events_insert_extends_chain"
    )
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS events_insert_extends_chain()")
