/**
 * The broken-input corpus as an editor meets it: every case of tests/fixtures/content/broken/ (the
 * checker's own corpus) and tests/fixtures/editor/ (more mistakes editors make), each laid over a
 * copy of the valid fixture, checked, and printed the way `npm run check:content` prints it from
 * the project root with the default content/ directory.
 *
 * Run it to print every message (to paste into content/README.md after changing a message):
 *   node tests/unit/guide/corpus.ts [case-name…]
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkContent, formatDiagnostic, type Diagnostic } from '../../../src/lib/content/load.ts';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const VALID_DIR = path.join(ROOT, 'tests/fixtures/content/valid');
const CORPORA = [path.join(ROOT, 'tests/fixtures/content/broken'), path.join(ROOT, 'tests/fixtures/editor')];

/** One broken case: its name and the folder holding the files that replace the valid fixture's. */
export interface BrokenCase {
  name: string;
  overlay: string;
}

/** Every case of both corpora, sorted by name. */
export function brokenCases(): BrokenCase[] {
  return CORPORA.flatMap((dir) => readdirSync(dir).map((name) => ({ name, overlay: path.join(dir, name) }))).sort((a, b) => (a.name < b.name ? -1 : 1));
}

/**
 * A temp copy of the valid fixture with `overlay` copied over it; a `REMOVE` file in the overlay
 * lists paths (one a line) to delete instead. The caller removes the directory.
 */
export function materialise(overlay: string | null): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'guide-'));
  cpSync(VALID_DIR, dir, { recursive: true });
  if (overlay) {
    cpSync(overlay, dir, { recursive: true, filter: (src) => path.basename(src) !== 'REMOVE' });
    const remove = path.join(overlay, 'REMOVE');
    if (existsSync(remove)) {
      for (const rel of readFileSync(remove, 'utf8').split('\n').filter(Boolean)) rmSync(path.join(dir, rel), { recursive: true, force: true });
    }
  }
  return dir;
}

/** A diagnostic as printed from the project root for content/ (the temp directory's path replaced by `content`). */
export function printed(d: Diagnostic, dir: string): string {
  const real = path.resolve(dir);
  return formatDiagnostic(d).split(real).join('content').split(path.relative(process.cwd(), real)).join('content');
}

/** Every diagnostic `checkContent` reports for the content directory `dir`, printed. */
export function messagesOf(dir: string): { errors: string[]; warnings: string[] } {
  const ds = checkContent(dir).diagnostics;
  return {
    errors: ds.filter((d) => d.severity === 'error').map((d) => printed(d, dir)),
    warnings: ds.filter((d) => d.severity === 'warning').map((d) => printed(d, dir)),
  };
}

/** The printed messages of one case. */
export function caseMessages(c: BrokenCase): { errors: string[]; warnings: string[] } {
  const dir = materialise(c.overlay);
  try {
    return messagesOf(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const only = process.argv.slice(2);
  for (const c of brokenCases()) {
    if (only.length && !only.includes(c.name)) continue;
    const { errors, warnings } = caseMessages(c);
    console.log(`# ${c.name}`);
    for (const line of [...errors, ...warnings]) console.log(line);
  }
}
