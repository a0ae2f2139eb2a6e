import { NextResponse } from "next/server";
import { deleteAccount, getSettings, updateSettings } from "@/lib/account";
import { requireUser } from "@/lib/auth";
import { handle, json, otherMethods, parseJson } from "@/lib/http";
import { accountDeleteSchema, settingsUpdateSchema } from "@/lib/validation/settings";

export const GET = handle(async () => {
  const user = await requireUser();
  return json({ user, settings: await getSettings(user.id) });
});

/** The caller's own settings: time zone and the weekly email's day, hour and on/off. */
export const PATCH = handle(async (request: Request) => {
  const user = await requireUser();
  const update = await parseJson(request, settingsUpdateSchema);
  const { movedEnrollments, ...settings } = await updateSettings(user.id, update);
  return json({ settings, movedEnrollments });
});

/** Deletes the caller's account and all their data; the body must repeat their email. */
export const DELETE = handle(async (request: Request) => {
  const user = await requireUser();
  const { confirmEmail } = await parseJson(request, accountDeleteSchema);
  await deleteAccount(user.id, confirmEmail);
  const response = NextResponse.json({ deleted: true });
  // The session row is gone already; the cookie goes too, under either name next-auth uses.
  for (const name of ["next-auth.session-token", "__Secure-next-auth.session-token"]) response.cookies.delete(name);
  return response;
});

// Any other method: a 405 in the one error shape, with Allow.
export const { POST, PUT, OPTIONS } = otherMethods("GET", "PATCH", "DELETE");
