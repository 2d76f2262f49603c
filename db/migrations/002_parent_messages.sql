-- 002: messages to parents (coordinators' replies, the care-date follow-up question, a reopened case) and their
-- delivery. The row is its own outbox: written in the transaction that causes it, pushed by the delivery runner
-- where the parent's channel can push, otherwise (or after a failed push) shown at the parent's next message.

CREATE TABLE parent_messages (
    id           INTEGER PRIMARY KEY,
    case_id      INTEGER NOT NULL REFERENCES cases (id),
    user_key     TEXT,                      -- the parent's Address.key; NULL once purged
    channel      TEXT NOT NULL,             -- the case's channel: telegram, kakao, console
    kind         TEXT NOT NULL CHECK (kind IN ('reply', 'followup', 'reopened')),
    text         TEXT,                      -- a coordinator's words (reply only); NULL once purged
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
CREATE INDEX parent_messages_case ON parent_messages (case_id, id);
CREATE INDEX parent_messages_unshown ON parent_messages (user_key, shown_at);
CREATE INDEX parent_messages_push ON parent_messages (state, next_at);

-- One row per push call that Kakao accepted or refused, for the daily cap per parent and the cost in reports.
CREATE TABLE pushes (
    id           INTEGER PRIMARY KEY,
    message_id   INTEGER NOT NULL REFERENCES parent_messages (id),
    channel      TEXT NOT NULL,
    user_key     TEXT,                      -- NULL once purged
    at           TEXT NOT NULL,
    ok           INTEGER NOT NULL,          -- 1 sent, 0 failed attempt
    task_id      TEXT,                      -- Kakao's taskId
    error        TEXT
);
CREATE INDEX pushes_user ON pushes (user_key, at);
CREATE INDEX pushes_at ON pushes (at);
