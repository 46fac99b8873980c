#include "curate/text/json_writer.hpp"

#include <array>
#include <charconv>

#include "swar.hpp"

namespace curate {

void JsonWriter::flush() {
  m_out.append(m_buffer, m_used);
  m_used = 0;
}

void JsonWriter::put_long(std::string_view text) {
  flush();
  if (text.size() >= sizeof m_buffer) {
    m_out.append(text);
  } else {
    put(text);
  }
}

void JsonWriter::newline_indent() {
  // A line break and up to 64 blanks, copied whole (a fixed-size copy the
  // compiler inlines) and cut by where the next write starts: a
  // pretty-printed entry breaks a line before every key.
  static constexpr std::array<char, 65> k_line = [] {
    std::array<char, 65> line{};
    line.fill(' ');
    line[0] = '\n';
    return line;
  }();
  std::size_t width = m_counts.size() * static_cast<std::size_t>(m_indent);
  if (width < k_line.size()) {
    if (k_line.size() > sizeof m_buffer - m_used) flush();
    std::memcpy(m_buffer + m_used, k_line.data(), k_line.size());
    m_used += width + 1;
    return;
  }
  put('\n');
  for (std::size_t i = 0; i < width; ++i) put(' ');
}

void JsonWriter::before_value() {
  if (m_after_key) {
    m_after_key = false;
    return;
  }
  if (m_counts.empty()) return;
  if (m_counts.back()++ > 0) put(',');
  if (m_indent >= 0) newline_indent();
}

void JsonWriter::close(char bracket) {
  std::size_t count = m_counts.back();
  m_counts.pop_back();
  if (count > 0 && m_indent >= 0) newline_indent();
  put(bracket);
}

void JsonWriter::begin_object() {
  before_value();
  put('{');
  m_counts.push_back(0);
}

void JsonWriter::end_object() { close('}'); }

void JsonWriter::begin_array() {
  before_value();
  put('[');
  m_counts.push_back(0);
}

void JsonWriter::end_array() { close(']'); }

void JsonWriter::any_key(std::string_view name) {
  before_value();
  string(name);
  put(m_indent >= 0 ? std::string_view(": ") : std::string_view(":"));
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
  put(std::string_view(digits, static_cast<std::size_t>(result.ptr - digits)));
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
  put("null");
}

namespace {

bool needs_escape(unsigned char c) { return c < 0x20 || c == '"' || c == '\\'; }

// The position of the first byte of `text` at or after `from` that needs
// escaping, or its size: eight bytes at a time, as almost no byte does.
std::size_t next_escape(std::string_view text, std::size_t from) {
  auto may_need = [](std::uint64_t word) {
    return swar::has_byte_below(word, 0x20) | swar::has_byte(word, '"') | swar::has_byte(word, '\\');
  };
  return swar::find_byte_if(text, from, may_need, needs_escape);
}

}  // namespace

// nlohmann's escaping with ensure_ascii off: the two-character escapes, other
// control characters as \u00xx (lower-case hex), all else byte for byte.
// The text is valid UTF-8 (read_source checks every input).
void JsonWriter::string(std::string_view text) {
  static constexpr char k_hex[] = "0123456789abcdef";
  put('"');
  for (std::size_t run = 0;;) {  // run: start of the bytes not yet copied
    std::size_t i = next_escape(text, run);
    put(text.substr(run, i - run));
    if (i == text.size()) break;
    auto c = static_cast<unsigned char>(text[i]);
    switch (c) {
      case '"':
        put("\\\"");
        break;
      case '\\':
        put("\\\\");
        break;
      case '\b':
        put("\\b");
        break;
      case '\f':
        put("\\f");
        break;
      case '\n':
        put("\\n");
        break;
      case '\r':
        put("\\r");
        break;
      case '\t':
        put("\\t");
        break;
      default: {
        const char escape[] = {'\\', 'u', '0', '0', k_hex[c >> 4], k_hex[c & 0xF]};
        put(std::string_view(escape, sizeof escape));
      }
    }
    run = i + 1;
  }
  put('"');
}

}  // namespace curate
