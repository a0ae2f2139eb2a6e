// One address, one identity. Every address the app mails, or signs someone in as, goes through
// `parseEmailAddress`: a single plain mailbox (local@domain), nothing an SMTP library would read as
// more than one recipient or as a header (a list, a display name, a group, CR/LF), trimmed and
// lower-cased. Pure: the sign-in form uses it too.

declare const mailAddressBrand: unique symbol;

/** A checked, normalised address: the only kind lib/mail.ts sends to. */
export type MailAddress = { readonly address: string; readonly [mailAddressBrand]: true };

export type EmailAddressResult = { ok: true; address: MailAddress } | { ok: false; message: string };

// RFC 5321's limits: 64 for the local part, 254 for the whole path an SMTP server takes.
const MAX_LENGTH = 254;
const MAX_LOCAL = 64;
// The dot-atom of RFC 5322 (no quoted strings, comments or folding): what mail systems accept everywhere.
const LOCAL_PART = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
// Host names: letters, digits and inner hyphens per label, at least two labels, a TLD not all digits.
const LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

const refused = (message: string): EmailAddressResult => ({ ok: false, message });

export function parseEmailAddress(input: unknown): EmailAddressResult {
  if (typeof input !== "string") return refused("Enter your email address.");
  const value = input.trim().toLowerCase();
  if (!value) return refused("Enter your email address.");
  if (value.length > MAX_LENGTH) return refused("That is longer than any email address.");
  // Control characters (NUL, CR, LF, tab…) and inner spaces never belong to an address; CR/LF would
  // let a value write its own mail headers.
  if (/[\u0000-\u0020\u007f]/.test(value)) return refused("An email address can't contain spaces, line breaks or control characters.");
  if (/[,;]/.test(value)) return refused("Enter one email address, not a list.");
  if (/[<>"()[\]\\:]/.test(value)) return refused("Enter just the address, like name@example.com, without a name or brackets.");
  if (/[^\u0021-\u007e]/.test(value)) return refused("Enter the address in plain letters (ASCII), like name@example.com.");
  const at = value.indexOf("@");
  if (at < 0 || at !== value.lastIndexOf("@")) return refused("Enter an email address like name@example.com.");
  const local = value.slice(0, at);
  const domain = value.slice(at + 1);
  const labels = domain.split(".");
  if (!local || local.length > MAX_LOCAL || !LOCAL_PART.test(local)) return refused("Enter an email address like name@example.com.");
  if (labels.length < 2 || !labels.every((l) => LABEL.test(l)) || /^\d+$/.test(labels.at(-1)!)) {
    return refused("Enter an email address like name@example.com.");
  }
  return { ok: true, address: { address: value } as MailAddress };
}

/** The normalised address, or a thrown Error with the reason (next-auth's normalizeIdentifier wants a throw). */
export function normalizeEmailAddress(input: string): string {
  const parsed = parseEmailAddress(input);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.address.address;
}
