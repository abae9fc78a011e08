-- SPDX-License-Identifier: GPL-3.0-or-later
-- Step 9 (0010 once the YouTube step is in): where releases are searched and
-- sent, and every download with its candidates, what it tried and its timeline.
-- API keys and passwords live in the keyring ("indexer:<id>", "client:<id>"), never here.

CREATE TABLE indexers (
  id          INTEGER PRIMARY KEY,
  kind        TEXT NOT NULL CHECK (kind IN ('torznab', 'newznab', 'prowlarr', 'slskd')),
  name        TEXT NOT NULL UNIQUE CHECK (length (trim (name)) > 0),
  url         TEXT NOT NULL CHECK (length (url) > 0),
  enabled     INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
  created_at  INTEGER NOT NULL DEFAULT (unixepoch()),
  updated_at  INTEGER NOT NULL DEFAULT (unixepoch())
);

-- The categories an indexer's caps list; the selected ones are searched.
CREATE TABLE indexer_categories (
  indexer_id  INTEGER NOT NULL REFERENCES indexers (id) ON DELETE CASCADE,
  category    INTEGER NOT NULL,
  parent      INTEGER NOT NULL DEFAULT 0,
  name        TEXT,
  selected    INTEGER NOT NULL DEFAULT 1 CHECK (selected IN (0, 1)),
  PRIMARY KEY (indexer_id, category)
);

CREATE TABLE download_clients (
  id          INTEGER PRIMARY KEY,
  kind        TEXT NOT NULL CHECK (kind IN ('qbittorrent', 'transmission', 'deluge', 'aria2',
                                            'nzbget', 'sabnzbd', 'slskd')),
  name        TEXT NOT NULL UNIQUE CHECK (length (trim (name)) > 0),
  url         TEXT NOT NULL CHECK (length (url) > 0),
  username    TEXT,
  category    TEXT,                    -- NULL: "soulsync-video"
  save_path   TEXT,                    -- NULL: the client's own default
  enabled     INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
  created_at  INTEGER NOT NULL DEFAULT (unixepoch()),
  updated_at  INTEGER NOT NULL DEFAULT (unixepoch())
);

-- Which client a grab of each protocol goes to.
CREATE TABLE default_clients (
  protocol   TEXT PRIMARY KEY CHECK (protocol IN ('torrent', 'usenet', 'slskd')),
  client_id  INTEGER NOT NULL REFERENCES download_clients (id) ON DELETE CASCADE
);

CREATE TABLE downloads (
  id                INTEGER PRIMARY KEY,
  kind              TEXT NOT NULL CHECK (kind IN ('movie', 'episode', 'season')),
  -- the wanted item
  wishlist_id       INTEGER REFERENCES wishlist (id) ON DELETE SET NULL,
  tmdb_id           INTEGER,
  tvdb_id           INTEGER,
  imdb_id           TEXT,
  title             TEXT NOT NULL,
  year              INTEGER,
  season_number     INTEGER,
  episode_number    INTEGER,
  air_date          TEXT,
  absolute_number   INTEGER,
  poster_url        TEXT,
  -- the release and where it went
  release_title     TEXT NOT NULL,
  indexer           TEXT,
  protocol          TEXT NOT NULL CHECK (protocol IN ('torrent', 'usenet', 'slskd')),
  client_id         INTEGER REFERENCES download_clients (id) ON DELETE SET NULL,
  client_name       TEXT,
  client_reference  TEXT,
  size_bytes        INTEGER,
  quality           TEXT,
  profile_id        INTEGER REFERENCES quality_profiles (id) ON DELETE SET NULL,
  -- how it goes
  status            TEXT NOT NULL DEFAULT 'queued'
                    CHECK (status IN ('queued', 'downloading', 'stalled', 'searching', 'importing',
                                      'completed', 'failed', 'cancelled')),
  progress          REAL NOT NULL DEFAULT 0 CHECK (progress >= 0 AND progress <= 1),
  speed             INTEGER,             -- bytes per second
  eta               INTEGER,             -- seconds
  error             TEXT,
  content_path      TEXT,
  attempts          INTEGER NOT NULL DEFAULT 1 CHECK (attempts >= 0),
  created_at        INTEGER NOT NULL DEFAULT (unixepoch()),
  updated_at        INTEGER NOT NULL DEFAULT (unixepoch()),
  completed_at      INTEGER,
  CHECK (kind <> 'episode' OR (season_number IS NOT NULL AND episode_number IS NOT NULL)),
  CHECK (kind <> 'season' OR season_number IS NOT NULL),
  CHECK (status <> 'failed' OR error IS NOT NULL),
  CHECK ((status = 'completed') = (completed_at IS NOT NULL))
);

-- The other accepted hits of the grab, best first: what a retry takes next.
CREATE TABLE download_candidates (
  download_id    INTEGER NOT NULL REFERENCES downloads (id) ON DELETE CASCADE,
  position       INTEGER NOT NULL CHECK (position >= 0),
  release_title  TEXT NOT NULL,
  indexer        TEXT,
  protocol       TEXT NOT NULL CHECK (protocol IN ('torrent', 'usenet', 'slskd')),
  guid           TEXT,
  download_url   TEXT,
  magnet_url     TEXT,
  infohash       TEXT,
  size_bytes     INTEGER,
  quality        TEXT,
  score          INTEGER,
  seeders        INTEGER,
  slskd_user     TEXT,
  tried          INTEGER NOT NULL DEFAULT 0 CHECK (tried IN (0, 1)),
  PRIMARY KEY (download_id, position)
);

-- A Soulseek candidate's files, as the peer shares them.
CREATE TABLE download_candidate_files (
  download_id  INTEGER NOT NULL,
  position     INTEGER NOT NULL,
  file_index   INTEGER NOT NULL,
  path         TEXT NOT NULL,
  size_bytes   INTEGER,
  PRIMARY KEY (download_id, position, file_index),
  FOREIGN KEY (download_id, position) REFERENCES download_candidates (download_id, position)
    ON DELETE CASCADE
);

-- What a download's searches tried: queries and files (rows, so a retry asks "tried?").
CREATE TABLE download_tries (
  download_id  INTEGER NOT NULL REFERENCES downloads (id) ON DELETE CASCADE,
  kind         TEXT NOT NULL CHECK (kind IN ('query', 'file')),
  value        TEXT NOT NULL,
  tried_at     INTEGER NOT NULL DEFAULT (unixepoch()),
  PRIMARY KEY (download_id, kind, value)
);

-- The timeline of a download, in plain words.
CREATE TABLE download_events (
  id           INTEGER PRIMARY KEY,
  download_id  INTEGER NOT NULL REFERENCES downloads (id) ON DELETE CASCADE,
  at           INTEGER NOT NULL DEFAULT (unixepoch()),
  kind         TEXT NOT NULL CHECK (kind IN ('grabbed', 'state', 'progress', 'error', 'retry',
                                             'completed', 'failed', 'cancelled', 'note')),
  message      TEXT NOT NULL
);

-- The downloads page and the monitor: active ones, then recent ones.
CREATE INDEX downloads_status ON downloads (status, updated_at);
CREATE INDEX downloads_updated ON downloads (updated_at);
-- The wishlist's state of each wanted item: its latest download.
CREATE INDEX downloads_wishlist ON downloads (wishlist_id, id);
-- One live transfer per client reference.
CREATE UNIQUE INDEX downloads_reference ON downloads (client_id, client_reference)
  WHERE status IN ('queued', 'downloading', 'stalled', 'importing');
CREATE INDEX download_events_download ON download_events (download_id, id);
CREATE INDEX download_clients_kind ON download_clients (kind);
