/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zz-store-users.c: User, Profile and Session. */
#define G_LOG_DOMAIN "zz-store"

#include "config.h"

#include "zz-store-private.h"

ZZ_STORE_DEFINE_CRUD (ZzUser, user)
ZZ_STORE_DEFINE_CRUD (ZzProfile, profile)
ZZ_STORE_DEFINE_CRUD (ZzSession, session)

/**
 * zz_store_get_user_with_profile:
 * @profile: (out) (optional) (transfer full) (nullable): the user's profile
 *
 * The common query "user with profile", in one statement.
 */
ZzUser *
zz_store_get_user_with_profile (ZzStore    *self,
                                const char *user_id,
                                ZzProfile **profile,
                                GError    **error)
{
  static char  *sql;
  sqlite3_stmt *stmt;
  ZzUser       *user = NULL;
  int           rc;

  g_return_val_if_fail (ZZ_IS_STORE (self), NULL);
  g_return_val_if_fail (user_id != NULL, NULL);

  if (profile != NULL)
    *profile = NULL;

  if (g_once_init_enter (&sql))
    {
      g_autofree char *user_columns = _zz_model_column_list (&_zz_model_user, "u");
      g_autofree char *profile_columns = _zz_model_column_list (&_zz_model_profile, "p");

      g_once_init_leave (&sql, g_strdup_printf ("SELECT %s, %s FROM \"User\" u "
                                                "LEFT JOIN \"Profile\" p ON p.\"userId\" = u.\"id\" "
                                                "WHERE u.\"id\" = ?1",
                                                user_columns, profile_columns));
    }

  if (!(stmt = _zz_store_prepare (self, sql, error)))
    return NULL;

  sqlite3_bind_text (stmt, 1, user_id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    {
      int first = _zz_model_user.n_columns;

      user = _zz_store_model_read_row (&_zz_model_user, stmt, 0);
      if (profile != NULL && sqlite3_column_type (stmt, first) != SQLITE_NULL)
        *profile = _zz_store_model_read_row (&_zz_model_profile, stmt, first);
    }
  else if (rc == SQLITE_DONE)
    _zz_store_set_not_found (&_zz_model_user, "id", user_id, error);
  else
    _zz_store_set_error (self, rc, &_zz_model_user, NULL, error);

  _zz_store_release (stmt);

  return user;
}

ZzUser *
zz_store_get_user_by_email (ZzStore    *self,
                            const char *email,
                            GError    **error)
{
  g_return_val_if_fail (ZZ_IS_STORE (self), NULL);

  return _zz_store_model_get_by (self, &_zz_model_user, "email", email, error);
}

ZzSession *
zz_store_get_session_by_token (ZzStore    *self,
                               const char *token,
                               GError    **error)
{
  g_return_val_if_fail (ZZ_IS_STORE (self), NULL);

  return _zz_store_model_get_by (self, &_zz_model_session, "token", token, error);
}
