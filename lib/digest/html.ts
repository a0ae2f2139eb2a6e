// HTML escaping for the emails we build as strings. Pure.

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
// Compiled once; a test with a one-class regex is native and cheaper than a loop over char codes.
const SPECIAL = /[&<>"']/;
const SPECIALS = /[&<>"']/g;
const entityOf = (ch: string): string => ENTITIES[ch] ?? ch;

/**
 * Text or an attribute value (URLs included) made safe to put between tags or inside a double- or
 * single-quoted attribute. & is escaped like the rest, so an existing entity shows literally.
 */
export function escapeHtml(value: string): string {
  return SPECIAL.test(value) ? value.replace(SPECIALS, entityOf) : value;
}
