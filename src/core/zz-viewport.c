/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zz-viewport"

#include "config.h"

#include <math.h>

#include "zz-viewport.h"

struct _ZzViewport
{
  GObject parent_instance;

  double zoom;
  double offset_x;
  double offset_y;
};

G_DEFINE_FINAL_TYPE (ZzViewport, zz_viewport, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ZOOM,
  PROP_OFFSET_X,
  PROP_OFFSET_Y,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

static double
clamp_zoom (double zoom)
{
  if (!isfinite (zoom))
    return 1.0;
  return CLAMP (zoom, ZZ_VIEWPORT_MIN_ZOOM, ZZ_VIEWPORT_MAX_ZOOM);
}

/* Sets all three and notifies what changed, once. */
static void
zz_viewport_update (ZzViewport *self,
                    double      zoom,
                    double      offset_x,
                    double      offset_y)
{
  GObject *object = G_OBJECT (self);

  if (!isfinite (offset_x) || !isfinite (offset_y))
    return;

  g_object_freeze_notify (object);
  if (zoom != self->zoom)
    {
      self->zoom = zoom;
      g_object_notify_by_pspec (object, properties[PROP_ZOOM]);
    }
  if (offset_x != self->offset_x)
    {
      self->offset_x = offset_x;
      g_object_notify_by_pspec (object, properties[PROP_OFFSET_X]);
    }
  if (offset_y != self->offset_y)
    {
      self->offset_y = offset_y;
      g_object_notify_by_pspec (object, properties[PROP_OFFSET_Y]);
    }
  g_object_thaw_notify (object);
}

static void
zz_viewport_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  ZzViewport *self = ZZ_VIEWPORT (object);

  switch (prop_id)
    {
    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;
    case PROP_OFFSET_X:
      g_value_set_double (value, self->offset_x);
      break;
    case PROP_OFFSET_Y:
      g_value_set_double (value, self->offset_y);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zz_viewport_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  ZzViewport *self = ZZ_VIEWPORT (object);

  switch (prop_id)
    {
    case PROP_ZOOM:
      zz_viewport_set_zoom (self, g_value_get_double (value));
      break;
    case PROP_OFFSET_X:
      zz_viewport_set_offset (self, g_value_get_double (value), self->offset_y);
      break;
    case PROP_OFFSET_Y:
      zz_viewport_set_offset (self, self->offset_x, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zz_viewport_class_init (ZzViewportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = zz_viewport_get_property;
  object_class->set_property = zz_viewport_set_property;

  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL,
                         ZZ_VIEWPORT_MIN_ZOOM, ZZ_VIEWPORT_MAX_ZOOM, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_OFFSET_X] =
    g_param_spec_double ("offset-x", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_OFFSET_Y] =
    g_param_spec_double ("offset-y", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
zz_viewport_init (ZzViewport *self)
{
  self->zoom = 1.0;
}

ZzViewport *
zz_viewport_new (void)
{
  return g_object_new (ZZ_TYPE_VIEWPORT, NULL);
}

double
zz_viewport_get_zoom (ZzViewport *self)
{
  g_return_val_if_fail (ZZ_IS_VIEWPORT (self), 1.0);

  return self->zoom;
}

void
zz_viewport_set_zoom (ZzViewport *self,
                      double      zoom)
{
  g_return_if_fail (ZZ_IS_VIEWPORT (self));

  zz_viewport_update (self, clamp_zoom (zoom), self->offset_x, self->offset_y);
}

double
zz_viewport_get_offset_x (ZzViewport *self)
{
  g_return_val_if_fail (ZZ_IS_VIEWPORT (self), 0.0);

  return self->offset_x;
}

double
zz_viewport_get_offset_y (ZzViewport *self)
{
  g_return_val_if_fail (ZZ_IS_VIEWPORT (self), 0.0);

  return self->offset_y;
}

void
zz_viewport_set_offset (ZzViewport *self,
                        double      x,
                        double      y)
{
  g_return_if_fail (ZZ_IS_VIEWPORT (self));

  zz_viewport_update (self, self->zoom, x, y);
}

void
zz_viewport_widget_to_canvas (ZzViewport *self,
                              double      widget_x,
                              double      widget_y,
                              double     *canvas_x,
                              double     *canvas_y)
{
  g_return_if_fail (ZZ_IS_VIEWPORT (self));

  if (canvas_x != NULL)
    *canvas_x = widget_x / self->zoom + self->offset_x;
  if (canvas_y != NULL)
    *canvas_y = widget_y / self->zoom + self->offset_y;
}

void
zz_viewport_canvas_to_widget (ZzViewport *self,
                              double      canvas_x,
                              double      canvas_y,
                              double     *widget_x,
                              double     *widget_y)
{
  g_return_if_fail (ZZ_IS_VIEWPORT (self));

  if (widget_x != NULL)
    *widget_x = (canvas_x - self->offset_x) * self->zoom;
  if (widget_y != NULL)
    *widget_y = (canvas_y - self->offset_y) * self->zoom;
}

void
zz_viewport_pan (ZzViewport *self,
                 double      widget_dx,
                 double      widget_dy)
{
  g_return_if_fail (ZZ_IS_VIEWPORT (self));

  zz_viewport_update (self, self->zoom,
                      self->offset_x + widget_dx / self->zoom,
                      self->offset_y + widget_dy / self->zoom);
}

void
zz_viewport_zoom_at (ZzViewport *self,
                     double      zoom,
                     double      widget_x,
                     double      widget_y)
{
  double canvas_x, canvas_y;

  g_return_if_fail (ZZ_IS_VIEWPORT (self));

  zoom = clamp_zoom (zoom);
  zz_viewport_widget_to_canvas (self, widget_x, widget_y, &canvas_x, &canvas_y);
  zz_viewport_update (self, zoom,
                      canvas_x - widget_x / zoom,
                      canvas_y - widget_y / zoom);
}

void
zz_viewport_fit (ZzViewport *self,
                 double      x,
                 double      y,
                 double      width,
                 double      height,
                 double      view_width,
                 double      view_height,
                 double      padding,
                 double      max_zoom)
{
  double zoom = 1.0;
  double room_w, room_h;

  g_return_if_fail (ZZ_IS_VIEWPORT (self));

  room_w = MAX (view_width - 2 * padding, 1.0);
  room_h = MAX (view_height - 2 * padding, 1.0);

  if (width > 0 && height > 0)
    zoom = MIN (MIN (room_w / width, room_h / height), max_zoom);
  else if (width > 0)
    zoom = MIN (room_w / width, max_zoom);
  else if (height > 0)
    zoom = MIN (room_h / height, max_zoom);
  zoom = clamp_zoom (zoom);

  zz_viewport_update (self, zoom,
                      x + width / 2 - view_width / 2 / zoom,
                      y + height / 2 - view_height / 2 / zoom);
}
