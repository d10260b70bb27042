/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "zz-block-registry.h"
#include "zz-canvas.h"

G_BEGIN_DECLS

#define ZZ_TYPE_PALETTE (zz_palette_get_type ())

G_DECLARE_FINAL_TYPE (ZzPalette, zz_palette, ZZ, PALETTE, GtkWidget)

/* The blocks a workflow can use, searchable by title, id, category and
 * tags. Activating one adds it at the centre of the canvas's view; dragging
 * one onto the canvas adds it where it is dropped (the drag carries the text
 * "zzyra/block-type:ID"). Either is one undoable step, and the new node is
 * selected.
 * Signals: "block-added" (const char *node_id); "dismissed" (), Escape
 * with an empty search.
 * Properties: canvas, registry (construct-only; the default one if unset). */
GtkWidget  *zz_palette_new            (void);
void        zz_palette_set_canvas     (ZzPalette   *self,
                                       ZzCanvas    *canvas);
/* Clears the search and gives it the focus, for a palette just shown. */
void        zz_palette_reset          (ZzPalette   *self);
void        zz_palette_set_query      (ZzPalette   *self,
                                       const char  *query);
/* (transfer none): the block types the search shows (ZzBlockType) */
GListModel *zz_palette_get_model      (ZzPalette   *self);
/* Adds the block at @position of the model, as activating its row does.
 * Returns: (transfer full) (nullable): the new node's id */
char       *zz_palette_activate       (ZzPalette   *self,
                                       guint        position);

/* The text a dragged block type carries. */
#define ZZ_PALETTE_DRAG_PREFIX "zzyra/block-type:"

G_END_DECLS
