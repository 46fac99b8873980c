#pragma once
// A streaming JSON writer whose bytes equal nlohmann::json's dump(indent)
// (same layout, same string escaping), for outputs too large to build as a
// tree first: `list --format json` on 100,000 entries.

#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace curate {

class JsonWriter {
 public:
  // Appends to `out`, through a buffer: `out` is complete after flush() and
  // when the writer is destroyed. indent < 0: compact, like dump(); else
  // like dump(indent).
  explicit JsonWriter(std::string& out, int indent = -1) : m_out(out), m_indent(indent) {}
  ~JsonWriter() { flush(); }
  JsonWriter(const JsonWriter&) = delete;
  JsonWriter& operator=(const JsonWriter&) = delete;

  void begin_object();
  void end_object();
  void begin_array();
  void end_array();
  // Goes on with an array another writer opened and wrote `written` values
  // of (a block of a long array written on another thread): the next value
  // is written as that writer would have written it. Not to be closed here.
  void resume_array(std::size_t written) { m_counts.push_back(written); }
  // The next value belongs to `name`, which must need no escaping (the
  // keys are literals of the schema). Inline: a literal's size is then
  // known and its copy needs no call (an entry writes twenty keys).
  void key(std::string_view name) {
    before_value();
    if (name.size() + 4 <= sizeof m_buffer - m_used) {
      char* at = m_buffer + m_used;
      *at = '"';
      std::memcpy(at + 1, name.data(), name.size());
      std::memcpy(at + 1 + name.size(), "\": ", 3);  // compact output drops the blank: not counted
      m_used += name.size() + (m_indent >= 0 ? 4 : 3);
    } else {
      put('"');
      put(name);
      put(m_indent >= 0 ? std::string_view("\": ") : std::string_view("\":"));
    }
    m_after_key = true;
  }
  // A key from the data (a table's column name): escaped like a value.
  void any_key(std::string_view name);

  void value(std::string_view text);
  void value(const char* text) { value(std::string_view(text)); }
  void value(const std::string& text) { value(std::string_view(text)); }
  void value(std::int64_t number);
  void value(const std::optional<std::string>& text);  // null when empty
  void value(const std::vector<std::string>& texts);   // an array of strings
  void null();

  // Moves the buffered bytes to `out`.
  void flush();

 private:
  void before_value();
  void newline_indent();
  void close(char bracket);
  void string(std::string_view text);

  // Appending to a std::string checks and grows it on every call; a fixed
  // buffer moved over in large pieces halves the cost of big outputs.
  void put(char c) {
    if (m_used == sizeof m_buffer) flush();
    m_buffer[m_used++] = c;
  }
  void put(std::string_view text) {
    if (text.size() > sizeof m_buffer - m_used) return put_long(text);
    std::memcpy(m_buffer + m_used, text.data(), text.size());
    m_used += text.size();
  }
  void put_long(std::string_view text);

  std::string& m_out;
  int m_indent;
  std::vector<std::size_t> m_counts;  // values written so far in each open container
  bool m_after_key = false;
  std::size_t m_used = 0;
  char m_buffer[8192];
};

}  // namespace curate
