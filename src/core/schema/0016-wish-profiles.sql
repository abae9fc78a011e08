-- SPDX-License-Identifier: GPL-3.0-or-later
-- Step 16:
-- a wanted movie's or show's own quality profile; a show's episodes and seasons are
-- judged under the show's. NULL: the default profile, as before. When a profile is
-- deleted, SsvProfileStore sets these back to NULL in the same transaction.
-- (wishlist_search.profile_id of step 13 was never written; these replace it.)

ALTER TABLE wishlist ADD COLUMN profile_id INTEGER;
ALTER TABLE wishlist_shows ADD COLUMN profile_id INTEGER;

CREATE INDEX wishlist_profile ON wishlist (profile_id) WHERE profile_id IS NOT NULL;
CREATE INDEX wishlist_shows_profile ON wishlist_shows (profile_id) WHERE profile_id IS NOT NULL;
