#pragma once
// Any other page: the metadata a page states about itself, read with the
// streaming HTML scanner (links/html_scan.hpp, libxml2's HTML parser).

#include <optional>
#include <string_view>

#include "curate/metadata/metadata.hpp"

namespace curate {

// Reads, field by field, the first of:
//   title:   citation_title (Highwire), og:title (Open Graph), JSON-LD
//            headline (or name), <title>
//   authors: citation_author (each; "Family, Given" turned around), JSON-LD
//            author, <meta name="author">
//   date:    citation_publication_date / citation_date, article:published_time,
//            JSON-LD datePublished, <meta itemprop="datePublished"> (or uploadDate)
//   kind:    paper when citation_* tags are there, else og:type (article,
//            video.*, book) or the JSON-LD @type (BlogPosting → blog,
//            ScholarlyArticle → paper, VideoObject → video, …)
// `source` names the tags the title came from. nullopt when the page names
// no title at all. Never throws: malformed HTML and JSON-LD are read as far
// as they go.
std::optional<Metadata> read_page_metadata(std::string_view html);

}  // namespace curate
