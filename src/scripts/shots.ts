/**
 * The contact sheet (`npm run shots`): builds the site into its own folder, serves it, and in the
 * e2e setup's Chromium (system Chromium, the same flags) opens every step as a reader scrolling
 * there would, with reduced motion (end states at once). It screenshots every step at 390×844 and
 * 1280×800 light, and the first step of every chapter in dark too, and writes shots/index.html: a
 * grid, each shot captioned with the step id, its `file:line`, and the figure-craft violations the
 * audit (tests/e2e/craft.ts, the same measure as tests/e2e/craft.spec.ts) found in it.
 *
 * Usage: npm run shots -- [--audit] [--audit-only] [--dark] [--steps id,id] [--no-build] [--out shots]
 *   --audit       also audit 320×640, 768×1024 and 1920×1080 (light), and print a table of
 *                 violations per viewport (counts by kind, first offenders); shots/audit.json has all
 *   --audit-only  the table only, no screenshots (faster)
 *   --dark        audit every viewport in dark mode too
 *   --steps       only these steps (comma-separated ids)
 *   --no-build    reuse the last build in dist-shots/
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { loadStory } from '../lib/content/load.ts';
import { LAYOUT } from '../lib/scene/layout.ts';
import { CHROMIUM_ARGS } from './bench/measure.ts';
import { serveStatic } from './bench/server.ts';
import { auditStep, DEFAULT_AUDIT, goToStep, KINDS, tally, VIEWPORTS, type Violation } from '../../tests/e2e/craft.ts';
import { regionChanges } from '../lib/audit/geometry.ts';

const { values: args } = parseArgs({
  options: {
    audit: { type: 'boolean', default: false },
    'audit-only': { type: 'boolean', default: false },
    dark: { type: 'boolean', default: false },
    steps: { type: 'string' },
    'no-build': { type: 'boolean', default: false },
    out: { type: 'string', default: 'shots' },
  },
});

const OUT_DIR = 'dist-shots';
const outDir = resolve(args.out);
const auditOnly = args['audit-only'];
const audit = args.audit || auditOnly;

const { chapters } = loadStory(process.env.CONTENT_DIR);
const only = args.steps ? new Set(args.steps.split(',').map((s) => s.trim())) : null;
const steps = chapters.flatMap((c) => c.steps.map((s, i) => ({ id: s.props.id, where: `${s.file}:${s.line}`, chapter: c.slug, first: i === 0 })));
const chosen = only ? steps.filter((s) => only.has(s.id)) : steps;
if (only && chosen.length !== only.size) {
  console.error(`shots: unknown step id(s): ${[...only].filter((id) => !steps.some((s) => s.id === id)).join(', ')}`);
  process.exit(2);
}

if (!args['no-build'] || !existsSync(join(OUT_DIR, 'index.html'))) {
  console.log(`shots: building into ${OUT_DIR}/ …`);
  const r = spawnSync('npm', ['run', 'build'], { env: { ...process.env, OUT_DIR }, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  if (r.status !== 0) {
    console.error(`${r.stdout}${r.stderr}\nshots: the build failed`);
    process.exit(1);
  }
}

const executablePath = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
const server = await serveStatic({ root: OUT_DIR });
const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
const opt = { ...DEFAULT_AUDIT, wideQuery: LAYOUT.wideQuery };

interface Pass {
  width: number;
  height: number;
  scheme: 'light' | 'dark';
  /** Steps screenshotted in this pass. */
  shoot: (s: (typeof steps)[number]) => boolean;
}
const passes: Pass[] = [];
const shotSizes = [VIEWPORTS[1], VIEWPORTS[3]];
for (const vp of VIEWPORTS) {
  const shotSize = shotSizes.some((s) => s.width === vp.width);
  if (!shotSize && !audit) continue;
  passes.push({ width: vp.width, height: vp.height, scheme: 'light', shoot: () => shotSize && !auditOnly });
  if (shotSize || args.dark) passes.push({ width: vp.width, height: vp.height, scheme: 'dark', shoot: (s) => shotSize && !auditOnly && s.first });
}

if (!auditOnly) {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
}

const all: Violation[] = [];
const shots = new Map<string, { file: string; pass: string; violations: Violation[] }[]>();
const t0 = performance.now();
try {
  for (const pass of passes) {
    // The dark pass at shot sizes audits only the steps it shoots (unless --dark).
    const todo = pass.scheme === 'dark' && !args.dark ? chosen.filter((s) => s.first) : chosen;
    if (todo.length === 0) continue;
    const name = `${pass.width}×${pass.height}`;
    const context = await browser.newContext({ viewport: { width: pass.width, height: pass.height }, colorScheme: pass.scheme, reducedMotion: 'reduce' });
    const page = await context.newPage();
    page.on('pageerror', (e) => console.error(`shots: page error at ${name} ${pass.scheme}: ${e.message}`));
    await page.goto(`${server.origin}/#${todo[0]!.id}`);
    await page.waitForFunction(() => document.documentElement.classList.contains('live'));
    const regions: { step: string; width: number; height: number }[] = [];
    for (const s of todo) {
      await goToStep(page, s.id);
      const r = await auditStep(page, s.id, name, pass.scheme, opt);
      all.push(...r.violations);
      if (r.region) regions.push({ step: s.id, ...r.region });
      if (pass.shoot(s)) {
        const file = `${s.id}-${pass.width}-${pass.scheme}.png`;
        await page.screenshot({ path: join(outDir, file) });
        const list = shots.get(s.id) ?? [];
        list.push({ file, pass: `${name} ${pass.scheme}`, violations: r.violations });
        shots.set(s.id, list);
      }
    }
    if (!only)
      for (const c of regionChanges(regions)) all.push({ step: c.step, viewport: name, scheme: pass.scheme, kind: 'resized', texts: [], detail: c.detail });
    await context.close();
    console.log(`shots: ${name} ${pass.scheme}: ${todo.length} steps`);
  }
} finally {
  await browser.close();
  await server.close();
}
const seconds = Math.round((performance.now() - t0) / 1000);

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const line = (v: Violation) => `${v.kind}: ${v.texts.map((t) => `“${t}”`).join(' + ')}${v.texts.length ? ' — ' : ''}${v.detail}`;

if (!auditOnly) {
  const cards = chosen
    .filter((s) => shots.has(s.id))
    .map((s) => {
      const figs = shots
        .get(s.id)!
        .map(
          (shot) =>
            `<figure class="${shot.pass.startsWith('390') ? 'phone' : 'wide'}"><a href="${esc(shot.file)}"><img src="${esc(shot.file)}" alt="" loading="lazy"></a><figcaption><b>#${esc(s.id)}</b> · ${esc(shot.pass)}<br><code>${esc(s.where)}</code>${
              shot.violations.length
                ? `<details${shot.violations.length <= 6 ? ' open' : ''}><summary>${shot.violations.length} violation${shot.violations.length === 1 ? '' : 's'}</summary><ul>${shot.violations.map((v) => `<li>${esc(line(v))}</li>`).join('')}</ul></details>`
                : '<p class="ok">no violations</p>'
            }</figcaption></figure>`,
        )
        .join('');
      return `<section id="${esc(s.id)}"><h2>${s.first ? `${esc(s.chapter)} · ` : ''}#${esc(s.id)} <code>${esc(s.where)}</code></h2><div class="row">${figs}</div></section>`;
    })
    .join('\n');
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>The Pipeline: contact sheet</title><meta name="viewport" content="width=device-width">
<style>body{font:14px/1.4 system-ui,sans-serif;margin:1rem;background:#f4f3ef;color:#1b1d20}h1{font-size:1.3rem}h2{font-size:1rem;margin:1.5rem 0 .4rem}
.row{display:flex;gap:12px;align-items:flex-start;overflow-x:auto}figure{margin:0;flex:none;width:min(42vw,420px)}figure img{width:100%;border:1px solid #bbb;display:block}
figure.phone{width:min(22vw,220px)}figcaption{font-size:12px;margin-top:4px}ul{margin:.2rem 0;padding-left:1.1rem}li{color:#8a1c12}.ok{color:#1d6b2f;margin:.2rem 0}code{font-size:11px}</style></head>
<body><h1>The Pipeline: contact sheet</h1><p>${chosen.length} steps · 390×844 and 1280×800 light; dark for the first step of each chapter · reduced motion, settled figure · ${all.length} audit violations in these passes (see audit.json) · made ${new Date().toISOString()}</p>
${cards}</body></html>\n`;
  writeFileSync(join(outDir, 'index.html'), html);
}
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'audit.json'), `${JSON.stringify(all, null, 1)}\n`);

// The table: per viewport × scheme, counts by kind and the steps concerned, then the first offenders.
const t = tally(all);
const rows = passes.map((p) => `${p.width}×${p.height} ${p.scheme}`).filter((k, i, a) => a.indexOf(k) === i);
const head = ['viewport', ...KINDS, 'steps'];
const table = [head, ...rows.map((k) => [k, ...KINDS.map((kind) => String(t.get(k)?.[kind] ?? 0)), String(t.get(k)?.steps ?? 0)])];
const widths = head.map((_, i) => Math.max(...table.map((r) => r[i]!.length)));
console.log(table.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')).join('\n'));
if (audit) {
  for (const k of rows) {
    const vs = all.filter((v) => `${v.viewport} ${v.scheme}` === k);
    if (!vs.length) continue;
    console.log(`\n${k}: first offenders`);
    for (const kind of KINDS) {
      const first = vs.filter((v) => v.kind === kind).slice(0, 3);
      for (const v of first) console.log(`  #${v.step} (${steps.find((s) => s.id === v.step)?.where ?? '?'}) ${line(v)}`);
    }
  }
}
console.log(
  `\nshots: ${all.length} violations in ${seconds} s${auditOnly ? '' : `; contact sheet: ${join(args.out, 'index.html')}`}; all violations: ${join(args.out, 'audit.json')}`,
);
