/**
 * The issue asks that the whole end-to-end suite fail on any CSP violation, console error, page
 * error or off-site request. tests/e2e/fixtures.ts does that in its `problems` fixture, but a
 * Playwright fixture only runs for tests that ask for it — so it must be automatic, and every spec
 * must take `test` from fixtures.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const dir = new URL('../../e2e/', import.meta.url);
const specs = readdirSync(dir).filter((f) => f.endsWith('.spec.ts'));

describe('every end-to-end test runs under the problems guard', () => {
  it('the problems fixture is automatic', () => {
    const fixtures = readFileSync(new URL('fixtures.ts', dir), 'utf8');
    expect(fixtures).toMatch(/problems:\s*\[\s*async[\s\S]*\{\s*auto:\s*true\s*\}\s*,?\s*\]/);
  });

  it('every spec either takes test from fixtures.ts or collects page errors itself (editor.spec serves its own build)', () => {
    for (const f of specs) {
      const text = readFileSync(new URL(f, dir), 'utf8');
      const guarded = /from '\.\/fixtures\.ts'/.test(text) || (/page\.on\('pageerror'/.test(text) && /page\.on\('console'/.test(text));
      expect(guarded, f).toBe(true);
    }
  });

  it('the publish and abuse specs take test from fixtures.ts', () => {
    for (const f of specs.filter((s) => /^(publish|abuse)/.test(s))) {
      expect(readFileSync(new URL(f, dir), 'utf8'), f).toMatch(/import \{[^}]*\btest\b[^}]*\} from '\.\/fixtures\.ts'/);
    }
  });
});
