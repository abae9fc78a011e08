/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-cli.c: `soulsync-video-cli`, the headless tool; links only the core. */

#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib/gi18n.h>

#include "ssv-cli.h"

static const SsvCliCommand commands[] = {
  { "db-info", N_("Print the schema version and how many rows each table holds"), ssv_cli_db_info },
  { "parse", N_("Read release names (arguments or one per line on stdin) and print JSON"), ssv_cli_parse },
  { "decide", N_("What a quality profile says about release names on stdin, with its reasons"), ssv_cli_decide },
  { "calendar", N_("List what the followed shows air, or export it with --ics"), ssv_cli_calendar },
  { "scan", N_("Scan Plex, Jellyfin and folder sources into the library"), ssv_cli_scan },
  { "enrich", N_("Fill in titles from TMDB, TheTVDB, OMDb, fanart.tv and OpenSubtitles"), ssv_cli_enrich },
  { "status", N_("Print each metadata worker’s key, pause and progress"), ssv_cli_status },
  { "indexer", N_("Add, list and test the indexers releases are searched on"), ssv_cli_indexer },
  { "client", N_("Add, list and test the download clients releases are sent to"), ssv_cli_client },
  { "downloads", N_("List the downloads, or watch them with --watch"), ssv_cli_downloads },
};

SsvContext *
ssv_cli_open_context (GError **error)
{
  return ssv_context_new (NULL, error);
}

int
ssv_cli_fail (const GError *error)
{
  g_printerr ("soulsync-video-cli: %s\n", error->message);
  return 1;
}

/* Parses a command's options; on bad ones says so, as "soulsync-video-cli
 * COMMAND: …", and returns FALSE (the command exits with 2). */
gboolean
ssv_cli_parse_options (const char          *command,
                       const char          *parameter_string,
                       const char          *summary,
                       const GOptionEntry  *entries,
                       int                 *argc,
                       char              ***argv)
{
  g_autoptr(GOptionContext) options = g_option_context_new (parameter_string);
  g_autoptr(GError) error = NULL;

  g_option_context_set_summary (options, summary);
  g_option_context_add_main_entries (options, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (options, argc, argv, &error))
    {
      g_printerr ("soulsync-video-cli %s: %s\n", command, error->message);
      return FALSE;
    }

  return TRUE;
}

static void
print_usage (void)
{
  g_print ("%s\n\n", _("Usage: soulsync-video-cli [--version] COMMAND [ARGS…]"));
  g_print ("%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_print ("  %-10s %s\n", commands[i].name, _(commands[i].summary));
  g_print ("\n%s\n", _("The library is SSV_DATABASE_PATH, or the default in your data folder."));
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 2 || strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0)
    {
      print_usage ();
      return argc < 2 ? 2 : 0;
    }

  if (strcmp (argv[1], "--version") == 0)
    {
      g_print ("soulsync-video-cli %s\n", PACKAGE_VERSION);
      return 0;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (strcmp (argv[1], commands[i].name) == 0)
      return commands[i].run (argc - 1, argv + 1);

  g_printerr (_("soulsync-video-cli: unknown command “%s”\n"), argv[1]);
  print_usage ();
  return 2;
}
