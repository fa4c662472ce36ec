/** Builds content directories for checker tests: the valid fixture, optionally overlaid with one broken case, in a temp dir. */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ContentTexts, DataName } from '../../../src/lib/content/checker.ts';
import type { Diagnostic } from '../../../src/lib/content/load.ts';
import { dataFiles } from '../../../src/lib/content/schemas.ts';

/** tests/fixtures/content */
export const FIXTURES = fileURLToPath(new URL('../../fixtures/content/', import.meta.url));

/** The complete, valid fixture story. */
export const VALID_DIR = path.join(FIXTURES, 'valid');

const made: string[] = [];

/** A temp copy of the valid fixture with `broken/<name>/` copied over it (only the files that differ). */
export function brokenDir(name: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), `content-${name}-`));
  made.push(dir);
  cpSync(VALID_DIR, dir, { recursive: true });
  cpSync(path.join(FIXTURES, 'broken', name), dir, { recursive: true });
  return dir;
}

/** Removes the temp directories made by {@link brokenDir}. */
export function cleanUp(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Names of the broken fixtures on disk. */
export function brokenCases(): string[] {
  return readdirSync(path.join(FIXTURES, 'broken')).sort();
}

/** `places.json:17:5`: a diagnostic's location relative to the content directory `dir`. */
export function where(dir: string, d: Diagnostic): string {
  return `${path.relative(dir, path.resolve(d.file)).split(path.sep).join('/')}:${d.line}:${d.column}`;
}

/** The valid fixture as texts (for the pure checker), with `edit` applied to chosen files. */
export function validTexts(edit: Partial<Record<DataName | `chapters/${string}`, string | null>> = {}): ContentTexts {
  const data = {} as ContentTexts['data'];
  for (const name of Object.keys(dataFiles) as DataName[]) {
    const file = `content/${dataFiles[name].file}`;
    const text = name in edit ? (edit[name] ?? null) : readFileSync(path.join(VALID_DIR, dataFiles[name].file), 'utf8');
    data[name] = { file, text };
  }
  const names = new Set(readdirSync(path.join(VALID_DIR, 'chapters')));
  for (const key of Object.keys(edit)) if (key.startsWith('chapters/')) names.add(key.slice('chapters/'.length));
  const chapters: { file: string; name: string; text: string }[] = [];
  for (const name of [...names].sort()) {
    const key = `chapters/${name}` as const;
    const text = key in edit ? edit[key] : readFileSync(path.join(VALID_DIR, 'chapters', name), 'utf8');
    if (text === null || text === undefined) continue;
    chapters.push({ file: `content/chapters/${name}`, name, text });
  }
  return { data, chaptersDir: 'content/chapters', chapters };
}

/** Reads a file of the valid fixture. */
export function validFile(rel: string): string {
  return readFileSync(path.join(VALID_DIR, rel), 'utf8');
}
