/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-json-cursor.c: libFuzzer target: the JSON pull reader walking any input, and the Jellyfin
 * page and item readers built on it. */

#include "config.h"

#include <math.h>
#include <stdint.h>

#include "sources/ssv-jellyfin-source.h"
#include "sources/ssv-json-cursor.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

/* Reads the value where the cursor is, every way the readers do. */
static void
walk (SsvJsonCursor *c,
      guint          depth)
{
  const char *key;

  if (depth > 80)
    {
      ssv_json_cursor_skip (c);
      return;
    }

  if (ssv_json_cursor_peek_object (c))
    {
      if (ssv_json_cursor_enter_object (c))
        while ((key = ssv_json_cursor_next_member (c)) != NULL)
          {
            /* The member's name is only valid until the next string: use it now. */
            switch (key[0] % 4)
              {
              case 0:
                walk (c, depth + 1);
                break;
              case 1:
                (void) ssv_json_cursor_read_int (c, -1);
                break;
              case 2:
                g_free (ssv_json_cursor_dup_string (c));
                break;
              default:
                (void) isnan (ssv_json_cursor_read_double (c));
                break;
              }
          }
      return;
    }

  if (ssv_json_cursor_peek_array (c))
    {
      guint i = 0;

      if (ssv_json_cursor_enter_array (c))
        {
          while (ssv_json_cursor_next_element (c))
            {
              if (i++ % 2 == 0)
                walk (c, depth + 1);
              else
                (void) ssv_json_cursor_read_bool (c);
            }
        }
      return;
    }

  if (!ssv_json_cursor_is_null (c))
    g_free (ssv_json_cursor_dup_string (c));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const char *text = (const char *) data;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) ssv_media_item_free);
  SsvJsonCursor cursor;
  gint64 total = 0;

  ssv_json_cursor_init (&cursor, text, size);
  walk (&cursor, 0);
  (void) ssv_json_cursor_finish (&cursor, "fuzz", NULL);
  ssv_json_cursor_clear (&cursor);

  if (ssv_jellyfin_parse_page (text, size, "http://jf", items, &total, NULL))
    for (guint i = 0; i < items->len; i++)
      {
        SsvMediaItem *item = g_ptr_array_index (items, i);

        /* What the store relies on: a believable range, or none. */
        if (item->problem == NULL && ssv_media_item_last_episode (item) - (gint64) item->episode_number >=
                                     SSV_MAX_EPISODES_PER_FILE)
          __builtin_trap ();
      }

  ssv_media_item_free (ssv_jellyfin_parse_item (text, (gssize) size, "http://jf", NULL));
  return 0;
}
