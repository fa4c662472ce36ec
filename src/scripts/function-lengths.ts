/**
 * The length in lines of every function in src/ (TypeScript files and the frontmatter of Astro
 * components), longest first: `node src/scripts/function-lengths.ts [--top N] [dir]`. A function's
 * length runs from its first line to its last, nested functions included; the code-health rule is
 * that none reaches 120 lines (tests/unit/health/function-lengths.test.ts keeps it so).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/** One function: where it is, what it is called, and how many lines it spans. */
export interface FunctionLength {
  file: string;
  /** 1-based line of its first token. */
  line: number;
  name: string;
  lines: number;
}

/** The longest a function in src/ may be, in lines (exclusive). */
export const MAX_FUNCTION_LINES = 120;

/** How a function is named: its own name, the variable or property it is assigned to, or `<anonymous>`. */
function nameOf(node: ts.FunctionLikeDeclaration): string {
  if (node.name && (ts.isIdentifier(node.name) || ts.isPrivateIdentifier(node.name) || ts.isStringLiteral(node.name))) return node.name.text;
  if (ts.isConstructorDeclaration(node)) return 'constructor';
  const parent = node.parent;
  if (ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
  if (ts.isPropertyAssignment(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
  if (ts.isPropertyDeclaration(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
  return '<anonymous>';
}

/** Every function in one TypeScript source text; `lineOffset` shifts line numbers (Astro frontmatter starts after `---`). */
export function measureSource(file: string, text: string, lineOffset = 0): FunctionLength[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const out: FunctionLength[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const fn = node as ts.FunctionLikeDeclaration;
      const first = source.getLineAndCharacterOfPosition(fn.getStart(source)).line;
      const last = source.getLineAndCharacterOfPosition(fn.getEnd()).line;
      out.push({ file, line: first + 1 + lineOffset, name: nameOf(fn), lines: last - first + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

/** The frontmatter script of an Astro component (between the leading `---` fences) and the line it starts on (0-based). */
export function astroFrontmatter(text: string): { code: string; offset: number } | null {
  const lines = text.split('\n');
  if (lines[0]?.trim() !== '---') return null;
  const end = lines.indexOf('---', 1);
  if (end < 0) return null;
  return { code: lines.slice(1, end).join('\n'), offset: 1 };
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

/** Every function in the .ts and .astro files under `dir`, longest first. */
export function functionLengths(dir: string): FunctionLength[] {
  const out: FunctionLength[] = [];
  for (const path of filesUnder(dir)) {
    const file = relative(process.cwd(), path).split('\\').join('/');
    if (path.endsWith('.ts') && !path.endsWith('.d.ts')) out.push(...measureSource(file, readFileSync(path, 'utf8')));
    if (path.endsWith('.astro')) {
      const front = astroFrontmatter(readFileSync(path, 'utf8'));
      if (front) out.push(...measureSource(file, front.code, front.offset));
    }
  }
  return out.sort((a, b) => b.lines - a.lines || a.file.localeCompare(b.file) || a.line - b.line);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const topAt = args.indexOf('--top');
  const top = topAt >= 0 ? Number(args[topAt + 1]) : 10;
  const dir = args.filter((a, i) => !a.startsWith('--') && (topAt < 0 || i !== topAt + 1))[0] ?? 'src';
  const all = functionLengths(dir);
  for (const f of all.slice(0, top)) console.log(`${String(f.lines).padStart(4)}  ${f.file}:${f.line}  ${f.name}`);
  const over = all.filter((f) => f.lines >= MAX_FUNCTION_LINES);
  console.log(`${all.length} functions; ${over.length} of ${MAX_FUNCTION_LINES} lines or more`);
  process.exitCode = over.length > 0 ? 1 : 0;
}
