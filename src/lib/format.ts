/**
 * Formatting of partial dates for readers: "13 January 2021", "January 2017", "2013".
 */

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A partial date (YYYY, YYYY-MM, YYYY-MM-DD) in words, with no more precision than it has. */
export function formatDate(date: string): string {
  const [y, m, d] = date.split('-');
  if (m === undefined) return y ?? date;
  const month = MONTHS[Number(m) - 1] ?? m;
  return d === undefined ? `${month} ${y}` : `${Number(d)} ${month} ${y}`;
}
