// The script of `curate export --format html`, embedded at build time
// (cmake/embed_assets.cmake). It never reads list text into markup: it only
// sets `hidden`, classes, aria-pressed and text content of counters.
(() => {
  'use strict';
  const root = document.documentElement;
  const stored = () => { try { return localStorage.getItem('curate-theme'); } catch (e) { return null; } };
  const store = (value) => { try { localStorage.setItem('curate-theme', value); } catch (e) { /* file:// may refuse */ } };
  const saved = stored();
  if (saved === 'light' || saved === 'dark') root.dataset.theme = saved;
  const prefersDark = window.matchMedia('(prefers-color-scheme: dark)');
  const isDark = () => (root.dataset.theme ? root.dataset.theme === 'dark' : prefersDark.matches);

  // Case folding as `curate list --grep` does it: ASCII letters only.
  const foldAscii = (text) => text.replace(/[A-Z]/g, (c) => c.toLowerCase());

  document.addEventListener('DOMContentLoaded', () => {
    const catalog = document.getElementById('curateCatalog');
    const search = document.getElementById('curateSearch');
    const status = document.getElementById('curateStatus');
    const clear = document.getElementById('curateClear');
    const empty = document.getElementById('curateEmpty');
    const chips = Array.from(document.querySelectorAll('.chip[data-filter]'));
    const navLinks = Array.from(document.querySelectorAll('.toc a[data-section]'));
    const total = Number(catalog.dataset.total);
    const state = { query: '', tags: new Set(), kinds: new Set() };

    document.getElementById('curateTheme').addEventListener('click', () => {
      root.dataset.theme = isDark() ? 'light' : 'dark';
      store(root.dataset.theme);
    });
    if (window.matchMedia('(max-width: 860px)').matches) document.getElementById('curateToc').open = false;

    // Same rules as `list`: --grep substring, every --tag, any --kind.
    const matchesText = (entry) => !state.query || entry.dataset.search.includes(state.query);
    const matchesTags = (entry) => {
      const tags = entry.dataset.tags.split('\n');
      for (const tag of state.tags) if (!tags.includes(tag)) return false;
      return true;
    };
    const matchesKinds = (entry) => !state.kinds.size ||
      entry.dataset.kinds.split('\n').some((kind) => state.kinds.has(kind));
    const matches = (entry) => !entry.classList.contains('context') && matchesText(entry) && matchesTags(entry) &&
      matchesKinds(entry);

    // Each chip counts the entries it would show with the other filters as
    // they are: a tag chip among the current matches (tags narrow), a kind
    // chip among the matches of search and tags (kinds widen each other).
    const entries = Array.from(catalog.querySelectorAll('li.entry:not(.context)'));
    const countChips = () => {
      const tagCounts = new Map();
      const kindCounts = new Map();
      const add = (counts, values) => {
        for (const value of values.split('\n')) if (value) counts.set(value, (counts.get(value) ?? 0) + 1);
      };
      for (const entry of entries) {
        if (!matchesText(entry) || !matchesTags(entry)) continue;
        add(kindCounts, entry.dataset.kinds);
        if (matchesKinds(entry)) add(tagCounts, entry.dataset.tags);
      }
      for (const chip of chips) {
        const counts = chip.dataset.filter === 'tag' ? tagCounts : kindCounts;
        const n = counts.get(chip.dataset.value) ?? 0;
        chip.querySelector('.n').textContent = String(n);
        chip.classList.toggle('is-empty', n === 0);
      }
    };

    const children = (node) => node.querySelectorAll(':scope > ul.items > li, :scope > section');

    // Shows a node when it or something below it matches; an entry shown
    // only for a matching child is dimmed. Counts matches per section.
    // Returns whether anything in the node matched.
    const visit = (node, active, counter) => {
      const before = counter.count;
      let below = false;
      for (const child of children(node)) below = visit(child, active, counter) || below;
      let shown = below;
      if (node.classList.contains('entry')) {
        const own = matches(node);
        if (own) counter.count += 1;
        node.classList.toggle('is-context', active && !own && below);
        shown = shown || own;
      }
      if (node.tagName === 'SECTION') counter.sections.set(node.id, counter.count - before);
      if (node !== catalog) node.hidden = active && !shown;
      return shown;
    };

    const update = () => {
      const active = state.query !== '' || state.tags.size > 0 || state.kinds.size > 0;
      const counter = { count: 0, sections: new Map() };
      visit(catalog, active, counter);
      for (const link of navLinks) {
        const section = document.getElementById(link.dataset.section);
        link.parentElement.hidden = Boolean(section && section.hidden);
        link.querySelector('.n').textContent = String(counter.sections.get(link.dataset.section) ?? 0);
      }
      countChips();
      status.textContent = `${counter.count} of ${total} ${total === 1 ? 'entry' : 'entries'}`;
      clear.hidden = !active;
      empty.hidden = counter.count > 0 || !active;
    };

    search.addEventListener('input', () => {
      state.query = foldAscii(search.value.trim());
      update();
    });
    for (const chip of chips) {
      chip.addEventListener('click', () => {
        const set = chip.dataset.filter === 'tag' ? state.tags : state.kinds;
        const on = chip.getAttribute('aria-pressed') !== 'true';
        chip.setAttribute('aria-pressed', String(on));
        if (on) set.add(chip.dataset.value); else set.delete(chip.dataset.value);
        update();
      });
    }
    clear.addEventListener('click', () => {
      search.value = '';
      state.query = '';
      state.tags.clear();
      state.kinds.clear();
      for (const chip of chips) chip.setAttribute('aria-pressed', 'false');
      update();
      search.focus();
    });
    document.addEventListener('keydown', (event) => {
      if (event.key === '/' && document.activeElement !== search) {
        event.preventDefault();
        search.focus();
      } else if (event.key === 'Escape' && document.activeElement === search && search.value) {
        search.value = '';
        search.dispatchEvent(new Event('input'));
      }
    });
    update();
  });
})();
