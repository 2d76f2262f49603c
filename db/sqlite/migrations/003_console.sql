-- 003: the web console's accounts and its access log (접속기록), plus indexes the console's queue views use.
-- The access log has no foreign key to cases and is never touched by retention or deletion on request:
-- it holds no personal content (who, when, from where, which case number, what action) and is kept two years.

CREATE TABLE console_accounts (
    name          TEXT PRIMARY KEY,          -- coordinators.yaml name; roles come from that file
    password_hash TEXT NOT NULL,             -- argon2id
    failures      INTEGER NOT NULL DEFAULT 0,-- wrong passwords in a row
    locked_until  TEXT,                      -- set after 5 wrong passwords in a row
    disabled_at   TEXT,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE access_log (
    id      INTEGER PRIMARY KEY,
    at      TEXT NOT NULL,
    who     TEXT NOT NULL,                   -- account name (or the name tried at a failed login)
    ip      TEXT NOT NULL DEFAULT '',
    action  TEXT NOT NULL,                   -- view_case, claim, update:contacted, login, login_failed, ...
    case_id INTEGER                          -- the case number, when the action concerns one
);
CREATE INDEX access_log_at ON access_log (at);
CREATE INDEX access_log_who ON access_log (who, at);

CREATE INDEX cases_service ON cases (service_id, id);
CREATE INDEX cases_service_status ON cases (service_id, status);
CREATE INDEX cases_claimed_by ON cases (claimed_by, status);
-- Parent follow-ups still waiting for an answer (the "후속 확인 대기" view), without scanning answered ones.
CREATE INDEX followups_waiting ON followups (due_at) WHERE kind = 'parent' AND answered_at IS NULL
    AND cancelled_at IS NULL;
