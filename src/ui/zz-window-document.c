/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zz-window"

#include "config.h"

#include <glib/gi18n.h>

#include "zz-starters.h"
#include "zz-window-private.h"

/* The document commands of the window: save, the question asked before
 * unsaved changes would be left (closing, switching), the
 * unsaved mark in the title, tidy up, and new from template. */

/* Title -------------------------------------------------------------------- */

static void
zz_window_update_title (ZzWindow *self)
{
  const char      *name = zz_workflow_page_get_title (self->page);
  g_autofree char *title = NULL;

  /* As gnome-text-editor marks a document not saved: a dot before it. */
  if (name != NULL && zz_workflow_page_get_modified (self->page))
    /* Translators: the title of a workflow with unsaved changes */
    title = g_strdup_printf (_("• %s"), name);

  adw_window_title_set_title (self->window_title, title ? title : name ? name
                                                                       : "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->window_title),
                               title ? _("This workflow has unsaved changes") : NULL);
}

void
_zz_window_init_document (ZzWindow *self)
{
  g_signal_connect_object (self->page, "notify::title",
                           G_CALLBACK (zz_window_update_title), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->page, "notify::modified",
                           G_CALLBACK (zz_window_update_title), self, G_CONNECT_SWAPPED);
  zz_window_update_title (self);
}

/* Save changes? ------------------------------------------------------------- */

static void
on_save_dialog_responded_cb (ZzWindow         *self,
                             const char       *response,
                             AdwMessageDialog *dialog)
{
  ZzWindowThen     then = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "then"));
  g_autofree char *id = g_strdup (g_object_get_data (G_OBJECT (dialog), "workflow-id"));

  if (g_strcmp0 (response, "save") == 0)
    {
      /* The page says why in a toast; the changes stay, and so does the window. */
      if (!zz_workflow_page_save_document (self->page))
        return;
    }
  else if (g_strcmp0 (response, "discard") == 0)
    zz_workflow_page_discard_changes (self->page);
  else
    return;

  switch (then)
    {
    case ZZ_WINDOW_THEN_CLOSE:
      gtk_window_close (GTK_WINDOW (self));
      break;
    case ZZ_WINDOW_THEN_SELECT:
      _zz_window_select_workflow (self, id);
      break;
    default:
      g_assert_not_reached ();
    }
}

/* The list shows the workflow still open until the user has answered. */
static void
zz_window_keep_selection (ZzWindow *self)
{
  GListModel *model = G_LIST_MODEL (self->filtered);
  guint       n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ZzWorkflowSummary) summary = g_list_model_get_item (model, i);

      if (g_strcmp0 (zz_workflow_summary_get_id (summary), self->selected_id) == 0)
        {
          self->reloading++;
          gtk_single_selection_set_selected (self->selection, i);
          self->reloading--;
          return;
        }
    }
}

gboolean
_zz_window_ask_to_save (ZzWindow    *self,
                        ZzWindowThen then,
                        const char  *id)
{
  ZzWorkflow      *workflow = zz_workflow_page_get_workflow (self->page);
  g_autofree char *heading = NULL;
  GtkWidget       *dialog;

  if (workflow == NULL || !zz_workflow_page_get_modified (self->page))
    return FALSE;

  if (then == ZZ_WINDOW_THEN_SELECT)
    zz_window_keep_selection (self);

  if (self->save_dialog != NULL)
    {
      gtk_window_present (self->save_dialog);
      return TRUE;
    }

  /* Translators: %s is a workflow's name */
  heading = g_strdup_printf (_("Save changes to “%s”?"), zz_workflow_get_name (workflow));
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading,
                                   _("The canvas has changes that are not saved. "
                                     "If you don’t save, they will be lost."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"), "discard", _("_Discard"), "save", _("_Save"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  g_object_set_data (G_OBJECT (dialog), "then", GINT_TO_POINTER (then));
  g_object_set_data_full (G_OBJECT (dialog), "workflow-id", g_strdup (id), g_free);
  g_signal_connect_object (dialog, "response",
                           G_CALLBACK (on_save_dialog_responded_cb), self, G_CONNECT_SWAPPED);

  g_set_weak_pointer (&self->save_dialog, GTK_WINDOW (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

/* Actions ------------------------------------------------------------------ */

static void
zz_window_save_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  ZzWindow *self = ZZ_WINDOW (widget);

  if (zz_workflow_page_get_workflow (self->page) != NULL)
    zz_workflow_page_save_document (self->page);
}

static void
zz_window_tidy_up_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  ZzWindow *self = ZZ_WINDOW (widget);

  gtk_widget_activate_action (GTK_WIDGET (self->page), "page.tidy-up", NULL);
}

/* Ctrl+Shift+A (the application's accel for it) is the window's, not the
 * page's: it opens the palette wherever the focus is, the sidebar's search
 * entry or list too. */
static void
zz_window_add_block_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  ZzWindow *self = ZZ_WINDOW (widget);

  if (zz_workflow_page_get_workflow (self->page) != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self->page), "page.add-block", NULL);
}

/* New from template ---------------------------------------------------------- */

gboolean
_zz_window_add_starter (ZzWindow   *self,
                        const char *starter_id,
                        GError    **error)
{
  g_autoptr(ZzWorkflow) workflow = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (ZZ_IS_WINDOW (self), FALSE);

  if ((workflow = zz_starter_create (starter_id, error)) == NULL)
    return FALSE;

  name = _zz_window_unique_name (self, zz_workflow_get_name (workflow));
  zz_workflow_set_name (workflow, name);
  return _zz_window_add_workflow (self, workflow, error);
}

static void
on_template_row_activated_cb (ZzWindow      *self,
                              GtkListBoxRow *row,
                              GtkListBox    *list)
{
  const char *starter_id = g_object_get_data (G_OBJECT (row), "starter-id");
  g_autoptr(GError) error = NULL;

  gtk_window_destroy (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (list))));

  if (!_zz_window_add_starter (self, starter_id, &error))
    {
      g_autofree char *message =
        g_strdup_printf (_("Could not create the workflow: %s"), error->message);
      gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s", message);
    }
}

static void
zz_window_new_from_template_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter)
{
  ZzWindow           *self = ZZ_WINDOW (widget);
  const ZzStarter    *starters;
  GtkWidget          *dialog, *box, *scroller, *clamp, *list;
  GtkEventController *shortcuts;
  guint               n_starters = 0;

  starters = zz_starters_get_all (&n_starters);

  dialog = adw_window_new ();
  gtk_window_set_title (GTK_WINDOW (dialog), _("New from Template"));
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  gtk_window_set_default_size (GTK_WINDOW (dialog), 480, 560);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  adw_window_set_content (ADW_WINDOW (dialog), box);

  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (box), scroller);

  clamp = adw_clamp_new ();
  gtk_widget_set_margin_top (clamp, 12);
  gtk_widget_set_margin_bottom (clamp, 24);
  gtk_widget_set_margin_start (clamp, 12);
  gtk_widget_set_margin_end (clamp, 12);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_widget_set_valign (list, GTK_ALIGN_START);
  gtk_accessible_update_property (GTK_ACCESSIBLE (list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Templates"), -1);
  adw_clamp_set_child (ADW_CLAMP (clamp), list);

  for (guint i = 0; i < n_starters; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name (starters[i].icon_name);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), starters[i].title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), starters[i].description);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_image_set_icon_size (GTK_IMAGE (icon), GTK_ICON_SIZE_LARGE);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      g_object_set_data (G_OBJECT (row), "starter-id", (gpointer) starters[i].id);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }

  g_signal_connect_object (list, "row-activated",
                           G_CALLBACK (on_template_row_activated_cb), self, G_CONNECT_SWAPPED);

  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_named_action_new ("window.close")));
  gtk_widget_add_controller (dialog, shortcuts);

  gtk_window_present (GTK_WINDOW (dialog));
}

void
_zz_window_class_init_document (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.save", NULL, zz_window_save_action);
  gtk_widget_class_install_action (widget_class, "win.tidy-up", NULL, zz_window_tidy_up_action);
  gtk_widget_class_install_action (widget_class, "win.add-block", NULL, zz_window_add_block_action);
  gtk_widget_class_install_action (widget_class, "win.new-from-template", NULL,
                                   zz_window_new_from_template_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "win.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_L, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.tidy-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_N, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.new-from-template", NULL);
}
