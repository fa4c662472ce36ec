/**
 * The benchmark's baseline page: the story's own head (stylesheet and meta, no script) and only
 * its first screen of text (the masthead), so that "LCP no worse than bare" compares the story
 * with the best this text and stylesheet can do on the same machine in the same run.
 */

/** Build the bare page from the built story HTML. Throws when the page has no masthead. */
export function bareBaseline(storyHtml: string): string {
  const head = /<head>([\s\S]*?)<\/head>/i.exec(storyHtml)?.[1];
  const masthead = /<header class="masthead"[\s\S]*?<\/header>/i.exec(storyHtml)?.[0];
  if (head === undefined || masthead === undefined) throw new Error('bare baseline: the story page has no <head> or no <header class="masthead">');
  const headNoScript = head.replace(/<script\b[\s\S]*?<\/script>/gi, '').replace(/<link[^>]+rel="(?:modulepreload|preload)"[^>]*>/gi, '');
  const htmlOpen = /<html[^>]*>/i.exec(storyHtml)?.[0] ?? '<html lang="en">';
  return `<!DOCTYPE html>${htmlOpen}<head>${headNoScript}</head><body>${masthead}</body></html>`;
}

/**
 * The same page with its script removed (module scripts and their preloads; the small inline
 * scripts stay): what the page costs without the controller, measured in the same rounds so that
 * "TBT and long tasks" judge only what the script adds.
 */
export function scriptless(storyHtml: string): string {
  return storyHtml
    .replace(/<script\b[^>]*\btype="module"[^>]*>[\s\S]*?<\/script>/gi, '')
    .replace(/<link[^>]+rel="modulepreload"[^>]*>/gi, '');
}
