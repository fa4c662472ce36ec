/** Where the content lives: the one rule every reader of CONTENT_DIR uses (build, checker, dev watcher, basemap, collections). */
import path from 'node:path';

/** The content directory as an absolute path: env `CONTENT_DIR` (absolute or relative to the working directory), else `content/`. */
export function resolveContentDir(env: Record<string, string | undefined> = process.env): string {
  const dir = env.CONTENT_DIR?.trim();
  return path.resolve(process.cwd(), dir ? dir : 'content');
}
