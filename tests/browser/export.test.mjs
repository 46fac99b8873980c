// `curate export --format html` in headless Chromium: every entry renders,
// the search box and the tag/kind filters agree with `curate list`, list
// text never runs as script, and the page fetches nothing.
// Run by tests/browser/run with CURATE_BIN, CURATE_ROOT and CURATE_ARTIFACTS set.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const bin = process.env.CURATE_BIN;
const root = process.env.CURATE_ROOT;
const artifacts = process.env.CURATE_ARTIFACTS;
assert.ok(bin && root && artifacts, 'CURATE_BIN, CURATE_ROOT and CURATE_ARTIFACTS must be set');
mkdirSync(artifacts, { recursive: true });

const curate = (...args) => execFileSync(bin, args, { cwd: root, encoding: 'utf8' });
const count = (...args) => Number(curate('list', '--count', ...args).trim());
const exportPage = (list, name) => {
  const file = join(artifacts, name);
  curate('export', '--format', 'html', list, '-o', file);
  return pathToFileURL(file).href;
};

const seed = 'data/resources.md';
const special = 'tests/data/special.md';
let browser;
const requests = [];    // every request other than the page itself
const problems = [];    // console errors, page errors, dialogs

before(async () => {
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic',
      '--no-first-run', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
});
after(async () => { await browser?.close(); });

// A page that records (and blocks) every request but the page's own file.
async function open(url, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  await context.route('**/*', (route) => {
    if (route.request().url() === url) return route.continue();
    requests.push(route.request().url());
    return route.abort();
  });
  const page = await context.newPage();
  page.on('request', (request) => { if (request.url() !== url) requests.push(request.url()); });
  page.on('console', (message) => { if (message.type() === 'error') problems.push(message.text()); });
  page.on('pageerror', (error) => problems.push(String(error)));
  page.on('dialog', (dialog) => { problems.push(`dialog: ${dialog.message()}`); dialog.dismiss(); });
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForLoadState('networkidle');
  return page;
}

// Entries a reader sees as results: visible, and not dimmed as context.
const visibleEntries = (page) => page.evaluate(() => Array.from(document.querySelectorAll('li.entry'))
  .filter((el) => el.checkVisibility() && !el.classList.contains('is-context') && !el.classList.contains('context'))
  .length);
const statusText = (page) => page.locator('#curateStatus').textContent();

test('the seed renders every entry that list --count counts', async () => {
  const page = await open(exportPage(seed, 'seed.html'));
  const total = count(seed);
  assert.equal(await page.locator('li.entry').count(), total);
  assert.equal(await visibleEntries(page), total);
  assert.equal(await statusText(page), `${total} of ${total} entries`);
  const slugs = [];
  const walk = (node) => { for (const child of node.sections) { slugs.push(child.slug); walk(child); } };
  walk(JSON.parse(curate('sections', '--format', 'json', seed)));
  assert.ok(slugs.length > 5);
  for (const slug of slugs) {
    assert.equal(await page.locator(`section[id="${slug}"]`).count(), 1, `section ${slug}`);
    assert.equal(await page.locator(`.toc a[href="#${slug}"]`).count(), 1, `nav link ${slug}`);
  }
  await page.context().close();
});

test('typing in the search box narrows the visible entries to list --grep counts', async () => {
  const page = await open(exportPage(seed, 'seed.html'));
  for (const query of ['deep', 'OpenAI', 'youtube.com', 'LeCun', 'zzz-no-match']) {
    await page.fill('#curateSearch', '');
    await page.locator('#curateSearch').pressSequentially(query);
    const expected = count(seed, '--grep', query);
    assert.equal(await visibleEntries(page), expected, `query ${query}`);
    assert.match(await statusText(page), new RegExp(`^${expected} of `));
    assert.equal(await page.locator('#curateEmpty').isVisible(), expected === 0);
  }
  await page.context().close();
});

test('the cult tag filter shows exactly the 15 cult entries, and kinds narrow it like list --kind', async () => {
  const page = await open(exportPage(seed, 'seed.html'));
  await page.click('.chip[data-filter="tag"][data-value="cult"]');
  assert.equal(count(seed, '--tag', 'cult'), 15);
  assert.equal(await visibleEntries(page), 15);
  assert.equal(await statusText(page), `15 of ${count(seed)} entries`);
  await page.click('.chip[data-filter="kind"][data-value="paper"]');
  assert.equal(await visibleEntries(page), count(seed, '--tag', 'cult', '--kind', 'paper'));
  await page.click('.chip[data-filter="kind"][data-value="book"]');
  assert.equal(await visibleEntries(page), count(seed, '--tag', 'cult', '--kind', 'paper', '--kind', 'book'));
  await page.click('.chip[data-filter="kind"][data-value="paper"]');
  await page.click('.chip[data-filter="kind"][data-value="book"]');
  await page.screenshot({ path: join(artifacts, 'export-cult.png'), fullPage: true });
  const mlops = page.locator('.toc a[href="#mlops"] .n');
  assert.equal(Number(await mlops.textContent()), count(seed, '--tag', 'cult', '--section', 'MLOps'));
  await page.click('#curateClear');
  assert.equal(await visibleEntries(page), count(seed));
  assert.equal(Number(await mlops.textContent()), count(seed, '--section', 'MLOps'));
  await page.context().close();
});

test('tag and kind counts follow the search box and the other filters', async () => {
  const page = await open(exportPage(seed, 'seed.html'));
  const chipCount = async (filter, value) =>
    Number(await page.locator(`.chip[data-filter="${filter}"][data-value="${value}"] .n`).textContent());
  assert.equal(await chipCount('tag', 'cult'), count(seed, '--tag', 'cult'));
  await page.locator('#curateSearch').pressSequentially('deep');
  assert.equal(await chipCount('tag', 'cult'), count(seed, '--grep', 'deep', '--tag', 'cult'));
  assert.equal(await chipCount('kind', 'book'), count(seed, '--grep', 'deep', '--kind', 'book'));
  await page.click('.chip[data-filter="tag"][data-value="cult"]');
  // Kinds count within search and tags; they widen each other, so a chosen
  // kind leaves the other kinds' counts as they were.
  assert.equal(await chipCount('kind', 'book'), count(seed, '--grep', 'deep', '--tag', 'cult', '--kind', 'book'));
  await page.click('.chip[data-filter="kind"][data-value="book"]');
  assert.equal(await chipCount('kind', 'paper'), count(seed, '--grep', 'deep', '--tag', 'cult', '--kind', 'paper'));
  assert.equal(await chipCount('tag', 'cult'), count(seed, '--grep', 'deep', '--tag', 'cult', '--kind', 'book'));
  assert.equal(await chipCount('tag', 'introductionary'),
    count(seed, '--grep', 'deep', '--tag', 'cult', '--tag', 'introductionary', '--kind', 'book'));
  await page.click('#curateClear');
  assert.equal(await chipCount('tag', 'cult'), count(seed, '--tag', 'cult'));
  await page.context().close();
});

test('titles with <script> render as text and nothing in the list runs', async () => {
  const page = await open(exportPage(special, 'special.html'));
  const listed = JSON.parse(curate('list', '--format', 'json', special));
  const titles = await page.locator('li.entry > .card .title').allTextContents();
  assert.deepEqual(titles, listed.map((entry) => entry.title));
  assert.ok(titles.some((title) => title.includes('<script>')), 'the fixture has a <script> title');
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await page.evaluate(() => document.scripts.length), 1);
  const { title } = JSON.parse(curate('export', '--format', 'json', special));
  assert.equal(title, 'Tricky <b>titles</b> & "quotes"');
  assert.equal(await page.evaluate(() => document.title), title);
  assert.equal(await page.locator('h1').textContent(), title);
  const hrefs = await page.evaluate(() => Array.from(document.querySelectorAll('a[href]'), (a) => a.href));
  for (const href of hrefs) assert.match(href, /^(https?:|mailto:|ftp:|file:)/, href);
  const handlers = await page.evaluate(() => Array.from(document.querySelectorAll('*'))
    .flatMap((el) => Array.from(el.attributes, (attr) => attr.name)).filter((name) => name.startsWith('on')));
  assert.deepEqual(handlers, []);
  await page.fill('#curateSearch', 'script');
  assert.equal(await visibleEntries(page), count(special, '--grep', 'script'));
  // A section slugged like a control ("search") keeps its anchor and its nav count.
  assert.equal(await page.evaluate(() => document.getElementById('search').tagName), 'SECTION');
  assert.equal(await page.locator('.toc a[href="#search"]').isVisible(), false);
  await page.fill('#curateSearch', 'clash');
  assert.equal(await page.locator('.toc a[href="#search"] .n').textContent(), '1');
  await page.context().close();
});

test('the theme toggle switches between light and dark', async () => {
  const page = await open(exportPage(seed, 'seed.html'), { colorScheme: 'light' });
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const light = await background();
  await page.click('#curateTheme');
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
  assert.notEqual(await background(), light);
  await page.screenshot({ path: join(artifacts, 'export-dark.png'), fullPage: false });
  await page.context().close();
});

test('the page is readable on a phone and a screenshot is saved', async () => {
  const desktop = await open(exportPage(seed, 'seed.html'), { colorScheme: 'light' });
  await desktop.screenshot({ path: join(artifacts, 'export.png'), fullPage: false });
  await desktop.context().close();
  const phone = await open(exportPage(seed, 'seed.html'), { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2,
    isMobile: true, hasTouch: true, colorScheme: 'dark' });
  const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page is ${overflow}px wider than the phone`);
  await phone.screenshot({ path: join(artifacts, 'export-phone.png'), fullPage: false });
  await phone.context().close();
});

test('the page makes no network request and logs no error', () => {
  assert.deepEqual(requests, []);
  assert.deepEqual(problems, []);
});
