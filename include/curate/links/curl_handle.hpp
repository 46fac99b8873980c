#pragma once
// RAII owners for libcurl objects. The only place curl's cleanup functions
// are called; everything else holds these.

#include "curate/links/curl_api.hpp"

#include <memory>
#include <string>

namespace curate {

struct CurlEasyDeleter {
  void operator()(CURL* handle) const { curl().easy_cleanup(handle); }
};
struct CurlMultiDeleter {
  void operator()(CURLM* handle) const { curl().multi_cleanup(handle); }
};
struct CurlUrlDeleter {
  void operator()(CURLU* handle) const { curl().url_cleanup(handle); }
};
struct CurlStringDeleter {
  void operator()(char* text) const { curl().free(text); }
};

// An easy handle. Must be removed from any multi handle before it dies.
using CurlEasy = std::unique_ptr<CURL, CurlEasyDeleter>;
// A multi handle. Its easy handles must be removed before it dies.
using CurlMulti = std::unique_ptr<CURLM, CurlMultiDeleter>;
using CurlUrl = std::unique_ptr<CURLU, CurlUrlDeleter>;
using CurlString = std::unique_ptr<char, CurlStringDeleter>;

// A header list for CURLOPT_HTTPHEADER; must outlive the transfer using it.
class CurlHeaderList {
 public:
  CurlHeaderList() = default;
  CurlHeaderList(const CurlHeaderList&) = delete;
  CurlHeaderList& operator=(const CurlHeaderList&) = delete;
  ~CurlHeaderList() { curl().slist_free_all(m_list); }

  // False when curl could not allocate the entry.
  bool append(const std::string& line) {
    curl_slist* grown = curl().slist_append(m_list, line.c_str());
    if (!grown) return false;
    m_list = grown;
    return true;
  }
  curl_slist* get() const { return m_list; }

 private:
  curl_slist* m_list = nullptr;
};

}  // namespace curate
