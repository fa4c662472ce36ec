/**
 * HTML read with a real parser (parse5, the WHATWG algorithm browsers use) for the scripts and the
 * tests that inspect built pages: no regular expressions over markup.
 */
import { parse, serializeOuter, type DefaultTreeAdapterTypes } from 'parse5';

export type HtmlNode = DefaultTreeAdapterTypes.Node;
export type HtmlElement = DefaultTreeAdapterTypes.Element;
export type HtmlDocument = DefaultTreeAdapterTypes.Document;

/** Parse a whole HTML document (with `locations`, each element knows its offset in the source). */
export function parseHtml(html: string, locations = false): HtmlDocument {
  return parse(html, { sourceCodeLocationInfo: locations });
}

function childrenOf(node: HtmlNode): HtmlNode[] {
  const own = 'childNodes' in node ? node.childNodes : [];
  // <template> keeps its children in a separate fragment.
  const content = 'content' in node && node.content ? node.content.childNodes : [];
  return [...own, ...content];
}

/** Every element under `root` in document order, optionally only those named `tag`. */
export function elements(root: HtmlNode, tag?: string): HtmlElement[] {
  const out: HtmlElement[] = [];
  const visit = (node: HtmlNode): void => {
    if ('tagName' in node && (!tag || node.tagName === tag)) out.push(node);
    for (const child of childrenOf(node)) visit(child);
  };
  visit(root);
  return out;
}

/** The value of attribute `name` (lower case), or undefined. */
export function attr(el: HtmlElement, name: string): string | undefined {
  return el.attrs.find((a) => a.name === name)?.value;
}

/** The text inside a node (for <script> and <style>, their source). */
export function textOf(node: HtmlNode): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterTypes.TextNode).value;
  return childrenOf(node).map(textOf).join('');
}

/** The element's outer HTML. */
export function outerHtml(el: HtmlElement): string {
  return serializeOuter(el);
}
