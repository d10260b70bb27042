/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zz-window"

#include "config.h"

#include <glib/gi18n.h>

#include "zz-canvas-export.h"
#include "zz-window-private.h"

/* The commands on workflows that need a dialog or a file: new, import,
 * export, rename, duplicate. Delete and search live in zz-window.c with the
 * list they change. */

static void
zz_window_show_error (ZzWindow   *self,
                      const char *heading,
                      const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
name_is_taken (ZzWindow   *self,
               const char *name)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->workflows));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ZzWorkflowSummary) summary = g_list_model_get_item (G_LIST_MODEL (self->workflows), i);

      if (g_strcmp0 (zz_workflow_summary_get_name (summary), name) == 0)
        return TRUE;
    }

  return FALSE;
}

char *
_zz_window_unique_name (ZzWindow   *self,
                        const char *base)
{
  char *name = g_strdup (base);

  for (guint i = 2; name_is_taken (self, name); i++)
    {
      g_free (name);
      /* Translators: a workflow name made unique, "Untitled Workflow 2" */
      name = g_strdup_printf (C_ ("workflow name", "%s %u"), base, i);
    }

  return name;
}

static void
zz_window_add_or_toast (ZzWindow   *self,
                        ZzWorkflow *workflow)
{
  g_autoptr(GError) error = NULL;

  if (!_zz_window_add_workflow (self, workflow, &error))
    {
      g_autofree char *message =
        g_strdup_printf (_("Could not add “%s”: %s"),
                            zz_workflow_get_name (workflow), error->message);
      gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s", message);
    }
}

static void
zz_window_new_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ZzWindow        *self = ZZ_WINDOW (widget);
  g_autofree char *name = _zz_window_unique_name (self, _("Untitled Workflow"));
  g_autoptr(ZzWorkflow) workflow = zz_workflow_new (name);

  zz_window_add_or_toast (self, workflow);
}

static void
zz_window_duplicate_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  ZzWindow        *self = ZZ_WINDOW (widget);
  ZzWorkflow      *workflow = zz_workflow_page_get_workflow (self->page);
  g_autofree char *base = NULL;
  g_autofree char *name = NULL;
  g_autoptr(ZzWorkflow) copy = NULL;

  if (workflow == NULL)
    return;

  zz_workflow_page_flush (self->page);
  /* Translators: the name of a duplicated workflow */
  base = g_strdup_printf (_("Copy of %s"), zz_workflow_get_name (workflow));
  name = _zz_window_unique_name (self, base);
  copy = zz_workflow_duplicate (workflow, name);
  zz_window_add_or_toast (self, copy);
}

/* Import ------------------------------------------------------------------- */

static GtkFileFilter *
create_json_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Zzyra Workflows (JSON)"));
  gtk_file_filter_add_mime_type (filter, "application/json");
  gtk_file_filter_add_suffix (filter, "json");
  return filter;
}

static void
on_import_loaded_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(ZzWindow) self = user_data;
  GFile           *file = G_FILE (object);
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *contents = NULL;
  g_autofree char *heading = NULL;
  g_autoptr(ZzWorkflow) workflow = NULL;
  g_autoptr(ZzWorkflow) existing = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  /* Translators: the heading of an error dialog, %s is a file name */
  heading = g_strdup_printf (_("Could Not Import “%s”"), basename);

  if (!g_file_load_contents_finish (file, result, &contents, &length, NULL, &error))
    {
      zz_window_show_error (self, heading, error->message);
      return;
    }

  if ((workflow = zz_workflow_new_from_data (contents, length, &error)) == NULL)
    {
      zz_window_show_error (self, heading, error->message);
      return;
    }

  /* Importing a file twice, or one exported from here, adds a second
   * workflow rather than failing on its id. */
  if (zz_workflow_get_id (workflow) != NULL &&
      (existing = zz_store_get_workflow (self->store, zz_workflow_get_id (workflow), NULL)) != NULL)
    zz_workflow_set_id (workflow, NULL);

  if (!_zz_window_add_workflow (self, workflow, &error))
    {
      zz_window_show_error (self, heading, error->message);
      return;
    }
  else
    {
      g_autofree char *message =
        g_strdup_printf (_("Imported “%s”"), zz_workflow_get_name (workflow));
      gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s", message);
    }
}

void
_zz_window_import_file (ZzWindow *self,
                        GFile    *file)
{
  g_return_if_fail (ZZ_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  g_file_load_contents_async (file, NULL, on_import_loaded_cb, g_object_ref (self));
}

static void
on_import_chooser_responded_cb (ZzWindow             *self,
                                int                   response,
                                GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  g_clear_object (&self->chooser);

  if (file != NULL)
    _zz_window_import_file (self, file);
}

static void
zz_window_import_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  ZzWindow             *self = ZZ_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = create_json_filter ();

  if (self->chooser != NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Import Workflow"), GTK_WINDOW (self),
                                            GTK_FILE_CHOOSER_ACTION_OPEN,
                                            _("_Import"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response",
                           G_CALLBACK (on_import_chooser_responded_cb), self, G_CONNECT_SWAPPED);

  self->chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->chooser);
}

/* Export ------------------------------------------------------------------- */

static void
on_export_written_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(ZzWindow) self = user_data;
  GFile           *file = G_FILE (object);
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_file_replace_contents_finish (file, result, NULL, &error))
    message = g_strdup_printf (_("Could not export to “%s”: %s"), basename, error->message);
  else
    message = g_strdup_printf (_("Exported to “%s”"), basename);

  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s", message);
}

static void
on_export_chooser_responded_cb (ZzWindow             *self,
                                int                   response,
                                GtkFileChooserNative *chooser)
{
  ZzWorkflow *workflow = zz_workflow_page_get_workflow (self->page);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  char *data;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  g_clear_object (&self->chooser);

  if (file == NULL || workflow == NULL)
    return;

  zz_workflow_page_flush (self->page);
  data = zz_workflow_to_data (workflow, TRUE);
  bytes = g_bytes_new_take (data, strlen (data));

  /* Written to a temporary file and renamed over the old one: a failed
   * export never leaves half a file. */
  g_file_replace_contents_bytes_async (file, bytes, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                       NULL, on_export_written_cb, g_object_ref (self));
}

/* Asks where to save the open workflow as a file named after it, with
 * @suffix; @responded gets the chooser's answer. */
static void
ask_where_to_export (ZzWindow      *self,
                     ZzWorkflow    *workflow,
                     const char    *title,
                     GtkFileFilter *filter,
                     const char    *suffix,
                     GCallback      responded)
{
  GtkFileChooserNative *chooser;
  g_autofree char      *file_name = g_strdup_printf ("%s.%s", zz_workflow_get_name (workflow), suffix);

  g_strdelimit (file_name, "/\\", '-');

  chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), file_name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", responded, self, G_CONNECT_SWAPPED);

  self->chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->chooser);
}

static void
zz_window_export_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  ZzWindow   *self = ZZ_WINDOW (widget);
  ZzWorkflow *workflow = zz_workflow_page_get_workflow (self->page);
  g_autoptr(GtkFileFilter) filter = create_json_filter ();

  if (workflow == NULL || self->chooser != NULL)
    return;

  ask_where_to_export (self, workflow, _("Export Workflow"), filter, "json", G_CALLBACK (on_export_chooser_responded_cb));
}

/* Export as PNG ------------------------------------------------------------ */

/* The image's size: the workflow is fitted into it, as zoom-to-fit does. */
#define PNG_WIDTH  1600
#define PNG_HEIGHT 1000

static void
on_export_png_chooser_responded_cb (ZzWindow             *self,
                                    int                   response,
                                    GtkFileChooserNative *chooser)
{
  ZzWorkflow *workflow = zz_workflow_page_get_workflow (self->page);
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  g_clear_object (&self->chooser);

  if (file == NULL || workflow == NULL)
    return;

  /* The portal gives a local path (its FUSE mount in a sandbox). */
  path = g_file_get_path (file);
  basename = g_file_get_basename (file);
  zz_workflow_page_flush (self->page);
  if (path == NULL)
    message = g_strdup_printf (_("Could not export to “%s”: not a local file"), basename);
  else if (!zz_canvas_render_to_png (workflow, path, PNG_WIDTH, PNG_HEIGHT, &error))
    message = g_strdup_printf (_("Could not export to “%s”: %s"), basename, error->message);
  else
    message = g_strdup_printf (_("Exported to “%s”"), basename);

  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s", message);
}

static void
zz_window_export_png_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  ZzWindow   *self = ZZ_WINDOW (widget);
  ZzWorkflow *workflow = zz_workflow_page_get_workflow (self->page);
  g_autoptr(GtkFileFilter) filter = NULL;

  if (workflow == NULL || self->chooser != NULL)
    return;

  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("PNG Images"));
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_filter_add_suffix (filter, "png");

  ask_where_to_export (self, workflow, _("Export Workflow as PNG"), filter, "png", G_CALLBACK (on_export_png_chooser_responded_cb));
}

/* Rename ------------------------------------------------------------------- */

static void
on_rename_entry_changed_cb (AdwMessageDialog *dialog,
                            GtkEditable      *entry)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "rename", name[0] != '\0');
}

static void
on_rename_dialog_responded_cb (ZzWindow         *self,
                               const char       *response,
                               AdwMessageDialog *dialog)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "rename") != 0 || zz_workflow_page_get_workflow (self->page) == NULL)
    return;

  if (!zz_workflow_page_rename (self->page, gtk_editable_get_text (entry), &error))
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s", error->message);
    }
}

static void
zz_window_rename_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  ZzWindow   *self = ZZ_WINDOW (widget);
  ZzWorkflow *workflow = zz_workflow_page_get_workflow (self->page);
  GtkWidget  *dialog;
  GtkWidget  *entry;

  if (workflow == NULL)
    return;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Rename Workflow"), NULL);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"), "rename", _("_Rename"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "rename",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "rename");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), zz_workflow_get_name (workflow));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Name"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);

  g_signal_connect_object (entry, "changed",
                           G_CALLBACK (on_rename_entry_changed_cb), dialog, G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "response",
                           G_CALLBACK (on_rename_dialog_responded_cb), self, G_CONNECT_SWAPPED);

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

void
_zz_window_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.new", NULL, zz_window_new_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, zz_window_import_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, zz_window_export_action);
  gtk_widget_class_install_action (widget_class, "win.export-png", NULL, zz_window_export_png_action);
  gtk_widget_class_install_action (widget_class, "win.rename", NULL, zz_window_rename_action);
  gtk_widget_class_install_action (widget_class, "win.duplicate", NULL, zz_window_duplicate_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.import", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_E, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "win.rename", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_D, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.duplicate", NULL);
}
