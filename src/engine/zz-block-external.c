/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zz-block-external.c: EMAIL and CUSTOM, kept and edited but not run here
 *
 * Workflows from the web platform use them, so the inspector edits their
 * config with the platform's keys; running them needs an SMTP account and
 * a sandboxed JavaScript runtime, which this version does not have, and a
 * run says so on the node instead of failing silently.
 */
#define G_LOG_DOMAIN "zz-block-external"

#include "config.h"

#include <glib/gi18n.h>

#include "zz-blocks-private.h"

static const ZzConfigField email_fields[] = {
  { "to", ZZ_FIELD_STRING, N_ ("To"), NULL, NULL, NULL, 0, 0, ZZ_FIELD_REQUIRED },
  { "subject", ZZ_FIELD_STRING, N_ ("Subject"), NULL, NULL, NULL, 0, 0, ZZ_FIELD_REQUIRED },
  { "body", ZZ_FIELD_TEXT, N_ ("Body") },
  { "cc", ZZ_FIELD_STRING, N_ ("Cc"), NULL, NULL, NULL, 0, 0, ZZ_FIELD_ADVANCED },
  { "template", ZZ_FIELD_STRING, N_ ("Template"), NULL, NULL, NULL, 0, 0, ZZ_FIELD_ADVANCED },
};

const ZzBlockTypeInfo *
_zz_block_email_get_info (void)
{
  static const ZzBlockTypeInfo info = {
    .id = "EMAIL",
    .title = N_ ("Email"),
    .description = N_ ("Sends an email"),
    .category = "notification",
    .icon_name = "mail-send-symbolic",
    .tags = "mail email smtp send message",
    .fields = email_fields,
    .n_fields = G_N_ELEMENTS (email_fields),
  };

  return &info;
}

static const ZzConfigField custom_fields[] = {
  { "code", ZZ_FIELD_CODE, N_ ("Code"), NULL, NULL, NULL, 0, 0, ZZ_FIELD_REQUIRED },
  { "logicType", ZZ_FIELD_CHOICE, N_ ("Language"), NULL, "\"javascript\"", "javascript|python" },
  { "name", ZZ_FIELD_STRING, N_ ("Name") },
  { "description", ZZ_FIELD_TEXT, N_ ("Description") },
  { "category", ZZ_FIELD_STRING, N_ ("Category"), NULL, NULL, NULL, 0, 0, ZZ_FIELD_ADVANCED },
  { "inputs", ZZ_FIELD_LIST, N_ ("Inputs"), NULL, "[]", NULL, 0, 0, ZZ_FIELD_ADVANCED },
  { "outputs", ZZ_FIELD_LIST, N_ ("Outputs"), NULL, "[]", NULL, 0, 0, ZZ_FIELD_ADVANCED },
  { "defaultConfig", ZZ_FIELD_JSON, N_ ("Default Config"), NULL, NULL, NULL, 0, 0, ZZ_FIELD_ADVANCED },
};

const ZzBlockTypeInfo *
_zz_block_custom_get_info (void)
{
  static const ZzBlockTypeInfo info = {
    .id = "CUSTOM",
    .title = N_ ("Custom Code"),
    .description = N_ ("Runs your own code"),
    .category = "code",
    .icon_name = "utilities-terminal-symbolic",
    .tags = "code javascript script custom function",
    .fields = custom_fields,
    .n_fields = G_N_ELEMENTS (custom_fields),
  };

  return &info;
}
