/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-reload-gate.h: when a view reads its data again: nothing before its first read, and
 * a burst of changes after it makes one "reload" a moment later. */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* How long a burst of store changes (a scan, a follow) is gathered into one reload. */
#define SSV_RELOAD_GATE_DELAY_MS 250

#define SSV_TYPE_RELOAD_GATE (ssv_reload_gate_get_type ())

G_DECLARE_FINAL_TYPE (SsvReloadGate, ssv_reload_gate, SSV, RELOAD_GATE, GObject)

SsvReloadGate *ssv_reload_gate_new        (guint          delay_ms);
void           ssv_reload_gate_open       (SsvReloadGate *self);
gboolean       ssv_reload_gate_get_open   (SsvReloadGate *self);
void           ssv_reload_gate_queue      (SsvReloadGate *self);
gboolean       ssv_reload_gate_get_queued (SsvReloadGate *self);
void           ssv_reload_gate_unqueue    (SsvReloadGate *self);

G_END_DECLS
