#pragma once
// The fixed parts of the HTML export (export_html.cpp): head metadata, the
// style sheet and the script, inlined so the page needs nothing else.

namespace curate {

// <meta> lines for <head>: charset, viewport, colour schemes, and a
// Content-Security-Policy that forbids every fetch (default-src 'none').
extern const char* const k_html_head_meta;

// The style sheet: light and dark themes (prefers-color-scheme, overridden
// by html[data-theme]), tag colours .tag-c0 … .tag-c7, responsive layout.
extern const char* const k_html_style;

// The script: theme toggle, search box and tag/kind filters over the
// server-rendered entries (their data-search, data-tags, data-kinds).
extern const char* const k_html_script;

}  // namespace curate
