-- SPDX-License-Identifier: GPL-3.0-or-later
-- Step 9: YouTube channels, their videos and per-video extras, wished videos'
-- downloads, and the record of third-party hosts the app contacted. Following a
-- channel and wishing a video are watchlist and wishlist rows (source 'youtube',
-- the UC… or video id): these tables only describe what was read. Tables first,
-- then their indexes.

-- A channel someone followed or opened. Fields a refresh lacks never blank the
-- ones read before (the store coalesces).
CREATE TABLE yt_channels (
  id                INTEGER PRIMARY KEY,
  channel_id        TEXT NOT NULL UNIQUE,             -- UC…
  handle            TEXT,                             -- "@name"
  title             TEXT,
  description       TEXT,
  avatar_url        TEXT,
  banner_url        TEXT,
  subscribers       INTEGER,
  video_count       INTEGER,
  wish_new_uploads  INTEGER NOT NULL DEFAULT 0 CHECK (wish_new_uploads IN (0, 1)),
  -- How the last good refresh read it: the InnerTube catalog, only the RSS
  -- feed, or a Piped/Invidious proxy; complete = the whole catalog was read.
  enriched_by       TEXT CHECK (enriched_by IN ('innertube', 'rss', 'proxy')),
  complete          INTEGER NOT NULL DEFAULT 0 CHECK (complete IN (0, 1)),
  -- A partial channel is read again once, then waits for the normal sweep.
  reenriched        INTEGER NOT NULL DEFAULT 0 CHECK (reenriched IN (0, 1)),
  refreshed_at      INTEGER,                          -- last good refresh (unix)
  attempted_at      INTEGER,                          -- last try, good or not
  error_kind        TEXT CHECK (error_kind IN ('changed', 'not-found', 'rate-limited', 'unreachable', 'failed')),
  last_error        TEXT,
  opened_at         INTEGER,                          -- the person last opened its page
  added_at          INTEGER NOT NULL DEFAULT (unixepoch())
);

CREATE TABLE yt_videos (
  id                INTEGER PRIMARY KEY,
  video_id          TEXT NOT NULL UNIQUE,             -- 11 characters
  channel_row       INTEGER NOT NULL REFERENCES yt_channels (id) ON DELETE CASCADE,
  title             TEXT,
  dearrow_title     TEXT,                             -- the crowd's title, when not the original
  thumbnail_url     TEXT,
  duration_s        INTEGER,
  views             INTEGER,
  published         INTEGER,                          -- unix; NULL when unknown
  date_exact        INTEGER NOT NULL DEFAULT 0 CHECK (date_exact IN (0, 1)),
  date_unit         INTEGER,                          -- an approximate date's unit, seconds
  is_short          INTEGER NOT NULL DEFAULT 0 CHECK (is_short IN (0, 1)),
  upcoming          INTEGER NOT NULL DEFAULT 0 CHECK (upcoming IN (0, 1)),
  likes             INTEGER,
  dislikes          INTEGER,
  catalog_rank      INTEGER,                          -- place in the channel's list, newest 0
  downloaded_path   TEXT,
  sponsorblock_at   INTEGER,                          -- when each extra was last asked
  dearrow_at        INTEGER,
  ryd_at            INTEGER,
  announced_at      INTEGER,                          -- told as a new upload (or there at the follow)
  first_seen_at     INTEGER NOT NULL DEFAULT (unixepoch())
);

-- SponsorBlock segments of a video, by category.
CREATE TABLE yt_segments (
  id          INTEGER PRIMARY KEY,
  video_row   INTEGER NOT NULL REFERENCES yt_videos (id) ON DELETE CASCADE,
  category    TEXT NOT NULL,
  action      TEXT,
  start_s     REAL NOT NULL,
  end_s       REAL NOT NULL,
  uuid        TEXT,
  votes       INTEGER,
  locked      INTEGER NOT NULL DEFAULT 0 CHECK (locked IN (0, 1)),
  CHECK (end_s >= start_s)
);

-- A wished video on its way to disk with yt-dlp.
CREATE TABLE yt_downloads (
  video_row   INTEGER PRIMARY KEY REFERENCES yt_videos (id) ON DELETE CASCADE,
  state       TEXT NOT NULL CHECK (state IN ('queued', 'running', 'done', 'failed')),
  attempts    INTEGER NOT NULL DEFAULT 0,
  last_error  TEXT,
  progress    REAL,
  path        TEXT,
  updated_at  INTEGER NOT NULL DEFAULT (unixepoch())
);

-- Every third-party host the app talked to, per feature and local day.
CREATE TABLE network_activity (
  day        TEXT NOT NULL,                           -- YYYY-MM-DD, local
  feature    TEXT NOT NULL,                           -- the service: 'youtube', 'tmdb', …
  host       TEXT NOT NULL,
  requests   INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (day, feature, host)
) WITHOUT ROWID;

CREATE INDEX yt_videos_channel ON yt_videos (channel_row, published);
CREATE INDEX yt_videos_channel_rank ON yt_videos (channel_row, catalog_rank);
CREATE INDEX yt_segments_video ON yt_segments (video_row);
CREATE INDEX yt_channels_title ON yt_channels (title COLLATE NOCASE);
CREATE INDEX yt_downloads_state ON yt_downloads (state, updated_at);
