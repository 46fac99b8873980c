// Inline suppression comments (docs/validate.md "Suppressions"):
//   <!-- curate-disable [RULE…] -->            from this line on
//   <!-- curate-enable [RULE…] -->             from this line on
//   <!-- curate-disable-next-line [RULE…] -->  the line after the comment
// Rules are separated by spaces or commas; none means every rule; text after
// " -- " is a free-form reason.
#include <algorithm>
#include <map>
#include <set>

#include "context.hpp"
#include "curate/text/text.hpp"

namespace curate {
namespace {

constexpr std::string_view k_prefix = "curate-";

struct Directive {
  std::string_view name;
  Suppressions::Event::Kind kind;
};

// Longest names first, so "disable-next-line" is not read as "disable".
constexpr Directive k_directives[] = {
    {"disable-next-line", Suppressions::Event::disable_next_line},
    {"disable", Suppressions::Event::disable},
    {"enable", Suppressions::Event::enable},
};

std::vector<std::string> rule_list(std::string_view body) {
  if (size_t reason = body.find(" -- "); reason != std::string_view::npos) body = body.substr(0, reason);
  return split_trimmed(body, " \t\n,");
}

// Position of `offset` in the text, as 1-based line and column.
SourcePos position_of(const LineIndex& lines, size_t offset, int hint_line) {
  int line = hint_line;
  while (line < lines.line_count() && lines.offset(line + 1) <= offset) ++line;
  return {line, static_cast<int>(offset - lines.offset(line)) + 1};
}

}  // namespace

namespace {

// The directive `body` (the comment text after "curate-") starts with.
const Directive* find_directive(std::string_view body) {
  for (const Directive& d : k_directives) {
    if (!starts_with(body, d.name)) continue;
    if (body.size() == d.name.size() || std::string(" \t\n").find(body[d.name.size()]) != std::string::npos) return &d;
  }
  return nullptr;
}

// The rules a comment names; unknown ones are reported with a suggestion.
std::vector<std::string> read_rules(std::string_view list, const std::vector<std::string>& known,
                                    RuleReporter* reporter, SourcePos begin, SourcePos end) {
  std::vector<std::string> rules = rule_list(list);
  for (const std::string& rule : rules) {
    if (!reporter || std::find(known.begin(), known.end(), rule) != known.end()) continue;
    reporter->report(begin, end, "unknown rule '" + rule + "' in a suppression comment" + did_you_mean(rule, known));
  }
  return rules;
}

}  // namespace

Suppressions read_suppressions(const LintContext& context, const std::vector<std::string>& known,
                               RuleReporter* reporter) {
  Suppressions out;
  std::string_view text = context.text();
  int line_hint = 1;
  for (size_t open = text.find("<!--"); open != std::string_view::npos; open = text.find("<!--", open + 4)) {
    SourcePos begin = position_of(context.line_index(), open, line_hint);
    line_hint = begin.line;
    if (context.line_kind(begin.line) == LineKind::code) continue;
    size_t close = text.find("-->", open + 4);
    if (close == std::string_view::npos) break;
    std::string_view body = trim(text.substr(open + 4, close - open - 4));
    if (!starts_with(body, k_prefix)) continue;
    body.remove_prefix(k_prefix.size());
    SourcePos end = position_of(context.line_index(), close + 2, begin.line);
    const Directive* directive = find_directive(body);
    if (!directive) {
      if (reporter)
        reporter->report(begin, end,
                         "unknown directive in '<!-- curate-" + std::string(body) +
                             " -->' (use curate-disable, curate-enable or curate-disable-next-line)");
      continue;
    }
    Suppressions::Event event;
    event.kind = directive->kind;
    event.line = directive->kind == Suppressions::Event::disable_next_line ? end.line + 1 : begin.line;
    event.rules = read_rules(body.substr(directive->name.size()), known, reporter, begin, end);
    out.add(std::move(event));
  }
  return out;
}

void Suppressions::apply(std::vector<Diagnostic>& diagnostics) const {
  if (m_events.empty()) return;
  // Region state at a line: everything off (with exceptions), or a set of rules off.
  struct State {
    bool all_off = false;
    std::set<std::string> listed;  // off rules, or the exceptions when all_off
  };
  std::vector<const Event*> regions;
  std::map<int, std::vector<const Event*>> next_line;
  for (const Event& event : m_events) {
    if (event.kind == Event::disable_next_line)
      next_line[event.line].push_back(&event);
    else
      regions.push_back(&event);
  }
  std::stable_sort(regions.begin(), regions.end(), [](const Event* a, const Event* b) { return a->line < b->line; });
  auto suppressed = [&](const Diagnostic& d) {
    State state;
    for (const Event* event : regions) {
      if (event->line > d.begin.line) break;
      bool disable = event->kind == Event::disable;
      if (event->rules.empty()) {
        state.all_off = disable;
        state.listed.clear();
        continue;
      }
      // With everything off, "enable R" lists an exception; otherwise "disable R" lists R.
      for (const std::string& rule : event->rules) {
        if (disable != state.all_off)
          state.listed.insert(rule);
        else
          state.listed.erase(rule);
      }
    }
    bool listed = state.listed.count(d.rule) > 0;
    if (state.all_off ? !listed : listed) return true;
    auto it = next_line.find(d.begin.line);
    if (it == next_line.end()) return false;
    for (const Event* event : it->second)
      if (event->rules.empty() || std::find(event->rules.begin(), event->rules.end(), d.rule) != event->rules.end())
        return true;
    return false;
  };
  diagnostics.erase(std::remove_if(diagnostics.begin(), diagnostics.end(), suppressed), diagnostics.end());
}

}  // namespace curate
