// Entry styles: compiling templates, reading entries with them, detecting
// the style a list follows (docs/styles.md).
#include "curate/catalog/style.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <map>

#include "curate/catalog/grammar.hpp"
#include "curate/markdown/markdown.hpp"
#include "curate/text/error.hpp"
#include "curate/text/text.hpp"
#include "flat.hpp"
#include "style_internal.hpp"

namespace curate {

// --- templates -------------------------------------------------------------

namespace {

using style_detail::Core;
using style_detail::is_separator_literal;
using style_detail::Part;
using style_detail::Spec;

// "{name}" at `pos`: the name, and the position after the brace.
std::optional<std::pair<std::string, size_t>> read_placeholder(std::string_view text, size_t pos) {
  if (pos >= text.size() || text[pos] != '{') return std::nullopt;
  size_t close = text.find('}', pos);
  if (close == std::string_view::npos) throw Error("style: unclosed '{' in template '" + std::string(text) + "'");
  std::string name = to_lower(trim(text.substr(pos + 1, close - pos - 1)));
  if (name.empty()) throw Error("style: empty '{}' in template '" + std::string(text) + "'");
  return std::make_pair(name, close + 1);
}

Spec read_spec(std::string_view inner) {
  std::string_view trimmed = trim(inner);
  if (trimmed.size() > 2 && trimmed.front() == '{' && trimmed.back() == '}' &&
      trimmed.find('{', 1) == std::string_view::npos)
    return {true, to_lower(trim(trimmed.substr(1, trimmed.size() - 2)))};
  std::string literal;
  for (char c : inner)
    if (c != '*') literal += c;
  return {false, literal};
}

// The "]" closing the "[" at `open`, counting nested brackets; npos if none.
size_t closing_bracket(std::string_view text, size_t open) {
  int depth = 0;
  for (size_t i = open; i < text.size(); ++i) {
    if (text[i] == '[') ++depth;
    if (text[i] == ']' && --depth == 0) return i;
  }
  return std::string_view::npos;
}

struct Element {
  bool is_core = false;
  std::string literal;
  Core core;
};

std::vector<Element> tokenize(std::string_view text, bool keep_emphasis) {
  std::vector<Element> out;
  auto literal = [&]() -> std::string& {
    if (out.empty() || out.back().is_core) out.push_back({});
    return out.back().literal;
  };
  for (size_t i = 0; i < text.size();) {
    char c = text[i];
    if (c == '*' && !keep_emphasis) {  // emphasis only lays the text out
      ++i;
    } else if (auto placeholder = read_placeholder(text, i)) {
      out.push_back({true, {}, {Core::placeholder, placeholder->first, {}, {}}});
      i = placeholder->second;
    } else if (c == '`') {
      size_t close = text.find('`', i + 1);
      if (close == std::string_view::npos) throw Error("style: unclosed '`' in template '" + std::string(text) + "'");
      out.push_back({true, {}, {Core::code, {}, read_spec(text.substr(i + 1, close - i - 1)), {}}});
      i = close + 1;
    } else if (size_t close = c == '[' ? closing_bracket(text, i) : std::string_view::npos;
               close != std::string_view::npos && close + 1 < text.size() && text[close + 1] == '(') {
      size_t end = text.find(')', close + 2);
      if (end == std::string_view::npos) throw Error("style: unclosed '(' in template '" + std::string(text) + "'");
      out.push_back({true,
                     {},
                     {Core::link,
                      {},
                      read_spec(text.substr(i + 1, close - i - 1)),
                      read_spec(text.substr(close + 2, end - close - 2))}});
      i = end + 1;
    } else {
      literal() += c;
      ++i;
    }
  }
  return out;
}

bool names(const Core& core, std::string_view name) {
  if (core.kind == Core::placeholder) return core.name == name;
  return (core.text.placeholder && core.text.text == name) || (core.url.placeholder && core.url.text == name);
}

// Groups elements into parts: the closing characters right after a core
// close it (")", ".", "\""), the rest leads into the next core, so that in
// "({year}), {authors}" the comma belongs to the authors and an entry
// without authors still reads; a separator leads as a whole.
std::vector<Part> group_parts(std::vector<Element> elements) {
  std::vector<Part> parts;
  std::string pending;  // literal text waiting to be the next core's lead
  for (Element& element : elements) {
    if (!element.is_core) {
      std::string& literal = element.literal;
      if (!parts.empty() && !is_separator_literal(literal)) {
        size_t closing = literal.find_first_not_of(")]}.!?\"'*_");
        if (closing == std::string::npos) closing = literal.size();
        parts.back().trail = literal.substr(0, closing);
        literal.erase(0, closing);
      }
      pending += literal;
      continue;
    }
    Part part;
    part.lead = std::move(pending);
    pending.clear();
    part.core = std::move(element.core);
    part.required = names(part.core, "title") || names(part.core, "url");
    parts.push_back(std::move(part));
  }
  for (Part& part : parts) {
    part.lead_separator = is_separator_literal(part.lead);
    part.trail_separator = is_separator_literal(part.trail);
    part.core.check = style_detail::capture_of(part.core.name);
    for (Spec* spec : {&part.core.text, &part.core.url})
      if (spec->placeholder) spec->check = style_detail::capture_of(spec->text);
  }
  return parts;
}

}  // namespace

namespace style_detail {

Capture capture_of(std::string_view name) {
  if (name == "year" || name == "date") return Capture::year;
  if (name == "authors" || name == "author") return Capture::authors;
  if (name == "formats" || name == "format") return Capture::formats;
  if (name == "kinds" || name == "kind") return Capture::kinds;
  if (name == "n") return Capture::number;
  return Capture::any;
}

bool is_separator_literal(std::string_view text) {
  std::string_view t = trim(text);
  return t == "-" || t == "--" || t == ":" || t == "\xE2\x80\x93" || t == "\xE2\x80\x94";
}

}  // namespace style_detail

EntryTemplate::EntryTemplate(std::string_view text) : m_text(text), m_compiled(std::make_unique<Compiled>()) {
  m_compiled->parts = group_parts(tokenize(text, false));
  m_compiled->layout = group_parts(tokenize(text, true));
  // Both cut the same cores in the same order; the layout still has the markers.
  for (size_t k = 0; k < m_compiled->parts.size() && k < m_compiled->layout.size(); ++k) {
    const Part& laid = m_compiled->layout[k];
    auto marker = [](char c) { return c == '*' || c == '_'; };
    m_compiled->parts[k].emphasized = laid.core.kind == Core::placeholder && !laid.lead.empty() &&
                                      marker(laid.lead.back()) && !laid.trail.empty() && marker(laid.trail.front());
  }
  auto has = [&](std::string_view name) {
    return std::any_of(m_compiled->parts.begin(), m_compiled->parts.end(),
                       [&](const Part& part) { return names(part.core, name); });
  };
  bool url_in_link = std::any_of(m_compiled->parts.begin(), m_compiled->parts.end(), [](const Part& part) {
    return part.core.kind == Core::link && part.core.url.placeholder && part.core.url.text == "url";
  });
  if (!has("title") || !url_in_link)
    throw Error("style: the template '" + m_text + "' needs {title} and a link to {url}, as in '[{title}]({url})'");
}

std::string EntryTemplate::render(const std::vector<std::pair<std::string, std::string>>& values) const {
  auto value = [&](const std::string& name) -> const std::string* {
    for (const auto& [key, text] : values)
      if (key == name && !text.empty()) return &text;
    return nullptr;
  };
  auto spec = [&](const Spec& s, bool url) -> std::optional<std::string> {
    if (!s.placeholder) return s.text;
    const std::string* text = value(s.text);
    if (!text) return std::nullopt;
    return url ? link_destination(*text) : escape_inline(*text);
  };
  std::string out;
  for (const Part& part : m_compiled->layout) {
    std::optional<std::string> core;
    switch (part.core.kind) {
      case Core::placeholder:
        if (const std::string* text = value(part.core.name)) core = escape_inline(*text);
        break;
      case Core::code:
        if (auto inner = spec(part.core.text, false)) core = "`" + *inner + "`";
        break;
      case Core::link: {
        auto text = spec(part.core.text, false), url = spec(part.core.url, true);
        if (text && url) core = "[" + *text + "](" + *url + ")";
        break;
      }
    }
    if (!core) {
      if (part.required)
        throw Error("style: an entry needs " + style_detail::describe_core(part.core) + " to be written as " + m_text);
      continue;
    }
    out += part.lead + *core + part.trail;
  }
  return std::string(trim(out));
}

std::vector<std::string> EntryTemplate::placeholders() const {
  std::vector<std::string> names;
  for (const Part& part : m_compiled->parts) {
    if (part.core.kind == Core::placeholder) names.push_back(part.core.name);
    if (part.core.kind != Core::placeholder && part.core.text.placeholder) names.push_back(part.core.text.text);
    if (part.core.kind == Core::link && part.core.url.placeholder) names.push_back(part.core.url.text);
  }
  return names;
}

EntryTemplate::~EntryTemplate() = default;
EntryTemplate::EntryTemplate(EntryTemplate&&) noexcept = default;
EntryTemplate& EntryTemplate::operator=(EntryTemplate&&) noexcept = default;

// --- built-in styles -------------------------------------------------------

const std::vector<BuiltinStyle>& builtin_styles() {
  static const std::vector<BuiltinStyle> styles = {
      {"seed", "{tags}\"{title}\" [{authors}; {kinds}; {date}]({url})", "", 2},
      {"awesome", "[{title}]({url}) - {description}", "", 1},
      {"books", "[{title}]({url}) - {authors} ({formats})", "formats,authors", 3},
      {"papers", "**{title}** ({year}), {authors} [[pdf]]({url})", "year", 5},
      {"code-spans", "[{title}]({url}) `{org}` `{year}`", "org", 4},
      {"reference", "**[{n}]** {authors}. \"{title}.\" {venue} ({year}) [[pdf]]({url})", "n", 6},
  };
  return styles;
}

// --- the styles of one catalog ---------------------------------------------

namespace {

StyleSet::Style make_style(const std::string& name_or_template) {
  StyleSet::Style style;
  for (const BuiltinStyle& builtin : builtin_styles()) {
    if (builtin.name != name_or_template) continue;
    style.name = builtin.name;
    style.text = builtin.template_text;
    style.distinctive = builtin.distinctive;
    style.specificity = builtin.specificity;
    if (!style.distinctive.empty()) style.compiled = std::make_unique<EntryTemplate>(style.text);
    return style;
  }
  if (name_or_template.find('{') == std::string::npos) {
    std::vector<std::string> known;
    for (const BuiltinStyle& builtin : builtin_styles()) known.emplace_back(builtin.name);
    throw Error("style: unknown style '" + name_or_template + "'" + did_you_mean(name_or_template, known) +
                "; name one of " + join(known, ", ") +
                ", or write a template such as '[{title}]({url}) - {description}'");
  }
  style.name = "custom";
  style.text = name_or_template;
  style.compiled = std::make_unique<EntryTemplate>(name_or_template);
  return style;
}

std::vector<std::string> path_parts(std::string_view pattern) {
  std::vector<std::string> parts;
  for (std::string_view part : split_trimmed_views(pattern, "/")) parts.push_back(to_lower(part));
  return parts;
}

}  // namespace

StyleSet::StyleSet(const StyleSpec& spec) {
  m_detecting = !spec.list && spec.sections.empty();
  if (m_detecting) {
    for (const BuiltinStyle& builtin : builtin_styles()) m_styles.push_back(make_style(std::string(builtin.name)));
    return;
  }
  auto add = [&](const std::string& text) {
    for (size_t i = 0; i < m_styles.size(); ++i)
      if (m_styles[i].text == text || m_styles[i].name == text) return static_cast<int>(i);
    m_styles.push_back(make_style(text));
    return static_cast<int>(m_styles.size() - 1);
  };
  if (spec.list) m_list_style = add(*spec.list);
  for (const auto& [pattern, text] : spec.sections) m_sections.emplace_back(path_parts(pattern), add(text));
}

StyleSet::~StyleSet() = default;
StyleSet::StyleSet(StyleSet&&) noexcept = default;

int StyleSet::style_for(const std::vector<std::string>& path) const {
  if (m_detecting) return -1;
  // The longest section pattern that names trailing parts of the path's
  // prefix wins: "Papers" covers "Papers / 2020" too.
  int best = m_list_style;
  size_t best_length = 0;
  for (const auto& [pattern, style] : m_sections) {
    for (size_t end = pattern.size(); end <= path.size(); ++end) {
      bool match = std::equal(pattern.begin(), pattern.end(), path.begin() + static_cast<long>(end - pattern.size()),
                              [](const std::string& a, const std::string& b) { return a == to_lower(b); });
      if (match && pattern.size() >= best_length) {
        best = style;
        best_length = pattern.size();
        break;
      }
    }
  }
  return best;
}

int StyleSet::find(std::string_view name) const {
  for (size_t i = 0; i < m_styles.size(); ++i)
    if (m_styles[i].name == name) return static_cast<int>(i);
  return -1;
}

}  // namespace curate
