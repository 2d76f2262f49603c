-- 004: indexes the data-growth figures called for (bench/growth.py: a million cases, ten million messages).
-- The retention purge finds the closed cases it is due to scrub without reading every case ...
CREATE INDEX cases_purge_due ON cases (COALESCE(closed_at, resolved_at))
    WHERE purged_at IS NULL;
-- ... scrubs each case's outbox rows by case (without it each purged case read the whole outbox) ...
CREATE INDEX outbox_case ON outbox (case_id);
-- ... and deletes idle conversations by age, a chunk at a time.
CREATE INDEX conversations_updated ON conversations (updated_at);
