import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { request } from 'node:http';
import { afterAll, describe, expect, it } from 'vitest';
import { parseHeadersFile } from '../../../src/integrations/publish-files.ts';
import { cacheControlFor, serveStatic } from '../../../src/scripts/bench/server.ts';

const dir = mkdtempSync(join(tmpdir(), 'bench-server-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** GET `url` exactly as written: the path is sent raw (no client-side `..` normalisation), as an attacker would send it. */
function get(url: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }> {
  const { host, origin } = new URL(url);
  const [hostname, port] = host.split(':');
  return new Promise((ok, fail) => {
    request({ hostname, port: Number(port), path: url.slice(origin.length) || '/', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => ok({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    })
      .on('error', fail)
      .end();
  });
}

describe('bench server', () => {
  it("cacheControlFor reads Cache-Control from a _headers file with the publish step's parser and matching", () => {
    const rules = parseHeadersFile(
      '# comment\n/*\n  X-Frame-Options: DENY\n/_astro/*\n  Cache-Control: public, max-age=31536000, immutable\n/\n  Cache-Control: no-cache\n',
    );
    expect(cacheControlFor(rules, '/_astro/a.js')).toBe('public, max-age=31536000, immutable');
    expect(cacheControlFor(rules, '/')).toBe('no-cache');
    expect(cacheControlFor(rules, '/favicon.svg')).toBeNull();
  });

  it('serveStatic sends text gzipped with the site Cache-Control, extra pages, 304 on a matching ETag and 404s', async () => {
    writeFileSync(join(dir, 'index.html'), '<p>hello</p>'.repeat(50));
    writeFileSync(join(dir, '_headers'), '/\n  Cache-Control: public, max-age=0, must-revalidate\n');
    const server = await serveStatic({ root: dir, extra: { '/__bare/': '<p>bare</p>' } });
    try {
      const page = await get(`${server.origin}/`, { 'accept-encoding': 'gzip' });
      expect(page.status).toBe(200);
      expect(page.headers['content-encoding']).toBe('gzip');
      expect(page.headers['cache-control']).toBe('public, max-age=0, must-revalidate');
      expect(gunzipSync(page.body).toString()).toBe('<p>hello</p>'.repeat(50));
      const again = await get(`${server.origin}/`, { 'if-none-match': String(page.headers.etag) });
      expect(again.status).toBe(304);
      expect((await get(`${server.origin}/__bare/`)).body.toString()).toBe('<p>bare</p>');
      expect((await get(`${server.origin}/nope.js`)).status).toBe(404);
    } finally {
      await server.close();
    }
  });

  it('serveStatic never serves a file outside its root, however the path is spelled', async () => {
    const root = join(dir, 'site');
    mkdirSync(root, { recursive: true });
    writeFileSync(join(root, 'index.html'), '<p>site</p>');
    writeFileSync(join(dir, 'secret.txt'), 'SECRET');
    const server = await serveStatic({ root });
    try {
      for (const path of ['/../secret.txt', '/..%2fsecret.txt', '/%2e%2e%2fsecret.txt', '/..%5csecret.txt']) {
        const res = await get(`${server.origin}${path}`);
        expect(res.body.toString(), path).not.toContain('SECRET');
        expect(res.status, path).toBe(404);
      }
    } finally {
      await server.close();
    }
  });
});
