/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "zz-records.h"

G_BEGIN_DECLS

#define ZZ_TYPE_NODE_RUN_ITEM (zz_node_run_item_get_type ())

G_DECLARE_FINAL_TYPE (ZzNodeRunItem, zz_node_run_item, ZZ, NODE_RUN_ITEM, GObject)

/* One node of a run as the run panel lists it: the node's label and the
 * last NodeExecution row committed for it, replaced as the executor reports
 * it. Properties (notified only on change): node-id, label, status,
 * duration-ms (-1 until it ends), error, and "row" whenever the row changes. */
ZzNodeRunItem         *zz_node_run_item_new             (const char            *node_id,
                                                         const char            *label);
const char            *zz_node_run_item_get_node_id     (ZzNodeRunItem         *self);
const char            *zz_node_run_item_get_label       (ZzNodeRunItem         *self);
/* %ZZ_RUN_STATUS_NONE before the first row */
ZzRunStatus            zz_node_run_item_get_status      (ZzNodeRunItem         *self);
gint64                 zz_node_run_item_get_duration_ms (ZzNodeRunItem         *self);
const char            *zz_node_run_item_get_error       (ZzNodeRunItem         *self);
char                  *zz_node_run_item_dup_retry_text  (ZzNodeRunItem         *self);
/* (nullable) (transfer none): the last row given to update() */
const ZzNodeExecution *zz_node_run_item_get_row         (ZzNodeRunItem         *self);
void                   zz_node_run_item_update          (ZzNodeRunItem         *self,
                                                         const ZzNodeExecution *row);

/* "85 ms", "1.2 s", "2 min 5 s"; %NULL for a negative @ms. */
char                  *zz_format_duration               (gint64                 ms);
/* The symbolic icon for a status, never %NULL. */
const char            *zz_status_icon_name              (ZzRunStatus            status);
/* The status as the user reads it: "Completed", ... */
const char            *zz_status_title                  (ZzRunStatus            status);

/* The CSS class style.css colours a status icon by: the status's name. */
const char            *zz_status_css_name               (ZzRunStatus            status);
/* Shows @status on @image: its icon, and the "run-status" CSS classes. */
void                   zz_status_image_update           (GtkImage              *image,
                                                         ZzRunStatus            status);

G_END_DECLS
