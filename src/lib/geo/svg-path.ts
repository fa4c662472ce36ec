/**
 * Compact SVG path strings for the basemap: encoding integer tenths of a map unit as relative
 * `m/l/h/v/z` commands, and parsing such paths back into points (for tests and hit-testing).
 * Pure; also safe in the browser.
 */

/** A point in integer tenths of a map unit. */
export type GridPt = readonly [number, number];

/** One subpath of a path: its points and whether it is closed (`z`). */
export interface Subpath<P = [number, number]> {
  points: P[];
  closed: boolean;
}

/** A number of tenths written in map units with the fewest characters: 12 → "1.2", 5 → ".5", -30 → "-3". */
export function formatTenths(n: number): string {
  if (n === 0) return '0';
  const sign = n < 0 ? '-' : '';
  const a = Math.abs(n);
  const whole = Math.floor(a / 10);
  const frac = a % 10;
  if (frac === 0) return `${sign}${whole}`;
  return `${sign}${whole === 0 ? '' : whole}.${frac}`;
}

/**
 * Encode subpaths whose points are integer tenths as a path in map units: the first move is
 * absolute, everything after it relative; `h`/`v` for axis-parallel steps, implicit repetition
 * of `l`, and separators only where the grammar needs them. Repeated points are skipped, and a
 * closed subpath does not repeat its first point.
 */
export function encodePath(subpaths: readonly Subpath<GridPt>[]): string {
  let out = '';
  let lastNumber: string | null = null;
  let lastCommand = '';
  const command = (c: string) => {
    out += c;
    lastCommand = c;
    lastNumber = null;
  };
  const number = (n: number) => {
    const s = formatTenths(n);
    if (lastNumber !== null && !(s.startsWith('-') || (s.startsWith('.') && lastNumber.includes('.')))) out += ' ';
    out += s;
    lastNumber = s;
  };
  let cur: GridPt = [0, 0];
  let first = true;
  for (const { points, closed } of subpaths) {
    const pts = points.filter((p, i) => i === 0 || p[0] !== points[i - 1][0] || p[1] !== points[i - 1][1]);
    if (closed && pts.length > 1 && pts[0][0] === pts[pts.length - 1][0] && pts[0][1] === pts[pts.length - 1][1]) pts.pop();
    if (pts.length < (closed ? 3 : 2)) continue;
    const start = pts[0];
    if (first) {
      command('M');
      number(start[0]);
      number(start[1]);
      first = false;
    } else {
      command('m');
      number(start[0] - cur[0]);
      number(start[1] - cur[1]);
    }
    cur = start;
    for (const p of pts.slice(1)) {
      const dx = p[0] - cur[0];
      const dy = p[1] - cur[1];
      if (dy === 0) {
        if (lastCommand !== 'h') command('h');
        number(dx);
      } else if (dx === 0) {
        if (lastCommand !== 'v') command('v');
        number(dy);
      } else {
        // After a relative move, pairs are relative line-tos already; after anything else say so.
        if (lastCommand !== 'l' && lastCommand !== 'm') command('l');
        number(dx);
        number(dy);
      }
      cur = p;
    }
    if (closed) {
      command('z');
      cur = start;
    }
  }
  return out;
}

const TOKEN = /\s*,?\s*([MLHVZmlhvz]|-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)/y;

/**
 * Parse a path made only of M/L/H/V/Z commands (either case) into absolute subpaths.
 * Throws on any other command or malformed text.
 */
export function parsePath(d: string): Subpath[] {
  const tokens: string[] = [];
  const text = d.trimEnd();
  let pos = 0;
  while (pos < text.length) {
    TOKEN.lastIndex = pos;
    const m = TOKEN.exec(text);
    if (!m) throw new Error(`parsePath: unexpected text at ${pos}: "${text.slice(pos, pos + 12)}"`);
    tokens.push(m[1]);
    pos = TOKEN.lastIndex;
  }
  const subpaths: Subpath[] = [];
  let current: Subpath | null = null;
  let x = 0;
  let y = 0;
  let startX = 0;
  let startY = 0;
  let cmd = '';
  let i = 0;
  const num = (): number => {
    const t = tokens[i++];
    if (t === undefined || /^[A-Za-z]$/.test(t)) throw new Error(`parsePath: expected a number after "${cmd}"`);
    return Number(t);
  };
  const lineTo = (nx: number, ny: number) => {
    if (!current) {
      current = { points: [[x, y]], closed: false };
      subpaths.push(current);
    }
    x = nx;
    y = ny;
    current.points.push([x, y]);
  };
  while (i < tokens.length) {
    const t = tokens[i];
    if (/^[A-Za-z]$/.test(t)) {
      cmd = t;
      i++;
      if (cmd === 'z' || cmd === 'Z') {
        if (current) current.closed = true;
        current = null;
        x = startX;
        y = startY;
        continue;
      }
    } else if (cmd === '' || cmd === 'z' || cmd === 'Z') {
      throw new Error('parsePath: a number without a command');
    }
    switch (cmd) {
      case 'M':
      case 'm': {
        // A leading relative move is relative to (0, 0), i.e. absolute, as the SVG grammar says.
        const nx = num() + (cmd === 'm' ? x : 0);
        const ny = num() + (cmd === 'm' ? y : 0);
        x = startX = nx;
        y = startY = ny;
        current = { points: [[x, y]], closed: false };
        subpaths.push(current);
        cmd = cmd === 'm' ? 'l' : 'L';
        break;
      }
      case 'L':
        lineTo(num(), num());
        break;
      case 'l': {
        const dx = num();
        lineTo(x + dx, y + num());
        break;
      }
      case 'H':
        lineTo(num(), y);
        break;
      case 'h':
        lineTo(x + num(), y);
        break;
      case 'V':
        lineTo(x, num());
        break;
      case 'v':
        lineTo(x, y + num());
        break;
      default:
        throw new Error(`parsePath: unsupported command "${cmd}"`);
    }
  }
  return subpaths;
}
