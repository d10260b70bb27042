/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zz-history-view.c: the list of a workflow's past executions */
#define G_LOG_DOMAIN "zz-history-view"

#include "config.h"

#include <glib/gi18n.h>

#include "zz-history-view.h"
#include "zz-node-run-item.h"
#include "zz-time.h"

/* A ZzExecution row as a list item, with what its row shows as properties
 * for the row template (zz-history-view-row.ui). */
#define ZZ_TYPE_HISTORY_ITEM (zz_history_item_get_type ())
G_DECLARE_FINAL_TYPE (ZzHistoryItem, zz_history_item, ZZ, HISTORY_ITEM, GObject)

struct _ZzHistoryItem
{
  GObject      parent_instance;
  ZzExecution *execution;
};

G_DEFINE_FINAL_TYPE (ZzHistoryItem, zz_history_item, G_TYPE_OBJECT)

enum
{
  ITEM_PROP_0,
  ITEM_PROP_ICON_NAME,
  ITEM_PROP_CSS_CLASSES,
  ITEM_PROP_TITLE,
  ITEM_PROP_SUBTITLE,
  ITEM_PROP_ERROR,
  ITEM_PROP_TARGET,
  N_ITEM_PROPS
};
static GParamSpec *item_properties[N_ITEM_PROPS];

static void
zz_history_item_finalize (GObject *object)
{
  g_clear_pointer (&ZZ_HISTORY_ITEM (object)->execution, zz_execution_free);
  G_OBJECT_CLASS (zz_history_item_parent_class)->finalize (object);
}

/* When it started, how long it took and what started it. */
static char *
format_subtitle (const ZzExecution *execution)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *when = execution->started_at ? zz_time_format_relative (execution->started_at, now) : NULL;
  g_autofree char *duration = NULL;
  GString         *parts = g_string_new (when);
  const char      *trigger = execution->trigger ? execution->trigger : "manual";

  if (execution->started_at != NULL && execution->finished_at != NULL)
    duration = zz_format_duration (MAX (0, zz_time_diff_ms (execution->started_at, execution->finished_at)));
  if (duration != NULL)
    g_string_append_printf (parts, " · %s", duration);
  if (g_str_equal (trigger, "manual"))
    g_string_append_printf (parts, " · %s", _("manual"));
  else if (g_str_equal (trigger, "rerun"))
    g_string_append_printf (parts, " · %s", _("run again"));
  else if (g_str_equal (trigger, "cli"))
    g_string_append_printf (parts, " · %s", _("command line"));
  else if (g_str_equal (trigger, "schedule"))
    g_string_append_printf (parts, " · %s", _("scheduled"));
  else
    g_string_append_printf (parts, " · %s", trigger);
  return g_string_free (parts, FALSE);
}

static void
zz_history_item_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  const ZzExecution *execution = ZZ_HISTORY_ITEM (object)->execution;

  switch (prop_id)
    {
    case ITEM_PROP_ICON_NAME:
      g_value_set_string (value, zz_status_icon_name (execution->status));
      break;
    case ITEM_PROP_CSS_CLASSES:
      g_value_set_boxed (value, (const char *[]){ "run-status", zz_status_css_name (execution->status), NULL });
      break;
    case ITEM_PROP_TITLE:
      g_value_set_string (value, zz_status_title (execution->status));
      break;
    case ITEM_PROP_SUBTITLE:
      g_value_take_string (value, format_subtitle (execution));
      break;
    case ITEM_PROP_ERROR:
      g_value_set_string (value, execution->error);
      break;
    case ITEM_PROP_TARGET:
      /* The rows' history.run-again and history.delete act on this run. */
      g_value_set_variant (value, g_variant_new_string (execution->id));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zz_history_item_class_init (ZzHistoryItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = zz_history_item_finalize;
  object_class->get_property = zz_history_item_get_property;

  item_properties[ITEM_PROP_ICON_NAME] =
    g_param_spec_string ("icon-name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  item_properties[ITEM_PROP_CSS_CLASSES] =
    g_param_spec_boxed ("css-classes", NULL, NULL, G_TYPE_STRV, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  item_properties[ITEM_PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  item_properties[ITEM_PROP_SUBTITLE] =
    g_param_spec_string ("subtitle", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  item_properties[ITEM_PROP_ERROR] =
    g_param_spec_string ("error", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  item_properties[ITEM_PROP_TARGET] =
    g_param_spec_variant ("target", NULL, NULL, G_VARIANT_TYPE_STRING, NULL,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_ITEM_PROPS, item_properties);
}

static void
zz_history_item_init (ZzHistoryItem *self)
{
}

struct _ZzHistoryView
{
  GtkWidget parent_instance;

  ZzStore     *store;
  char        *workflow_id;
  GListStore  *items;
  GtkWidget   *stack; /* template children */
  GtkListView *list_view;
};

G_DEFINE_FINAL_TYPE (ZzHistoryView, zz_history_view, GTK_TYPE_WIDGET)

enum
{
  OPEN_EXECUTION,
  RUN_AGAIN,
  EXECUTION_DELETED,
  N_SIGNALS
};
static guint signals[N_SIGNALS];

static const ZzExecution *
find_execution (ZzHistoryView *self,
                const char    *id,
                guint         *position)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->items));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ZzHistoryItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      if (g_strcmp0 (item->execution->id, id) == 0)
        {
          if (position != NULL)
            *position = i;
          return item->execution;
        }
    }
  return NULL;
}

static void
on_activate_cb (ZzHistoryView *self,
                guint          position)
{
  g_autoptr(ZzHistoryItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), position);

  if (item != NULL)
    g_signal_emit (self, signals[OPEN_EXECUTION], 0, item->execution->id);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  g_signal_emit (widget, signals[OPEN_EXECUTION], 0, g_variant_get_string (parameter, NULL));
}

static void
run_again_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ZzHistoryView     *self = ZZ_HISTORY_VIEW (widget);
  const ZzExecution *execution = find_execution (self, g_variant_get_string (parameter, NULL), NULL);

  if (execution != NULL)
    {
      g_autoptr(ZzExecution) copy = zz_execution_copy (execution);
      g_signal_emit (self, signals[RUN_AGAIN], 0, copy);
    }
}

gboolean
zz_history_view_delete_execution (ZzHistoryView *self,
                                  const char    *id,
                                  GError       **error)
{
  guint position;

  g_return_val_if_fail (ZZ_IS_HISTORY_VIEW (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (!zz_store_delete_execution (self->store, id, error))
    return FALSE;
  if (find_execution (self, id, &position) != NULL)
    g_list_store_remove (self->items, position);
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack),
                                    g_list_model_get_n_items (G_LIST_MODEL (self->items)) ? "list" : "empty");
  g_signal_emit (self, signals[EXECUTION_DELETED], 0, id);
  return TRUE;
}

static void
on_delete_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       ZzHistoryView    *self)
{
  const char *id = g_object_get_data (G_OBJECT (dialog), "execution-id");
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "delete") == 0 &&
      !zz_history_view_delete_execution (self, id, &error))
    g_warning ("Could not delete execution %s: %s", id, error->message);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ZzHistoryView *self = ZZ_HISTORY_VIEW (widget);
  GtkRoot       *root = gtk_widget_get_root (widget);
  GtkWidget     *dialog;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Delete This Run?"),
                                      _("Its record and the results of its nodes will be gone for good."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"), "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "execution-id",
                          g_variant_dup_string (parameter, NULL), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
zz_history_view_dispose (GObject *object)
{
  ZzHistoryView *self = ZZ_HISTORY_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ZZ_TYPE_HISTORY_VIEW);
  g_clear_object (&self->items);
  g_clear_object (&self->store);
  g_clear_pointer (&self->workflow_id, g_free);

  G_OBJECT_CLASS (zz_history_view_parent_class)->dispose (object);
}

static void
zz_history_view_class_init (ZzHistoryViewClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zz_history_view_dispose;

  signals[OPEN_EXECUTION] =
    g_signal_new ("open-execution", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[RUN_AGAIN] =
    g_signal_new ("run-again", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, ZZ_TYPE_EXECUTION);
  signals[EXECUTION_DELETED] =
    g_signal_new ("execution-deleted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_install_action (widget_class, "history.open", "s", open_action);
  gtk_widget_class_install_action (widget_class, "history.run-again", "s", run_again_action);
  gtk_widget_class_install_action (widget_class, "history.delete", "s", delete_action);

  g_type_ensure (ZZ_TYPE_HISTORY_ITEM);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/zzyra/Desktop/ui/zz-history-view.ui");
  gtk_widget_class_bind_template_child (widget_class, ZzHistoryView, stack);
  gtk_widget_class_bind_template_child (widget_class, ZzHistoryView, list_view);
  gtk_widget_class_bind_template_callback (widget_class, on_activate_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "zzhistoryview");
}

static void
zz_history_view_init (ZzHistoryView *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->items = g_list_store_new (ZZ_TYPE_HISTORY_ITEM);
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->items)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
}

GtkWidget *
zz_history_view_new (void)
{
  return g_object_new (ZZ_TYPE_HISTORY_VIEW, NULL);
}

void
zz_history_view_set_store (ZzHistoryView *self,
                           ZzStore       *store)
{
  g_return_if_fail (ZZ_IS_HISTORY_VIEW (self));

  if (g_set_object (&self->store, store))
    zz_history_view_reload (self);
}

void
zz_history_view_set_workflow_id (ZzHistoryView *self,
                                 const char    *workflow_id)
{
  g_return_if_fail (ZZ_IS_HISTORY_VIEW (self));

  if (g_strcmp0 (self->workflow_id, workflow_id) == 0)
    return;
  g_free (self->workflow_id);
  self->workflow_id = g_strdup (workflow_id);
  zz_history_view_reload (self);
}

void
zz_history_view_reload (ZzHistoryView *self)
{
  g_autoptr(GPtrArray) executions = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_if_fail (ZZ_IS_HISTORY_VIEW (self));

  if (self->store != NULL && self->workflow_id != NULL)
    {
      executions = zz_store_list_executions (self->store, self->workflow_id, &error);
      if (executions == NULL)
        g_warning ("Could not list the runs of %s: %s", self->workflow_id, error->message);
    }

  for (guint i = 0; executions != NULL && i < executions->len; i++)
    {
      ZzHistoryItem *item = g_object_new (ZZ_TYPE_HISTORY_ITEM, NULL);

      item->execution = zz_execution_copy (g_ptr_array_index (executions, i));
      g_ptr_array_add (items, item);
    }
  g_list_store_splice (self->items, 0, g_list_model_get_n_items (G_LIST_MODEL (self->items)),
                       items->pdata, items->len);
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), items->len ? "list" : "empty");
}

GListModel *
zz_history_view_get_model (ZzHistoryView *self)
{
  g_return_val_if_fail (ZZ_IS_HISTORY_VIEW (self), NULL);

  return G_LIST_MODEL (self->items);
}

const ZzExecution *
zz_history_view_get_execution (ZzHistoryView *self,
                               guint          position)
{
  g_autoptr(ZzHistoryItem) item = NULL;

  g_return_val_if_fail (ZZ_IS_HISTORY_VIEW (self), NULL);

  item = g_list_model_get_item (G_LIST_MODEL (self->items), position);
  return item ? item->execution : NULL; /* the store keeps its reference */
}
