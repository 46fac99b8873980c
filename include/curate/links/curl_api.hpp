#pragma once
// libcurl's functions, loaded with dlopen the first time a command uses the
// network. libcurl and the two dozen libraries it needs (TLS, Kerberos,
// LDAP, SSH, …) took more than half of curate's start-up, which every
// offline command (and every pre-commit hook run) paid for nothing
// (docs/performance.md "Start-up"). Only curl's headers are used at build
// time; the Debian package depends on libcurl4 by name.

#include <curl/curl.h>

namespace curate {

struct CurlApi {
  decltype(&::curl_global_init) global_init;
  decltype(&::curl_easy_init) easy_init;
  decltype(&::curl_easy_setopt) easy_setopt;
  decltype(&::curl_easy_getinfo) easy_getinfo;
  decltype(&::curl_easy_strerror) easy_strerror;
  decltype(&::curl_easy_cleanup) easy_cleanup;
  decltype(&::curl_multi_init) multi_init;
  decltype(&::curl_multi_add_handle) multi_add_handle;
  decltype(&::curl_multi_remove_handle) multi_remove_handle;
  decltype(&::curl_multi_perform) multi_perform;
  decltype(&::curl_multi_poll) multi_poll;
  decltype(&::curl_multi_info_read) multi_info_read;
  decltype(&::curl_multi_cleanup) multi_cleanup;
  decltype(&::curl_url) url;
  decltype(&::curl_url_set) url_set;
  decltype(&::curl_url_get) url_get;
  decltype(&::curl_url_cleanup) url_cleanup;
  decltype(&::curl_free) free;
  decltype(&::curl_slist_append) slist_append;
  decltype(&::curl_slist_free_all) slist_free_all;
};

// The loaded library, globally initialised (curl_global_init) once per
// process. Throws curate::Error when libcurl.so.4 cannot be loaded.
const CurlApi& curl();

}  // namespace curate
