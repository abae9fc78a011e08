-- SPDX-License-Identifier: GPL-3.0-or-later
-- Step 1: the library. Tables first, then the indexes that use them.

CREATE TABLE settings (
  key         TEXT PRIMARY KEY NOT NULL,
  value       TEXT
);

-- Where titles come from. Tokens live in the keyring, never here.
CREATE TABLE servers (
  id              INTEGER PRIMARY KEY,
  kind            TEXT NOT NULL CHECK (kind IN ('plex', 'jellyfin', 'folder')),
  name            TEXT NOT NULL,
  url             TEXT NOT NULL,
  user_id         TEXT,
  user_name       TEXT,
  machine_id      TEXT,
  enabled         INTEGER NOT NULL DEFAULT 1,
  last_scan_at    INTEGER,
  last_full_scan_at INTEGER,
  created_at      INTEGER NOT NULL DEFAULT (unixepoch()),
  UNIQUE (kind, url)
);

-- Which of a server's libraries hold movies and which hold shows.
CREATE TABLE server_libraries (
  id          INTEGER PRIMARY KEY,
  server_id   INTEGER NOT NULL REFERENCES servers (id) ON DELETE CASCADE,
  library_key TEXT NOT NULL,
  name        TEXT NOT NULL,
  kind        TEXT NOT NULL DEFAULT 'none' CHECK (kind IN ('movies', 'shows', 'none')),
  UNIQUE (server_id, library_key)
);

CREATE TABLE movies (
  id                INTEGER PRIMARY KEY,
  server_source     INTEGER REFERENCES servers (id) ON DELETE CASCADE,
  server_id         TEXT,
  library_key       TEXT,
  title             TEXT NOT NULL,
  sort_title        TEXT,
  original_title    TEXT,
  year              INTEGER,
  overview          TEXT,
  tagline           TEXT,
  content_rating    TEXT,
  runtime_minutes   INTEGER,
  release_date      TEXT,
  studio            TEXT,
  collection        TEXT,
  status            TEXT,
  community_rating  REAL,
  critic_rating     REAL,
  tmdb_id           INTEGER,
  imdb_id           TEXT,
  tvdb_id           INTEGER,
  poster_url        TEXT,
  backdrop_url      TEXT,
  logo_url          TEXT,
  watched           INTEGER NOT NULL DEFAULT 0,
  play_count        INTEGER NOT NULL DEFAULT 0,
  resume_position_s INTEGER,
  locked_fields     TEXT,
  added_at          INTEGER,
  updated_at        INTEGER,
  created_at        INTEGER NOT NULL DEFAULT (unixepoch()),
  UNIQUE (server_source, server_id)
);

CREATE TABLE shows (
  id                INTEGER PRIMARY KEY,
  server_source     INTEGER REFERENCES servers (id) ON DELETE CASCADE,
  server_id         TEXT,
  library_key       TEXT,
  title             TEXT NOT NULL,
  sort_title        TEXT,
  original_title    TEXT,
  year              INTEGER,
  overview          TEXT,
  tagline           TEXT,
  content_rating    TEXT,
  status            TEXT,
  network           TEXT,
  first_air_date    TEXT,
  last_air_date     TEXT,
  air_time          TEXT,
  air_time_zone     TEXT,
  runtime_minutes   INTEGER,
  community_rating  REAL,
  critic_rating     REAL,
  tmdb_id           INTEGER,
  tvdb_id           INTEGER,
  imdb_id           TEXT,
  poster_url        TEXT,
  backdrop_url      TEXT,
  logo_url          TEXT,
  locked_fields     TEXT,
  added_at          INTEGER,
  updated_at        INTEGER,
  created_at        INTEGER NOT NULL DEFAULT (unixepoch()),
  UNIQUE (server_source, server_id)
);

CREATE TABLE seasons (
  id              INTEGER PRIMARY KEY,
  show_id         INTEGER NOT NULL REFERENCES shows (id) ON DELETE CASCADE,
  season_number   INTEGER NOT NULL,
  server_id       TEXT,
  title           TEXT,
  overview        TEXT,
  air_date        TEXT,
  poster_url      TEXT,
  episode_count   INTEGER,
  UNIQUE (show_id, season_number)
);

CREATE TABLE episodes (
  id                INTEGER PRIMARY KEY,
  show_id           INTEGER NOT NULL REFERENCES shows (id) ON DELETE CASCADE,
  season_number     INTEGER NOT NULL,
  episode_number    INTEGER NOT NULL,
  server_source     INTEGER REFERENCES servers (id) ON DELETE SET NULL,
  server_id         TEXT,
  title             TEXT,
  overview          TEXT,
  air_date          TEXT,
  air_time          TEXT,
  runtime_minutes   INTEGER,
  absolute_number   INTEGER,
  rating            REAL,
  still_url         TEXT,
  tmdb_id           INTEGER,
  tvdb_id           INTEGER,
  imdb_id           TEXT,
  watched           INTEGER NOT NULL DEFAULT 0,
  play_count        INTEGER NOT NULL DEFAULT 0,
  resume_position_s INTEGER,
  locked_fields     TEXT,
  added_at          INTEGER,
  created_at        INTEGER NOT NULL DEFAULT (unixepoch()),
  UNIQUE (show_id, season_number, episode_number)
);

-- A file on disk or on a server. It belongs to exactly one movie or one episode
-- (a two-episode file has two rows).
CREATE TABLE media_files (
  id              INTEGER PRIMARY KEY,
  movie_id        INTEGER REFERENCES movies (id) ON DELETE CASCADE,
  episode_id      INTEGER REFERENCES episodes (id) ON DELETE CASCADE,
  server_source   INTEGER REFERENCES servers (id) ON DELETE CASCADE,
  server_id       TEXT,
  path            TEXT NOT NULL,
  size_bytes      INTEGER,
  container       TEXT,
  video_codec     TEXT,
  video_height    INTEGER,
  video_range     TEXT,
  audio_codec     TEXT,
  audio_channels  INTEGER,
  duration_s      INTEGER,
  added_at        INTEGER,
  created_at      INTEGER NOT NULL DEFAULT (unixepoch()),
  CHECK ((movie_id IS NULL) <> (episode_id IS NULL))
);

CREATE TABLE genres (
  id    INTEGER PRIMARY KEY,
  name  TEXT NOT NULL UNIQUE COLLATE NOCASE
);

CREATE TABLE movie_genres (
  movie_id  INTEGER NOT NULL REFERENCES movies (id) ON DELETE CASCADE,
  genre_id  INTEGER NOT NULL REFERENCES genres (id) ON DELETE CASCADE,
  PRIMARY KEY (movie_id, genre_id)
) WITHOUT ROWID;

CREATE TABLE show_genres (
  show_id   INTEGER NOT NULL REFERENCES shows (id) ON DELETE CASCADE,
  genre_id  INTEGER NOT NULL REFERENCES genres (id) ON DELETE CASCADE,
  PRIMARY KEY (show_id, genre_id)
) WITHOUT ROWID;

CREATE TABLE people (
  id            INTEGER PRIMARY KEY,
  tmdb_id       INTEGER UNIQUE,
  imdb_id       TEXT,
  name          TEXT NOT NULL,
  profile_url   TEXT,
  biography     TEXT,
  birthday      TEXT,
  known_for     TEXT
);

-- A person's part in a movie or a show: exactly one owner.
CREATE TABLE credits (
  id          INTEGER PRIMARY KEY,
  person_id   INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  movie_id    INTEGER REFERENCES movies (id) ON DELETE CASCADE,
  show_id     INTEGER REFERENCES shows (id) ON DELETE CASCADE,
  role        TEXT NOT NULL CHECK (role IN ('cast', 'director', 'writer', 'creator', 'producer', 'crew')),
  character   TEXT,
  job         TEXT,
  sort_order  INTEGER NOT NULL DEFAULT 0,
  CHECK ((movie_id IS NULL) <> (show_id IS NULL))
);

-- What happened, for people to read: scans, skipped items, worker notes.
CREATE TABLE activity (
  id        INTEGER PRIMARY KEY,
  at        INTEGER NOT NULL DEFAULT (unixepoch()),
  kind      TEXT NOT NULL,
  level     TEXT NOT NULL DEFAULT 'info' CHECK (level IN ('info', 'warning', 'error')),
  source    TEXT,
  message   TEXT NOT NULL,
  detail    TEXT
);

CREATE INDEX movies_tmdb_id ON movies (tmdb_id) WHERE tmdb_id IS NOT NULL;
CREATE INDEX movies_imdb_id ON movies (imdb_id) WHERE imdb_id IS NOT NULL;
CREATE INDEX movies_sort_title ON movies (sort_title);
CREATE INDEX shows_tmdb_id ON shows (tmdb_id) WHERE tmdb_id IS NOT NULL;
CREATE INDEX shows_tvdb_id ON shows (tvdb_id) WHERE tvdb_id IS NOT NULL;
CREATE INDEX shows_sort_title ON shows (sort_title);
CREATE INDEX episodes_air_date ON episodes (air_date) WHERE air_date IS NOT NULL;
CREATE INDEX episodes_server ON episodes (server_source, server_id) WHERE server_id IS NOT NULL;
CREATE UNIQUE INDEX media_files_movie_path ON media_files (movie_id, path) WHERE movie_id IS NOT NULL;
CREATE UNIQUE INDEX media_files_episode_path ON media_files (episode_id, path) WHERE episode_id IS NOT NULL;
CREATE INDEX media_files_path ON media_files (path);
CREATE INDEX movie_genres_genre ON movie_genres (genre_id);
CREATE INDEX show_genres_genre ON show_genres (genre_id);
CREATE INDEX credits_person ON credits (person_id);
CREATE INDEX credits_movie ON credits (movie_id) WHERE movie_id IS NOT NULL;
CREATE INDEX credits_show ON credits (show_id) WHERE show_id IS NOT NULL;
CREATE INDEX activity_at ON activity (at);
