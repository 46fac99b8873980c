#include "curate/export/export.hpp"

#include <algorithm>

#include "curate/text/text.hpp"

namespace curate {
namespace {

// Marks every item that is selected or has a selected descendant.
bool mark_kept(const Item& item, const std::set<const Item*>& selected, std::set<const Item*>& kept) {
  bool keep = selected.count(&item) > 0;
  for (const Item& child : item.children) keep = mark_kept(child, selected, kept) || keep;
  if (keep) kept.insert(&item);
  return keep;
}

void mark_section(const Section& section, const std::set<const Item*>& selected, std::set<const Item*>& kept) {
  for (const Item& item : section.items) mark_kept(item, selected, kept);
  for (const Section& child : section.sections) mark_section(child, selected, kept);
}

}  // namespace

ExportScope ExportScope::make(CatalogSet set, std::vector<EntryRef> selected, bool filtered) {
  ExportScope scope;
  scope.set = std::move(set);
  scope.entries = std::move(selected);
  scope.filtered = filtered;
  for (const EntryRef& entry : scope.entries) scope.m_selected.insert(entry.item);
  for (const Catalog* catalog : scope.set.catalogs) mark_section(catalog->root, scope.m_selected, scope.m_kept);
  return scope;
}

ExportScope ExportScope::make(const Catalog& catalog, std::vector<EntryRef> selected, bool filtered) {
  return make(CatalogSet{{&catalog}, false}, std::move(selected), filtered);
}

std::vector<TagDef> ExportScope::vocabulary() const {
  std::vector<TagDef> tags;
  std::set<std::string> seen;  // lower-case names
  for (const Catalog* catalog : set.catalogs)
    for (const TagDef& tag : catalog->tags)
      if (seen.insert(to_lower(tag.name)).second) tags.push_back(tag);
  return tags;
}

bool ExportScope::keeps(const Section& section) const {
  if (!filtered) return true;
  return std::any_of(section.items.begin(), section.items.end(), [&](const Item& item) { return keeps(item); }) ||
         std::any_of(section.sections.begin(), section.sections.end(),
                     [&](const Section& child) { return keeps(child); });
}

}  // namespace curate
