-- SPDX-License-Identifier: GPL-3.0-or-later
-- Step 11: seeding goals per download client (a
-- ratio, minutes; NULL: seed as long as the client does; the store refuses negatives, as ADD
-- COLUMN cannot carry a CHECK here), and when a finished torrent was taken off its client.

ALTER TABLE download_clients ADD COLUMN seed_ratio REAL;
ALTER TABLE download_clients ADD COLUMN seed_minutes INTEGER;
ALTER TABLE downloads ADD COLUMN released_at INTEGER;
