-- SPDX-License-Identifier: GPL-3.0-or-later
-- Step 5: quality profiles, the custom formats they score, and their words.
-- The three default profiles are written by SsvProfileStore the first time it opens.

CREATE TABLE quality_profiles (
  id                   INTEGER PRIMARY KEY,
  name                 TEXT NOT NULL UNIQUE,
  cutoff               TEXT NOT NULL,                 -- a quality key: 'webdl-1080p'
  upgrades_allowed     INTEGER NOT NULL DEFAULT 1,
  min_format_score     INTEGER NOT NULL DEFAULT 0,
  cutoff_format_score  INTEGER NOT NULL DEFAULT 0,
  position             INTEGER NOT NULL DEFAULT 0,
  created_at           INTEGER NOT NULL DEFAULT (unixepoch()),
  updated_at           INTEGER NOT NULL DEFAULT (unixepoch())
);

-- The tiers a profile knows, in its order (position 0 is wanted least).
CREATE TABLE quality_profile_items (
  profile_id      INTEGER NOT NULL REFERENCES quality_profiles (id) ON DELETE CASCADE,
  position        INTEGER NOT NULL,
  quality         TEXT NOT NULL,
  allowed         INTEGER NOT NULL DEFAULT 0,
  min_mb_per_min  REAL NOT NULL DEFAULT 0,
  max_mb_per_min  REAL NOT NULL DEFAULT 0,
  PRIMARY KEY (profile_id, quality)
);

CREATE TABLE quality_profile_words (
  profile_id  INTEGER NOT NULL REFERENCES quality_profiles (id) ON DELETE CASCADE,
  kind        TEXT NOT NULL CHECK (kind IN ('required', 'rejected', 'preferred')),
  word        TEXT NOT NULL,
  score       INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (profile_id, kind, word)
);

CREATE TABLE custom_formats (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE,
  created_at  INTEGER NOT NULL DEFAULT (unixepoch())
);

CREATE TABLE custom_format_conditions (
  format_id   INTEGER NOT NULL REFERENCES custom_formats (id) ON DELETE CASCADE,
  position    INTEGER NOT NULL,
  kind        TEXT NOT NULL CHECK (kind IN ('title', 'release-group', 'source', 'resolution', 'codec',
                                            'hdr', 'audio', 'edition', 'language', 'size',
                                            'indexer-flag')),
  value       TEXT,
  min_gb      REAL NOT NULL DEFAULT 0,
  max_gb      REAL NOT NULL DEFAULT 0,
  negate      INTEGER NOT NULL DEFAULT 0,
  required    INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (format_id, position)
);

-- Each profile's score for each format.
CREATE TABLE quality_profile_formats (
  profile_id  INTEGER NOT NULL REFERENCES quality_profiles (id) ON DELETE CASCADE,
  format_id   INTEGER NOT NULL REFERENCES custom_formats (id) ON DELETE CASCADE,
  score       INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (profile_id, format_id)
);

CREATE INDEX quality_profiles_order ON quality_profiles (position, id);
CREATE UNIQUE INDEX quality_profile_items_order ON quality_profile_items (profile_id, position);
CREATE INDEX quality_profile_formats_format ON quality_profile_formats (format_id);
