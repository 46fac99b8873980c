// The metadata sources (arXiv, DOI, GitHub, pages) read from their real
// answers in tests/data/metadata/, the list's conventions for authors, and
// the requests through a fake HTTP client.
#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "curate/metadata/arxiv.hpp"
#include "curate/metadata/conventions.hpp"
#include "curate/metadata/doi.hpp"
#include "curate/metadata/fetch.hpp"
#include "curate/metadata/github_repo.hpp"
#include "curate/metadata/page.hpp"
#include "curate/text/error.hpp"
#include "fake_http_client.hpp"
#include "test_helpers.hpp"

namespace {

using curate::Metadata;
using Names = std::vector<std::string>;

std::string data(const std::string& name) {
  std::ifstream in(curate::test::repo_path("tests/data/metadata/" + name), std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// The mock's feed around the answer for `entry` (tests/metadata_mock.py),
// asked about `id`.
std::string arxiv_feed(const std::string& entry, const std::string& id = "x") {
  std::string feed = data("arxiv_feed.xml"), answer = data(entry);
  for (size_t mark = answer.find("{ID}"); mark != std::string::npos; mark = answer.find("{ID}"))
    answer.replace(mark, 4, id);
  auto put = [&](const std::string& mark, const std::string& value) {
    feed.replace(feed.find(mark), mark.size(), value);
  };
  put("{ENTRIES}", answer);
  if (feed.find("{IDS}") != std::string::npos) put("{IDS}", id);
  if (feed.find("{COUNT}") != std::string::npos) put("{COUNT}", "1");
  return feed;
}

}  // namespace

TEST_CASE("arXiv ids are read from abs, pdf and versioned URLs, old-style ids too, without their version") {
  CHECK(curate::arxiv_id_of("https://arxiv.org/abs/1512.03385") == "1512.03385");
  CHECK(curate::arxiv_id_of("https://arxiv.org/pdf/1412.6980v9.pdf") == "1412.6980");
  CHECK(curate::arxiv_id_of("http://export.arxiv.org/abs/2103.00020v1") == "2103.00020");
  CHECK(curate::arxiv_id_of("https://www.arxiv.org/pdf/2103.00020") == "2103.00020");
  CHECK(curate::arxiv_id_of("https://arxiv.org/abs/hep-th/9711200") == "hep-th/9711200");
  CHECK(curate::arxiv_id_of("https://arxiv.org/abs/math.GT/0309136v1") == "math.GT/0309136");
  CHECK(curate::arxiv_id_of_doi("10.48550/arXiv.2103.00020") == "2103.00020");
}

TEST_CASE("URLs that only look like arXiv are not arXiv papers") {
  CHECK_FALSE(curate::arxiv_id_of("https://arxiv.org/list/cs.LG/recent"));
  CHECK_FALSE(curate::arxiv_id_of("https://notarxiv.org/abs/1512.03385"));
  CHECK_FALSE(curate::arxiv_id_of("https://arxiv.org/abs/1512.0338x"));
  CHECK_FALSE(curate::arxiv_id_of("ftp://arxiv.org/abs/1512.03385"));
}

TEST_CASE("an arXiv Atom answer gives title, every author, the first version's date and kind paper") {
  std::vector<curate::ArxivPaper> papers = curate::read_arxiv_feed(arxiv_feed("arxiv_1512.03385.xml"));
  REQUIRE(papers.size() == 1);
  CHECK(papers[0].id == "1512.03385");
  const Metadata& paper = papers[0].metadata;
  CHECK(paper.title == "Deep Residual Learning for Image Recognition");
  CHECK(paper.authors == Names{"Kaiming He", "Xiangyu Zhang", "Shaoqing Ren", "Jian Sun"});
  CHECK(paper.date == "2015-12-10");
  CHECK(paper.kind == "paper");
}

TEST_CASE("an arXiv answer that is not XML, not a feed, or the API's error entry is an error") {
  CHECK_THROWS_WITH(curate::read_arxiv_feed("<?xml version='1.0'?><feed><entry><title>Deep"),
                    "the arXiv API's answer is not valid XML");
  CHECK_THROWS_WITH(curate::read_arxiv_feed("<html><body>hi</body></html>"),
                    "the arXiv API's answer is not an Atom feed");
  CHECK_THROWS_WITH(curate::read_arxiv_feed(arxiv_feed("arxiv_error.xml", "1512.0338")),
                    Catch::Contains("incorrect id format for 1512.0338"));
}

TEST_CASE("DOIs are read from resolver URLs and from inside publishers' paths, without file suffixes") {
  CHECK(curate::doi_of("https://doi.org/10.1038/nature14539") == "10.1038/nature14539");
  CHECK(curate::doi_of("http://dx.doi.org/10.1109/CVPR.2016.90") == "10.1109/CVPR.2016.90");
  CHECK(curate::doi_of("https://dl.acm.org/doi/10.1145/3065386") == "10.1145/3065386");
  CHECK(curate::doi_of("https://dl.acm.org/doi/pdf/10.1145/3065386.pdf") == "10.1145/3065386");
  CHECK(curate::doi_of("https://onlinelibrary.wiley.com/doi/full/10.1002/andp.19053220607/abstract") ==
        "10.1002/andp.19053220607");
  CHECK_FALSE(curate::doi_of("https://example.org/v10.1/x"));
  CHECK_FALSE(curate::doi_of("https://example.org/page"));
}

TEST_CASE("a DOI request keeps slashes and percent-encodes what a URL cannot hold") {
  CHECK(curate::doi_request_url("https://doi.org/", "10.1002/(SICI)1097-4571<3::AID>") ==
        "https://doi.org/10.1002/(SICI)1097-4571%3C3::AID%3E");
  CHECK(curate::doi_request_url("http://127.0.0.1:9/doi", "10.1038/nature14539") ==
        "http://127.0.0.1:9/doi/10.1038/nature14539");
}

TEST_CASE("a CSL-JSON answer gives title, authors, the issued date and a kind from its type") {
  Metadata item = curate::read_csl_json(data("csl_10.1038_nature14539.json"));
  CHECK(item.title == "Deep learning");
  CHECK(item.authors == Names{"Yann LeCun", "Yoshua Bengio", "Geoffrey Hinton"});
  CHECK(item.date == "2015-05-27");
  CHECK(item.kind == "paper");
  Metadata conference = curate::read_csl_json(data("csl_10.1109_CVPR.2016.90.json"));
  CHECK(conference.date == "2016-06");
  CHECK(conference.kind == "paper");
}

TEST_CASE("CSL-JSON titles lose their markup, literal names and array answers are read") {
  Metadata item = curate::read_csl_json(
      R"([{"type": "book", "title": ["The <i>C</i> Programming   Language"],
           "author": [{"literal": "OpenAI"}, {"family": "Ritchie"}], "issued": {"date-parts": [["1978"]]}}])");
  CHECK(item.title == "The C Programming Language");
  CHECK(item.authors == Names{"OpenAI", "Ritchie"});
  CHECK(item.date == "1978");
  CHECK(item.kind == "book");
  CHECK(curate::kind_of_csl_type("post-weblog") == "blog");
  CHECK_FALSE(curate::kind_of_csl_type("entry-encyclopedia"));
}

TEST_CASE("a CSL-JSON answer that is not JSON or has no title is an error") {
  CHECK_THROWS_WITH(curate::read_csl_json(R"({"title": "Deep)"), "the DOI resolver's answer is not valid JSON");
  CHECK_THROWS_WITH(curate::read_csl_json(R"({"type": "book"})"), "the DOI resolver's answer has no title");
}

TEST_CASE("GitHub's repository JSON gives the name, description, the owner as author and kind repo") {
  Metadata repo = curate::read_github_repository(data("github_pytorch_pytorch.json"));
  CHECK(repo.title == "pytorch");
  CHECK(repo.description == "Tensors and Dynamic neural networks in Python with strong GPU acceleration");
  CHECK(repo.authors == Names{"pytorch"});
  CHECK(repo.kind == "repo");
  CHECK_FALSE(repo.date);
  CHECK_THROWS_WITH(curate::read_github_repository("{\"name\": "), "GitHub's answer is not valid JSON");
  CHECK_THROWS_WITH(curate::read_github_repository(R"({"message": "Not Found"})"), Catch::Contains("not a repository"));
}

TEST_CASE("a page's Highwire tags win over its Open Graph tags and make it a paper") {
  std::optional<Metadata> page = curate::read_page_metadata(data("page_highwire.html"));
  REQUIRE(page);
  CHECK(page->title == "Hidden Technical Debt in Machine Learning Systems");
  CHECK(page->authors == Names{"D. Sculley", "Gary Holt", "Daniel Golovin", "Eugene Davydov", "Todd Phillips"});
  CHECK(page->date == "2015");
  CHECK(page->kind == "paper");
  CHECK(page->source == "the page's citation_* tags");
}

TEST_CASE("a page's Open Graph, JSON-LD and title tags are read in that order") {
  std::optional<Metadata> og = curate::read_page_metadata(data("page_opengraph.html"));
  REQUIRE(og);
  CHECK(og->title == "Yes you should understand backprop");
  CHECK(og->date == "2016-12-19");
  CHECK(og->kind == "article");
  std::optional<Metadata> json_ld = curate::read_page_metadata(data("page_jsonld.html"));
  REQUIRE(json_ld);
  CHECK(json_ld->title == "The rise of self-supervised learning");
  CHECK(json_ld->authors == Names{"Jonathan Bgn"});
  CHECK(json_ld->date == "2020-12-03");
  CHECK(json_ld->kind == "blog");
  std::optional<Metadata> title = curate::read_page_metadata(data("page_title.html"));
  REQUIRE(title);
  CHECK(title->title == "MLOps Architecture Guide");
  CHECK(title->source == "the page's <title>");
}

TEST_CASE("a field missing from the first family of tags comes from the next one") {
  std::optional<Metadata> page = curate::read_page_metadata(
      R"(<head><meta name="citation_title" content="A Paper"><meta property="article:published_time"
         content="2021-03-04T10:00:00Z"><script type="application/ld+json">{"@type": "ScholarlyArticle",
         "headline": "Other", "author": [{"name": "Ada Lovelace"}, "https://x.example/me"]}</script></head>)");
  REQUIRE(page);
  CHECK(page->title == "A Paper");
  CHECK(page->date == "2021-03-04");
  CHECK(page->authors == Names{"Ada Lovelace"});
  CHECK(page->kind == "paper");
}

TEST_CASE("a page without any metadata, or broken HTML and JSON-LD, gives no title and no exception") {
  CHECK_FALSE(curate::read_page_metadata(data("page_none.html")));
  CHECK_FALSE(curate::read_page_metadata(R"(<script type="application/ld+json">{"headline": </script><p>)"));
  CHECK_FALSE(curate::read_page_metadata(std::string("\0\xff<<<>", 6)));
}

TEST_CASE("long author lists become First Author et al. by the style's convention") {
  Names four{"Kaiming He", "Xiangyu Zhang", "Shaoqing Ren", "Jian Sun"};
  CHECK(curate::shape_authors(four, curate::author_convention("seed", std::nullopt)) == Names{"Kaiming He et al."});
  CHECK(curate::shape_authors({"A B", "C D"}, curate::author_convention("seed", std::nullopt)) == Names{"A B", "C D"});
  CHECK(curate::shape_authors(four, curate::author_convention("papers", std::nullopt)) == Names{"K. He et al."});
  CHECK(curate::shape_authors({"A B", "C D", "E F"}, curate::author_convention("awesome", std::nullopt)).size() == 3);
  CHECK(curate::shape_authors(four, curate::author_convention("seed", 4)) == four);
}

TEST_CASE("initials keep hyphens, particles and names already written as initials") {
  CHECK(curate::with_initials("Kaiming He") == "K. He");
  CHECK(curate::with_initials("Jean-Baptiste Alayrac") == "J.-B. Alayrac");
  CHECK(curate::with_initials("Ludwig van Beethoven") == "L. van Beethoven");
  CHECK(curate::with_initials("Diederik P. Kingma") == "D. P. Kingma");
  CHECK(curate::with_initials("Émile Borel") == "É. Borel");
  CHECK(curate::with_initials("OpenAI") == "OpenAI");
}

TEST_CASE("a kind is spelled as most of the list's entries of that kind spell it") {
  curate::Catalog catalog = curate::test::parse_text(
      "- \"A\" [X; blog post; 2020](https://a.example/)\n- \"B\" [Y; blog post](https://b.example/)\n"
      "- \"C\" [Z; Blog](https://c.example/)\n");
  CHECK(curate::kind_as_written(catalog, "blog") == "blog post");
  CHECK(curate::kind_as_written(catalog, "video") == "video");
}

TEST_CASE("each URL goes to its source: arXiv, then DOI, then a GitHub repository, else the page") {
  curate::MetadataOptions options;
  CHECK(curate::source_of("https://arxiv.org/abs/1512.03385v2", options).kind == curate::SourceKind::arxiv);
  curate::SourceRef arxiv_doi = curate::source_of("https://doi.org/10.48550/arXiv.1706.03762", options);
  CHECK((arxiv_doi.kind == curate::SourceKind::arxiv && arxiv_doi.key == "1706.03762"));
  CHECK(curate::source_of("https://doi.org/10.1038/nature14539", options).kind == curate::SourceKind::doi);
  curate::SourceRef repo = curate::source_of("https://github.com/pytorch/pytorch", options);
  CHECK((repo.kind == curate::SourceKind::github && repo.key == "pytorch/pytorch"));
  CHECK(curate::source_of("https://github.com/pytorch/pytorch/blob/main/README.md", options).kind ==
        curate::SourceKind::page);
  curate::SourceRef page = curate::source_of("https://example.org/post#intro", options);
  CHECK((page.kind == curate::SourceKind::page && page.key == "https://example.org/post"));
}

namespace {

using curate::test::FakeClock;
using curate::test::FakeHttpClient;
using curate::test::FakeReply;

FakeReply with_body(long status, std::string body, std::string type) {
  FakeReply out = curate::test::reply(status, {{"content-type", std::move(type)}});
  out.response.body = std::move(body);
  return out;
}

}  // namespace

TEST_CASE("arXiv papers are asked in one request and each URL gets its paper or a problem") {
  FakeClock clock;
  FakeHttpClient client(clock, [](const curate::HttpRequest&) {
    return with_body(200, arxiv_feed("arxiv_1512.03385.xml"), "application/atom+xml");
  });
  curate::MetadataOptions options;
  options.arxiv_api = "http://127.0.0.1:9/api/query";
  std::vector<curate::MetadataResult> results = curate::fetch_metadata(
      {"https://arxiv.org/abs/1512.03385", "https://arxiv.org/pdf/2301.99999", "https://arxiv.org/pdf/1512.03385v1"},
      options, client, {&clock, {}});
  REQUIRE(client.started.size() == 1);
  CHECK(client.started[0].request.url == "http://127.0.0.1:9/api/query?id_list=1512.03385,2301.99999&max_results=2");
  CHECK(results[0].metadata->title == "Deep Residual Learning for Image Recognition");
  CHECK(results[1].problem == "the arXiv API knows no paper 2301.99999");
  CHECK(results[2].metadata->date == "2015-12-10");
}

TEST_CASE("a failed or bad answer is a problem in words for its URL, never an exception") {
  FakeClock clock;
  FakeHttpClient client(clock, [](const curate::HttpRequest& request) -> FakeReply {
    if (request.url.find("/missing") != std::string::npos) return curate::test::reply(404);
    if (request.url.find("/slow") != std::string::npos) return curate::test::failure(curate::TransportError::timeout);
    if (request.url.find("/file") != std::string::npos) {
      FakeReply out = curate::test::reply(302);
      out.response.refused_redirect = "file:///etc/passwd";
      return out;
    }
    if (request.url.find("/pdf") != std::string::npos) return with_body(200, "%PDF-1.4", "application/pdf");
    return with_body(200, "<title>Fine</title>", "text/html");
  });
  curate::MetadataOptions options;
  std::vector<curate::MetadataResult> results =
      curate::fetch_metadata({"http://127.0.0.1:9/missing", "http://127.0.0.1:9/slow", "http://127.0.0.1:9/file",
                              "http://127.0.0.1:9/pdf", "http://127.0.0.1:9/ok"},
                             options, client, {&clock, {}});
  CHECK(results[0].problem == "the page answered HTTP 404 (http://127.0.0.1:9/missing)");
  CHECK(results[1].problem == "no answer from the page (http://127.0.0.1:9/slow): timed out");
  CHECK_THAT(results[2].problem, Catch::StartsWith("the page redirected to file:///etc/passwd, which is not http"));
  CHECK_THAT(results[3].problem, Catch::StartsWith("the page is not HTML (application/pdf)"));
  CHECK(results[4].metadata->title == "Fine");
}

TEST_CASE("every metadata request asks for what its source answers in, within the link settings") {
  FakeClock clock;
  FakeHttpClient client(clock, [](const curate::HttpRequest&) { return curate::test::reply(404); });
  curate::MetadataOptions options;
  options.links.user_agent = "curate-test";
  options.doi_resolver = "http://127.0.0.1:9/doi/";
  options.links.github_api = "http://127.0.0.1:9/api";
  (void)curate::fetch_metadata({"https://doi.org/10.1038/nature14539", "https://github.com/pytorch/pytorch"}, options,
                               client, {&clock, {}});
  REQUIRE(client.started.size() == 2);
  const curate::HttpRequest& doi = client.started[0].request;
  CHECK(doi.url == "http://127.0.0.1:9/doi/10.1038/nature14539");
  CHECK(doi.user_agent == "curate-test");
  CHECK(std::find(doi.headers.begin(), doi.headers.end(), std::string(curate::k_csl_json_accept)) != doi.headers.end());
  CHECK(client.started[1].request.url == "http://127.0.0.1:9/api/repos/pytorch/pytorch");
}

TEST_CASE("arXiv requests go one at a time, the configured delay apart") {
  FakeClock clock;
  FakeHttpClient client(clock, [](const curate::HttpRequest&) {
    return with_body(200, arxiv_feed("arxiv_1512.03385.xml"), "application/atom+xml");
  });
  curate::MetadataOptions options;
  options.arxiv_delay = std::chrono::milliseconds(3000);
  std::vector<std::string> urls;
  for (int i = 0; i < 150; ++i) urls.push_back("https://arxiv.org/abs/2101." + std::to_string(10000 + i));
  (void)curate::fetch_metadata(urls, options, client, {&clock, {}});
  REQUIRE(client.started.size() == 2);
  CHECK(client.max_in_flight == 1);
  CHECK(client.started[1].at - client.started[0].at >= 3.0);
}
