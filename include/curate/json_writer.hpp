#pragma once
// A streaming JSON writer whose bytes equal nlohmann::json's dump(indent)
// (same layout, same string escaping), for outputs too large to build as a
// tree first: `list --format json` on 100,000 entries.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace curate {

class JsonWriter {
 public:
  // Appends to `out`. indent < 0: compact, like dump(); else like dump(indent).
  explicit JsonWriter(std::string& out, int indent = -1) : m_out(out), m_indent(indent) {}

  void begin_object();
  void end_object();
  void begin_array();
  void end_array();
  void key(std::string_view name);  // the next value belongs to it

  void value(std::string_view text);
  void value(const char* text) { value(std::string_view(text)); }
  void value(const std::string& text) { value(std::string_view(text)); }
  void value(std::int64_t number);
  void value(const std::optional<std::string>& text);  // null when empty
  void value(const std::vector<std::string>& texts);   // an array of strings
  void null();

 private:
  void before_value();
  void newline_indent();
  void close(char bracket);
  void string(std::string_view text);

  std::string& m_out;
  int m_indent;
  std::vector<std::size_t> m_counts;  // values written so far in each open container
  bool m_after_key = false;
};

}  // namespace curate
