/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-cli-find.c: `soulsync-video-cli find` (the library and TMDB), `person follow`, and
 * `key set` (an API key from standard input into the keyring Preferences uses). */

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "ssv-cli.h"
#include "model/ssv-found-title.h"
#include "ssv-discovery.h"
#include "ssv-people-follower.h"
#include "ssv-secrets.h"
#include "workers/ssv-enrichment-engine.h"
#include "workers/ssv-worker.h"

/* ---- find --------------------------------------------------------------------------- */

static void
add_found_json (JsonBuilder   *builder,
                SsvFoundTitle *found)
{
  const char *strings[][2] = {
    { "kind", ssv_found_title_get_kind (found) },
    { "title", ssv_found_title_get_title (found) },
    { "overview", ssv_found_title_get_overview (found) },
    { "image_url", ssv_found_title_get_image_url (found) },
    { "known_for", ssv_found_title_get_known_for (found) },
  };

  json_builder_begin_object (builder);
  for (guint i = 0; i < G_N_ELEMENTS (strings); i++)
    ssv_cli_json_add_string (builder, strings[i][0], strings[i][1]);
  json_builder_set_member_name (builder, "year");
  json_builder_add_int_value (builder, ssv_found_title_get_year (found));
  json_builder_set_member_name (builder, "tmdb_id");
  json_builder_add_int_value (builder, ssv_found_title_get_tmdb_id (found));
  json_builder_set_member_name (builder, "library_id");
  json_builder_add_int_value (builder, ssv_found_title_get_library_id (found));
  json_builder_set_member_name (builder, "owned");
  json_builder_add_boolean_value (builder, ssv_found_title_get_owned (found));
  json_builder_set_member_name (builder, "wished");
  json_builder_add_boolean_value (builder, ssv_found_title_get_wished (found));
  json_builder_set_member_name (builder, "followed");
  json_builder_add_boolean_value (builder, ssv_found_title_get_followed (found));
  json_builder_end_object (builder);
}

/* "owned  show    Lost (2004)  tmdb:4607 library:12  wished" */
static void
print_found (SsvFoundTitle *found)
{
  g_autoptr(GString) line = g_string_new (NULL);
  const char *kind = ssv_found_title_get_kind (found);

  g_string_append_printf (line, "%-6s %-6s %s", ssv_found_title_get_owned (found) ? _("owned") : "-", kind,
                          ssv_found_title_get_title (found));
  if (ssv_found_title_get_year (found) > 0)
    g_string_append_printf (line, " (%d)", ssv_found_title_get_year (found));
  if (ssv_found_title_get_tmdb_id (found) > 0)
    g_string_append_printf (line, "  tmdb:%" G_GINT64_FORMAT, ssv_found_title_get_tmdb_id (found));
  if (ssv_found_title_get_owned (found))
    g_string_append_printf (line, " %s:%" G_GINT64_FORMAT, kind, ssv_found_title_get_library_id (found));
  if (ssv_found_title_get_wished (found))
    g_string_append_printf (line, "  %s", _("wished"));
  if (ssv_found_title_get_followed (found))
    g_string_append_printf (line, "  %s", _("followed"));
  if (ssv_found_title_get_known_for (found) != NULL)
    g_string_append_printf (line, "  — %s", ssv_found_title_get_known_for (found));

  g_print ("%s\n", line->str);
}

int
ssv_cli_find (int    argc,
              char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvContext) context = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *note = NULL;
  g_autofree char *query = NULL;
  gboolean json = FALSE;
  gboolean library_only = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { "library", 0, 0, G_OPTION_ARG_NONE, &library_only, N_("Only the library, not TMDB"), NULL },
    { NULL },
  };

  if (!ssv_cli_parse_options ("find", N_("QUERY"),
                              _("Search the library and TMDB for movies, shows and people; owned ones are "
                                "marked."), entries, &argc, &argv))
    return 2;
  if (argc < 2)
    {
      g_printerr (_("soulsync-video-cli find: say what to look for.\n"));
      return 2;
    }
  query = g_strjoinv (" ", argv + 1);

  context = ssv_cli_open_context (&error);
  if (context == NULL)
    return ssv_cli_fail (error);

  found = ssv_discovery_find_sync (ssv_context_get_discovery (context), query, library_only, &note, NULL, &error);
  if (found == NULL)
    return ssv_cli_fail (error);

  /* Only the library's titles: TMDB could not be asked. Say why, and go on. */
  if (note != NULL)
    g_printerr (_("soulsync-video-cli find: only the library was searched: %s\n"), note);

  json_builder_begin_array (builder);
  for (guint i = 0; i < found->len; i++)
    {
      if (json)
        add_found_json (builder, g_ptr_array_index (found, i));
      else
        print_found (g_ptr_array_index (found, i));
    }
  json_builder_end_array (builder);

  if (json)
    ssv_cli_print_json (builder);
  else if (found->len == 0)
    g_print ("%s\n", _("Nothing found."));

  return 0;
}

/* ---- person ------------------------------------------------------------------------ */

int
ssv_cli_person (int    argc,
                char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvContext) context = NULL;
  g_auto(SsvFollowReport) report = { 0, };
  g_autofree char *summary = NULL;
  int lookback = 0;
  gint64 person;
  char *end = NULL;
  GOptionEntry entries[] = {
    { "lookback", 0, 0, G_OPTION_ARG_INT, &lookback,
      N_("Their movies of the last YEARS join too (default: only upcoming ones)"), N_("YEARS") },
    { NULL },
  };

  if (!ssv_cli_parse_options ("person", N_("follow TMDB_ID"),
                              _("Follow a person: their new and upcoming movies join the wishlist when they "
                                "can be had at home."), entries, &argc, &argv))
    return 2;
  if (argc != 3 || g_strcmp0 (argv[1], "follow") != 0)
    {
      g_printerr (_("soulsync-video-cli person: use “person follow TMDB_ID [--lookback YEARS]”.\n"));
      return 2;
    }
  person = g_ascii_strtoll (argv[2], &end, 10);
  if (end == argv[2] || *end != '\0' || person <= 0 || lookback < 0 || lookback > 200)
    {
      g_printerr (_("soulsync-video-cli person: a person is followed by their TMDB id (a number), "
                    "looking back 0 to 200 years.\n"));
      return 2;
    }

  context = ssv_cli_open_context (&error);
  if (context == NULL)
    return ssv_cli_fail (error);

  if (!ssv_people_follower_follow_sync (ssv_context_get_people_follower (context), person, lookback, &report,
                                        NULL, &error))
    return ssv_cli_fail (error);

  summary = ssv_follow_report_dup_summary (&report);
  g_print ("%s\n", summary);
  return 0;
}

/* ---- key ---------------------------------------------------------------------------- */

/* The first line of standard input, without its line end and surrounding blanks. */
static char *
read_key (void)
{
  char buffer[4096];

  if (fgets (buffer, sizeof buffer, stdin) == NULL)
    return NULL;

  return g_strstrip (g_strdup (buffer));
}

int
ssv_cli_key (int    argc,
             char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvContext) context = NULL;
  g_autofree char *key = NULL;
  g_autofree char *secret_key = NULL;
  g_autofree char *label = NULL;
  SsvWorker *worker;
  GOptionEntry entries[] = { { NULL } };

  if (!ssv_cli_parse_options ("key", N_("set SERVICE"),
                              _("Store an API key read from standard input in the keyring, where Preferences "
                                "keeps it. SERVICE is tmdb, tvdb, omdb, fanart or opensubtitles."),
                              entries, &argc, &argv))
    return 2;
  if (argc != 3 || g_strcmp0 (argv[1], "set") != 0)
    {
      g_printerr (_("soulsync-video-cli key: use “echo KEY | soulsync-video-cli key set SERVICE”.\n"));
      return 2;
    }

  context = ssv_cli_open_context (&error);
  if (context == NULL)
    return ssv_cli_fail (error);

  worker = ssv_enrichment_engine_lookup (ssv_context_get_enrichment_engine (context), argv[2]);
  if (worker == NULL)
    {
      g_printerr (_("soulsync-video-cli key: there is no service “%s”. "
                    "Choose from tmdb, tvdb, omdb, fanart and opensubtitles.\n"), argv[2]);
      return 2;
    }

  key = read_key ();
  if (key == NULL || key[0] == '\0')
    {
      g_printerr (_("soulsync-video-cli key: no key on standard input; nothing was changed.\n"));
      return 1;
    }

  /* The same entry and label as Preferences → Metadata. */
  secret_key = ssv_worker_dup_secret_key (worker);
  label = g_strdup_printf (_("SoulSync Video: %s API key"), ssv_worker_get_display_name (worker));
  if (!ssv_secrets_store_sync (ssv_context_get_secrets (context), secret_key, label, key, NULL, &error))
    return ssv_cli_fail (error);

  /* Translators: "TMDB key saved in the keyring." */
  g_print (_("%s key saved in the keyring.\n"), ssv_worker_get_display_name (worker));
  return 0;
}
