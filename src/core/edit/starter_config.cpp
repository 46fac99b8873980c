#include "curate/edit/starter_config.hpp"

#include <nlohmann/json.hpp>

namespace curate {
namespace {

std::string json_string(const std::string& text) { return nlohmann::json(text).dump(); }

std::string tags_block(const Catalog& catalog, const std::string& list_file) {
  if (catalog.tags.empty())
    return "  // The tag vocabulary (`*tag*:` prefixes). " + list_file +
           " declares no legend; declare one here, e.g.:\n"
           "  // \"tags\": {\"cult\": \"deeper, famous research\"},\n\n";
  std::string out = "  // The tag vocabulary (`*tag*:` prefixes), taken from the legend at " + list_file + ":" +
                    std::to_string(catalog.legend_line) +
                    ".\n"
                    "  // Once declared here, this list wins over the legend.\n"
                    "  \"tags\": {\n";
  for (size_t i = 0; i < catalog.tags.size(); ++i) {
    const TagDef& tag = catalog.tags[i];
    out += "    " + json_string(tag.name) + ": " + json_string(tag.description);
    out += i + 1 < catalog.tags.size() ? ",\n" : "\n";
  }
  return out + "  },\n\n";
}

// The entry style detection chose, written down so that it no longer
// depends on the votes of the day (docs/styles.md).
std::string style_block(const Catalog& catalog) {
  if (catalog.style.empty()) return "";
  int votes = 0, total = 0;
  for (const auto& [name, count] : catalog.style_votes) {
    total += count;
    if (name == catalog.style) votes = count;
  }
  std::string why = catalog.style_detected && total > 0
                        ? "detected: " + std::to_string(votes) + " of the " + std::to_string(total) +
                              " entries that follow a style follow this one"
                        : "the style in force";
  return "  // The entries' style (docs/styles.md), " + why + ".\n" +
         "  // `curate style` shows the entries that depart from it.\n" + "  \"style\": " + json_string(catalog.style) +
         ",\n\n";
}

// Commented out, so the file stays valid whatever comes before it; the
// keys are the ones `validate` and `validate --links` read.
constexpr const char* k_examples =
    "  // Severity per validation rule: \"error\", \"warning\" or \"off\".\n"
    "  // `curate validate --list-rules` lists the rules. Uncomment to override:\n"
    "  // \"rules\": {\n"
    "  //   \"missing-link\": \"off\",\n"
    "  //   \"insecure-link\": \"error\"\n"
    "  // },\n"
    "\n"
    "  // Link checking (`curate validate --links`). Uncomment to change the defaults:\n"
    "  // \"links\": {\n"
    "  //   \"concurrency\": 64,\n"
    "  //   \"per-host\": 4,\n"
    "  //   \"timeout\": 20,\n"
    "  //   \"exclude\": [\"^https://www\\\\.linkedin\\\\.com/\"]\n"
    "  // },\n"
    "\n";

}  // namespace

std::string starter_config(const std::string& list_file, const Catalog& catalog) {
  std::string out = "{\n  // curate's configuration (JSON with comments), written by `curate init`.\n\n";
  out += tags_block(catalog, list_file);
  out += style_block(catalog);
  out += k_examples;
  out += "  // The list that commands read when no FILE is given.\n";
  out += "  \"file\": " + json_string(list_file) + "\n}\n";
  return out;
}

}  // namespace curate
