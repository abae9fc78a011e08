-- SPDX-License-Identifier: GPL-3.0-or-later
-- Step 2: the watchlist (follows and mute tombstones) and the wishlist (movies,
-- episodes and later videos a person wants). Tables first, then their indexes.

-- What a person follows. Keys are generic: (source, source_id) says whose id it
-- is: a show by 'tmdb', 'tvdb' or 'library' (a shows row), a person by 'tmdb', a
-- YouTube channel by 'youtube'. Library shows that still air are followed without
-- a row; unfollowing one writes a row with muted = 1 (a tombstone).
CREATE TABLE watchlist (
  id          INTEGER PRIMARY KEY,
  kind        TEXT NOT NULL CHECK (kind IN ('show', 'person', 'channel')),
  source      TEXT NOT NULL,
  source_id   TEXT NOT NULL,
  muted       INTEGER NOT NULL DEFAULT 0 CHECK (muted IN (0, 1)),
  title       TEXT,
  image_url   TEXT,
  added_at    INTEGER NOT NULL DEFAULT (unixepoch())
);

-- A wanted show: the group its wanted episodes roll up into. wanted counts them
-- and updated_at is when the last one joined; the store keeps both in step.
CREATE TABLE wishlist_shows (
  id              INTEGER PRIMARY KEY,
  source          TEXT NOT NULL,
  source_id       TEXT NOT NULL,
  title           TEXT NOT NULL,
  sort_title      TEXT,
  year            INTEGER,
  overview        TEXT,
  poster_url      TEXT,
  backdrop_url    TEXT,
  wanted          INTEGER NOT NULL DEFAULT 0,
  added_at        INTEGER NOT NULL DEFAULT (unixepoch()),
  updated_at      INTEGER NOT NULL DEFAULT (unixepoch()),
  UNIQUE (source, source_id)
);

-- "Every episode of this show (season_number NULL) or season, as they air".
-- Episodes that aired up to joined_through are in already (or were removed).
CREATE TABLE wishlist_subscriptions (
  id                INTEGER PRIMARY KEY,
  wishlist_show_id  INTEGER NOT NULL REFERENCES wishlist_shows (id) ON DELETE CASCADE,
  season_number     INTEGER,
  joined_through    TEXT NOT NULL
);

-- What a person wants: a movie, an episode (of a wishlist_shows group) or a video.
CREATE TABLE wishlist (
  id                INTEGER PRIMARY KEY,
  kind              TEXT NOT NULL CHECK (kind IN ('movie', 'episode', 'video')),
  source            TEXT,
  source_id         TEXT,
  wishlist_show_id  INTEGER REFERENCES wishlist_shows (id) ON DELETE CASCADE,
  season_number     INTEGER,
  episode_number    INTEGER,
  title             TEXT,
  sort_title        TEXT,
  year              INTEGER,
  overview          TEXT,
  poster_url        TEXT,
  backdrop_url      TEXT,
  still_url         TEXT,
  season_poster_url TEXT,
  air_date          TEXT,
  added_at          INTEGER NOT NULL DEFAULT (unixepoch()),
  CHECK ((kind = 'episode') = (wishlist_show_id IS NOT NULL)),
  CHECK (kind <> 'episode' OR (season_number IS NOT NULL AND episode_number IS NOT NULL)),
  CHECK (kind = 'episode' OR (source IS NOT NULL AND source_id IS NOT NULL))
);

CREATE UNIQUE INDEX watchlist_key ON watchlist (source, source_id, kind);
CREATE INDEX watchlist_kind ON watchlist (kind, muted, added_at);
-- Which shows still air: the rule the watchlist, the calendar and notifications share.
CREATE INDEX shows_airing_title ON shows (sort_title)
  WHERE status IS NULL OR lower(status) NOT IN ('ended', 'canceled', 'cancelled');
CREATE UNIQUE INDEX wishlist_subscriptions_show ON wishlist_subscriptions (wishlist_show_id)
  WHERE season_number IS NULL;
CREATE UNIQUE INDEX wishlist_subscriptions_season ON wishlist_subscriptions (wishlist_show_id, season_number)
  WHERE season_number IS NOT NULL;
CREATE UNIQUE INDEX wishlist_title ON wishlist (kind, source, source_id)
  WHERE kind <> 'episode';
CREATE UNIQUE INDEX wishlist_episode ON wishlist (wishlist_show_id, season_number, episode_number)
  WHERE kind = 'episode';
CREATE INDEX wishlist_added ON wishlist (kind, added_at) WHERE kind <> 'episode';
CREATE INDEX wishlist_sort_title ON wishlist (kind, sort_title) WHERE kind <> 'episode';
CREATE INDEX wishlist_shows_sort_title ON wishlist_shows (sort_title);
CREATE INDEX wishlist_shows_added ON wishlist_shows (added_at);
CREATE INDEX wishlist_shows_updated ON wishlist_shows (updated_at);
CREATE INDEX wishlist_shows_wanted ON wishlist_shows (wanted);
