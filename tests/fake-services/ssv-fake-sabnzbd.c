/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-fake-sabnzbd.c: a SABnzbd in memory. The answers follow sabnzbd/api.py (report(),
 * build_queue(), build_history(), build_file_list(), check_apikey() in interface.py) and take
 * their envelopes from the recorded 4.2.3 queue and 4.3.3 history in tests/fixtures/sabnzbd. */

#include "config.h"

#include <string.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "ssv-fake-catalog.h"
#include "ssv-fake-sabnzbd.h"

#define MEBI (1024.0 * 1024.0)

typedef struct
{
  char   *nzf_id;
  char   *filename;
  gint64  bytes;
} FakeFile;

typedef struct
{
  char       *nzo_id;
  char       *name;
  char       *category;
  char       *status;         /* Queued, Paused, Downloading; history: Completed, Failed */
  char       *url;            /* addurl's */
  char       *fail_message;
  double      mb;
  double      mb_left;
  gboolean    in_history;
  gint64      time_added;
  GPtrArray  *files;          /* FakeFile */
} Job;

struct _SsvFakeSabnzbd
{
  SsvFakeServer *server;
  char          *api_key;

  GMutex         lock;
  GPtrArray     *jobs;        /* Job, queue order */
  double         kb_per_s;
  guint          next_id;
};

static void
fake_file_free (gpointer data)
{
  FakeFile *file = data;

  g_free (file->nzf_id);
  g_free (file->filename);
  g_free (file);
}

static void
job_free (gpointer data)
{
  Job *job = data;

  g_free (job->nzo_id);
  g_free (job->name);
  g_free (job->category);
  g_free (job->status);
  g_free (job->url);
  g_free (job->fail_message);
  g_ptr_array_unref (job->files);
  g_free (job);
}

static Job *
find_job_locked (SsvFakeSabnzbd *self,
                 const char     *nzo_id)
{
  for (guint i = 0; i < self->jobs->len; i++)
    {
      Job *job = g_ptr_array_index (self->jobs, i);

      if (g_strcmp0 (job->nzo_id, nzo_id) == 0)
        return job;
    }

  return NULL;
}

/* ---- answers ---------------------------------------------------------------------- */

static gboolean
answer_json (guint      *status,
             char      **content_type,
             GBytes    **body,
             JsonNode   *node)
{
  *status = 200;
  *content_type = g_strdup ("application/json;charset=UTF-8");
  *body = ssv_fake_json_bytes (node);
  json_node_unref (node);
  return TRUE;
}

/* report(): {"status": true}, or {"status": false, "error": …}. */
static gboolean
answer_report (guint      *status,
               char      **content_type,
               GBytes    **body,
               gboolean    ok,
               const char *error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "status");
  json_builder_add_boolean_value (builder, ok);
  if (error != NULL)
    {
      json_builder_set_member_name (builder, "error");
      json_builder_add_string_value (builder, error);
    }
  json_builder_end_object (builder);
  return answer_json (status, content_type, body, json_builder_get_root (builder));
}

static gboolean
answer_ids (guint      *status,
            char      **content_type,
            GBytes    **body,
            GPtrArray  *ids,
            const char *member)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "status");
  json_builder_add_boolean_value (builder, ids->len > 0);
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; i < ids->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (ids, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return answer_json (status, content_type, body, json_builder_get_root (builder));
}

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

static void
add_mb (JsonBuilder *builder,
        const char  *name,
        double       value)
{
  g_autofree char *text = g_strdup_printf ("%.2f", value);
  add_string (builder, name, text);
}

static char *
to_units (double bytes)
{
  return bytes >= MEBI ? g_strdup_printf ("%.1f M", bytes / MEBI) : g_strdup_printf ("%.0f B", bytes);
}

static char *
timeleft (double mb_left,
          double kb_per_s)
{
  gint64 seconds = kb_per_s > 0 ? (gint64) (mb_left * 1024 / kb_per_s) : 0;

  return g_strdup_printf ("%" G_GINT64_FORMAT ":%02d:%02d", seconds / 3600, (int) (seconds / 60 % 60),
                          (int) (seconds % 60));
}

/* One slot as build_queue() writes it. */
static void
add_queue_slot (JsonBuilder *builder,
                Job         *job,
                guint        index,
                double       kb_per_s)
{
  g_autofree char *size = to_units (job->mb * MEBI);
  g_autofree char *size_left = to_units (job->mb_left * MEBI);
  g_autofree char *percentage = g_strdup_printf ("%d", job->mb > 0 && job->mb != job->mb_left
                                                 ? (int) ((job->mb - job->mb_left) / job->mb * 100) : 0);
  g_autofree char *left = timeleft (job->mb_left, g_strcmp0 (job->status, "Downloading") == 0 ? kb_per_s : 0);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "index");
  json_builder_add_int_value (builder, index);
  add_string (builder, "nzo_id", job->nzo_id);
  add_string (builder, "unpackopts", "3");
  add_string (builder, "priority", "Normal");
  add_string (builder, "script", "None");
  add_string (builder, "filename", job->name);
  json_builder_set_member_name (builder, "labels");
  json_builder_begin_array (builder);
  json_builder_end_array (builder);
  add_string (builder, "password", "");
  add_string (builder, "cat", job->category ? job->category : "None");
  add_mb (builder, "mbleft", job->mb_left);
  add_mb (builder, "mb", job->mb);
  add_string (builder, "size", size);
  add_string (builder, "sizeleft", size_left);
  add_string (builder, "percentage", percentage);
  add_string (builder, "mbmissing", "0.00");
  json_builder_set_member_name (builder, "direct_unpack");
  json_builder_add_null_value (builder);
  add_string (builder, "status", job->status);
  add_string (builder, "timeleft", left);
  add_string (builder, "avg_age", "2d");
  json_builder_set_member_name (builder, "time_added");
  json_builder_add_int_value (builder, job->time_added);
  json_builder_end_object (builder);
}

/* One slot as build_history() (the history table's columns) writes it. */
static void
add_history_slot (JsonBuilder *builder,
                  Job         *job)
{
  gboolean failed = g_strcmp0 (job->status, "Failed") == 0;
  g_autofree char *storage = failed ? g_strdup ("") : g_strconcat ("/downloads/complete/", job->name, NULL);
  g_autofree char *path = g_strconcat ("/downloads/incomplete/", job->name, NULL);
  g_autofree char *size = to_units (job->mb * MEBI);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "completed");
  json_builder_add_int_value (builder, job->time_added + 60);
  add_string (builder, "name", job->name);
  add_string (builder, "nzb_name", job->name);
  add_string (builder, "category", job->category ? job->category : "*");
  add_string (builder, "pp", "D");
  add_string (builder, "script", "None");
  add_string (builder, "report", "");
  add_string (builder, "url", job->url ? job->url : "");
  add_string (builder, "status", job->status);
  add_string (builder, "nzo_id", job->nzo_id);
  add_string (builder, "storage", storage);
  add_string (builder, "path", path);
  add_string (builder, "script_line", "");
  json_builder_set_member_name (builder, "download_time");
  json_builder_add_int_value (builder, 42);
  json_builder_set_member_name (builder, "postproc_time");
  json_builder_add_int_value (builder, 3);
  json_builder_set_member_name (builder, "stage_log");
  json_builder_begin_array (builder);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "downloaded");
  json_builder_add_int_value (builder, (gint64) ((job->mb - job->mb_left) * MEBI));
  json_builder_set_member_name (builder, "completeness");
  json_builder_add_null_value (builder);
  add_string (builder, "fail_message", job->fail_message ? job->fail_message : "");
  add_string (builder, "url_info", "");
  json_builder_set_member_name (builder, "bytes");
  json_builder_add_int_value (builder, (gint64) (job->mb * MEBI));
  json_builder_set_member_name (builder, "meta");
  json_builder_add_null_value (builder);
  add_string (builder, "series", "");
  add_string (builder, "md5sum", "");
  add_string (builder, "password", "");
  add_string (builder, "duplicate_key", "");
  json_builder_set_member_name (builder, "archive");
  json_builder_add_boolean_value (builder, FALSE);
  json_builder_set_member_name (builder, "time_added");
  json_builder_add_int_value (builder, job->time_added);
  add_string (builder, "size", size);
  json_builder_set_member_name (builder, "loaded");
  json_builder_add_boolean_value (builder, FALSE);
  json_builder_set_member_name (builder, "retry");
  json_builder_add_boolean_value (builder, failed);
  json_builder_end_object (builder);
}

static gboolean
job_selected (Job         *job,
              GHashTable  *params)
{
  const char *cat = g_hash_table_lookup (params, "cat");
  const char *ids = g_hash_table_lookup (params, "nzo_ids");

  if (cat == NULL)
    cat = g_hash_table_lookup (params, "category");
  if (cat != NULL && g_strcmp0 (cat, job->category) != 0)
    return FALSE;
  if (ids != NULL)
    {
      g_auto(GStrv) list = g_strsplit (ids, ",", -1);
      return g_strv_contains ((const char * const *) list, job->nzo_id);
    }

  return TRUE;
}

/* The recorded envelope ({"queue": {…}} or {"history": {…}}) with our slots in it. */
static JsonNode *
envelope (const char  *fixture,
          const char  *section,
          JsonBuilder *slots,
          guint        n_slots)
{
  g_autoptr(GBytes) bytes = ssv_fixture_load (fixture);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonNode *root;
  JsonObject *inner;

  json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  root = json_node_copy (json_parser_get_root (parser));
  inner = json_object_get_object_member (json_node_get_object (root), section);
  json_object_set_member (inner, "slots", json_builder_get_root (slots));
  json_object_set_int_member (inner, "noofslots", n_slots);
  if (json_object_has_member (inner, "noofslots_total"))
    json_object_set_int_member (inner, "noofslots_total", n_slots);
  return root;
}

static JsonNode *
queue_answer_locked (SsvFakeSabnzbd *self,
                     GHashTable     *params)
{
  g_autoptr(JsonBuilder) slots = json_builder_new ();
  gboolean downloading = FALSE;
  double mb = 0, mb_left = 0;
  guint n = 0;
  JsonNode *root;
  JsonObject *queue;
  g_autofree char *kb = NULL;

  json_builder_begin_array (slots);
  for (guint i = 0; i < self->jobs->len; i++)
    {
      Job *job = g_ptr_array_index (self->jobs, i);

      if (job->in_history || !job_selected (job, params))
        continue;
      add_queue_slot (slots, job, n++, self->kb_per_s);
      downloading |= g_strcmp0 (job->status, "Downloading") == 0;
      mb += job->mb;
      mb_left += job->mb_left;
    }
  json_builder_end_array (slots);

  root = envelope ("sabnzbd/queue_empty_4.2.3.aiosabnzbd.json", "queue", slots, n);
  queue = json_object_get_object_member (json_node_get_object (root), "queue");
  kb = g_strdup_printf ("%.2f", downloading ? self->kb_per_s : 0.0);
  json_object_set_string_member (queue, "kbpersec", kb);
  json_object_set_string_member (queue, "status", downloading ? "Downloading" : "Idle");
  json_object_set_boolean_member (queue, "paused", FALSE);
  g_free (kb);
  kb = g_strdup_printf ("%.2f", mb);
  json_object_set_string_member (queue, "mb", kb);
  g_free (kb);
  kb = g_strdup_printf ("%.2f", mb_left);
  json_object_set_string_member (queue, "mbleft", kb);
  return root;
}

static JsonNode *
history_answer_locked (SsvFakeSabnzbd *self,
                       GHashTable     *params)
{
  g_autoptr(JsonBuilder) slots = json_builder_new ();
  guint n = 0;

  json_builder_begin_array (slots);
  for (guint i = self->jobs->len; i > 0; i--)
    {
      Job *job = g_ptr_array_index (self->jobs, i - 1);

      if (!job->in_history || !job_selected (job, params))
        continue;
      add_history_slot (slots, job);
      n++;
    }
  json_builder_end_array (slots);

  return envelope ("sabnzbd/history_empty_4.3.3.aiosabnzbd.json", "history", slots, n);
}

/* ---- adding -------------------------------------------------------------------------- */

/* The files an NZB lists: each <file>'s name (between &quot; in its subject) and size. */
static GPtrArray *
nzb_files (const char *text)
{
  g_autoptr(GRegex) file_re = g_regex_new ("<file\\b[^>]*subject=\"([^\"]*)\"(.*?)</file>", G_REGEX_DOTALL, 0, NULL);
  g_autoptr(GRegex) bytes_re = g_regex_new ("bytes=\"(\\d+)\"", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  GPtrArray *files = g_ptr_array_new_with_free_func (fake_file_free);

  g_regex_match (file_re, text, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *subject = g_match_info_fetch (match, 1);
      g_autofree char *segments = g_match_info_fetch (match, 2);
      g_autoptr(GMatchInfo) sizes = NULL;
      FakeFile *file = g_new0 (FakeFile, 1);
      const char *quote = strstr (subject, "&quot;");
      const char *end = quote ? strstr (quote + 6, "&quot;") : NULL;

      file->filename = quote && end ? g_strndup (quote + 6, (gsize) (end - quote - 6)) : g_strdup (subject);
      file->nzf_id = g_strdup_printf ("SABnzbd_nzf_%u", files->len + 1);
      g_regex_match (bytes_re, segments, 0, &sizes);
      while (g_match_info_matches (sizes))
        {
          g_autofree char *value = g_match_info_fetch (sizes, 1);
          file->bytes += g_ascii_strtoll (value, NULL, 10);
          g_match_info_next (sizes, NULL);
        }
      g_ptr_array_add (files, file);
      g_match_info_next (match, NULL);
    }

  return files;
}

static Job *
add_job_locked (SsvFakeSabnzbd *self,
                const char     *name,
                GHashTable     *params,
                GPtrArray      *files)
{
  Job *job = g_new0 (Job, 1);
  const char *priority = g_hash_table_lookup (params, "priority");

  job->nzo_id = g_strdup_printf ("SABnzbd_nzo_%06x", ++self->next_id * 7919u);
  job->name = g_strdup (name);
  job->category = g_strdup (g_hash_table_lookup (params, "cat"));
  job->status = g_strdup (g_strcmp0 (priority, "-2") == 0 ? "Paused" : "Queued");
  job->time_added = g_get_real_time () / G_USEC_PER_SEC;
  job->files = files;
  for (guint i = 0; i < files->len; i++)
    job->mb += ((FakeFile *) g_ptr_array_index (files, i))->bytes / MEBI;
  job->mb_left = job->mb;
  g_ptr_array_add (self->jobs, job);
  return job;
}

/* "http://…/get/Some.Movie.nzb?x=1" → "Some.Movie". */
static char *
name_from_url (const char *url)
{
  g_autofree char *path = g_strndup (url, strcspn (url, "?"));
  const char *slash = strrchr (path, '/');
  g_autofree char *base = g_strdup (slash ? slash + 1 : path);

  if (g_str_has_suffix (base, ".nzb"))
    base[strlen (base) - 4] = '\0';
  return g_steal_pointer (&base);
}

/* The NZB of an addfile request: the "name" (or "nzbfile") part of the form. */
static gboolean
read_upload (const SsvFakeRequest  *request,
             char                 **filename,
             char                 **contents)
{
  const char *type = g_hash_table_lookup (request->headers, "content-type");
  g_autoptr(SoupMessageHeaders) headers = soup_message_headers_new (SOUP_MESSAGE_HEADERS_MULTIPART);
  g_autoptr(SoupMultipart) multipart = NULL;

  if (type == NULL || request->body == NULL)
    return FALSE;
  soup_message_headers_replace (headers, "Content-Type", type);
  multipart = soup_multipart_new_from_message (headers, request->body);
  if (multipart == NULL)
    return FALSE;

  for (int i = 0; i < soup_multipart_get_length (multipart); i++)
    {
      SoupMessageHeaders *part_headers = NULL;
      GBytes *part_body = NULL;
      g_autoptr(GHashTable) disposition = NULL;
      const char *field;

      if (!soup_multipart_get_part (multipart, i, &part_headers, &part_body) ||
          !soup_message_headers_get_content_disposition (part_headers, NULL, &disposition))
        continue;
      field = g_hash_table_lookup (disposition, "name");
      if (g_strcmp0 (field, "name") == 0 || g_strcmp0 (field, "nzbfile") == 0)
        {
          *filename = g_strdup (g_hash_table_lookup (disposition, "filename"));
          *contents = g_strndup (g_bytes_get_data (part_body, NULL), g_bytes_get_size (part_body));
          return *filename != NULL;
        }
    }

  return FALSE;
}

/* ---- the api ---------------------------------------------------------------------------- */

static gboolean
handle_queue_locked (SsvFakeSabnzbd  *self,
                     GHashTable      *params,
                     guint           *status,
                     char           **content_type,
                     GBytes         **body)
{
  const char *name = g_hash_table_lookup (params, "name");
  const char *value = g_hash_table_lookup (params, "value");
  g_autoptr(GPtrArray) handled = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) ids = g_strsplit (value ? value : "", ",", -1);

  if (name == NULL)
    return answer_json (status, content_type, body, queue_answer_locked (self, params));

  if (g_str_equal (name, "delete") || g_str_equal (name, "pause") || g_str_equal (name, "resume"))
    {
      if (value == NULL || value[0] == '\0')
        return answer_report (status, content_type, body, FALSE, "expects one parameter");
      for (guint i = 0; ids[i] != NULL; i++)
        {
          Job *job = find_job_locked (self, ids[i]);

          if (job == NULL || job->in_history)
            continue;
          g_ptr_array_add (handled, g_strdup (job->nzo_id));
          if (g_str_equal (name, "delete"))
            g_ptr_array_remove (self->jobs, job);
          else
            {
              g_free (job->status);
              job->status = g_strdup (g_str_equal (name, "pause") ? "Paused" : "Queued");
            }
        }
      return answer_ids (status, content_type, body, handled, "nzo_ids");
    }

  if (g_str_equal (name, "delete_nzf"))
    {
      Job *job = find_job_locked (self, value);
      const char *value2 = g_hash_table_lookup (params, "value2");
      g_auto(GStrv) nzf_ids = g_strsplit (value2 ? value2 : "", ",", -1);

      if (job == NULL || nzf_ids[0] == NULL || nzf_ids[0][0] == '\0')
        return answer_report (status, content_type, body, FALSE, "expects two parameters");
      for (guint i = job->files->len; i > 0; i--)
        {
          FakeFile *file = g_ptr_array_index (job->files, i - 1);

          if (g_strv_contains ((const char * const *) nzf_ids, file->nzf_id))
            {
              g_ptr_array_add (handled, g_strdup (file->nzf_id));
              job->mb -= file->bytes / MEBI;
              job->mb_left -= file->bytes / MEBI;
              g_ptr_array_remove_index (job->files, i - 1);
            }
        }
      return answer_ids (status, content_type, body, handled, "nzf_ids");
    }

  return answer_json (status, content_type, body, queue_answer_locked (self, params));
}

static gboolean
handle_history_locked (SsvFakeSabnzbd  *self,
                       GHashTable      *params,
                       guint           *status,
                       char           **content_type,
                       GBytes         **body)
{
  const char *name = g_hash_table_lookup (params, "name");
  const char *value = g_hash_table_lookup (params, "value");

  if (g_strcmp0 (name, "delete") == 0)
    {
      g_auto(GStrv) ids = g_strsplit (value ? value : "", ",", -1);

      if (value == NULL || value[0] == '\0')
        return answer_report (status, content_type, body, FALSE, "expects one parameter");
      for (guint i = 0; ids[i] != NULL; i++)
        {
          Job *job = find_job_locked (self, ids[i]);

          if (job != NULL && job->in_history)
            g_ptr_array_remove (self->jobs, job);
        }
      return answer_report (status, content_type, body, TRUE, NULL);
    }

  return answer_json (status, content_type, body, history_answer_locked (self, params));
}

static gboolean
handle_files_locked (SsvFakeSabnzbd  *self,
                     GHashTable      *params,
                     guint           *status,
                     char           **content_type,
                     GBytes         **body)
{
  Job *job = find_job_locked (self, g_hash_table_lookup (params, "value"));
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  if (g_hash_table_lookup (params, "value") == NULL)
    return answer_report (status, content_type, body, FALSE, "expects one parameter");

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "files");
  json_builder_begin_array (builder);
  for (guint i = 0; job != NULL && !job->in_history && i < job->files->len; i++)
    {
      FakeFile *file = g_ptr_array_index (job->files, i);
      g_autofree char *bytes = g_strdup_printf ("%.2f", (double) file->bytes);

      json_builder_begin_object (builder);
      add_string (builder, "filename", file->filename);
      add_mb (builder, "mbleft", file->bytes / MEBI);
      add_mb (builder, "mb", file->bytes / MEBI);
      add_string (builder, "bytes", bytes);
      add_string (builder, "age", "2d");
      add_string (builder, "nzf_id", file->nzf_id);
      add_string (builder, "status", "active");
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return answer_json (status, content_type, body, json_builder_get_root (builder));
}

static gboolean
handle_add_locked (SsvFakeSabnzbd        *self,
                   const SsvFakeRequest  *request,
                   GHashTable            *params,
                   gboolean               by_url,
                   guint                 *status,
                   char                 **content_type,
                   GBytes               **body)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *filename = NULL;
  g_autofree char *contents = NULL;
  const char *nzbname = g_hash_table_lookup (params, "nzbname");
  Job *job;

  if (by_url)
    {
      const char *url = g_hash_table_lookup (params, "name");

      if (url == NULL || url[0] == '\0')
        return answer_report (status, content_type, body, FALSE, "expects one parameter");
      /* The real one fetches in the background; this one has it at once. */
      filename = name_from_url (url);
      job = add_job_locked (self, nzbname && nzbname[0] ? nzbname : filename, params,
                            g_ptr_array_new_with_free_func (fake_file_free));
      job->url = g_strdup (url);
      g_ptr_array_add (ids, g_strdup (job->nzo_id));
      return answer_ids (status, content_type, body, ids, "nzo_ids");
    }

  if (!read_upload (request, &filename, &contents))
    return answer_report (status, content_type, body, FALSE, "expects one parameter");

  /* add_nzbfile: a file that is not an NZB is refused (status false, no ids). */
  if (strstr (contents, "<nzb") == NULL)
    return answer_ids (status, content_type, body, ids, "nzo_ids");

  if (g_str_has_suffix (filename, ".nzb"))
    filename[strlen (filename) - 4] = '\0';
  job = add_job_locked (self, nzbname && nzbname[0] ? nzbname : filename, params, nzb_files (contents));
  g_ptr_array_add (ids, g_strdup (job->nzo_id));
  return answer_ids (status, content_type, body, ids, "nzo_ids");
}

static gboolean
handle_api (SsvFakeServer         *server,
            const SsvFakeRequest  *request,
            guint                 *status,
            char                 **content_type,
            GBytes               **body,
            gpointer               user_data)
{
  SsvFakeSabnzbd *self = user_data;
  g_autoptr(GHashTable) params = g_uri_parse_params (request->query ? request->query : "", -1, "&",
                                                     G_URI_PARAMS_WWW_FORM, NULL);
  const char *mode;
  const char *key;
  gboolean handled;

  if (params == NULL)
    params = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  mode = g_hash_table_lookup (params, "mode");
  key = g_hash_table_lookup (params, "apikey");

  if (g_strcmp0 (mode, "version") == 0)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      add_string (builder, "version", "4.3.3");
      json_builder_end_object (builder);
      return answer_json (status, content_type, body, json_builder_get_root (builder));
    }

  /* check_apikey(): 403 and the reason as text. */
  if (key == NULL || key[0] == '\0' || g_strcmp0 (key, self->api_key) != 0)
    {
      *status = 403;
      *content_type = g_strdup ("text/html;charset=utf-8");
      *body = g_bytes_new_static (key == NULL || key[0] == '\0' ? "API Key Required" : "API Key Incorrect",
                                  key == NULL || key[0] == '\0' ? 16 : 17);
      return TRUE;
    }

  g_mutex_lock (&self->lock);
  if (g_strcmp0 (mode, "queue") == 0)
    handled = handle_queue_locked (self, params, status, content_type, body);
  else if (g_strcmp0 (mode, "history") == 0)
    handled = handle_history_locked (self, params, status, content_type, body);
  else if (g_strcmp0 (mode, "get_files") == 0)
    handled = handle_files_locked (self, params, status, content_type, body);
  else if (g_strcmp0 (mode, "addurl") == 0 || g_strcmp0 (mode, "addfile") == 0)
    handled = handle_add_locked (self, request, params, g_strcmp0 (mode, "addurl") == 0,
                                 status, content_type, body);
  else
    handled = answer_report (status, content_type, body, FALSE, "not implemented");
  g_mutex_unlock (&self->lock);

  return handled;
}

SsvFakeSabnzbd *
ssv_fake_sabnzbd_new (SsvFakeServer *server,
                      const char    *api_key)
{
  SsvFakeSabnzbd *self = g_new0 (SsvFakeSabnzbd, 1);

  self->server = server;
  self->api_key = g_strdup (api_key);
  self->jobs = g_ptr_array_new_with_free_func (job_free);
  g_mutex_init (&self->lock);
  ssv_fake_server_add_handler (server, "/api", handle_api, self, NULL);
  return self;
}

void
ssv_fake_sabnzbd_free (SsvFakeSabnzbd *self)
{
  if (self == NULL)
    return;

  g_ptr_array_unref (self->jobs);
  g_free (self->api_key);
  g_mutex_clear (&self->lock);
  g_free (self);
}

/* The job downloads: @mb_left to go at @kb_per_s. */
void
ssv_fake_sabnzbd_download (SsvFakeSabnzbd *self,
                           const char     *nzo_id,
                           double          mb_left,
                           double          kb_per_s)
{
  Job *job;

  g_mutex_lock (&self->lock);
  job = find_job_locked (self, nzo_id);
  g_assert_nonnull (job);
  g_free (job->status);
  job->status = g_strdup ("Downloading");
  job->mb_left = mb_left;
  self->kb_per_s = kb_per_s;
  g_mutex_unlock (&self->lock);
}

/* The job moves to the history: completed, or failed with @fail_message. */
gboolean
ssv_fake_sabnzbd_finish (SsvFakeSabnzbd *self,
                         const char     *nzo_id,
                         const char     *fail_message)
{
  Job *job;

  g_mutex_lock (&self->lock);
  job = find_job_locked (self, nzo_id);
  if (job != NULL)
    {
      job->in_history = TRUE;
      g_free (job->status);
      job->status = g_strdup (fail_message ? "Failed" : "Completed");
      job->fail_message = g_strdup (fail_message);
      job->mb_left = fail_message ? job->mb_left : 0;
    }
  g_mutex_unlock (&self->lock);

  return job != NULL;
}

char *
ssv_fake_sabnzbd_dup_url_of (SsvFakeSabnzbd *self,
                             const char     *nzo_id)
{
  Job *job;
  char *url;

  g_mutex_lock (&self->lock);
  job = find_job_locked (self, nzo_id);
  url = job ? g_strdup (job->url) : NULL;
  g_mutex_unlock (&self->lock);

  return url;
}
