// Field limits the browser needs without the schemas: a page that only shows a maxLength or a
// counter imports these, and loads zod (lib/validation/*.ts) only when it validates.
export const NOTE_MAX = 2000;
export const CHECKIN_HOURS_MAX = 80;
export const CHECKIN_NOTE_MAX = 2000;
