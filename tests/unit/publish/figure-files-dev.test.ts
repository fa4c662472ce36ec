/**
 * `npm run dev` has no build output: its server answers the static figure files (lazy <img> of
 * each step, for readers without JavaScript and for print) that a rendered page registered.
 */
import { describe, expect, it } from 'vitest';
import { registerFile, serveRegisteredFiles } from '../../../src/integrations/figure-files.ts';

function request(serve: ReturnType<typeof serveRegisteredFiles>, url: string) {
  const sent: { headers: Record<string, string>; body: string | null; passedOn: boolean } = { headers: {}, body: null, passedOn: false };
  serve(
    { url },
    {
      setHeader: (name, value) => {
        sent.headers[name] = value;
      },
      end: (body) => {
        sent.body = body;
      },
    },
    () => {
      sent.passedOn = true;
    },
  );
  return sent;
}

describe('the dev server and the static figure files', () => {
  const svg = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle r="4"/></svg>\n';
  const path = registerFile('dev-test-figure', svg);

  it('answers a registered file under the base path with the SVG itself', () => {
    for (const base of ['/', '/explainer/', '/explainer']) {
      const prefix = base.replace(/\/?$/, '/');
      const sent = request(serveRegisteredFiles(base), `${prefix}${path}?v=2`);
      expect(sent.passedOn, base).toBe(false);
      expect(sent.body, base).toBe(svg);
      expect(sent.headers['content-type'], base).toMatch(/^image\/svg\+xml/);
    }
  });

  it('passes every other request on: another file, another base, the page', () => {
    const serve = serveRegisteredFiles('/explainer/');
    for (const url of ['/explainer/_astro/not-registered.svg', `/${path}`, '/explainer/', '/explainer/part-2/']) {
      const sent = request(serve, url);
      expect(sent.passedOn, url).toBe(true);
      expect(sent.body, url).toBeNull();
    }
  });
});
