"""Statements with their values written in, for simple queries: several statements in one round trip."""

from __future__ import annotations

from collections.abc import Sequence

# Every turn's messages in order, and each user's last state (the batch's write, db/postgres/turns.py).
WRITE_SQL = (
    "WITH m AS (INSERT INTO messages (user_key, direction, text, at) SELECT u.k, u.d, u.t, u.a"
    " FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) WITH ORDINALITY AS u(k, d, t, a, n) ORDER BY u.n)"
    " INSERT INTO conversations (user_key, state, updated_at) SELECT * FROM unnest($5::text[], $6::text[], $7::text[])"
    " ON CONFLICT (user_key) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at")
WRITE_NAME = "dolbom_turns"
# Prepared once a connection: as a simple query with its values written in (for the COMMIT to go in the same round
# trip) it was parsed and planned at every batch, 70-140 us of the server's CPU of a batch's 290-430.
PREPARE_WRITE = f"PREPARE {WRITE_NAME} (text[], text[], text[], text[], text[], text[], text[]) AS {WRITE_SQL}"
_UPSERT = " ON CONFLICT (user_key) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at"


def literal(value: object) -> str:
    """A value as SQL: NULL, an integer, or a string literal (standard_conforming_strings is on since 9.1)."""
    if value is None:
        return "NULL"
    if isinstance(value, int):
        return str(int(value))
    text = str(value)
    if "\0" in text:
        raise ValueError("NUL in a literal")
    return "'" + text.replace("'", "''") + "'"


def array(texts: Sequence[str]) -> str:
    """A text[] of strings known to hold no NUL (a batch's values are checked once, together)."""
    if not texts:
        return "ARRAY[]::text[]"
    return "ARRAY['" + "', '".join([t.replace("'", "''") for t in texts]) + "']::text[]"


def _rows(rows: Sequence[Sequence[object]]) -> str:
    return ", ".join("(" + ", ".join(map(literal, row)) + ")" for row in rows)


def write_literal(values: Sequence[Sequence[str]]) -> str | None:
    """WRITE_SQL, prepared on each pooled connection (PREPARE_WRITE), executed with its seven arrays written in;
    None if a value holds NUL (PostgreSQL's text cannot)."""
    if any("\0" in "".join(column) for column in values):
        return None
    return f"EXECUTE {WRITE_NAME}({', '.join(array(column) for column in values)})"


def case_statements(case_id: int, row: Sequence[object], at: str, notes: Sequence[str],
                    followups: Sequence[tuple[str, str]], user_key: str, state: str,
                    messages: Sequence[tuple[str, str]] | None) -> str:
    """A new case with its number given, its 'created' event, outbox rows, follow-ups and the conversation
    ``state`` (with the turn's ``messages``, direction and text, when given): the statements of one transaction."""
    out = [f"INSERT INTO cases (id, user_key, channel, service_id, site_id, urgent, danger, area, children, summary,"
           f" summary_text, contact, consent_at, care_date, created_at, updated_at) VALUES {_rows([(case_id, *row)])}",
           f"INSERT INTO events (case_id, at, actor, kind, status_to) VALUES"
           f" {_rows([(case_id, at, 'parent', 'created', 'new')])}"]
    if notes:
        out.append("INSERT INTO outbox (case_id, kind, created_at, next_at) VALUES "
                   + _rows([(case_id, kind, at, at) for kind in notes]))
    if followups:
        out.append("INSERT INTO followups (case_id, kind, due_at) VALUES "
                   + _rows([(case_id, kind, due) for kind, due in followups]))
    if messages:
        out.append("INSERT INTO messages (user_key, direction, text, at) VALUES "
                   + _rows([(user_key, d, t, at) for d, t in messages]))
    out.append("INSERT INTO conversations (user_key, state, updated_at) VALUES "
               + _rows([(user_key, state, at)]) + _UPSERT)
    return "; ".join(out)
