/* zz-history-view.c: the list of a workflow's past executions */
#define G_LOG_DOMAIN "zz-history-view"

#include "config.h"

#include <glib/gi18n.h>

#include "zz-history-view.h"
#include "zz-node-run-item.h"
#include "zz-time.h"

/* A ZzExecution row as a list item. */
#define ZZ_TYPE_HISTORY_ITEM (zz_history_item_get_type ())
G_DECLARE_FINAL_TYPE (ZzHistoryItem, zz_history_item, ZZ, HISTORY_ITEM, GObject)

struct _ZzHistoryItem
{
  GObject      parent_instance;
  ZzExecution *execution;
};

G_DEFINE_FINAL_TYPE (ZzHistoryItem, zz_history_item, G_TYPE_OBJECT)

static void
zz_history_item_finalize (GObject *object)
{
  g_clear_pointer (&ZZ_HISTORY_ITEM (object)->execution, zz_execution_free);
  G_OBJECT_CLASS (zz_history_item_parent_class)->finalize (object);
}

static void
zz_history_item_class_init (ZzHistoryItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = zz_history_item_finalize;
}

static void
zz_history_item_init (ZzHistoryItem *self)
{
}

struct _ZzHistoryView
{
  GtkWidget   parent_instance;

  ZzStore    *store;
  char       *workflow_id;
  GListStore *items;
  GtkWidget  *stack;
  GtkWidget  *list_view;
};

G_DEFINE_FINAL_TYPE (ZzHistoryView, zz_history_view, GTK_TYPE_WIDGET)

enum { OPEN_EXECUTION, RUN_AGAIN, EXECUTION_DELETED, N_SIGNALS };
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
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon = gtk_image_new ();
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);
  GtkWidget *again = gtk_button_new_from_icon_name ("view-refresh-symbolic");
  GtkWidget *delete = gtk_button_new_from_icon_name ("user-trash-symbolic");

  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_add_css_class (icon, "run-status");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_set_hexpand (labels, TRUE);
  gtk_box_append (GTK_BOX (labels), title);
  gtk_box_append (GTK_BOX (labels), subtitle);

  gtk_widget_set_tooltip_text (again, _("Run Again"));
  gtk_widget_set_tooltip_text (delete, _("Delete"));
  gtk_widget_set_valign (again, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (delete, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (again, "flat");
  gtk_widget_add_css_class (delete, "flat");

  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), labels);
  gtk_box_append (GTK_BOX (box), again);
  gtk_box_append (GTK_BOX (box), delete);
  gtk_list_item_set_child (list_item, box);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             gpointer                  user_data)
{
  ZzHistoryItem *item = gtk_list_item_get_item (list_item);
  const ZzExecution *execution = item->execution;
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *icon = gtk_widget_get_first_child (box);
  GtkWidget *labels = gtk_widget_get_next_sibling (icon);
  GtkWidget *again = gtk_widget_get_next_sibling (labels);
  GtkWidget *delete = gtk_widget_get_next_sibling (again);
  GtkWidget *title = gtk_widget_get_first_child (labels);
  GtkWidget *subtitle = gtk_widget_get_next_sibling (title);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *when = execution->started_at ? zz_time_format_relative (execution->started_at, now) : NULL;
  g_autofree char *duration = NULL;
  g_autofree char *text = NULL;
  GString *parts = g_string_new (when);
  const char *trigger = execution->trigger ? execution->trigger : "manual";

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
  text = g_string_free (parts, FALSE);

  zz_status_image_update (GTK_IMAGE (icon), execution->status);
  gtk_label_set_label (GTK_LABEL (title), zz_status_title (execution->status));
  gtk_label_set_label (GTK_LABEL (subtitle), text);
  gtk_widget_set_tooltip_text (labels, execution->error);

  /* The target first: an action with a parameter refuses a button without one. */
  gtk_actionable_set_action_target (GTK_ACTIONABLE (again), "s", execution->id);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (again), "history.run-again");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (delete), "s", execution->id);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (delete), "history.delete");
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
  ZzHistoryView *self = ZZ_HISTORY_VIEW (widget);
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
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Delete This Run?"),
                                   _("Its record and the results of its nodes will be gone for good."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
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

  g_clear_pointer (&self->stack, gtk_widget_unparent);
  g_clear_object (&self->items);
  g_clear_object (&self->store);
  g_clear_pointer (&self->workflow_id, g_free);

  G_OBJECT_CLASS (zz_history_view_parent_class)->dispose (object);
}

static void
zz_history_view_class_init (ZzHistoryViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
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

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "zzhistoryview");
}

static void
zz_history_view_init (ZzHistoryView *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkNoSelection *selection;
  GtkWidget *scroller, *empty;

  self->items = g_list_store_new (ZZ_TYPE_HISTORY_ITEM);
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->items)));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  self->list_view = gtk_list_view_new (GTK_SELECTION_MODEL (selection), g_object_ref (factory));
  gtk_list_view_set_single_click_activate (GTK_LIST_VIEW (self->list_view), TRUE);
  gtk_widget_add_css_class (self->list_view, "navigation-sidebar");
  g_signal_connect_object (self->list_view, "activate",
                           G_CALLBACK (on_activate_cb), self, G_CONNECT_SWAPPED);

  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), self->list_view);

  /* The panel is short: a status page's big icon would not fit. */
  empty = gtk_label_new (_("No runs yet: each run of this workflow is kept here"));
  gtk_label_set_wrap (GTK_LABEL (empty), TRUE);
  gtk_widget_add_css_class (empty, "dim-label");

  self->stack = gtk_stack_new ();
  gtk_stack_add_named (GTK_STACK (self->stack), empty, "empty");
  gtk_stack_add_named (GTK_STACK (self->stack), scroller, "list");
  gtk_widget_set_parent (self->stack, GTK_WIDGET (self));
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
  return item ? item->execution : NULL;   /* the store keeps its reference */
}
