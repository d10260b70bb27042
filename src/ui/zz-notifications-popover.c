/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zz-notifications-popover.c: the notifications of the current user */
#define G_LOG_DOMAIN "zz-notifications-popover"

#include "config.h"

#include <glib/gi18n.h>

#include "zz-notifications-popover.h"
#include "zz-time.h"

/* A ZzNotification as a list item, with what its row shows as properties
 * for the row template (zz-notifications-popover-row.ui). */
#define ZZ_TYPE_NOTIFICATION_ITEM (zz_notification_item_get_type ())
G_DECLARE_FINAL_TYPE (ZzNotificationItem, zz_notification_item, ZZ, NOTIFICATION_ITEM, GObject)

struct _ZzNotificationItem
{
  GObject         parent_instance;
  ZzNotification *notification;
};

G_DEFINE_FINAL_TYPE (ZzNotificationItem, zz_notification_item, G_TYPE_OBJECT)

enum
{
  ITEM_PROP_0,
  ITEM_PROP_TITLE,
  ITEM_PROP_TITLE_CSS_CLASSES,
  ITEM_PROP_WHEN,
  ITEM_PROP_MESSAGE,
  ITEM_PROP_HAS_MESSAGE,
  N_ITEM_PROPS
};
static GParamSpec *item_properties[N_ITEM_PROPS];

static void
zz_notification_item_finalize (GObject *object)
{
  g_clear_pointer (&ZZ_NOTIFICATION_ITEM (object)->notification, zz_notification_free);
  G_OBJECT_CLASS (zz_notification_item_parent_class)->finalize (object);
}

static void
zz_notification_item_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  ZzNotification *notification = ZZ_NOTIFICATION_ITEM (object)->notification;

  switch (prop_id)
    {
    case ITEM_PROP_TITLE:
      g_value_set_string (value, notification->title);
      break;
    case ITEM_PROP_TITLE_CSS_CLASSES:
      g_value_set_boxed (value, (const char *[]){ notification->read ? NULL : "heading", NULL });
      break;
    case ITEM_PROP_WHEN:
      {
        g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

        g_value_take_string (value, notification->created_at
                                      ? zz_time_format_relative (notification->created_at, now)
                                      : NULL);
      }
      break;
    case ITEM_PROP_MESSAGE:
      g_value_set_string (value, notification->message);
      break;
    case ITEM_PROP_HAS_MESSAGE:
      g_value_set_boolean (value, notification->message && notification->message[0]);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zz_notification_item_class_init (ZzNotificationItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = zz_notification_item_finalize;
  object_class->get_property = zz_notification_item_get_property;

  item_properties[ITEM_PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  item_properties[ITEM_PROP_TITLE_CSS_CLASSES] =
    g_param_spec_boxed ("title-css-classes", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  item_properties[ITEM_PROP_WHEN] =
    g_param_spec_string ("when", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  item_properties[ITEM_PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  item_properties[ITEM_PROP_HAS_MESSAGE] =
    g_param_spec_boolean ("has-message", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_ITEM_PROPS, item_properties);
}

static void
zz_notification_item_init (ZzNotificationItem *self)
{
}

struct _ZzNotificationsPopover
{
  GtkPopover parent_instance;

  ZzStore     *store;
  GListStore  *items;
  guint        unread_count;
  GtkWidget   *stack; /* template children */
  GtkListView *list_view;
  GtkWidget   *badge; /* weak: on the attached button */
};

G_DEFINE_FINAL_TYPE (ZzNotificationsPopover, zz_notifications_popover, GTK_TYPE_POPOVER)

enum
{
  PROP_0,
  PROP_UNREAD_COUNT,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

static void
set_unread_count (ZzNotificationsPopover *self,
                  guint                   count)
{
  if (self->badge != NULL)
    {
      g_autofree char *text = count > 99 ? g_strdup ("99+") : g_strdup_printf ("%u", count);
      gtk_label_set_label (GTK_LABEL (self->badge), text);
      gtk_widget_set_visible (self->badge, count > 0);
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "notifications.mark-all-read", count > 0);

  if (self->unread_count == count)
    return;
  self->unread_count = count;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNREAD_COUNT]);
}

gboolean
zz_notifications_popover_mark_read (ZzNotificationsPopover *self,
                                    guint                   position)
{
  g_autoptr(ZzNotificationItem) item = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (ZZ_IS_NOTIFICATIONS_POPOVER (self), FALSE);

  item = g_list_model_get_item (G_LIST_MODEL (self->items), position);
  if (item == NULL || item->notification->read)
    return FALSE;

  item->notification->read = TRUE;
  if (!zz_store_update_notification (self->store, item->notification, &error))
    {
      g_warning ("Could not mark a notification read: %s", error->message);
      item->notification->read = FALSE;
      return FALSE;
    }
  /* The row's title loses its bold. */
  g_object_notify_by_pspec (G_OBJECT (item), item_properties[ITEM_PROP_TITLE_CSS_CLASSES]);
  set_unread_count (self, self->unread_count - 1);
  return TRUE;
}

static void
on_activate_cb (ZzNotificationsPopover *self,
                guint                   position)
{
  zz_notifications_popover_mark_read (self, position);
}

void
zz_notifications_popover_mark_all_read (ZzNotificationsPopover *self)
{
  guint n;

  g_return_if_fail (ZZ_IS_NOTIFICATIONS_POPOVER (self));

  n = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  for (guint i = 0; i < n; i++)
    zz_notifications_popover_mark_read (self, i);
  zz_notifications_popover_reload (self);
}

void
zz_notifications_popover_clear (ZzNotificationsPopover *self)
{
  guint n;

  g_return_if_fail (ZZ_IS_NOTIFICATIONS_POPOVER (self));

  n = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ZzNotificationItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);
      g_autoptr(GError) error = NULL;

      if (!zz_store_delete_notification (self->store, item->notification->id, &error))
        g_warning ("Could not delete a notification: %s", error->message);
    }
  zz_notifications_popover_reload (self);
}

static void
mark_all_read_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  zz_notifications_popover_mark_all_read (ZZ_NOTIFICATIONS_POPOVER (widget));
}

static void
clear_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  zz_notifications_popover_clear (ZZ_NOTIFICATIONS_POPOVER (widget));
}

static void
zz_notifications_popover_show (GtkWidget *widget)
{
  zz_notifications_popover_reload (ZZ_NOTIFICATIONS_POPOVER (widget));
  GTK_WIDGET_CLASS (zz_notifications_popover_parent_class)->show (widget);
}

static void
zz_notifications_popover_dispose (GObject *object)
{
  ZzNotificationsPopover *self = ZZ_NOTIFICATIONS_POPOVER (object);

  g_clear_weak_pointer (&self->badge);
  gtk_widget_dispose_template (GTK_WIDGET (self), ZZ_TYPE_NOTIFICATIONS_POPOVER);
  g_clear_object (&self->items);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (zz_notifications_popover_parent_class)->dispose (object);
}

static void
zz_notifications_popover_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_UNREAD_COUNT:
      g_value_set_uint (value, ZZ_NOTIFICATIONS_POPOVER (object)->unread_count);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zz_notifications_popover_class_init (ZzNotificationsPopoverClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zz_notifications_popover_dispose;
  object_class->get_property = zz_notifications_popover_get_property;
  widget_class->show = zz_notifications_popover_show;

  properties[PROP_UNREAD_COUNT] =
    g_param_spec_uint ("unread-count", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "notifications.mark-all-read", NULL, mark_all_read_action);
  gtk_widget_class_install_action (widget_class, "notifications.clear", NULL, clear_action);

  g_type_ensure (ZZ_TYPE_NOTIFICATION_ITEM);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/zzyra/Desktop/ui/zz-notifications-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, ZzNotificationsPopover, stack);
  gtk_widget_class_bind_template_child (widget_class, ZzNotificationsPopover, list_view);
  gtk_widget_class_bind_template_callback (widget_class, on_activate_cb);
}

static void
zz_notifications_popover_init (ZzNotificationsPopover *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->items = g_list_store_new (ZZ_TYPE_NOTIFICATION_ITEM);
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->items)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "notifications.mark-all-read", FALSE);
}

GtkWidget *
zz_notifications_popover_new (ZzStore *store)
{
  ZzNotificationsPopover *self;

  g_return_val_if_fail (ZZ_IS_STORE (store), NULL);

  self = g_object_new (ZZ_TYPE_NOTIFICATIONS_POPOVER, NULL);
  self->store = g_object_ref (store);
  zz_notifications_popover_reload (self);
  return GTK_WIDGET (self);
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const ZzNotificationItem *first = *(ZzNotificationItem *const *) a;
  const ZzNotificationItem *second = *(ZzNotificationItem *const *) b;

  return g_strcmp0 (second->notification->created_at, first->notification->created_at);
}

void
zz_notifications_popover_reload (ZzNotificationsPopover *self)
{
  g_autoptr(GPtrArray) notifications = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  guint unread = 0;

  g_return_if_fail (ZZ_IS_NOTIFICATIONS_POPOVER (self));

  notifications = zz_store_list_notifications (self->store, zz_store_get_current_user_id (self->store),
                                               FALSE, &error);
  if (notifications == NULL)
    g_warning ("Could not list notifications: %s", error->message);

  for (guint i = 0; notifications != NULL && i < notifications->len; i++)
    {
      ZzNotificationItem *item = g_object_new (ZZ_TYPE_NOTIFICATION_ITEM, NULL);

      item->notification = zz_notification_copy (g_ptr_array_index (notifications, i));
      if (!item->notification->read)
        unread++;
      g_ptr_array_add (items, item);
    }
  /* Newest first, whatever order the store gives. */
  g_ptr_array_sort (items, compare_newest_first);

  g_list_store_splice (self->items, 0, g_list_model_get_n_items (G_LIST_MODEL (self->items)),
                       items->pdata, items->len);
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), items->len ? "list" : "empty");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "notifications.clear", items->len > 0);
  set_unread_count (self, unread);
}

guint
zz_notifications_popover_get_unread_count (ZzNotificationsPopover *self)
{
  g_return_val_if_fail (ZZ_IS_NOTIFICATIONS_POPOVER (self), 0);

  return self->unread_count;
}

GListModel *
zz_notifications_popover_get_model (ZzNotificationsPopover *self)
{
  g_return_val_if_fail (ZZ_IS_NOTIFICATIONS_POPOVER (self), NULL);

  return G_LIST_MODEL (self->items);
}

void
zz_notifications_popover_attach (ZzNotificationsPopover *self,
                                 GtkMenuButton          *button)
{
  GtkWidget *overlay, *icon, *badge;

  g_return_if_fail (ZZ_IS_NOTIFICATIONS_POPOVER (self));
  g_return_if_fail (GTK_IS_MENU_BUTTON (button));

  overlay = gtk_overlay_new ();
  icon = gtk_image_new_from_icon_name ("preferences-system-notifications-symbolic");
  badge = gtk_label_new (NULL);
  gtk_widget_set_halign (badge, GTK_ALIGN_END);
  gtk_widget_set_valign (badge, GTK_ALIGN_START);
  gtk_widget_set_can_target (badge, FALSE);
  gtk_widget_add_css_class (badge, "notification-badge");
  gtk_overlay_set_child (GTK_OVERLAY (overlay), icon);
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), badge);
  gtk_menu_button_set_child (button, overlay);
  gtk_menu_button_set_popover (button, GTK_WIDGET (self));

  g_set_weak_pointer (&self->badge, badge);
  set_unread_count (self, self->unread_count);
}
