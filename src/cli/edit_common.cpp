#include "edit_common.hpp"

#include <cstdio>
#include <filesystem>
#include <set>

#include "curate/text/error.hpp"
#include "curate/text/text.hpp"
#include "curate/text/unified_diff.hpp"

namespace curate::cli {
namespace {

std::string candidates(const std::vector<EntryRef>& found) {
  std::string names;
  for (size_t i = 0; i < found.size() && i < 5; ++i)
    names += "\n  " + found[i].item->id + "  " + found[i].item->title + " (line " +
             std::to_string(found[i].item->pos.line) + ")";
  return names + (found.size() > 5 ? "\n  …" : "");
}

std::vector<EntryRef> checked(std::vector<EntryRef> found, const std::string& what, bool all) {
  if (found.size() > 1 && !all)
    throw Error(what + " matches " + std::to_string(found.size()) +
                " entries; use --all to edit all of them, or an id:" + candidates(found));
  return found;
}

// The list file, not a selector: "-", an existing file, or a name that reads
// as a Markdown file (a URL never does), so a typo in the file name is
// reported as a missing file rather than as an unknown entry.
bool names_a_file(const std::string& arg) {
  std::error_code ec;
  if (arg == "-" || std::filesystem::is_regular_file(arg, ec)) return true;
  if (arg.find("://") != std::string::npos) return false;
  std::string lower = to_lower(arg);
  return ends_with(lower, ".md") || ends_with(lower, ".markdown");
}

}  // namespace

LoadedList load_for_edit(const RunState& state, const std::optional<std::string>& file) {
  if (file && *file == "-") throw Error("cannot edit standard input; name the list file");
  LoadedList list = load_list(state.global, file, StdinUse::never);
  if (list.source.path == "-") throw Error("cannot edit standard input; name the list file");
  use_catalog_ids(list);
  return list;
}

EditResult with_file_errors(const std::string& path, const std::function<EditResult()>& edit) {
  try {
    return edit();
  } catch (const Error& e) {
    if (e.file().empty() && e.line() > 0) throw Error(path, e.line(), e.column(), e.what());
    throw;
  }
}

int finish_edit(const LoadedList& list, const EditResult& result, bool dry_run, const std::function<bool()>& confirm) {
  if (!result.changed) {
    write_stdout(list.source.path + ": " + result.summary + "\n");
    return k_exit_ok;
  }
  verify_edit(list.catalog, result.text, list.config, result.expected);
  if (dry_run) {
    write_stdout(unified_diff(list.source.text, result.text, list.source.path, list.source.path));
    // The diff is the output (a patch); what it leaves out goes beside it.
    if (!result.notice.empty()) std::fprintf(stderr, "%s: %s\n", list.source.path.c_str(), result.notice.c_str());
    return k_exit_ok;
  }
  if (confirm && !confirm()) {
    write_stdout(list.source.path + ": nothing written\n");
    return k_exit_ok;
  }
  write_atomic(list.source.path, restore_layout(result.text, list.source), stamp_to_replace(list.source));
  std::string where = list.source.path + (result.line ? ":" + std::to_string(result.line) : "");
  write_stdout(where + ": " + result.summary + "\n");
  return k_exit_ok;
}

std::vector<EntryRef> select_for_edit(const Catalog& catalog, const std::vector<std::string>& selectors,
                                      const std::optional<std::string>& match, bool all) {
  std::vector<EntryRef> out;
  std::set<const Item*> seen;
  auto take = [&](const std::vector<EntryRef>& found) {
    for (const auto& entry : found)
      if (seen.insert(entry.item).second) out.push_back(entry);
  };
  for (const auto& selector : selectors) {
    std::vector<EntryRef> found = resolve_exact_selector(catalog, selector);
    if (found.empty()) {
      std::string hint =
          match_titles(catalog, selector).empty() ? "" : "; to select by title use --match '" + selector + "'";
      throw Error("no entry has the id or URL '" + selector + "'" + hint);
    }
    take(checked(found, "'" + selector + "'", all));
  }
  if (match) {
    std::vector<EntryRef> found = match_titles(catalog, *match);
    if (found.empty()) throw Error("no entry title matches '" + *match + "'");
    take(checked(found, "--match '" + *match + "'", all));
  }
  if (out.empty()) throw Error("name the entries: an id, a URL, or --match TEXT");
  return out;
}

void take_file_argument(std::vector<std::string>& args, std::optional<std::string>& file) {
  if (file || args.empty() || !names_a_file(args.back())) return;
  file = args.back();
  args.pop_back();
}

void check_tags_known(const Catalog& catalog, const std::vector<std::string>& tags, bool allow_new) {
  if (allow_new) return;
  std::vector<std::string> names;
  for (const auto& def : catalog.tags) names.push_back(def.name);
  for (const auto& tag : tags) {
    bool known = std::any_of(names.begin(), names.end(), [&](const std::string& n) { return iequals(n, tag); });
    if (known) continue;
    throw Error("unknown tag '" + tag + "'" + did_you_mean(tag, names) +
                (names.empty() ? "; the list declares no tags" : "; known tags: " + join(names, ", ")) +
                "; use --new-tag to add it anyway");
  }
}

}  // namespace curate::cli
