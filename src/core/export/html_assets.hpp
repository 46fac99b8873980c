#pragma once
// The fixed parts of the HTML export (html.cpp): the style sheet and the
// script, inlined so the page needs nothing else. They are the files
// assets/page.css and assets/page.js, turned into these constants at build
// time by cmake/embed_assets.cmake.

namespace curate {

// The style sheet: light and dark themes (prefers-color-scheme, overridden
// by html[data-theme]), tag colours .tag-c0 … .tag-c7, responsive layout.
extern const char* const k_html_style;

// The script: theme toggle, search box and tag/kind filters over the
// server-rendered entries (their data-search, data-tags, data-kinds).
extern const char* const k_html_script;

}  // namespace curate
