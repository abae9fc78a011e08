/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-cli-acquire.c: `soulsync-video-cli indexer …` and `client …`: where releases are searched
 * and where they are sent. Keys and passwords come on standard input and go to the keyring. */

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>

#include "ssv-acquire-setup.h"
#include "ssv-cli.h"
#include "downloads/ssv-indexer.h"
#include "downloads/ssv-client-pool.h"
#include "downloads/ssv-download-client.h"
#include "ssv-secrets.h"
#include "stores/ssv-download-store.h"

/* One line of standard input, without its line end; NULL (with a message) when empty. */
char *
ssv_cli_read_secret (const char  *what,
                     GError     **error)
{
  char buffer[4096];
  g_autofree char *line = NULL;

  if (fgets (buffer, sizeof buffer, stdin) == NULL)
    buffer[0] = '\0';
  line = g_strstrip (g_strdup (buffer));
  memset (buffer, 0, sizeof buffer);
  if (line[0] == '\0')
    {
      g_set_error (error, SSV_ERROR, SSV_ERROR_INVALID,
                   /* Translators: "No API key came on standard input." */
                   _("No %s came on standard input."), what);
      return NULL;
    }

  return g_steal_pointer (&line);
}

/* `COMMAND [--json]`: the rows @load reads, as JSON (one object each, by @add_json) or as text. */
int
ssv_cli_list (int              argc,
              char           **argv,
              const char      *command,
              const char      *summary,
              SsvCliLoadRows   load,
              SsvCliRowJson    add_json,
              SsvCliRowText    print_text,
              const char      *empty)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvContext) context = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };

  if (!ssv_cli_parse_options (command, NULL, summary, entries, &argc, &argv))
    return 2;
  if (argc != 1)
    {
      g_printerr (_("Usage: soulsync-video-cli %s [--json]\n"), command);
      return 2;
    }
  context = ssv_cli_open_context (&error);
  if (context == NULL || (rows = load (context, &error)) == NULL)
    return ssv_cli_fail (error);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < rows->len; i++)
        {
          json_builder_begin_object (builder);
          add_json (builder, g_ptr_array_index (rows, i));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      ssv_cli_print_json (builder);
      return 0;
    }

  for (guint i = 0; i < rows->len; i++)
    print_text (g_ptr_array_index (rows, i));
  if (rows->len == 0)
    g_print ("%s\n", empty);

  return 0;
}

/* Stores @secret under @key; on failure takes the new row back out, so nothing is half added. */
static gboolean
store_secret_or_undo (SsvContext  *context,
                      const char  *key,
                      const char  *label,
                      const char  *secret,
                      gboolean   (*undo) (SsvDownloadStore *, gint64, GError **),
                      gint64       id,
                      GError     **error)
{
  if (ssv_secrets_store_sync (ssv_context_get_secrets (context), key, label, secret, NULL, error))
    return TRUE;

  undo (ssv_context_get_download_store (context), id, NULL);
  return FALSE;
}

/* ---------------------------------------------------------------------- */
/* indexer */


static int
indexer_add (int    argc,
             char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvContext) context = NULL;
  g_autofree char *key = NULL;
  gboolean key_stdin = FALSE;
  SsvIndexerKind kind;
  gint64 id;
  GOptionEntry entries[] = {
    { "key-stdin", 0, 0, G_OPTION_ARG_NONE, &key_stdin, N_("Read the API key from standard input"), NULL },
    { NULL }
  };

  if (!ssv_cli_parse_options ("indexer add", "KIND NAME URL", _("Add an indexer (torznab, newznab, prowlarr, slskd)"),
                              entries, &argc, &argv))
    return 2;
  if (argc != 4)
    {
      g_printerr ("%s\n", _("Usage: soulsync-video-cli indexer add KIND NAME URL [--key-stdin]"));
      return 2;
    }
  if (!ssv_indexer_kind_from_string (argv[1], &kind))
    {
      g_printerr (_("soulsync-video-cli: “%s” is not a kind of indexer; use torznab, newznab, prowlarr or slskd.\n"),
                  argv[1]);
      return 2;
    }
  if (!ssv_acquire_is_web_address (argv[3]))
    {
      g_printerr (_("soulsync-video-cli: “%s” is not a web address (http://… or https://…).\n"), argv[3]);
      return 2;
    }
  if (key_stdin && (key = ssv_cli_read_secret (_("API key"), &error)) == NULL)
    return ssv_cli_fail (error);

  context = ssv_cli_open_context (&error);
  if (context == NULL)
    return ssv_cli_fail (error);
  id = ssv_download_store_add_indexer (ssv_context_get_download_store (context), argv[1], argv[2], argv[3], &error);
  if (id == 0)
    return ssv_cli_fail (error);
  if (key != NULL)
    {
      g_autofree char *secret_key = ssv_secrets_indexer_key (id);
      g_autofree char *label = g_strdup_printf (_("SoulSync Video: indexer %s"), argv[2]);
      gboolean stored = store_secret_or_undo (context, secret_key, label, key,
                                              ssv_download_store_remove_indexer, id, &error);

      memset (key, 0, strlen (key));
      if (!stored)
        return ssv_cli_fail (error);
    }

  g_print (_("Added the %s indexer “%s”.\n"), argv[1], argv[2]);
  return 0;
}

static GPtrArray *
load_indexers (SsvContext  *context,
               GError     **error)
{
  return ssv_download_store_list_indexers (ssv_context_get_download_store (context), FALSE, error);
}

static void
add_indexer_json (JsonBuilder *builder,
                  gpointer     item)
{
  SsvIndexerRow *row = item;

  ssv_cli_json_add_string (builder, "name", row->name);
  ssv_cli_json_add_string (builder, "kind", row->kind);
  ssv_cli_json_add_string (builder, "url", row->url);
  json_builder_set_member_name (builder, "enabled");
  json_builder_add_boolean_value (builder, row->enabled);
  json_builder_set_member_name (builder, "categories");
  json_builder_begin_array (builder);
  for (guint j = 0; j < row->categories->len; j++)
    json_builder_add_int_value (builder, g_array_index (row->categories, int, j));
  json_builder_end_array (builder);
}

static void
print_indexer (gpointer item)
{
  SsvIndexerRow *row = item;

  g_print ("%-20s %-9s %s%s\n", row->name, row->kind, row->url, row->enabled ? "" : _(" (off)"));
}

static int
indexer_list (int    argc,
              char **argv)
{
  return ssv_cli_list (argc, argv, "indexer list", _("List the indexers"), load_indexers, add_indexer_json,
                       print_indexer, _("No indexers yet; add one with “soulsync-video-cli indexer add”."));
}

int
ssv_cli_indexer (int    argc,
                 char **argv)
{
  if (argc >= 2 && strcmp (argv[1], "add") == 0)
    return indexer_add (argc - 1, argv + 1);
  if (argc >= 2 && strcmp (argv[1], "list") == 0)
    return indexer_list (argc - 1, argv + 1);
  if (argc >= 2 && strcmp (argv[1], "test") == 0)
    return ssv_cli_indexer_test (argc - 1, argv + 1);

  g_printerr ("%s\n", _("Usage: soulsync-video-cli indexer add KIND NAME URL [--key-stdin] | list [--json] | test NAME"));
  return 2;
}

/* ---------------------------------------------------------------------- */
/* client */

static int
client_add (int    argc,
            char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvContext) context = NULL;
  g_autofree char *password = NULL;
  g_autofree char *user = NULL;
  gboolean password_stdin = FALSE;
  double seed_ratio = NAN;
  gint64 seed_minutes = -1;
  SsvClientKind kind;
  gint64 id;
  GOptionEntry entries[] = {
    { "user", 0, 0, G_OPTION_ARG_STRING, &user, N_("The user name to log in with"), "U" },
    { "password-stdin", 0, 0, G_OPTION_ARG_NONE, &password_stdin,
      N_("Read the password (API key, RPC secret) from standard input"), NULL },
    { "seed-ratio", 0, 0, G_OPTION_ARG_DOUBLE, &seed_ratio,
      N_("Take a finished torrent off the client once it reached this share ratio (its files stay)"), "R" },
    { "seed-minutes", 0, 0, G_OPTION_ARG_INT64, &seed_minutes,
      N_("Take a finished torrent off the client once it seeded this many minutes (its files stay)"), "M" },
    { NULL }
  };

  if (!ssv_cli_parse_options ("client add", "KIND NAME URL",
                              _("Add a download client (qbittorrent, transmission, deluge, aria2, nzbget, sabnzbd, slskd)"),
                              entries, &argc, &argv))
    return 2;
  if (argc != 4)
    {
      g_printerr ("%s\n", _("Usage: soulsync-video-cli client add KIND NAME URL [--user U] [--password-stdin] "
                            "[--seed-ratio R] [--seed-minutes M]"));
      return 2;
    }
  if ((!isnan (seed_ratio) && !(seed_ratio >= 0)) || seed_minutes < -1)
    {
      g_printerr ("%s\n", _("soulsync-video-cli: a seeding goal is a ratio or a number of minutes, zero or more."));
      return 2;
    }
  if (!ssv_client_kind_from_string (argv[1], &kind))
    {
      g_printerr (_("soulsync-video-cli: “%s” is not a download client; use qbittorrent, transmission, deluge, "
                    "aria2, nzbget, sabnzbd or slskd.\n"), argv[1]);
      return 2;
    }
  if (!ssv_acquire_is_web_address (argv[3]))
    {
      g_printerr (_("soulsync-video-cli: “%s” is not a web address (http://… or https://…).\n"), argv[3]);
      return 2;
    }
  if (password_stdin && (password = ssv_cli_read_secret (_("password"), &error)) == NULL)
    return ssv_cli_fail (error);

  context = ssv_cli_open_context (&error);
  if (context == NULL)
    return ssv_cli_fail (error);
  id = ssv_download_store_add_client (ssv_context_get_download_store (context), kind, argv[2], argv[3], user, &error);
  if (id == 0)
    return ssv_cli_fail (error);
  if ((!isnan (seed_ratio) || seed_minutes >= 0) &&
      !ssv_download_store_set_seeding_goal (ssv_context_get_download_store (context), id, seed_ratio, seed_minutes,
                                            &error))
    {
      ssv_download_store_remove_client (ssv_context_get_download_store (context), id, NULL);
      return ssv_cli_fail (error);
    }
  if (password != NULL)
    {
      g_autofree char *secret_key = ssv_secrets_client_key (id);
      g_autofree char *label = g_strdup_printf (_("SoulSync Video: download client %s"), argv[2]);
      gboolean stored = store_secret_or_undo (context, secret_key, label, password,
                                              ssv_download_store_remove_client, id, &error);

      memset (password, 0, strlen (password));
      if (!stored)
        return ssv_cli_fail (error);
    }

  g_print (_("Added %s “%s”.\n"), ssv_client_kind_display_name (kind), argv[2]);
  return 0;
}

static GPtrArray *
load_clients (SsvContext  *context,
              GError     **error)
{
  return ssv_download_store_list_clients (ssv_context_get_download_store (context), error);
}

static void
add_client_json (JsonBuilder *builder,
                 gpointer     item)
{
  SsvClientRow *row = item;

  ssv_cli_json_add_string (builder, "name", row->name);
  ssv_cli_json_add_string (builder, "kind", ssv_client_kind_to_string (row->kind));
  ssv_cli_json_add_string (builder, "url", row->url);
  ssv_cli_json_add_string (builder, "user", row->username);
  ssv_cli_json_add_string (builder, "protocol", ssv_download_protocol_of_client (row->kind));
  json_builder_set_member_name (builder, "default");
  json_builder_add_boolean_value (builder, row->is_default);
  json_builder_set_member_name (builder, "enabled");
  json_builder_add_boolean_value (builder, row->enabled);
  if (!isnan (row->seed_ratio))
    {
      json_builder_set_member_name (builder, "seed_ratio");
      json_builder_add_double_value (builder, row->seed_ratio);
    }
  if (row->seed_minutes >= 0)
    {
      json_builder_set_member_name (builder, "seed_minutes");
      json_builder_add_int_value (builder, row->seed_minutes);
    }
}

static void
print_client (gpointer item)
{
  SsvClientRow *row = item;

  g_print ("%-20s %-12s %s%s\n", row->name, ssv_client_kind_to_string (row->kind), row->url,
           row->is_default ? _(" (default)") : "");
}

static int
client_list (int    argc,
             char **argv)
{
  return ssv_cli_list (argc, argv, "client list", _("List the download clients"), load_clients, add_client_json,
                       print_client, _("No download clients yet; add one with “soulsync-video-cli client add”."));
}

static int
client_test (int    argc,
             char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvContext) context = NULL;
  g_autoptr(SsvClientRow) row = NULL;
  g_autoptr(SsvDownloadClient) client = NULL;
  g_autofree char *version = NULL;
  GOptionEntry entries[] = { { NULL } };

  if (!ssv_cli_parse_options ("client test", "NAME", _("Check that a download client answers and takes the login"),
                              entries, &argc, &argv))
    return 2;
  if (argc != 2)
    {
      g_printerr ("%s\n", _("Usage: soulsync-video-cli client test NAME"));
      return 2;
    }
  context = ssv_cli_open_context (&error);
  if (context == NULL)
    return ssv_cli_fail (error);
  row = ssv_download_store_find_client (ssv_context_get_download_store (context), argv[1], &error);
  if (row == NULL)
    return ssv_cli_fail (error);
  client = ssv_client_pool_dup_for_row (ssv_context_get_client_pool (context), row, NULL, &error);
  if (client != NULL)
    version = ssv_download_client_test_connection (client, NULL, &error);
  if (version == NULL)
    return ssv_cli_fail (error);

  g_print (_("%s answers: %s\n"), row->name, version);
  return 0;
}

int
ssv_cli_client (int    argc,
                char **argv)
{
  if (argc >= 2 && strcmp (argv[1], "add") == 0)
    return client_add (argc - 1, argv + 1);
  if (argc >= 2 && strcmp (argv[1], "list") == 0)
    return client_list (argc - 1, argv + 1);
  if (argc >= 2 && strcmp (argv[1], "test") == 0)
    return client_test (argc - 1, argv + 1);

  g_printerr ("%s\n", _("Usage: soulsync-video-cli client add KIND NAME URL [--user U] [--password-stdin] | "
                        "list [--json] | test NAME"));
  return 2;
}
