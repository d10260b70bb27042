/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zz-window-run.c: running workflows from the window: the Run/Stop button,
 * the trigger's input dialog, the run panel fed by the run manager, what a
 * finished run tells the user, and the notifications button. */
#define G_LOG_DOMAIN "zz-window"

#include "config.h"

#include <glib/gi18n.h>

#include "zz-json.h"
#include "zz-notifications-popover.h"
#include "zz-problems-view.h"
#include "zz-run-manager.h"
#include "zz-run-panel.h"
#include "zz-window-private.h"

static ZzRunPanel *
get_run_panel (ZzWindow *self)
{
  return zz_workflow_page_get_run_panel (self->page);
}

static const char *
shown_workflow_id (ZzWindow *self)
{
  ZzWorkflow *workflow = zz_workflow_page_get_workflow (self->page);

  return workflow ? zz_workflow_get_id (workflow) : NULL;
}

/* The start of the header bar says what Ctrl+R would do now. A workflow
 * with errors would only fail at its first node: Run waits for them to be
 * fixed, and its tooltip says what the first one is. */
static void
update_run_button (ZzWindow *self)
{
  const char       *id = shown_workflow_id (self);
  gboolean          running = zz_run_manager_is_running (self->runs, id);
  AdwButtonContent *content = ADW_BUTTON_CONTENT (gtk_button_get_child (self->run_button));
  ZzProblemsView   *problems = zz_workflow_page_get_problems_view (self->page);
  gboolean          has_errors = id != NULL && zz_problems_view_get_has_errors (problems);

  adw_button_content_set_icon_name (content, running ? "media-playback-stop-symbolic"
                                                     : "media-playback-start-symbolic");
  adw_button_content_set_label (content, running ? _("Stop") : _("Run"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->run_button), running ? "win.stop" : "win.run");
  if (running)
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->run_button), _("Stop the Run (Ctrl+.)"));
  else if (has_errors)
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->run_button), zz_problems_view_get_first_error (problems));
  else
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->run_button), _("Run the Workflow (Ctrl+R)"));
  if (running)
    gtk_widget_add_css_class (GTK_WIDGET (self->run_button), "destructive-action");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->run_button), "destructive-action");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.run", id != NULL && !running && !has_errors);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.stop", running);
}

/* A workflow opens with its last run in the panel, as the sidebar shows
 * its last status: after a restart too. */
static void
show_last_run (ZzWindow   *self,
               ZzRunPanel *panel,
               ZzWorkflow *workflow)
{
  g_autoptr(GPtrArray) runs = NULL;
  g_autoptr(GError) error = NULL;
  ZzExecution *last;

  runs = zz_store_list_executions (self->store, zz_workflow_get_id (workflow), &error);
  if (runs == NULL || runs->len == 0)
    return;

  last = g_ptr_array_index (runs, 0);
  if (!zz_run_panel_open_execution (panel, last->id, &error))
    g_warning ("Could not show the last run of “%s”: %s", zz_workflow_get_name (workflow), error->message);
}

static void
on_page_workflow_changed_cb (ZzWindow *self)
{
  ZzWorkflow *workflow = zz_workflow_page_get_workflow (self->page);
  ZzRunPanel *panel = get_run_panel (self);

  zz_run_panel_set_workflow (panel, workflow);
  if (workflow != NULL)
    {
      ZzExecutionModel *live = zz_run_manager_get_model (self->runs, zz_workflow_get_id (workflow));

      if (live != NULL)
        zz_run_panel_set_model (panel, live);
      else if (zz_run_panel_get_model (panel) == NULL)
        show_last_run (self, panel, workflow);
    }
  update_run_button (self);
}

/* Starting ------------------------------------------------------------------- */

static void
start_run (ZzWindow   *self,
           ZzWorkflow *workflow,
           JsonNode   *input,
           const char *trigger)
{
  g_autoptr(GError) error = NULL;

  ZzExecutionModel *model;
  gboolean          unsaved;

  /* The run takes the document as the canvas shows it; a description
   * still being typed is saved first. */
  zz_workflow_page_flush (self->page);
  unsaved = zz_workflow_page_get_workflow (self->page) == workflow &&
            zz_workflow_page_get_modified (self->page);
  if (!zz_run_manager_start (self->runs, workflow, input, trigger, &error))
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s", error->message);
      return;
    }

  /* What ran is then not the saved workflow: its header says so. */
  model = zz_run_manager_get_model (self->runs, zz_workflow_get_id (workflow));
  if (model != NULL)
    zz_execution_model_set_unsaved_document (model, unsaved);
}

/* The inputs the workflow's manual trigger declares, or %NULL. */
static JsonArray *
find_declared_inputs (ZzWorkflow *workflow)
{
  GListModel *nodes = zz_workflow_get_nodes (workflow);

  for (guint i = 0; i < g_list_model_get_n_items (nodes); i++)
    {
      g_autoptr(ZzNode) node = g_list_model_get_item (nodes, i);
      JsonArray *inputs;

      if (g_strcmp0 (zz_node_get_block_type (node), "MANUAL_TRIGGER") != 0)
        continue;
      inputs = zz_json_object_get_array (zz_node_get_config (node), "inputs");
      if (inputs != NULL && json_array_get_length (inputs) > 0)
        return inputs;
    }
  return NULL;
}

static char *
default_text (JsonObject *declared)
{
  JsonNode *value = json_object_get_member (declared, "default");

  if (value == NULL || JSON_NODE_HOLDS_NULL (value))
    return g_strdup ("");
  if (JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_STRING)
    return g_strdup (json_node_get_string (value));
  return zz_json_to_string (value, FALSE);
}

/* The text of an entry as the value its declared type asks for; text that
 * is not a number, a boolean or JSON stays a string, and the trigger says
 * what is wrong with it. */
static JsonNode *
parse_input (const char *type,
             const char *text)
{
  JsonNode *node = NULL;

  if (g_strcmp0 (type, "string") != 0 && g_strcmp0 (type, "text") != 0)
    node = zz_json_parse (text, -1, NULL);
  if (node == NULL)
    {
      node = json_node_new (JSON_NODE_VALUE);
      json_node_set_string (node, text);
    }
  return node;
}

static void
on_inputs_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       ZzWindow         *self)
{
  ZzWorkflow *workflow = g_object_get_data (G_OBJECT (dialog), "workflow");
  GPtrArray  *rows = g_object_get_data (G_OBJECT (dialog), "rows");
  JsonArray  *inputs = g_object_get_data (G_OBJECT (dialog), "inputs");
  g_autoptr(JsonObject) values = json_object_new ();
  g_autoptr(JsonNode) input = NULL;

  if (g_strcmp0 (response, "run") != 0)
    return;

  for (guint i = 0; i < rows->len; i++)
    {
      JsonObject *declared = json_array_get_object_element (inputs, i);
      const char *name = zz_json_object_get_string (declared, "name", NULL);
      const char *text = gtk_editable_get_text (GTK_EDITABLE (g_ptr_array_index (rows, i)));

      if (name == NULL || text[0] == '\0')
        continue;
      json_object_set_member (values, name,
                              parse_input (zz_json_object_get_string (declared, "type", "string"), text));
    }
  input = zz_json_node_new_take_object (g_steal_pointer (&values));
  start_run (self, workflow, input, "manual");
}

static void
ask_for_inputs (ZzWindow   *self,
                ZzWorkflow *workflow,
                JsonArray  *inputs)
{
  GtkWidget       *dialog, *list;
  GPtrArray       *rows = g_ptr_array_new ();
  g_autofree char *heading = g_strdup_printf (_("Run “%s”"), zz_workflow_get_name (workflow));

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading,
                                   _("The workflow’s trigger takes these inputs"));
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_widget_set_size_request (list, 360, -1);
  for (guint i = 0; i < json_array_get_length (inputs); i++)
    {
      JsonObject      *declared = json_array_get_object_element (inputs, i);
      const char      *name = declared ? zz_json_object_get_string (declared, "name", NULL) : NULL;
      const char      *description = declared ? zz_json_object_get_string (declared, "description", NULL) : NULL;
      gboolean         required = declared && zz_json_object_get_bool (declared, "required", FALSE);
      g_autofree char *title = NULL;
      g_autofree char *text = NULL;
      GtkWidget       *row;

      if (name == NULL)
        continue;
      /* Translators: an input that must be given, in the Run dialog */
      title = required ? g_strdup_printf (_("%s (required)"), name) : g_strdup (name);
      text = default_text (declared);
      row = adw_entry_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      gtk_editable_set_text (GTK_EDITABLE (row), text);
      gtk_widget_set_tooltip_text (row, description);
      adw_entry_row_set_activates_default (ADW_ENTRY_ROW (row), TRUE);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
      g_ptr_array_add (rows, row);
    }

  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"), "run", _("_Run"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "run", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "run");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "workflow", g_object_ref (workflow), g_object_unref);
  g_object_set_data_full (G_OBJECT (dialog), "rows", rows, (GDestroyNotify) g_ptr_array_unref);
  g_object_set_data_full (G_OBJECT (dialog), "inputs", json_array_ref (inputs), (GDestroyNotify) json_array_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_inputs_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
zz_window_run_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ZzWindow   *self = ZZ_WINDOW (widget);
  ZzWorkflow *workflow = zz_workflow_page_get_workflow (self->page);
  JsonArray  *inputs;

  if (workflow == NULL || zz_run_manager_is_running (self->runs, zz_workflow_get_id (workflow)))
    return;
  if (zz_problems_view_get_has_errors (zz_workflow_page_get_problems_view (self->page)))
    return;

  if ((inputs = find_declared_inputs (workflow)) != NULL)
    ask_for_inputs (self, workflow, inputs);
  else
    start_run (self, workflow, NULL, "manual");
}

static void
zz_window_stop_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  ZzWindow *self = ZZ_WINDOW (widget);

  zz_run_manager_stop (self->runs, shown_workflow_id (self));
}

static void
on_run_again_cb (ZzWindow    *self,
                 ZzExecution *execution)
{
  ZzWorkflow *workflow = zz_workflow_page_get_workflow (self->page);
  g_autoptr(JsonNode) input = NULL;

  if (workflow == NULL || g_strcmp0 (zz_workflow_get_id (workflow), execution->workflow_id) != 0)
    return;
  if (execution->input != NULL)
    input = zz_json_parse (execution->input, -1, NULL);
  start_run (self, workflow, input, "rerun");
}

/* Showing a run ------------------------------------------------------------- */

/* Puts the failed node where the user looks: selected on the canvas, its
 * row and error in the panel. */
static void
select_failed_node (ZzWindow         *self,
                    ZzExecutionModel *model)
{
  ZzNodeRunItem *failed = zz_execution_model_find_failed (model);

  if (failed != NULL)
    zz_run_panel_select_node (get_run_panel (self), zz_node_run_item_get_node_id (failed));
}

void
_zz_window_show_execution (ZzWindow   *self,
                           const char *execution_id)
{
  g_autoptr(ZzExecution) execution = NULL;
  g_autoptr(GError) error = NULL;
  ZzExecutionModel *model;
  ZzRunPanel       *panel = get_run_panel (self);

  g_return_if_fail (ZZ_IS_WINDOW (self));

  execution = zz_store_get_execution (self->store, execution_id, &error);
  if (execution == NULL)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s", _("This run no longer exists"));
      return;
    }

  if (g_strcmp0 (shown_workflow_id (self), execution->workflow_id) != 0)
    _zz_window_select_workflow (self, execution->workflow_id);
  if (g_strcmp0 (shown_workflow_id (self), execution->workflow_id) != 0)
    return;

  /* The run of this session is already a model; an older one is read. */
  model = zz_run_manager_get_model (self->runs, execution->workflow_id);
  if (model != NULL && zz_execution_model_get_execution (model) != NULL &&
      g_strcmp0 (zz_execution_model_get_execution (model)->id, execution_id) == 0)
    zz_run_panel_set_model (panel, model);
  else if (!zz_run_panel_open_execution (panel, execution_id, &error))
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s", error->message);
      return;
    }

  zz_run_panel_show_page (panel, "run");
  select_failed_node (self, zz_run_panel_get_model (panel));
}

static void
zz_window_show_execution_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  _zz_window_show_execution (ZZ_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
on_run_started_cb (ZzWindow         *self,
                   const char       *workflow_id,
                   ZzExecutionModel *model)
{
  if (g_strcmp0 (workflow_id, shown_workflow_id (self)) == 0)
    {
      ZzRunPanel *panel = get_run_panel (self);

      zz_run_panel_set_model (panel, model);
      zz_run_panel_show_page (panel, "run");
    }
  update_run_button (self);
}

static void
notify_desktop (ZzWindow          *self,
                ZzWorkflow        *workflow,
                const ZzExecution *execution,
                ZzNodeRunItem     *failed)
{
  GApplication *app = G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  g_autoptr(GNotification) notification = NULL;
  g_autofree char *title = NULL;
  g_autofree char *tag = NULL;
  const char      *name = workflow ? zz_workflow_get_name (workflow) : _("Workflow");

  if (app == NULL)
    return;

  if (execution->status == ZZ_RUN_STATUS_COMPLETED)
    title = g_strdup_printf (_("“%s” completed"), name);
  else if (execution->status == ZZ_RUN_STATUS_CANCELLED)
    title = g_strdup_printf (_("“%s” was stopped"), name);
  else
    title = g_strdup_printf (_("“%s” failed"), name);

  notification = g_notification_new (title);
  if (failed != NULL)
    g_notification_set_body (notification, zz_node_run_item_get_error (failed));
  g_notification_set_default_action_and_target (notification, "app.show-execution", "s", execution->id);
  tag = g_strconcat ("run-", execution->workflow_id, NULL);
  g_application_send_notification (app, tag, notification);
}

static void
on_run_finished_cb (ZzWindow         *self,
                    const char       *workflow_id,
                    ZzExecutionModel *model,
                    const char       *error_message)
{
  const ZzExecution *execution = zz_execution_model_get_execution (model);
  ZzWorkflow        *workflow = zz_execution_model_get_workflow (model);
  ZzNodeRunItem     *failed = zz_execution_model_find_failed (model);
  gboolean           shown = g_strcmp0 (workflow_id, shown_workflow_id (self)) == 0;

  update_run_button (self);
  /* A NOTIFICATION block may have written a row. */
  zz_notifications_popover_reload (ZZ_NOTIFICATIONS_POPOVER (self->notifications));
  /* The sidebar shows each workflow's last run: this one just changed. */
  _zz_window_reload (self);

  if (error_message != NULL || execution == NULL)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s", error_message ? error_message : _("The run could not start"));
      return;
    }

  if (shown)
    zz_run_panel_reload_history (get_run_panel (self));

  if (!gtk_window_is_active (GTK_WINDOW (self)))
    notify_desktop (self, workflow, execution, failed);

  if (execution->status == ZZ_RUN_STATUS_FAILED && failed != NULL)
    {
      g_autofree char *title = NULL;
      g_autofree char *markup = NULL;
      AdwToast        *toast;

      if (shown)
        select_failed_node (self, model);

      /* Translators: a toast: "“Fetch price” failed: HTTP 404 Not Found" */
      title = g_strdup_printf (_("“%s” failed: %s"), zz_node_run_item_get_label (failed),
                                  zz_node_run_item_get_error (failed) ? zz_node_run_item_get_error (failed) : "");
      markup = g_markup_escape_text (title, -1);
      toast = adw_toast_new (markup);
      adw_toast_set_button_label (toast, _("Show"));
      adw_toast_set_action_name (toast, "win.show-execution");
      adw_toast_set_action_target_value (toast, g_variant_new_string (execution->id));
      adw_toast_set_timeout (toast, 8);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }
}

/* Set-up --------------------------------------------------------------------- */

void
_zz_window_init_run (ZzWindow *self)
{
  ZzRunPanel *panel = get_run_panel (self);

  self->runs = zz_run_manager_new (zz_store_get_path (self->store));
  self->run_signals = g_signal_group_new (ZZ_TYPE_RUN_MANAGER);
  g_signal_group_connect_object (self->run_signals, "run-started",
                                 G_CALLBACK (on_run_started_cb), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->run_signals, "run-finished",
                                 G_CALLBACK (on_run_finished_cb), self, G_CONNECT_SWAPPED);
  g_signal_group_set_target (self->run_signals, self->runs);

  self->problems_signals = g_signal_group_new (ZZ_TYPE_PROBLEMS_VIEW);
  g_signal_group_connect_object (self->problems_signals, "notify::has-errors",
                                 G_CALLBACK (update_run_button), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->problems_signals, "notify::first-error",
                                 G_CALLBACK (update_run_button), self, G_CONNECT_SWAPPED);
  g_signal_group_set_target (self->problems_signals, zz_workflow_page_get_problems_view (self->page));

  zz_run_panel_set_store (panel, self->store);
  g_signal_connect_object (panel, "run-again", G_CALLBACK (on_run_again_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->page, "notify::workflow",
                           G_CALLBACK (on_page_workflow_changed_cb), self, G_CONNECT_SWAPPED);

  self->notifications = zz_notifications_popover_new (self->store);
  zz_notifications_popover_attach (ZZ_NOTIFICATIONS_POPOVER (self->notifications), self->notifications_button);

  on_page_workflow_changed_cb (self);
}

void
_zz_window_dispose_run (ZzWindow *self)
{
  /* Runs go on only while their window is there to show them; what they
   * say after it is gone is for no one. */
  g_clear_object (&self->run_signals);
  g_clear_object (&self->problems_signals);
  if (self->runs != NULL)
    zz_run_manager_stop_all (self->runs);
  g_clear_object (&self->runs);
}

void
_zz_window_class_init_run (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.run", NULL, zz_window_run_action);
  gtk_widget_class_install_action (widget_class, "win.stop", NULL, zz_window_stop_action);
  gtk_widget_class_install_action (widget_class, "win.show-execution", "s", zz_window_show_execution_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "win.run", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.run", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_period, GDK_CONTROL_MASK, "win.stop", NULL);
}

ZzRunManager *
_zz_window_get_run_manager (ZzWindow *self)
{
  g_return_val_if_fail (ZZ_IS_WINDOW (self), NULL);

  return self->runs;
}

GtkWidget *
_zz_window_get_notifications (ZzWindow *self)
{
  g_return_val_if_fail (ZZ_IS_WINDOW (self), NULL);

  return self->notifications;
}
