/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zz-json-tree.c: a collapsible view of a JSON value */
#define G_LOG_DOMAIN "zz-json-tree"

#include "config.h"

#include <glib/gi18n.h>

#include "zz-json.h"
#include "zz-json-tree.h"

/* One member or element of the value shown. */
#define ZZ_TYPE_JSON_TREE_NODE (zz_json_tree_node_get_type ())
G_DECLARE_FINAL_TYPE (ZzJsonTreeNode, zz_json_tree_node, ZZ, JSON_TREE_NODE, GObject)

struct _ZzJsonTreeNode
{
  GObject   parent_instance;
  char     *key;  /* "price" or "[0]" */
  char     *path; /* "body.items[0].price" */
  JsonNode *value;
};

G_DEFINE_FINAL_TYPE (ZzJsonTreeNode, zz_json_tree_node, G_TYPE_OBJECT)

static void
zz_json_tree_node_finalize (GObject *object)
{
  ZzJsonTreeNode *self = ZZ_JSON_TREE_NODE (object);

  g_free (self->key);
  g_free (self->path);
  g_clear_pointer (&self->value, json_node_unref);
  G_OBJECT_CLASS (zz_json_tree_node_parent_class)->finalize (object);
}

static void
zz_json_tree_node_class_init (ZzJsonTreeNodeClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = zz_json_tree_node_finalize;
}

static void
zz_json_tree_node_init (ZzJsonTreeNode *self)
{
}

static ZzJsonTreeNode *
zz_json_tree_node_new (const char *key,
                       const char *path,
                       JsonNode   *value)
{
  ZzJsonTreeNode *self = g_object_new (ZZ_TYPE_JSON_TREE_NODE, NULL);

  self->key = g_strdup (key);
  self->path = g_strdup (path);
  self->value = json_node_ref (value);
  return self;
}

struct _ZzJsonTree
{
  GtkWidget parent_instance;

  char               *prefix;
  GtkTreeListModel   *tree; /* owned by the selection */
  GtkSingleSelection *selection;
  GtkWidget          *stack;
  GtkWidget          *scroller;
  GtkWidget          *list_view;
  GtkWidget          *placeholder;
  GtkWidget          *menu;
};

G_DEFINE_FINAL_TYPE (ZzJsonTree, zz_json_tree, GTK_TYPE_WIDGET)

/* Children of a value, as ZzJsonTreeNode; %NULL for a scalar. */
static GListModel *
children_of (JsonNode   *value,
             const char *path)
{
  GListStore *store;

  if (JSON_NODE_HOLDS_OBJECT (value))
    {
      JsonObject *object = json_node_get_object (value);
      g_autoptr(GList) members = json_object_get_members (object);

      if (members == NULL)
        return NULL;
      store = g_list_store_new (ZZ_TYPE_JSON_TREE_NODE);
      for (GList *l = members; l != NULL; l = l->next)
        {
          g_autofree char *child_path = path && path[0] ? g_strconcat (path, ".", l->data, NULL)
                                                        : g_strdup (l->data);
          g_autoptr(ZzJsonTreeNode) node =
                       zz_json_tree_node_new (l->data, child_path, json_object_get_member (object, l->data));
          g_list_store_append (store, node);
        }
      return G_LIST_MODEL (store);
    }

  if (JSON_NODE_HOLDS_ARRAY (value))
    {
      JsonArray *array = json_node_get_array (value);
      guint      n = json_array_get_length (array);

      if (n == 0)
        return NULL;
      store = g_list_store_new (ZZ_TYPE_JSON_TREE_NODE);
      for (guint i = 0; i < n; i++)
        {
          g_autofree char *key = g_strdup_printf ("[%u]", i);
          g_autofree char *child_path = g_strconcat (path ? path : "", key, NULL);
          g_autoptr(ZzJsonTreeNode) node =
                       zz_json_tree_node_new (key, child_path, json_array_get_element (array, i));
          g_list_store_append (store, node);
        }
      return G_LIST_MODEL (store);
    }

  return NULL;
}

static GListModel *
create_child_model_cb (gpointer item,
                       gpointer user_data)
{
  ZzJsonTreeNode *node = item;

  return children_of (node->value, node->path);
}

/* What a row shows after the key. */
static char *
summary_of (JsonNode *value)
{
  if (JSON_NODE_HOLDS_OBJECT (value))
    {
      guint n = json_object_get_size (json_node_get_object (value));
      /* Translators: an object in the JSON view, with its number of members */
      return n == 0 ? g_strdup ("{}") : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "{%u member}", "{%u members}", n), n);
    }
  if (JSON_NODE_HOLDS_ARRAY (value))
    {
      guint n = json_array_get_length (json_node_get_array (value));
      /* Translators: an array in the JSON view, with its number of items */
      return n == 0 ? g_strdup ("[]") : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "[%u item]", "[%u items]", n), n);
    }
  return zz_json_to_string (value, FALSE);
}

static char *
value_text (JsonNode *value)
{
  if (JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_STRING)
    return g_strdup (json_node_get_string (value));
  return zz_json_to_string (value, TRUE);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  GtkWidget *expander = gtk_tree_expander_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *key = gtk_label_new (NULL);
  GtkWidget *value = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (key), 0);
  gtk_widget_add_css_class (key, "json-key");
  gtk_label_set_xalign (GTK_LABEL (value), 0);
  gtk_label_set_ellipsize (GTK_LABEL (value), PANGO_ELLIPSIZE_END);
  gtk_label_set_selectable (GTK_LABEL (value), FALSE);
  gtk_widget_set_hexpand (value, TRUE);
  gtk_widget_add_css_class (value, "monospace");
  gtk_box_append (GTK_BOX (box), key);
  gtk_box_append (GTK_BOX (box), value);
  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), box);
  gtk_list_item_set_child (list_item, expander);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             gpointer                  user_data)
{
  GtkTreeListRow  *row = gtk_list_item_get_item (list_item);
  ZzJsonTreeNode  *node = gtk_tree_list_row_get_item (row);
  GtkWidget       *expander = gtk_list_item_get_child (list_item);
  GtkWidget       *box = gtk_tree_expander_get_child (GTK_TREE_EXPANDER (expander));
  GtkWidget       *key = gtk_widget_get_first_child (box);
  GtkWidget       *value = gtk_widget_get_next_sibling (key);
  g_autofree char *key_text = g_strconcat (node->key, ":", NULL);
  g_autofree char *summary = summary_of (node->value);

  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), row);
  gtk_label_set_label (GTK_LABEL (key), key_text);
  gtk_label_set_label (GTK_LABEL (value), summary);
  gtk_widget_set_tooltip_text (value, JSON_NODE_HOLDS_VALUE (node->value) ? summary : NULL);
  if (JSON_NODE_HOLDS_OBJECT (node->value) || JSON_NODE_HOLDS_ARRAY (node->value))
    gtk_widget_add_css_class (value, "dim-label");
  else
    gtk_widget_remove_css_class (value, "dim-label");
  g_object_unref (node);
}

static ZzJsonTreeNode *
selected_node (ZzJsonTree *self)
{
  GtkTreeListRow *row = gtk_single_selection_get_selected_item (self->selection);

  return row ? gtk_tree_list_row_get_item (row) : NULL;
}

char *
zz_json_tree_dup_selected_value (ZzJsonTree *self)
{
  g_autoptr(ZzJsonTreeNode) node = NULL;

  g_return_val_if_fail (ZZ_IS_JSON_TREE (self), NULL);

  node = selected_node (self);
  return node ? value_text (node->value) : NULL;
}

char *
zz_json_tree_dup_selected_path (ZzJsonTree *self)
{
  g_autoptr(ZzJsonTreeNode) node = NULL;

  g_return_val_if_fail (ZZ_IS_JSON_TREE (self), NULL);

  node = selected_node (self);
  if (node == NULL)
    return NULL;
  if (self->prefix == NULL || self->prefix[0] == '\0')
    return g_strdup (node->path);
  return g_strconcat (self->prefix, node->path[0] == '[' ? "" : ".", node->path, NULL);
}

static void
copy_text (ZzJsonTree *self,
           const char *text)
{
  if (text != NULL)
    gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text);
}

static void
copy_value_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  g_autofree char *text = zz_json_tree_dup_selected_value (ZZ_JSON_TREE (widget));

  copy_text (ZZ_JSON_TREE (widget), text);
}

static void
copy_path_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  g_autofree char *text = zz_json_tree_dup_selected_path (ZZ_JSON_TREE (widget));

  copy_text (ZZ_JSON_TREE (widget), text);
}

static void
on_selection_changed_cb (ZzJsonTree *self)
{
  gboolean has = gtk_single_selection_get_selected_item (self->selection) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "json.copy-value", has);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "json.copy-path", has);
}

static void
on_right_click_cb (GtkGestureClick *gesture,
                   int              n_press,
                   double           x,
                   double           y,
                   ZzJsonTree      *self)
{
  GtkWidget *picked = gtk_widget_pick (GTK_WIDGET (self->list_view), x, y, GTK_PICK_DEFAULT);

  /* Select the row under the pointer: the menu acts on it. */
  for (GtkWidget *w = picked; w != NULL && w != self->list_view; w = gtk_widget_get_parent (w))
    if (GTK_IS_TREE_EXPANDER (w))
      {
        GtkTreeListRow *row = gtk_tree_expander_get_list_row (GTK_TREE_EXPANDER (w));
        guint           n = g_list_model_get_n_items (G_LIST_MODEL (self->tree));

        for (guint i = 0; i < n; i++)
          {
            g_autoptr(GtkTreeListRow) candidate = g_list_model_get_item (G_LIST_MODEL (self->tree), i);
            if (candidate == row)
              {
                gtk_single_selection_set_selected (self->selection, i);
                break;
              }
          }
        break;
      }

  if (gtk_single_selection_get_selected_item (self->selection) == NULL)
    return;
  gtk_popover_set_pointing_to (GTK_POPOVER (self->menu),
                               &(GdkRectangle){ (int) x, (int) y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->menu));
}

static void
zz_json_tree_dispose (GObject *object)
{
  ZzJsonTree *self = ZZ_JSON_TREE (object);

  g_clear_pointer (&self->menu, gtk_widget_unparent);
  g_clear_pointer (&self->stack, gtk_widget_unparent);
  g_clear_object (&self->selection);
  g_clear_pointer (&self->prefix, g_free);

  G_OBJECT_CLASS (zz_json_tree_parent_class)->dispose (object);
}

static void
zz_json_tree_size_allocate (GtkWidget *widget,
                            int        width,
                            int        height,
                            int        baseline)
{
  ZzJsonTree *self = ZZ_JSON_TREE (widget);

  gtk_widget_allocate (self->stack, width, height, baseline, NULL);
  if (self->menu != NULL)
    gtk_popover_present (GTK_POPOVER (self->menu));
}

static void
zz_json_tree_measure (GtkWidget     *widget,
                      GtkOrientation orientation,
                      int            for_size,
                      int           *minimum,
                      int           *natural,
                      int           *minimum_baseline,
                      int           *natural_baseline)
{
  gtk_widget_measure (ZZ_JSON_TREE (widget)->stack, orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

static void
zz_json_tree_class_init (ZzJsonTreeClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zz_json_tree_dispose;
  widget_class->size_allocate = zz_json_tree_size_allocate;
  widget_class->measure = zz_json_tree_measure;

  gtk_widget_class_install_action (widget_class, "json.copy-value", NULL, copy_value_action);
  gtk_widget_class_install_action (widget_class, "json.copy-path", NULL, copy_path_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK, "json.copy-value", NULL);
  gtk_widget_class_set_css_name (widget_class, "zzjsontree");
}

static void
zz_json_tree_init (ZzJsonTree *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GMenu) menu = g_menu_new ();
  GtkGesture *click;

  self->tree = gtk_tree_list_model_new (G_LIST_MODEL (g_list_store_new (ZZ_TYPE_JSON_TREE_NODE)),
                                        FALSE, FALSE, create_child_model_cb, NULL, NULL);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (self->tree));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected",
                           G_CALLBACK (on_selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "items-changed",
                           G_CALLBACK (on_selection_changed_cb), self, G_CONNECT_SWAPPED);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  self->list_view = gtk_list_view_new (GTK_SELECTION_MODEL (g_object_ref (self->selection)),
                                       g_object_ref (factory));
  gtk_widget_add_css_class (self->list_view, "json-tree");

  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), self->list_view);
  gtk_widget_set_vexpand (self->scroller, TRUE);

  self->placeholder = gtk_label_new (_("Nothing"));
  gtk_widget_add_css_class (self->placeholder, "dim-label");

  self->stack = gtk_stack_new ();
  gtk_stack_add_named (GTK_STACK (self->stack), self->placeholder, "empty");
  gtk_stack_add_named (GTK_STACK (self->stack), self->scroller, "tree");
  gtk_widget_set_parent (self->stack, GTK_WIDGET (self));

  g_menu_append (menu, _("Copy Value"), "json.copy-value");
  g_menu_append (menu, _("Copy Path"), "json.copy-path");
  self->menu = gtk_popover_menu_new_from_model (G_MENU_MODEL (menu));
  gtk_popover_set_has_arrow (GTK_POPOVER (self->menu), FALSE);
  gtk_popover_set_position (GTK_POPOVER (self->menu), GTK_POS_BOTTOM);
  gtk_widget_set_halign (self->menu, GTK_ALIGN_START);
  gtk_widget_set_parent (self->menu, GTK_WIDGET (self));

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect (click, "pressed", G_CALLBACK (on_right_click_cb), self);
  gtk_widget_add_controller (self->list_view, GTK_EVENT_CONTROLLER (click));

  on_selection_changed_cb (self);
}

GtkWidget *
zz_json_tree_new (void)
{
  return g_object_new (ZZ_TYPE_JSON_TREE, NULL);
}

void
zz_json_tree_set_placeholder (ZzJsonTree *self,
                              const char *placeholder)
{
  g_return_if_fail (ZZ_IS_JSON_TREE (self));

  gtk_label_set_label (GTK_LABEL (self->placeholder), placeholder);
}

void
zz_json_tree_set_json (ZzJsonTree *self,
                       const char *text,
                       const char *path_prefix)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GListModel) children = NULL;
  g_autoptr(GListStore) top = g_list_store_new (ZZ_TYPE_JSON_TREE_NODE);

  g_return_if_fail (ZZ_IS_JSON_TREE (self));

  g_free (self->prefix);
  self->prefix = g_strdup (path_prefix);

  if (text != NULL && text[0] != '\0')
    root = zz_json_parse (text, -1, NULL);

  if (root != NULL && !JSON_NODE_HOLDS_NULL (root))
    {
      children = children_of (root, "");
      if (children == NULL)
        {
          /* A scalar or an empty container: one row for the value itself. */
          g_autoptr(ZzJsonTreeNode) node = zz_json_tree_node_new (_("value"), "", root);
          g_list_store_append (top, node);
        }
      else
        for (guint i = 0; i < g_list_model_get_n_items (children); i++)
          {
            g_autoptr(GObject) child = g_list_model_get_item (children, i);
            g_list_store_append (top, child);
          }
    }

  /* A tree list model's root cannot change: each value gets a new one. */
  self->tree = gtk_tree_list_model_new (G_LIST_MODEL (g_object_ref (top)),
                                        FALSE, FALSE, create_child_model_cb, NULL, NULL);
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->tree));
  g_object_unref (self->tree); /* the selection holds it */
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack),
                                    g_list_model_get_n_items (G_LIST_MODEL (top)) > 0 ? "tree" : "empty");
}

GListModel *
zz_json_tree_get_model (ZzJsonTree *self)
{
  g_return_val_if_fail (ZZ_IS_JSON_TREE (self), NULL);

  return G_LIST_MODEL (self->tree);
}
