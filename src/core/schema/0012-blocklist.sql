-- SPDX-License-Identifier: GPL-3.0-or-later
-- Step 12: releases never to grab again, with the reason (a stall, a bad import, a person's block).
-- A release is recognised by any of its keys: infohash (torrents), guid or URL (usenet),
-- peer and file (Soulseek), or its title on the same indexer.

CREATE TABLE blocklist (
  id             INTEGER PRIMARY KEY,
  protocol       TEXT NOT NULL CHECK (protocol IN ('torrent', 'usenet', 'slskd')),
  indexer        TEXT,
  release_title  TEXT NOT NULL CHECK (length (trim (release_title)) > 0),
  infohash       TEXT CHECK (infohash IS NULL OR infohash = lower (infohash)),
  guid           TEXT,
  url            TEXT,
  slskd_user     TEXT,
  slskd_file     TEXT,
  reason         TEXT NOT NULL CHECK (length (trim (reason)) > 0),
  manual         INTEGER NOT NULL DEFAULT 0 CHECK (manual IN (0, 1)),
  download_id    INTEGER REFERENCES downloads (id) ON DELETE SET NULL,
  created_at     INTEGER NOT NULL DEFAULT (unixepoch()),
  CHECK (protocol <> 'slskd' OR (slskd_user IS NOT NULL AND slskd_file IS NOT NULL)),
  CHECK ((slskd_user IS NULL) = (slskd_file IS NULL))
);

-- What judging and a grab ask: "is this release blocked?", by each key.
CREATE INDEX blocklist_infohash ON blocklist (infohash) WHERE infohash IS NOT NULL;
CREATE INDEX blocklist_guid ON blocklist (guid) WHERE guid IS NOT NULL;
CREATE INDEX blocklist_url ON blocklist (url) WHERE url IS NOT NULL;
CREATE INDEX blocklist_slskd ON blocklist (slskd_user, slskd_file) WHERE slskd_user IS NOT NULL;
CREATE INDEX blocklist_title ON blocklist (release_title COLLATE NOCASE, indexer);
-- The Blocklist view: newest first.
CREATE INDEX blocklist_created ON blocklist (created_at, id);
