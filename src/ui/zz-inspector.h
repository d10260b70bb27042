/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "zz-canvas.h"
#include "zz-config-form.h"

G_BEGIN_DECLS

#define ZZ_TYPE_INSPECTOR (zz_inspector_get_type ())

G_DECLARE_FINAL_TYPE (ZzInspector, zz_inspector, ZZ, INSPECTOR, GtkWidget)

/* The selected node's details: its label, whether it is enabled, what its
 * block does and its config as a form (ZzConfigForm). It follows a canvas's
 * selection: it shows a node when exactly one is selected, and edits it
 * through the document's commands, one undo step per edit.
 * Properties: canvas, node (read-only, nullable). */
GtkWidget    *zz_inspector_new            (void);
ZzCanvas     *zz_inspector_get_canvas     (ZzInspector *self);
void          zz_inspector_set_canvas     (ZzInspector *self,
                                           ZzCanvas    *canvas);
ZzNode       *zz_inspector_get_node       (ZzInspector *self);
/* Applies edits still waiting for their delay. */
void          zz_inspector_flush          (ZzInspector *self);

/* For tests. */
AdwEntryRow  *zz_inspector_get_label_row  (ZzInspector *self);
GtkSwitch    *zz_inspector_get_enabled_switch (ZzInspector *self);
ZzConfigForm *zz_inspector_get_form       (ZzInspector *self);

G_END_DECLS
