// The page's head metadata and style sheet. System fonts only: a web font
// would be a network request.
#include "html_assets.hpp"

namespace curate {

const char* const k_html_head_meta =
    "<meta charset=\"utf-8\">\n"
    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
    "<meta name=\"color-scheme\" content=\"light dark\">\n"
    "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
    "script-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'\">\n"
    "<meta name=\"generator\" content=\"curate " CURATE_VERSION
    "\">\n"
    "<link rel=\"icon\" href=\"data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'%3E"
    "%3Crect width='16' height='16' rx='4' fill='%234c6ef5'/%3E%3Cpath d='M4 5h8M4 8h8M4 11h5' stroke='white' "
    "stroke-width='1.6' stroke-linecap='round'/%3E%3C/svg%3E\">\n";

const char* const k_html_style = R"CSS(
:root {
  --bg: #f5f6f8; --surface: #ffffff; --text: #1c2230; --muted: #5d6779; --faint: #8a93a3;
  --border: #e2e5eb; --accent: #4c6ef5; --accent-soft: #e8edff; --link: #2b4fd8; --shadow: 0 1px 2px rgba(20, 30, 50, .06);
  --tag-l-bg: 93%; --tag-l-fg: 30%; --tag-l-border: 84%; --tag-s: 75%;
  color-scheme: light;
}
@media (prefers-color-scheme: dark) {
  :root:not([data-theme="light"]) {
    --bg: #0f1217; --surface: #171b22; --text: #e4e8ef; --muted: #9ba5b6; --faint: #6c7688;
    --border: #262c37; --accent: #8ea2ff; --accent-soft: #1e2540; --link: #9fb1ff; --shadow: none;
    --tag-l-bg: 22%; --tag-l-fg: 80%; --tag-l-border: 32%; --tag-s: 45%;
    color-scheme: dark;
  }
}
:root[data-theme="dark"] {
  --bg: #0f1217; --surface: #171b22; --text: #e4e8ef; --muted: #9ba5b6; --faint: #6c7688;
  --border: #262c37; --accent: #8ea2ff; --accent-soft: #1e2540; --link: #9fb1ff; --shadow: none;
  --tag-l-bg: 22%; --tag-l-fg: 80%; --tag-l-border: 32%; --tag-s: 45%;
  color-scheme: dark;
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; scroll-padding-top: 150px; }
body {
  margin: 0; background: var(--bg); color: var(--text);
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif;
}
a { color: var(--link); text-decoration: none; }
a:hover { text-decoration: underline; }
[hidden] { display: none !important; }

.top {
  display: flex; align-items: center; justify-content: space-between; gap: 16px;
  max-width: 1200px; margin: 0 auto; padding: 28px 24px 18px;
}
.top h1 { margin: 0; font-size: 28px; line-height: 1.2; letter-spacing: -.01em; }
.top .sub { margin: 4px 0 0; color: var(--muted); font-size: 14px; overflow-wrap: anywhere; }
.theme {
  flex: none; width: 40px; height: 40px; border-radius: 50%; border: 1px solid var(--border);
  background: var(--surface); color: var(--text); font-size: 18px; cursor: pointer; box-shadow: var(--shadow);
}
.theme:hover { border-color: var(--accent); }
.theme .moon { display: none; }
:root[data-theme="dark"] .theme .sun { display: none; }
:root[data-theme="dark"] .theme .moon { display: inline; }
@media (prefers-color-scheme: dark) {
  :root:not([data-theme="light"]) .theme .sun { display: none; }
  :root:not([data-theme="light"]) .theme .moon { display: inline; }
}

.layout {
  display: grid; grid-template-columns: 250px minmax(0, 1fr); gap: 32px;
  max-width: 1200px; margin: 0 auto; padding: 0 24px 40px;
}
.toc { position: sticky; top: 16px; align-self: start; max-height: calc(100vh - 32px); overflow: auto; font-size: 14px; }
.toc summary {
  cursor: pointer; font-weight: 600; color: var(--muted); text-transform: uppercase;
  font-size: 12px; letter-spacing: .06em; padding: 6px 0;
}
.toc ul { list-style: none; margin: 0; padding: 0 0 0 12px; border-left: 1px solid var(--border); }
.toc details > ul { padding-left: 0; border-left: 0; }
.toc li { margin: 2px 0; }
.toc a { display: flex; justify-content: space-between; gap: 8px; padding: 3px 8px; border-radius: 6px; color: var(--text); }
.toc a .n { color: var(--faint); font-size: 12px; font-variant-numeric: tabular-nums; }
.toc a:hover { background: var(--accent-soft); text-decoration: none; }

.controls {
  position: sticky; top: 0; z-index: 2; background: var(--bg);
  padding: 12px 0 10px; border-bottom: 1px solid var(--border); margin-bottom: 8px;
}
#curateSearch {
  width: 100%; padding: 11px 14px; font: inherit; color: var(--text); background: var(--surface);
  border: 1px solid var(--border); border-radius: 10px; box-shadow: var(--shadow); outline: none;
}
#curateSearch:focus { border-color: var(--accent); box-shadow: 0 0 0 3px var(--accent-soft); }
.filters { display: flex; flex-wrap: wrap; align-items: center; gap: 6px; margin-top: 10px; }
.filter-label { color: var(--faint); font-size: 12px; text-transform: uppercase; letter-spacing: .06em; margin-right: 4px; min-width: 44px; }
.chip {
  display: inline-flex; align-items: center; gap: 6px; padding: 4px 11px; font: inherit; font-size: 13px;
  border-radius: 999px; border: 1px solid var(--border); background: var(--surface); color: var(--text); cursor: pointer;
}
.chip .n { color: var(--faint); font-size: 12px; }
.chip:hover { border-color: var(--accent); }
.chip[aria-pressed="true"] { background: var(--accent); border-color: var(--accent); color: #fff; }
.chip[aria-pressed="true"] .n { color: rgba(255, 255, 255, .8); }
.chip.tag { font-weight: 600; line-height: inherit; padding: 4px 11px; font-size: 13px; }
.chip.tag .n { color: inherit; opacity: .7; font-weight: 400; }
.chip.tag[aria-pressed="true"] { background: hsl(var(--h) 60% 45%); border-color: hsl(var(--h) 60% 45%); color: #fff; }
.status { display: flex; align-items: center; gap: 12px; margin: 10px 0 0; color: var(--muted); font-size: 13px; }
.clear { font: inherit; font-size: 13px; color: var(--link); background: none; border: 0; padding: 0; cursor: pointer; }
.clear:hover { text-decoration: underline; }

.sec { margin-top: 18px; }
.sec-title { margin: 26px 0 10px; line-height: 1.25; scroll-margin-top: 150px; }
h2.sec-title { font-size: 24px; padding-bottom: 6px; border-bottom: 2px solid var(--border); }
h3.sec-title { font-size: 20px; }
h4.sec-title { font-size: 17px; }
h5.sec-title, h6.sec-title { font-size: 15px; color: var(--muted); }
.sec-empty { margin: 4px 0 0; color: var(--faint); font-size: 14px; font-style: italic; }
ul.items { list-style: none; margin: 0; padding: 0; }
ul.items > li { margin: 8px 0; }
li > ul.items { margin-left: 14px; padding-left: 12px; border-left: 2px solid var(--border); }
.group-title { margin: 16px 0 6px; font-size: 14px; font-weight: 650; color: var(--muted); }
.group-title .note, .card .note { font-weight: 400; font-style: italic; color: var(--muted); }

.card {
  background: var(--surface); border: 1px solid var(--border); border-radius: 12px;
  padding: 11px 14px; box-shadow: var(--shadow); transition: border-color .15s;
}
.card.is-stub { background: transparent; border-style: dashed; box-shadow: none; }
.card:hover { border-color: color-mix(in srgb, var(--accent) 45%, var(--border)); }
.card .title { margin: 0; font-size: 16px; font-weight: 600; line-height: 1.35; overflow-wrap: anywhere; }
.card .title a { color: var(--text); }
.card .title a:hover { color: var(--link); }
.card .desc { margin: 4px 0 0; color: var(--muted); font-size: 14px; }
.card .note { margin: 6px 0 0; font-size: 13px; }
.card .more { margin: 6px 0 0; font-size: 13px; color: var(--faint); }
.byline { display: flex; flex-wrap: wrap; align-items: center; gap: 6px 10px; margin: 7px 0 0; font-size: 13px; color: var(--muted); }
.byline:empty { display: none; }
.byline time, .byline .host { color: var(--faint); font-variant-numeric: tabular-nums; }
.byline .host { overflow-wrap: anywhere; }
.kind {
  padding: 0 8px; border-radius: 6px; border: 1px solid var(--border); font-size: 12px; line-height: 20px;
  color: var(--muted); background: var(--bg);
}
.stub, .unsafe { font-size: 12px; color: var(--faint); font-style: italic; overflow-wrap: anywhere; }
.tag {
  padding: 0 9px; border-radius: 999px; font-size: 12px; font-weight: 600; line-height: 20px;
  background: hsl(var(--h) var(--tag-s) var(--tag-l-bg)); color: hsl(var(--h) 60% var(--tag-l-fg));
  border: 1px solid hsl(var(--h) var(--tag-s) var(--tag-l-border));
}
.tag-c0 { --h: 262; } .tag-c1 { --h: 340; } .tag-c2 { --h: 172; } .tag-c3 { --h: 32; }
.tag-c4 { --h: 205; } .tag-c5 { --h: 95; } .tag-c6 { --h: 8; } .tag-c7 { --h: 48; }
.entry.context > .card, .entry.is-context > .card { opacity: .55; }

.empty { margin: 40px 0; text-align: center; color: var(--muted); }
footer { max-width: 1200px; margin: 0 auto; padding: 20px 24px 40px; color: var(--faint); font-size: 13px; text-align: center; }

@media (max-width: 860px) {
  .layout { grid-template-columns: minmax(0, 1fr); gap: 0; padding: 0 14px 32px; }
  .top { padding: 18px 14px 10px; }
  .top h1 { font-size: 22px; }
  .controls { position: static; }
  .toc { position: static; max-height: none; background: var(--surface); border: 1px solid var(--border); border-radius: 10px; padding: 4px 12px; }
  li > ul.items { margin-left: 6px; padding-left: 8px; }
  html { scroll-padding-top: 190px; }
}
@media (prefers-reduced-motion: reduce) { .card { transition: none; } }
)CSS";

}  // namespace curate
