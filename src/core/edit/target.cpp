// Finding the section or group an edit puts entries into.
#include "curate/edit/edit.hpp"
#include "curate/text/error.hpp"
#include "curate/text/text.hpp"

namespace curate {
namespace {

// The one section-matching rule of every command (query.hpp): whole
// titles, case-insensitive, "*" for any run of characters.
bool same_text(std::string_view title, std::string_view pattern) { return title_matches(pattern, title); }

struct GroupRef {
  const Item* group;
  std::vector<std::string> parents;  // titles from the outermost group to this one
};

void collect_groups(const std::vector<Item>& items, std::vector<std::string>& titles, std::vector<GroupRef>& out) {
  for (const Item& item : items) {
    titles.push_back(item.title);
    if (item.is_group) out.push_back({&item, titles});
    collect_groups(item.children, titles, out);
    titles.pop_back();
  }
}

std::vector<GroupRef> groups_of(const Section& section) {
  std::vector<GroupRef> out;
  std::vector<std::string> titles;
  collect_groups(section.items, titles, out);
  return out;
}

std::vector<std::string> section_names(const Catalog& catalog) {
  std::vector<std::string> out;
  for (const auto& ref : collect_sections(catalog)) {
    out.push_back(join(ref.path, "/"));
    out.push_back(ref.path.back());
  }
  return out;
}

// The sections whose heading path ends with `wanted` ("A/B"), as every
// command names sections (query.hpp section_named).
std::vector<SectionRef> sections_matching(const Catalog& catalog, const std::string& wanted) {
  std::vector<SectionRef> found;
  for (const auto& ref : collect_sections(catalog))
    if (section_named(wanted, ref.path)) found.push_back(ref);
  return found;
}

// The groups of `section` titled `title`.
std::vector<GroupRef> groups_matching(const Section& section, const std::string& title) {
  std::vector<GroupRef> found;
  for (const auto& candidate : groups_of(section))
    if (same_text(candidate.group->title, title)) found.push_back(candidate);
  return found;
}

EditTarget make_target(const SectionRef& ref, const GroupRef* group) {
  EditTarget target{ref.section, nullptr, ref.path, {}};
  if (group) {
    target.group = group->group;
    target.parents = group->parents;
  }
  return target;
}

// The target when `section` (and `group`, if given) each name exactly one
// place; nullopt otherwise, which for `mv --to` is a normal miss.
std::optional<EditTarget> unique_target(const Catalog& catalog, const std::string& section,
                                        const std::optional<std::string>& group) {
  std::vector<SectionRef> sections = sections_matching(catalog, section);
  if (sections.size() != 1) return std::nullopt;
  if (!group) return make_target(sections.front(), nullptr);
  std::vector<GroupRef> groups = groups_matching(*sections.front().section, *group);
  if (groups.size() != 1) return std::nullopt;
  return make_target(sections.front(), &groups.front());
}

SectionRef find_section(const Catalog& catalog, const std::string& wanted) {
  std::vector<SectionRef> found = sections_matching(catalog, wanted);
  if (found.empty()) throw Error("unknown section '" + wanted + "'" + did_you_mean(wanted, section_names(catalog)));
  if (found.size() > 1) {
    std::vector<std::string> names;
    for (const auto& ref : found) names.push_back(join(ref.path, "/"));
    throw Error("section '" + wanted + "' is ambiguous: " + join(names, ", ") + "; give more of its path");
  }
  return found.front();
}

}  // namespace

std::string EditTarget::describe() const {
  std::vector<std::string> parts = section_path;
  parts.insert(parts.end(), parents.begin(), parents.end());
  return join(parts, " > ");
}

EditTarget resolve_target(const Catalog& catalog, const std::string& section, const std::optional<std::string>& group) {
  SectionRef ref = find_section(catalog, section);
  if (!group) return make_target(ref, nullptr);
  std::vector<GroupRef> found = groups_matching(*ref.section, *group);
  if (found.empty()) {
    std::vector<std::string> titles;
    for (const auto& candidate : groups_of(*ref.section)) titles.push_back(candidate.group->title);
    throw Error("no group '" + *group + "' in section '" + join(ref.path, "/") + "'" + did_you_mean(*group, titles));
  }
  if (found.size() > 1)
    throw Error("group '" + *group + "' occurs " + std::to_string(found.size()) + " times in section '" +
                join(ref.path, "/") + "'");
  return make_target(ref, &found.front());
}

EditTarget resolve_move_target(const Catalog& catalog, const std::string& path) {
  if (auto target = unique_target(catalog, path, std::nullopt)) return *target;
  // Group titles may contain "/" themselves ("Architecture / Concepts").
  for (size_t slash = path.find('/'); slash != std::string::npos; slash = path.find('/', slash + 1))
    if (auto target = unique_target(catalog, path.substr(0, slash), std::string(trim(path.substr(slash + 1)))))
      return *target;
  std::vector<std::string> names = section_names(catalog);
  for (const auto& ref : collect_sections(catalog))
    for (const auto& group : groups_of(*ref.section)) names.push_back(ref.path.back() + "/" + group.group->title);
  throw Error("unknown section or group '" + path + "'" + did_you_mean(path, names));
}

}  // namespace curate
