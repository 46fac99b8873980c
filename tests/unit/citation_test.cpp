// Citation keys, author names and LaTeX escaping for the BibTeX and CSL exports.
#include <catch2/catch.hpp>

#include "curate/export/citation.hpp"
#include "test_helpers.hpp"

using namespace curate;
using curate::test::parse_item;
using curate::test::parse_text;

TEST_CASE("a person's name splits into given and family names") {
  auto name = split_person_name("Yann LeCun");
  REQUIRE(name);
  CHECK(name->given == "Yann");
  CHECK(name->family == "LeCun");
  auto accented = split_person_name("François Chollet");
  REQUIRE(accented);
  CHECK(accented->family == "Chollet");
}

TEST_CASE("lowercase particles stay with the family name") {
  auto name = split_person_name("Bob van der Berg");
  REQUIRE(name);
  CHECK(name->given == "Bob");
  CHECK(name->family == "van der Berg");
}

TEST_CASE("organisations and single names are not split into persons") {
  for (const char* author : {"Google", "Meta AI", "NYU CENTER FOR DATA SCIENCE", "MLOps Community", "MLOps.toys",
                             "Convergence: Machine-learning and cloud technology blog", "Deep Mind 2"})
    CHECK_FALSE(split_person_name(author));
}

TEST_CASE("ascii folding drops diacritics and everything but letters and digits") {
  CHECK(ascii_fold("François") == "francois");
  CHECK(ascii_fold("Łukasz Kaiser") == "lukaszkaiser");
  CHECK(ascii_fold("Æsop's Straße") == "aesopsstrasse");
  CHECK(ascii_fold("GPT-3 日本") == "gpt3");
}

TEST_CASE("a natural key is family name then year then the first significant title word") {
  CHECK(natural_citation_key(parse_item("*cult*: \"Deep Learning\" [Ian Goodfellow; book; 2016](https://d.org/)")) ==
        "goodfellow2016deep");
  CHECK(natural_citation_key(parse_item("\"The rise of it\" [Meta AI; blog; 2021-03](https://m.org/)")) ==
        "meta2021rise");
  CHECK(natural_citation_key(parse_item("\"A study\" [2020](https://x.org/)")) == "anon2020study");
  CHECK(natural_citation_key(parse_item("DVC")) == "anondvc");
}

TEST_CASE("colliding keys get the suffixes a and b in document order") {
  Catalog catalog = parse_text(
      "- \"Attention\" [Vaswani; paper; 2017](https://a.org/1)\n"
      "- \"Attention\" [Vaswani; paper; 2017](https://a.org/2)\n"
      "- \"Attention\" [Vaswani; paper; 2017](https://a.org/3)\n");
  auto entries = collect_entries(catalog);
  auto keys = citation_keys(entries);
  CHECK(keys.at(entries[0].item) == "vaswani2017attention");
  CHECK(keys.at(entries[1].item) == "vaswani2017attentiona");
  CHECK(keys.at(entries[2].item) == "vaswani2017attentionb");
}

TEST_CASE("the record type follows the first kind in the order book then paper then article") {
  CHECK(primary_kind(parse_item("\"X\" [A; Blog & Paper; 2021](https://x.org)")) == "paper");
  CHECK(primary_kind(parse_item("\"X\" [A; book; 2021](https://x.org)")) == "book");
  CHECK(primary_kind(parse_item("\"X\" [A; 2021](https://x.org)")).empty());
}

TEST_CASE("LaTeX special characters are escaped and UTF-8 is kept") {
  CHECK(latex_escape("100% #1 $5 & a_b {c} ~d ^e \\f") ==
        "100\\% \\#1 \\$5 \\& a\\_b \\{c\\} \\textasciitilde{}d \\textasciicircum{}e \\textbackslash{}f");
  CHECK(latex_escape("Émile\nZola") == "Émile Zola");
}
