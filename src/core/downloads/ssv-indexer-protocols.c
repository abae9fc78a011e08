/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-indexer-protocols.c: what SsvIndexer does, handed to the file of its protocol (Torznab, Prowlarr, slskd). */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ssv-error.h"
#include "downloads/ssv-indexer-private.h"
#include "downloads/ssv-prowlarr.h"
#include "downloads/ssv-slskd-search.h"
#include "downloads/ssv-torznab.h"

/**
 * ssv_indexer_fetch_caps:
 *
 * Asks the indexer what it can do, once: later calls return what it said.
 * Prowlarr and slskd have no caps of their own (Prowlarr's indexers do).
 *
 * Returns: (transfer full) (nullable): the caps, or NULL with @error set
 */
SsvIndexerCaps *
ssv_indexer_fetch_caps (SsvIndexer    *self,
                        SsvHttp       *http,
                        GCancellable  *cancellable,
                        GError       **error)
{
  SsvIndexerCaps *caps = ssv_indexer_dup_caps (self);

  if (caps != NULL)
    return caps;

  switch (ssv_indexer_get_kind (self))
    {
    case SSV_INDEXER_TORZNAB:
    case SSV_INDEXER_NEWZNAB:
      caps = ssv_torznab_fetch_caps (self, http, cancellable, error);
      break;
    case SSV_INDEXER_SLSKD:
      caps = ssv_indexer_caps_new ();
      caps->params[SSV_SEARCH_GENERIC] = SSV_PARAM_Q;
      break;
    case SSV_INDEXER_PROWLARR:
    case SSV_INDEXER_N_KINDS:
    default:
      /* Prowlarr's own search takes every kind, with ids written into the query. */
      caps = ssv_indexer_caps_new ();
      caps->params[SSV_SEARCH_GENERIC] = SSV_PARAM_Q;
      caps->params[SSV_SEARCH_TV] = SSV_PARAM_Q | SSV_PARAM_SEASON | SSV_PARAM_EP;
      caps->params[SSV_SEARCH_MOVIE] = SSV_PARAM_Q;
      break;
    }

  if (caps != NULL)
    ssv_indexer_set_caps (self, caps);
  return caps;
}

/**
 * ssv_indexer_list_sources:
 *
 * What a search asks separately: for Prowlarr, each indexer it manages that
 * can search (so each answer arrives on its own); for the others, itself.
 * When Prowlarr cannot list its indexers, it is searched as a whole.
 *
 * Returns: (transfer container) (element-type SsvIndexer)
 */
GPtrArray *
ssv_indexer_list_sources (SsvIndexer    *self,
                          SsvHttp       *http,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  GPtrArray *sources = NULL;

  if (ssv_indexer_get_kind (self) == SSV_INDEXER_PROWLARR && !ssv_indexer_is_source (self))
    {
      sources = ssv_prowlarr_list_sources (self, http, cancellable, &local_error);
      /* an answer this app cannot read: Prowlarr's search may still work */
      if (sources == NULL && !g_error_matches (local_error, SSV_ERROR, SSV_ERROR_MALFORMED) &&
          !g_error_matches (local_error, SSV_ERROR, SSV_ERROR_FAILED))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      if (sources == NULL)
        g_debug ("%s: searching Prowlarr as a whole: %s", ssv_indexer_get_name (self), local_error->message);
    }
  if (sources == NULL)
    {
      sources = g_ptr_array_new_with_free_func (g_object_unref);
      g_ptr_array_add (sources, g_object_ref (self));
    }
  return sources;
}

/**
 * ssv_indexer_search:
 *
 * Returns: (transfer container) (element-type SsvReleaseHit): the hits, in
 *   the indexer's order; NULL with @error in plain words naming the indexer
 */
GPtrArray *
ssv_indexer_search (SsvIndexer            *self,
                    SsvHttp               *http,
                    const SsvIndexerQuery *query,
                    GCancellable          *cancellable,
                    GError               **error)
{
  switch (ssv_indexer_get_kind (self))
    {
    case SSV_INDEXER_TORZNAB:
    case SSV_INDEXER_NEWZNAB:
      return ssv_torznab_search (self, http, query, cancellable, error);
    case SSV_INDEXER_PROWLARR:
      return ssv_prowlarr_search (self, http, query, cancellable, error);
    case SSV_INDEXER_SLSKD:
      return ssv_slskd_search (self, http, query->q, cancellable, error);
    case SSV_INDEXER_N_KINDS:
    default:
      g_set_error (error, SSV_ERROR, SSV_ERROR_INVALID, _("%s is not a kind of indexer this app knows."), ssv_indexer_get_name (self));
      return NULL;
    }
}

static char *
describe_caps (SsvIndexer     *self,
               SsvIndexerCaps *caps)
{
  g_autoptr(GPtrArray) kinds = g_ptr_array_new ();

  if (caps->params[SSV_SEARCH_GENERIC] != 0)
    g_ptr_array_add (kinds, (gpointer) _("anything"));
  if (caps->params[SSV_SEARCH_TV] != 0)
    g_ptr_array_add (kinds, (gpointer) _("shows"));
  if (caps->params[SSV_SEARCH_MOVIE] != 0)
    g_ptr_array_add (kinds, (gpointer) _("films"));
  g_ptr_array_add (kinds, NULL);

  {
    g_autofree char *list = g_strjoinv (", ", (char **) kinds->pdata);

    /* Translators: "NZBgeek answers: 12 categories; it searches for anything, shows, films." */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s answers: %u category; it searches for %s.",
                                         "%s answers: %u categories; it searches for %s.", caps->categories->len),
                            ssv_indexer_get_name (self), caps->categories->len, list[0] ? list : _("nothing"));
  }
}

/**
 * ssv_indexer_test:
 *
 * Checks address and key with the smallest request each kind has.
 *
 * Returns: (transfer full): a line saying what was found
 */
char *
ssv_indexer_test (SsvIndexer    *self,
                  SsvHttp       *http,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(SsvIndexerCaps) caps = NULL;
  g_autoptr(GPtrArray) sources = NULL;

  switch (ssv_indexer_get_kind (self))
    {
    case SSV_INDEXER_TORZNAB:
    case SSV_INDEXER_NEWZNAB:
      ssv_indexer_set_caps (self, NULL);
      caps = ssv_indexer_fetch_caps (self, http, cancellable, error);
      if (caps == NULL)
        return NULL;
      return describe_caps (self, caps);
    case SSV_INDEXER_PROWLARR:
      sources = ssv_prowlarr_list_sources (self, http, cancellable, error);
      if (sources == NULL)
        return NULL;
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s answers: %u indexer can search.",
                                           "%s answers: %u indexers can search.", sources->len),
                              ssv_indexer_get_name (self), sources->len);
    case SSV_INDEXER_SLSKD:
      return ssv_slskd_test (self, http, cancellable, error);
    case SSV_INDEXER_N_KINDS:
    default:
      g_set_error (error, SSV_ERROR, SSV_ERROR_INVALID, _("%s is not a kind of indexer this app knows."), ssv_indexer_get_name (self));
      return NULL;
    }
}
