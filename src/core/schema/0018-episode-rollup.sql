-- SPDX-License-Identifier: GPL-3.0-or-later
-- Step 18:
-- the library's show cards count each show's episodes, watched episodes and seasons
-- from this index alone, without reading a row of the episodes themselves.

CREATE INDEX episodes_rollup ON episodes (show_id, season_number, watched);
