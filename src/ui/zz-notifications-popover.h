/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "zz-store.h"

G_BEGIN_DECLS

#define ZZ_TYPE_NOTIFICATIONS_POPOVER (zz_notifications_popover_get_type ())

G_DECLARE_FINAL_TYPE (ZzNotificationsPopover, zz_notifications_popover, ZZ, NOTIFICATIONS_POPOVER, GtkPopover)

/* The current user's notifications, newest first (title, message, when;
 * unread ones in bold); activating one marks it read. Actions (group
 * "notifications"): mark-all-read, clear.
 * Property: unread-count, read from the store on reload(). */
GtkWidget  *zz_notifications_popover_new              (ZzStore                *store);
void        zz_notifications_popover_reload           (ZzNotificationsPopover *self);
guint       zz_notifications_popover_get_unread_count (ZzNotificationsPopover *self);
GListModel *zz_notifications_popover_get_model        (ZzNotificationsPopover *self);
gboolean    zz_notifications_popover_mark_read        (ZzNotificationsPopover *self,
                                                       guint                   position);
void        zz_notifications_popover_mark_all_read    (ZzNotificationsPopover *self);
void        zz_notifications_popover_clear            (ZzNotificationsPopover *self);
/* Makes @button open this popover and show the unread count over its icon,
 * hidden when there is none. */
void        zz_notifications_popover_attach           (ZzNotificationsPopover *self,
                                                       GtkMenuButton          *button);

G_END_DECLS
