/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "zz-workflow.h"

G_BEGIN_DECLS

/* Starter workflows: useful examples built from the registry's blocks,
 * offered by "New from Template" and `zzyra-cli new --template`. */
typedef struct
{
  const char *id;           /* "price-alert" */
  const char *title;        /* translated */
  const char *description;  /* translated */
  const char *icon_name;
} ZzStarter;

/* (array length=n_starters): every starter, in the order menus show them */
const ZzStarter *zz_starters_get_all (guint       *n_starters);
const ZzStarter *zz_starters_lookup  (const char  *id);
/* A new workflow made from the starter, with its translated title as name
 * and no row fields: insert it to keep it. */
ZzWorkflow      *zz_starter_create   (const char  *id,
                                      GError     **error);

G_END_DECLS
