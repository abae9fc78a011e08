-- SPDX-License-Identifier: GPL-3.0-or-later
-- Step 15: shows wished without owning them, and where wanted titles stream.
-- A show the library lacks keeps TMDB's list of its episodes beside its wishlist
-- group, so episodes still to come join as they air (as the library's episodes do
-- for an owned show) and the calendar lists them; its TheTVDB id goes with it for
-- the indexers that search by it. Streaming offers come from TMDB's watch
-- providers per region ("flatrate" only: what a subscription includes); a title
-- read with none has its check row and no offers. Tables first, then indexes.

ALTER TABLE wishlist_shows ADD COLUMN tvdb_id INTEGER;

CREATE TABLE wishlist_show_episodes (
  wishlist_show_id   INTEGER NOT NULL REFERENCES wishlist_shows (id) ON DELETE CASCADE,
  season_number      INTEGER NOT NULL,
  episode_number     INTEGER NOT NULL,
  tmdb_id            INTEGER,
  title              TEXT,
  overview           TEXT,
  still_url          TEXT,
  season_poster_url  TEXT,
  air_date           TEXT,
  PRIMARY KEY (wishlist_show_id, season_number, episode_number)
) WITHOUT ROWID;

CREATE TABLE streaming_checks (
  media       TEXT NOT NULL CHECK (media IN ('movie', 'tv')),
  tmdb_id     INTEGER NOT NULL,
  region      TEXT NOT NULL,
  checked_at  INTEGER NOT NULL,
  PRIMARY KEY (media, tmdb_id, region)
) WITHOUT ROWID;

CREATE TABLE streaming_offers (
  media          TEXT NOT NULL CHECK (media IN ('movie', 'tv')),
  tmdb_id        INTEGER NOT NULL,
  region         TEXT NOT NULL,
  provider_id    INTEGER NOT NULL,
  provider_name  TEXT,
  PRIMARY KEY (media, tmdb_id, region, provider_id),
  FOREIGN KEY (media, tmdb_id, region) REFERENCES streaming_checks (media, tmdb_id, region) ON DELETE CASCADE
) WITHOUT ROWID;

CREATE INDEX wishlist_show_episodes_air_date ON wishlist_show_episodes (air_date);
CREATE INDEX streaming_checks_checked ON streaming_checks (checked_at);
