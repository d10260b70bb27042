/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zz-store-teams.c: Team and TeamMember. */
#define G_LOG_DOMAIN "zz-store"

#include "config.h"

#include "zz-store-private.h"

ZZ_STORE_DEFINE_CRUD (ZzTeam, team)
ZZ_STORE_DEFINE_CRUD (ZzTeamMember, team_member)

/* (transfer full) (element-type ZzTeamMember): in the order they joined */
GPtrArray *
zz_store_list_team_members (ZzStore    *self,
                            const char *team_id,
                            GError    **error)
{
  const char *args[] = { team_id, NULL };

  g_return_val_if_fail (ZZ_IS_STORE (self), NULL);
  g_return_val_if_fail (team_id != NULL, NULL);

  return _zz_store_model_list (self, &_zz_model_team_member,
                               "WHERE \"teamId\" = ?1 ORDER BY \"joinedAt\", \"id\"",
                               args, error);
}
