/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "zz-block-type.h"
#include "zz-node.h"
#include "zz-workflow.h"

G_BEGIN_DECLS

#define ZZ_TYPE_CONFIG_FORM (zz_config_form_get_type ())

G_DECLARE_FINAL_TYPE (ZzConfigForm, zz_config_form, ZZ, CONFIG_FORM, GtkWidget)

/* A node's config as a form built from its block type's config schema: one
 * editor per "x-widget" (entry, textarea, code, spin, switch, choice,
 * key-value, json), "x-advanced" keys under an "Advanced" expander.
 *
 * Each edit is one zz_workflow_set_node_config_command() with a copy of the
 * node's config where that key is set: text applies on Enter, when the
 * field loses focus or 500 ms after the last key, the other editors at
 * once. A value that cannot be applied (JSON that does not parse, a number
 * out of the schema's range) is marked on its field and not applied; a value
 * the block type refuses is applied and marked. The form follows the node
 * (undo, redo), except a field holding an edit not applied yet. */
GtkWidget   *zz_config_form_new              (void);
/* @type may be %NULL (a block this app does not know): the whole config is
 * then one JSON editor. */
void         zz_config_form_set_node         (ZzConfigForm *self,
                                              ZzWorkflow   *workflow,
                                              ZzNode       *node,
                                              ZzBlockType  *type);
/* Applies every edit still waiting for its delay. */
void         zz_config_form_flush            (ZzConfigForm *self);

/* For tests and the inspector: the editor of @key (an AdwEntryRow,
 * GtkTextView, GtkSpinButton, GtkSwitch, AdwComboRow or the key-value
 * GtkListBox), and the message its field shows, or %NULL. */
GtkWidget   *zz_config_form_get_editor       (ZzConfigForm *self,
                                              const char   *key);
const char  *zz_config_form_get_error        (ZzConfigForm *self,
                                              const char   *key);
/* The widget that carries the "error" style class for @key. */
GtkWidget   *zz_config_form_get_field_widget (ZzConfigForm *self,
                                              const char   *key);

G_END_DECLS
