/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "zz-template.h"

G_BEGIN_DECLS

typedef struct _ZzStore ZzStore;
typedef struct _SoupSession SoupSession;

/* What a running block may use. Owned by the executor's worker: valid until
 * the block's task returns, and only on the worker's thread. */
typedef struct
{
  ZzStore               *store;        /* the worker's own connection */
  SoupSession           *session;      /* the worker's HTTP session */
  const ZzTemplateScope *scope;        /* for config keys resolved by the block itself */
  const char            *user_id;
  const char            *workflow_id;
  const char            *execution_id;
  const char            *node_id;
  JsonNode              *execution_input;
} ZzBlockContext;

#define ZZ_TYPE_BLOCK_TYPE (zz_block_type_get_type ())

G_DECLARE_FINAL_TYPE (ZzBlockType, zz_block_type, ZZ, BLOCK_TYPE, GObject)

/* Runs a block: @config is resolved (templates replaced), @input is the
 * node's input. Completes @task with g_task_return_pointer (a JsonNode,
 * freed with json_node_unref) or an error, and honours the task's
 * cancellable at once. */
typedef void (*ZzBlockExecuteFunc) (ZzBlockType    *type,
                                    JsonObject     *config,
                                    JsonNode       *input,
                                    ZzBlockContext *context,
                                    GTask          *task);

/* Checks what the generic schema check cannot (e.g. one of two keys). */
typedef gboolean (*ZzBlockValidateFunc) (ZzBlockType  *type,
                                         JsonObject   *config,
                                         GError      **error);

typedef enum
{
  ZZ_FIELD_STRING,      /* one line of text */
  ZZ_FIELD_TEXT,        /* several lines of text */
  ZZ_FIELD_CODE,        /* source code */
  ZZ_FIELD_INTEGER,
  ZZ_FIELD_NUMBER,
  ZZ_FIELD_BOOLEAN,
  ZZ_FIELD_CHOICE,      /* one of `choices` */
  ZZ_FIELD_KEY_VALUE,   /* an object of strings, e.g. HTTP headers */
  ZZ_FIELD_JSON,        /* any JSON value */
  ZZ_FIELD_LIST,        /* an array of objects, edited as JSON */
} ZzFieldKind;

typedef enum
{
  ZZ_FIELD_REQUIRED = 1 << 0,  /* must be present and not empty */
  ZZ_FIELD_RAW      = 1 << 1,  /* left unresolved for the block (typed templates) */
  ZZ_FIELD_ADVANCED = 1 << 2,  /* shown under "Advanced" in the inspector */
} ZzFieldFlags;

/* One config key of a block, as the inspector shows it. The schema JSON is
 * built from these, so titles go through gettext like every other string. */
typedef struct
{
  const char   *key;
  ZzFieldKind   kind;
  const char   *title;         /* N_() */
  const char   *description;   /* N_(), nullable */
  const char   *default_json;  /* nullable: JSON text of the default */
  const char   *choices;       /* ZZ_FIELD_CHOICE: "GET|POST|PUT" */
  double        minimum;       /* a range applies when minimum < maximum */
  double        maximum;
  ZzFieldFlags  flags;
} ZzConfigField;

typedef struct
{
  const char          *id;           /* the platform's BlockType name */
  const char          *title;        /* N_() */
  const char          *description;  /* N_() */
  const char          *category;     /* trigger, action, logic, data, notification, code */
  const char          *icon_name;
  const char          *tags;         /* space-separated search words */
  const char          *outputs;      /* "true|false"; NULL for one unnamed output */
  gboolean             trigger;
  const ZzConfigField *fields;
  guint                n_fields;
  ZzBlockExecuteFunc   execute;      /* NULL: edited and kept, not run here */
  ZzBlockValidateFunc  validate;     /* nullable */
} ZzBlockTypeInfo;

ZzBlockType        *zz_block_type_new                 (const ZzBlockTypeInfo *info);

const char         *zz_block_type_get_id              (ZzBlockType  *self);
const char         *zz_block_type_get_title           (ZzBlockType  *self);
const char         *zz_block_type_get_description     (ZzBlockType  *self);
const char         *zz_block_type_get_category        (ZzBlockType  *self);
const char         *zz_block_type_get_icon_name       (ZzBlockType  *self);
const char * const *zz_block_type_get_tags            (ZzBlockType  *self);
/* (transfer none): {"type": "object", "properties": {...}, "required": [...]} */
JsonObject         *zz_block_type_get_config_schema   (ZzBlockType  *self);
const char * const *zz_block_type_get_required_keys   (ZzBlockType  *self);
/* Output handles; empty for the one unnamed output. */
const char * const *zz_block_type_get_outputs         (ZzBlockType  *self);
gboolean            zz_block_type_is_trigger          (ZzBlockType  *self);
gboolean            zz_block_type_can_execute         (ZzBlockType  *self);
/* Config keys the executor leaves unresolved for the block (e.g. a
 * condition, whose templates are typed values, not text). */
gboolean            zz_block_type_is_raw_key          (ZzBlockType  *self,
                                                       const char   *key);
/* (transfer full): the schema's defaults, overlaid with @config */
JsonObject         *zz_block_type_apply_defaults      (ZzBlockType  *self,
                                                       JsonObject   *config);
/* Required keys present, types, enums and ranges of the schema, then the
 * block's own check; the message names the key. */
gboolean            zz_block_type_validate_config     (ZzBlockType  *self,
                                                       JsonObject   *config,
                                                       GError      **error);

void                zz_block_type_execute_async       (ZzBlockType         *self,
                                                       JsonObject          *config,
                                                       JsonNode            *input,
                                                       ZzBlockContext      *context,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
JsonNode           *zz_block_type_execute_finish      (ZzBlockType   *self,
                                                       GAsyncResult  *result,
                                                       GError       **error);

G_END_DECLS
