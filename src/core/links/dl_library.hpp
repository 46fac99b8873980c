#pragma once
// Opening a library curate loads only when a command needs it (curl_api.cpp,
// xml_api.cpp) and looking up its functions.

#include <dlfcn.h>

#include <string>

#include "curate/text/error.hpp"

namespace curate::dl {

// Never closed: what the library allocates may live to the end of the process.
inline void* open(const char* library, const char* package) {
  void* handle = dlopen(library, RTLD_NOW | RTLD_LOCAL);
  if (!handle) throw Error(std::string("cannot load ") + library + " (Debian package " + package + "): " + dlerror());
  return handle;
}

// `version` names the oldest release that has every function looked up.
template <typename Pointer>
void symbol(void* handle, const char* library, const char* version, const char* name, Pointer& out) {
  void* found = dlsym(handle, name);
  if (!found) throw Error(std::string(library) + " has no " + name + ": is " + version + " or later installed?");
  out = reinterpret_cast<Pointer>(found);
}

}  // namespace curate::dl
