// The entry grammar: every example row of DESIGN.md parses exactly so.
#include <catch2/catch.hpp>

#include "test_helpers.hpp"

using curate::Item;
using curate::test::parse_item;
using Strings = std::vector<std::string>;

TEST_CASE("a tagged quoted title with metadata gives title, tag, author, kind and date") {
  Item item = parse_item("*cult*: \"Deep Learning\" [Ian Goodfellow; book; 2016](https://www.deeplearningbook.org/)");
  CHECK(item.title == "Deep Learning");
  CHECK(item.tags == Strings{"cult"});
  CHECK(item.authors == Strings{"Ian Goodfellow"});
  CHECK(item.kinds == Strings{"book"});
  CHECK(item.medium == "book");
  CHECK(item.date == "2016");
  CHECK(item.year() == 2016);
  CHECK(item.url == "https://www.deeplearningbook.org/");
  CHECK(item.links == Strings{"https://www.deeplearningbook.org/"});
  CHECK_FALSE(item.description);
  CHECK(item.rest.empty());
}

TEST_CASE("authors joined by & are split and Blog is normalised to blog") {
  Item item = parse_item(
      "*cult*: \"What AI Can Tell Us About Intelligence\" [Yann LeCun & Jacob Browning; Blog; "
      "2022-06](https://www.noemamag.com/x/)");
  CHECK(item.title == "What AI Can Tell Us About Intelligence");
  CHECK(item.authors == Strings{"Yann LeCun", "Jacob Browning"});
  CHECK(item.kinds == Strings{"blog"});
  CHECK(item.medium == "Blog");
  CHECK(item.date == "2022-06");
}

TEST_CASE("plain text before a metadata link is the title and YouTube is a video") {
  Item item = parse_item(
      "Video explanation of blog post [Yannic Kilcher; YouTube; "
      "2021-03-11](https://www.youtube.com/watch?v=Ag1bw8MfHGQ)");
  CHECK(item.title == "Video explanation of blog post");
  CHECK(item.tags.empty());
  CHECK(item.authors == Strings{"Yannic Kilcher"});
  CHECK(item.kinds == Strings{"video"});
  CHECK(item.date == "2021-03-11");
  CHECK(item.url == "https://www.youtube.com/watch?v=Ag1bw8MfHGQ");
}

TEST_CASE("a metadata link holding only a date gives no authors or kinds") {
  Item item =
      parse_item("*cult*: \"SEER: The start of a more powerful era\" [2021-03-04](https://ai.facebook.com/blog/seer/)");
  CHECK(item.title == "SEER: The start of a more powerful era");
  CHECK(item.tags == Strings{"cult"});
  CHECK(item.authors.empty());
  CHECK(item.kinds.empty());
  CHECK(item.date == "2021-03-04");
}

TEST_CASE("a label before a quote is the title and the quote the description") {
  Item item = parse_item(
      "DALL-E 2: \"generates more realistic and accurate images\" [OpenAI; Blog & Paper; "
      "2022-04](https://openai.com/dall-e-2/)");
  CHECK(item.title == "DALL-E 2");
  CHECK(item.description == "generates more realistic and accurate images");
  CHECK(item.authors == Strings{"OpenAI"});
  CHECK(item.kinds == Strings{"blog", "paper"});
  CHECK(item.medium == "Blog & Paper");
  CHECK(item.date == "2022-04");
}

TEST_CASE("a label before a bare URL gives title and url") {
  Item item = parse_item(
      "Papers, resources, guides, blogs, interviews etc. on Application of ML and its systems: "
      "https://applyingml.com/");
  CHECK(item.title == "Papers, resources, guides, blogs, interviews etc. on Application of ML and its systems");
  CHECK(item.url == "https://applyingml.com/");
  CHECK(item.style == curate::EntryStyle::bare_url);
  CHECK(item.authors.empty());
}

TEST_CASE("a tagged quote without a link is a stub") {
  Item item = parse_item("*cult*: \"Attention is all you need\"");
  CHECK(item.title == "Attention is all you need");
  CHECK(item.tags == Strings{"cult"});
  CHECK(item.is_stub());
  CHECK_FALSE(item.url);
}

TEST_CASE("a label with a trailing italic note and children is a group with a note") {
  curate::Catalog catalog = curate::test::parse_text(
      "- Contrastive Learning: *need lot of data and predominantly negative pairs*\n  - SimCLR [Google; paper + "
      "github; 2020-06-17](https://github.com/google-research/simclr)\n");
  const Item& group = catalog.root.items.at(0);
  CHECK(group.is_group);
  CHECK(group.title == "Contrastive Learning");
  CHECK(group.note == "need lot of data and predominantly negative pairs");
  const Item& child = group.children.at(0);
  CHECK(child.kinds == Strings{"paper", "repo"});
  CHECK(child.medium == "paper + github");
}

TEST_CASE("a bare word is a stub entry") {
  Item item = parse_item("DVC");
  CHECK(item.title == "DVC");
  CHECK(item.is_entry());
  CHECK(item.is_stub());
}

TEST_CASE("a leading link with a dash gives title, url and description") {
  Item item = parse_item("[Node.js](https://github.com/sindresorhus/awesome-nodejs#readme) - JavaScript runtime.");
  CHECK(item.title == "Node.js");
  CHECK(item.url == "https://github.com/sindresorhus/awesome-nodejs#readme");
  CHECK(item.description == "JavaScript runtime.");
  CHECK(item.style == curate::EntryStyle::leading_link);
}

TEST_CASE("a metadata field of kinds and a date joined by a comma is split and flagged") {
  Item item = parse_item(
      "LaMDA: \"LLM trained on dialogue\" [Google; Blog & Paper, 2021-05](https://blog.google/technology/ai/lamda/)");
  CHECK(item.title == "LaMDA");
  CHECK(item.kinds == Strings{"blog", "paper"});
  CHECK(item.date == "2021-05");
  CHECK(item.metadata_comma_split);
}

TEST_CASE("an empty link destination gives an empty url, not a stub") {
  Item item = parse_item("[Name]() - nothing here");
  CHECK(item.url == "");
  CHECK_FALSE(item.is_stub());
}

TEST_CASE("format-label links are links but never metadata") {
  Item item = parse_item("\"A paper\" [pdf](https://x.org/a.pdf) [[code]](https://github.com/x/y)");
  CHECK(item.url == "https://x.org/a.pdf");
  CHECK(item.authors.empty());
  CHECK(item.links == Strings{"https://x.org/a.pdf", "https://github.com/x/y"});
}

TEST_CASE("further links in a description are kept in links") {
  Item item = parse_item(
      "[pyenv-win](https://github.com/pyenv-win/pyenv-win) - A version manager "
      "([pyenv](https://github.com/pyenv/pyenv) fork).");
  CHECK(item.title == "pyenv-win");
  CHECK(item.description == "A version manager (pyenv fork).");
  CHECK(item.links == Strings{"https://github.com/pyenv-win/pyenv-win", "https://github.com/pyenv/pyenv"});
}

TEST_CASE("plain text with a dash and no link splits into title and description") {
  Item item = parse_item("macOS - Operating system for Apple's Mac computers.");
  CHECK(item.title == "macOS");
  CHECK(item.description == "Operating system for Apple's Mac computers.");
}

TEST_CASE("text after a quote that fits no field stays in rest") {
  Item item = parse_item("way to go for the future: \"most promising ways\" (Yan LeCun, Meta AI)");
  CHECK(item.title == "way to go for the future");
  CHECK(item.description == "most promising ways");
  CHECK(item.rest == "(Yan LeCun, Meta AI)");
  CHECK(item.is_stub());
}

TEST_CASE("an unclosed quote is flagged and the title kept") {
  Item item = parse_item("*cult*: \"Never closed [A; book; 2016](https://a.org)");
  CHECK(item.unclosed_quote);
  CHECK(item.tags == Strings{"cult"});
}

TEST_CASE("curly quotes delimit a title like straight ones") {
  Item item = parse_item(
      "\xE2\x80\x9C"
      "Curly"
      "\xE2\x80\x9D"
      " [A B; paper; 2019](https://a.org/p)");
  CHECK(item.title == "Curly");
  CHECK(item.kinds == Strings{"paper"});
}

TEST_CASE("a single unknown metadata field is an author") {
  Item item = parse_item("\"A curated list of MLOps projects\" [MLOps.toys](https://mlops.toys/feature-store)");
  CHECK(item.title == "A curated list of MLOps projects");
  CHECK(item.authors == Strings{"MLOps.toys"});
  CHECK(item.url == "https://mlops.toys/feature-store");
}

TEST_CASE("a link after a dash names the entry's page and its text describes it") {
  Item item = parse_item("MySQL - [awesome-mysql](https://github.com/shlomi-noach/awesome-mysql)");
  CHECK(item.title == "MySQL");
  CHECK(item.url == "https://github.com/shlomi-noach/awesome-mysql");
  CHECK(item.description == "awesome-mysql");
  CHECK(item.authors.empty());
}

TEST_CASE("check_date tells a real date from one the calendar lacks, and says why") {
  using curate::DateFault;
  CHECK(curate::check_date("2024-02-29") == DateFault::none);
  CHECK(curate::check_date("2000-02-29") == DateFault::none);  // divisible by 400: a leap year
  CHECK(curate::check_date("2021") == DateFault::none);
  CHECK(curate::check_date("2021-12") == DateFault::none);
  CHECK(curate::check_date("1900-02-29") == DateFault::day);  // divisible by 100: not a leap year
  CHECK(curate::check_date("2023-04-31") == DateFault::day);
  CHECK(curate::check_date("2023-01-00") == DateFault::day);
  CHECK(curate::check_date("2023-13") == DateFault::month);
  CHECK(curate::check_date("2023-00-10") == DateFault::month);
  CHECK(curate::check_date("0202") == DateFault::year);
  CHECK(curate::check_date("0202-13") == DateFault::month);  // the first fault in the documented order
  CHECK(curate::check_date("2021-5") == DateFault::shape);
  CHECK(curate::check_date("") == DateFault::shape);
}
