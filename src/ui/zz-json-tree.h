/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define ZZ_TYPE_JSON_TREE (zz_json_tree_get_type ())

G_DECLARE_FINAL_TYPE (ZzJsonTree, zz_json_tree, ZZ, JSON_TREE, GtkWidget)

/* A JSON value as a collapsible tree, one row "key: value" per member or
 * element, the first level expanded. Actions (group "json"): copy-value
 * (the selected value, JSON text for objects and arrays) and copy-path (its
 * path as templates write it after the prefix, "fetch.body.items[0]"),
 * also offered by a right click on a row. */
GtkWidget  *zz_json_tree_new           (void);
/* Shows @text (JSON; %NULL or empty shows @placeholder). The path prefix is
 * put before copied paths ("fetch" for a node's output), may be %NULL. */
void        zz_json_tree_set_json      (ZzJsonTree *self,
                                        const char *text,
                                        const char *path_prefix);
void        zz_json_tree_set_placeholder (ZzJsonTree *self,
                                          const char *placeholder);
/* For tests: the tree's rows as GtkTreeListRow items */
GListModel *zz_json_tree_get_model     (ZzJsonTree *self);
/* (transfer full) (nullable): what copy-value / copy-path would copy */
char       *zz_json_tree_dup_selected_value (ZzJsonTree *self);
char       *zz_json_tree_dup_selected_path  (ZzJsonTree *self);

G_END_DECLS
