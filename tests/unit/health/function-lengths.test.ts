/**
 * No function in src/ reaches 120 lines (issue 12): measured with the TypeScript compiler by
 * src/scripts/function-lengths.ts over every .ts file and Astro frontmatter.
 */
import { describe, expect, it } from 'vitest';
import { astroFrontmatter, functionLengths, MAX_FUNCTION_LINES, measureSource } from '../../../src/scripts/function-lengths.ts';

describe('function lengths', () => {
  it('measures each function from its first line to its last, nested ones included, and names it', () => {
    const body = Array.from({ length: 128 }, (_, i) => `  const v${i} = ${i};`).join('\n');
    const text = `// a comment\nexport function long(): void {\n${body}\n  const inner = () => {\n    return 1;\n  };\n}\nclass C {\n  m() {}\n}\n`;
    const found = measureSource('x.ts', text).map((f) => `${f.name}@${f.line}:${f.lines}`);
    expect(found).toEqual(['long@2:133', 'inner@131:3', 'm@136:1']);
  });

  it('reads the frontmatter of an Astro component, with its file lines', () => {
    const front = astroFrontmatter('---\nconst a = 1;\nconst f = (x: number) => {\n  return x;\n};\n---\n<p>{f(a)}</p>\n');
    expect(front).not.toBeNull();
    expect(measureSource('c.astro', front!.code, front!.offset).map((f) => `${f.name}@${f.line}:${f.lines}`)).toEqual(['f@3:3']);
  });

  it(`every function in src/ is shorter than ${MAX_FUNCTION_LINES} lines`, () => {
    const all = functionLengths('src');
    expect(all.length).toBeGreaterThan(500);
    expect(all.filter((f) => f.lines >= MAX_FUNCTION_LINES).map((f) => `${f.file}:${f.line} ${f.name}: ${f.lines} lines`)).toEqual([]);
  });
});
