/**
 * The benchmark's baseline page: the story's own head (stylesheet and meta, no script) and only
 * its first screen of text (the masthead), so that "LCP no worse than bare" compares the story
 * with the best this text and stylesheet can do on the same machine in the same run.
 */
import { attr, elements, outerHtml, parseHtml } from '../html.ts';

/** Build the bare page from the built story HTML. Throws when the page has no masthead. */
export function bareBaseline(storyHtml: string): string {
  const doc = parseHtml(storyHtml);
  const html = elements(doc, 'html')[0];
  const head = elements(doc, 'head')[0];
  const masthead = elements(doc, 'header').find((el) => (attr(el, 'class') ?? '').split(/\s+/).includes('masthead'));
  if (!html || !head || !masthead) throw new Error('bare baseline: the story page has no <head> or no <header class="masthead">');
  const preload = (el: (typeof head.childNodes)[number]) =>
    'tagName' in el && el.tagName === 'link' && /\b(modulepreload|preload)\b/.test(attr(el, 'rel') ?? '');
  const kept = head.childNodes.filter((n) => !('tagName' in n && n.tagName === 'script') && !preload(n));
  const headHtml = kept.map((n) => ('tagName' in n ? outerHtml(n) : n.nodeName === '#text' ? (n as { value: string }).value : '')).join('');
  const htmlAttrs = html.attrs.map((a) => ` ${a.name}="${a.value.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`).join('');
  return `<!DOCTYPE html><html${htmlAttrs}><head>${headHtml}</head><body>${outerHtml(masthead)}</body></html>`;
}

/**
 * The same page with its script removed (module scripts and their preloads; the small inline
 * scripts stay): what the page costs without the controller, measured in the same rounds so that
 * "TBT and long tasks" judge only what the script adds.
 */
export function scriptless(storyHtml: string): string {
  return storyHtml.replace(/<script\b[^>]*\btype="module"[^>]*>[\s\S]*?<\/script>/gi, '').replace(/<link[^>]+rel="modulepreload"[^>]*>/gi, '');
}
