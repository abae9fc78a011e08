-- SPDX-License-Identifier: GPL-3.0-or-later
-- Step 17:
-- when a finished download went into the library. The importer writes it with
-- "completed"; a download its client finished that has none, or one a crash left
-- "importing", is imported at the next start. Downloads completed before this step
-- count as imported, so none is imported twice.
-- allow-update: downloads.imported_at

ALTER TABLE downloads ADD COLUMN imported_at INTEGER;
UPDATE downloads SET imported_at = completed_at WHERE status = 'completed';
