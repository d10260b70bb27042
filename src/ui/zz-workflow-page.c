/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zz-workflow-page"

#include "config.h"

#include <glib/gi18n.h>

#include "zz-canvas.h"
#include "zz-run-panel.h"
#include "zz-inspector.h"
#include "zz-node-card.h"
#include "zz-palette.h"
#include "zz-problems-view.h"
#include "zz-draft-writer.h"
#include "zz-time.h"
#include "zz-workflow-history.h"
#include "zz-workflow-layout.h"
#include "zz-workflow-page.h"

/* The panels' sizes (GSettings run-panel-height and side-panel-width
 * through the window), within these bounds. */
#define RUN_PANEL_MIN_HEIGHT 140
#define RUN_PANEL_MAX_HEIGHT 4000
#define SIDE_PANEL_MIN_WIDTH 280
#define SIDE_PANEL_MAX_WIDTH 4000
/* The canvas keeps at least this much when the side panel is dragged. */
#define CANVAS_MIN_WIDTH 320
/* Below this width the side panel slides over the canvas rather than
 * narrow it (an AdwBreakpoint of the window does it with libadwaita 1.4). */
#define NARROW_PAGE_WIDTH 720
/* and then the panel is no wider than this, to fit GNOME's floor. */
#define NARROW_SIDE_PANEL_WIDTH 300
/* How far from its edge the side panel can be grabbed to resize it. */
#define SIDE_PANEL_GRIP 6

/* Typing in the description saves this long after the last key. */
#define DESCRIPTION_SAVE_DELAY_MS 600
/* Canvas edits stay in the document until the user saves it (win.save);
 * meanwhile a ZzDraftWriter keeps a draft of them in the store. The
 * details panel's fields are the row's and are saved at once, without the
 * canvas edits (zz_workflow_page_save_fields). */

struct _ZzWorkflowPage
{
  GtkWidget parent_instance;

  ZzStore       *store;
  ZzWorkflow    *workflow;
  GSignalGroup  *workflow_signals;
  GSignalGroup  *nodes_signals;
  GtkStringList *tags;
  guint          description_save_id;
  ZzDraftWriter *drafts;
  guint          loading : 1;
  guint          saving : 1;
  guint          placing_run_panel : 1;
  guint          narrow : 1;
  guint          nodes_changed : 1;
  guint          n_shown_cards;
  gulong         layout_handler_id;
  GdkFrameClock *frame_clock;
  int            run_panel_height;
  int            side_panel_width;
  int            drag_start_width;
  int            shown_side_panel_width;
  guint          place_run_panel_id;
  guint          fit_side_panel_id;

  AdwEntryRow         *name_row; /* template children */
  AdwEntryRow         *tags_row;
  GtkFlowBox          *tags_box;
  GtkTextView         *description_view;
  GtkLabel            *version_label;
  GtkLabel            *created_label;
  GtkLabel            *updated_label;
  AdwPreferencesGroup *nodes_group;
  GtkListBox          *nodes_list;
  ZzCanvas            *canvas;
  ZzRunPanel          *run_panel;
  GtkToggleButton     *add_block_button;
  GtkRevealer         *palette_revealer;
  ZzPalette           *palette;
  GtkStack            *side_stack;
  ZzInspector         *inspector;
  ZzProblemsView      *problems_view;
  GtkLabel            *zoom_label;
  GtkRevealer         *draft_revealer;
  GtkLabel            *draft_label;
  GtkPaned            *run_paned;
  AdwFlap             *flap;
};

G_DEFINE_FINAL_TYPE (ZzWorkflowPage, zz_workflow_page, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_STORE,
  PROP_WORKFLOW,
  PROP_TITLE,
  PROP_MODIFIED,
  PROP_RUN_PANEL_HEIGHT,
  PROP_SIDE_PANEL_WIDTH,
  PROP_NARROW,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

/* A short absolute time for the row, the relative one as its tooltip. */
static void
set_datetime_label (GtkLabel   *label,
                    const char *iso8601)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *absolute = NULL;
  g_autofree char *relative = NULL;

  if (iso8601 == NULL || (utc = zz_time_parse_iso8601 (iso8601)) == NULL)
    {
      gtk_label_set_label (label, "—");
      gtk_widget_set_tooltip_text (GTK_WIDGET (label), NULL);
      return;
    }

  local = g_date_time_to_local (utc);
  /* Translators: a date and time, see g_date_time_format() */
  absolute = g_date_time_format (local, _("%e %b %Y, %H:%M"));
  relative = zz_time_format_relative (iso8601, NULL);

  gtk_label_set_label (label, g_strstrip (absolute));
  gtk_widget_set_tooltip_text (GTK_WIDGET (label), relative);
}

static void
zz_workflow_page_update_details (ZzWorkflowPage *self)
{
  g_autofree char *version = NULL;
  g_autofree char *count = NULL;
  guint            n_nodes = 0;

  if (self->workflow != NULL)
    {
      version = g_strdup_printf ("%" G_GINT64_FORMAT, zz_workflow_get_version (self->workflow));
      n_nodes = zz_workflow_get_n_nodes (self->workflow);
    }

  gtk_label_set_label (self->version_label, version ? version : "");
  set_datetime_label (self->created_label, self->workflow ? zz_workflow_get_created_at (self->workflow) : NULL);
  set_datetime_label (self->updated_label, self->workflow ? zz_workflow_get_updated_at (self->workflow) : NULL);

  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u node", "%u nodes", n_nodes), n_nodes);
  adw_preferences_group_set_description (self->nodes_group, n_nodes > 0 ? count : NULL);
}

static void
zz_workflow_page_update_tags (ZzWorkflowPage *self)
{
  const char *const *tags = NULL;
  g_autofree char   *joined = NULL;
  guint              n_old = g_list_model_get_n_items (G_LIST_MODEL (self->tags));

  if (self->workflow != NULL)
    tags = zz_workflow_get_tags (self->workflow);

  gtk_string_list_splice (self->tags, 0, n_old, tags);
  gtk_widget_set_visible (GTK_WIDGET (self->tags_box), tags != NULL && tags[0] != NULL);

  joined = tags ? g_strjoinv (", ", (char **) tags) : g_strdup ("");
  gtk_editable_set_text (GTK_EDITABLE (self->tags_row), joined);
}

static gboolean
zz_workflow_page_save (ZzWorkflowPage *self)
{
  g_autoptr(GError) error = NULL;
  gboolean saved;

  if (self->workflow == NULL)
    return TRUE;

  /* Saving sets the version and dates: not an edit to save again. */
  self->saving = TRUE;
  saved = zz_store_save_workflow (self->store, self->workflow, &error);
  self->saving = FALSE;

  if (!saved)
    {
      g_autofree char *message =
        g_strdup_printf (_("Could not save “%s”: %s"),
                            zz_workflow_get_name (self->workflow), error->message);
      gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s", message);
      return FALSE;
    }

  zz_workflow_mark_saved (self->workflow);
  zz_workflow_page_update_details (self);
  return TRUE;
}

/* Saves the row's fields as the document has them (name, description,
 * tags) over the stored workflow, leaving the canvas edits not saved yet
 * in the document and its draft. */
static gboolean
zz_workflow_page_save_fields (ZzWorkflowPage *self)
{
  g_autoptr(ZzWorkflow) stored = NULL;
  g_autoptr(GError) error = NULL;

  if (self->workflow == NULL)
    return TRUE;

  if (!zz_workflow_get_modified (self->workflow))
    return zz_workflow_page_save (self);

  stored = zz_store_get_workflow (self->store, zz_workflow_get_id (self->workflow), &error);
  if (stored != NULL)
    {
      zz_workflow_set_name (stored, zz_workflow_get_name (self->workflow));
      zz_workflow_set_description (stored, zz_workflow_get_description (self->workflow));
      zz_workflow_set_tags (stored, zz_workflow_get_tags (self->workflow));
    }

  if (stored == NULL || !zz_store_save_workflow (self->store, stored, &error))
    {
      g_autofree char *message =
        g_strdup_printf (_("Could not save “%s”: %s"),
                            zz_workflow_get_name (self->workflow), error->message);
      gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s", message);
      return FALSE;
    }

  self->saving = TRUE;
  zz_workflow_set_version (self->workflow, zz_workflow_get_version (stored));
  zz_workflow_set_updated_at (self->workflow, zz_workflow_get_updated_at (stored));
  self->saving = FALSE;

  /* Saving the row deleted the draft; the canvas edits still need one. */
  if (self->drafts != NULL)
    zz_draft_writer_write (self->drafts, NULL);
  zz_workflow_page_update_details (self);
  return TRUE;
}

static char *
dup_description_text (ZzWorkflowPage *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->description_view);
  GtkTextIter    start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

gboolean
zz_workflow_page_flush (ZzWorkflowPage *self)
{
  g_autofree char *text = NULL;
  const char      *saved;

  g_return_val_if_fail (ZZ_IS_WORKFLOW_PAGE (self), FALSE);

  g_clear_handle_id (&self->description_save_id, g_source_remove);

  if (self->workflow == NULL)
    return TRUE;

  if (self->drafts != NULL)
    zz_draft_writer_flush (self->drafts, NULL);

  text = dup_description_text (self);
  saved = zz_workflow_get_description (self->workflow);
  if (g_strcmp0 (text, saved ? saved : "") == 0)
    return TRUE;

  zz_workflow_set_description (self->workflow, text[0] ? text : NULL);
  return zz_workflow_page_save_fields (self);
}

static gboolean
on_description_save_timeout_cb (gpointer user_data)
{
  ZzWorkflowPage *self = user_data;

  self->description_save_id = 0;
  zz_workflow_page_flush (self);
  return G_SOURCE_REMOVE;
}

static void
on_description_changed_cb (ZzWorkflowPage *self,
                           GtkTextBuffer  *buffer)
{
  if (self->loading)
    return;

  g_clear_handle_id (&self->description_save_id, g_source_remove);
  self->description_save_id = g_timeout_add (DESCRIPTION_SAVE_DELAY_MS,
                                             on_description_save_timeout_cb, self);
}

static void
on_description_focus_left_cb (ZzWorkflowPage          *self,
                              GtkEventControllerFocus *controller)
{
  if (self->description_save_id != 0)
    zz_workflow_page_flush (self);
}

gboolean
zz_workflow_page_rename (ZzWorkflowPage *self,
                         const char     *name,
                         GError        **error)
{
  g_autofree char *stripped = NULL;
  g_autofree char *old_name = NULL;

  g_return_val_if_fail (ZZ_IS_WORKFLOW_PAGE (self), FALSE);
  g_return_val_if_fail (self->workflow != NULL, FALSE);

  stripped = g_strstrip (g_strdup (name ? name : ""));
  if (stripped[0] == '\0')
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("A workflow needs a name"));
      return FALSE;
    }

  if (g_strcmp0 (stripped, zz_workflow_get_name (self->workflow)) == 0)
    return TRUE;

  old_name = g_strdup (zz_workflow_get_name (self->workflow));
  zz_workflow_set_name (self->workflow, stripped);
  if (!zz_workflow_page_save_fields (self))
    {
      zz_workflow_set_name (self->workflow, old_name);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not save “%s”"), stripped);
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), old_name);
      return FALSE;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), stripped);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
  return TRUE;
}

static void
on_name_row_applied_cb (ZzWorkflowPage *self,
                        AdwEntryRow    *row)
{
  g_autoptr(GError) error = NULL;

  if (self->workflow == NULL)
    return;

  if (!zz_workflow_page_rename (self, gtk_editable_get_text (GTK_EDITABLE (row)), &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT))
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s", error->message);
      gtk_editable_set_text (GTK_EDITABLE (row), zz_workflow_get_name (self->workflow));
    }
}

static char **
parse_tags (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *tag = g_strstrip (parts[i]);

      if (tag[0] == '\0' || !g_hash_table_add (seen, tag))
        continue;
      g_strv_builder_add (builder, tag);
    }

  return g_strv_builder_end (builder);
}

static void
on_tags_row_applied_cb (ZzWorkflowPage *self,
                        AdwEntryRow    *row)
{
  g_auto(GStrv) tags = NULL;
  g_auto(GStrv) old_tags = NULL;

  if (self->workflow == NULL)
    return;

  tags = parse_tags (gtk_editable_get_text (GTK_EDITABLE (row)));
  old_tags = g_strdupv ((char **) zz_workflow_get_tags (self->workflow));
  if (old_tags != NULL && g_strv_equal ((const char *const *) old_tags, (const char *const *) tags))
    {
      zz_workflow_page_update_tags (self);
      return;
    }

  zz_workflow_set_tags (self->workflow, (const char *const *) tags);
  if (!zz_workflow_page_save_fields (self))
    zz_workflow_set_tags (self->workflow, (const char *const *) old_tags);

  zz_workflow_page_update_tags (self);
}

static GtkWidget *
create_tag_widget_cb (gpointer item,
                      gpointer user_data)
{
  GtkWidget *label = gtk_label_new (gtk_string_object_get_string (item));

  gtk_widget_add_css_class (label, "tag");
  gtk_widget_set_halign (label, GTK_ALIGN_START);
  return label;
}

/* A row follows its node: a rename or a disabling shows at once. */
static void
update_node_row (GtkWidget  *row,
                 GParamSpec *pspec,
                 ZzNode     *node)
{
  const char *label = zz_node_get_label (node);
  GtkWidget  *disabled = g_object_get_data (G_OBJECT (row), "disabled-label");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 label && label[0] ? label : zz_node_get_block_type (node));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), zz_node_get_block_type (node));
  gtk_widget_set_visible (disabled, !zz_node_get_enabled (node));
}

static GtkWidget *
create_node_row_cb (gpointer item,
                    gpointer user_data)
{
  ZzNode    *node = item;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *disabled = gtk_label_new (_("Disabled"));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_set_tooltip_text (row, _("Select and show this node on the canvas"));
  gtk_widget_add_css_class (disabled, "dim-label");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), disabled);
  g_object_set_data (G_OBJECT (row), "disabled-label", disabled);
  g_object_set_data_full (G_OBJECT (row), "node-id", g_strdup (zz_node_get_id (node)), g_free);

  update_node_row (row, NULL, node);
  g_signal_connect_object (node, "notify", G_CALLBACK (update_node_row), row, G_CONNECT_SWAPPED);

  return row;
}

gboolean
zz_workflow_page_show_node (ZzWorkflowPage *self,
                            const char     *node_id)
{
  const char *ids[2] = { node_id, NULL };
  ZzNode     *node;

  g_return_val_if_fail (ZZ_IS_WORKFLOW_PAGE (self), FALSE);

  if (self->workflow == NULL || node_id == NULL ||
      (node = zz_workflow_find_node (self->workflow, node_id)) == NULL)
    return FALSE;

  zz_canvas_select_nodes (self->canvas, ids);
  zz_canvas_centre_node (self->canvas, node);
  gtk_widget_grab_focus (GTK_WIDGET (self->canvas));
  return TRUE;
}

static void
on_node_row_activated_cb (ZzWorkflowPage *self,
                          GtkListBoxRow  *row,
                          GtkListBox     *list)
{
  zz_workflow_page_show_node (self, g_object_get_data (G_OBJECT (row), "node-id"));
}

static void
on_nodes_changed_cb (ZzWorkflowPage *self)
{
  self->nodes_changed = TRUE;
  zz_workflow_page_update_details (self);
}

/* The canvas adds a node's card when it first comes into view, during its
 * own allocation (an undone node coming back, say). The new child asks for
 * a layout of its ancestors, which GTK 4.8 does not do before drawing them
 * while they are being laid out: the canvas and the run panel went blank
 * until the window was resized. After a layout that followed a change of
 * nodes, or that showed more or fewer cards (a pan, a zoom), the page asks
 * again, from the canvas up to itself. */
static void
on_frame_clock_layout_cb (ZzWorkflowPage *self,
                          GdkFrameClock  *clock)
{
  guint n_shown_cards = zz_canvas_get_n_shown_cards (self->canvas);

  if (!self->nodes_changed && n_shown_cards == self->n_shown_cards)
    return;

  self->nodes_changed = FALSE;
  self->n_shown_cards = n_shown_cards;
  gtk_widget_queue_resize (GTK_WIDGET (self->canvas));
  gtk_widget_queue_resize (GTK_WIDGET (self->run_paned));
  gtk_widget_queue_resize (GTK_WIDGET (self->flap));
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
zz_workflow_page_realize (GtkWidget *widget)
{
  ZzWorkflowPage *self = ZZ_WORKFLOW_PAGE (widget);

  GTK_WIDGET_CLASS (zz_workflow_page_parent_class)->realize (widget);

  self->frame_clock = g_object_ref (gtk_widget_get_frame_clock (widget));
  self->layout_handler_id = g_signal_connect_object (self->frame_clock, "layout",
                                                     G_CALLBACK (on_frame_clock_layout_cb), self,
                                                     G_CONNECT_SWAPPED | G_CONNECT_AFTER);
}

static void
zz_workflow_page_unrealize (GtkWidget *widget)
{
  ZzWorkflowPage *self = ZZ_WORKFLOW_PAGE (widget);

  if (self->frame_clock != NULL)
    g_clear_signal_handler (&self->layout_handler_id, self->frame_clock);
  g_clear_object (&self->frame_clock);

  GTK_WIDGET_CLASS (zz_workflow_page_parent_class)->unrealize (widget);
}

static void
on_workflow_modified_cb (ZzWorkflowPage *self,
                         GParamSpec     *pspec,
                         ZzWorkflow     *workflow)
{
  /* The next draft replaces the one offered: too late to restore it. */
  if (zz_workflow_get_modified (workflow))
    gtk_revealer_set_reveal_child (self->draft_revealer, FALSE);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

/* A draft left by a session that did not save (a crash) is offered back. */
static void
zz_workflow_page_offer_draft (ZzWorkflowPage *self)
{
  g_autofree char *data = NULL;
  g_autofree char *updated_at = NULL;
  g_autofree char *when = NULL;

  if (self->workflow != NULL && !zz_workflow_get_modified (self->workflow))
    data = zz_store_get_draft (self->store, zz_workflow_get_id (self->workflow), &updated_at, NULL);

  gtk_revealer_set_reveal_child (self->draft_revealer, data != NULL);
  if (data == NULL)
    return;

  /* "Just now" or "5 minutes ago", where the sentence has no room for it. */
  when = zz_time_format_relative (updated_at, NULL);
  gtk_label_set_label (self->draft_label, _("Changes that were not saved have been kept"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->draft_label), when);
}

gboolean
zz_workflow_page_restore_draft (ZzWorkflowPage *self,
                                GError        **error)
{
  g_autofree char *data = NULL;
  g_autoptr(ZzWorkflow) draft = NULL;

  g_return_val_if_fail (ZZ_IS_WORKFLOW_PAGE (self), FALSE);
  g_return_val_if_fail (self->workflow != NULL, FALSE);

  gtk_revealer_set_reveal_child (self->draft_revealer, FALSE);

  if (!(data = zz_store_get_draft (self->store, zz_workflow_get_id (self->workflow), NULL, error)) ||
      !(draft = zz_workflow_new_from_data (data, -1, error)))
    return FALSE;

  /* An edit like any other: modified, not saved, and it can be undone. */
  return zz_workflow_replace_contents_command (self->workflow, draft,
                                               _("Restore Unsaved Changes"), error);
}

static void
on_draft_restore_clicked_cb (ZzWorkflowPage *self)
{
  g_autoptr(GError) error = NULL;

  if (self->workflow != NULL && !zz_workflow_page_restore_draft (self, &error))
    {
      g_autofree char *message =
        g_strdup_printf (_("Could not restore the unsaved changes: %s"), error->message);
      gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s", message);
    }
}

static void
on_draft_discard_clicked_cb (ZzWorkflowPage *self)
{
  gtk_revealer_set_reveal_child (self->draft_revealer, FALSE);
  if (self->workflow != NULL)
    zz_store_delete_draft (self->store, zz_workflow_get_id (self->workflow), NULL);
}

static void
zz_workflow_page_tidy_up_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  ZzWorkflowPage *self = ZZ_WORKFLOW_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (self->workflow == NULL)
    return;

  if (!zz_workflow_auto_layout_command (self->workflow, &error))
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s", error->message);
      return;
    }

  zz_canvas_zoom_to_fit (self->canvas);
}

static void
on_zoom_changed_cb (ZzWorkflowPage *self,
                    GParamSpec     *pspec,
                    ZzViewport     *viewport)
{
  g_autofree char *text = g_strdup_printf ("%.0f%%", zz_viewport_get_zoom (viewport) * 100);

  gtk_label_set_label (self->zoom_label, text);
}

static void
on_zoom_in_clicked_cb (ZzWorkflowPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self->canvas), "canvas.zoom-in", NULL);
}

static void
on_zoom_out_clicked_cb (ZzWorkflowPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self->canvas), "canvas.zoom-out", NULL);
}

static void
on_zoom_reset_clicked_cb (ZzWorkflowPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self->canvas), "canvas.zoom-reset", NULL);
}

static void
on_zoom_fit_clicked_cb (ZzWorkflowPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self->canvas), "canvas.zoom-fit", NULL);
}

static void
zz_workflow_page_load (ZzWorkflowPage *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->description_view);
  const char    *description = NULL;

  self->loading = TRUE;

  gtk_editable_set_text (GTK_EDITABLE (self->name_row),
                         self->workflow ? zz_workflow_get_name (self->workflow) : "");
  if (self->workflow != NULL)
    description = zz_workflow_get_description (self->workflow);
  gtk_text_buffer_set_text (buffer, description ? description : "", -1);
  zz_workflow_page_update_tags (self);
  zz_workflow_page_update_details (self);

  gtk_list_box_bind_model (self->nodes_list,
                           self->workflow ? zz_workflow_get_nodes (self->workflow) : NULL,
                           create_node_row_cb, NULL, NULL);
  zz_canvas_set_workflow (self->canvas, self->workflow);

  self->loading = FALSE;
}

static void
zz_workflow_page_dispose (GObject *object)
{
  GtkWidget      *child;
  ZzWorkflowPage *self = ZZ_WORKFLOW_PAGE (object);

  if (self->place_run_panel_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->run_paned), self->place_run_panel_id);
  self->place_run_panel_id = 0;
  g_clear_handle_id (&self->fit_side_panel_id, g_source_remove);

  /* An edit still waiting must not be lost when the window closes. */
  if (self->description_save_id != 0)
    zz_workflow_page_flush (self);
  if (self->drafts != NULL)
    zz_draft_writer_set_workflow (self->drafts, NULL);
  g_clear_object (&self->drafts);
  g_signal_group_set_target (self->workflow_signals, NULL);
  g_signal_group_set_target (self->nodes_signals, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), ZZ_TYPE_WORKFLOW_PAGE);
  /* The template's root is a direct child with no id to clear. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->workflow);
  g_clear_object (&self->store);
  g_clear_object (&self->tags);

  G_OBJECT_CLASS (zz_workflow_page_parent_class)->dispose (object);
}

static void
zz_workflow_page_finalize (GObject *object)
{
  ZzWorkflowPage *self = ZZ_WORKFLOW_PAGE (object);

  g_clear_object (&self->workflow_signals);
  g_clear_object (&self->nodes_signals);

  G_OBJECT_CLASS (zz_workflow_page_parent_class)->finalize (object);
}

static void
zz_workflow_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  ZzWorkflowPage *self = ZZ_WORKFLOW_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_WORKFLOW:
      g_value_set_object (value, self->workflow);
      break;
    case PROP_TITLE:
      g_value_set_string (value, zz_workflow_page_get_title (self));
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, zz_workflow_page_get_modified (self));
      break;
    case PROP_RUN_PANEL_HEIGHT:
      g_value_set_int (value, self->run_panel_height);
      break;
    case PROP_SIDE_PANEL_WIDTH:
      g_value_set_int (value, self->side_panel_width);
      break;
    case PROP_NARROW:
      g_value_set_boolean (value, self->narrow);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zz_workflow_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  ZzWorkflowPage *self = ZZ_WORKFLOW_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_WORKFLOW:
      zz_workflow_page_set_workflow (self, g_value_get_object (value));
      break;
    case PROP_RUN_PANEL_HEIGHT:
      zz_workflow_page_set_run_panel_height (self, g_value_get_int (value));
      break;
    case PROP_SIDE_PANEL_WIDTH:
      zz_workflow_page_set_side_panel_width (self, g_value_get_int (value));
      break;
    case PROP_NARROW:
      zz_workflow_page_set_narrow (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zz_workflow_page_add_block_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  ZzWorkflowPage *self = ZZ_WORKFLOW_PAGE (widget);

  gtk_toggle_button_set_active (self->add_block_button,
                                !gtk_toggle_button_get_active (self->add_block_button));
}

static void
on_palette_revealed_cb (ZzWorkflowPage *self)
{
  if (gtk_revealer_get_reveal_child (self->palette_revealer))
    zz_palette_reset (self->palette);
  else if (gtk_widget_get_focus_child (GTK_WIDGET (self->palette_revealer)) != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->canvas));
}

/* The palette goes away once it has done its job, as a menu does. */
static void
on_palette_done_cb (ZzWorkflowPage *self)
{
  gtk_toggle_button_set_active (self->add_block_button, FALSE);
}

static void
on_inspector_node_notified_cb (ZzWorkflowPage *self)
{
  gboolean   has_node = zz_inspector_get_node (self->inspector) != NULL;
  GtkWidget *flap = gtk_widget_get_ancestor (GTK_WIDGET (self->side_stack), ADW_TYPE_FLAP);

  ZzExecutionModel *run = zz_run_panel_get_model (self->run_panel);
  gboolean          showing_run = run != NULL && g_list_model_get_n_items (G_LIST_MODEL (run)) > 0;

  gtk_stack_set_visible_child_name (self->side_stack, has_node ? "node" : "workflow");
  /* Selecting one node asks about it: its details show. Not while a run is
   * shown: then a selected node is about its run, which the run panel
   * shows, and the panel would only narrow it. */
  if (has_node && flap != NULL && !showing_run)
    adw_flap_set_reveal_flap (ADW_FLAP (flap), TRUE);
}

/* Panel sizes --------------------------------------------------------------- */

/* GtkPaned counts from the top; the height to keep is the run panel's,
 * which a resize of the window leaves alone (resize-end-child is FALSE). */
static gboolean
place_run_panel_cb (GtkWidget     *widget,
                    GdkFrameClock *clock,
                    gpointer       user_data)
{
  ZzWorkflowPage *self = user_data;
  int             height = gtk_widget_get_height (widget);

  if (height <= 0)
    return G_SOURCE_CONTINUE;

  self->placing_run_panel = TRUE;
  gtk_paned_set_position (self->run_paned, MAX (0, height - self->run_panel_height));
  self->placing_run_panel = FALSE;
  self->place_run_panel_id = 0;
  return G_SOURCE_REMOVE;
}

static void
queue_place_run_panel (ZzWorkflowPage *self)
{
  if (self->place_run_panel_id == 0)
    self->place_run_panel_id = gtk_widget_add_tick_callback (GTK_WIDGET (self->run_paned),
                                                             place_run_panel_cb, self, NULL);
}

static void
on_run_paned_position_notified_cb (ZzWorkflowPage *self)
{
  int height = gtk_widget_get_height (GTK_WIDGET (self->run_paned));
  int panel_height;

  /* Only the user's drags are kept: not the paned's first layout. */
  if (self->placing_run_panel || self->place_run_panel_id != 0 || height <= 0)
    return;

  panel_height = CLAMP (height - gtk_paned_get_position (self->run_paned),
                        RUN_PANEL_MIN_HEIGHT, RUN_PANEL_MAX_HEIGHT);
  if (panel_height == self->run_panel_height)
    return;

  self->run_panel_height = panel_height;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUN_PANEL_HEIGHT]);
}

int
zz_workflow_page_get_run_panel_height (ZzWorkflowPage *self)
{
  g_return_val_if_fail (ZZ_IS_WORKFLOW_PAGE (self), 0);

  return self->run_panel_height;
}

void
zz_workflow_page_set_run_panel_height (ZzWorkflowPage *self,
                                       int             height)
{
  g_return_if_fail (ZZ_IS_WORKFLOW_PAGE (self));

  height = CLAMP (height, RUN_PANEL_MIN_HEIGHT, RUN_PANEL_MAX_HEIGHT);
  if (height == self->run_panel_height)
    return;

  self->run_panel_height = height;
  queue_place_run_panel (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUN_PANEL_HEIGHT]);
}

int
zz_workflow_page_get_side_panel_width (ZzWorkflowPage *self)
{
  g_return_val_if_fail (ZZ_IS_WORKFLOW_PAGE (self), 0);

  return self->side_panel_width;
}

/* The width the side panel can have beside the canvas in a page @width
 * wide: what the user chose, less when the canvas needs the room. Below
 * its minimum the flap folds and the panel slides over the canvas. */
static int
fitted_side_panel_width (ZzWorkflowPage *self,
                         int             width)
{
  int content_min = 0;

  if (width <= 0)
    return self->side_panel_width;
  /* Over the canvas, the panel must not hold the window wider than
   * GNOME's floor. */
  if (self->narrow)
    return MIN (self->side_panel_width, NARROW_SIDE_PANEL_WIDTH);

  gtk_widget_measure (GTK_WIDGET (self->run_paned), GTK_ORIENTATION_HORIZONTAL, -1,
                      &content_min, NULL, NULL, NULL);
  return CLAMP (self->side_panel_width, SIDE_PANEL_MIN_WIDTH,
                MAX (width - MAX (content_min, CANVAS_MIN_WIDTH) - 1, SIDE_PANEL_MIN_WIDTH));
}

static gboolean
fit_side_panel_cb (gpointer user_data)
{
  ZzWorkflowPage *self = user_data;

  self->fit_side_panel_id = 0;
#if !ADW_CHECK_VERSION(1, 4, 0)
  if (gtk_widget_get_width (GTK_WIDGET (self)) > 0)
    zz_workflow_page_set_narrow (self, gtk_widget_get_width (GTK_WIDGET (self)) < NARROW_PAGE_WIDTH);
#endif
  self->shown_side_panel_width = fitted_side_panel_width (self, gtk_widget_get_width (GTK_WIDGET (self)));
  gtk_widget_set_size_request (GTK_WIDGET (self->side_stack), self->shown_side_panel_width, -1);
  return G_SOURCE_REMOVE;
}

static void
zz_workflow_page_measure (GtkWidget     *widget,
                          GtkOrientation orientation,
                          int            for_size,
                          int           *minimum,
                          int           *natural,
                          int           *minimum_baseline,
                          int           *natural_baseline)
{
  ZzWorkflowPage *self = ZZ_WORKFLOW_PAGE (widget);

  gtk_widget_measure (GTK_WIDGET (self->flap), orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

/* The panel's size request follows the page's width, changed after this
 * allocation: a size request changed while allocating would leave the
 * page with no allocation until the next resize. */
static void
zz_workflow_page_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  ZzWorkflowPage *self = ZZ_WORKFLOW_PAGE (widget);

  if ((fitted_side_panel_width (self, width) != self->shown_side_panel_width
#if !ADW_CHECK_VERSION(1, 4, 0)
       || (width < NARROW_PAGE_WIDTH) != self->narrow
#endif
       ) &&
      self->fit_side_panel_id == 0)
    self->fit_side_panel_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, fit_side_panel_cb, self, NULL);

  gtk_widget_allocate (GTK_WIDGET (self->flap), width, height, baseline, NULL);
}

gboolean
zz_workflow_page_get_narrow (ZzWorkflowPage *self)
{
  g_return_val_if_fail (ZZ_IS_WORKFLOW_PAGE (self), FALSE);

  return self->narrow;
}

void
zz_workflow_page_set_narrow (ZzWorkflowPage *self,
                             gboolean        narrow)
{
  g_return_if_fail (ZZ_IS_WORKFLOW_PAGE (self));

  narrow = !!narrow;
  if (narrow == self->narrow)
    return;

  self->narrow = narrow;
  /* Folded, the panel slides over the canvas and has its way back. */
  adw_flap_set_fold_policy (self->flap, narrow ? ADW_FLAP_FOLD_POLICY_ALWAYS : ADW_FLAP_FOLD_POLICY_AUTO);
  if (self->fit_side_panel_id == 0)
    self->fit_side_panel_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, fit_side_panel_cb, self, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NARROW]);
}

void
zz_workflow_page_set_side_panel_width (ZzWorkflowPage *self,
                                       int             width)
{
  g_return_if_fail (ZZ_IS_WORKFLOW_PAGE (self));

  width = CLAMP (width, SIDE_PANEL_MIN_WIDTH, SIDE_PANEL_MAX_WIDTH);
  if (width == self->side_panel_width)
    return;

  self->side_panel_width = width;
  fit_side_panel_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIDE_PANEL_WIDTH]);
}

/* The side panel's edge beside the canvas is a handle, as a paned's is:
 * AdwFlap has none, and it keeps the panel an overlay when folded. The
 * gesture is the page's, which does not move while the panel widens. */
static gboolean
is_on_side_panel_grip (ZzWorkflowPage *self,
                       double          page_x,
                       double          page_y)
{
  GtkWidget *panel = GTK_WIDGET (self->side_stack);
  double     x, y;

  if (!gtk_widget_get_mapped (panel) ||
      !gtk_widget_translate_coordinates (GTK_WIDGET (self), panel, page_x, page_y, &x, &y) ||
      y < 0 || y > gtk_widget_get_height (panel))
    return FALSE;

  if (gtk_widget_get_direction (panel) == GTK_TEXT_DIR_RTL)
    return x >= gtk_widget_get_width (panel) - SIDE_PANEL_GRIP && x <= gtk_widget_get_width (panel) + SIDE_PANEL_GRIP;
  return x >= -SIDE_PANEL_GRIP && x <= SIDE_PANEL_GRIP;
}

static void
on_side_panel_drag_begun_cb (ZzWorkflowPage *self,
                             double          x,
                             double          y,
                             GtkGestureDrag *gesture)
{
  if (!is_on_side_panel_grip (self, x, y))
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  self->drag_start_width = gtk_widget_get_width (GTK_WIDGET (self->side_stack));
}

static void
on_side_panel_drag_updated_cb (ZzWorkflowPage *self,
                               double          dx,
                               double          dy,
                               GtkGestureDrag *gesture)
{
  if (gtk_widget_get_direction (GTK_WIDGET (self->side_stack)) == GTK_TEXT_DIR_RTL)
    dx = -dx;
  /* Never so wide that the flap folds over the canvas. */
  self->side_panel_width = 0;
  zz_workflow_page_set_side_panel_width (self, self->drag_start_width - (int) dx);
  if (self->shown_side_panel_width != self->side_panel_width)
    {
      self->side_panel_width = self->shown_side_panel_width;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIDE_PANEL_WIDTH]);
    }
}

static void
on_side_panel_motion_cb (ZzWorkflowPage           *self,
                         double                    x,
                         double                    y,
                         GtkEventControllerMotion *motion)
{
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), is_on_side_panel_grip (self, x, y) ? "col-resize" : NULL);
}

static void
on_hide_side_clicked_cb (ZzWorkflowPage *self)
{
  adw_flap_set_reveal_flap (self->flap, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->canvas));
}

static void
zz_workflow_page_class_init (ZzWorkflowPageClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zz_workflow_page_dispose;
  object_class->finalize = zz_workflow_page_finalize;
  object_class->get_property = zz_workflow_page_get_property;
  object_class->set_property = zz_workflow_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, ZZ_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WORKFLOW] =
    g_param_spec_object ("workflow", NULL, NULL, ZZ_TYPE_WORKFLOW,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_RUN_PANEL_HEIGHT] =
    g_param_spec_int ("run-panel-height", NULL, NULL,
                      RUN_PANEL_MIN_HEIGHT, RUN_PANEL_MAX_HEIGHT, 220,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SIDE_PANEL_WIDTH] =
    g_param_spec_int ("side-panel-width", NULL, NULL,
                      SIDE_PANEL_MIN_WIDTH, SIDE_PANEL_MAX_WIDTH, 340,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NARROW] =
    g_param_spec_boolean ("narrow", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/zzyra/Desktop/ui/zz-workflow-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ZzWorkflowPage, name_row);
  gtk_widget_class_bind_template_child (widget_class, ZzWorkflowPage, tags_row);
  gtk_widget_class_bind_template_child (widget_class, ZzWorkflowPage, tags_box);
  gtk_widget_class_bind_template_child (widget_class, ZzWorkflowPage, description_view);
  gtk_widget_class_bind_template_child (widget_class, ZzWorkflowPage, version_label);
  gtk_widget_class_bind_template_child (widget_class, ZzWorkflowPage, created_label);
  gtk_widget_class_bind_template_child (widget_class, ZzWorkflowPage, updated_label);
  gtk_widget_class_bind_template_child (widget_class, ZzWorkflowPage, nodes_group);
  gtk_widget_class_bind_template_child (widget_class, ZzWorkflowPage, nodes_list);
  gtk_widget_class_bind_template_child (widget_class, ZzWorkflowPage, canvas);
  gtk_widget_class_bind_template_child (widget_class, ZzWorkflowPage, run_panel);
  gtk_widget_class_bind_template_child (widget_class, ZzWorkflowPage, add_block_button);
  gtk_widget_class_bind_template_child (widget_class, ZzWorkflowPage, palette_revealer);
  gtk_widget_class_bind_template_child (widget_class, ZzWorkflowPage, palette);
  gtk_widget_class_bind_template_child (widget_class, ZzWorkflowPage, side_stack);
  gtk_widget_class_bind_template_child (widget_class, ZzWorkflowPage, inspector);
  gtk_widget_class_bind_template_child (widget_class, ZzWorkflowPage, problems_view);
  gtk_widget_class_bind_template_callback (widget_class, on_palette_revealed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_palette_done_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_inspector_node_notified_cb);
  gtk_widget_class_install_action (widget_class, "page.add-block", NULL, zz_workflow_page_add_block_action);
  gtk_widget_class_bind_template_child (widget_class, ZzWorkflowPage, zoom_label);
  gtk_widget_class_bind_template_child (widget_class, ZzWorkflowPage, draft_revealer);
  gtk_widget_class_bind_template_child (widget_class, ZzWorkflowPage, draft_label);
  gtk_widget_class_bind_template_child (widget_class, ZzWorkflowPage, run_paned);
  gtk_widget_class_bind_template_child (widget_class, ZzWorkflowPage, flap);
  gtk_widget_class_bind_template_callback (widget_class, on_hide_side_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_run_paned_position_notified_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_draft_restore_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_draft_discard_clicked_cb);
  gtk_widget_class_install_action (widget_class, "page.tidy-up", NULL, zz_workflow_page_tidy_up_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_L, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "page.tidy-up", NULL);
  gtk_widget_class_bind_template_callback (widget_class, on_zoom_in_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_zoom_out_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_zoom_reset_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_zoom_fit_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_name_row_applied_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_tags_row_applied_cb);
  widget_class->measure = zz_workflow_page_measure;
  widget_class->realize = zz_workflow_page_realize;
  widget_class->unrealize = zz_workflow_page_unrealize;
  widget_class->size_allocate = zz_workflow_page_size_allocate;
}

static void
zz_workflow_page_init (ZzWorkflowPage *self)
{
  GtkEventController *focus;
  GtkEventController *motion;
  GtkGesture         *drag;

  g_type_ensure (ZZ_TYPE_CANVAS);
  g_type_ensure (ZZ_TYPE_RUN_PANEL);
  g_type_ensure (ZZ_TYPE_PALETTE);
  g_type_ensure (ZZ_TYPE_INSPECTOR);
  g_type_ensure (ZZ_TYPE_PROBLEMS_VIEW);
  gtk_widget_init_template (GTK_WIDGET (self));

  self->workflow_signals = g_signal_group_new (ZZ_TYPE_WORKFLOW);
  g_signal_group_connect_object (self->workflow_signals, "notify::modified",
                                 G_CALLBACK (on_workflow_modified_cb), self, G_CONNECT_SWAPPED);

  self->nodes_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_object (self->nodes_signals, "items-changed",
                                 G_CALLBACK (on_nodes_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->nodes_list, "row-activated",
                           G_CALLBACK (on_node_row_activated_cb), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (zz_canvas_get_viewport (self->canvas), "notify::zoom",
                           G_CALLBACK (on_zoom_changed_cb), self, G_CONNECT_SWAPPED);
  on_zoom_changed_cb (self, NULL, zz_canvas_get_viewport (self->canvas));

  self->run_panel_height = 220;
  self->side_panel_width = 0;
  zz_workflow_page_set_side_panel_width (self, 340);
  queue_place_run_panel (self);

  drag = gtk_gesture_drag_new ();
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (drag), GTK_PHASE_CAPTURE);
  g_signal_connect_object (drag, "drag-begin", G_CALLBACK (on_side_panel_drag_begun_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (drag, "drag-update", G_CALLBACK (on_side_panel_drag_updated_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));
  motion = gtk_event_controller_motion_new ();
  g_signal_connect_object (motion, "motion", G_CALLBACK (on_side_panel_motion_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (motion, "enter", G_CALLBACK (on_side_panel_motion_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  self->tags = gtk_string_list_new (NULL);
  gtk_flow_box_bind_model (self->tags_box, G_LIST_MODEL (self->tags),
                           create_tag_widget_cb, NULL, NULL);

  g_signal_connect_object (gtk_text_view_get_buffer (self->description_view), "changed",
                           G_CALLBACK (on_description_changed_cb), self, G_CONNECT_SWAPPED);

  focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "leave",
                           G_CALLBACK (on_description_focus_left_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->description_view), focus);
}

GtkWidget *
zz_workflow_page_new (ZzStore *store)
{
  g_return_val_if_fail (ZZ_IS_STORE (store), NULL);

  return g_object_new (ZZ_TYPE_WORKFLOW_PAGE, "store", store, NULL);
}

ZzWorkflow *
zz_workflow_page_get_workflow (ZzWorkflowPage *self)
{
  g_return_val_if_fail (ZZ_IS_WORKFLOW_PAGE (self), NULL);

  return self->workflow;
}

void
zz_workflow_page_set_workflow (ZzWorkflowPage *self,
                               ZzWorkflow     *workflow)
{
  g_return_if_fail (ZZ_IS_WORKFLOW_PAGE (self));
  g_return_if_fail (workflow == NULL || ZZ_IS_WORKFLOW (workflow));

  if (self->workflow == workflow)
    return;

  if (self->description_save_id != 0)
    zz_workflow_page_flush (self);

  g_set_object (&self->workflow, workflow);
  g_signal_group_set_target (self->workflow_signals, workflow);
  g_signal_group_set_target (self->nodes_signals, workflow ? zz_workflow_get_nodes (workflow) : NULL);
  if (self->drafts == NULL)
    self->drafts = zz_draft_writer_new (self->store);
  zz_draft_writer_set_workflow (self->drafts, workflow);
  zz_workflow_page_load (self);
  zz_workflow_page_offer_draft (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKFLOW]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

ZzProblemsView *
zz_workflow_page_get_problems_view (ZzWorkflowPage *self)
{
  g_return_val_if_fail (ZZ_IS_WORKFLOW_PAGE (self), NULL);

  return self->problems_view;
}

ZzCanvas *
zz_workflow_page_get_canvas (ZzWorkflowPage *self)
{
  g_return_val_if_fail (ZZ_IS_WORKFLOW_PAGE (self), NULL);

  return self->canvas;
}

ZzRunPanel *
zz_workflow_page_get_run_panel (ZzWorkflowPage *self)
{
  g_return_val_if_fail (ZZ_IS_WORKFLOW_PAGE (self), NULL);

  return self->run_panel;
}

const char *
zz_workflow_page_get_title (ZzWorkflowPage *self)
{
  g_return_val_if_fail (ZZ_IS_WORKFLOW_PAGE (self), NULL);

  return self->workflow ? zz_workflow_get_name (self->workflow) : NULL;
}

gboolean
zz_workflow_page_get_modified (ZzWorkflowPage *self)
{
  g_return_val_if_fail (ZZ_IS_WORKFLOW_PAGE (self), FALSE);

  return self->workflow != NULL && zz_workflow_get_modified (self->workflow);
}

gboolean
zz_workflow_page_save_document (ZzWorkflowPage *self)
{
  g_return_val_if_fail (ZZ_IS_WORKFLOW_PAGE (self), FALSE);

  /* The description being typed is part of what is saved. */
  if (self->description_save_id != 0)
    {
      g_autofree char *text = dup_description_text (self);

      g_clear_handle_id (&self->description_save_id, g_source_remove);
      zz_workflow_set_description (self->workflow, text[0] ? text : NULL);
    }

  return zz_workflow_page_save (self);
}

void
zz_workflow_page_discard_changes (ZzWorkflowPage *self)
{
  g_autoptr(ZzWorkflow) stored = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (ZZ_IS_WORKFLOW_PAGE (self));

  if (self->workflow == NULL)
    return;

  /* No draft written after it is deleted. */
  zz_draft_writer_set_workflow (self->drafts, NULL);
  zz_store_delete_draft (self->store, zz_workflow_get_id (self->workflow), NULL);
  zz_draft_writer_set_workflow (self->drafts, self->workflow);
  if (!zz_workflow_get_modified (self->workflow))
    return;

  /* The document as last saved replaces the edited one. */
  stored = zz_store_get_workflow (self->store, zz_workflow_get_id (self->workflow), &error);
  if (stored == NULL)
    {
      g_warning ("Could not read “%s” again: %s", zz_workflow_get_name (self->workflow), error->message);
      return;
    }
  zz_workflow_page_set_workflow (self, stored);
}
