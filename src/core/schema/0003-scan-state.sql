-- SPDX-License-Identifier: GPL-3.0-or-later
-- Step 3: a fingerprint of what the scanner last read for each row, so a re-scan
-- of an unchanged library reads and compares but writes nothing.

ALTER TABLE movies ADD COLUMN scan_hash INTEGER;
ALTER TABLE shows ADD COLUMN scan_hash INTEGER;
ALTER TABLE seasons ADD COLUMN scan_hash INTEGER;
ALTER TABLE episodes ADD COLUMN scan_hash INTEGER;
