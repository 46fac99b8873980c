#include "curate/lint/cross_file.hpp"

#include <unordered_map>
#include <unordered_set>

#include "curate/lint/duplicates.hpp"
#include "curate/text/text.hpp"

namespace curate {
namespace {

// Where an entry was first seen in the run.
struct FirstSeen {
  size_t file = 0;
  const Item* item = nullptr;
};

// The end of a line (1-based) of `text`, as per-file findings about a
// whole entry end there.
class LineEnds {
 public:
  explicit LineEnds(const std::string& text) : m_text(text) {}

  SourcePos end_of(int line) {
    if (m_starts.empty()) {
      m_starts.push_back(0);
      for (size_t i = 0; i < m_text.size(); ++i)
        if (m_text[i] == '\n') m_starts.push_back(i + 1);
    }
    size_t index = static_cast<size_t>(line > 0 ? line - 1 : 0);
    if (index >= m_starts.size()) return {line, 0};
    size_t end = m_text.find('\n', m_starts[index]);
    if (end == std::string::npos) end = m_text.size();
    return {line, static_cast<int>(end - m_starts[index])};
  }

 private:
  const std::string& m_text;
  std::vector<size_t> m_starts;  // built on the first finding only
};

// Where an entry sits: section path and parent titles. Two namesakes are a
// duplicate-title finding across files only in the same place, as within
// one file (docs/validate.md "duplicate-title").
std::string place_key(const EntryRef& entry) {
  return join(entry.section, "\x1f") + '\x1e' + join(entry.parents, "\x1f") + '\x1e';
}

class CrossFilePass {
 public:
  CrossFilePass(std::vector<FileFindings>& files, bool urls, bool titles)
      : m_files(files), m_urls(urls), m_titles(titles) {}

  void run() {
    for (size_t k = 0; k < m_files.size(); ++k) check_file(k);
  }

 private:
  void check_file(size_t k) {
    FileFindings& findings = m_files[k];
    LineEnds ends(findings.source.text);
    std::unordered_set<std::string> urls_here, titles_here;  // keys met in this file: later copies are its own rules'
    for (const EntryRef& entry : collect_entries(findings.catalog)) {
      const Item& item = *entry.item;
      if (std::string key = duplicate_url_key(item); m_urls && !key.empty()) {
        if (urls_here.insert(key).second)
          if (const FirstSeen* first = earlier(m_first_url, key, k, item);
              first && !names_its_project(item, *first->item))
            report(findings, ends, item, "duplicate-url", duplicate_url_message(item, *first->item, place(*first)));
      }
      if (m_titles && item.is_entry() && item.url && !item.title.empty() && !item.title_from_category) {
        std::string key = place_key(entry) + item.title;
        if (titles_here.insert(key).second)
          if (const FirstSeen* first = earlier(m_first_title, key, k, item)) {
            TitleDuplicate how = title_duplicate(*first->item, item, true);
            if (how != TitleDuplicate::none)
              report(findings, ends, item, "duplicate-title", duplicate_title_message(item, how, place(*first)));
          }
      }
    }
  }

  // The entry of an earlier file that `key` names; else remembers `item`
  // under it and returns nullptr.
  static const FirstSeen* earlier(std::unordered_map<std::string, FirstSeen>& seen, const std::string& key, size_t file,
                                  const Item& item) {
    auto [it, inserted] = seen.try_emplace(key, FirstSeen{file, &item});
    return inserted || it->second.file == file ? nullptr : &it->second;
  }

  std::string place(const FirstSeen& first) const {
    return m_files[first.file].source.path + ":" + std::to_string(first.item->pos.line);
  }

  static void report(FileFindings& findings, LineEnds& ends, const Item& item, const char* rule, std::string message) {
    Diagnostic found;
    found.file = findings.source.path;
    found.begin = item.pos;
    found.end = ends.end_of(item.pos.line);
    found.rule = rule;
    found.message = std::move(message);
    findings.diagnostics.push_back(std::move(found));
  }

  std::vector<FileFindings>& m_files;
  bool m_urls;
  bool m_titles;
  std::unordered_map<std::string, FirstSeen> m_first_url, m_first_title;
};

}  // namespace

void add_cross_file_findings(std::vector<FileFindings>& files, const Linter& linter) {
  bool urls = linter.settings().severity("duplicate-url") != Severity::off;
  bool titles = linter.settings().severity("duplicate-title") != Severity::off;
  if (files.size() < 2 || (!urls && !titles)) return;
  CrossFilePass(files, urls, titles).run();
}

}  // namespace curate
