#include "curate/links/curl_api.hpp"

#include "dl_library.hpp"

namespace curate {
namespace {

constexpr const char* k_curl_library = "libcurl.so.4";

CurlApi load_curl() {
  void* library = dl::open(k_curl_library, "libcurl4");
  auto load = [library](const char* name, auto& out) {
    dl::symbol(library, k_curl_library, "libcurl 7.66", name, out);
  };
  CurlApi api{};
  load("curl_global_init", api.global_init);
  load("curl_easy_init", api.easy_init);
  load("curl_easy_setopt", api.easy_setopt);
  load("curl_easy_getinfo", api.easy_getinfo);
  load("curl_easy_strerror", api.easy_strerror);
  load("curl_easy_cleanup", api.easy_cleanup);
  load("curl_multi_init", api.multi_init);
  load("curl_multi_add_handle", api.multi_add_handle);
  load("curl_multi_remove_handle", api.multi_remove_handle);
  load("curl_multi_perform", api.multi_perform);
  load("curl_multi_poll", api.multi_poll);
  load("curl_multi_info_read", api.multi_info_read);
  load("curl_multi_cleanup", api.multi_cleanup);
  load("curl_url", api.url);
  load("curl_url_set", api.url_set);
  load("curl_url_get", api.url_get);
  load("curl_url_cleanup", api.url_cleanup);
  load("curl_free", api.free);
  load("curl_slist_append", api.slist_append);
  load("curl_slist_free_all", api.slist_free_all);
  api.global_init(CURL_GLOBAL_DEFAULT);
  return api;
}

}  // namespace

const CurlApi& curl() {
  static const CurlApi api = load_curl();  // thread-safe since C++11
  return api;
}

}  // namespace curate
