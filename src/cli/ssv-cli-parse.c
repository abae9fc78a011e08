/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-cli-parse.c: `soulsync-video-cli parse`: release names in, one JSON object per line out. */

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>

#include "ssv-cli.h"
#include "downloads/ssv-release.h"

static void
print_parse (const char *name)
{
  SsvRelease release;
  g_autofree char *json = NULL;

  ssv_release_parse (name, &release);
  json = ssv_release_to_json (&release);
  fputs (json, stdout);
  fputc ('\n', stdout);
}

int
ssv_cli_parse (int    argc,
               char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GIOChannel) in = NULL;
  char *line = NULL;
  gsize terminator = 0;
  gsize length = 0;
  GIOStatus status;

  if (argc > 1 && (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0))
    {
      g_print ("%s\n", _("Usage: soulsync-video-cli parse [NAME…]"));
      g_print ("%s\n", _("Without names, reads one name per line from standard input."));
      return 0;
    }

  if (argc > 1)
    {
      for (int i = 1; i < argc; i++)
        print_parse (argv[i]);
      return 0;
    }

  in = g_io_channel_unix_new (0);
  g_io_channel_set_encoding (in, NULL, NULL);
  while ((status = g_io_channel_read_line (in, &line, &length, &terminator, &error)) == G_IO_STATUS_NORMAL)
    {
      line[terminator] = '\0';
      print_parse (line);
      g_free (line);
    }

  if (status == G_IO_STATUS_ERROR)
    return ssv_cli_fail (error);

  return 0;
}
