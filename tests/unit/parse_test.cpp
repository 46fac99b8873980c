// Markdown -> catalog: sections, items, groups, stubs, TOC and the legend.
#include <catch2/catch.hpp>

#include <algorithm>

#include "curate/format/format.hpp"
#include "curate/markdown/slug.hpp"
#include "curate/query/query.hpp"
#include "curate/text/url.hpp"
#include "test_helpers.hpp"

using namespace curate;
using curate::test::parse_text;
using Strings = std::vector<std::string>;

namespace {
// The seed as written: data/resources.md is kept formatted by `curate fmt`,
// and DESIGN.md's line numbers refer to the original.
Catalog seed() { return parse_catalog(read_source(test::repo_path("tests/golden/inputs/resources.md")), Config{}); }

std::vector<std::string> titles(const std::vector<EntryRef>& entries) {
  std::vector<std::string> out;
  for (const auto& e : entries) out.push_back(e.item->title);
  return out;
}
}  // namespace

TEST_CASE("an opening H1 is the title and is excluded from section paths") {
  Catalog catalog = parse_text("# My List\n\n## Books\n\n- A [x; book; 2020](https://a.org)\n");
  CHECK(catalog.title == "My List");
  REQUIRE(catalog.root.sections.size() == 1);
  auto entries = collect_entries(catalog);
  REQUIRE(entries.size() == 1);
  CHECK(entries[0].section == Strings{"Books"});
}

TEST_CASE("the entries of a section share one copy of its heading path") {
  Catalog catalog = parse_text(
      "# L\n\n## Books\n\n### Old\n\n- [A](https://a.org)\n- [B](https://b.org)\n\n## Talks\n\n- [C](https://c.org)\n");
  auto entries = collect_entries(catalog);
  REQUIRE(entries.size() == 3);
  CHECK(entries[0].section == Strings{"Books", "Old"});
  CHECK(&entries[0].section.get() == &entries[1].section.get());
  CHECK(entries[2].section == Strings{"Talks"});
  CHECK(std::vector<std::string>(entries[2].section) == Strings{"Talks"});
  CHECK(EntryRef{}.section.empty());
}

TEST_CASE("an H1 after another heading is a section, not the title") {
  Catalog catalog = parse_text("## Intro\n\n# Books\n\n- [A](https://a.org)\n");
  CHECK_FALSE(catalog.title);
  REQUIRE(catalog.root.sections.size() == 2);
  CHECK(catalog.root.sections[1].heading == "Books");
}

TEST_CASE("the first H1 is the title after badges, without their alt text") {
  Catalog catalog = parse_text(
      "[![Build](https://b.example/b.svg)](https://b.example)\n\n"
      "# Awesome ML [![Awesome](https://a.example/badge.svg)](https://a.example) ![Track](https://t.example/t.svg)\n\n"
      "## Tools\n\n- [A](https://a.org)\n");
  REQUIRE(catalog.title);
  CHECK(*catalog.title == "Awesome ML");
  REQUIRE(catalog.root.sections.size() == 1);
  CHECK(catalog.root.sections[0].heading == "Tools");
}

TEST_CASE("an HTML <h1> over the badges is the title, until a Markdown H1 before any heading") {
  // abhisheknaiidu/awesome-github-profile-readme: export gave no title.
  Catalog html = parse_text(
      "<h1 align=\"center\">Awesome GitHub Profile README\n<a href=\"https://p.org\"><img src=\"https://p.org/b.svg\" "
      "/></a></h1>\n<div align=\"center\">\n<img src=\"https://b.org/b.svg\"/>\n</div>\n\n## Tools\n\n- "
      "[A](https://a.org)\n");
  REQUIRE(html.title);
  CHECK(*html.title == "Awesome GitHub Profile README");
  CHECK(html.title_line == 1);
  Catalog logo =
      parse_text("<h1 align=\"center\"><img src=\"logo.png\"></h1>\n\n# Awesome X\n\n## A\n\n- [A](https://a.org)\n");
  REQUIRE(logo.title);
  CHECK(*logo.title == "Awesome X");
  // tauri-apps/awesome-tauri: the <h1> inside a centred <div>.
  Catalog wrapped = parse_text(
      "<div align=\"center\">\n<h1>Awesome Tauri</h1>\n<img src=\"x.png\">\n</div>\n\n## A\n\n- [A](https://a.org)\n");
  CHECK(wrapped.title == "Awesome Tauri");
  Catalog both = parse_text("<h1>Banner</h1>\n\n# Awesome Y\n\n## A\n\n- [A](https://a.org)\n");
  CHECK(both.title == "Awesome Y");
  CHECK(both.title_line == 3);
}

TEST_CASE("headings nest by level and keep their spans") {
  Catalog catalog = parse_text("## A\n\n### B\n\n- x\n\n## C\n\n- y\n");
  REQUIRE(catalog.root.sections.size() == 2);
  CHECK(catalog.root.sections[0].sections.at(0).heading == "B");
  CHECK(catalog.root.sections[0].span.begin.line == 1);
  CHECK(catalog.root.sections[0].span.end.line == 5);
  CHECK(count_entries(catalog.root.sections[0]) == 1);
}

TEST_CASE("an item without a link that has children is a group, a linkless leaf is a stub") {
  Catalog catalog = parse_text("- Tools\n  - DVC\n  - [MLflow](https://mlflow.org)\n");
  const Item& group = catalog.root.items.at(0);
  CHECK(group.is_group);
  CHECK(group.children.at(0).is_stub());
  CHECK_FALSE(group.children.at(1).is_stub());
  auto entries = collect_entries(catalog);
  CHECK(titles(entries) == Strings{"DVC", "MLflow"});
  CHECK(entries[0].parents == Strings{"Tools"});
}

TEST_CASE("an entry with children stays an entry and its children name it as parent") {
  Catalog catalog = parse_text("- [Post](https://a.org)\n  - Video [B; YouTube; 2021](https://v.org)\n");
  auto entries = collect_entries(catalog);
  REQUIRE(entries.size() == 2);
  CHECK(entries[1].parents == Strings{"Post"});
}

TEST_CASE("a list of anchor links is a table of contents and yields no entries") {
  Catalog catalog =
      parse_text("- [Books](#books)\n  - [Old](#old)\n- [Talks](./#talks)\n\n## Books\n\n- [A](https://a.org)\n");
  CHECK(collect_entries(catalog).size() == 1);
  REQUIRE(catalog.toc.size() == 3);
  CHECK(catalog.toc[1].anchor == "old");
  CHECK(catalog.toc[1].depth == 1);
  CHECK(catalog.toc[2].anchor == "talks");
}

TEST_CASE("a short table of contents may end in one sibling file") {
  // awesome-bug-bounty: four anchors and its contribution guide, 80 %.
  Catalog catalog = parse_text(
      "## Table of Contents\n- [Getting Started](#getting-started)\n- [Write Ups & Authors](#write-ups--authors)\n"
      "- [Platforms](#platforms)\n- [Available Programs](#available-programs)\n"
      "- [Contribution guide](contributing.md)\n\n### Getting Started\n- [A](https://a.org)\n");
  CHECK(titles(collect_entries(catalog)) == Strings{"A"});
  CHECK(catalog.toc.size() == 4);
  // Two sibling files among five items are more than a closing link.
  Catalog two = parse_text("- [A](#a)\n- [B](#b)\n- [C](#c)\n- [D](d.md)\n- [E](e.md)\n");
  CHECK(two.toc.empty());
}

TEST_CASE("a list mixing anchors and real links is not a table of contents") {
  Catalog catalog = parse_text("- [Books](#books)\n- [Site](https://a.org)\n");
  // The anchor item only navigates: not a table of contents, not an entry.
  CHECK(titles(collect_entries(catalog)) == Strings{"Site"});
  CHECK(catalog.toc.empty());
}

TEST_CASE("the legend block quote declares the vocabulary and its items are not entries") {
  Catalog catalog = seed();
  REQUIRE(catalog.tags.size() == 2);
  CHECK(catalog.tags[0].name == "introductionary");
  CHECK(catalog.tags[0].description == "lightweight, semi-sientific, brief overview, non-famous researcher");
  CHECK(catalog.tags[1].name == "cult");
  CHECK(catalog.tags[1].description == "deeper, sientific, heavyly cited, famous research");
  CHECK(catalog.legend_line == 9);
  for (const auto& entry : collect_entries(catalog)) CHECK(entry.item->pos.line > 12);
}

TEST_CASE("tags from .curate.json replace the document's legend") {
  Config config;
  config.tags = {{"must-read", "essential", 0}};
  config.has_tags = true;
  Catalog catalog = parse_catalog(read_source(test::repo_path("data/resources.md")), config);
  REQUIRE(catalog.tags.size() == 1);
  CHECK(catalog.tags[0].name == "must-read");
  CHECK(catalog.tags_from_config);
}

TEST_CASE("the seed has 15 cult and 5 introductionary entries") {
  Catalog catalog = seed();
  EntryFilter cult;
  cult.tags = {"cult"};
  EntryFilter intro;
  intro.tags = {"introductionary"};
  CHECK(select_entries(catalog, cult).size() == 15);
  CHECK(select_entries(catalog, intro).size() == 5);
}

TEST_CASE("the seed's stubs are the entries without a link") {
  EntryFilter stubs;
  stubs.stubs = true;
  Catalog catalog = seed();
  Strings found = titles(select_entries(catalog, stubs));
  for (const char* title : {"DVC", "GPT-1/2/3", "Attention is all you need", "MLFlow", "word2vec"})
    CHECK(std::find(found.begin(), found.end(), title) != found.end());
  CHECK(std::find(found.begin(), found.end(), "Overview") == found.end());
}

TEST_CASE("a section pattern matches consecutive heading and group parts") {
  EntryFilter filter;
  filter.section = "self-supervised learning/computer vision (cv)";
  Catalog catalog = seed();
  Strings found = titles(select_entries(catalog, filter));
  CHECK(found == Strings{"SimCLR: A Simple Framework for Contrastive Learning of Visual Representations", "GANs",
                         "way to go for the future",
                         "SEER: The start of a more powerful, flexible, and accessible era for computer vision",
                         "uses SwAV", "BYOL from DeepMind"});
}

TEST_CASE("the seed's one-space-indented bullet is still an item of the MLOps list") {
  EntryFilter filter;
  filter.section = "MLOps/Cloud Use Cases";
  Catalog catalog = seed();
  CHECK(select_entries(catalog, filter).size() == 2);
}

TEST_CASE("entries carry the line and column of their list marker") {
  Catalog catalog = seed();
  auto entries = collect_entries(catalog);
  REQUIRE(!entries.empty());
  CHECK(entries[0].item->title == "Deep Learning");
  CHECK(entries[0].item->pos.line == 18);
  CHECK(entries[0].item->pos.column == 3);
  CHECK(entries[0].section == Strings{"About", "Deep Learning"});
  CHECK(entries[0].parents == Strings{"Overview"});
  CHECK(entries[0].item->raw ==
        "*cult*: \"Deep Learning\" [Ian Goodfellow; book; 2016](https://www.deeplearningbook.org/)");
}

TEST_CASE("ids are stable, 8 hex digits, the hash of the normalised URL, and name one entry") {
  Catalog a = parse_text("- [A](https://www.a.org/x/)\n- [B](http://a.org/x?utm_source=z)\n- Stub\n");
  auto entries = collect_entries(a);
  CHECK(entries[0].item->id.size() == 8);
  CHECK(entries[0].item->id == stable_id(normalize_url("https://a.org/x")));
  // The same normalised URL again: a second entry, a second id.
  CHECK(entries[1].item->id != entries[0].item->id);
  CHECK(entries[2].item->id != entries[0].item->id);
  CHECK(collect_entries(parse_text("- Stub\n"))[0].item->id == entries[2].item->id);
}

TEST_CASE("GitHub slugs drop punctuation and emoji and number repeats") {
  CHECK(github_slug("Data Ingestion / ETL") == "data-ingestion--etl");
  CHECK(github_slug("C++ & Rust!") == "c--rust");
  CHECK(github_slug("Café ☕ Tools") == "café--tools");
  SlugRegistry registry;
  CHECK(registry.unique("Tools") == "tools");
  CHECK(registry.unique("Tools") == "tools-1");
  CHECK(registry.unique("tools") == "tools-2");
}

TEST_CASE("docs/slugs.md: every example of the table gives the slug GitHub gives") {
  Catalog catalog = parse_text(
      "# L\n\n## Machine Learning\n\n## C++ / C#\n\n## C++\n\n## C#\n\n## My List ![badge](https://b.org/b.svg)\n\n"
      "## Node.js\n\n## \xC3\x84hnliche Listen\n\n## Tools :rocket:\n\n## <a id=\"csharp\"></a>C#\n\n"
      "## :anger: &nbsp;Table of Contents\n\n## snake_case & kebab-case\n\n## Books\n\n## Books\n\n## Books\n");
  Strings slugs, anchors;
  for (const Section& section : catalog.root.sections) {
    slugs.push_back(section.slug);
    anchors.push_back(section.anchor);
  }
  CHECK(slugs == Strings{"machine-learning", "c--c", "c", "c-1", "my-list-", "nodejs", "\xC3\xA4hnliche-listen",
                         "tools-rocket", "c-2", "anger-table-of-contents", "snake_case--kebab-case", "books", "books-1",
                         "books-2"});
  CHECK(anchors[8] == "csharp");
  CHECK(github_slug("\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E \xE3\x83\xAA\xE3\x82\xBD\xE3\x83\xBC\xE3\x82\xB9") ==
        "\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E-\xE3\x83\xAA\xE3\x82\xBD\xE3\x83\xBC\xE3\x82\xB9");
}

TEST_CASE("a badge linking the source before the entry's own link, and a status closing it") {
  // luong-komorebi/Awesome-Linux-Software: 514 entries had no title and
  // their source page as the url.
  Catalog catalog = parse_text(
      "## Audio\n\n- [![Open-Source Software][OSS Icon]](https://ardour.org/development.html) "
      "[Ardour](https://ardour.org/) - Record, Edit, and Mix on Linux.\n"
      "- [![Open-Source Software][OSS Icon]](https://github.com/atom/atom) [Atom](https://atom.io/) - Hackable text "
      "editor. ([Discontinued](https://github.blog/sunsetting-atom/))\n"
      "- [Nylas](https://n.io/) - Mail app ([dead](https://x.org/b)) for all. ([Source Code](https://x.org/c))\n\n"
      "[OSS Icon]: ./img/oss.svg\n");
  auto entries = collect_entries(catalog);
  REQUIRE(entries.size() == 3);
  const Item& ardour = *entries[0].item;
  CHECK(ardour.title == "Ardour");
  CHECK(ardour.url == "https://ardour.org/");
  CHECK(ardour.description == "Record, Edit, and Mix on Linux.");
  CHECK(ardour.links == Strings{"https://ardour.org/development.html", "https://ardour.org/"});
  CHECK(entries[1].item->title == "Atom");
  CHECK(entries[1].item->note == "Discontinued");
  CHECK(entries[1].item->description == "Hackable text editor.");
  CHECK_FALSE(entries[2].item->note);  // a source page is no status
}

TEST_CASE("a dash before an ideographic space or CJK text separates the description") {
  // taishi-i/awesome-japanese-nlp-resources: both descriptions were lost.
  Catalog catalog = parse_text(
      "## Tools\n\n* [Sudachi](https://github.com/w/Sudachi) -\xE3\x80\x80"
      "A Japanese Tokenizer for Business\n"
      "* [bert](https://github.com/h/bert) -\xE3\x80\x90"
      "2023\xE5\xB9\xB4\xE7\x89\x88\xE3\x80\x91"
      "BERT\n");
  auto entries = collect_entries(catalog);
  REQUIRE(entries.size() == 2);
  CHECK(entries[0].item->description == "A Japanese Tokenizer for Business");
  CHECK(entries[0].item->rest.empty());  // the blank is there: nothing for entry-format
  CHECK(entries[1].item->description ==
        "\xE3\x80\x90"
        "2023\xE5\xB9\xB4\xE7\x89\x88\xE3\x80\x91"
        "BERT");
  CHECK_FALSE(entries[1].item->rest.empty());  // glued, as "-A …" is
}

TEST_CASE("a table of contents named in another language is no parent of the sections after it") {
  // HqWu-HITCS/Awesome-Chinese-LLM: "## 目录" over "### 1. 模型" made every
  // section a child of the contents.
  for (std::string name : {"\xE7\x9B\xAE\xE5\xBD\x95", "Sommaire", "Inhaltsverzeichnis", "\xC3\x8Dndice"}) {
    INFO(name);
    Catalog catalog =
        parse_text("# L\n\n## " + name +
                   "\n\n- [Models](#models)\n\n### Models\n\n- [ChatGLM](https://github.com/THUDM/ChatGLM-6B)\n");
    REQUIRE(catalog.root.sections.size() == 2);
    CHECK(catalog.root.sections[1].heading == "Models");
    CHECK(catalog.root.sections[1].items.size() == 1);
  }
}

TEST_CASE("an item that only links to anchors of the document navigates and is no entry") {
  Catalog catalog = parse_text(
      "## A\n\n- [x](https://x.org) - X.\n- **[\xE2\xAC\x86 Back to Top](#contents)**\n- [A](#a) | [B](#b)\n"
      "- See [the intro](#intro) first.\n");
  auto entries = collect_entries(catalog);
  REQUIRE(entries.size() == 2);  // x, and the prose item (a stub): it says more than its anchor
  CHECK(entries[0].item->title == "x");
  CHECK(entries[1].item->pos.line == 6);
}

TEST_CASE("items inside block quotes are never entries") {
  Catalog catalog = parse_text("> - [A](https://a.org)\n\n- [B](https://b.org)\n");
  CHECK(titles(collect_entries(catalog)) == Strings{"B"});
}

TEST_CASE("a books entry's translator, editor and illustrator are not authors, in any case, and joiners split names") {
  std::string books;
  for (int i = 0; i < 3; ++i)
    books += "* [B" + std::to_string(i) + "](https://b.org/" + std::to_string(i) + ") - Ann Lee (PDF)\n";
  Catalog catalog = parse_text(books +
                               "* [T](https://t.org/1) - Jan Skansholm, `TRL.:` Ben Straub (HTML)\n"
                               "* [U](https://t.org/2) - Ann Lee and Bo Chen, `Edt.:` Cy Dow, `ill.:` Di Eng (PDF)\n"
                               "* [V](https://t.org/3) - Trl Lee, Ed Fox & Al Gore (PDF)\n");
  REQUIRE(catalog.style == "books");
  const std::vector<Item>& items = catalog.root.items;
  CHECK(items[3].authors == std::vector<std::string>{"Jan Skansholm"});
  CHECK(items[4].authors == std::vector<std::string>{"Ann Lee", "Bo Chen"});
  CHECK(items[5].authors == std::vector<std::string>{"Trl Lee", "Ed Fox", "Al Gore"});
}

TEST_CASE("an awesome entry's note or credit before its separator keeps the description after it") {
  Catalog catalog = parse_text(
      "## A\n\n"
      "- [chinese-poetry](https://github.com/c/chinese-poetry) _In Chinese_ \xE2\x80\x93 The most complete database\n"
      "- [Actionsflow](https://github.com/a/actionsflow) `\xE2\x9A\xA0` - The free Zapier alternative.\n"
      "- [recipes](https://github.com/b/recipes) by @bzimmerman \xE2\x80\x93 Tasty open-source recipes.\n"
      "- [FineWeb](https://hf.co/fineweb) by Penedo et al.: Article to recreate a large dataset.\n"
      "- [Natural Language Processing](https://a.org/nlp) by Hal Daum\xC3\xA9 III\n"
      "- [UI Design Daily](https://www.uidesigndaily.com/) :Weekly FREE UI resources\n"
      "- [Foo](https://foo.org) by far the best library - really.\n"
      "- [mp3](https://github.com/tcolgate/mp3) - Native Go MP3 decoder.\n");
  auto entries = collect_entries(catalog);
  REQUIRE(entries.size() == 8);
  CHECK(entries[0].item->note == "In Chinese");
  CHECK(entries[0].item->description == "The most complete database");
  CHECK(entries[1].item->note == "\xE2\x9A\xA0");
  CHECK(entries[1].item->description == "The free Zapier alternative.");
  CHECK(entries[2].item->authors == Strings{"@bzimmerman"});
  CHECK(entries[2].item->description == "Tasty open-source recipes.");
  CHECK(entries[3].item->authors == Strings{"Penedo"});
  CHECK(entries[3].item->description == "Article to recreate a large dataset.");
  CHECK(entries[4].item->authors == Strings{"Hal Daum\xC3\xA9 III"});
  CHECK(entries[4].item->rest.empty());
  CHECK(entries[5].item->description == "Weekly FREE UI resources");
  // Prose after the link is no credit: it stays where entry-format sees it.
  CHECK(entries[6].item->authors.empty());
  CHECK(entries[6].item->rest == "by far the best library - really.");
  // A project named like a format is a name.
  CHECK(entries[7].item->formats.empty());
}

TEST_CASE("papers: names with initials may end in a full stop, and a bold title ends where the bold does") {
  Catalog catalog = parse_text(
      "## Vision\n\n"
      "- **Conditional random fields as RNNs** (2015), S. Zheng and S. Jayasumana. [[pdf]](https://arxiv.org/1)\n"
      "- **Sequence to sequence learning** (2014), O. Vinyals and Q. Le. [[pdf]](https://arxiv.org/2)\n"
      "- **Deep residual learning** (2016), K. He et al. [[pdf]](https://arxiv.org/3)\n"
      "- **Random search for hyper-parameters** (2012) J. Bergstra and Y. Bengio [[pdf]](https://arxiv.org/4)\n"
      "- Mask R-CNN (2017), K. He. [[pdf]](https://arxiv.org/5)\n");
  CHECK(catalog.style == "papers");
  auto entries = collect_entries(catalog);
  REQUIRE(entries.size() == 5);
  CHECK(entries[0].item->title == "Conditional random fields as RNNs");
  CHECK(entries[0].item->date == "2015");
  CHECK(entries[0].item->authors == Strings{"S. Zheng", "S. Jayasumana"});
  CHECK(entries[1].item->authors == Strings{"O. Vinyals", "Q. Le"});
  CHECK(entries[2].item->authors == Strings{"K. He"});
  // No ", " after the year: the entry departs from the template, and says so.
  CHECK_FALSE(entries[3].item->style_miss.empty());
  CHECK(entries[3].item->date == std::nullopt);
  // An entry without the bold reads as if the template had none.
  CHECK(entries[4].item->title == "Mask R-CNN");
  CHECK(entries[4].item->authors == Strings{"K. He"});
  CHECK(entries[4].item->style_miss.empty());
}

TEST_CASE("reference authors: et al. dropped, surnames first after ';', surnames with initials, particles") {
  Catalog catalog = parse_text(
      "## 1\n\n"
      "**[6]** Szegedy, Christian, et al. \"**Going deeper**.\" CVPR. 2015. [[pdf]](https://a.org/6)\n\n"
      "**[7]** Farhadi,Ali,etal. \"**Yolo9000**.\" arXiv (2016). [[pdf]](https://a.org/7)\n\n"
      "**[8]** Mordvintsev, Alexander; Olah, Christopher; Tyka, Mike (2015). \"**Inceptionism**\". Google. "
      "[[html]](https://a.org/8)\n\n"
      "**[9]** Pinheiro, P.O., Collobert, R., Dollar, P. \"**Segmenting**.\" NIPS (2015). [[pdf]](https://a.org/9)\n\n"
      "**[10]** Oord, Aaron van den, Nal Kalchbrenner, and Koray Kavukcuoglu. \"**Pixel RNN**.\" arXiv (2016). "
      "[[pdf]](https://a.org/10)\n\n"
      "**[11]** Le, Quoc V. \"**Building high-level features**.\" ICASSP (2013). [[pdf]](https://a.org/11)\n\n"
      "**[12]** Wu, Schuster, Chen, Le, et al. \"**Google's NMT**.\" arXiv (2016). [[pdf]](https://a.org/12)\n\n"
      "**[13]** Ulyanov, Dmitry and Lebedev, Vadim, et al. \"**Texture Networks**.\" arXiv (2016). "
      "[[pdf]](https://a.org/13)\n");
  auto entries = collect_entries(catalog);
  REQUIRE(entries.size() == 8);
  CHECK(entries[0].item->authors == Strings{"Christian Szegedy"});
  CHECK(entries[1].item->authors == Strings{"Ali Farhadi"});
  CHECK(entries[2].item->authors == Strings{"Alexander Mordvintsev", "Christopher Olah", "Mike Tyka"});
  CHECK(entries[2].item->date == "2015");
  CHECK(entries[3].item->authors == Strings{"P.O. Pinheiro", "R. Collobert", "P. Dollar"});
  CHECK(entries[4].item->authors == Strings{"Aaron van den Oord", "Nal Kalchbrenner", "Koray Kavukcuoglu"});
  // Deep-Learning-Papers-Reading-Roadmap: an initial keeps its stop, surnames
  // alone stay apart, names surname first joined by "and" are each turned round.
  CHECK(entries[5].item->authors == Strings{"Quoc V. Le"});
  CHECK(entries[6].item->authors == Strings{"Wu", "Schuster", "Chen", "Le"});
  CHECK(entries[7].item->authors == Strings{"Dmitry Ulyanov", "Vadim Lebedev"});
}

TEST_CASE("selectors take an id in any case and a unique prefix of 4 to 7 hex digits") {
  Catalog catalog = parse_text("## A\n\n- [a](https://a.org) - A.\n- [b](https://b.org) - B.\n");
  auto entries = collect_entries(catalog);
  REQUIRE(entries.size() == 2);
  const std::string& id = entries[1].item->id;
  std::string upper = id;
  std::transform(upper.begin(), upper.end(), upper.begin(), [](char c) { return static_cast<char>(std::toupper(c)); });
  for (const std::string& selector : {upper, id.substr(0, 4), upper.substr(0, 6)}) {
    INFO(selector);
    REQUIRE(resolve_selector(catalog, selector).size() == 1);
    CHECK(resolve_selector(catalog, selector)[0].item->title == "b");
    REQUIRE(resolve_exact_selector(catalog, selector).size() == 1);
    CHECK(resolve_exact_selector(catalog, selector)[0].item->title == "b");
  }
  CHECK(resolve_exact_selector(catalog, id.substr(0, 3)).empty());  // too short to name an entry
  // A title as written comes before an id it happens to begin.
  Catalog films = parse_text("## F\n\n- [" + id.substr(0, 4) + "](https://film.org) - A film.\n");
  REQUIRE(resolve_selector(films, id.substr(0, 4)).size() == 1);
  CHECK(resolve_selector(films, id.substr(0, 4))[0].item->url == "https://film.org");
}

TEST_CASE("list --grep finds text no field holds, in the entry as written, and the fields of table rows") {
  Catalog catalog = parse_text(
      "## Books\n\n"
      "- [Grid](https://a.org/grid) - Ian Foster (PDF) (in process)\n"
      "- [Other](https://b.org) - Ann Lee (PDF)\n\n"
      "## APIs\n\n| API | Description | Auth |\n|---|---|---|\n| [Cats](https://cats.org) | Cat facts | apiKey |\n");
  EntryFilter filter;
  filter.grep = "In Process";
  CHECK(titles(select_entries(catalog, filter)) == Strings{"Grid"});
  filter.grep = "apikey";
  CHECK(titles(select_entries(catalog, filter)) == Strings{"Cats"});
  filter.grep = "(in process)";  // runs of blanks as written read as one
  Catalog spaced = parse_text("- [Grid](https://a.org/grid) - Ian Foster (PDF)  (in   process)\n");
  CHECK(titles(select_entries(spaced, filter)) == Strings{"Grid"});
}

TEST_CASE("a table row whose link only says what it is takes its title from the row's first plain cell") {
  Catalog catalog = parse_text(
      "## Notebooks\n\n| Notebook | Description | Article |\n|---|---|---|\n"
      "| Fine-tune Mistral-7b with DPO | Boost fine-tuned models. | [Article](https://blog.org/dpo) |\n"
      "| 2024 | Just a year. | [Link](https://blog.org/year) |\n");
  auto entries = collect_entries(catalog);
  REQUIRE(entries.size() == 2);
  CHECK(entries[0].item->title == "Fine-tune Mistral-7b with DPO");
  CHECK(entries[0].item->url == "https://blog.org/dpo");
  CHECK(entries[0].item->description == "Boost fine-tuned models.");
  CHECK(entries[0].item->fields.empty());   // neither the title's cell nor the labelled link
  CHECK(entries[1].item->title == "Link");  // a date names no entry
}

TEST_CASE("a table cell that holds only a dash or N/A is empty, no field") {
  // italiaremote/awesome-italia-remote: 67 rows write "-" for no policy.
  using Fields = std::vector<std::pair<std::string, std::string>>;
  Catalog catalog = parse_text(
      "| Name | Remote Policy | Hiring Policy | Stack |\n|---|---|---|---|\n"
      "| [Alpenite](https://www.alpenite.com) | - | N/A | Salesforce |\n"
      "| [Meta](https://about.facebook.com/meta/) | Full | \xE2\x80\x94 | React - Django |\n");
  auto entries = collect_entries(catalog);
  REQUIRE(entries.size() == 2);
  CHECK(entries[0].item->fields == Fields{{"Stack", "Salesforce"}});
  CHECK(entries[1].item->fields == Fields{{"Remote Policy", "Full"}, {"Stack", "React - Django"}});
}

TEST_CASE("a date column written M/D/YY or D/M/YY is read in the order its cells show") {
  // mli/paper-reading's "| 日期 | 标题 |" column: "12/29/22" says month first.
  Catalog us = parse_text(
      "## Talks\n\n| 日期 | 标题 |\n|--:|--|\n| 3/10/23 | [Anthropic LLM](https://a.org/1) |\n"
      "| 12/29/22 | [Instruct GPT](https://a.org/2) |\n| 1/5/2021 | [GPT-3](https://a.org/3) |\n");
  auto talks = collect_entries(us);
  REQUIRE(talks.size() == 3);
  CHECK(talks[0].item->date == "2023-03-10");
  CHECK(talks[1].item->date == "2022-12-29");
  CHECK(talks[2].item->date == "2021-01-05");
  CHECK(talks[0].item->fields.empty());
  // "29/12/22": day first.
  Catalog eu = parse_text(
      "| Date | Title |\n|--|--|\n| 3/10/23 | [A](https://a.org/1) |\n| 29/12/22 | [B](https://a.org/2) |\n");
  CHECK(collect_entries(eu)[0].item->date == "2023-10-03");
  // Nothing tells the order: kept as written.
  Catalog unknown = parse_text("| Date | Title |\n|--|--|\n| 3/10/23 | [A](https://a.org/1) |\n");
  CHECK_FALSE(collect_entries(unknown)[0].item->date);
  CHECK(collect_entries(unknown)[0].item->fields ==
        std::vector<std::pair<std::string, std::string>>{{"Date", "3/10/23"}});
  // Cells that contradict each other: kept as written too.
  Catalog mixed =
      parse_text("| Date | Title |\n|--|--|\n| 13/1/23 | [A](https://a.org/1) |\n| 1/13/23 | [B](https://a.org/2) |\n");
  CHECK_FALSE(collect_entries(mixed)[1].item->date);
}

TEST_CASE("child items that give a detail in bold are the entry's description, authors and fields") {
  // rShetty/awesome-podcasts: 555 such lines were entries of their own.
  Catalog catalog = parse_text(
      "## .NET\n\n* [.NET Rocks](https://www.dotnetrocks.com/) ([Stitcher](https://www.stitcher.com/p))\n\n"
      "  * **Description**: .NET Rocks! is a weekly talk show.\n"
      "  * **Host**: Carl Franklin @[carlfranklin](https://twitter.com/carlfranklin), Richard Campbell "
      "@[richcampbell](https://twitter.com/richcampbell)\n"
      "  * **Frequency**: Twice a week\n  * **Runtime**: 45 - 60 mins, regularly ~60 mins\n\n"
      "* [DevOps Cafe](http://devopscafe.org/)\n  * **Description** A pragmatic look.\n"
      "  * **Host**John Willis @botchagalupe\n  * **Frequency**: Varies\n  * **Runtime**: 45 mins\n\n"
      "* [BSDNow](http://www.bsdnow.tv/)\n  * **Description**: BSD.\n  * **Frequency**: Weekly\n  * **RSS**\n"
      "    * [MP3](http://feeds.org/mp3)\n\n"
      "* [Course](https://course.org)\n  * **Week 1** intro\n  * **Week 2** more\n");
  auto entries = collect_entries(catalog);
  REQUIRE(entries.size() == 6);  // the course's two weeks with it
  const Item& rocks = *entries[0].item;
  CHECK(rocks.description == ".NET Rocks! is a weekly talk show.");
  CHECK(rocks.authors == Strings{"Carl Franklin", "Richard Campbell"});
  CHECK(rocks.fields == std::vector<std::pair<std::string, std::string>>{
                            {"Frequency", "Twice a week"}, {"Runtime", "45 - 60 mins, regularly ~60 mins"}});
  CHECK(rocks.links.size() == 4);
  CHECK(rocks.children.empty());
  // A colon forgotten here and there, a key over a list of its links.
  const Item& cafe = *entries[1].item;
  CHECK(cafe.description == "A pragmatic look.");
  CHECK(cafe.authors == Strings{"John Willis"});
  CHECK(cafe.fields.size() == 2);
  CHECK(entries[2].item->links.back() == "http://feeds.org/mp3");
  // Bold names with no colon at all are child entries as ever.
  CHECK(entries[3].item->children.size() == 2);
}

TEST_CASE("child items that give a detail after an emoji and a plain key fold into the paper above them") {
  // OSU-NLP-Group/GUI-Agents-Paper-List: 119 papers were 952 entries, the
  // names line and each of the seven details one.
  Catalog catalog = parse_text(
      "## Papers\n\n- [Vision2Web: A Hierarchical Benchmark](https://arxiv.org/abs/2603.26648)\n"
      "    - Zehai He, Wenyi Hong, Zhen Yang, ...\n    - \xF0\x9F\x8F\x9B\xEF\xB8\x8F Institutions: Unknown\n"
      "    - \xF0\x9F\x93\x85 Date: March 27, 2026\n    - \xF0\x9F\x93\x91 Publisher: arXiv\n"
      "    - \xF0\x9F\x94\x91 Key: [benchmark]\n    - \xF0\x9F\x93\x96 TLDR: A hierarchical benchmark.\n\n"
      "- [Postgres drivers](https://postgres.org)\n  - Common Lisp: [Postmodern](https://postmodern.org)\n"
      "  - Go: [pq](https://pq.org)\n");
  auto entries = collect_entries(catalog);
  REQUIRE(entries.size() == 4);  // a label before a link still names an entry
  const Item& paper = *entries[0].item;
  CHECK(paper.authors == Strings{"Zehai He", "Wenyi Hong", "Zhen Yang"});
  CHECK(paper.date == "2026-03-27");
  CHECK(paper.description == "A hierarchical benchmark.");
  CHECK(paper.fields == std::vector<std::pair<std::string, std::string>>{
                            {"Institutions", "Unknown"}, {"Publisher", "arXiv"}, {"Key", "[benchmark]"}});
  CHECK(paper.children.empty());
  CHECK(entries[1].item->children.size() == 2);
}

TEST_CASE("a name with no link over its address and description details is one entry") {
  // HqWu-HITCS/Awesome-Chinese-LLM: 174 projects were 349 entries, each an
  // address ("地址") and a description ("简介").
  Catalog catalog = parse_text(
      "## A\n\n* ChatGLM\xEF\xBC\x9A\n  * \xE5\x9C\xB0\xE5\x9D\x80\xEF\xBC\x9Ahttps://github.com/THUDM/ChatGLM-6B\n"
      "![](https://img.shields.io/github/stars/THUDM/ChatGLM-6B.svg)\n"
      "  * \xE7\xAE\x80\xE4\xBB\x8B\xEF\xBC\x9A\xE4\xB8\xAD\xE6\x96\x87\n\n"
      "* HanFei\n  * \xE5\x9C\xB0\xE5\x9D\x80: https://github.com/siat-nlp/HanFei\n  * Stars: many\n\n"
      "* Topics\n  * Note: no address here\n  * More: none\n");
  auto entries = collect_entries(catalog);
  REQUIRE(entries.size() == 4);  // the topics' two notes stay under it
  const Item& glm = *entries[0].item;
  CHECK(glm.title == "ChatGLM");
  CHECK(glm.url == "https://github.com/THUDM/ChatGLM-6B");
  CHECK(glm.description == "\xE4\xB8\xAD\xE6\x96\x87");
  CHECK(glm.children.empty());
  CHECK(entries[1].item->url == "https://github.com/siat-nlp/HanFei");
  CHECK(entries[1].item->fields == std::vector<std::pair<std::string, std::string>>{{"Stars", "many"}});
  CHECK(entries[2].item->title == "Note: no address here");
  CHECK(entries[3].item->title == "More: none");
}

TEST_CASE("a paper title with no link over its authors and bracketed pages is one entry") {
  // benedekrozemberczki/awesome-graph-classification: 54 papers were 167
  // entries, the authors' line and each page one.
  Catalog catalog = parse_text(
      "## Factorization\n"
      "- **Anonymous Walk Embeddings (ICML 2018)**\n  - Sergey Ivanov and Evgeny Burnaev\n"
      "  - [[Paper]](https://arxiv.org/pdf/1805.11921.pdf)\n  - [[Python Reference]](https://github.com/nd7141/AWE)\n\n"
      "- **Topics**\n  - Graph kernels\n  - [Survey](https://survey.org)\n");
  auto entries = collect_entries(catalog);
  REQUIRE(entries.size() == 3);
  const Item& paper = *entries[0].item;
  CHECK(paper.title == "Anonymous Walk Embeddings");
  CHECK(paper.url == "https://arxiv.org/pdf/1805.11921.pdf");
  CHECK(paper.authors == Strings{"Sergey Ivanov", "Evgeny Burnaev"});
  CHECK(paper.date == "2018");
  CHECK(paper.links == Strings{"https://arxiv.org/pdf/1805.11921.pdf", "https://github.com/nd7141/AWE"});
  CHECK(paper.fields ==
        std::vector<std::pair<std::string, std::string>>{{"paper", "https://arxiv.org/pdf/1805.11921.pdf"},
                                                         {"python reference", "https://github.com/nd7141/AWE"},
                                                         {"venue", "ICML"}});
  // A group whose children are a topic and a plain link stays a group.
  CHECK(entries[2].item->title == "Survey");
}

TEST_CASE("a paragraph opening with a bold title on its own line is an entry") {
  // diff-usion/Awesome-Diffusion-Models: 236 papers, none of them read.
  Catalog catalog = parse_text(
      "## Image Generation\n\n"
      "**Diffusion Normalizing Flow** \\\n*Qinsheng Zhang, Yongxin Chen* \\\n"
      "NeurIPS 2021. [[Paper](https://arxiv.org/abs/2110.07579)] [[Github](https://github.com/qsh-zh/DiffFlow)] \\\n"
      "14 Oct 2021\n\n"
      "**Learning Energy-Based Models** \\\n*Ruiqi Gao, Yang Song* \\\n"
      "ICLR 2021. [[Paper](https://arxiv.org/abs/2012.08125)] \\\n15 Dec 2020\n\n"
      "**Note:** papers are sorted by date.\n");
  auto entries = collect_entries(catalog);
  REQUIRE(entries.size() == 2);
  const Item& flow = *entries[0].item;
  CHECK(flow.source == EntrySource::paragraph);
  CHECK(flow.title == "Diffusion Normalizing Flow");
  CHECK(flow.url == "https://arxiv.org/abs/2110.07579");
  CHECK(flow.authors == Strings{"Qinsheng Zhang", "Yongxin Chen"});
  CHECK(flow.date == "2021-10-14");
  CHECK(flow.links.size() == 2);
  // The venue's year differs from the day the paper appeared.
  CHECK(entries[1].item->date == "2021");
  CHECK(entries[1].item->fields ==
        std::vector<std::pair<std::string, std::string>>{{"venue", "ICLR"}, {"published", "2020-12-15"}});
}

TEST_CASE("names in emphasis right after a paper's link, then its venue and year, are its authors and date") {
  // Xnhyacinth/Awesome-LLM-Long-Context-Modeling: 94 papers had their
  // names as a note and "Arxiv 2022." as the description.
  Catalog catalog = parse_text(
      "## Papers\n\n1. [**Efficient Transformers: A Survey.**](https://arxiv.org/abs/2009.06732) *Yi Tay, Mostafa "
      "Dehghani, Donald Metzler.* Arxiv 2022.\n"
      "2. [**Big Bird.**](https://arxiv.org/abs/2007.14062) *Manzil Zaheer, Guru Guruganesh.* NeurIPS 2020.\n"
      "3. [**Sparse.**](https://arxiv.org/abs/1) *Rewon Child et al.*\n"
      "4. [Tool](https://tool.org) *Free Software* - A tool.\n"
      "5. [Thing](https://thing.org) *Jane Doe* wrote this for the fun of it, and more.\n");
  auto entries = collect_entries(catalog);
  REQUIRE(entries.size() == 5);
  const Item& survey = *entries[0].item;
  CHECK(survey.title == "Efficient Transformers: A Survey");
  CHECK(survey.authors == Strings{"Yi Tay", "Mostafa Dehghani", "Donald Metzler"});
  CHECK(survey.date == "2022");
  CHECK(survey.fields == std::vector<std::pair<std::string, std::string>>{{"venue", "Arxiv"}});
  CHECK_FALSE(survey.description);
  CHECK(entries[1].item->fields == std::vector<std::pair<std::string, std::string>>{{"venue", "NeurIPS"}});
  CHECK(entries[2].item->authors == Strings{"Rewon Child"});
  // Not names, or words that are no venue: a note as before.
  CHECK(entries[3].item->note == "Free Software");
  CHECK(entries[3].item->authors.empty());
  CHECK(entries[4].item->authors.empty());
}

TEST_CASE("titles without their quotes or book-title marks, names in emphasis as authors, marker links as fields") {
  Catalog catalog = parse_text(
      "## Books\n\n*   《[计算机系统概论](https://www.amazon.cn/a)》\n*   《Python源码剖析》\n\n"
      "## Articles\n\n- [\"Building a self-updating profile README\"](https://simonwillison.net/a) - *Simon Willison*\n"
      "- [Free Icons](https://icons.org) - *Free*\n\n"
      "## Tools\n\n- [ChatGPT](https://chatgpt.com) - *[reviews](https://theresanai.com/chatgpt)* - ChatGPT by "
      "OpenAI.\n"
      "- [ElevenLabs](https://elevenlabs.io/) - [Review](https://theresanai.com/elevenlabs) - Voice cloning.\n"
      "* [Bara Art](http://www.bara-art.com/) - [:copyright:](http://www.bara-art.com/about/) The world always "
      "needs photos.\n");
  auto entries = collect_entries(catalog);
  REQUIRE(entries.size() == 7);
  // jobbole/awesome-programming-books: 182 titles kept their marks.
  CHECK(entries[0].item->title == "计算机系统概论");
  CHECK(entries[1].item->title == "Python源码剖析");
  // awesome-github-profile-readme: 19 articles named their authors in a note.
  CHECK(entries[2].item->title == "Building a self-updating profile README");
  CHECK(entries[2].item->authors == Strings{"Simon Willison"});
  CHECK_FALSE(entries[2].item->note);
  CHECK(entries[3].item->note == "Free");
  // awesome-ai-tools (30 entries), awesome-stock-resources (109).
  CHECK(entries[4].item->description == "ChatGPT by OpenAI.");
  CHECK(entries[4].item->fields ==
        std::vector<std::pair<std::string, std::string>>{{"review", "https://theresanai.com/chatgpt"}});
  CHECK(entries[5].item->description == "Voice cloning.");
  CHECK(entries[6].item->description == "The world always needs photos.");
  CHECK(entries[6].item->fields ==
        std::vector<std::pair<std::string, std::string>>{{"license", "http://www.bara-art.com/about/"}});
  CHECK(entries[6].item->links.size() == 2);
}

TEST_CASE("a credit closed by the talk's length in brackets names the speaker") {
  // JanVanRyswyck/awesome-talks: 67 talks, each an entry-format error.
  Catalog catalog = parse_text(
      "- [The Computer Revolution](https://www.youtube.com/watch?v=oKg1hTOQXoY) by **Alan Kay** [1:04:34]\n"
      "- [Stop Writing Classes](http://pyvideo.org/video/880) by **Jack Diederich** [27:29]\n");
  auto entries = collect_entries(catalog);
  REQUIRE(entries.size() == 2);
  CHECK(entries[0].item->authors == Strings{"Alan Kay"});
  CHECK(entries[0].item->fields == std::vector<std::pair<std::string, std::string>>{{"duration", "1:04:34"}});
  CHECK_FALSE(entries[0].item->description);
  CHECK(entries[1].item->authors == Strings{"Jack Diederich"});
}

TEST_CASE("a heading that is a book's link, its credit in emphasis and its rating, is an entry") {
  // sindresorhus/awesome-scifi: every book was a section with no entries.
  Catalog catalog = parse_text(
      "# Awesome Sci-Fi\n\n## Novels\n\n### Science Fiction\n\n"
      "#### [Blindsight](https://www.goodreads.com/book/show/48484.Blindsight) *by Peter Watts* [4.0]\n\n"
      "A cast of strange and wonderful characters.\n\n"
      "#### [Foundation](https://www.goodreads.com/book/show/29579.Foundation) *by Isaac Asimov* [4.0] "
      "<img src=\"http://i.imgur.com/yJaoHfh.png\" width=\"30px\">\n");
  auto entries = collect_entries(catalog);
  REQUIRE(entries.size() == 2);
  CHECK(entries[0].item->title == "Blindsight");
  CHECK(entries[0].item->authors == Strings{"Peter Watts"});
  CHECK(entries[0].item->fields == std::vector<std::pair<std::string, std::string>>{{"rating", "4.0"}});
  CHECK(entries[0].item->description == "A cast of strange and wonderful characters.");
  CHECK(entries[1].item->authors == Strings{"Isaac Asimov"});
  // inspire-group/adv-patch-paper-list: a link back to the contents under a
  // paper's heading describes nothing.
  Catalog back = parse_text(
      "# Papers\n\n## Table of Contents\n\n- [Attacks](#attacks)\n\n## Attacks\n\n"
      "#### [Surreptitious Adversarial Examples](https://www.mdpi.com/x)\n\n"
      "[(go back to table of contents)](#table-of-contents)\n");
  auto papers = collect_entries(back);
  REQUIRE(papers.size() == 1);
  CHECK_FALSE(papers[0].item->description);
}

TEST_CASE("a link to the list in another language is navigation") {
  // luong-komorebi/Awesome-Linux-Software: four translations were entries.
  Catalog catalog = parse_text(
      "# L\n\n* Thai version : [here](https://github.com/LewisVo/A/blob/master/README_th-TH.md).\n"
      "* [English](README.en.md)\n\n## Tools\n\n"
      "- [Awesome-Rust-ML](https://github.com/v/Awesome-Rust-ML/blob/main/README.ja.md) - Rust crates.\n");
  auto entries = collect_entries(catalog);
  REQUIRE(entries.size() == 1);  // another list's translation is an entry
  CHECK(entries[0].item->title == "Awesome-Rust-ML");
}

TEST_CASE("the VS Code extension's numbered contents navigate") {
  // stephrobert/awesome-french-devops: "* 1. [Introduction](#Introduction)"
  // and "\t* 3.1. [Blogs Perso](#BlogsPerso)" were five stubs and sixteen
  // items without text.
  Catalog catalog = parse_text(
      "# L\n\n* 1. [Introduction](#Introduction)\n* 3. [Blogs](#Blogs)\n\t* 3.1. [Blogs Perso](#BlogsPerso)\n"
      "* 13. [Conf](#Conf)\n  * 13.1 [Les chaines](#videosconf)\n\n## Blogs\n\n- [B](https://b.org) - B.\n");
  auto entries = collect_entries(catalog);
  REQUIRE(entries.size() == 1);
  CHECK(entries[0].item->title == "B");
}

TEST_CASE("a credit in French or German after the link names its authors") {
  // stephrobert/awesome-french-devops: "de Ernesto Leite" was a description
  // and an entry-format error.
  Catalog catalog = parse_text(
      "## Livres\n\n- [DevOps - Int\xC3\xA9grez](https://amzn.to/3fRVnsA) de Ernesto Leite\n"
      "- [Automatisation](https://a.fr/x) de Alex Faivre & Gilbert Mo\xC3\xAFsio\n"
      "- [Guide](https://g.es) de Python para todos\n- [Buch](https://b.de) von Jan Schmidt.\n");
  auto entries = collect_entries(catalog);
  REQUIRE(entries.size() == 4);
  CHECK(entries[0].item->authors == Strings{"Ernesto Leite"});
  CHECK(entries[1].item->authors == Strings{"Alex Faivre", "Gilbert Mo\xC3\xAFsio"});
  CHECK(entries[2].item->authors.empty());  // no names: words of the description
  CHECK(entries[3].item->authors == Strings{"Jan Schmidt"});
}

TEST_CASE("full names and a comma before the link are its authors") {
  // charlax/engineering-management: 16 entries were one long title.
  Catalog catalog = parse_text(
      "## Books\n\n- \xF0\x9F\x93\x96 Oren Ellenbogen, [Leading Snowflakes](http://leadingsnowflakes.com/): great "
      "content.\n"
      "- Martin Casado, [Hire a VP of Engineering](https://a16z.com/x) on the Andreessen Horowitz blog\n"
      "- HBR, [How to Ask Better Questions](https://hbr.org/q)\n- Tools, utilities, [things](https://t.org)\n");
  auto entries = collect_entries(catalog);
  REQUIRE(entries.size() == 4);
  CHECK(entries[0].item->title == "Leading Snowflakes");
  CHECK(entries[0].item->authors == Strings{"Oren Ellenbogen"});
  CHECK(entries[0].item->description == "great content.");
  CHECK(entries[1].item->authors == Strings{"Martin Casado"});
  CHECK(entries[1].item->description == "on the Andreessen Horowitz blog");
  // One word, or words that are no names: the sentence is the title.
  CHECK(entries[2].item->title == "HBR, How to Ask Better Questions");
  CHECK(entries[3].item->authors.empty());
}

TEST_CASE("a closing 'by' that names a site or a kind of people credits nobody and keeps the description") {
  // awesome-ruby's Autoprefixer lost "by Can I Use" to an author; awesome-
  // stock-resources' Iconstore "by First-Class Designers".
  Catalog catalog = parse_text(
      "- [Autoprefixer](https://github.com/ai/autoprefixer-rails) - Parse CSS and add vendor prefixes to rules by Can "
      "I "
      "Use.\n- [Iconstore](https://iconstore.co/) - Free Icons by First-Class Designers.\n"
      "- [Compilers](https://x.org) - A book on compilers by John Smith.\n");
  auto entries = collect_entries(catalog);
  REQUIRE(entries.size() == 3);
  CHECK(entries[0].item->description == "Parse CSS and add vendor prefixes to rules by Can I Use.");
  CHECK(entries[0].item->authors.empty());
  CHECK(entries[1].item->description == "Free Icons by First-Class Designers.");
  CHECK(entries[1].item->authors.empty());
  CHECK(entries[2].item->authors == Strings{"John Smith"});
}

TEST_CASE("platform links in parentheses, a closing rating link and a badge beside a cell's link are no words") {
  Catalog catalog = parse_text(
      "- [From The Source](http://www.fromsourcepod.com/) ([Spotify](https://open.spotify.com/show/0) | "
      "[iTunes](https://itunes.apple.com/p/1))\n"
      "- [Hackers](https://www.youtube.com/watch?v=x) (1984) - Documentary about a hacker conference "
      "<sup>[7.4/10](http://www.imdb.com/title/tt1191116/)</sup>\n\n"
      "| Platform | Description |\n|---|---|\n| [PySyft](https://github.com/OpenMined/PySyft)<br />"
      "[![Stars](https://img.shields.io/github/stars/OpenMined/PySyft.svg)](https://github.com/OpenMined/PySyft/"
      "stargazers)"
      " | Private learning |\n");
  auto entries = collect_entries(catalog);
  REQUIRE(entries.size() == 3);
  // rShetty/awesome-podcasts: 22 notes "Spotify | iTunes | Stitcher".
  CHECK_FALSE(entries[0].item->note);
  CHECK(entries[0].item->links.size() == 3);
  // watson/awesome-computer-history: 18 IMDb ratings glued to descriptions.
  CHECK(entries[1].item->description == "Documentary about a hacker conference");
  CHECK(entries[1].item->fields == std::vector<std::pair<std::string, std::string>>{{"rating", "7.4/10"}});
  CHECK(entries[1].item->date == "1984");
  // Awesome-FL: 27 rows linked their stars badge.
  CHECK(entries[2].item->links == Strings{"https://github.com/OpenMined/PySyft"});
}

TEST_CASE("Chinese descriptions after a full-width colon or a dash are descriptions, credit lines no entries") {
  // jobbole/awesome-python-cn: 168 descriptions lost, and after " - " a
  // Chinese sentence was read as an author's name.
  Catalog catalog = parse_text(
      "- \xE7\xBB\xB4\xE6\x8A\xA4\xE8\x80\x85\xEF\xBC\x9A[\xE5\xBC\x80\xE6\xBA\x90](https://a.org/team.png)\n\n"
      "## Tools\n\n*   [p](https://github.com/qw3rtman/p)\xEF\xBC\x9A\xE9\x9D\x9E\xE5\xB8\xB8\xE7\xAE\x80\xE5\x8D\x95"
      "\xE7\x9A\x84\xE5\xB7\xA5\xE5\x85\xB7\xE3\x80\x82\n"
      "*   [a](https://a.org/a) - "
      "\xE4\xB8\xAD\xE6\x96\x87\xE5\x88\x86\xE8\xAF\x8D\xE5\xB7\xA5\xE5\x85\xB7\xE3\x80\x82\n"
      "*   [b](https://a.org/b) - "
      "\xE4\xB8\xAD\xE6\x96\x87\xE5\x88\x86\xE8\xAF\x8D\xE5\xB7\xA5\xE5\x85\xB7\xE3\x80\x82\n"
      "- License: [CC BY-SA 4.0](LICENSE)\n");
  auto entries = collect_entries(catalog);
  REQUIRE(entries.size() == 3);
  CHECK(entries[0].item->description ==
        "\xE9\x9D\x9E\xE5\xB8\xB8\xE7\xAE\x80\xE5\x8D\x95\xE7\x9A\x84\xE5\xB7\xA5\xE5\x85\xB7\xE3\x80\x82");
  CHECK(entries[1].item->description ==
        "\xE4\xB8\xAD\xE6\x96\x87\xE5\x88\x86\xE8\xAF\x8D\xE5\xB7\xA5\xE5\x85\xB7\xE3\x80\x82");
  CHECK(entries[1].item->authors.empty());
  CHECK(entries[2].item->authors.empty());
}

TEST_CASE("a kind labelling a link names the entry by the link, and the blanks after a task box stay") {
  // P1xt's job-ready-javascript guide: 40 steps titled "Course" or "Book".
  Catalog catalog = parse_text(
      "- [ ]  Course: [Intro to JS: Drawing & Animation](https://www.khanacademy.org/x)\n"
      "- [ ]  Book: [Eloquent JavaScript](https://eloquentjavascript.net/) - read it twice.\n"
      "- Common Lisp: [Postmodern](https://github.com/marijnh/Postmodern)\n");
  auto entries = collect_entries(catalog);
  REQUIRE(entries.size() == 3);
  CHECK(entries[0].item->title == "Intro to JS: Drawing & Animation");
  CHECK(entries[0].item->kinds == Strings{"course"});
  CHECK(entries[1].item->title == "Eloquent JavaScript");
  CHECK(entries[1].item->kinds == Strings{"book"});
  CHECK(entries[1].item->description == "read it twice.");
  CHECK(entries[2].item->title == "Common Lisp");  // a language, no kind: the label names the entry
  std::string steps = "# Guide\n\n- [ ]  Course: [Intro](https://a.org/i)\n- [ ]  Book: [Eloquent](https://b.org/e)\n";
  CHECK(format_markdown(steps) == steps);
  CHECK(format_markdown("# Guide\n\n- [ ]  Course:  [Intro](https://a.org/i)\n") ==
        "# Guide\n\n- [ ]  Course: [Intro](https://a.org/i)\n");
}

TEST_CASE("a closing 'Written by' sentence names the authors, one word or several, and describes nothing") {
  // qazbnm456/awesome-web-security: 73 entries kept "Written by X." as
  // their description, 38 of them with no authors.
  Catalog catalog = parse_text(
      "* [GitHub Enterprise SQL Injection](http://blog.orange.tw/a) - Written by [Orange](http://blog.orange.tw/).\n"
      "* [FLAWS](http://flaws.cloud/) - Amazon AWS CTF challenge - Written by [@0xdabbad00](https://twitter.com/x).\n"
      "* [Cloud](http://c.org/) - Written by [Dwight Hohnstein](https://a.org) from Rhino Security Labs.\n");
  auto entries = collect_entries(catalog);
  REQUIRE(entries.size() == 3);
  CHECK(entries[0].item->authors == Strings{"Orange"});
  CHECK_FALSE(entries[0].item->description);
  CHECK(entries[1].item->authors == Strings{"@0xdabbad00"});
  CHECK(entries[1].item->description == "Amazon AWS CTF challenge");
  CHECK(entries[2].item->authors == Strings{"Dwight Hohnstein"});
}

TEST_CASE("an item written as one HTML block that opens with a link is an entry") {
  // kili-technology/awesome-datasets: 8 of its 83 datasets.
  Catalog catalog = parse_text(
      "- <p><a href=\"https://bit.ly/3xdqdkt\">HJDataset</a> contains over 250,000 layout element "
      "annotations.</p>\n- <div><a href=\"https://c.org\"><b>C</b></a> - A tool.</div>\n- <p>Just text</p>\n");
  auto entries = collect_entries(catalog);
  REQUIRE(entries.size() == 2);
  CHECK(entries[0].item->title == "HJDataset");
  CHECK(entries[0].item->url == "https://bit.ly/3xdqdkt");
  CHECK(entries[0].item->description == "contains over 250,000 layout element annotations.");
  CHECK(entries[1].item->title == "C");
  CHECK(entries[1].item->description == "A tool.");
  REQUIRE(catalog.root.items.size() == 3);
  CHECK(catalog.root.items[2].style == EntryStyle::empty);  // no link: still an item without text
}

TEST_CASE("a method's bold name labels a quoted paper title, its venue, year and affiliation") {
  // cmhungsteve/Awesome-Transformer-Attention: 363 papers written so.
  using Fields = std::vector<std::pair<std::string, std::string>>;
  Catalog catalog = parse_text(
      "* **LR-Net**: \"Local Relation Networks for Image Recognition\", ICCV, 2019 (*Microsoft*). "
      "[[Paper](https://arxiv.org/abs/1904.11491)][[PyTorch (gan3sh500)](https://github.com/gan3sh500/lrn)]\n"
      "* **Axial-Transformer**: \"Axial Attention in Multidimensional Transformers\", arXiv, 2019 (rejected by ICLR "
      "2020) (*Google*). [[Paper](https://openreview.net/forum?id=H1e5GJBtDr)]\n"
      "* **?**: \"Scaling the Depth of Vision Transformers via the Fourier Domain Analysis\", ICLR, 2022 (*UT "
      "Austin*). [[Paper](https://openreview.net/forum?id=O476oWmiNNp)]\n"
      "* Quote: \"Simple is better than complex\", The Zen of Python [PEP 20](https://peps.python.org/pep-0020/)\n");
  auto entries = collect_entries(catalog);
  REQUIRE(entries.size() == 4);
  const Item& lr = *entries[0].item;
  CHECK(lr.title == "Local Relation Networks for Image Recognition");
  CHECK(lr.url == "https://arxiv.org/abs/1904.11491");
  CHECK(lr.date == "2019");
  CHECK(lr.fields == Fields{{"name", "LR-Net"}, {"venue", "ICCV"}, {"affiliation", "Microsoft"}});
  CHECK(lr.links.size() == 2);
  CHECK_FALSE(lr.description);
  const Item& axial = *entries[1].item;
  CHECK(axial.note == "rejected by ICLR 2020");
  CHECK(axial.fields == Fields{{"name", "Axial-Transformer"}, {"venue", "arXiv"}, {"affiliation", "Google"}});
  // "?": the list's mark for a method without a name.
  CHECK(entries[2].item->fields == Fields{{"venue", "ICLR"}, {"affiliation", "UT Austin"}});
  // A label in plain text over a quote is no paper.
  CHECK(entries[3].item->title == "Quote");
  CHECK(entries[3].item->description == "Simple is better than complex");
}

TEST_CASE("a bracketed month opens a paper's entry, and a citation in emphasis names its first author") {
  // WooooDyy/LLM-Agent-Paper-List: 136 papers written so.
  using Fields = std::vector<std::pair<std::string, std::string>>;
  Catalog catalog = parse_text(
      "- [2023/04] **Learning Distributed Representations of Sentences from Unlabelled Data.** *Felix "
      "Hill(University of Cambridge) et al. arXiv.*[[paper](https://arxiv.org/abs/1602.03483)]\n"
      "- [2023/02] Toolformer: Language Models Can Teach Themselves to Use Tools. *Timo Schick et al. arXiv.* "
      "[[paper](https://arxiv.org/abs/2302.04761)]\n"
      "- [2023/13] Not a month. *Someone et al. arXiv.* [[paper](https://a.org/x)]\n");
  auto entries = collect_entries(catalog);
  REQUIRE(entries.size() == 3);
  const Item& hill = *entries[0].item;
  CHECK(hill.title == "Learning Distributed Representations of Sentences from Unlabelled Data");
  CHECK(hill.date == "2023-04");
  CHECK(hill.authors == Strings{"Felix Hill"});
  CHECK(hill.fields == Fields{{"affiliation", "University of Cambridge"}, {"venue", "arXiv"}});
  CHECK_FALSE(hill.note);
  CHECK(entries[1].item->title == "Toolformer: Language Models Can Teach Themselves to Use Tools");
  CHECK(entries[1].item->authors == Strings{"Timo Schick"});
  CHECK_FALSE(entries[2].item->date);  // a thirteenth month is no date
}

TEST_CASE("a label over a link that a description follows is the entry's note") {
  // awesome-nlp's "Russian: [pymorphy2](…) - …" lost its description;
  // awesome-nestjs's label credits the playlist's maker.
  Catalog catalog = parse_text(
      "- Russian: [pymorphy2](https://github.com/kmike/pymorphy2) - a good pos-tagger for Russian\n"
      "- YouTube playlist by Kelvin Mai: [NestJS Ideas API](https://www.youtube.com/playlist?list=x) - A project "
      "based course on Full Stack Typescript.\n"
      "- MySQL: [awesome-mysql](https://a.org/mysql)\n");
  auto entries = collect_entries(catalog);
  REQUIRE(entries.size() == 3);
  CHECK(entries[0].item->title == "pymorphy2");
  CHECK(entries[0].item->note == "Russian");
  CHECK(entries[0].item->description == "a good pos-tagger for Russian");
  CHECK(entries[1].item->title == "NestJS Ideas API");
  CHECK(entries[1].item->note == "YouTube playlist");
  CHECK(entries[1].item->authors == Strings{"Kelvin Mai"});
  CHECK(entries[1].item->description == "A project based course on Full Stack Typescript.");
  CHECK(entries[2].item->title == "MySQL");  // no description after the link: a label names its page
  CHECK(entries[2].item->description == "awesome-mysql");
}

TEST_CASE("words after marks that follow the link are the description, not lost") {
  // punkpeye/awesome-mcp-servers: "📇 ☁️ MCP server to…" with no separator.
  Catalog catalog = parse_text(
      "- [djalal/quran-mcp-server](https://github.com/djalal/quran-mcp-server) \xF0\x9F\x93\x87 MCP server to "
      "interact with Quran.com.\n- [How To Say No](https://a.org/no). Templates for saying no.\n");
  auto entries = collect_entries(catalog);
  REQUIRE(entries.size() == 2);
  CHECK(entries[0].item->description == "MCP server to interact with Quran.com.");
  CHECK(entries[0].item->rest == "MCP server to interact with Quran.com.");  // entry-format asks for ' - '
  CHECK(entries[1].item->rest.empty());  // a stop after the link is punctuation, and no departure
}

TEST_CASE("a bracketed word before the link labels the entry, and a colon introduces no authors") {
  // NetKingJ/awesome-android-security: 60 "[Report] [Title](…)" entries,
  // and 34 "[Tool](…) : Title Case Words" read as a books list's authors.
  Catalog catalog = parse_text(
      "* [Report] [Writing the worlds worst Android fuzzer](https://gamozolabs.github.io/fuzzing/x.html)\n"
      "* [JEB Decompiler](https://www.pnfsoftware.com/) : Powerful Integrated Analysis Tools\n"
      "* [Diffuse](https://github.com/JakeWharton/diffuse) : APK, AAB, AAR, and JAR Diffing Tool\n"
      "* [Termux](https://termux.dev) : Android Terminal Emulator, Linux Environment App\n");
  CHECK(catalog.style == "awesome");
  auto entries = collect_entries(catalog);
  REQUIRE(entries.size() == 4);
  CHECK(entries[0].item->title == "Writing the worlds worst Android fuzzer");
  CHECK(entries[0].item->note == "Report");
  CHECK(entries[1].item->authors.empty());
  CHECK(entries[1].item->description == "Powerful Integrated Analysis Tools");
  CHECK(entries[2].item->description == "APK, AAB, AAR, and JAR Diffing Tool");
}

TEST_CASE("a venue and year after \"In\" close a paper's title") {
  // zeke-xie/deep-learning-dynamics-paper-list: 92 papers written so.
  using Fields = std::vector<std::pair<std::string, std::string>>;
  Catalog catalog = parse_text(
      "- Gradient descent only converges to minimizers. In *COLT 2016*. "
      "[[pdf](http://proceedings.mlr.press/v49/lee16.pdf)]\n"
      "- Stochastic gradient descent as approximate bayesian inference. In *JMLR 2017*. [[pdf](https://a.org/p)]\n");
  auto entries = collect_entries(catalog);
  REQUIRE(entries.size() == 2);
  CHECK(entries[0].item->title == "Gradient descent only converges to minimizers");
  CHECK(entries[0].item->date == "2016");
  CHECK(entries[0].item->fields == Fields{{"venue", "COLT"}});
}

TEST_CASE("a description that is only a credit names the authors and describes nothing") {
  // djadmin/awesome-bug-bounty's 20 write-ups.
  Catalog catalog = parse_text(
      "- [sakurity.com/blog](http://sakurity.com/blog)  -  by [Egor Homakov](https://twitter.com/homakov)\n"
      "- [Ajay's blog](http://a.org/b) - by  Ajay Singh Negi\n"
      "- [Tool](http://t.org) - by @jdoe\n"
      "- [Flags](http://f.org) - By default, every flag is off.\n"
      "- [Docs](http://d.org) - by design\n");
  auto entries = collect_entries(catalog);
  REQUIRE(entries.size() == 5);
  CHECK(entries[0].item->authors == Strings{"Egor Homakov"});
  CHECK_FALSE(entries[0].item->description);
  CHECK(entries[1].item->authors == Strings{"Ajay Singh Negi"});
  CHECK(entries[2].item->authors == Strings{"@jdoe"});
  CHECK(entries[3].item->authors.empty());
  CHECK(entries[3].item->description == "By default, every flag is off.");
  CHECK(entries[4].item->authors.empty());
  CHECK(entries[4].item->description == "by design");
}

TEST_CASE("books: a remark in parentheses after the formats is the entry's note") {
  Catalog catalog = parse_text(
      "## Books\n\n"
      "- [Grid Computing](https://a.org/grid) - Ian Foster, Dennis B. Gannon (PDF, Kindle) "
      "(email address *requested*, not required)\n"
      "- [Other Book](https://b.org/other) - Ann Lee (PDF)\n- [Third Book](https://c.org/third) - Bo Li (HTML)\n");
  CHECK(catalog.style == "books");
  auto entries = collect_entries(catalog);
  REQUIRE(entries.size() == 3);
  CHECK(entries[0].item->authors == Strings{"Ian Foster", "Dennis B. Gannon"});
  CHECK(entries[0].item->formats == Strings{"pdf", "kindle"});
  CHECK(entries[0].item->note == "email address requested, not required");
  CHECK(entries[0].item->rest.empty());
}

TEST_CASE("link notes join the entry's links, each name once among its fields") {
  // fuzz finding 28: two "[Assignments](…)" under one course gave its JSON
  // object the key "assignments" twice.
  Catalog catalog = parse_text(
      "## Courses\n\n- [CS 61C](https://a.org/61c) **Great Ideas**\n\t- [Assignments](https://a.org/61c#p)\n"
      "\t- [Lectures](https://a.org/61c#c)\n\t- [Assignments](https://a.org/61c#l)\n"
      "\t- [Lecture Videos and more](https://a.org/v)\n");
  auto entries = collect_entries(catalog);
  REQUIRE(entries.size() == 2);
  const Item& course = *entries[0].item;
  CHECK(course.links ==
        Strings{"https://a.org/61c", "https://a.org/61c#p", "https://a.org/61c#c", "https://a.org/61c#l"});
  CHECK(course.fields == std::vector<std::pair<std::string, std::string>>{{"assignments", "https://a.org/61c#p"},
                                                                          {"lectures", "https://a.org/61c#c"}});
  CHECK(entries[1].item->title == "Lecture Videos and more");
}

TEST_CASE("an item without text is no entry, and entry-format still sees it") {
  Catalog catalog = parse_text("## Songs\n\n* [A](https://a.org) - a.\n*\n* [B](https://b.org) - b.\n");
  auto entries = collect_entries(catalog);
  REQUIRE(entries.size() == 2);
  CHECK(entries[1].item->title == "B");
  CHECK(catalog.root.sections.front().items.size() == 3);
}
