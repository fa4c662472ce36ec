/**
 * A tiny static file server for the benchmark: serves a built site on 127.0.0.1 and sends text
 * files gzip-compressed (zlib's default level, the same gzip the byte budgets use), so that the
 * bytes the browser reports as transferred are what a gzip-serving host would send. Cache-Control
 * follows the site's own `_headers` file (parsed and matched as Netlify or Cloudflare Pages would, by the publish step's code), with
 * ETags, so revalidations show up as the requests they would be.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { headersFor, parseHeadersFile, type HeaderRule } from '../../integrations/publish-files.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
};

/** Content types worth compressing (fonts and images are already compressed). */
export function compressible(type: string): boolean {
  return /^text\/|javascript|json|xml|svg/.test(type);
}

/**
 * The Cache-Control a host following the site's `_headers` rules sends for a URL path, read with
 * the same parser and matching as the publish step (src/integrations/publish-files.ts), or null.
 */
export function cacheControlFor(rules: readonly HeaderRule[], path: string): string | null {
  return headersFor(rules, path).get('cache-control') ?? null;
}

export interface StaticServer {
  /** Origin, e.g. http://127.0.0.1:45123 */
  origin: string;
  close(): Promise<void>;
}

export interface ServeOptions {
  /** The built site's folder. */
  root: string;
  /** Extra pages served from memory, by URL path (e.g. "/__bare/": the bare baseline page). */
  extra?: Record<string, string>;
  /** 0 (default) picks a free port. */
  port?: number;
}

/**
 * Serve `root` on 127.0.0.1 with gzip for text and the site's own Cache-Control rules (no-cache
 * where it has none). Each benchmark run uses a fresh browser context, so every run starts cold.
 */
export async function serveStatic(options: ServeOptions): Promise<StaticServer> {
  const root = resolve(options.root);
  const cache = new Map<string, { body: Buffer; gz: Buffer | null; type: string; etag: string }>();
  let rules: HeaderRule[] = [];
  try {
    rules = parseHeadersFile(readFileSync(join(root, '_headers'), 'utf8'));
  } catch {
    /* no _headers: no caching rules */
  }

  async function load(path: string): Promise<{ body: Buffer; gz: Buffer | null; type: string; etag: string } | null> {
    const hit = cache.get(path);
    if (hit) return hit;
    const extra = options.extra?.[path];
    let body: Buffer;
    let type: string;
    if (extra !== undefined) {
      body = Buffer.from(extra, 'utf8');
      type = TYPES['.html']!;
    } else {
      let file = normalize(join(root, decodeURIComponent(path)));
      if (file !== root && !file.startsWith(root + sep)) return null;
      try {
        if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
        body = await readFile(file);
      } catch {
        return null;
      }
      type = TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
    }
    const entry = { body, gz: compressible(type) ? gzipSync(body) : null, type, etag: `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"` };
    cache.set(path, entry);
    return entry;
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const entry = await load(path);
    if (!entry) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const gzip = entry.gz !== null && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    const body = gzip ? entry.gz! : entry.body;
    const cacheControl = cacheControlFor(rules, path) ?? 'no-cache';
    if (req.headers['if-none-match'] === entry.etag) {
      res.writeHead(304, { etag: entry.etag, 'cache-control': cacheControl }).end();
      return;
    }
    res.writeHead(200, {
      'content-type': entry.type,
      'content-length': body.length,
      'cache-control': cacheControl,
      etag: entry.etag,
      ...(gzip ? { 'content-encoding': 'gzip', vary: 'accept-encoding' } : {}),
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      res.writeHead(500).end(String(error));
    });
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, '127.0.0.1', () => ok());
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
