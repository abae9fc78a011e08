/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-nzb.c: libFuzzer target: the NZB reader, which a grab trusts to list an NZB's files, on arbitrary bytes. */

#include "config.h"

#include <stdint.h>

#include "ssv-error.h"
#include "downloads/ssv-nzb.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) names = NULL;

  /* Not NUL-terminated on purpose: the reader must keep to the length it is given. */
  names = ssv_nzb_parse_file_names ((const char *) data, (gssize) size, &error);

  /* Either names, or a plain error: never both, never neither. */
  g_assert_true ((names != NULL) != (error != NULL));
  if (names == NULL)
    {
      g_assert_true (g_error_matches (error, SSV_ERROR, SSV_ERROR_MALFORMED));
      return 0;
    }
  g_assert_cmpuint (names->len, >, 0);
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);

      g_assert_nonnull (name);
      /* what the risky-file check and the timeline read is text */
      g_assert_true (g_utf8_validate (name, -1, NULL));
    }

  return 0;
}
