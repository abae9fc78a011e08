/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-bench-library.h: the generated library of the benchmarks (10,000 movies, 2,000 shows,
 * 100,000 episodes by default), served as a Jellyfin server or written straight into a library;
 * the child process that serves it, and the raw insert loop bulk writes are compared with. */

#pragma once

#include <stdio.h>

#include "ssv-fake-server.h"
#include "stores/ssv-library-store.h"

G_BEGIN_DECLS

#define SSV_BENCH_API_KEY        "bench-api-key-0123456789abcdef"
#define SSV_BENCH_MOVIES_LIBRARY "bench-movies"
#define SSV_BENCH_SHOWS_LIBRARY  "bench-shows"

typedef struct
{
  guint   n_movies;
  guint   n_shows;
  guint   n_episodes;     /* spread evenly over the shows, ten to a season */
  gint64  saved_at;       /* unix seconds every item was last saved */
  char   *image_base;     /* where posters are served, or NULL for the Jellyfin server itself */
} SsvBenchLibrary;

void          ssv_bench_library_init_default  (SsvBenchLibrary        *library);
void          ssv_bench_library_clear         (SsvBenchLibrary        *library);
guint         ssv_bench_library_n_items       (const SsvBenchLibrary  *library);
void          ssv_bench_library_serve         (const SsvBenchLibrary  *library,
                                               SsvFakeServer          *server);
gboolean      ssv_bench_library_fill          (const SsvBenchLibrary  *library,
                                               SsvDatabase            *db,
                                               GError                **error);
SsvMediaItem *ssv_bench_library_movie         (const SsvBenchLibrary  *library,
                                               guint                   index,
                                               const char             *base_url);

/* A server in a child process, so neither its memory nor its work counts. */
typedef struct
{
  GPid  pid;
  int   in;
  FILE *out;
} SsvBenchChild;

char         *ssv_bench_child_spawn           (SsvBenchChild          *child,
                                               const char * const     *argv);
void          ssv_bench_child_stop            (SsvBenchChild          *child);
void          ssv_bench_serve_until_closed    (SsvFakeServer          *server);

double        ssv_bench_insert_movies         (SsvDatabase            *db,
                                               guint                   n_rows);

G_END_DECLS
