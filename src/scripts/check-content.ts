/** Checks the content directory (CONTENT_DIR or content/), prints every diagnostic and a summary, and exits 1 on any error. */
import { checkContent, formatDiagnostic, resolveContentDir } from '../lib/content/load.ts';

const result = checkContent(resolveContentDir(process.env));
const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
const warnings = result.diagnostics.length - errors;
const steps = result.chapters.reduce((n, c) => n + c.steps.length, 0);
const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

for (const d of result.diagnostics) console.log(formatDiagnostic(d));
console.log(`content: ${plural(result.chapters.length, 'chapter')}, ${plural(steps, 'step')}, ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`);
process.exitCode = errors > 0 ? 1 : 0;
