import { getSettings, updateSettings } from "@/lib/account";
import { requireUser } from "@/lib/auth";
import { handle, json, parseJson } from "@/lib/http";
import { settingsUpdateSchema } from "@/lib/validation/settings";

export const GET = handle(async () => {
  const user = await requireUser();
  return json({ user, settings: await getSettings(user.id) });
});

/** The caller's own settings: time zone and the weekly email's day, hour and on/off. */
export const PATCH = handle(async (request: Request) => {
  const user = await requireUser();
  const update = await parseJson(request, settingsUpdateSchema);
  return json({ settings: await updateSettings(user.id, update) });
});
