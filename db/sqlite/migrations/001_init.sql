-- 001: conversations, message log, cases with their audit trail, the notification outbox, follow-ups.
-- Timestamps are ISO 8601 text in UTC ('YYYY-MM-DDTHH:MM:SS.ffffff+00:00') so they sort and compare as text.

CREATE TABLE conversations (
    user_key   TEXT PRIMARY KEY,            -- Address.key, e.g. 'kakao:abc123'
    state      TEXT NOT NULL,               -- the dialog's typed state as JSON
    updated_at TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE messages (
    id        INTEGER PRIMARY KEY,
    user_key  TEXT NOT NULL,
    direction TEXT NOT NULL CHECK (direction IN ('in', 'out')),
    text      TEXT NOT NULL,
    at        TEXT NOT NULL
);
CREATE INDEX messages_user ON messages (user_key, id);
CREATE INDEX messages_at ON messages (at);

CREATE TABLE cases (
    id           INTEGER PRIMARY KEY,       -- the case number parents and coordinators see
    user_key     TEXT,                      -- NULL once purged
    channel      TEXT NOT NULL,
    service_id   TEXT,                      -- recommended service; NULL when none fits (control tower decides)
    site_id      TEXT,
    urgent       INTEGER NOT NULL DEFAULT 0,
    danger       INTEGER NOT NULL DEFAULT 0,
    area         TEXT,                      -- 읍면동: coarse enough to keep for statistics
    children     TEXT NOT NULL DEFAULT '[]',-- JSON list of {age_months, school_grade, service_id}; kept (no names)
    summary      TEXT,                      -- JSON: need window, recommendation with reasons, next best; NULL once purged
    summary_text TEXT,                      -- Korean summary for coordinators; NULL once purged
    contact      TEXT,                      -- JSON {route: chat|phone, phone}; NULL once purged
    consent_at   TEXT,
    care_date    TEXT,                      -- ISO date the care is needed, for the parent follow-up
    created_at   TEXT NOT NULL,
    status       TEXT NOT NULL DEFAULT 'new'
                 CHECK (status IN ('new', 'claimed', 'contacted', 'resolved', 'closed')),
    claimed_by   TEXT,                      -- coordinator name from coordinators.yaml
    claimed_at   TEXT,
    contacted_at TEXT,
    resolved_at  TEXT,
    closed_at    TEXT,
    outcome      TEXT CHECK (outcome IS NULL OR outcome IN
                 ('placed', 'referred', 'not_placed', 'unreachable', 'withdrawn')),
    outcome_note TEXT,                      -- NULL once purged
    reopened     INTEGER NOT NULL DEFAULT 0,-- how many times the case was reopened
    escalated    INTEGER NOT NULL DEFAULT 0,-- 1 once unclaimed reminders escalated to the control tower
    updated_at   TEXT NOT NULL,
    purged_at    TEXT                       -- personal fields removed (retention or deletion on request)
);
CREATE INDEX cases_user ON cases (user_key);
CREATE INDEX cases_open ON cases (status, urgent, created_at);
CREATE INDEX cases_created ON cases (created_at);

-- Every change of a case: the audit trail (who, when, what, note).
CREATE TABLE events (
    id          INTEGER PRIMARY KEY,
    case_id     INTEGER NOT NULL REFERENCES cases (id),
    at          TEXT NOT NULL,
    actor       TEXT NOT NULL,              -- coordinator name, 'parent', or 'system'
    kind        TEXT NOT NULL,              -- created, claimed, contacted, resolved, closed, reopened, note,
                                            -- reminded, escalated, followup_sent, followup_answered, purged
    status_from TEXT,
    status_to   TEXT,
    note        TEXT                        -- NULL once purged
);
CREATE INDEX events_case ON events (case_id, id);

-- Notifications to coordinators, written in the same transaction as what caused them; the dispatcher
-- delivers each row once to every registered notifier (deliveries) and marks it done.
CREATE TABLE outbox (
    id           INTEGER PRIMARY KEY,
    case_id      INTEGER NOT NULL REFERENCES cases (id),
    kind         TEXT NOT NULL,             -- new_case, reminder, escalation, reopened, claimed, not_contacted
    payload      TEXT NOT NULL DEFAULT '{}',
    created_at   TEXT NOT NULL,
    attempts     INTEGER NOT NULL DEFAULT 0,
    next_at      TEXT NOT NULL,             -- next delivery attempt (backoff)
    done_at      TEXT,
    last_error   TEXT
);
CREATE INDEX outbox_due ON outbox (done_at, next_at);

CREATE TABLE deliveries (
    outbox_id    INTEGER NOT NULL REFERENCES outbox (id),
    notifier     TEXT NOT NULL,
    at           TEXT NOT NULL,
    external_id  TEXT,                      -- e.g. Telegram message id, for later edits
    PRIMARY KEY (outbox_id, notifier)
) WITHOUT ROWID;

-- Scheduled follow-ups: the row is the truth, the APScheduler job only its timer (job id = 'followup:<id>').
CREATE TABLE followups (
    id          INTEGER PRIMARY KEY,
    case_id     INTEGER NOT NULL REFERENCES cases (id),
    kind        TEXT NOT NULL,              -- unclaimed, not_contacted, parent
    due_at      TEXT NOT NULL,
    seq         INTEGER NOT NULL DEFAULT 1, -- nth reminder of its kind for the case
    fired_at    TEXT,                       -- set once, in the same transaction as its effects
    cancelled_at TEXT,
    asked_at    TEXT,                       -- parent follow-up: when the question reached the parent
    answered_at TEXT,
    answer      TEXT                        -- 'yes' / 'no'
);
CREATE INDEX followups_due ON followups (fired_at, cancelled_at, due_at);
CREATE INDEX followups_case ON followups (case_id);
