/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zz-records.c: new / copy / free of every record, driven by the columns
 * that zz-store-model.c describes, so that a field added to a model is
 * copied and freed without more code.
 */
#define G_LOG_DOMAIN "zz-store"

#include "config.h"

#include <string.h>

#include "zz-records.h"
#include "zz-store-private.h"

#define FIELD(record, column, T) ((T *) (gpointer) ((guint8 *) (record) + (column)->offset))

gpointer
_zz_record_new (const ZzModel *model)
{
  guint8 *record = g_malloc0 (model->record_size);

  for (guint i = 0; i < model->n_columns; i++)
    {
      const ZzColumn *column = &model->columns[i];

      switch (column->type)
        {
        case ZZ_COLUMN_TEXT:
          *FIELD (record, column, char *) = g_strdup (column->default_text);
          break;
        case ZZ_COLUMN_STRV:
          *FIELD (record, column, char **) = g_new0 (char *, 1);
          break;
        case ZZ_COLUMN_INT:
          *FIELD (record, column, gint64) = column->default_int;
          break;
        case ZZ_COLUMN_BOOL:
          *FIELD (record, column, gboolean) = column->default_int != 0;
          break;
        case ZZ_COLUMN_JSON:
        case ZZ_COLUMN_REAL:
        default:
          break;
        }
    }

  return record;
}

gpointer
_zz_record_copy (const ZzModel *model,
                 gconstpointer  record)
{
  guint8 *copy;

  if (record == NULL)
    return NULL;

  copy = g_memdup2 (record, model->record_size);

  for (guint i = 0; i < model->n_columns; i++)
    {
      const ZzColumn *column = &model->columns[i];

      if (column->type == ZZ_COLUMN_TEXT || column->type == ZZ_COLUMN_JSON)
        *FIELD (copy, column, char *) = g_strdup (*FIELD (record, column, char *));
      else if (column->type == ZZ_COLUMN_STRV)
        *FIELD (copy, column, char **) = g_strdupv (*FIELD (record, column, char **));
    }

  return copy;
}

void
_zz_record_free (const ZzModel *model,
                 gpointer       record)
{
  if (record == NULL)
    return;

  for (guint i = 0; i < model->n_columns; i++)
    {
      const ZzColumn *column = &model->columns[i];

      if (column->type == ZZ_COLUMN_TEXT || column->type == ZZ_COLUMN_JSON)
        g_free (*FIELD (record, column, char *));
      else if (column->type == ZZ_COLUMN_STRV)
        g_strfreev (*FIELD (record, column, char **));
    }

  g_free (record);
}

#define ZZ_DEFINE_RECORD(TypeName, type_name, model) \
  TypeName *                                         \
    type_name##_new (void)                           \
  {                                                  \
    return _zz_record_new (&model);                  \
  }                                                  \
  TypeName *                                         \
    type_name##_copy (const TypeName *self)          \
  {                                                  \
    return _zz_record_copy (&model, self);           \
  }                                                  \
  void                                               \
    type_name##_free (TypeName *self)                \
  {                                                  \
    _zz_record_free (&model, self);                  \
  }                                                  \
  G_DEFINE_BOXED_TYPE (TypeName, type_name, type_name##_copy, type_name##_free)

ZZ_DEFINE_RECORD (ZzUser, zz_user, _zz_model_user)
ZZ_DEFINE_RECORD (ZzProfile, zz_profile, _zz_model_profile)
ZZ_DEFINE_RECORD (ZzExecution, zz_execution, _zz_model_execution)
ZZ_DEFINE_RECORD (ZzNodeExecution, zz_node_execution, _zz_model_node_execution)
ZZ_DEFINE_RECORD (ZzBlockLibraryEntry, zz_block_library_entry, _zz_model_block_library_entry)
ZZ_DEFINE_RECORD (ZzCustomBlock, zz_custom_block, _zz_model_custom_block)
ZZ_DEFINE_RECORD (ZzSession, zz_session, _zz_model_session)
ZZ_DEFINE_RECORD (ZzNotification, zz_notification, _zz_model_notification)
ZZ_DEFINE_RECORD (ZzTeam, zz_team, _zz_model_team)
ZZ_DEFINE_RECORD (ZzTeamMember, zz_team_member, _zz_model_team_member)
ZZ_DEFINE_RECORD (ZzPricingTier, zz_pricing_tier, _zz_model_pricing_tier)
ZZ_DEFINE_RECORD (ZzSubscription, zz_subscription, _zz_model_subscription)
ZZ_DEFINE_RECORD (ZzBlockchainTransaction, zz_blockchain_transaction, _zz_model_blockchain_transaction)
