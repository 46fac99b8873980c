// Entry ids and tag spellings: what names an entry or a tag once the whole
// catalog is known.
#include <filesystem>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include "builders.hpp"
#include "curate/catalog/parse.hpp"
#include "curate/text/text.hpp"
#include "curate/text/url.hpp"

namespace curate::catalog_detail {
namespace {

class IdAssigner {
 public:
  void assign(Catalog& catalog) {
    // The file's name, not its path: an id must not depend on how the path
    // is spelt ("list.md", "./list.md", "/home/me/list.md"). Two files of one
    // name in different folders fall through to the ordinal.
    m_file = std::filesystem::path(catalog.path).filename().string();
    std::vector<std::string> path;
    walk_section(catalog.root, path);
  }

 private:
  void walk_section(Section& section, std::vector<std::string>& path) {
    std::vector<std::string> parents;
    walk_items(section.items, join(path, "/"), parents);
    for (Section& child : section.sections) {
      path.push_back(child.heading);
      walk_section(child, path);
      path.pop_back();
    }
  }

  void walk_items(std::vector<Item>& items, const std::string& path, std::vector<std::string>& parents) {
    for (Item& item : items) {
      item.id = unique_id(item, path, parents);
      parents.push_back(item.title);
      walk_items(item.children, path, parents);
      parents.pop_back();
    }
  }

  std::string unique_id(const Item& item, const std::string& path, const std::vector<std::string>& parent_titles) {
    bool linked = item.url && !item.url->empty();
    std::string key =
        linked ? normalize_url(*item.url) : path + "\x1f" + join(parent_titles, "/") + "\x1f" + item.title;
    if (auto id = free_id(key)) return *id;
    // Later copies of a URL (or of a stub's title) hash where they are.
    key += "\x1f" + path + "\x1f" + join(parent_titles, "/");
    if (auto id = free_id(key)) return *id;
    key += "\x1f" + m_file;
    if (auto id = free_id(key)) return *id;
    for (int ordinal = 2;; ++ordinal)
      if (auto id = free_id(key + "\x1f" + std::to_string(ordinal))) return *id;
  }

  // The id of `key` when no entry has it yet, which takes it. Ids are kept
  // as their hashes (equal ids, equal hashes): no string per entry.
  std::optional<std::string> free_id(std::string_view key) {
    uint32_t hash = stable_hash(key);
    if (!m_taken.insert(hash).second) return std::nullopt;
    return hash_id(hash);
  }

  std::unordered_set<uint32_t> m_taken;
  std::string m_file;
};

void canonicalize(std::vector<Item>& items, std::unordered_map<std::string, std::string>& spelling) {
  for (Item& item : items) {
    for (std::string& tag : item.tags) {
      auto [it, inserted] = spelling.try_emplace(to_lower(tag), tag);
      if (!inserted) tag = it->second;
    }
    canonicalize(item.children, spelling);
  }
}

void canonicalize(Section& section, std::unordered_map<std::string, std::string>& spelling) {
  canonicalize(section.items, spelling);
  for (Section& child : section.sections) canonicalize(child, spelling);
}

}  // namespace

void assign_ids(const std::vector<Catalog*>& catalogs) {
  IdAssigner assigner;
  for (Catalog* catalog : catalogs) assigner.assign(*catalog);
}

void canonicalize_tags(Catalog& catalog) {
  std::unordered_map<std::string, std::string> spelling;
  for (const TagDef& tag : catalog.tags) spelling.try_emplace(to_lower(tag.name), tag.name);
  canonicalize(catalog.root, spelling);
}

}  // namespace curate::catalog_detail

namespace curate {

void assign_ids_across(const std::vector<Catalog*>& catalogs) { catalog_detail::assign_ids(catalogs); }

}  // namespace curate
