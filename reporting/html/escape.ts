/** Escaping for HTML text and attribute values (also valid inside inline SVG). */

/** text with & < > " ' escaped, safe in element content and in quoted attributes. */
export function esc(text: string | number | bigint): string {
  return String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
