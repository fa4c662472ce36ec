/**
 * deploy/nginx.conf, for real: when nginx is installed (/usr/sbin/nginx, or NGINX=path), start it on
 * 127.0.0.1 with that server block — only its `listen` and `root` changed — serving the sub-path
 * build (dist-explainer/) at /explainer/, and check that it sends the same headers as the generated
 * _headers file, serves the 404 page, and that the story runs in Chromium under those headers
 * (including the header CSP, which a page cannot frame). Skipped when nginx is missing.
 * Runs in the sub-path project only (playwright.config.ts).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { headersFor, parseHeadersFile, type HeaderRule } from '../../src/integrations/publish-files.ts';
import { expect, test } from './fixtures.ts';
import { expectActiveEndState, steps } from './publish-helpers.ts';

const NGINX = process.env.NGINX ?? '/usr/sbin/nginx';
const PORT = Number(process.env.E2E_NGINX_PORT ?? Number(process.env.E2E_PORT ?? 4329) + 2);
const OUT = resolve(process.env.SUBPATH_OUT_DIR ?? 'dist-explainer');
const BASE = '/explainer/';
const ORIGIN = `http://127.0.0.1:${PORT}`;

test.skip(!existsSync(NGINX), `nginx is not installed (${NGINX}); apt-get install nginx-light to run these tests`);
test.describe.configure({ mode: 'serial' });
test.use({ baseURL: `${ORIGIN}${BASE}` });

let nginx: ChildProcess | undefined;
let scratch = '';
let rules: HeaderRule[] = [];
let log = '';

test.beforeAll(async () => {
  rules = parseHeadersFile(readFileSync(join(OUT, '_headers'), 'utf8'));
  scratch = mkdtempSync(join(tmpdir(), 'pipeline-nginx-'));
  const root = join(scratch, 'root');
  mkdirSync(root);
  symlinkSync(OUT, join(root, 'explainer'));
  const site = readFileSync('deploy/nginx.conf', 'utf8');
  const local = site.replace(/^ {2}listen 80;$/m, `  listen 127.0.0.1:${PORT};`).replace(/^ {2}root \/srv\/the-pipeline;$/m, `  root ${root};`);
  expect(local, 'deploy/nginx.conf has the listen and root lines this test replaces').not.toBe(site);
  expect(local.match(/127\.0\.0\.1:/g)?.length).toBe(1);
  writeFileSync(join(scratch, 'site.conf'), local);
  for (const d of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(join(scratch, d));
  const asRoot = process.getuid?.() === 0;
  writeFileSync(
    join(scratch, 'nginx.conf'),
    [
      asRoot ? 'user root;' : '',
      'worker_processes 1;',
      `pid ${scratch}/nginx.pid;`,
      `error_log ${scratch}/error.log warn;`,
      'events { worker_connections 64; }',
      'http {',
      existsSync('/etc/nginx/mime.types')
        ? '  include /etc/nginx/mime.types;'
        : '  types { text/html html; text/css css; application/javascript js; image/svg+xml svg; text/plain txt; image/png png; application/xml xml; }',
      '  default_type application/octet-stream;',
      '  access_log off;',
      ...['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((d) => `  ${d === 'body' ? 'client_body' : d}_temp_path ${scratch}/${d};`),
      `  include ${scratch}/site.conf;`,
      '}',
      '',
    ].join('\n'),
  );
  nginx = spawn(NGINX, ['-p', scratch, '-c', join(scratch, 'nginx.conf'), '-g', 'daemon off;'], { stdio: ['ignore', 'pipe', 'pipe'] });
  nginx.stderr!.on('data', (d: Buffer) => (log += d.toString()));
  nginx.stdout!.on('data', (d: Buffer) => (log += d.toString()));
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      const res = await fetch(`${ORIGIN}${BASE}`);
      if (res.ok) break;
    } catch {
      /* not up yet */
    }
    if (nginx.exitCode !== null || Date.now() > deadline) {
      const errors = existsSync(join(scratch, 'error.log')) ? readFileSync(join(scratch, 'error.log'), 'utf8') : '';
      throw new Error(`nginx did not start on ${ORIGIN}: ${log}\n${errors}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
});

test.afterAll(async () => {
  if (nginx && nginx.exitCode === null) {
    nginx.kill('SIGQUIT');
    await new Promise((r) => nginx!.once('exit', r));
  }
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

/** The headers the generated _headers file promises for a path, compared with what nginx sends. */
function expectSameHeaders(path: string, got: Record<string, string>): void {
  const promised = headersFor(rules, path);
  expect(promised.size, `_headers has rules for ${path}`).toBeGreaterThan(0);
  for (const [name, value] of promised) expect(got[name], `${name} for ${path}`).toBe(value);
}

test('nginx sends the headers of the generated _headers file: pages, hashed assets, other files', async ({ request }) => {
  const html = readFileSync(join(OUT, 'index.html'), 'utf8');
  const asset = /src="(\/explainer\/_astro\/[^"]+\.js)"/.exec(html)?.[1];
  expect(asset).toBeTruthy();
  for (const path of [BASE, `${BASE}index.html`, `${BASE}404.html`, `${BASE}favicon.svg`, `${BASE}robots.txt`, asset!]) {
    const res = await request.get(`${ORIGIN}${path}`, { maxRedirects: 0 });
    expect(res.status(), path).toBe(200);
    expectSameHeaders(path, res.headers());
  }
  const js = await request.get(`${ORIGIN}${asset}`, { headers: { 'accept-encoding': 'gzip' } });
  expect(js.headers()['content-type']).toMatch(/javascript/);
  expect(js.headers()['content-encoding']).toBe('gzip');
  expect(js.headers()['server']).toBe('nginx');
});

test('nginx redirects the bare base, serves 404.html for any missing path, and hides _headers', async ({ request }) => {
  const bare = await request.get(`${ORIGIN}${BASE.slice(0, -1)}`, { maxRedirects: 0 });
  expect(bare.status()).toBe(301);
  expect(bare.headers()['location']).toBe(BASE);
  for (const path of [`${BASE}no/such/chapter/`, `${BASE}_astro/missing.js`, `${BASE}_headers`]) {
    const res = await request.get(`${ORIGIN}${path}`);
    expect(res.status(), path).toBe(404);
    expect(await res.text(), path).toContain('Page not found');
    expect(res.headers()['content-security-policy'], path).toBe("frame-ancestors 'none'; base-uri 'self'; object-src 'none'");
    expect(res.headers()['x-content-type-options'], path).toBe('nosniff');
  }
});

test('the story runs under nginx’s headers: live figure, a deep link, no console error', async ({ page, problems }) => {
  const step = steps[Math.floor(steps.length / 3)]!;
  const res = await page.goto(`./#${step.id}`);
  expect(res?.headers()['permissions-policy']).toContain('camera=()');
  await expect(page.locator('html')).toHaveClass(/\blive\b/);
  await expectActiveEndState(page, { expectStep: step.id });
  expect(problems).toEqual([]);
});

test('no other site can frame the story (frame-ancestors in the header CSP)', async ({ page, problems }) => {
  await page.setContent(`<iframe src="${ORIGIN}${BASE}" title="framed"></iframe>`);
  const frame = page.frames()[1]!;
  await expect.poll(() => frame.url()).not.toBe('');
  // Wait for Chromium's refusal itself, not for a fixed time.
  await expect.poll(() => problems.some((p) => p.includes('ERR_BLOCKED_BY_RESPONSE')), { timeout: 10_000 }).toBe(true);
  const framed = await frame.evaluate(() => document.querySelectorAll('[data-step]').length).catch(() => 0);
  expect(framed, 'the framed page did not render the story').toBe(0);
  // Chromium blocks the response (ERR_BLOCKED_BY_RESPONSE) and may log the refusal: expected here.
  const refusals = problems.filter((p) => /ERR_BLOCKED_BY_RESPONSE|frame-ancestors|Refused to (frame|display)/.test(p));
  expect(refusals, 'Chromium refused to frame the page').toContain(`failed request: ${ORIGIN}${BASE} net::ERR_BLOCKED_BY_RESPONSE`);
  problems.splice(0, problems.length, ...problems.filter((p) => !refusals.includes(p)));
  expect(problems).toEqual([]);
});
