// The link cache: what is remembered, for how long, and the file it keeps.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "curate/links/cache.hpp"

using namespace curate;

namespace {

LinkResult result_of(LinkVerdict verdict, long status) {
  LinkResult result;
  result.verdict = verdict;
  result.status = status;
  return result;
}

std::filesystem::path temp_dir(const std::string& name) {
  auto dir = std::filesystem::temp_directory_path() / (name + "-" + std::to_string(getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

const AcceptCodes k_2xx{{200, 299}};
constexpr std::chrono::seconds k_day{86400};

}  // namespace

TEST_CASE("Only successes are cached, and a failure forgets an earlier success") {
  LinkCache cache("unused.json");
  cache.record("https://a.test/", result_of(LinkVerdict::ok, 200), 1000);
  cache.record("https://b.test/", result_of(LinkVerdict::dead, 404), 1000);
  cache.record("https://c.test/", result_of(LinkVerdict::unverified, 429), 1000);
  cache.record("https://d.test/", result_of(LinkVerdict::timeout, 0), 1000);
  CHECK(cache.size() == 1);
  cache.record("https://a.test/", result_of(LinkVerdict::dead, 500), 1001);
  CHECK(cache.size() == 0);
}

TEST_CASE("A cached success is used only within the max age and while its status is accepted") {
  LinkCache cache("unused.json");
  cache.record("https://a.test/", result_of(LinkVerdict::ok, 203), 1000);
  CHECK(cache.lookup("https://a.test/", 1000 + 86400, k_day, k_2xx));
  CHECK(cache.lookup("https://a.test/", 1000 + 86400, k_day, k_2xx)->cached);
  CHECK_FALSE(cache.lookup("https://a.test/", 1000 + 86401, k_day, k_2xx));
  CHECK_FALSE(cache.lookup("https://a.test/", 1000, k_day, AcceptCodes{{200, 200}}));
  CHECK_FALSE(cache.lookup("https://other.test/", 1000, k_day, k_2xx));
}

TEST_CASE("Saving a cache creates its file and loading it gives the same entries") {
  auto dir = temp_dir("curate-cache-test");
  std::string path = (dir / ".curate-cache.json").string();
  LinkCache cache(path);
  LinkResult moved = result_of(LinkVerdict::redirected, 200);
  moved.fix_url = "https://new.test/";
  moved.detail = "redirects permanently (301) to https://new.test/";
  cache.record("https://old.test/", moved, 200000);
  cache.record("https://stale.test/", result_of(LinkVerdict::ok, 200), 10);
  cache.save(200000, k_day);
  LinkCache loaded = LinkCache::load(path);
  CHECK(loaded.size() == 1);  // the stale entry was dropped
  auto hit = loaded.lookup("https://old.test/", 200000, k_day, k_2xx);
  REQUIRE(hit);
  CHECK(hit->verdict == LinkVerdict::redirected);
  CHECK(hit->fix_url == "https://new.test/");
  std::filesystem::remove_all(dir);
}

TEST_CASE("A damaged cache file is ignored with a warning") {
  auto dir = temp_dir("curate-cache-damaged");
  std::string path = (dir / "cache.json").string();
  std::ofstream(path) << "{not json";
  LinkCache cache = LinkCache::load(path);
  CHECK(cache.size() == 0);
  CHECK_THAT(cache.warning(), Catch::Contains("ignoring damaged link cache"));
  std::filesystem::remove_all(dir);
}

TEST_CASE("The default cache sits beside the list") {
  CHECK(default_cache_path("lists/awesome.md") == "lists/.curate-cache.json");
  CHECK(default_cache_path("README.md") == ".curate-cache.json");
  CHECK(default_cache_path("-") == ".curate-cache.json");
}
