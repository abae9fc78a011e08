/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-http-async.c: SsvHttp's async calls: the blocking send, run in a GTask thread. */

#include "config.h"

#include "net/ssv-http.h"
#include "ssv-thread.h"

typedef gpointer (*SendFunc) (SsvHttp *, SsvHttpRequest *, GCancellable *, GError **);

typedef struct
{
  SsvHttpRequest *request;
  SendFunc        send;
  GDestroyNotify  result_free;
} SendData;

static void
send_data_free (gpointer data)
{
  SendData *send = data;

  ssv_http_request_unref (send->request);
  g_free (send);
}

static void
send_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SendData *send = task_data;
  GError *error = NULL;
  gpointer result = send->send (source_object, send->request, cancellable, &error);

  g_assert (!SSV_IS_MAIN_THREAD ());

  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, send->result_free);
}

static void
run_send_async (SsvHttp             *self,
                SsvHttpRequest      *request,
                gpointer             source_tag,
                SendFunc             send,
                GDestroyNotify       result_free,
                GCancellable        *cancellable,
                GAsyncReadyCallback  callback,
                gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  SendData *data = g_new0 (SendData, 1);

  data->request = ssv_http_request_ref (request);
  data->send = send;
  data->result_free = result_free;
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, data, send_data_free);
  g_task_run_in_thread (task, send_thread);
}

void
ssv_http_send_async (SsvHttp             *self,
                     SsvHttpRequest      *request,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  run_send_async (self, request, ssv_http_send_async, (SendFunc) ssv_http_send,
                  (GDestroyNotify) g_bytes_unref, cancellable, callback, user_data);
}

GBytes *
ssv_http_send_finish (SsvHttp       *self,
                      GAsyncResult  *result,
                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
ssv_http_send_json_async (SsvHttp             *self,
                          SsvHttpRequest      *request,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  run_send_async (self, request, ssv_http_send_json_async, (SendFunc) ssv_http_send_json,
                  (GDestroyNotify) json_node_unref, cancellable, callback, user_data);
}

JsonNode *
ssv_http_send_json_finish (SsvHttp       *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
