-- SPDX-License-Identifier: GPL-3.0-or-later
-- Step 7: what a scan held back for the person to confirm, and the disk each folder was read from.

-- A library whose listing came back empty or without more than half of its titles
-- ('empty', 'most'), or a folder now on another disk than at its last scan ('disk').
-- Nothing is removed until the person confirms; a later listing that has the titles
-- again lets them go from here.
CREATE TABLE scan_holds (
  id            INTEGER PRIMARY KEY,
  server_id     INTEGER NOT NULL REFERENCES servers (id) ON DELETE CASCADE,
  library_key   TEXT,                  -- NULL for 'disk': the whole folder
  library_name  TEXT,
  kind          TEXT CHECK (kind IN ('movies', 'shows')),
  reason        TEXT NOT NULL CHECK (reason IN ('empty', 'most', 'disk')),
  listed        INTEGER NOT NULL DEFAULT 0,   -- titles the listing had
  stored        INTEGER NOT NULL DEFAULT 0,   -- titles the library had
  device        INTEGER,               -- 'disk': the disk the folder is on now
  found_at      INTEGER NOT NULL DEFAULT (unixepoch()),
  CHECK ((reason = 'disk') = (kind IS NULL))
);

-- The titles a hold would remove. A title removed otherwise leaves with it.
CREATE TABLE scan_hold_titles (
  hold_id   INTEGER NOT NULL REFERENCES scan_holds (id) ON DELETE CASCADE,
  movie_id  INTEGER REFERENCES movies (id) ON DELETE CASCADE,
  show_id   INTEGER REFERENCES shows (id) ON DELETE CASCADE,
  CHECK ((movie_id IS NULL) <> (show_id IS NULL))
);

-- The device (st_dev) a folder source's root was on at its last complete scan: a
-- different one is an unmounted disk or another disk, never an empty library.
CREATE TABLE folder_roots (
  server_id  INTEGER PRIMARY KEY REFERENCES servers (id) ON DELETE CASCADE,
  path       TEXT NOT NULL,
  device     INTEGER NOT NULL,
  seen_at    INTEGER NOT NULL DEFAULT (unixepoch())
);

CREATE UNIQUE INDEX scan_holds_library ON scan_holds (server_id, coalesce (library_key, ''), coalesce (kind, ''));
CREATE INDEX scan_hold_titles_hold ON scan_hold_titles (hold_id);
CREATE INDEX scan_hold_titles_movie ON scan_hold_titles (movie_id) WHERE movie_id IS NOT NULL;
CREATE INDEX scan_hold_titles_show ON scan_hold_titles (show_id) WHERE show_id IS NOT NULL;
