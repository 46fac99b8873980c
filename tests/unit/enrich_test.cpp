// enrich as a line edit: only empty fields are filled, in the list's
// style, and every filled line passes the nothing-lost check.
#include <catch2/catch.hpp>

#include "curate/edit/enrich.hpp"
#include "curate/text/error.hpp"
#include "test_helpers.hpp"

using namespace curate;
using curate::test::parse_text;

namespace {

using Names = std::vector<std::string>;

// Fills the entry at index `index` of `text` with `authors`, `kind` and
// `date`; checks the result as `enrich --write` does and returns it.
EnrichResult filled(const std::string& text, const Config& config, size_t index, Names authors,
                    std::optional<std::string> kind, std::optional<std::string> date) {
  Catalog catalog = parse_text(text, config);
  std::vector<EntryRef> entries = collect_entries(catalog);
  REQUIRE(index < entries.size());
  EnrichResult result =
      enrich_entries(catalog, text, {{entries[index], std::move(authors), std::move(kind), std::move(date)}}, config);
  if (result.edit.changed) verify_edit(catalog, result.edit.text, config, result.edit.expected);
  return result;
}

}  // namespace

TEST_CASE("enrich inserts a missing date into the seed's metadata link, keeping every field as written") {
  std::string text =
      "# L\n\n## A\n\n- *cult*: \"Deep learning\" [Yann LeCun et al.; Paper](https://doi.org/10.1038/x)\n";
  EnrichResult result = filled(text, Config{}, 0, {"Yann LeCun", "Yoshua Bengio"}, "blog", "2015-05-27");
  CHECK(
      result.edit.text ==
      "# L\n\n## A\n\n- *cult*: \"Deep learning\" [Yann LeCun et al.; Paper; 2015-05-27](https://doi.org/10.1038/x)\n");
  CHECK(result.outcomes.at(0).fields == Names{"date 2015-05-27"});
}

TEST_CASE("enrich fills authors and kind in the seed's order around what is already there") {
  std::string text = "- \"SEER\" [2021-03-04](https://ai.example/seer)\n";
  EnrichResult result = filled(text, Config{}, 0, {"Meta AI"}, "blog", "2020");
  CHECK(result.edit.text == "- \"SEER\" [Meta AI; blog; 2021-03-04](https://ai.example/seer)\n");
}

TEST_CASE("enrich of a leading-link entry in a seed-style list re-renders it with the new fields") {
  std::string seed = "- \"Deep Learning\" [Ian Goodfellow; book; 2016](https://www.deeplearningbook.org/)\n";
  std::string text = seed + "- [Deep Residual Learning](https://arxiv.org/abs/1512.03385)\n";
  EnrichResult result = filled(text, Config{}, 1, {"Kaiming He et al."}, "paper", "2015-12-10");
  CHECK(result.edit.text ==
        seed +
            "- \"Deep Residual Learning\" [Kaiming He et al.; paper; 2015-12-10](https://arxiv.org/abs/1512.03385)\n");
}

TEST_CASE("enrich fills the empty date cell of a table row and nothing else") {
  std::string text =
      "| Paper | Authors | Date |\n|---|---|---|\n| [ResNet](https://arxiv.org/abs/1512.03385) | "
      "Kaiming He |  |\n";
  EnrichResult result = filled(text, Config{}, 0, {"Someone Else"}, "paper", "2015-12-10");
  CHECK(result.edit.text ==
        "| Paper | Authors | Date |\n|---|---|---|\n| [ResNet](https://arxiv.org/abs/1512.03385) | "
        "Kaiming He | 2015-12-10 |\n");
}

TEST_CASE("fields a style has no place for are not fillable, so the awesome style fills nothing") {
  Config config;
  config.style.list = "awesome";
  std::string text = "# L\n\n## A\n\n- [Deep Residual Learning](https://arxiv.org/abs/1512.03385) - ResNets.\n";
  Catalog catalog = parse_text(text, config);
  CHECK(fillable_fields(collect_entries(catalog).at(0), catalog, config).empty());
  Config papers;
  papers.style.list = "papers";
  std::string paper = "- **Batch Normalization** (2015), S. Ioffe [[pdf]](https://arxiv.org/abs/1502.03167)\n";
  Catalog listed = parse_text(paper, papers);
  CHECK(fillable_fields(collect_entries(listed).at(0), listed, papers).empty());
}

TEST_CASE("an entry whose line cannot take the fields is skipped with the reason, the file unchanged") {
  std::string text = "- \"Two\n  lines\" [Ann](https://a.example/)\n";
  EnrichResult result = filled(text, Config{}, 0, {}, std::nullopt, "2020");
  CHECK_FALSE(result.edit.changed);
  CHECK(result.edit.text == text);
  CHECK(result.outcomes.at(0).unwritable);
  CHECK_THAT(result.outcomes.at(0).skipped, Catch::Contains("several lines"));
}

TEST_CASE("an entry whose source gives none of its missing fields is skipped, not failed") {
  std::string text = "- \"Repo\" [Ann; repo](https://github.com/a/b)\n";
  EnrichResult result = filled(text, Config{}, 0, {"a"}, "repo", std::nullopt);
  CHECK_FALSE(result.edit.changed);
  CHECK_FALSE(result.outcomes.at(0).unwritable);
  CHECK_THAT(result.outcomes.at(0).skipped, Catch::Contains("none of its missing fields (date)"));
}
