// SARIF 2.1.0 output (OASIS sarif-v2.1.0 schema; tests/data holds it). One
// run; every registered rule in tool.driver.rules so ruleIndex is stable;
// locations relative to %SRCROOT% (the repository root).
#include <nlohmann/json.hpp>

#include "curate/lint/output.hpp"
#include "curate/markdown/markdown.hpp"
#include "curate/text/url.hpp"

namespace curate {
namespace {

using Json = nlohmann::ordered_json;

const char* sarif_level(Severity severity) {
  switch (severity) {
    case Severity::error:
      return "error";
    case Severity::warning:
      return "warning";
    case Severity::off:
      return "none";
  }
  return "error";
}

// A relative reference: '/' separated, reserved and non-ASCII bytes escaped.
std::string uri_reference(const std::string& path) { return percent_encode(path, "/"); }

// Converts 1-based byte columns into 1-based UTF-16 code unit columns.
class ColumnMapper {
 public:
  explicit ColumnMapper(const std::string& text) : m_text(text), m_lines(text) {}

  int utf16_column(int line, int byte_column) const {
    std::string_view row = m_lines.line_text(m_text, line);
    int units = 0;
    for (size_t i = 0; i < row.size() && i + 1 < static_cast<size_t>(byte_column); ++i) {
      unsigned char c = static_cast<unsigned char>(row[i]);
      if ((c & 0xC0) == 0x80) continue;  // continuation byte
      units += c >= 0xF0 ? 2 : 1;        // 4-byte sequences are surrogate pairs
    }
    int past_end = byte_column - 1 - static_cast<int>(row.size());
    return units + 1 + (past_end > 0 ? past_end : 0);
  }

 private:
  const std::string& m_text;
  LineIndex m_lines;
};

Json rule_descriptor(const Rule& rule) {
  const RuleInfo& info = rule.info;
  std::string help = info.help.empty() ? info.description : info.help;
  return Json{{"id", info.id},
              {"shortDescription", {{"text", info.description}}},
              {"fullDescription", {{"text", help}}},
              {"help",
               {{"text", help + " Configure it with \"rules\": {\"" + info.id +
                             "\": \"off|warning|error\"} in .curate.json, or suppress it with <!-- curate-disable " +
                             info.id + " -->."}}},
              // A rule off by default (cross-listed) is not enabled: SARIF's "none" level alone still runs it.
              {"defaultConfiguration", info.default_severity == Severity::off
                                           ? Json{{"enabled", false}, {"level", sarif_level(info.default_severity)}}
                                           : Json{{"level", sarif_level(info.default_severity)}}},
              {"properties", {{"fixable", info.fixable}}}};
}

Json region(const Diagnostic& d, const ColumnMapper* mapper) {
  auto column = [&](const SourcePos& pos) { return mapper ? mapper->utf16_column(pos.line, pos.column) : pos.column; };
  SourcePos end = d.end.line ? d.end : d.begin;
  // SARIF's endColumn is the column after the region; ours is its last column.
  return Json{{"startLine", d.begin.line},
              {"startColumn", column(d.begin)},
              {"endLine", end.line},
              {"endColumn", column(end) + 1}};
}

}  // namespace

std::string format_lint_sarif(const std::vector<Diagnostic>& diagnostics, const RuleRegistry& registry,
                              const LintOutputOptions& options) {
  Json rules = Json::array();
  std::map<std::string, size_t> index;
  for (const Rule& rule : registry.rules()) {
    index[rule.info.id] = rules.size();
    rules.push_back(rule_descriptor(rule));
  }
  std::map<std::string, ColumnMapper> mappers;
  for (const auto& [file, text] : options.sources) mappers.emplace(file, ColumnMapper(text));
  Json results = Json::array();
  for (const Diagnostic& d : diagnostics) {
    auto mapper = mappers.find(d.file);
    Json location{{"physicalLocation",
                   {{"artifactLocation",
                     {{"uri", uri_reference(path_relative_to(d.file, options.root))}, {"uriBaseId", "%SRCROOT%"}}},
                    {"region", region(d, mapper == mappers.end() ? nullptr : &mapper->second)}}}};
    Json result{{"ruleId", d.rule}};
    if (auto it = index.find(d.rule); it != index.end()) result["ruleIndex"] = it->second;
    result["level"] = sarif_level(d.severity);
    result["message"] = {{"text", d.message}};
    result["locations"] = Json::array({location});
    results.push_back(std::move(result));
  }
  Json driver{{"name", "curate"}, {"version", CURATE_VERSION}, {"rules", rules}};
  Json log{
      {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
      {"version", "2.1.0"},
      {"runs",
       Json::array({Json{{"tool", {{"driver", driver}}}, {"columnKind", "utf16CodeUnits"}, {"results", results}}})}};
  return log.dump(2) + "\n";
}

}  // namespace curate
