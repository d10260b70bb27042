/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zz-store-blocks.c: BlockLibrary and CustomBlock. */
#define G_LOG_DOMAIN "zz-store"

#include "config.h"

#include "zz-store-private.h"

ZZ_STORE_DEFINE_CRUD (ZzBlockLibraryEntry, block_library_entry)
ZZ_STORE_DEFINE_CRUD (ZzCustomBlock, custom_block)

/* (transfer full) (element-type ZzCustomBlock): by name */
GPtrArray *
zz_store_list_custom_blocks (ZzStore    *self,
                             const char *user_id,
                             GError    **error)
{
  const char *args[] = { user_id, NULL };

  g_return_val_if_fail (ZZ_IS_STORE (self), NULL);
  g_return_val_if_fail (user_id != NULL, NULL);

  return _zz_store_model_list (self, &_zz_model_custom_block,
                               "WHERE \"userId\" = ?1 ORDER BY \"name\", \"id\"",
                               args, error);
}

/* (transfer full) (element-type ZzBlockLibraryEntry): by category, then name */
GPtrArray *
zz_store_list_block_library (ZzStore *self,
                             GError **error)
{
  g_return_val_if_fail (ZZ_IS_STORE (self), NULL);

  return _zz_store_model_list (self, &_zz_model_block_library_entry,
                               "ORDER BY \"category\", \"name\", \"id\"",
                               NULL, error);
}
