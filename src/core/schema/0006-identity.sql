-- SPDX-License-Identifier: GPL-3.0-or-later
-- Step 6: identities that last. Locks in one form, a JSON array of field names;
-- servers named by a UUID, which their keyring entry uses ("server:<uuid>"), so
-- two library files never share a token; watchlist and wishlist rows keyed on
-- ids a prune cannot hand to another title: TMDB, TVDB or IMDb ids, else
-- 'server' with "<server uuid>:<the server's own id>", never a library row id.
-- Columns first, then the data they start with, then indexes and triggers.
--
-- allow-update: movies.locked_fields shows.locked_fields episodes.locked_fields
-- allow-update: servers.uuid servers.legacy_token_key
-- allow-update: watchlist.source watchlist.source_id
-- allow-update: wishlist_shows.source wishlist_shows.source_id
-- allow-update: wishlist.source wishlist.source_id

ALTER TABLE servers ADD COLUMN uuid TEXT;
-- The keyring entry a token was stored under before the UUID ("server:<id>"),
-- read once and then cleared. Rows made from this version on have none.
ALTER TABLE servers ADD COLUMN legacy_token_key TEXT;
-- When a follow or mute keyed on a server title was first found without its
-- title at the end of a complete full scan of that server.
ALTER TABLE watchlist ADD COLUMN missing_since INTEGER;

-- "title, year" and the like become ["title","year"].
UPDATE movies SET locked_fields = ssv_locked_fields (locked_fields) WHERE locked_fields IS NOT NULL;
UPDATE shows SET locked_fields = ssv_locked_fields (locked_fields) WHERE locked_fields IS NOT NULL;
UPDATE episodes SET locked_fields = ssv_locked_fields (locked_fields) WHERE locked_fields IS NOT NULL;

-- A random (version 4) UUID each.
UPDATE servers SET uuid =
  lower (hex (randomblob (4))) || '-' || lower (hex (randomblob (2))) || '-4' ||
  substr (lower (hex (randomblob (2))), 2) || '-' || substr ('89ab', 1 + abs (random () % 4), 1) ||
  substr (lower (hex (randomblob (2))), 2) || '-' || lower (hex (randomblob (6)));
UPDATE servers SET legacy_token_key = 'server:' || id WHERE kind <> 'folder';

-- Rows named by a library row id move to the title's stable key. One that
-- cannot (its title is gone, or the stable key has a row already) keeps its
-- 'library' key, which no longer names any title.
UPDATE OR IGNORE watchlist SET source = k.source, source_id = k.source_id
  FROM (SELECT s.id,
               CASE WHEN s.tmdb_id IS NOT NULL THEN 'tmdb'
                    WHEN s.tvdb_id IS NOT NULL THEN 'tvdb' ELSE 'server' END AS source,
               CASE WHEN s.tmdb_id IS NOT NULL THEN CAST (s.tmdb_id AS TEXT)
                    WHEN s.tvdb_id IS NOT NULL THEN CAST (s.tvdb_id AS TEXT)
                    ELSE (SELECT sv.uuid FROM servers sv WHERE sv.id = s.server_source) || ':' || s.server_id
               END AS source_id
          FROM shows s) AS k
 WHERE watchlist.kind = 'show' AND watchlist.source = 'library'
   AND k.id = CAST (watchlist.source_id AS INTEGER) AND k.source_id IS NOT NULL;

UPDATE OR IGNORE wishlist_shows SET source = k.source, source_id = k.source_id
  FROM (SELECT s.id,
               CASE WHEN s.tmdb_id IS NOT NULL THEN 'tmdb'
                    WHEN s.tvdb_id IS NOT NULL THEN 'tvdb' ELSE 'server' END AS source,
               CASE WHEN s.tmdb_id IS NOT NULL THEN CAST (s.tmdb_id AS TEXT)
                    WHEN s.tvdb_id IS NOT NULL THEN CAST (s.tvdb_id AS TEXT)
                    ELSE (SELECT sv.uuid FROM servers sv WHERE sv.id = s.server_source) || ':' || s.server_id
               END AS source_id
          FROM shows s) AS k
 WHERE wishlist_shows.source = 'library'
   AND k.id = CAST (wishlist_shows.source_id AS INTEGER) AND k.source_id IS NOT NULL;

UPDATE OR IGNORE wishlist SET source = k.source, source_id = k.source_id
  FROM (SELECT m.id,
               CASE WHEN m.tmdb_id IS NOT NULL THEN 'tmdb'
                    WHEN m.imdb_id IS NOT NULL THEN 'imdb' ELSE 'server' END AS source,
               CASE WHEN m.tmdb_id IS NOT NULL THEN CAST (m.tmdb_id AS TEXT)
                    WHEN m.imdb_id IS NOT NULL THEN m.imdb_id
                    ELSE (SELECT sv.uuid FROM servers sv WHERE sv.id = m.server_source) || ':' || m.server_id
               END AS source_id
          FROM movies m) AS k
 WHERE wishlist.kind = 'movie' AND wishlist.source = 'library'
   AND k.id = CAST (wishlist.source_id AS INTEGER) AND k.source_id IS NOT NULL;

CREATE UNIQUE INDEX servers_uuid ON servers (uuid);

-- Every server gets its UUID, whoever inserts it.
CREATE TRIGGER servers_uuid AFTER INSERT ON servers WHEN NEW.uuid IS NULL
BEGIN
  UPDATE servers SET uuid =
    lower (hex (randomblob (4))) || '-' || lower (hex (randomblob (2))) || '-4' ||
    substr (lower (hex (randomblob (2))), 2) || '-' || substr ('89ab', 1 + abs (random () % 4), 1) ||
    substr (lower (hex (randomblob (2))), 2) || '-' || lower (hex (randomblob (6)))
   WHERE id = NEW.id;
END;
