/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-profile-store.c: quality profiles and custom formats in the library file. Every
 * save is one transaction; the three default profiles are written once. */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "ssv-error.h"
#include "stores/ssv-profile-store.h"
#include "stores/ssv-settings-store.h"

#define DEFAULTS_KEY "quality-profiles.defaults-written"

struct _SsvProfileStore
{
  SsvStore parent_instance;
};

G_DEFINE_FINAL_TYPE (SsvProfileStore, ssv_profile_store, SSV_TYPE_STORE)

/* The queries a listing runs; tests check each walks an index. */
const char * const ssv_profile_store_profiles_sql =
  "SELECT id, name, cutoff, upgrades_allowed, min_format_score, cutoff_format_score"
  "  FROM quality_profiles ORDER BY position, id";

const char * const ssv_profile_store_items_sql =
  "SELECT profile_id, quality, allowed, min_mb_per_min, max_mb_per_min"
  "  FROM quality_profile_items ORDER BY profile_id, position";

const char * const ssv_profile_store_words_sql =
  "SELECT profile_id, kind, word, score FROM quality_profile_words ORDER BY profile_id, kind, word";

const char * const ssv_profile_store_formats_sql =
  "SELECT profile_id, format_id, score FROM quality_profile_formats ORDER BY profile_id, format_id";

const char * const ssv_profile_store_conditions_sql =
  "SELECT format_id, kind, value, min_gb, max_gb, negate, required"
  "  FROM custom_format_conditions ORDER BY format_id, position";

static void
ssv_profile_store_class_init (SsvProfileStoreClass *klass)
{
}

static void
ssv_profile_store_init (SsvProfileStore *self)
{
}

SsvProfileStore *
ssv_profile_store_new (SsvDatabase *database)
{
  return g_object_new (SSV_TYPE_PROFILE_STORE, "database", database, NULL);
}

static SsvDatabase *
db_of (SsvProfileStore *self)
{
  return ssv_store_get_database (SSV_STORE (self));
}

static gboolean
step_done (SsvStmt  *stmt,
           GError  **error)
{
  return stmt != NULL && ssv_stmt_step_done (stmt, error);
}

/* ---------------------------------------------------------------------- */
/* Writing, inside a transaction the caller holds */

static gboolean
save_format_in_transaction (SsvProfileStore  *self,
                            SsvCustomFormat  *format,
                            GError          **error)
{
  SsvDatabase *db = db_of (self);

  if (format->id == 0)
    {
      g_autoptr(SsvStmt) stmt = ssv_database_prepare (db,
        "INSERT INTO custom_formats (name) VALUES (?1)"
        " ON CONFLICT (name) DO UPDATE SET name = excluded.name RETURNING id", error);

      if (stmt == NULL)
        return FALSE;
      ssv_stmt_bind_text (stmt, 1, format->name);
      if (ssv_stmt_step (stmt, error) != SQLITE_ROW)
        return FALSE;
      format->id = sqlite3_column_int64 (stmt, 0);
    }
  else
    {
      g_autoptr(SsvStmt) stmt = ssv_database_prepare (db,
        "UPDATE custom_formats SET name = ?2 WHERE id = ?1", error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, format->id);
      ssv_stmt_bind_text (stmt, 2, format->name);
      if (!step_done (stmt, error))
        return FALSE;
    }

  if (!ssv_database_exec_with_id (db, "DELETE FROM custom_format_conditions WHERE format_id = ?1",
                                  format->id, error))
    return FALSE;

  for (guint i = 0; i < format->conditions->len; i++)
    {
      const SsvCondition *c = &g_array_index (format->conditions, SsvCondition, i);
      g_autoptr(SsvStmt) stmt = ssv_database_prepare (db,
        "INSERT INTO custom_format_conditions"
        " (format_id, position, kind, value, min_gb, max_gb, negate, required)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, format->id);
      sqlite3_bind_int (stmt, 2, i);
      sqlite3_bind_text (stmt, 3, ssv_condition_kind_to_string (c->kind), -1, SQLITE_STATIC);
      ssv_stmt_bind_text (stmt, 4, c->value);
      sqlite3_bind_double (stmt, 5, c->min_gb);
      sqlite3_bind_double (stmt, 6, c->max_gb);
      sqlite3_bind_int (stmt, 7, c->negate);
      sqlite3_bind_int (stmt, 8, c->required);
      if (!step_done (stmt, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
insert_word (SsvDatabase  *db,
             gint64        profile_id,
             const char   *kind,
             const char   *word,
             int           score,
             GError      **error)
{
  g_autoptr(SsvStmt) stmt = ssv_database_prepare (db,
    "INSERT OR REPLACE INTO quality_profile_words (profile_id, kind, word, score)"
    " VALUES (?1, ?2, ?3, ?4)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, profile_id);
  sqlite3_bind_text (stmt, 2, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, word, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 4, score);
  return step_done (stmt, error);
}

static gboolean
delete_children (SsvDatabase  *db,
                 gint64        profile_id,
                 GError      **error)
{
  static const char *const sql[] = {
    "DELETE FROM quality_profile_items WHERE profile_id = ?1",
    "DELETE FROM quality_profile_words WHERE profile_id = ?1",
    "DELETE FROM quality_profile_formats WHERE profile_id = ?1",
  };

  for (guint i = 0; i < G_N_ELEMENTS (sql); i++)
    if (!ssv_database_exec_with_id (db, sql[i], profile_id, error))
      return FALSE;
  return TRUE;
}

static gboolean
save_profile_in_transaction (SsvProfileStore    *self,
                             SsvQualityProfile  *p,
                             GError            **error)
{
  SsvDatabase *db = db_of (self);
  g_autoptr(GError) local_error = NULL;

  if (p->id == 0)
    {
      g_autoptr(SsvStmt) stmt = ssv_database_prepare (db,
        "INSERT INTO quality_profiles"
        " (name, cutoff, upgrades_allowed, min_format_score, cutoff_format_score, position)"
        " VALUES (?1, ?2, ?3, ?4, ?5, (SELECT coalesce (max (position), -1) + 1 FROM quality_profiles))",
        error);

      if (stmt == NULL)
        return FALSE;
      ssv_stmt_bind_text (stmt, 1, p->name);
      sqlite3_bind_text (stmt, 2, ssv_quality_to_key (p->cutoff), -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 3, p->upgrades_allowed);
      sqlite3_bind_int (stmt, 4, p->min_format_score);
      sqlite3_bind_int (stmt, 5, p->cutoff_format_score);
      if (!step_done (stmt, &local_error))
        goto name_taken;
      p->id = ssv_database_last_insert_rowid (db);
    }
  else
    {
      g_autoptr(SsvStmt) stmt = ssv_database_prepare (db,
        "UPDATE quality_profiles SET name = ?2, cutoff = ?3, upgrades_allowed = ?4,"
        " min_format_score = ?5, cutoff_format_score = ?6, updated_at = unixepoch () WHERE id = ?1",
        error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, p->id);
      ssv_stmt_bind_text (stmt, 2, p->name);
      sqlite3_bind_text (stmt, 3, ssv_quality_to_key (p->cutoff), -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 4, p->upgrades_allowed);
      sqlite3_bind_int (stmt, 5, p->min_format_score);
      sqlite3_bind_int (stmt, 6, p->cutoff_format_score);
      if (!step_done (stmt, &local_error))
        goto name_taken;
      if (ssv_database_changes (db) == 0)
        {
          g_set_error (error, SSV_ERROR, SSV_ERROR_NOT_FOUND,
                       _("The quality profile “%s” is gone; reopen Preferences"), p->name);
          return FALSE;
        }
      if (!delete_children (db, p->id, error))
        return FALSE;
    }

  for (guint i = 0; i < p->items->len; i++)
    {
      const SsvProfileItem *item = &g_array_index (p->items, SsvProfileItem, i);
      g_autoptr(SsvStmt) stmt = ssv_database_prepare (db,
        "INSERT INTO quality_profile_items"
        " (profile_id, position, quality, allowed, min_mb_per_min, max_mb_per_min)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, p->id);
      sqlite3_bind_int (stmt, 2, i);
      sqlite3_bind_text (stmt, 3, ssv_quality_to_key (item->quality), -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 4, item->allowed);
      sqlite3_bind_double (stmt, 5, item->min_mb_per_min);
      sqlite3_bind_double (stmt, 6, item->max_mb_per_min);
      if (!step_done (stmt, error))
        return FALSE;
    }

  for (guint i = 0; i < p->required_words->len; i++)
    if (!insert_word (db, p->id, "required", g_ptr_array_index (p->required_words, i), 0, error))
      return FALSE;
  for (guint i = 0; i < p->rejected_words->len; i++)
    if (!insert_word (db, p->id, "rejected", g_ptr_array_index (p->rejected_words, i), 0, error))
      return FALSE;
  for (guint i = 0; i < p->preferred_words->len; i++)
    {
      const SsvPreferredWord *w = &g_array_index (p->preferred_words, SsvPreferredWord, i);

      if (!insert_word (db, p->id, "preferred", w->word, w->score, error))
        return FALSE;
    }

  for (guint i = 0; i < p->format_scores->len; i++)
    {
      const SsvFormatScore *s = &g_array_index (p->format_scores, SsvFormatScore, i);
      g_autoptr(SsvStmt) stmt = NULL;

      if (s->format->id == 0 && !save_format_in_transaction (self, s->format, error))
        return FALSE;
      stmt = ssv_database_prepare (db,
        "INSERT OR REPLACE INTO quality_profile_formats (profile_id, format_id, score)"
        " VALUES (?1, ?2, ?3)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, p->id);
      sqlite3_bind_int64 (stmt, 2, s->format->id);
      sqlite3_bind_int (stmt, 3, s->score);
      if (!step_done (stmt, error))
        return FALSE;
    }

  return TRUE;

name_taken:
  if (strstr (local_error->message, "UNIQUE") == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  g_set_error (error, SSV_ERROR, SSV_ERROR_INVALID,
               _("There is already a quality profile called “%s”; choose another name"), p->name);
  return FALSE;
}

/* ---------------------------------------------------------------------- */

/**
 * ssv_profile_store_ensure_defaults:
 *
 * Writes the default custom formats and the "HD 1080p", "Ultra-HD" and "Any"
 * profiles, once: deleting them later does not bring them back.
 */
gboolean
ssv_profile_store_ensure_defaults (SsvProfileStore  *self,
                                   GError          **error)
{
  SsvDatabase *db = db_of (self);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *done = ssv_settings_store_get (db, DEFAULTS_KEY, &local_error);
  g_autoptr(GPtrArray) formats = NULL;
  g_autoptr(GPtrArray) profiles = NULL;

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (done != NULL)
    return TRUE;

  formats = ssv_custom_format_new_defaults ();
  profiles = ssv_quality_profile_new_defaults (formats);

  if (!ssv_database_begin (db, error))
    return FALSE;

  /* Two first reads at once (the title page's wish menu and a release search, say)
   * both found no defaults: the writer that waited finds them written. */
  g_clear_pointer (&done, g_free);
  done = ssv_settings_store_get (db, DEFAULTS_KEY, &local_error);
  if (done != NULL || local_error != NULL)
    {
      ssv_database_rollback (db);
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      return done != NULL;
    }

  for (guint i = 0; i < formats->len; i++)
    if (!save_format_in_transaction (self, g_ptr_array_index (formats, i), error))
      goto fail;
  for (guint i = 0; i < profiles->len; i++)
    if (!save_profile_in_transaction (self, g_ptr_array_index (profiles, i), error))
      goto fail;
  if (!ssv_settings_store_set (db, DEFAULTS_KEY, "1", error))
    goto fail;
  if (!ssv_database_commit (db, error))
    goto fail;

  ssv_store_emit_changed (SSV_STORE (self), "profiles");
  return TRUE;

fail:
  ssv_database_rollback (db);
  return FALSE;
}

/**
 * ssv_profile_store_save:
 *
 * Writes @profile with its qualities, words and format scores in one transaction,
 * and sets its id when it is new.
 */
gboolean
ssv_profile_store_save (SsvProfileStore    *self,
                        SsvQualityProfile  *profile,
                        GError            **error)
{
  SsvDatabase *db = db_of (self);
  gint64 old_id = profile->id;

  g_return_val_if_fail (SSV_IS_PROFILE_STORE (self), FALSE);

  if (profile->name == NULL || g_strstrip (profile->name)[0] == '\0')
    {
      g_set_error_literal (error, SSV_ERROR, SSV_ERROR_INVALID, _("A quality profile needs a name"));
      return FALSE;
    }

  if (!ssv_database_begin (db, error))
    return FALSE;
  if (!save_profile_in_transaction (self, profile, error) || !ssv_database_commit (db, error))
    {
      ssv_database_rollback (db);
      profile->id = old_id;
      return FALSE;
    }

  ssv_store_emit_changed (SSV_STORE (self), "profiles");
  return TRUE;
}

gboolean
ssv_profile_store_save_format (SsvProfileStore  *self,
                               SsvCustomFormat  *format,
                               GError          **error)
{
  SsvDatabase *db = db_of (self);

  if (!ssv_database_begin (db, error))
    return FALSE;
  if (!save_format_in_transaction (self, format, error) || !ssv_database_commit (db, error))
    {
      ssv_database_rollback (db);
      return FALSE;
    }

  ssv_store_emit_changed (SSV_STORE (self), "formats");
  return TRUE;
}

/* Wanted movies and shows that had the profile fall back to the default one, in the
 * same transaction: the wishlist's profile columns were added without a foreign key. */
gboolean
ssv_profile_store_delete (SsvProfileStore  *self,
                          gint64            id,
                          GError          **error)
{
  static const char * const statements[] = {
    "UPDATE wishlist SET profile_id = NULL WHERE profile_id = ?1",
    "UPDATE wishlist_shows SET profile_id = NULL WHERE profile_id = ?1",
    "DELETE FROM quality_profiles WHERE id = ?1",
  };
  SsvDatabase *db = db_of (self);

  if (!ssv_database_begin (db, error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (statements); i++)
    if (!ssv_database_exec_with_id (db, statements[i], id, error))
      {
        ssv_database_rollback (db);
        return FALSE;
      }
  if (!ssv_database_commit (db, error))
    {
      ssv_database_rollback (db);
      return FALSE;
    }

  ssv_store_emit_changed (SSV_STORE (self), "profiles");
  return TRUE;
}

/* ---------------------------------------------------------------------- */
/* Reading */

/* What the row readers below fill: formats or profiles in order, and by id. */
typedef struct
{
  GPtrArray  *list;
  GHashTable *by_id;
  GHashTable *formats_by_id;
} Reading;

static void
read_format (SsvStmt  *stmt,
             gpointer  data)
{
  Reading *r = data;
  SsvCustomFormat *f = ssv_custom_format_new (ssv_stmt_column_text (stmt, 1));

  f->id = sqlite3_column_int64 (stmt, 0);
  g_ptr_array_add (r->list, f);
  g_hash_table_insert (r->by_id, &f->id, f);
}

static void
read_condition (SsvStmt  *stmt,
                gpointer  data)
{
  Reading *r = data;
  gint64 id = sqlite3_column_int64 (stmt, 0);
  SsvCustomFormat *f = g_hash_table_lookup (r->by_id, &id);
  SsvConditionKind kind = ssv_condition_kind_from_string (ssv_stmt_column_text (stmt, 1));

  if (f == NULL || kind == SSV_CONDITION_LAST)
    return;
  /* A pattern that no longer compiles is skipped, not fatal */
  ssv_custom_format_add_condition (f, kind, ssv_stmt_column_text (stmt, 2),
                                   sqlite3_column_double (stmt, 3), sqlite3_column_double (stmt, 4),
                                   sqlite3_column_int (stmt, 5), sqlite3_column_int (stmt, 6), NULL);
}

static void
read_profile (SsvStmt  *stmt,
              gpointer  data)
{
  Reading *r = data;
  SsvQualityProfile *p = ssv_quality_profile_new (ssv_stmt_column_text (stmt, 1));

  p->id = sqlite3_column_int64 (stmt, 0);
  p->cutoff = ssv_quality_from_key (ssv_stmt_column_text (stmt, 2));
  p->upgrades_allowed = sqlite3_column_int (stmt, 3);
  p->min_format_score = sqlite3_column_int (stmt, 4);
  p->cutoff_format_score = sqlite3_column_int (stmt, 5);
  g_ptr_array_add (r->list, p);
  g_hash_table_insert (r->by_id, &p->id, p);
}

static void
read_item (SsvStmt  *stmt,
           gpointer  data)
{
  Reading *r = data;
  gint64 id = sqlite3_column_int64 (stmt, 0);
  SsvQualityProfile *p = g_hash_table_lookup (r->by_id, &id);
  SsvQuality q = ssv_quality_from_key (ssv_stmt_column_text (stmt, 1));

  if (p == NULL || q == SSV_QUALITY_UNKNOWN)
    return;
  ssv_quality_profile_add_item (p, q, sqlite3_column_int (stmt, 2));
  ssv_quality_profile_set_size_limits (p, q, sqlite3_column_double (stmt, 3),
                                       sqlite3_column_double (stmt, 4));
}

static void
read_word (SsvStmt  *stmt,
           gpointer  data)
{
  Reading *r = data;
  gint64 id = sqlite3_column_int64 (stmt, 0);
  SsvQualityProfile *p = g_hash_table_lookup (r->by_id, &id);
  const char *kind = ssv_stmt_column_text (stmt, 1);
  const char *word = ssv_stmt_column_text (stmt, 2);

  if (p == NULL)
    return;
  if (g_strcmp0 (kind, "required") == 0)
    g_ptr_array_add (p->required_words, g_strdup (word));
  else if (g_strcmp0 (kind, "rejected") == 0)
    g_ptr_array_add (p->rejected_words, g_strdup (word));
  else
    ssv_quality_profile_add_preferred_word (p, word, sqlite3_column_int (stmt, 3));
}

static void
read_format_score (SsvStmt  *stmt,
                   gpointer  data)
{
  Reading *r = data;
  gint64 id = sqlite3_column_int64 (stmt, 0);
  gint64 format_id = sqlite3_column_int64 (stmt, 1);
  SsvQualityProfile *p = g_hash_table_lookup (r->by_id, &id);
  SsvCustomFormat *f = g_hash_table_lookup (r->formats_by_id, &format_id);

  if (p != NULL && f != NULL)
    ssv_quality_profile_set_format_score (p, f, sqlite3_column_int (stmt, 2));
}

/**
 * ssv_profile_store_list_formats:
 *
 * Returns: (transfer full) (element-type SsvCustomFormat): every custom format, by name
 */
GPtrArray *
ssv_profile_store_list_formats (SsvProfileStore  *self,
                                GError          **error)
{
  SsvDatabase *db = db_of (self);
  g_autoptr(GPtrArray) formats = g_ptr_array_new_with_free_func ((GDestroyNotify) ssv_custom_format_unref);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  Reading r = { formats, by_id, NULL };

  if (!ssv_database_for_each_row (db, "SELECT id, name FROM custom_formats ORDER BY name", read_format, &r, error) ||
      !ssv_database_for_each_row (db, ssv_profile_store_conditions_sql, read_condition, &r, error))
    return NULL;

  return g_steal_pointer (&formats);
}

/**
 * ssv_profile_store_list:
 *
 * Returns: (transfer full) (element-type SsvQualityProfile): every profile, in order,
 *   with its formats
 */
GPtrArray *
ssv_profile_store_list (SsvProfileStore  *self,
                        GError          **error)
{
  SsvDatabase *db = db_of (self);
  g_autoptr(GPtrArray) formats = NULL;
  g_autoptr(GPtrArray) profiles = g_ptr_array_new_with_free_func ((GDestroyNotify) ssv_quality_profile_unref);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) formats_by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  Reading r = { profiles, by_id, formats_by_id };

  formats = ssv_profile_store_list_formats (self, error);
  if (formats == NULL)
    return NULL;
  for (guint i = 0; i < formats->len; i++)
    {
      SsvCustomFormat *f = g_ptr_array_index (formats, i);
      g_hash_table_insert (formats_by_id, &f->id, f);
    }

  if (!ssv_database_for_each_row (db, ssv_profile_store_profiles_sql, read_profile, &r, error) ||
      !ssv_database_for_each_row (db, ssv_profile_store_items_sql, read_item, &r, error) ||
      !ssv_database_for_each_row (db, ssv_profile_store_words_sql, read_word, &r, error) ||
      !ssv_database_for_each_row (db, ssv_profile_store_formats_sql, read_format_score, &r, error))
    return NULL;

  return g_steal_pointer (&profiles);
}

/* Returns: (transfer full): the profile, or NULL with SSV_ERROR_NOT_FOUND */
SsvQualityProfile *
ssv_profile_store_get_by_name (SsvProfileStore  *self,
                               const char       *name,
                               GError          **error)
{
  g_autoptr(GPtrArray) profiles = ssv_profile_store_list (self, error);

  if (profiles == NULL)
    return NULL;
  for (guint i = 0; i < profiles->len; i++)
    {
      SsvQualityProfile *p = g_ptr_array_index (profiles, i);

      if (g_utf8_collate (p->name, name) == 0 || g_ascii_strcasecmp (p->name, name) == 0)
        return ssv_quality_profile_ref (p);
    }

  g_set_error (error, SSV_ERROR, SSV_ERROR_NOT_FOUND, _("There is no quality profile called “%s”"), name);
  return NULL;
}

/* ---------------------------------------------------------------------- */
/* Off the UI thread */

static gpointer
list_func (SsvStore      *store,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  SsvProfileStore *self = SSV_PROFILE_STORE (store);

  if (!ssv_profile_store_ensure_defaults (self, error))
    return NULL;
  return ssv_profile_store_list (self, error);
}

/* Lists the profiles, writing the defaults first if this library never had them. */
void
ssv_profile_store_list_async (SsvProfileStore     *self,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  ssv_store_run_async (SSV_STORE (self), ssv_profile_store_list_async, list_func, NULL, NULL,
                       (GDestroyNotify) g_ptr_array_unref, cancellable, callback, user_data);
}

/* Returns: (transfer full) (element-type SsvQualityProfile) */
GPtrArray *
ssv_profile_store_list_finish (SsvProfileStore  *self,
                               GAsyncResult     *result,
                               GError          **error)
{
  return ssv_store_run_finish (SSV_STORE (self), result, error);
}

static gpointer
list_formats_func (SsvStore      *store,
                   gpointer       data,
                   GCancellable  *cancellable,
                   GError       **error)
{
  SsvProfileStore *self = SSV_PROFILE_STORE (store);

  if (!ssv_profile_store_ensure_defaults (self, error))
    return NULL;
  return ssv_profile_store_list_formats (self, error);
}

/* Lists the custom formats, writing the defaults first if this library never had them. */
void
ssv_profile_store_list_formats_async (SsvProfileStore     *self,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  ssv_store_run_async (SSV_STORE (self), ssv_profile_store_list_formats_async, list_formats_func,
                       NULL, NULL, (GDestroyNotify) g_ptr_array_unref, cancellable, callback, user_data);
}

/* Returns: (transfer full) (element-type SsvCustomFormat) */
GPtrArray *
ssv_profile_store_list_formats_finish (SsvProfileStore  *self,
                                       GAsyncResult     *result,
                                       GError          **error)
{
  return ssv_store_run_finish (SSV_STORE (self), result, error);
}

static gpointer
save_func (SsvStore      *store,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  return ssv_profile_store_save (SSV_PROFILE_STORE (store), data, error) ? GINT_TO_POINTER (1) : NULL;
}

/* Saves @profile on a worker thread; do not change @profile until it finishes. */
void
ssv_profile_store_save_async (SsvProfileStore     *self,
                              SsvQualityProfile   *profile,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  ssv_store_run_async (SSV_STORE (self), ssv_profile_store_save_async, save_func,
                       ssv_quality_profile_ref (profile), (GDestroyNotify) ssv_quality_profile_unref,
                       NULL, cancellable, callback, user_data);
}

gboolean
ssv_profile_store_save_finish (SsvProfileStore  *self,
                               GAsyncResult     *result,
                               GError          **error)
{
  return ssv_store_run_finish (SSV_STORE (self), result, error) != NULL;
}
