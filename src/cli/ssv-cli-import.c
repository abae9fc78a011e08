/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-cli-import.c: `soulsync-video-cli import --path P`: a finished file or folder into the
 * library by hand, matched by its name against the wishlist and the library. */

#include "config.h"

#include <glib/gi18n.h>

#include "ssv-cli.h"
#include "downloads/ssv-import-plan.h"
#include "downloads/ssv-importer.h"
#include "downloads/ssv-quality-profile.h"
#include "model/ssv-download.h"

typedef struct
{
  char     *path;
  char     *movies_folder;
  char     *shows_folder;
  gboolean  hardlink;
  gboolean  json;
} ImportOptions;

static const char *
action_name (SsvImportAction action)
{
  return action == SSV_IMPORT_VIDEO ? "video" : action == SSV_IMPORT_SUBTITLE ? "subtitle" : "skip";
}

static void
add_strings (JsonBuilder *builder,
             const char  *member,
             GPtrArray   *strings)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; strings != NULL && i < strings->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (strings, i));
  json_builder_end_array (builder);
}

static void
print_json (const SsvDownloadWanted *wanted,
            const SsvImportOutcome  *outcome)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "match");
  json_builder_begin_object (builder);
  ssv_cli_json_add_string (builder, "kind", ssv_download_kind_to_string (wanted->kind));
  ssv_cli_json_add_string (builder, "title", wanted->title);
  json_builder_set_member_name (builder, "year");
  json_builder_add_int_value (builder, wanted->year);
  json_builder_set_member_name (builder, "season");
  json_builder_add_int_value (builder, wanted->season);
  json_builder_set_member_name (builder, "episode");
  json_builder_add_int_value (builder, wanted->episode);
  json_builder_set_member_name (builder, "wishlist-id");
  json_builder_add_int_value (builder, wanted->wishlist_id);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "imported");
  json_builder_add_boolean_value (builder, !outcome->plan->rejected);
  ssv_cli_json_add_string (builder, "reason", outcome->plan->reason);
  ssv_cli_json_add_string (builder, "library-path", outcome->library_path);
  ssv_cli_json_add_string (builder, "quality", ssv_quality_to_key (outcome->plan->quality));
  json_builder_set_member_name (builder, "files");
  json_builder_begin_array (builder);
  for (guint i = 0; i < outcome->plan->entries->len; i++)
    {
      const SsvImportEntry *entry = g_ptr_array_index (outcome->plan->entries, i);

      json_builder_begin_object (builder);
      ssv_cli_json_add_string (builder, "source", entry->source);
      ssv_cli_json_add_string (builder, "action", action_name (entry->action));
      ssv_cli_json_add_string (builder, "destination", entry->destination);
      ssv_cli_json_add_string (builder, "reason", entry->reason);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  add_strings (builder, "written", outcome->written);
  add_strings (builder, "trashed", outcome->trashed);
  add_strings (builder, "notes", outcome->notes);
  json_builder_end_object (builder);
  ssv_cli_print_json (builder);
}

static void
print_text (const SsvDownloadWanted *wanted,
            const SsvImportOutcome  *outcome)
{
  if (outcome->plan->rejected)
    g_print (_("Not imported: %s\n"), outcome->plan->reason);
  else
    g_print (_("Imported “%s” as %s\n"), wanted->title, outcome->library_path);

  for (guint i = 0; i < outcome->plan->entries->len; i++)
    {
      const SsvImportEntry *entry = g_ptr_array_index (outcome->plan->entries, i);

      if (entry->action == SSV_IMPORT_SUBTITLE)
        g_print (_("  subtitle %s → %s\n"), entry->source, entry->destination);
      else if (entry->action == SSV_IMPORT_SKIP && !outcome->plan->rejected)
        g_print (_("  skipped %s: %s\n"), entry->source, entry->reason);
    }
  for (guint i = 0; i < outcome->trashed->len; i++)
    g_print (_("  replaced %s (now in the trash)\n"), (char *) g_ptr_array_index (outcome->trashed, i));
  for (guint i = 0; i < outcome->notes->len; i++)
    g_print ("  %s\n", (char *) g_ptr_array_index (outcome->notes, i));
}

static void
clear_options (ImportOptions *o)
{
  g_free (o->path);
  g_free (o->movies_folder);
  g_free (o->shows_folder);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ImportOptions, clear_options)

int
ssv_cli_import (int    argc,
                char **argv)
{
  g_auto(ImportOptions) o = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvContext) context = NULL;
  g_autoptr(SsvImportSettings) settings = NULL;
  g_autoptr(SsvDownloadWanted) wanted = NULL;
  g_autoptr(SsvImportOutcome) outcome = NULL;
  g_autofree char *path = NULL;
  SsvImporter *importer;
  GOptionEntry entries[] = {
    { "path", 0, 0, G_OPTION_ARG_FILENAME, &o.path, N_("The finished file or folder"), N_("PATH") },
    { "movies-folder", 0, 0, G_OPTION_ARG_FILENAME, &o.movies_folder, N_("Put films here (default: the setting)"),
      N_("FOLDER") },
    { "shows-folder", 0, 0, G_OPTION_ARG_FILENAME, &o.shows_folder, N_("Put episodes here (default: the setting)"),
      N_("FOLDER") },
    { "hardlink", 0, 0, G_OPTION_ARG_NONE, &o.hardlink, N_("Hardlink instead of copying when one disk holds both"),
      NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &o.json, N_("Print JSON"), NULL },
    { NULL }
  };

  if (!ssv_cli_parse_options ("import", NULL, _("Import a finished file or folder into the library by hand"),
                              entries, &argc, &argv))
    return 2;
  if (o.path == NULL || argc != 1)
    {
      g_printerr ("%s\n", _("Usage: soulsync-video-cli import --path PATH [--json]"));
      return 2;
    }

  context = ssv_cli_open_context (&error);
  if (context == NULL)
    return ssv_cli_fail (error);
  importer = ssv_context_get_importer (context);

  settings = ssv_import_settings_load ();
  if (o.movies_folder != NULL)
    {
      g_free (settings->movies_folder);
      settings->movies_folder = g_canonicalize_filename (o.movies_folder, NULL);
    }
  if (o.shows_folder != NULL)
    {
      g_free (settings->shows_folder);
      settings->shows_folder = g_canonicalize_filename (o.shows_folder, NULL);
    }
  if (o.hardlink)
    settings->mode = SSV_IMPORT_MODE_HARDLINK;
  ssv_importer_set_settings (importer, settings);

  path = g_canonicalize_filename (o.path, NULL);
  wanted = ssv_importer_match_sync (importer, path, &error);
  if (wanted == NULL)
    return ssv_cli_fail (error);
  outcome = ssv_importer_import_sync (importer, NULL, wanted, path, NULL, &error);
  if (outcome == NULL)
    return ssv_cli_fail (error);

  if (o.json)
    print_json (wanted, outcome);
  else
    print_text (wanted, outcome);
  return outcome->plan->rejected ? 1 : 0;
}
