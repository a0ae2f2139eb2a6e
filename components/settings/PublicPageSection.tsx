"use client";

import { SecretLinkSection } from "./SecretLinkSection";

/** Turns the public progress page on and off; the link is shown once, when it is made. */
export function PublicPageSection({ initial }: { initial: { enabled: boolean; sinceLabel: string | null } }) {
  return (
    <SecretLinkSection
      endpoint="/api/me/public-page"
      initial={initial}
      texts={{
        name: "public-page",
        intro:
          "A read-only page, at a link only you can hand out, with your roadmap, how far you are in each phase and your pace. It never shows your name, email, notes or check-ins. Turning it off, or making a new link, stops the old link at once.",
        linkLabel: "Your public link",
        turnOn: "Turn on the public page",
        turnOff: "Turn off the public page",
        openLabel: "Open the page",
      }}
    />
  );
}
