/**
 * Content collections: chapters are MDX files in `${CONTENT_DIR}/chapters` (default content/),
 * validated with the project's strict frontmatter schema.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { chapterSchema } from './lib/content/schemas.ts';
import { resolveContentDir } from './lib/content/content-dir.ts';

const contentDir = resolveContentDir();

const chapters = defineCollection({
  loader: glob({ base: `${contentDir.replace(/\/$/, '')}/chapters`, pattern: '*.mdx' }),
  schema: chapterSchema,
});

export const collections = { chapters };
