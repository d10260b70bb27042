/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zz-run-panel.c: the nodes of a run and the history of runs, under the canvas */
#define G_LOG_DOMAIN "zz-run-panel"

#include "config.h"

#include <glib/gi18n.h>

#include "zz-json-tree.h"
#include "zz-node-run-item.h"
#include "zz-run-panel.h"
#include "zz-time.h"

struct _ZzRunPanel
{
  GtkWidget parent_instance;

  ZzStore            *store;
  ZzCanvas           *canvas;
  ZzWorkflow         *workflow;
  ZzExecutionModel   *model;
  GSignalGroup       *canvas_signals;
  GSignalGroup       *model_signals;
  GtkSingleSelection *selection;
  guint               syncing_selection : 1;

  GtkWidget     *box; /* template children */
  GtkImage      *status_icon;
  GtkLabel      *status_label;
  GtkWidget     *run_again_button;
  GtkStack      *stack;
  GtkStack      *run_stack;
  GtkListView   *list_view;
  GtkStack      *details_stack;
  GtkLabel      *node_title;
  GtkLabel      *error_label;
  GtkStack      *json_stack;
  ZzJsonTree    *output_tree;
  ZzJsonTree    *input_tree;
  ZzJsonTree    *config_tree;
  ZzHistoryView *history_view;
};

G_DEFINE_FINAL_TYPE (ZzRunPanel, zz_run_panel, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_CANVAS,
  PROP_MODEL,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

enum
{
  RUN_AGAIN,
  N_SIGNALS
};
static guint signals[N_SIGNALS];

/* Rows --------------------------------------------------------------------- */

static void
update_row (GtkWidget     *box,
            ZzNodeRunItem *item)
{
  GtkWidget       *stack = gtk_widget_get_first_child (box);
  GtkWidget       *label = gtk_widget_get_next_sibling (stack);
  GtkWidget       *duration = gtk_widget_get_next_sibling (label);
  GtkWidget       *icon = gtk_stack_get_child_by_name (GTK_STACK (stack), "icon");
  GtkWidget       *spinner = gtk_stack_get_child_by_name (GTK_STACK (stack), "spinner");
  ZzRunStatus      status = zz_node_run_item_get_status (item);
  g_autofree char *text = zz_format_duration (zz_node_run_item_get_duration_ms (item));
  gboolean         running = status == ZZ_RUN_STATUS_RUNNING;

  gtk_label_set_label (GTK_LABEL (label), zz_node_run_item_get_label (item));
  gtk_label_set_label (GTK_LABEL (duration), text);
  zz_status_image_update (GTK_IMAGE (icon), status);
  gtk_widget_set_tooltip_text (stack, zz_status_title (status));
  gtk_spinner_set_spinning (GTK_SPINNER (spinner), running);
  gtk_stack_set_visible_child_name (GTK_STACK (stack), running ? "spinner" : "icon");
  if (status == ZZ_RUN_STATUS_SKIPPED)
    gtk_widget_add_css_class (box, "dim-label");
  else
    gtk_widget_remove_css_class (box, "dim-label");
}

static void
on_item_notify_cb (ZzNodeRunItem *item,
                   GParamSpec    *pspec,
                   GtkWidget     *box)
{
  update_row (box, item);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  GtkWidget    *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget    *stack = gtk_stack_new ();
  GtkWidget    *label = gtk_label_new (NULL);
  GtkWidget    *duration = gtk_label_new (NULL);
  GSignalGroup *item_signals;

  gtk_stack_add_named (GTK_STACK (stack), gtk_image_new (), "icon");
  gtk_stack_add_named (GTK_STACK (stack), gtk_spinner_new (), "spinner");
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  /* A name gives way first, at its end; the duration keeps a column of its
   * own, aligned on the right, so that the rows' durations line up. */
  gtk_label_set_width_chars (GTK_LABEL (label), 4);
  gtk_label_set_xalign (GTK_LABEL (duration), 1);
  gtk_label_set_width_chars (GTK_LABEL (duration), 8);
  gtk_widget_add_css_class (duration, "dim-label");
  gtk_widget_add_css_class (duration, "numeric");
  gtk_widget_add_css_class (duration, "caption");
  gtk_box_append (GTK_BOX (box), stack);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), duration);
  gtk_list_item_set_child (list_item, box);

  /* The row follows its item while bound to it. */
  item_signals = g_signal_group_new (ZZ_TYPE_NODE_RUN_ITEM);
  g_signal_group_connect_object (item_signals, "notify::row", G_CALLBACK (on_item_notify_cb), box, 0);
  g_object_set_data_full (G_OBJECT (list_item), "item-signals", item_signals, g_object_unref);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             gpointer                  user_data)
{
  ZzNodeRunItem *item = gtk_list_item_get_item (list_item);
  GtkWidget     *box = gtk_list_item_get_child (list_item);

  update_row (box, item);
  g_signal_group_set_target (g_object_get_data (G_OBJECT (list_item), "item-signals"), item);
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  g_signal_group_set_target (g_object_get_data (G_OBJECT (list_item), "item-signals"), NULL);
}

/* Details ------------------------------------------------------------------ */

static ZzNodeRunItem *
selected_item (ZzRunPanel *self)
{
  return self->selection ? gtk_single_selection_get_selected_item (self->selection) : NULL;
}

static void
update_details (ZzRunPanel *self)
{
  ZzNodeRunItem         *item = selected_item (self);
  const ZzNodeExecution *row = item ? zz_node_run_item_get_row (item) : NULL;
  const char            *error;
  g_autofree char       *title = NULL;

  if (row == NULL)
    {
      gtk_stack_set_visible_child_name (self->details_stack, "none");
      return;
    }

  /* Translators: the selected node in the run panel: "Fetch price — Failed" */
  title = g_strdup_printf (_("%s — %s"), zz_node_run_item_get_label (item), zz_status_title (row->status));
  gtk_label_set_label (self->node_title, title);
  error = zz_node_run_item_get_error (item);
  gtk_label_set_label (self->error_label, error);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), error != NULL && error[0] != '\0');
  zz_json_tree_set_json (self->output_tree, row->output, zz_node_run_item_get_node_id (item));
  zz_json_tree_set_json (self->input_tree, row->input, NULL);
  zz_json_tree_set_json (self->config_tree, row->config, NULL);
  gtk_stack_set_visible_child_name (self->details_stack, "node");
}

static void
on_selected_changed_cb (ZzRunPanel *self)
{
  ZzNodeRunItem *item = selected_item (self);

  update_details (self);

  if (item != NULL && self->canvas != NULL && !self->syncing_selection)
    {
      const char *ids[] = { zz_node_run_item_get_node_id (item), NULL };

      self->syncing_selection = TRUE;
      zz_canvas_select_nodes (self->canvas, ids);
      self->syncing_selection = FALSE;
    }
}

static void
on_canvas_selection_changed_cb (ZzRunPanel *self)
{
  g_auto(GStrv) ids = NULL;

  if (self->syncing_selection || self->model == NULL)
    return;

  ids = zz_canvas_get_selected_node_ids (self->canvas);
  if (ids != NULL && ids[0] != NULL && ids[1] == NULL)
    {
      self->syncing_selection = TRUE;
      zz_run_panel_select_node (self, ids[0]);
      self->syncing_selection = FALSE;
    }
}

/* The run -------------------------------------------------------------------- */

static void
update_header (ZzRunPanel *self)
{
  const ZzExecution *execution = self->model ? zz_execution_model_get_execution (self->model) : NULL;
  gboolean           live = self->model && zz_execution_model_get_live (self->model);
  g_autofree char   *text = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->status_icon), execution != NULL);
  gtk_widget_set_visible (self->run_again_button, execution != NULL && !live);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "run-panel.run-again", execution != NULL && !live);

  if (execution == NULL)
    {
      gtk_label_set_label (self->status_label, live ? _("Starting…") : NULL);
      return;
    }

  zz_status_image_update (self->status_icon, execution->status);

  if (live || execution->status == ZZ_RUN_STATUS_RUNNING || execution->status == ZZ_RUN_STATUS_PENDING)
    text = g_strdup (_("Running…"));
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
      g_autofree char *when = zz_time_format_relative (execution->started_at, now);
      g_autofree char *duration = zz_format_duration (zz_time_diff_ms (execution->started_at, execution->finished_at));

      /* Translators: the run panel's summary: "Completed in 1.2 s, 5 minutes ago" */
      text = g_strdup_printf (_("%s in %s, %s"), zz_status_title (execution->status),
                                 duration ? duration : "?", when ? when : "");
    }

  if (zz_execution_model_get_unsaved_document (self->model))
    {
      g_autofree char *plain = g_steal_pointer (&text);

      /* Translators: the run panel's summary of a run of the canvas's
       * unsaved document: "Completed in 1.2 s, just now, with unsaved changes" */
      text = g_strdup_printf (_("%s, with unsaved changes"), plain);
    }
  gtk_label_set_label (self->status_label, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->status_label),
                               zz_execution_model_get_unsaved_document (self->model)
                               ? _("This run used the workflow as the canvas shows it, with changes that are not saved")
                               : NULL);
}

static void
show_on_canvas (ZzRunPanel    *self,
                ZzNodeRunItem *item)
{
  ZzRunStatus      status = zz_node_run_item_get_status (item);
  g_autofree char *detail = NULL;

  if (self->canvas == NULL)
    return;
  if (status == ZZ_RUN_STATUS_FAILED)
    detail = g_strdup (zz_node_run_item_get_error (item));
  else if ((detail = zz_node_run_item_dup_retry_text (item)) != NULL)
    ;
  else if (zz_node_run_item_get_duration_ms (item) >= 1)
    /* Under a millisecond is no news on a card; the panel still says it. */
    detail = zz_format_duration (zz_node_run_item_get_duration_ms (item));
  zz_canvas_set_node_status (self->canvas, zz_node_run_item_get_node_id (item), status, detail);
}

static void
on_node_changed_cb (ZzRunPanel    *self,
                    ZzNodeRunItem *item)
{
  show_on_canvas (self, item);
  if (item == selected_item (self))
    update_details (self);
}

/* "Not Run Yet" only when there is no run: a finished run without a node
 * says so, beside the header that says how it ended. */
static void
on_items_changed_cb (ZzRunPanel *self)
{
  const char *page = "empty";

  if (self->model != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->model)) > 0)
    page = "nodes";
  else if (self->model != NULL && zz_execution_model_get_live (self->model))
    page = "nodes";
  else if (self->model != NULL && zz_execution_model_get_execution (self->model) != NULL)
    page = "no-nodes";

  gtk_stack_set_visible_child_name (self->run_stack, page);
}

static void
on_model_execution_changed_cb (ZzRunPanel *self)
{
  update_header (self);
  on_items_changed_cb (self);
  if (self->model && !zz_execution_model_get_live (self->model))
    zz_history_view_reload (self->history_view);
}

void
zz_run_panel_set_model (ZzRunPanel       *self,
                        ZzExecutionModel *model)
{
  g_return_if_fail (ZZ_IS_RUN_PANEL (self));
  g_return_if_fail (model == NULL || ZZ_IS_EXECUTION_MODEL (model));

  if (self->model == model)
    return;

  g_set_object (&self->model, model);
  g_signal_group_set_target (self->model_signals, model);

  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (model));
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);

  if (self->canvas != NULL)
    zz_canvas_clear_node_statuses (self->canvas);

  if (model != NULL)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (model));

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(ZzNodeRunItem) item = g_list_model_get_item (G_LIST_MODEL (model), i);
          show_on_canvas (self, item);
        }
    }

  on_items_changed_cb (self);
  update_header (self);
  update_details (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

gboolean
zz_run_panel_open_execution (ZzRunPanel *self,
                             const char *execution_id,
                             GError    **error)
{
  g_autoptr(ZzExecution) execution = NULL;
  g_autoptr(ZzWorkflow) workflow = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(ZzExecutionModel) model = NULL;

  g_return_val_if_fail (ZZ_IS_RUN_PANEL (self), FALSE);
  g_return_val_if_fail (ZZ_IS_STORE (self->store), FALSE);

  execution = zz_store_get_execution_with_nodes (self->store, execution_id, &workflow, &rows, error);
  if (execution == NULL)
    return FALSE;

  /* Labels come from the workflow shown when it is the same one: it may
   * have been renamed since, and the canvas shows today's names. */
  model = zz_execution_model_new (self->workflow && g_strcmp0 (zz_workflow_get_id (self->workflow), execution->workflow_id) == 0
                                    ? self->workflow
                                    : workflow);
  zz_execution_model_set_execution (model, execution);
  for (guint i = 0; rows != NULL && i < rows->len; i++)
    zz_execution_model_update_node (model, g_ptr_array_index (rows, i));

  zz_run_panel_set_model (self, model);
  zz_run_panel_show_page (self, "run");
  return TRUE;
}

/* History -------------------------------------------------------------------- */

static void
on_history_open_execution_cb (ZzRunPanel *self,
                              const char *execution_id)
{
  g_autoptr(GError) error = NULL;

  if (!zz_run_panel_open_execution (self, execution_id, &error))
    g_warning ("Could not open the run %s: %s", execution_id, error->message);
}

static void
on_history_run_again_cb (ZzRunPanel  *self,
                         ZzExecution *execution)
{
  g_signal_emit (self, signals[RUN_AGAIN], 0, execution);
}

static void
on_history_execution_deleted_cb (ZzRunPanel *self,
                                 const char *execution_id)
{
  const ZzExecution *shown = self->model ? zz_execution_model_get_execution (self->model) : NULL;

  if (shown != NULL && g_strcmp0 (shown->id, execution_id) == 0 && !zz_execution_model_get_live (self->model))
    zz_run_panel_set_model (self, NULL);
}

static void
run_again_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ZzRunPanel        *self = ZZ_RUN_PANEL (widget);
  const ZzExecution *execution = self->model ? zz_execution_model_get_execution (self->model) : NULL;

  if (execution != NULL)
    {
      g_autoptr(ZzExecution) copy = zz_execution_copy (execution);
      g_signal_emit (self, signals[RUN_AGAIN], 0, copy);
    }
}

/* GObject -------------------------------------------------------------------- */

static void
zz_run_panel_dispose (GObject *object)
{
  ZzRunPanel *self = ZZ_RUN_PANEL (object);

  g_signal_group_set_target (self->model_signals, NULL);
  zz_run_panel_set_canvas (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), ZZ_TYPE_RUN_PANEL);
  g_clear_object (&self->model);
  g_clear_object (&self->selection);
  g_clear_object (&self->workflow);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (zz_run_panel_parent_class)->dispose (object);
}

static void
zz_run_panel_finalize (GObject *object)
{
  ZzRunPanel *self = ZZ_RUN_PANEL (object);

  g_clear_object (&self->model_signals);
  g_clear_object (&self->canvas_signals);

  G_OBJECT_CLASS (zz_run_panel_parent_class)->finalize (object);
}

static void
zz_run_panel_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  ZzRunPanel *self = ZZ_RUN_PANEL (object);

  switch (prop_id)
    {
    case PROP_CANVAS:
      g_value_set_object (value, self->canvas);
      break;
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zz_run_panel_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  ZzRunPanel *self = ZZ_RUN_PANEL (object);

  switch (prop_id)
    {
    case PROP_CANVAS:
      zz_run_panel_set_canvas (self, g_value_get_object (value));
      break;
    case PROP_MODEL:
      zz_run_panel_set_model (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zz_run_panel_class_init (ZzRunPanelClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zz_run_panel_dispose;
  object_class->finalize = zz_run_panel_finalize;
  object_class->get_property = zz_run_panel_get_property;
  object_class->set_property = zz_run_panel_set_property;

  properties[PROP_CANVAS] =
    g_param_spec_object ("canvas", NULL, NULL, ZZ_TYPE_CANVAS,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL, ZZ_TYPE_EXECUTION_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[RUN_AGAIN] =
    g_signal_new ("run-again", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, ZZ_TYPE_EXECUTION);

  gtk_widget_class_install_action (widget_class, "run-panel.run-again", NULL, run_again_action);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/zzyra/Desktop/ui/zz-run-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, ZzRunPanel, box);
  gtk_widget_class_bind_template_child (widget_class, ZzRunPanel, status_icon);
  gtk_widget_class_bind_template_child (widget_class, ZzRunPanel, status_label);
  gtk_widget_class_bind_template_child (widget_class, ZzRunPanel, run_again_button);
  gtk_widget_class_bind_template_child (widget_class, ZzRunPanel, stack);
  gtk_widget_class_bind_template_child (widget_class, ZzRunPanel, run_stack);
  gtk_widget_class_bind_template_child (widget_class, ZzRunPanel, list_view);
  gtk_widget_class_bind_template_child (widget_class, ZzRunPanel, details_stack);
  gtk_widget_class_bind_template_child (widget_class, ZzRunPanel, node_title);
  gtk_widget_class_bind_template_child (widget_class, ZzRunPanel, error_label);
  gtk_widget_class_bind_template_child (widget_class, ZzRunPanel, json_stack);
  gtk_widget_class_bind_template_child (widget_class, ZzRunPanel, output_tree);
  gtk_widget_class_bind_template_child (widget_class, ZzRunPanel, input_tree);
  gtk_widget_class_bind_template_child (widget_class, ZzRunPanel, config_tree);
  gtk_widget_class_bind_template_child (widget_class, ZzRunPanel, history_view);
  gtk_widget_class_bind_template_callback (widget_class, on_history_open_execution_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_history_run_again_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_history_execution_deleted_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "zzrunpanel");
}

static void
zz_run_panel_init (ZzRunPanel *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_type_ensure (ZZ_TYPE_JSON_TREE);
  g_type_ensure (ZZ_TYPE_HISTORY_VIEW);
  gtk_widget_init_template (GTK_WIDGET (self));

  self->canvas_signals = g_signal_group_new (ZZ_TYPE_CANVAS);
  g_signal_group_connect_object (self->canvas_signals, "selection-changed",
                                 G_CALLBACK (on_canvas_selection_changed_cb), self, G_CONNECT_SWAPPED);
  self->model_signals = g_signal_group_new (ZZ_TYPE_EXECUTION_MODEL);
  g_signal_group_connect_object (self->model_signals, "node-changed",
                                 G_CALLBACK (on_node_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->model_signals, "items-changed",
                                 G_CALLBACK (on_items_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->model_signals, "notify::execution",
                                 G_CALLBACK (on_model_execution_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->model_signals, "notify::live",
                                 G_CALLBACK (on_model_execution_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->model_signals, "notify::unsaved-document",
                                 G_CALLBACK (update_header), self, G_CONNECT_SWAPPED);

  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected",
                           G_CALLBACK (on_selected_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), NULL);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  gtk_list_view_set_factory (self->list_view, factory);

  zz_json_tree_set_placeholder (self->output_tree, _("No output"));
  zz_json_tree_set_placeholder (self->input_tree, _("No input"));
  zz_json_tree_set_placeholder (self->config_tree, _("No settings"));
  update_header (self);
}

GtkWidget *
zz_run_panel_new (void)
{
  return g_object_new (ZZ_TYPE_RUN_PANEL, NULL);
}

void
zz_run_panel_set_store (ZzRunPanel *self,
                        ZzStore    *store)
{
  g_return_if_fail (ZZ_IS_RUN_PANEL (self));

  g_set_object (&self->store, store);
  zz_history_view_set_store (self->history_view, store);
}

void
zz_run_panel_set_canvas (ZzRunPanel *self,
                         ZzCanvas   *canvas)
{
  g_return_if_fail (ZZ_IS_RUN_PANEL (self));

  if (self->canvas == canvas)
    return;
  g_set_weak_pointer (&self->canvas, canvas);
  g_signal_group_set_target (self->canvas_signals, canvas);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CANVAS]);
}

void
zz_run_panel_set_workflow (ZzRunPanel *self,
                           ZzWorkflow *workflow)
{
  const char *old_id, *new_id;

  g_return_if_fail (ZZ_IS_RUN_PANEL (self));

  old_id = self->workflow ? zz_workflow_get_id (self->workflow) : NULL;
  new_id = workflow ? zz_workflow_get_id (workflow) : NULL;
  if (g_strcmp0 (old_id, new_id) != 0)
    zz_run_panel_set_model (self, NULL);
  g_set_object (&self->workflow, workflow);
  zz_history_view_set_workflow_id (self->history_view, new_id);
}

ZzExecutionModel *
zz_run_panel_get_model (ZzRunPanel *self)
{
  g_return_val_if_fail (ZZ_IS_RUN_PANEL (self), NULL);

  return self->model;
}

void
zz_run_panel_select_node (ZzRunPanel *self,
                          const char *node_id)
{
  guint position;

  g_return_if_fail (ZZ_IS_RUN_PANEL (self));

  if (self->model != NULL && zz_execution_model_find (self->model, node_id, &position) != NULL)
    {
      gtk_single_selection_set_selected (self->selection, position);
      gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
    }
}

void
zz_run_panel_show_page (ZzRunPanel *self,
                        const char *name)
{
  g_return_if_fail (ZZ_IS_RUN_PANEL (self));

  gtk_stack_set_visible_child_name (self->stack, name);
}

void
zz_run_panel_reload_history (ZzRunPanel *self)
{
  g_return_if_fail (ZZ_IS_RUN_PANEL (self));

  zz_history_view_reload (self->history_view);
}

ZzHistoryView *
zz_run_panel_get_history_view (ZzRunPanel *self)
{
  g_return_val_if_fail (ZZ_IS_RUN_PANEL (self), NULL);

  return self->history_view;
}

const char *
zz_run_panel_get_selected_node_id (ZzRunPanel *self)
{
  ZzNodeRunItem *item;

  g_return_val_if_fail (ZZ_IS_RUN_PANEL (self), NULL);

  item = selected_item (self);
  return item ? zz_node_run_item_get_node_id (item) : NULL;
}

const char *
zz_run_panel_get_status_text (ZzRunPanel *self)
{
  g_return_val_if_fail (ZZ_IS_RUN_PANEL (self), NULL);

  return gtk_label_get_label (self->status_label);
}

const char *
zz_run_panel_get_error_text (ZzRunPanel *self)
{
  g_return_val_if_fail (ZZ_IS_RUN_PANEL (self), NULL);

  return gtk_widget_get_visible (GTK_WIDGET (self->error_label)) ? gtk_label_get_label (self->error_label) : NULL;
}
