-- 006 (PostgreSQL port of db/sqlite/migrations/006): a Kakao turn that outlasted the skill's time budget keeps
-- running, and its replies become a parent message of kind 'late' without a case (``text`` holds the replies as
-- JSON, emptied once shown), pushed where the Event API is set up and shown once at the next message on any worker.

ALTER TABLE parent_messages ALTER COLUMN case_id DROP NOT NULL;
ALTER TABLE parent_messages DROP CONSTRAINT parent_messages_kind_check;
ALTER TABLE parent_messages ADD CONSTRAINT parent_messages_kind_check
    CHECK (kind IN ('reply', 'followup', 'reopened', 'late'));
-- unshown late replies still holding their words, for the retention purge (bot/coordination/retention.py)
CREATE INDEX parent_messages_late ON parent_messages (created_at) WHERE kind = 'late' AND text IS NOT NULL;
-- pushes' key into parent_messages, as on SQLite (where the table's rebuild needs it)
CREATE INDEX pushes_message ON pushes (message_id);
