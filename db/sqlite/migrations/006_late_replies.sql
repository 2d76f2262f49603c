-- 006: a Kakao turn that outlasted the skill's time budget (KAKAO_BUDGET_SECONDS) keeps running, and its replies
-- become a parent message of kind 'late' (no case: the intake may not have opened one yet; ``text`` holds the
-- replies as JSON, emptied once shown). Like every parent message it is pushed where the Kakao Event API is set up
-- and shown once at the parent's next message on any worker. SQLite cannot drop a NOT NULL or change a CHECK, so
-- the table is rebuilt: a plain copy, the table again under its own name (pushes keep referring to it by name;
-- foreign keys are checked at COMMIT, when every pushed message is back), the rows back with their ids.

PRAGMA defer_foreign_keys = ON;

-- pushes' key into this table, indexed first: dropping and refilling the table checks it row by row, which without
-- the index scanned every push for every message (quadratic: a database with 200,000 messages took over 10 minutes)
CREATE INDEX pushes_message ON pushes (message_id);

CREATE TABLE parent_messages_006 AS SELECT * FROM parent_messages;

DROP TABLE parent_messages;

CREATE TABLE parent_messages (
    id           INTEGER PRIMARY KEY,
    case_id      INTEGER REFERENCES cases (id), -- NULL for a late Kakao reply (kind 'late')
    user_key     TEXT,                      -- the parent's Address.key; NULL once purged
    channel      TEXT NOT NULL,             -- the case's channel: telegram, kakao, console
    kind         TEXT NOT NULL CHECK (kind IN ('reply', 'followup', 'reopened', 'late')),
    text         TEXT,                      -- a coordinator's words (reply), the replies as JSON (late); NULL once
                                            -- purged, and a late one's once shown
    by           TEXT,                      -- coordinator name (reply only)
    followup_id  INTEGER REFERENCES followups (id), -- the parent follow-up this question asks (followup only)
    ref          TEXT NOT NULL UNIQUE,      -- opaque id sent in a Kakao event instead of anything personal
    created_at   TEXT NOT NULL,
    state        TEXT NOT NULL DEFAULT 'waiting'
                 CHECK (state IN ('waiting', 'pushed', 'shown', 'failed')),
    shown_at     TEXT,                      -- reached the parent (pushed to a chat, or shown in a Kakao answer)
    pushed_at    TEXT,                      -- a push was accepted (Telegram message sent, Kakao event accepted)
    failed_at    TEXT,                      -- pushing was given up; the message then waits for the next message
    attempts     INTEGER NOT NULL DEFAULT 0,
    next_at      TEXT NOT NULL,             -- next push attempt (backoff)
    sending_at   TEXT,                      -- a push call under way: after a crash its outcome is unknown, and it is
                                            -- never repeated (at most one push per message)
    last_error   TEXT
);

INSERT INTO parent_messages (id, case_id, user_key, channel, kind, text, by, followup_id, ref, created_at, state,
                             shown_at, pushed_at, failed_at, attempts, next_at, sending_at, last_error)
SELECT id, case_id, user_key, channel, kind, text, by, followup_id, ref, created_at, state,
       shown_at, pushed_at, failed_at, attempts, next_at, sending_at, last_error
FROM parent_messages_006 ORDER BY id;

DROP TABLE parent_messages_006;

CREATE INDEX parent_messages_case ON parent_messages (case_id, id);
CREATE INDEX parent_messages_unshown ON parent_messages (user_key, shown_at);
CREATE INDEX parent_messages_push ON parent_messages (state, next_at);
-- unshown late replies still holding their words, for the retention purge (bot/coordination/retention.py)
CREATE INDEX parent_messages_late ON parent_messages (created_at) WHERE kind = 'late' AND text IS NOT NULL;
