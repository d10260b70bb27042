/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "zz-config-form.h"

G_BEGIN_DECLS

/* A config form's fields: zz-config-form.c lays them out and checks the
 * config; zz-config-form-field.c makes each editor, reads and shows its
 * value and applies its edits. */

typedef enum
{
  ZZ_FORM_EDITOR_ENTRY,
  ZZ_FORM_EDITOR_TEXT,
  ZZ_FORM_EDITOR_CODE,
  ZZ_FORM_EDITOR_SPIN,
  ZZ_FORM_EDITOR_SWITCH,
  ZZ_FORM_EDITOR_CHOICE,
  ZZ_FORM_EDITOR_KEY_VALUE,
  ZZ_FORM_EDITOR_JSON,
} ZzFormEditor;

typedef struct
{
  ZzConfigForm  *form;
  char          *key;          /* NULL: the whole config (a block this app does not know) */
  char          *title;
  JsonObject    *property;     /* its schema, nullable */
  ZzFormEditor   kind;
  gboolean       integer;
  gboolean       has_range;
  double         minimum;
  double         maximum;

  GtkWidget     *field;        /* carries .error */
  GtkWidget     *editor;
  GtkWidget     *error_widget; /* an AdwActionRow under a row, a GtkLabel under a card */
  GtkStringList *choices;

  guint          apply_id;
  gboolean       dirty;        /* an edit not applied yet: the node does not overwrite it */
  char          *input_error;  /* why the edit was not applied */
  char          *check_error;  /* the block type's verdict on the applied config */
} ZzFormField;

struct _ZzConfigForm
{
  GtkWidget    parent_instance;

  ZzWorkflow  *workflow;
  ZzNode      *node;
  GSignalGroup *node_signals;
  ZzBlockType *type;
  GPtrArray   *fields;         /* ZzFormField */
  GHashTable  *by_key;         /* key -> ZzFormField (unowned) */
  guint        loading : 1;
};

ZzFormField *_zz_form_field_new        (ZzConfigForm *form,
                                        const char   *key,
                                        JsonObject   *property);
void         _zz_form_field_free       (gpointer      data);
gboolean     _zz_form_field_is_row     (ZzFormField  *field);
/* A row for a preferences group; field->error_widget is its error row. */
GtkWidget   *_zz_form_field_build_row  (ZzFormField  *field,
                                        const char   *description);
/* A box with the editor and its error caption. */
GtkWidget   *_zz_form_field_build_card (ZzFormField  *field);
/* A key-value field's "add a row" button, for its group's header. */
GtkWidget   *_zz_form_field_build_add_button (ZzFormField *field);
/* Shows the node's value, unless the editor means it already. */
void         _zz_form_field_load       (ZzFormField  *field);
/* One command with the node's config where this key is the editor's value. */
gboolean     _zz_form_field_apply      (ZzFormField  *field);
void         _zz_form_field_show_error (ZzFormField  *field);

G_END_DECLS
