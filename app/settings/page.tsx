import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AccountSection } from "@/components/settings/AccountSection";
import { SettingsForm } from "@/components/settings/SettingsForm";
import { getSettings } from "@/lib/account";
import { getCurrentUser } from "@/lib/auth";

export const metadata: Metadata = { title: "Settings" };
export const dynamic = "force-dynamic";

export default async function SettingsPage() {
  const user = await getCurrentUser();
  if (!user) redirect("/signin?callbackUrl=%2Fsettings");
  const settings = await getSettings(user.id);
  return (
    <div className="mx-auto max-w-xl space-y-6">
      <h1 className="text-2xl font-semibold">Settings</h1>
      <section className="space-y-3 rounded-xl border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900">
        <h2 id="digest-heading" className="text-lg font-semibold">You and your weekly email</h2>
        <p className="text-sm text-stone-700 dark:text-stone-300">
          The weekly email says where you stand, on the day and at the hour you choose in your time zone. <Link href="/digest" className="underline underline-offset-2">See this week&apos;s</Link>.
        </p>
        <SettingsForm initial={settings} />
      </section>
      <section aria-labelledby="data-heading" className="space-y-3 rounded-xl border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900">
        <h2 id="data-heading" className="text-lg font-semibold">Your data and account</h2>
        <AccountSection email={settings.email} />
      </section>
    </div>
  );
}
