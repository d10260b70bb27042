/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zz-window"

#include "config.h"

#include <glib/gi18n.h>

#include "zz-ui-resources.h"
#include "zz-canvas.h"
#include "zz-window-private.h"
#include "zz-workflow-row.h"

G_DEFINE_FINAL_TYPE (ZzWindow, zz_window, ADW_TYPE_APPLICATION_WINDOW)

enum
{
  PROP_0,
  PROP_STORE,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

static const char *const selection_actions[] = {
  "win.rename",
  "win.duplicate",
  "win.export",
  "win.delete",
  "win.save",
  "win.tidy-up",
  "win.add-block",
};

static ZzWorkflowSummary *
zz_window_get_selected_summary (ZzWindow *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

/* Showing ------------------------------------------------------------------ */

static void
zz_window_update_actions (ZzWindow *self)
{
  gboolean has_workflow = zz_workflow_page_get_workflow (self->page) != NULL;

  for (guint i = 0; i < G_N_ELEMENTS (selection_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), selection_actions[i], has_workflow);
  gtk_widget_set_sensitive (GTK_WIDGET (self->workflow_menu_button), has_workflow);
}

static void
zz_window_show_workflow (ZzWindow   *self,
                         const char *id)
{
  ZzWorkflow *shown = zz_workflow_page_get_workflow (self->page);
  g_autoptr(ZzWorkflow) workflow = NULL;
  g_autoptr(GError) error = NULL;

  if (id != NULL && shown != NULL && g_strcmp0 (zz_workflow_get_id (shown), id) == 0)
    return;

  /* Only for another workflow: a search that hides this one keeps its
   * edits in the draft, offered back when it is opened again. */
  if (id != NULL && _zz_window_ask_to_save (self, ZZ_WINDOW_THEN_SELECT, id))
    return;

  if (id != NULL && (workflow = zz_store_get_workflow (self->store, id, &error)) == NULL)
    {
      g_autofree char *message =
        g_strdup_printf (_("Could not open the workflow: %s"), error->message);
      gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s", message);
    }

  g_free (self->selected_id);
  self->selected_id = workflow ? g_strdup (id) : NULL;

  _zz_window_save_viewport (self);
  zz_workflow_page_set_workflow (self->page, workflow);
  _zz_window_restore_viewport (self);
  gtk_stack_set_visible_child_name (self->content_stack, workflow ? "workflow" : "none");
  zz_window_update_actions (self);
}

static void
zz_window_update_view (ZzWindow *self)
{
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  gboolean    has_shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) > 0;
  gboolean    empty = !has_shown && search[0] == '\0';

  gtk_stack_set_visible_child_name (self->main_stack, empty ? "empty" : "workflows");
  gtk_stack_set_visible_child_name (self->sidebar_stack, has_shown ? "list" : "no-results");

  /* F10 opens the menu that can be seen. */
  gtk_menu_button_set_primary (self->empty_menu_button, empty);
  gtk_menu_button_set_primary (self->sidebar_menu_button, !empty);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search", !empty);
}

static gboolean
find_in_model (GListModel *model,
               const char *id,
               guint      *position)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; id != NULL && i < n; i++)
    {
      g_autoptr(ZzWorkflowSummary) summary = g_list_model_get_item (model, i);

      if (g_strcmp0 (zz_workflow_summary_get_id (summary), id) == 0)
        {
          *position = i;
          return TRUE;
        }
    }

  return FALSE;
}

void
_zz_window_select_workflow (ZzWindow   *self,
                            const char *id)
{
  g_autofree char *wanted = g_strdup (id);
  guint            position;

  if (find_in_model (G_LIST_MODEL (self->filtered), wanted, &position))
    {
      self->reloading++;
      gtk_single_selection_set_selected (self->selection, position);
      self->reloading--;
      zz_window_show_workflow (self, wanted);
      return;
    }

  self->reloading++;
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  self->reloading--;
  zz_window_show_workflow (self, NULL);
}

/* Loading ------------------------------------------------------------------ */

static gboolean
same_summary (ZzWorkflowSummary *a,
              ZzWorkflowSummary *b)
{
  return g_strcmp0 (zz_workflow_summary_get_id (a), zz_workflow_summary_get_id (b)) == 0 &&
         g_strcmp0 (zz_workflow_summary_get_updated_at (a), zz_workflow_summary_get_updated_at (b)) == 0 &&
         g_strcmp0 (zz_workflow_summary_get_name (a), zz_workflow_summary_get_name (b)) == 0 &&
         zz_workflow_summary_get_last_status (a) == zz_workflow_summary_get_last_status (b) &&
         zz_workflow_summary_get_version (a) == zz_workflow_summary_get_version (b) &&
         zz_workflow_summary_get_node_count (a) == zz_workflow_summary_get_node_count (b);
}

/* Reads the list again and replaces only the rows that changed, so that the
 * list keeps its scroll position and the rows that did not change. */
void
_zz_window_reload (ZzWindow *self)
{
  g_autoptr(GListModel) fresh = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) added = NULL;
  guint n_old, n_new, prefix = 0, suffix = 0;

  fresh = zz_store_list_workflows (self->store, zz_store_get_current_user_id (self->store), &error);
  if (fresh == NULL)
    {
      g_autofree char *message =
        g_strdup_printf (_("Could not read the workflows: %s"), error->message);
      gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s", message);
      return;
    }

  n_old = g_list_model_get_n_items (G_LIST_MODEL (self->workflows));
  n_new = g_list_model_get_n_items (fresh);

  while (prefix < n_old && prefix < n_new)
    {
      g_autoptr(ZzWorkflowSummary) a = g_list_model_get_item (G_LIST_MODEL (self->workflows), prefix);
      g_autoptr(ZzWorkflowSummary) b = g_list_model_get_item (fresh, prefix);

      if (!same_summary (a, b))
        break;
      prefix++;
    }
  while (suffix < n_old - prefix && suffix < n_new - prefix)
    {
      g_autoptr(ZzWorkflowSummary) a = g_list_model_get_item (G_LIST_MODEL (self->workflows), n_old - 1 - suffix);
      g_autoptr(ZzWorkflowSummary) b = g_list_model_get_item (fresh, n_new - 1 - suffix);

      if (!same_summary (a, b))
        break;
      suffix++;
    }

  added = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = prefix; i < n_new - suffix; i++)
    g_ptr_array_add (added, g_list_model_get_item (fresh, i));

  if (n_old - prefix - suffix == 0 && added->len == 0)
    return;

  self->reloading++;
  g_list_store_splice (self->workflows, prefix, n_old - prefix - suffix, added->pdata, added->len);
  self->reloading--;

  /* The selected row may have been replaced by its newer self. */
  _zz_window_select_workflow (self, self->selected_id);
}

static void
on_workflows_changed_cb (ZzWindow *self,
                         ZzStore  *store)
{
  _zz_window_reload (self);
}

static void
on_is_active_notified_cb (ZzWindow   *self,
                          GParamSpec *pspec)
{
  if (gtk_window_is_active (GTK_WINDOW (self)))
    _zz_window_reload (self);
}

gboolean
_zz_window_add_workflow (ZzWindow   *self,
                         ZzWorkflow *workflow,
                         GError    **error)
{
  zz_workflow_set_user_id (workflow, zz_store_get_current_user_id (self->store));
  if (!zz_store_insert_workflow (self->store, workflow, error))
    return FALSE;

  /* A search that would hide the new workflow is cleared. */
  if (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))[0] != '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");

  g_free (self->selected_id);
  self->selected_id = g_strdup (zz_workflow_get_id (workflow));
  _zz_window_reload (self);
  _zz_window_select_workflow (self, zz_workflow_get_id (workflow));

  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);

  return TRUE;
}

/* Sidebar ------------------------------------------------------------------ */

static gboolean
filter_workflow_cb (gpointer item,
                    gpointer user_data)
{
  ZzWindow          *self = user_data;
  ZzWorkflowSummary *summary = item;
  const char        *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  if (g_hash_table_contains (self->pending_deletions, zz_workflow_summary_get_id (summary)))
    return FALSE;

  return search[0] == '\0' || zz_workflow_summary_matches (summary, search);
}

static void
on_search_changed_cb (ZzWindow       *self,
                      GtkSearchEntry *entry)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
on_search_stopped_cb (ZzWindow       *self,
                      GtkSearchEntry *entry)
{
  if (gtk_editable_get_text (GTK_EDITABLE (entry))[0] != '\0')
    gtk_editable_set_text (GTK_EDITABLE (entry), "");
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

static void
on_filtered_items_changed_cb (ZzWindow   *self,
                              guint       position,
                              guint       removed,
                              guint       added,
                              GListModel *model)
{
  zz_window_update_view (self);
}

static void
on_selected_item_changed_cb (ZzWindow           *self,
                             GParamSpec         *pspec,
                             GtkSingleSelection *selection)
{
  ZzWorkflowSummary *summary;

  if (self->reloading > 0)
    return;

  summary = zz_window_get_selected_summary (self);
  zz_window_show_workflow (self, summary ? zz_workflow_summary_get_id (summary) : NULL);
}

static void
on_list_view_activated_cb (ZzWindow    *self,
                           guint        position,
                           GtkListView *list_view)
{
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
on_back_button_clicked_cb (ZzWindow  *self,
                           GtkButton *button)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* When folded, a click on a row opens it, even if it was selected already
 * (the selection does not change, so that alone would not). */
static void
on_row_released_cb (ZzWindow        *self,
                    int              n_press,
                    double           x,
                    double           y,
                    GtkGestureClick *gesture)
{
  if (adw_leaflet_get_folded (self->leaflet) && self->selected_id != NULL)
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
on_setup_row_cb (ZzWindow                 *self,
                 GtkListItem              *item,
                 GtkSignalListItemFactory *factory)
{
  GtkWidget  *row = zz_workflow_row_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  g_signal_connect_object (click, "released", G_CALLBACK (on_row_released_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (click));
  gtk_list_item_set_child (item, row);
}

static void
on_bind_row_cb (ZzWindow                 *self,
                GtkListItem              *item,
                GtkSignalListItemFactory *factory)
{
  zz_workflow_row_set_summary (ZZ_WORKFLOW_ROW (gtk_list_item_get_child (item)),
                               gtk_list_item_get_item (item));
}

static void
on_unbind_row_cb (ZzWindow                 *self,
                  GtkListItem              *item,
                  GtkSignalListItemFactory *factory)
{
  zz_workflow_row_set_summary (ZZ_WORKFLOW_ROW (gtk_list_item_get_child (item)), NULL);
}

/* Deleting, with Undo ------------------------------------------------------- */

static gboolean
zz_window_delete_now (ZzWindow   *self,
                      const char *id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  gpointer         value;

  if (!g_hash_table_steal_extended (self->pending_deletions, id, NULL, &value))
    return TRUE;
  name = value;

  if (!zz_store_delete_workflow (self->store, id, &error) &&
      !g_error_matches (error, ZZ_STORE_ERROR, ZZ_STORE_ERROR_NOT_FOUND))
    {
      g_autofree char *message =
        g_strdup_printf (_("Could not delete “%s”: %s"), name, error->message);

      g_warning ("Could not delete workflow %s: %s", id, error->message);
      gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_LESS_STRICT);
      gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s", message);
      return FALSE;
    }

  return TRUE;
}

void
_zz_window_flush_deletions (ZzWindow *self)
{
  g_autofree gpointer *ids = NULL;
  guint                n_ids;

  if (self->pending_deletions == NULL)
    return;

  ids = g_hash_table_get_keys_as_array (self->pending_deletions, &n_ids);
  for (guint i = 0; i < n_ids; i++)
    {
      g_autofree char *id = g_strdup (ids[i]);

      zz_window_delete_now (self, id);
    }

  if (self->delete_toast != NULL)
    adw_toast_dismiss (self->delete_toast);
}

static void
on_delete_toast_dismissed_cb (ZzWindow *self,
                              AdwToast *toast)
{
  const char *id = g_object_get_data (G_OBJECT (toast), "workflow-id");

  if (self->pending_deletions != NULL && id != NULL)
    zz_window_delete_now (self, id);
}

/* Hides the open workflow at once and deletes it when its toast goes,
 * so that Undo can still bring it back. */
static void
zz_window_delete_confirmed (ZzWindow   *self,
                            const char *workflow_id)
{
  ZzWorkflow      *workflow = zz_workflow_page_get_workflow (self->page);
  g_autofree char *id = NULL;
  g_autofree char *markup = NULL;
  AdwToast        *toast;
  guint            position = 0;

  /* The dialog may outlive the workflow it asked about. */
  if (workflow == NULL || g_strcmp0 (zz_workflow_get_id (workflow), workflow_id) != 0)
    return;

  /* One Undo at a time: the previous deletion becomes final. */
  if (self->delete_toast != NULL)
    adw_toast_dismiss (self->delete_toast);

  /* Deleting the workflow deletes its unsaved changes too: no "Save changes?"
   * after the user said Delete, and no draft left behind. */
  zz_workflow_page_discard_changes (self->page);
  zz_workflow_page_flush (self->page);
  workflow = zz_workflow_page_get_workflow (self->page);
  id = g_strdup (zz_workflow_get_id (workflow));
  find_in_model (G_LIST_MODEL (self->filtered), id, &position);
  g_hash_table_insert (self->pending_deletions, g_strdup (id),
                       g_strdup (zz_workflow_get_name (workflow)));

  self->reloading++;
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_MORE_STRICT);
  self->reloading--;

  /* Select the row that took its place, as a list does after a deletion. */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) > 0)
    {
      g_autoptr(ZzWorkflowSummary) next = NULL;

      position = MIN (position, g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) - 1);
      next = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);
      _zz_window_select_workflow (self, zz_workflow_summary_get_id (next));
    }
  else
    _zz_window_select_workflow (self, NULL);

  markup = g_markup_printf_escaped (_("“%s” deleted"), (const char *) g_hash_table_lookup (self->pending_deletions, id));
  toast = adw_toast_new (markup);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo-delete");
  adw_toast_set_action_target_value (toast, g_variant_new_string (id));
  g_object_set_data_full (G_OBJECT (toast), "workflow-id", g_strdup (id), g_free);
  g_signal_connect_object (toast, "dismissed",
                           G_CALLBACK (on_delete_toast_dismissed_cb), self, G_CONNECT_SWAPPED);

  g_set_weak_pointer (&self->delete_toast, toast);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
on_delete_dialog_responded_cb (ZzWindow         *self,
                               const char       *response,
                               AdwMessageDialog *dialog)
{
  if (g_strcmp0 (response, "delete") == 0)
    zz_window_delete_confirmed (self, g_object_get_data (G_OBJECT (dialog), "workflow-id"));
}

static char *
describe_deletion (ZzWindow   *self,
                   ZzWorkflow *workflow)
{
  g_autoptr(GPtrArray) runs = NULL;
  g_autofree char *what = NULL;
  guint            n_runs;

  runs = zz_store_list_executions (self->store, zz_workflow_get_id (workflow), NULL);
  n_runs = runs != NULL ? runs->len : 0;

  if (n_runs == 0)
    /* Translators: %s is a workflow's name */
    what = g_strdup_printf (_("“%s” will be deleted."), zz_workflow_get_name (workflow));
  else
    /* Translators: %1$s is a workflow's name, %2$u how many runs it has */
    what = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "“%1$s” and its %2$u run will be deleted.",
                                         "“%1$s” and its %2$u runs will be deleted.", n_runs),
                            zz_workflow_get_name (workflow), n_runs);

  if (zz_workflow_page_get_modified (self->page))
    return g_strconcat (what, " ", _("Its unsaved changes will be lost too."), NULL);
  return g_steal_pointer (&what);
}

/* As Files asks before a permanent deletion: a question that says what
 * goes, with the destructive answer marked and not the default. */
static void
zz_window_delete_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  ZzWindow        *self = ZZ_WINDOW (widget);
  ZzWorkflow      *workflow = zz_workflow_page_get_workflow (self->page);
  g_autofree char *body = NULL;
  GtkWidget       *dialog;

  if (workflow == NULL)
    return;

  body = describe_deletion (self, workflow);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Delete Workflow?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"), "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "workflow-id",
                          g_strdup (zz_workflow_get_id (workflow)), g_free);
  g_signal_connect_object (dialog, "response",
                           G_CALLBACK (on_delete_dialog_responded_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
zz_window_undo_delete_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  ZzWindow   *self = ZZ_WINDOW (widget);
  const char *id = g_variant_get_string (parameter, NULL);

  if (!g_hash_table_remove (self->pending_deletions, id))
    return;

  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_LESS_STRICT);
  _zz_window_select_workflow (self, id);

  if (self->delete_toast != NULL &&
      g_strcmp0 (g_object_get_data (G_OBJECT (self->delete_toast), "workflow-id"), id) == 0)
    adw_toast_dismiss (self->delete_toast);
}

/* win.show-toast('MESSAGE'): how any widget in the window tells the user
 * something in passing; the message is plain text. */
static void
zz_window_show_toast_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  ZzWindow        *self = ZZ_WINDOW (widget);
  g_autofree char *markup = g_markup_escape_text (g_variant_get_string (parameter, NULL), -1);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (markup));
}

static void
zz_window_search_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  ZzWindow *self = ZZ_WINDOW (widget);

  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* Window state ------------------------------------------------------------- */

static gboolean
zz_window_close_request (GtkWindow *window)
{
  ZzWindow *self = ZZ_WINDOW (window);

  if (_zz_window_ask_to_save (self, ZZ_WINDOW_THEN_CLOSE, NULL))
    return TRUE;

  zz_workflow_page_flush (self->page);
  _zz_window_flush_deletions (self);

  if (self->settings != NULL)
    {
      int width, height;

      gtk_window_get_default_size (window, &width, &height);
      g_settings_delay (self->settings);
      if (!gtk_window_is_maximized (window))
        {
          g_settings_set_int (self->settings, "window-width", width);
          g_settings_set_int (self->settings, "window-height", height);
        }
      g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
      g_settings_set_string (self->settings, "last-workflow", self->selected_id ? self->selected_id : "");
      _zz_window_save_viewport (self);
      g_settings_apply (self->settings);
    }

  return GTK_WINDOW_CLASS (zz_window_parent_class)->close_request (window);
}

static GSettings *
create_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  /* Running from the build dir without GSETTINGS_SCHEMA_DIR must not abort. */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema == NULL)
    {
      g_warning ("GSettings schema %s is not installed; window state will not be kept", APPLICATION_ID);
      return NULL;
    }

  return g_settings_new_full (schema, NULL, NULL);
}

static void
zz_window_constructed (GObject *object)
{
  ZzWindow        *self = ZZ_WINDOW (object);
  g_autofree char *last = NULL;

  G_OBJECT_CLASS (zz_window_parent_class)->constructed (object);

  g_return_if_fail (ZZ_IS_STORE (self->store));

  self->page = ZZ_WORKFLOW_PAGE (zz_workflow_page_new (self->store));
  gtk_stack_add_named (self->content_stack, GTK_WIDGET (self->page), "workflow");
  _zz_window_init_document (self);
  _zz_window_init_run (self);

  g_signal_connect_object (self->store, "workflows-changed",
                           G_CALLBACK (on_workflows_changed_cb), self, G_CONNECT_SWAPPED);
  /* zzyra-cli may have changed the database meanwhile: the list is read
   * again whenever the user comes back to the window. */
  g_signal_connect (self, "notify::is-active", G_CALLBACK (on_is_active_notified_cb), NULL);

#if ADW_CHECK_VERSION(1, 4, 0)
  /* Too narrow for the side panel beside the canvas: it slides over it.
   * (Before libadwaita 1.4 the page decides this from its own width.) */
  /* Built against the 1.2 floor (ADW_VERSION_MAX_ALLOWED), run on 1.4. */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  {
    AdwBreakpoint *narrow = adw_breakpoint_new (adw_breakpoint_condition_parse ("max-width: 1000sp"));

    adw_breakpoint_add_setters (narrow, G_OBJECT (self->page), "narrow", TRUE, NULL);
    adw_application_window_add_breakpoint (ADW_APPLICATION_WINDOW (self), narrow);
  }
  G_GNUC_END_IGNORE_DEPRECATIONS
#endif

  /* The menu's check item follows the canvas, whichever sets it. */
  {
    g_autoptr(GPropertyAction) minimap = NULL;

    minimap = g_property_action_new ("show-minimap", zz_workflow_page_get_canvas (self->page), "show-minimap");
    g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (minimap));
  }

  self->settings = create_settings ();
  if (self->settings != NULL)
    {
      gtk_window_set_default_size (GTK_WINDOW (self),
                                   g_settings_get_int (self->settings, "window-width"),
                                   g_settings_get_int (self->settings, "window-height"));
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
      /* As the user last dragged them. */
      g_settings_bind (self->settings, "run-panel-height", self->page, "run-panel-height", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "side-panel-width", self->page, "side-panel-width", G_SETTINGS_BIND_DEFAULT);
      /* A way of working, kept across restarts like the panels' sizes. */
      g_settings_bind (self->settings, "show-minimap", zz_workflow_page_get_canvas (self->page), "show-minimap",
                       G_SETTINGS_BIND_DEFAULT);
      last = g_settings_get_string (self->settings, "last-workflow");
    }

  _zz_window_reload (self);
  zz_window_update_view (self);

  if (last != NULL && last[0] != '\0')
    _zz_window_select_workflow (self, last);
  if (self->selected_id == NULL && g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) > 0)
    {
      g_autoptr(ZzWorkflowSummary) first = g_list_model_get_item (G_LIST_MODEL (self->filtered), 0);

      _zz_window_select_workflow (self, zz_workflow_summary_get_id (first));
    }
  zz_window_update_actions (self);
}

static void
zz_window_dispose (GObject *object)
{
  ZzWindow *self = ZZ_WINDOW (object);

  _zz_window_flush_deletions (self);
  g_clear_pointer (&self->pending_deletions, g_hash_table_unref);
  g_clear_weak_pointer (&self->delete_toast);
  /* "Save changes?" may outlive the window it asked about: its response
   * closes the window while the dialog is still being emitted. GTK keeps a
   * transient parent unowned and unhooks it only when the dialog goes, so
   * it must let go of the window before the window is finalized. */
  if (self->save_dialog != NULL)
    {
      gtk_window_set_transient_for (self->save_dialog, NULL);
      gtk_window_destroy (self->save_dialog);
    }
  g_clear_weak_pointer (&self->save_dialog);
  _zz_window_dispose_run (self);
  if (self->restore_viewport_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (zz_workflow_page_get_canvas (self->page)), self->restore_viewport_id);
  self->restore_viewport_id = 0;
  /* It follows the canvas, which goes with the page after the window's
   * action group: it must not tell the group of a change then. */
  g_action_map_remove_action (G_ACTION_MAP (self), "show-minimap");

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);

  gtk_widget_dispose_template (GTK_WIDGET (self), ZZ_TYPE_WINDOW);

  g_clear_object (&self->selection);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->workflows);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->selected_id, g_free);

  G_OBJECT_CLASS (zz_window_parent_class)->dispose (object);
}

static void
zz_window_finalize (GObject *object)
{
  ZzWindow *self = ZZ_WINDOW (object);

  g_clear_object (&self->store);

  G_OBJECT_CLASS (zz_window_parent_class)->finalize (object);
}

static void
zz_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  ZzWindow *self = ZZ_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zz_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  ZzWindow *self = ZZ_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zz_window_class_init (ZzWindowClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  /* The resources register themselves when linked; a static library links
   * their object only if something refers to it. */
  (void) zz_ui_get_resource ();

  object_class->constructed = zz_window_constructed;
  object_class->dispose = zz_window_dispose;
  object_class->finalize = zz_window_finalize;
  object_class->get_property = zz_window_get_property;
  object_class->set_property = zz_window_set_property;
  window_class->close_request = zz_window_close_request;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, ZZ_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/zzyra/Desktop/ui/zz-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ZzWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ZzWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, ZzWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, ZzWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, ZzWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, ZzWindow, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, ZzWindow, list_view);
  gtk_widget_class_bind_template_child (widget_class, ZzWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, ZzWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, ZzWindow, no_selection_page);
  gtk_widget_class_bind_template_child (widget_class, ZzWindow, empty_menu_button);
  gtk_widget_class_bind_template_child (widget_class, ZzWindow, sidebar_menu_button);
  gtk_widget_class_bind_template_child (widget_class, ZzWindow, workflow_menu_button);
  gtk_widget_class_bind_template_child (widget_class, ZzWindow, run_button);
  gtk_widget_class_bind_template_child (widget_class, ZzWindow, notifications_button);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_stopped_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_view_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_back_button_clicked_cb);

  gtk_widget_class_install_action (widget_class, "win.delete", NULL, zz_window_delete_action);
  gtk_widget_class_install_action (widget_class, "win.undo-delete", "s", zz_window_undo_delete_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, zz_window_search_action);
  gtk_widget_class_install_action (widget_class, "win.show-toast", "s", zz_window_show_toast_action);
  /* Delete alone is the canvas's, for nodes, and the text's in an entry. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, GDK_CONTROL_MASK, "win.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, GDK_CONTROL_MASK, "win.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);

  _zz_window_class_init_actions (widget_class);
  _zz_window_class_init_run (widget_class);
  _zz_window_class_init_document (widget_class);
}

static void
zz_window_init (ZzWindow *self)
{
  GtkListItemFactory *factory;

  g_type_ensure (ZZ_TYPE_WORKFLOW_ROW);
  gtk_widget_init_template (GTK_WIDGET (self));

  self->pending_deletions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  self->workflows = g_list_store_new (ZZ_TYPE_WORKFLOW_SUMMARY);
  self->filter = gtk_custom_filter_new (filter_workflow_cb, self, NULL);
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->workflows)),
                                              g_object_ref (GTK_FILTER (self->filter)));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect_object (self->filtered, "items-changed",
                           G_CALLBACK (on_filtered_items_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (on_selected_item_changed_cb), self, G_CONNECT_SWAPPED);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect_object (factory, "setup", G_CALLBACK (on_setup_row_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (factory, "bind", G_CALLBACK (on_bind_row_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (on_unbind_row_cb), self, G_CONNECT_SWAPPED);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);

  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->list_view));

  adw_status_page_set_icon_name (self->empty_page, "org.zzyra.Desktop-symbolic");
  adw_status_page_set_icon_name (self->no_selection_page, "org.zzyra.Desktop-symbolic");

#ifdef DEVELOPMENT_BUILD
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif
}

ZzWindow *
zz_window_new (GtkApplication *app,
               ZzStore        *store)
{
  g_return_val_if_fail (app == NULL || GTK_IS_APPLICATION (app), NULL);
  g_return_val_if_fail (ZZ_IS_STORE (store), NULL);

  return g_object_new (ZZ_TYPE_WINDOW,
                       "application", app,
                       "store", store,
                       NULL);
}

ZzStore *
zz_window_get_store (ZzWindow *self)
{
  g_return_val_if_fail (ZZ_IS_WINDOW (self), NULL);

  return self->store;
}

/* For tests ---------------------------------------------------------------- */

const char *
_zz_window_get_visible_page (ZzWindow *self)
{
  g_return_val_if_fail (ZZ_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->main_stack);
}

GListModel *
_zz_window_get_shown_workflows (ZzWindow *self)
{
  g_return_val_if_fail (ZZ_IS_WINDOW (self), NULL);

  return G_LIST_MODEL (self->filtered);
}

const char *
_zz_window_get_selected_id (ZzWindow *self)
{
  g_return_val_if_fail (ZZ_IS_WINDOW (self), NULL);

  return self->selected_id;
}

void
_zz_window_set_search (ZzWindow   *self,
                       const char *text)
{
  g_return_if_fail (ZZ_IS_WINDOW (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  /* search-changed is delayed; the filter must follow at once. */
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}
