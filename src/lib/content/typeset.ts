/**
 * Typographic quotes for the text editors write in the data files and in a step's props, as
 * Astro's SmartyPants sets the MDX prose around it: "…" becomes “…”, '…' becomes ‘…’ and an
 * apostrophe ’. A quote opens at the start, after white space, after an opening bracket or a dash,
 * or after an opening quote; it closes everywhere else. Text already typeset is left as it is.
 */
const OPENS_AFTER = String.raw`(?<=^|[\s([{\u2013\u2014\u201c\u2018])`;
const OPEN_DOUBLE = new RegExp(`${OPENS_AFTER}"`, 'g');
const OPEN_SINGLE = new RegExp(`${OPENS_AFTER}'`, 'g');

export function typeset(text: string): string {
  return text.replace(OPEN_DOUBLE, '\u201c').replace(/"/g, '\u201d').replace(OPEN_SINGLE, '\u2018').replace(/'/g, '\u2019');
}
