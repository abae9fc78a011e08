/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-thread.h: SSV_IS_MAIN_THREAD (), to assert which thread a function runs on. */

#pragma once

#include <glib.h>
#include <sys/syscall.h>
#include <unistd.h>

G_BEGIN_DECLS

/* The main thread is the process's first: it iterates the default main context, runs
 * GTK and receives every signal the UI listens to. Any other thread is a worker.
 * Assert with g_assert (SSV_IS_MAIN_THREAD ()) where a function must run on it, and
 * g_assert (!SSV_IS_MAIN_THREAD ()) in the body of a GTask thread or worker loop. Plain
 * blocking functions ("call it off the UI thread") assert neither: the CLI and the core
 * tests call them on their main thread, which runs no UI. */
static inline gboolean
ssv_is_main_thread (void)
{
  return (pid_t) syscall (SYS_gettid) == getpid ();
}

#define SSV_IS_MAIN_THREAD() (ssv_is_main_thread ())

G_END_DECLS
