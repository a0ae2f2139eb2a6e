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

const BODY = /<body[^>]*>([\s\S]*)<\/body>/i;
/** The hidden preheader: inbox snippet text, not part of what a reader sees in the message. */
const PREHEADER = /^\s*<div style="display:none;[^"]*">[\s\S]*?<\/div>/;
/**
 * What must never be in our own emails' markup; finding one means compose has a bug. Escaped text
 * holds no raw "<" or ">", so an attribute can only be inside a raw tag: "<" then no ">" before it.
 */
const ACTIVE = /<\s*(script|iframe|object|embed|form|input|style|link|meta|base)\b|<[^>]*\son\w+\s*=|<[^>]*javascript:/i;

/**
 * The visible part of an email we composed (lib/digest/compose.ts), for showing inline on a page: the
 * body's markup without the preheader. Every text in it went through escapeHtml, so it is our own
 * markup, tables and inline styles only; anything active in it is refused rather than shown.
 */
export function emailBodyForPreview(html: string): string {
  const body = BODY.exec(html)?.[1];
  if (body === undefined) throw new Error("The email has no body to preview");
  if (ACTIVE.test(body)) throw new Error("The email's markup holds an active element or attribute");
  return body.replace(PREHEADER, "").trim();
}
