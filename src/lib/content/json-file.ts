/** Parses a JSON data file into a position-aware tree and maps value paths to their line and column. */
import { findNodeAtLocation, getNodePath, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { createLineIndex, type Diagnostic, type Position } from './diagnostics.ts';
import type { SchemaProblem, ValuePath } from './issues.ts';

/** A parsed JSON file: its data, its syntax tree with offsets, and an offset → position map. */
export interface JsonFile {
  file: string;
  text: string;
  root: Node;
  data: unknown;
  position: (offset: number) => Position;
}

const SYNTAX_MESSAGES: Record<string, { message: string; suggestion: string }> = {
  InvalidSymbol: { message: 'unexpected character', suggestion: 'check for single quotes, a missing quote or a stray character; JSON strings use double quotes' },
  InvalidNumberFormat: { message: 'malformed number', suggestion: 'write numbers like 34.45 or -2 (no leading +, no trailing dot)' },
  PropertyNameExpected: { message: 'expected a key in double quotes', suggestion: 'write keys in double quotes: "name": …' },
  ValueExpected: { message: 'expected a value', suggestion: 'give a value (text in double quotes, a number, true/false, a list or an object)' },
  ColonExpected: { message: 'expected ":" after the key', suggestion: 'write "key": value' },
  CommaExpected: { message: 'expected a comma', suggestion: 'separate entries and keys with commas' },
  CloseBraceExpected: { message: 'expected "}"', suggestion: 'close the object with }' },
  CloseBracketExpected: { message: 'expected "]"', suggestion: 'close the list with ]' },
  EndOfFileExpected: { message: 'unexpected text after the end of the data', suggestion: 'remove what follows the closing bracket, or wrap all entries in one list' },
  InvalidCommentToken: { message: 'comments are not allowed in JSON', suggestion: 'remove the comment; put notes in a "note" field' },
  UnexpectedEndOfComment: { message: 'comments are not allowed in JSON', suggestion: 'remove the comment' },
  UnexpectedEndOfString: { message: 'text is not closed', suggestion: 'add the closing double quote' },
  UnexpectedEndOfNumber: { message: 'number is cut off', suggestion: 'complete the number' },
  InvalidUnicode: { message: 'invalid \\u escape', suggestion: 'write the character itself' },
  InvalidEscapeCharacter: { message: 'invalid escape after a backslash', suggestion: 'write \\\\ for a backslash, \\" for a quote' },
  InvalidCharacter: { message: 'control character (e.g. a line break or tab) inside text', suggestion: 'keep text on one line; write \\n for a line break' },
};

/**
 * Parses strict JSON (no comments, no trailing commas). On a syntax error, records one error
 * diagnostic (the first; later ones usually follow from it) and returns null.
 */
export function parseJsonFile(file: string, text: string, diagnostics: Diagnostic[]): JsonFile | null {
  const errors: ParseError[] = [];
  const body = text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text;
  const root = parseTree(body, errors, { disallowComments: true, allowTrailingComma: false });
  const position = createLineIndex(body);
  const first = errors[0];
  if (first || !root) {
    const code = first ? printParseErrorCode(first.error) : 'ValueExpected';
    const offset = first?.offset ?? 0;
    const before = body.slice(0, offset).replace(/\s+$/, '');
    const trailing = /[}\]]/.test(body.charAt(offset)) && before.endsWith(',');
    const known = SYNTAX_MESSAGES[code] ?? { message: code, suggestion: 'fix the JSON syntax' };
    const at = trailing ? position(before.length - 1) : position(offset);
    diagnostics.push({
      severity: 'error',
      file,
      ...at,
      field: 'JSON syntax',
      message: trailing ? 'trailing comma before the closing bracket' : known.message,
      expected: 'valid JSON',
      suggestion: trailing ? 'remove the comma after the last entry' : known.suggestion,
    });
    return null;
  }
  const duplicates = duplicateKeys(file, root, position);
  if (duplicates.length > 0) {
    diagnostics.push(...duplicates);
    return null;
  }
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch (err) {
    diagnostics.push({ severity: 'error', file, line: 1, column: 1, field: 'JSON syntax', message: String(err), expected: 'valid JSON' });
    return null;
  }
  return { file, text: body, root, data, position };
}

/**
 * A key written twice in one object (`"lat": 1, "lat": 34.45`): JSON.parse silently keeps the last,
 * so the checker would never see the first. One error per repeat, at the repeated key.
 */
function duplicateKeys(file: string, root: Node, position: JsonFile['position']): Diagnostic[] {
  const found: Diagnostic[] = [];
  const name = file.split(/[\\/]/).pop()!.replace(/\.json$/, '');
  const visit = (node: Node): void => {
    if (node.type === 'object') {
      const seen = new Map<string, Node>();
      for (const prop of node.children ?? []) {
        const key = prop.children?.[0];
        if (!key || typeof key.value !== 'string') continue;
        const first = seen.get(key.value);
        if (!first) {
          seen.set(key.value, key);
          continue;
        }
        const was = position(first.offset);
        found.push({
          severity: 'error',
          file,
          ...position(key.offset),
          field: formatField(name, getNodePath(prop.children?.[1] ?? key)),
          message: `duplicate key "${key.value}" (also at line ${was.line}, column ${was.column}); JSON keeps only the last one`,
          expected: 'each key once per entry',
          suggestion: `keep one "${key.value}" and delete the other`,
        });
      }
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(root);
  return found;
}

/** The deepest existing node along `path`. */
function deepestNode(json: JsonFile, path: ValuePath): Node {
  for (let n = path.length; n >= 0; n--) {
    const node = findNodeAtLocation(json.root, path.slice(0, n));
    if (node) return node;
  }
  return json.root;
}

/**
 * Line and column of the value at `path` (`at: 'key'`: of its key; `'parent'`: of the enclosing
 * object, for missing keys). Falls back to the deepest existing ancestor.
 */
export function locate(json: JsonFile, path: ValuePath, at: SchemaProblem['at'] = 'value'): Position {
  if (at === 'parent') return json.position(deepestNode(json, path.slice(0, -1)).offset);
  const node = findNodeAtLocation(json.root, path);
  if (!node) return json.position(deepestNode(json, path).offset);
  if (at === 'key' && node.parent?.type === 'property' && node.parent.children?.[0]) {
    return json.position(node.parent.children[0].offset);
  }
  return json.position(node.offset);
}

/** `places[3].lat`, `story.credits[0].name`: a value path as the editor reads it. */
export function formatField(root: string, path: ValuePath): string {
  let out = root;
  for (const step of path) out += typeof step === 'number' ? `[${step}]` : /^[A-Za-z_$][\w$]*$/.test(step) ? `.${step}` : `[${JSON.stringify(step)}]`;
  return out;
}
