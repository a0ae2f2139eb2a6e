// Field limits the browser needs without the schemas: a page that only shows a maxLength or a
// counter imports these, and loads zod (the schemas beside this file) only when it validates.
export const NOTE_MAX = 2000;
export const CHECKIN_HOURS_MAX = 80;
export const CHECKIN_NOTE_MAX = 2000;
/** A partner's comment. */
export const NOTE_MAX_CHARS = 500;
