#include "curate/catalog/catalog.hpp"

#include "curate/catalog/kinds.hpp"

namespace curate {
namespace {

void collect_items(const std::vector<Item>& items, const Section& owner, const SectionPath& section,
                   std::vector<const Item*>& ancestors, std::vector<EntryRef>& out) {
  for (const Item& item : items) {
    if (item.is_entry()) {
      EntryRef& ref = out.emplace_back(EntryRef{&item, section, {}, ancestors, &owner});
      ref.parents.reserve(ancestors.size());
      for (const Item* ancestor : ancestors) ref.parents.push_back(ancestor->title);
    }
    ancestors.push_back(&item);
    collect_items(item.children, owner, section, ancestors, out);
    ancestors.pop_back();
  }
}

void collect_section_entries(const Section& section, std::vector<std::string>& path, std::vector<EntryRef>& out) {
  std::vector<const Item*> ancestors;
  collect_items(section.items, section, SectionPath(path), ancestors, out);
  for (const Section& child : section.sections) {
    path.push_back(child.heading);
    collect_section_entries(child, path, out);
    path.pop_back();
  }
}

void collect_section_refs(const Section& section, std::vector<std::string>& path, std::vector<SectionRef>& out) {
  for (const Section& child : section.sections) {
    path.push_back(child.heading);
    out.push_back({&child, path});
    collect_section_refs(child, path, out);
    path.pop_back();
  }
}

}  // namespace

const std::vector<std::string>& SectionPath::empty_path() {
  static const std::vector<std::string> k_empty;
  return k_empty;
}

const std::string& EntryRef::file() const {
  static const std::string k_unknown;
  return catalog ? catalog->path : k_unknown;
}

std::optional<int> Item::year() const {
  if (!date || !is_date_shape(*date)) return std::nullopt;
  return std::stoi(date->substr(0, 4));
}

std::vector<EntryRef> collect_entries(const Catalog& catalog) {
  std::vector<EntryRef> out;
  out.reserve(static_cast<size_t>(count_entries(catalog.root)));  // no reallocation copies on big lists
  std::vector<std::string> path;
  collect_section_entries(catalog.root, path, out);
  for (EntryRef& entry : out) entry.catalog = &catalog;
  return out;
}

std::vector<SectionRef> collect_sections(const Catalog& catalog) {
  std::vector<SectionRef> out;
  std::vector<std::string> path;
  collect_section_refs(catalog.root, path, out);
  return out;
}

int count_entries(const Item& item) {
  int count = item.is_entry() ? 1 : 0;
  for (const Item& child : item.children) count += count_entries(child);
  return count;
}

int count_entries(const Section& section) {
  int count = 0;
  for (const Item& item : section.items) count += count_entries(item);
  for (const Section& child : section.sections) count += count_entries(child);
  return count;
}

}  // namespace curate
