-- SPDX-License-Identifier: GPL-3.0-or-later
-- Step 8: the library stays current: scheduled jobs, what a refresh keeps of a show's
-- next episode, TMDB answers for titles and people outside the library, and the movies
-- of followed people that wait for their home release.
-- Tables and columns first, then the indexes that use them.

-- One row per job the scheduler knows. A job is due when next_run_at has passed; a
-- run that was missed (the machine was off or asleep) runs once, then next_run_at
-- moves past now. Times are Unix seconds.
CREATE TABLE scheduled_jobs (
  name              TEXT PRIMARY KEY NOT NULL,
  interval_s        INTEGER NOT NULL CHECK (interval_s > 0),
  enabled           INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
  last_run_at       INTEGER,      -- when the last run started
  last_finished_at  INTEGER,
  last_result       TEXT CHECK (last_result IN ('ok', 'failed', 'cancelled', 'skipped')),
  last_message      TEXT,
  next_run_at       INTEGER NOT NULL
);

-- What TMDB says of a show's next and last episodes (a refresh keeps them current).
ALTER TABLE shows ADD COLUMN in_production INTEGER;
ALTER TABLE shows ADD COLUMN next_episode_season INTEGER;
ALTER TABLE shows ADD COLUMN next_episode_number INTEGER;
ALTER TABLE shows ADD COLUMN next_episode_air_date TEXT;
ALTER TABLE shows ADD COLUMN last_episode_season INTEGER;
ALTER TABLE shows ADD COLUMN last_episode_number INTEGER;

-- TMDB answers for pages of titles and people that are not in the library, so a
-- second visit opens at once. The key is the request's path and language.
CREATE TABLE tmdb_cache (
  key         TEXT PRIMARY KEY NOT NULL,
  body        TEXT NOT NULL,
  fetched_at  INTEGER NOT NULL
);

-- A followed person: how far back their movies join the wishlist (0: only upcoming
-- ones), and when their credits were last read.
ALTER TABLE watchlist ADD COLUMN lookback_years INTEGER;
ALTER TABLE watchlist ADD COLUMN synced_at INTEGER;

-- Movies of followed people. 'monitored' ones wait for their home release date
-- (the earliest digital, physical or TV release, else the theatrical one plus 90
-- days); then they join the wishlist once and become 'wanted'. A row is never
-- wanted twice, so a movie the person took off the wishlist stays off.
CREATE TABLE followed_releases (
  id                 INTEGER PRIMARY KEY,
  person_tmdb_id     INTEGER NOT NULL,
  movie_tmdb_id      INTEGER NOT NULL,
  title              TEXT NOT NULL,
  year               INTEGER,
  overview           TEXT,
  poster_url         TEXT,
  backdrop_url       TEXT,
  release_date       TEXT,
  home_release_date  TEXT,
  state              TEXT NOT NULL DEFAULT 'monitored' CHECK (state IN ('monitored', 'wanted')),
  found_at           INTEGER NOT NULL DEFAULT (unixepoch()),
  wanted_at          INTEGER,
  UNIQUE (person_tmdb_id, movie_tmdb_id)
);

-- Titles whose TMDB match is due for a refresh, oldest first.
CREATE INDEX enrichment_status_synced ON enrichment_status (provider, synced_at) WHERE status = 'matched';
CREATE INDEX followed_releases_state ON followed_releases (state, home_release_date);
CREATE INDEX tmdb_cache_fetched ON tmdb_cache (fetched_at);
