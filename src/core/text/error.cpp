#include "curate/text/error.hpp"

#include <fmt/format.h>

namespace curate {

std::string Error::describe() const {
  if (m_file.empty()) return what();
  if (m_line <= 0) return fmt::format("{}: {}", m_file, what());
  if (m_column <= 0) return fmt::format("{}:{}: {}", m_file, m_line, what());
  return fmt::format("{}:{}:{}: {}", m_file, m_line, m_column, what());
}

}  // namespace curate
