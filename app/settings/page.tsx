import type { Metadata } from "next";
import Link from "next/link";
import { cookies } from "next/headers";
import { AccountSection } from "@/components/settings/AccountSection";
import { CalendarFeedSection } from "@/components/settings/CalendarFeedSection";
import { ThemePicker } from "@/components/settings/ThemePicker";
import { SettingsForm } from "@/components/settings/SettingsForm";
import { PublicPageSection } from "@/components/settings/PublicPageSection";
import { PartnersSection } from "@/components/partners/PartnersSection";
import { listPartners } from "@/lib/partners";
import { getSettings, openEnrollmentZones } from "@/lib/account";
import { requirePageUser } from "@/lib/auth";
import { calendarFeedStatus } from "@/lib/calendar-feed";
import { formatDay } from "@/lib/calendar/days";
import { localDayOf } from "@/lib/calendar/zones";
import { publicPageStatus } from "@/lib/public-page";
import { THEME_COOKIE, themeOf } from "@/lib/theme";

export const metadata: Metadata = { title: "Settings" };
export const dynamic = "force-dynamic";

export default async function SettingsPage() {
  const user = await requirePageUser("/settings");
  const [settings, publicPage, calendarFeed, partners, cookieStore, openEnrollments] = await Promise.all([
    getSettings(user.id),
    publicPageStatus(user.id),
    calendarFeedStatus(user.id),
    listPartners(user.id),
    cookies(),
    openEnrollmentZones(user.id),
  ]);
  // The date in the user's own zone, as everywhere else in the app.
  const labelOf = (at: Date | null) => (at === null ? null : formatDay(localDayOf(at, settings.timezone)));
  const sinceLabel = labelOf(publicPage.since);
  return (
    <div className="mx-auto max-w-xl space-y-6">
      <h1 className="text-2xl font-semibold">Settings</h1>
      <section className="space-y-3 rounded-xl border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900">
        <h2 id="digest-heading" className="text-lg font-semibold">
          You and your weekly email
        </h2>
        <p className="text-sm text-stone-700 dark:text-stone-300">
          The weekly email says where you stand, on the day and at the hour you choose in your time zone.{" "}
          <Link href="/digest" className="underline underline-offset-2">
            See this week&apos;s
          </Link>
          .
        </p>
        <SettingsForm initial={settings} openEnrollments={openEnrollments} />
      </section>
      <section
        aria-labelledby="look-heading"
        className="space-y-3 rounded-xl border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900"
      >
        <h2 id="look-heading" className="text-lg font-semibold">
          Look
        </h2>
        <ThemePicker initial={themeOf(cookieStore.get(THEME_COOKIE)?.value)} />
      </section>
      <section
        aria-labelledby="public-page-heading"
        className="space-y-3 rounded-xl border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900"
      >
        <h2 id="public-page-heading" className="text-lg font-semibold">
          Public progress page
        </h2>
        <PublicPageSection initial={{ enabled: publicPage.enabled, sinceLabel }} />
      </section>
      <section
        aria-labelledby="calendar-feed-heading"
        className="space-y-3 rounded-xl border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900"
      >
        <h2 id="calendar-feed-heading" className="text-lg font-semibold">
          Calendar feed
        </h2>
        <CalendarFeedSection initial={{ enabled: calendarFeed.enabled, sinceLabel: labelOf(calendarFeed.since) }} />
      </section>
      <section
        aria-labelledby="partners-heading"
        className="space-y-3 rounded-xl border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900"
      >
        <h2 id="partners-heading" className="text-lg font-semibold">
          Accountability partners
        </h2>
        <PartnersSection initial={partners} />
        <p className="text-sm">
          <Link href="/partners" className="inline-flex min-h-11 items-center underline underline-offset-2">
            People you follow
          </Link>
        </p>
      </section>
      <section
        aria-labelledby="data-heading"
        className="space-y-3 rounded-xl border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900"
      >
        <h2 id="data-heading" className="text-lg font-semibold">
          Your data and account
        </h2>
        <AccountSection email={settings.email} />
      </section>
    </div>
  );
}
