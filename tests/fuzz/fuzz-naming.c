/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-naming.c: libFuzzer target for the naming template expander: any template and any
 * values, no crash, and the path that comes out never leaves the library root. */

#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "downloads/ssv-naming.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

#define CHECK(cond) do { if (!(cond)) abort (); } while (0)

static void
check_path (const char *path)
{
  g_auto(GStrv) parts = NULL;

  CHECK (path != NULL);
  CHECK (g_utf8_validate (path, -1, NULL));
  if (*path == '\0')
    return;
  CHECK (ssv_naming_is_safe_path (path));
  parts = g_strsplit (path, "/", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      CHECK (strlen (parts[i]) <= SSV_NAMING_MAX_COMPONENT);
      CHECK (parts[i][0] != '.' && parts[i][0] != ' ');
      for (const char *p = parts[i]; *p != '\0'; p++)
        CHECK ((guchar) *p >= 0x20 && strchr ("\\*?<>|\":", *p) == NULL);
    }
}

/* The input is the template, then the values, separated by newlines. */
int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = g_strndup (size > 0 ? (const char *) data : "", MIN (size, 4096));
  g_auto(GStrv) fields = g_strsplit (text, "\n", 6);
  guint n = g_strv_length (fields);
  SsvNamingValues values = {
    .title = n > 1 ? fields[1] : NULL,
    .show = n > 2 ? fields[2] : NULL,
    .episode_title = n > 3 ? fields[3] : NULL,
    .quality = n > 4 ? fields[4] : NULL,
    .ext = n > 5 ? fields[5] : NULL,
    .year = size > 0 ? data[0] * 9 : 0,
    .season = size > 1 ? (int) data[1] - 8 : -1,
    .episode = size > 2 ? (int) data[2] * 41 - 100 : -1,
  };
  g_autofree char *path = ssv_naming_expand (n > 0 ? fields[0] : "", &values);
  g_autofree char *movie = ssv_naming_expand (SSV_NAMING_DEFAULT_MOVIE, &values);
  g_autofree char *episode = ssv_naming_expand (SSV_NAMING_DEFAULT_EPISODE, &values);
  g_autofree char *one = ssv_naming_sanitize (text);

  check_path (path);
  check_path (movie);
  check_path (episode);
  CHECK (strchr (one, '/') == NULL);
  CHECK (strcmp (one, "..") != 0 && strcmp (one, ".") != 0);

  return 0;
}
