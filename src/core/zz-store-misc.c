/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zz-store-misc.c: Notification, PricingTier, Subscription and
 * BlockchainTransaction. */
#define G_LOG_DOMAIN "zz-store"

#include "config.h"

#include "zz-store-private.h"

ZZ_STORE_DEFINE_CRUD (ZzNotification, notification)
ZZ_STORE_DEFINE_CRUD (ZzPricingTier, pricing_tier)
ZZ_STORE_DEFINE_CRUD (ZzSubscription, subscription)
ZZ_STORE_DEFINE_CRUD (ZzBlockchainTransaction, blockchain_transaction)

/* (transfer full) (element-type ZzNotification): newest first */
GPtrArray *
zz_store_list_notifications (ZzStore    *self,
                             const char *user_id,
                             gboolean    unread_only,
                             GError    **error)
{
  const char *args[] = { user_id, NULL };

  g_return_val_if_fail (ZZ_IS_STORE (self), NULL);
  g_return_val_if_fail (user_id != NULL, NULL);

  /* Both forms use idx_notification_user_read. */
  return _zz_store_model_list (self, &_zz_model_notification,
                               unread_only
                                 ? "WHERE \"userId\" = ?1 AND \"read\" = 0 ORDER BY \"createdAt\" DESC, \"id\""
                                 : "WHERE \"userId\" = ?1 ORDER BY \"createdAt\" DESC, \"id\"",
                               args, error);
}

/* (transfer full) (element-type ZzPricingTier): cheapest first */
GPtrArray *
zz_store_list_pricing_tiers (ZzStore *self,
                             GError **error)
{
  g_return_val_if_fail (ZZ_IS_STORE (self), NULL);

  return _zz_store_model_list (self, &_zz_model_pricing_tier,
                               "ORDER BY \"priceMonthly\", \"name\", \"id\"",
                               NULL, error);
}
