/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-secrets.c: libsecret wrapper for server tokens and provider API keys. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsecret/secret.h>

#include "ssv-error.h"
#include "ssv-secrets.h"
#include "ssv-thread.h"

struct _SsvSecrets
{
  GObject parent_instance;
};

G_DEFINE_FINAL_TYPE (SsvSecrets, ssv_secrets, G_TYPE_OBJECT)

static const SecretSchema *
get_schema (void)
{
  static const SecretSchema schema = {
    "com.soulsync.Video.Secret", SECRET_SCHEMA_NONE,
    {
      { "key", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    }
  };

  return &schema;
}

static void
ssv_secrets_class_init (SsvSecretsClass *klass)
{
}

static void
ssv_secrets_init (SsvSecrets *self)
{
}

SsvSecrets *
ssv_secrets_new (void)
{
  return g_object_new (SSV_TYPE_SECRETS, NULL);
}

/* The keyring key of a server's token, "server:<its uuid>": a row id would be
 * shared by every library file that has a server number 1. */
char *
ssv_secrets_server_key (const char *server_uuid)
{
  g_return_val_if_fail (server_uuid != NULL, NULL);

  return g_strconcat ("server:", server_uuid, NULL);
}

/* The keyring key of an indexer's API key (download clients: ssv_secrets_client_key()). */
char *
ssv_secrets_indexer_key (gint64 indexer_id)
{
  return g_strdup_printf ("indexer:%" G_GINT64_FORMAT, indexer_id);
}

static void
explain_error (GError **error)
{
  if (error != NULL && *error != NULL &&
      !g_error_matches (*error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_prefix_error (error, _("The keyring could not be used: "));
}

gboolean
ssv_secrets_store_sync (SsvSecrets    *self,
                        const char    *key,
                        const char    *label,
                        const char    *secret,
                        GCancellable  *cancellable,
                        GError       **error)
{
  gboolean ok;

  g_return_val_if_fail (SSV_IS_SECRETS (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  if (secret == NULL || secret[0] == '\0')
    return ssv_secrets_clear_sync (self, key, cancellable, error);

  ok = secret_password_store_sync (get_schema (), SECRET_COLLECTION_DEFAULT,
                                   label ? label : key, secret, cancellable, error,
                                   "key", key, NULL);
  if (!ok)
    explain_error (error);

  return ok;
}

/* Returns NULL without an error when nothing is stored under @key. */
char *
ssv_secrets_lookup_sync (SsvSecrets    *self,
                         const char    *key,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  char *secret;
  char *copy;

  g_return_val_if_fail (SSV_IS_SECRETS (self), NULL);

  secret = secret_password_lookup_sync (get_schema (), cancellable, &local_error,
                                        "key", key, NULL);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      explain_error (error);
      return NULL;
    }

  /* Hand out plain memory; the keyring's copy is wiped on free. */
  copy = g_strdup (secret);
  secret_password_free (secret);
  return copy;
}

gboolean
ssv_secrets_clear_sync (SsvSecrets    *self,
                        const char    *key,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(GError) local_error = NULL;

  secret_password_clear_sync (get_schema (), cancellable, &local_error, "key", key, NULL);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      explain_error (error);
      return FALSE;
    }

  return TRUE;
}

typedef struct
{
  char *key;
  char *label;
  char *secret;
} SecretOp;

static void
secret_op_free (gpointer data)
{
  SecretOp *op = data;

  g_free (op->key);
  g_free (op->label);
  if (op->secret != NULL)
    secret_password_wipe (op->secret);
  g_free (op->secret);
  g_free (op);
}

/* Runs @thread_func on @op (taken) in a GTask thread; @op's secret is wiped after. */
static void
run_secret_op (SsvSecrets          *self,
               SecretOp            *op,
               gpointer             source_tag,
               GTaskThreadFunc      thread_func,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, op, secret_op_free);
  g_task_run_in_thread (task, thread_func);
}

static void
store_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  SecretOp *op = task_data;
  GError *error = NULL;

  g_assert (!SSV_IS_MAIN_THREAD ());

  if (ssv_secrets_store_sync (source_object, op->key, op->label, op->secret, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
ssv_secrets_store_async (SsvSecrets          *self,
                         const char          *key,
                         const char          *label,
                         const char          *secret,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  SecretOp *op = g_new0 (SecretOp, 1);

  op->key = g_strdup (key);
  op->label = g_strdup (label);
  op->secret = g_strdup (secret);
  run_secret_op (self, op, ssv_secrets_store_async, store_thread, cancellable, callback, user_data);
}

gboolean
ssv_secrets_store_finish (SsvSecrets    *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
lookup_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  SecretOp *op = task_data;
  GError *error = NULL;
  char *secret = ssv_secrets_lookup_sync (source_object, op->key, cancellable, &error);

  g_assert (!SSV_IS_MAIN_THREAD ());

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, secret, g_free);
}

void
ssv_secrets_lookup_async (SsvSecrets          *self,
                          const char          *key,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  SecretOp *op = g_new0 (SecretOp, 1);

  op->key = g_strdup (key);
  run_secret_op (self, op, ssv_secrets_lookup_async, lookup_thread, cancellable, callback, user_data);
}

char *
ssv_secrets_lookup_finish (SsvSecrets    *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}
