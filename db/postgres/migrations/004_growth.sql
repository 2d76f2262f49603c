-- 004 (PostgreSQL port of db/sqlite/migrations/004): indexes the data-growth figures called for
-- (bench/growth.py: a million cases, ten million messages). outbox_case is 001's here already.
-- The retention purge finds the closed cases it is due to scrub without reading every case ...
CREATE INDEX cases_purge_due ON cases ((COALESCE(closed_at, resolved_at)))
    WHERE purged_at IS NULL;
-- ... and deletes idle conversations by age, a chunk at a time.
CREATE INDEX conversations_updated ON conversations (updated_at);
