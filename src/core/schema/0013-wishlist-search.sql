-- SPDX-License-Identifier: GPL-3.0-or-later
-- Step 13:
-- the automatic search of the wishlist. Per wanted item how often it was searched,
-- when, what came of it in plain words, when it is searched next, the quality
-- profile it is judged under, and a movie's home release date (TMDB release_dates)
-- so the drain does not ask TMDB every hour.

CREATE TABLE wishlist_search (
  wishlist_id         INTEGER PRIMARY KEY REFERENCES wishlist (id) ON DELETE CASCADE,
  attempts            INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),   -- searches so far
  fruitless           INTEGER NOT NULL DEFAULT 0 CHECK (fruitless >= 0),  -- in a row, for the backoff
  last_search_at      INTEGER,
  last_result         TEXT,
  next_search_at      INTEGER,
  profile_id          INTEGER REFERENCES quality_profiles (id) ON DELETE SET NULL,  -- NULL: the first
  home_release_date   TEXT,                                               -- "YYYY-MM-DD"
  release_checked_at  INTEGER
);

CREATE INDEX wishlist_search_next ON wishlist_search (next_search_at);
