import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fileFor, gzipSize, moduleImports, pageAssets, pageReferences } from '../../../src/scripts/bench/assets.ts';
import { bareBaseline, scriptless } from '../../../src/scripts/bench/bare.ts';

const dir = mkdtempSync(join(tmpdir(), 'bench-assets-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const html = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>T</title>
<link rel="icon" href="/favicon.svg" type="image/svg+xml"><link rel="stylesheet" href="/_astro/a.css">
<script type="module" src="/_astro/entry.js"></script></head><body>
<header class="masthead"><h1>Title</h1><p class="dek">Dek</p></header><main>rest</main>
<script>console.log(1)</script><script type="application/json">{"data":1}</script></body></html>`;

describe('bench assets', () => {
  it('pageReferences lists scripts, inline scripts (not JSON data), stylesheets and icons', () => {
    const refs = pageReferences(html);
    expect(refs.scripts).toEqual(['/_astro/entry.js']);
    expect(refs.inlineScripts).toEqual(['console.log(1)']);
    expect(refs.stylesheets).toEqual(['/_astro/a.css']);
    expect(refs.icons).toEqual(['/favicon.svg']);
  });

  it('moduleImports finds static, dynamic and re-export specifiers of a built chunk', () => {
    const code = `import{a as b}from"./chunk.B1.js";import"./side.js";const x=()=>import("./lazy.C2.js");export{y}from"./re.js";import z from "d3";`;
    expect(moduleImports(code).sort()).toEqual(['./chunk.B1.js', './lazy.C2.js', './re.js', './side.js']);
  });

  it('pageAssets follows imported chunks and sizes everything with gzip', () => {
    mkdirSync(join(dir, '_astro'), { recursive: true });
    writeFileSync(join(dir, 'index.html'), html);
    writeFileSync(join(dir, 'favicon.svg'), '<svg/>');
    writeFileSync(join(dir, '_astro/a.css'), 'body{color:red}');
    writeFileSync(join(dir, '_astro/entry.js'), 'import"./dep.js";console.log("entry")');
    writeFileSync(join(dir, '_astro/dep.js'), 'export const d=1;import("./entry.js")');
    const a = pageAssets(dir, '/', '/');
    expect(a.scripts.map((s) => s.path)).toEqual(['/_astro/entry.js', '/_astro/dep.js', 'inline script #1']);
    expect(a.scripts[0]!.gzip).toBe(gzipSize('import"./dep.js";console.log("entry")'));
    expect(a.stylesheets.map((s) => s.path)).toEqual(['/_astro/a.css']);
    expect(a.icons[0]!.bytes).toBe(6);
    expect(fileFor(dir, '/missing.js')).toBeNull();
    expect(fileFor(dir, '/explainer/_astro/a.css', '/explainer/')).toBe(join(dir, '_astro/a.css'));
    expect(fileFor(dir, '/_astro/a.css', '/explainer/')).toBeNull();
  });

  it('bareBaseline keeps the head without scripts and only the masthead', () => {
    const bare = bareBaseline(html);
    expect(bare).toContain('<link rel="stylesheet" href="/_astro/a.css">');
    expect(bare).toContain('<p class="dek">Dek</p>');
    expect(bare).not.toContain('<script');
    expect(bare).not.toContain('rest');
    expect(() => bareBaseline('<html><body></body></html>')).toThrow(/masthead/);
  });

  it('scriptless drops the module script and keeps the rest of the page', () => {
    const page = scriptless(html);
    expect(page).not.toContain('/_astro/entry.js');
    expect(page).toContain('<script>console.log(1)</script>');
    expect(page).toContain('<main>rest</main>');
    expect(page).toContain('<link rel="stylesheet" href="/_astro/a.css">');
  });
});
