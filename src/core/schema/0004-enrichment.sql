-- SPDX-License-Identifier: GPL-3.0-or-later
-- Step 2: enrichment: what each provider found for each title, ratings, artwork.
-- Tables and columns first, then the indexes that use them.

-- One row per provider and title once the provider was asked about it. No row
-- means "never attempted". Exactly one of movie, show or episode.
CREATE TABLE enrichment_status (
  id               INTEGER PRIMARY KEY,
  provider         TEXT NOT NULL,
  movie_id         INTEGER REFERENCES movies (id) ON DELETE CASCADE,
  show_id          INTEGER REFERENCES shows (id) ON DELETE CASCADE,
  episode_id       INTEGER REFERENCES episodes (id) ON DELETE CASCADE,
  status           TEXT NOT NULL CHECK (status IN ('matched', 'not_found', 'error')),
  attempts         INTEGER NOT NULL DEFAULT 0,
  last_attempt_at  INTEGER NOT NULL DEFAULT 0,
  -- Set only after calls that worked.
  synced_at        INTEGER,
  -- Shows: every season of the provider answered.
  episodes_synced  INTEGER NOT NULL DEFAULT 0,
  -- Columns this provider filled, comma-separated, so a re-match can clear them.
  filled           TEXT,
  last_error       TEXT,
  CHECK ((movie_id IS NOT NULL) + (show_id IS NOT NULL) + (episode_id IS NOT NULL) = 1)
);

-- Artwork a provider offered, best first by score (likes or votes).
CREATE TABLE images (
  id        INTEGER PRIMARY KEY,
  movie_id  INTEGER REFERENCES movies (id) ON DELETE CASCADE,
  show_id   INTEGER REFERENCES shows (id) ON DELETE CASCADE,
  provider  TEXT NOT NULL,
  kind      TEXT NOT NULL CHECK (kind IN ('poster', 'backdrop', 'logo', 'clearart', 'banner', 'thumb')),
  url       TEXT NOT NULL,
  language  TEXT,
  score     REAL,
  width     INTEGER,
  height    INTEGER,
  CHECK ((movie_id IS NULL) <> (show_id IS NULL))
);

ALTER TABLE movies ADD COLUMN tmdb_rating REAL;
ALTER TABLE movies ADD COLUMN tmdb_votes INTEGER;
ALTER TABLE movies ADD COLUMN imdb_rating REAL;
ALTER TABLE movies ADD COLUMN imdb_votes INTEGER;
ALTER TABLE movies ADD COLUMN rt_score INTEGER;
ALTER TABLE movies ADD COLUMN metascore INTEGER;
ALTER TABLE movies ADD COLUMN clearart_url TEXT;
ALTER TABLE movies ADD COLUMN banner_url TEXT;
ALTER TABLE movies ADD COLUMN subtitle_languages TEXT;

ALTER TABLE shows ADD COLUMN tmdb_rating REAL;
ALTER TABLE shows ADD COLUMN tmdb_votes INTEGER;
ALTER TABLE shows ADD COLUMN imdb_rating REAL;
ALTER TABLE shows ADD COLUMN imdb_votes INTEGER;
ALTER TABLE shows ADD COLUMN rt_score INTEGER;
ALTER TABLE shows ADD COLUMN metascore INTEGER;
ALTER TABLE shows ADD COLUMN clearart_url TEXT;
ALTER TABLE shows ADD COLUMN banner_url TEXT;
ALTER TABLE shows ADD COLUMN subtitle_languages TEXT;

ALTER TABLE episodes ADD COLUMN imdb_rating REAL;
-- The provider that added an episode the library has no file for (NULL: a server).
ALTER TABLE episodes ADD COLUMN source TEXT;
ALTER TABLE seasons ADD COLUMN source TEXT;
-- The provider a credit or genre link came from (NULL: a server).
ALTER TABLE credits ADD COLUMN provider TEXT;
ALTER TABLE movie_genres ADD COLUMN provider TEXT;
ALTER TABLE show_genres ADD COLUMN provider TEXT;

CREATE UNIQUE INDEX enrichment_status_movie ON enrichment_status (movie_id, provider) WHERE movie_id IS NOT NULL;
CREATE UNIQUE INDEX enrichment_status_show ON enrichment_status (show_id, provider) WHERE show_id IS NOT NULL;
CREATE UNIQUE INDEX enrichment_status_episode ON enrichment_status (episode_id, provider) WHERE episode_id IS NOT NULL;
CREATE INDEX enrichment_status_due ON enrichment_status (provider, status, last_attempt_at);
CREATE UNIQUE INDEX images_movie_url ON images (movie_id, url) WHERE movie_id IS NOT NULL;
CREATE UNIQUE INDEX images_show_url ON images (show_id, url) WHERE show_id IS NOT NULL;
