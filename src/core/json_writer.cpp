#include "curate/json_writer.hpp"

#include <charconv>

namespace curate {

void JsonWriter::newline_indent() {
  static const std::string k_lines = "\n" + std::string(64, ' ');
  std::size_t width = m_counts.size() * static_cast<std::size_t>(m_indent);
  if (width < k_lines.size()) {
    m_out.append(k_lines, 0, width + 1);
  } else {
    m_out += '\n';
    m_out.append(width, ' ');
  }
}

void JsonWriter::before_value() {
  if (m_after_key) {
    m_after_key = false;
    return;
  }
  if (m_counts.empty()) return;
  if (m_counts.back()++ > 0) m_out += ',';
  if (m_indent >= 0) newline_indent();
}

void JsonWriter::close(char bracket) {
  std::size_t count = m_counts.back();
  m_counts.pop_back();
  if (count > 0 && m_indent >= 0) newline_indent();
  m_out += bracket;
}

void JsonWriter::begin_object() {
  before_value();
  m_out += '{';
  m_counts.push_back(0);
}

void JsonWriter::end_object() { close('}'); }

void JsonWriter::begin_array() {
  before_value();
  m_out += '[';
  m_counts.push_back(0);
}

void JsonWriter::end_array() { close(']'); }

void JsonWriter::key(std::string_view name) {
  before_value();
  string(name);
  m_out.append(": ", m_indent >= 0 ? 2 : 1);
  m_after_key = true;
}

void JsonWriter::value(std::string_view text) {
  before_value();
  string(text);
}

void JsonWriter::value(std::int64_t number) {
  before_value();
  char digits[24];
  auto result = std::to_chars(digits, digits + sizeof digits, number);
  m_out.append(digits, static_cast<std::size_t>(result.ptr - digits));
}

void JsonWriter::value(const std::optional<std::string>& text) {
  if (text) {
    value(std::string_view(*text));
  } else {
    null();
  }
}

void JsonWriter::value(const std::vector<std::string>& texts) {
  begin_array();
  for (const auto& text : texts) value(std::string_view(text));
  end_array();
}

void JsonWriter::null() {
  before_value();
  m_out += "null";
}

// nlohmann's escaping with ensure_ascii off: the two-character escapes, other
// control characters as \u00xx (lower-case hex), all else byte for byte.
// The text is valid UTF-8 (read_source checks every input).
void JsonWriter::string(std::string_view text) {
  static constexpr char k_hex[] = "0123456789abcdef";
  m_out += '"';
  std::size_t run = 0;  // start of the bytes not yet copied
  for (std::size_t i = 0; i < text.size(); ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c != '"' && c != '\\') [[likely]]
      continue;
    m_out.append(text.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"': m_out += "\\\""; break;
      case '\\': m_out += "\\\\"; break;
      case '\b': m_out += "\\b"; break;
      case '\f': m_out += "\\f"; break;
      case '\n': m_out += "\\n"; break;
      case '\r': m_out += "\\r"; break;
      case '\t': m_out += "\\t"; break;
      default:
        m_out += "\\u00";
        m_out += k_hex[c >> 4];
        m_out += k_hex[c & 0xF];
    }
  }
  m_out.append(text.data() + run, text.size() - run);
  m_out += '"';
}

}  // namespace curate
