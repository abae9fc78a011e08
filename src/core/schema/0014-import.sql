-- SPDX-License-Identifier: GPL-3.0-or-later
-- Step 14:
-- what an import did for a wanted item. "resolved": the file meets the profile's
-- cutoff, nothing more is wanted; "upgrade-wanted": the item is owned, but a better
-- file is still wanted. The quality is the imported file's (SsvQuality key).

CREATE TABLE wishlist_import (
  wishlist_id  INTEGER PRIMARY KEY REFERENCES wishlist (id) ON DELETE CASCADE,
  state        TEXT NOT NULL CHECK (state IN ('resolved', 'upgrade-wanted')),
  quality      TEXT NOT NULL,
  path         TEXT NOT NULL CHECK (length (path) > 0),
  download_id  INTEGER REFERENCES downloads (id) ON DELETE SET NULL,
  imported_at  INTEGER NOT NULL DEFAULT (unixepoch())
);

CREATE INDEX wishlist_import_state ON wishlist_import (state);
