#include "curate/links/curl_api.hpp"

#include <dlfcn.h>

#include <string>

#include "curate/text/error.hpp"

namespace curate {
namespace {

constexpr const char* k_library = "libcurl.so.4";

template <typename Function>
void load(void* library, const char* name, Function& out) {
  void* symbol = dlsym(library, name);
  if (!symbol) throw Error(std::string(k_library) + " has no " + name + ": is libcurl 7.66 or later installed?");
  out = reinterpret_cast<Function>(symbol);
}

CurlApi load_curl() {
  // Never closed: curl's handles live to the end of the process.
  void* library = dlopen(k_library, RTLD_NOW | RTLD_LOCAL);
  if (!library) throw Error(std::string("cannot load ") + k_library + " (Debian package libcurl4): " + dlerror());
  CurlApi api{};
  load(library, "curl_global_init", api.global_init);
  load(library, "curl_easy_init", api.easy_init);
  load(library, "curl_easy_setopt", api.easy_setopt);
  load(library, "curl_easy_getinfo", api.easy_getinfo);
  load(library, "curl_easy_strerror", api.easy_strerror);
  load(library, "curl_easy_cleanup", api.easy_cleanup);
  load(library, "curl_multi_init", api.multi_init);
  load(library, "curl_multi_add_handle", api.multi_add_handle);
  load(library, "curl_multi_remove_handle", api.multi_remove_handle);
  load(library, "curl_multi_perform", api.multi_perform);
  load(library, "curl_multi_poll", api.multi_poll);
  load(library, "curl_multi_info_read", api.multi_info_read);
  load(library, "curl_multi_cleanup", api.multi_cleanup);
  load(library, "curl_url", api.url);
  load(library, "curl_url_set", api.url_set);
  load(library, "curl_url_get", api.url_get);
  load(library, "curl_url_cleanup", api.url_cleanup);
  load(library, "curl_free", api.free);
  load(library, "curl_slist_append", api.slist_append);
  load(library, "curl_slist_free_all", api.slist_free_all);
  api.global_init(CURL_GLOBAL_DEFAULT);
  return api;
}

}  // namespace

const CurlApi& curl() {
  static const CurlApi api = load_curl();  // thread-safe since C++11
  return api;
}

}  // namespace curate
