// The signed-in user's own settings. Every function takes the user it acts for.
import { db } from "./db";
import { notFound } from "./errors";
import type { SettingsUpdate } from "./validation/settings";

export interface Settings {
  email: string;
  timezone: string;
  digestEnabled: boolean;
  digestWeekday: number;
  digestHour: number;
}

const select = { email: true, timezone: true, digestEnabled: true, digestWeekday: true, digestHour: true } as const;

export async function getSettings(userId: string): Promise<Settings> {
  const user = await db.user.findUnique({ where: { id: userId }, select });
  if (!user) throw notFound("No such user.");
  return user;
}

export async function updateSettings(userId: string, update: SettingsUpdate): Promise<Settings> {
  const { count } = await db.user.updateMany({ where: { id: userId }, data: update });
  if (count === 0) throw notFound("No such user.");
  return getSettings(userId);
}
