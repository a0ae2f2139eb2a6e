"use client";

import { SecretLinkSection } from "./SecretLinkSection";

/** Turns the private calendar feed on and off; the link is shown once, when it is made. */
export function CalendarFeedSection({ initial }: { initial: { enabled: boolean; sinceLabel: string | null } }) {
  return (
    <SecretLinkSection
      endpoint="/api/me/calendar-feed"
      initial={initial}
      texts={{
        name: "calendar-feed",
        intro:
          "A private link your calendar app subscribes to: each open milestone on the day your plan has it done by, your target date, and a weekly check-in reminder with an alert on your weekly email's day and hour. Anyone with the link can read it; turning it off, or making a new link, stops the old one at once.",
        linkLabel: "Your calendar feed link",
        hint: "To subscribe, add a calendar “from URL” (Google Calendar: Other calendars → From URL; Apple Calendar: File → New Calendar Subscription; Outlook: Add calendar → Subscribe from web) and paste it.",
        turnOn: "Turn on the calendar feed",
        turnOff: "Turn off the calendar feed",
        openLabel: null,
      }}
    />
  );
}
