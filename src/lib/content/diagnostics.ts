/** Content diagnostics: their shape, their one-line format, source positions and "did you mean" suggestions. */

/** One problem found in the content, located precisely enough for an editor to jump to it. */
export interface Diagnostic {
  /** `error` stops the build; `warning` is printed and the build continues. */
  severity: 'error' | 'warning';
  /** Path of the file relative to the working directory, e.g. `content/places.json`. */
  file: string;
  /** 1-based line; 1 when unknowable. */
  line: number;
  /** 1-based column; 1 when unknowable. */
  column: number;
  /** What is wrong, named as the editor sees it: `places[3].lat`, `step "depots" frame`, `frontmatter.order`. */
  field: string;
  /** What is wrong. */
  message: string;
  /** What a valid value looks like. */
  expected?: string;
  /** The fix, including the closest valid ids: `Did you mean "deir-ezzor"?`. */
  suggestion?: string;
}

/** A 1-based line and column. */
export interface Position {
  line: number;
  column: number;
}

/**
 * One line: `content/places.json:12:5 error places[3].lat: 95 is above 90 (expected …) Fix: …`.
 * The location comes first so editors and terminals can link it.
 */
export function formatDiagnostic(d: Diagnostic): string {
  let out = `${d.file}:${d.line}:${d.column} ${d.severity} ${d.field}: ${d.message}`;
  if (d.expected) out += ` (expected ${d.expected})`;
  if (d.suggestion) out += ` Fix: ${d.suggestion}`;
  return out.replace(/\s*[\r\n]+\s*/g, ' ');
}

/** Orders diagnostics by file, line and column (stable otherwise). */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line || a.column - b.column;
}

/** Returns a function mapping a 0-based character offset in `text` to a 1-based line and column. */
export function createLineIndex(text: string): (offset: number) => Position {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return (offset: number) => {
    const at = Math.max(0, Math.min(offset, text.length));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= at) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: at - (starts[lo] ?? 0) + 1 };
  };
}

/** Levenshtein edit distance between two strings. */
export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  if (!a.length) return b.length;
  if (!b.length) return a.length;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur.push(Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost));
    }
    prev = cur;
  }
  return prev[b.length] ?? 0;
}

/**
 * The candidates closest to `word` (at most `max`, best first): small edit distances (case-insensitive),
 * plus candidates that contain the word or are contained in it. Empty when nothing is plausibly meant.
 */
export function closestMatches(word: string, candidates: Iterable<string>, max = 3): string[] {
  const w = word.toLowerCase();
  const limit = Math.max(2, Math.floor(w.length * 0.4));
  const scored: { c: string; d: number }[] = [];
  for (const c of new Set(candidates)) {
    if (c === word) continue;
    const lc = c.toLowerCase();
    let d = levenshtein(w, lc);
    if (d > limit && w.length >= 3 && (lc.includes(w) || w.includes(lc))) d = limit;
    if (d <= limit) scored.push({ c, d });
  }
  scored.sort((x, y) => x.d - y.d || (x.c < y.c ? -1 : 1));
  return scored.slice(0, max).map((s) => s.c);
}

/** Quotes a list for prose: `"a"`, `"a" or "b"`, `"a", "b" or "c"`. */
export function quoteList(items: readonly string[], conjunction = 'or'): string {
  const q = items.map((i) => `"${i}"`);
  if (q.length <= 1) return q.join('');
  return `${q.slice(0, -1).join(', ')} ${conjunction} ${q[q.length - 1]}`;
}

/** `Did you mean "x"?` for the closest candidates, or `fallback` when none is close. */
export function didYouMean(word: string, candidates: Iterable<string>, fallback?: string): string | undefined {
  const best = closestMatches(word, candidates);
  if (best.length) return `Did you mean ${quoteList(best)}?`;
  return fallback;
}

/** Turns a name into the kebab-case ASCII id it most likely stands for: "Deir ez-Zor" → "deir-ez-zor". */
export function toKebabId(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** A short, single-line rendering of a JSON-like value for messages. */
export function preview(value: unknown): string {
  if (value === undefined) return 'nothing';
  let s: string;
  try {
    s = JSON.stringify(value) ?? String(value);
  } catch {
    s = String(value);
  }
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}
