/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zz-problems-view"

#include "config.h"

#include <glib/gi18n.h>

#include "zz-block-registry.h"
#include "zz-node-card.h"
#include "zz-problems-view.h"

/* Checking follows a burst of edits (typing in the inspector, a drag) once. */
#define REFRESH_DELAY_MS 300

/* A ZzProblem as an item of a list model, with what its row shows as
 * properties for the row template (zz-problems-view-row.ui). */
#define ZZ_TYPE_PROBLEM_ITEM (zz_problem_item_get_type ())
G_DECLARE_FINAL_TYPE (ZzProblemItem, zz_problem_item, ZZ, PROBLEM_ITEM, GObject)

struct _ZzProblemItem
{
  GObject    parent_instance;
  ZzProblem *problem;
};

G_DEFINE_FINAL_TYPE (ZzProblemItem, zz_problem_item, G_TYPE_OBJECT)

enum
{
  ITEM_PROP_0,
  ITEM_PROP_MESSAGE,
  ITEM_PROP_ICON_NAME,
  ITEM_PROP_CSS_CLASSES,
  N_ITEM_PROPS
};
static GParamSpec *item_properties[N_ITEM_PROPS];

static void
zz_problem_item_finalize (GObject *object)
{
  g_clear_pointer (&ZZ_PROBLEM_ITEM (object)->problem, zz_problem_free);
  G_OBJECT_CLASS (zz_problem_item_parent_class)->finalize (object);
}

static void
zz_problem_item_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  ZzProblem *problem = ZZ_PROBLEM_ITEM (object)->problem;

  switch (prop_id)
    {
    case ITEM_PROP_MESSAGE:
      g_value_set_string (value, problem->message);
      break;
    case ITEM_PROP_ICON_NAME:
      g_value_set_static_string (value, zz_problem_severity_get_icon_name (problem->severity));
      break;
    case ITEM_PROP_CSS_CLASSES:
      g_value_set_boxed (value, (const char *[]){ zz_problem_severity_get_style_class (problem->severity), NULL });
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zz_problem_item_class_init (ZzProblemItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = zz_problem_item_finalize;
  object_class->get_property = zz_problem_item_get_property;

  item_properties[ITEM_PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  item_properties[ITEM_PROP_ICON_NAME] =
    g_param_spec_string ("icon-name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  item_properties[ITEM_PROP_CSS_CLASSES] =
    g_param_spec_boxed ("css-classes", NULL, NULL, G_TYPE_STRV, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_ITEM_PROPS, item_properties);
}

static void
zz_problem_item_init (ZzProblemItem *self)
{
}

static ZzProblemItem *
zz_problem_item_new (ZzProblem *problem)
{
  ZzProblemItem *self = g_object_new (ZZ_TYPE_PROBLEM_ITEM, NULL);

  self->problem = problem;
  return self;
}

struct _ZzProblemsView
{
  GtkWidget parent_instance;

  ZzCanvas     *canvas;
  ZzWorkflow   *workflow;
  GSignalGroup *canvas_signals;
  GSignalGroup *workflow_signals;
  GListStore   *problems; /* ZzProblemItem */
  GHashTable   *marked;   /* node ids marked on the canvas */
  guint         refresh_id;
  guint         centre_tick_id; /* on the canvas */
  char         *centre_node_id;
  int           centre_width;
  guint         centre_stable;
  guint         centre_frames;
  char         *first_error;

  GtkWidget   *button; /* template children */
  GtkWidget   *icon;
  GtkWidget   *count_label;
  GtkWidget   *popover;
  GtkListView *list_view;
};

G_DEFINE_FINAL_TYPE (ZzProblemsView, zz_problems_view, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_CANVAS,
  PROP_HAS_ERRORS,
  PROP_FIRST_ERROR,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

void
zz_problems_view_refresh (ZzProblemsView *self)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GHashTable) marked = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean       any_error = FALSE;
  gboolean       had_errors;
  ZzProblem     *first_error = NULL;
  GHashTableIter iter;
  gpointer       key;

  g_return_if_fail (ZZ_IS_PROBLEMS_VIEW (self));

  g_clear_handle_id (&self->refresh_id, g_source_remove);

  if (self->workflow != NULL)
    problems = zz_block_registry_check_workflow (zz_block_registry_get_default (), self->workflow);
  else
    problems = g_ptr_array_new_with_free_func ((GDestroyNotify) zz_problem_free);

  marked = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < problems->len; i++)
    {
      ZzProblem *problem = g_ptr_array_index (problems, i);

      if (problem->severity == ZZ_PROBLEM_ERROR && first_error == NULL)
        first_error = problem;
      any_error |= problem->severity == ZZ_PROBLEM_ERROR;
    }
  /* A node's badge tells its worst problem: an error before a warning. */
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < problems->len; i++)
      {
        ZzProblem *problem = g_ptr_array_index (problems, i);

        if ((pass == 0) != (problem->severity == ZZ_PROBLEM_ERROR))
          continue;
        if (problem->node_id != NULL && self->canvas != NULL &&
            !g_hash_table_contains (marked, problem->node_id))
          {
            zz_canvas_set_node_problem (self->canvas, problem->node_id, problem->severity, problem->message);
            g_hash_table_add (marked, g_strdup (problem->node_id));
          }
      }

  /* Nodes fixed since the last check lose their mark. */
  g_hash_table_iter_init (&iter, self->marked);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (marked, key) && self->canvas != NULL)
      zz_canvas_set_node_problem (self->canvas, key, ZZ_PROBLEM_WARNING, NULL);
  g_clear_pointer (&self->marked, g_hash_table_unref);
  self->marked = g_steal_pointer (&marked);

  for (guint i = 0; i < problems->len; i++)
    g_ptr_array_add (items, zz_problem_item_new (zz_problem_copy (g_ptr_array_index (problems, i))));
  g_list_store_splice (self->problems, 0, g_list_model_get_n_items (G_LIST_MODEL (self->problems)),
                       items->pdata, items->len);

  if (problems->len > 0)
    {
      g_autofree char  *count = g_strdup_printf ("%u", problems->len);
      g_autofree char  *tooltip = g_strdup_printf (ngettext ("%u Problem", "%u Problems", problems->len),
                                                   problems->len);
      ZzProblemSeverity severity = any_error ? ZZ_PROBLEM_ERROR : ZZ_PROBLEM_WARNING;

      gtk_label_set_label (GTK_LABEL (self->count_label), count);
      gtk_widget_set_tooltip_text (self->button, tooltip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
      gtk_image_set_from_icon_name (GTK_IMAGE (self->icon), zz_problem_severity_get_icon_name (severity));
      gtk_widget_remove_css_class (self->icon, any_error ? "warning" : "error");
      gtk_widget_add_css_class (self->icon, zz_problem_severity_get_style_class (severity));
    }
  else
    gtk_popover_popdown (GTK_POPOVER (self->popover));

  gtk_widget_set_visible (GTK_WIDGET (self), problems->len > 0);

  had_errors = self->first_error != NULL;
  if (g_strcmp0 (self->first_error, first_error ? first_error->message : NULL) != 0)
    {
      g_free (self->first_error);
      self->first_error = first_error ? g_strdup (first_error->message) : NULL;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIRST_ERROR]);
    }
  if (had_errors != (self->first_error != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_ERRORS]);
}

static gboolean
on_refresh_timeout_cb (gpointer user_data)
{
  ZzProblemsView *self = user_data;

  self->refresh_id = 0;
  zz_problems_view_refresh (self);
  return G_SOURCE_REMOVE;
}

static void
on_workflow_changed_cb (ZzProblemsView *self)
{
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  self->refresh_id = g_timeout_add (REFRESH_DELAY_MS, on_refresh_timeout_cb, self);
}

static void
on_canvas_workflow_notified_cb (ZzProblemsView *self)
{
  ZzWorkflow *workflow = self->canvas ? zz_canvas_get_workflow (self->canvas) : NULL;

  if (self->workflow == workflow)
    return;

  g_set_object (&self->workflow, workflow);
  g_signal_group_set_target (self->workflow_signals, workflow);
  /* Marks of the old document's nodes must not land on a new one's. */
  if (self->canvas != NULL)
    {
      GHashTableIter iter;
      gpointer       key;

      g_hash_table_iter_init (&iter, self->marked);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        zz_canvas_set_node_problem (self->canvas, key, ZZ_PROBLEM_WARNING, NULL);
    }
  g_hash_table_remove_all (self->marked);
  zz_problems_view_refresh (self);
}

/* Selecting the node opens the inspector beside the canvas, which then
 * narrows as the panel slides in: the node follows the centre until the
 * canvas's size settles. */
static gboolean
on_centre_tick_cb (GtkWidget     *canvas,
                   GdkFrameClock *frame_clock,
                   gpointer       user_data)
{
  ZzProblemsView *self = user_data;
  ZzNode         *node = self->workflow && self->centre_node_id
                           ? zz_workflow_find_node (self->workflow, self->centre_node_id)
                           : NULL;
  int             width = gtk_widget_get_width (canvas);

  if (node == NULL || self->canvas == NULL)
    goto done;

  zz_canvas_centre_node (self->canvas, node);
  self->centre_stable = width == self->centre_width ? self->centre_stable + 1 : 0;
  self->centre_width = width;
  if (self->centre_stable < 5 && ++self->centre_frames < 60)
    return G_SOURCE_CONTINUE;

done:
  self->centre_tick_id = 0;
  g_clear_pointer (&self->centre_node_id, g_free);
  return G_SOURCE_REMOVE;
}

static void
zz_problems_view_show_node (ZzProblemsView *self,
                            ZzNode         *node)
{
  zz_canvas_centre_node (self->canvas, node);

  g_free (self->centre_node_id);
  self->centre_node_id = g_strdup (zz_node_get_id (node));
  self->centre_width = gtk_widget_get_width (GTK_WIDGET (self->canvas));
  self->centre_stable = 0;
  self->centre_frames = 0;
  if (self->centre_tick_id == 0)
    self->centre_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self->canvas), on_centre_tick_cb,
                                                         self, NULL);
}

void
zz_problems_view_activate (ZzProblemsView *self,
                           guint           position)
{
  g_autoptr(ZzProblemItem) item = NULL;
  ZzNode     *node;
  const char *ids[2] = { NULL, NULL };

  g_return_if_fail (ZZ_IS_PROBLEMS_VIEW (self));

  item = g_list_model_get_item (G_LIST_MODEL (self->problems), position);
  if (item == NULL || item->problem->node_id == NULL || self->canvas == NULL || self->workflow == NULL)
    return;

  node = zz_workflow_find_node (self->workflow, item->problem->node_id);
  if (node == NULL)
    return;

  gtk_popover_popdown (GTK_POPOVER (self->popover));
  ids[0] = zz_node_get_id (node);
  zz_canvas_select_nodes (self->canvas, ids);
  zz_problems_view_show_node (self, node);
  gtk_widget_grab_focus (GTK_WIDGET (self->canvas));
}

static void
on_list_activated_cb (ZzProblemsView *self,
                      guint           position)
{
  zz_problems_view_activate (self, position);
}

static void
zz_problems_view_dispose (GObject *object)
{
  ZzProblemsView *self = ZZ_PROBLEMS_VIEW (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_signal_group_set_target (self->workflow_signals, NULL);
  g_signal_group_set_target (self->canvas_signals, NULL);
  if (self->canvas != NULL && self->centre_tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->canvas), self->centre_tick_id);
  self->centre_tick_id = 0;
  g_clear_pointer (&self->centre_node_id, g_free);
  g_clear_pointer (&self->first_error, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), ZZ_TYPE_PROBLEMS_VIEW);
  g_clear_object (&self->workflow);
  g_clear_object (&self->canvas);
  g_clear_object (&self->problems);
  g_clear_pointer (&self->marked, g_hash_table_unref);

  G_OBJECT_CLASS (zz_problems_view_parent_class)->dispose (object);
}

static void
zz_problems_view_finalize (GObject *object)
{
  ZzProblemsView *self = ZZ_PROBLEMS_VIEW (object);

  g_clear_object (&self->workflow_signals);
  g_clear_object (&self->canvas_signals);

  G_OBJECT_CLASS (zz_problems_view_parent_class)->finalize (object);
}

static void
zz_problems_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  ZzProblemsView *self = ZZ_PROBLEMS_VIEW (object);

  switch (prop_id)
    {
    case PROP_CANVAS:
      g_value_set_object (value, self->canvas);
      break;
    case PROP_HAS_ERRORS:
      g_value_set_boolean (value, self->first_error != NULL);
      break;
    case PROP_FIRST_ERROR:
      g_value_set_string (value, self->first_error);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zz_problems_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  ZzProblemsView *self = ZZ_PROBLEMS_VIEW (object);

  switch (prop_id)
    {
    case PROP_CANVAS:
      zz_problems_view_set_canvas (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zz_problems_view_class_init (ZzProblemsViewClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zz_problems_view_dispose;
  object_class->finalize = zz_problems_view_finalize;
  object_class->get_property = zz_problems_view_get_property;
  object_class->set_property = zz_problems_view_set_property;

  properties[PROP_CANVAS] =
    g_param_spec_object ("canvas", NULL, NULL, ZZ_TYPE_CANVAS,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * ZzProblemsView:has-errors:
   *
   * Whether the workflow has a problem that stops it running: Run is
   * insensitive while it does, with #ZzProblemsView:first-error as the
   * reason.
   */
  properties[PROP_HAS_ERRORS] =
    g_param_spec_boolean ("has-errors", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * ZzProblemsView:first-error:
   *
   * The message of the first error, as the list shows it (the node by
   * label, the field by title), or %NULL.
   */
  properties[PROP_FIRST_ERROR] =
    g_param_spec_string ("first-error", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ZZ_TYPE_PROBLEM_ITEM);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/zzyra/Desktop/ui/zz-problems-view.ui");
  gtk_widget_class_bind_template_child (widget_class, ZzProblemsView, button);
  gtk_widget_class_bind_template_child (widget_class, ZzProblemsView, icon);
  gtk_widget_class_bind_template_child (widget_class, ZzProblemsView, count_label);
  gtk_widget_class_bind_template_child (widget_class, ZzProblemsView, popover);
  gtk_widget_class_bind_template_child (widget_class, ZzProblemsView, list_view);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activated_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
zz_problems_view_init (ZzProblemsView *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->problems = g_list_store_new (ZZ_TYPE_PROBLEM_ITEM);
  self->marked = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->problems)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));

  self->canvas_signals = g_signal_group_new (ZZ_TYPE_CANVAS);
  g_signal_group_connect_object (self->canvas_signals, "notify::workflow",
                                 G_CALLBACK (on_canvas_workflow_notified_cb), self, G_CONNECT_SWAPPED);
  self->workflow_signals = g_signal_group_new (ZZ_TYPE_WORKFLOW);
  g_signal_group_connect_object (self->workflow_signals, "changed",
                                 G_CALLBACK (on_workflow_changed_cb), self, G_CONNECT_SWAPPED);
}

GtkWidget *
zz_problems_view_new (void)
{
  return g_object_new (ZZ_TYPE_PROBLEMS_VIEW, NULL);
}

void
zz_problems_view_set_canvas (ZzProblemsView *self,
                             ZzCanvas       *canvas)
{
  g_return_if_fail (ZZ_IS_PROBLEMS_VIEW (self));
  g_return_if_fail (canvas == NULL || ZZ_IS_CANVAS (canvas));

  if (self->canvas == canvas)
    return;

  if (self->canvas != NULL && self->centre_tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->canvas), self->centre_tick_id);
  self->centre_tick_id = 0;
  g_set_object (&self->canvas, canvas);
  g_signal_group_set_target (self->canvas_signals, canvas);
  on_canvas_workflow_notified_cb (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CANVAS]);
}

gboolean
zz_problems_view_get_has_errors (ZzProblemsView *self)
{
  g_return_val_if_fail (ZZ_IS_PROBLEMS_VIEW (self), FALSE);

  return self->first_error != NULL;
}

const char *
zz_problems_view_get_first_error (ZzProblemsView *self)
{
  g_return_val_if_fail (ZZ_IS_PROBLEMS_VIEW (self), NULL);

  return self->first_error;
}

guint
zz_problems_view_get_n_problems (ZzProblemsView *self)
{
  g_return_val_if_fail (ZZ_IS_PROBLEMS_VIEW (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->problems));
}

const ZzProblem *
zz_problems_view_get_problem (ZzProblemsView *self,
                              guint           position)
{
  g_autoptr(ZzProblemItem) item = NULL;

  g_return_val_if_fail (ZZ_IS_PROBLEMS_VIEW (self), NULL);

  item = g_list_model_get_item (G_LIST_MODEL (self->problems), position);
  /* The store keeps the item, and so the problem, alive. */
  return item ? item->problem : NULL;
}
