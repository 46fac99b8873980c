#include "curate/lint/diagnostic.hpp"

namespace curate {

const char* severity_name(Severity severity) {
  switch (severity) {
    case Severity::off:
      return "off";
    case Severity::warning:
      return "warning";
    case Severity::error:
      return "error";
  }
  return "error";
}

}  // namespace curate
