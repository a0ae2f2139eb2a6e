import type { Metadata } from "next";
import Link from "next/link";
import { requirePageUser } from "@/lib/auth";
import { emailBodyForPreview } from "@/lib/digest/html";
import { previewDigest } from "@/lib/digest/preview";
import { dayOfIso, formatDay } from "@/lib/calendar/days";
import { consumeUserLimit, userLimitError } from "@/lib/rate-limit";

export const metadata: Metadata = { title: "This week's email" };
export const dynamic = "force-dynamic";

const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] as const;

/** "Monday 7 Dec 2026 at 08:00". */
function sendMoment(day: string, hour: number): string {
  const n = dayOfIso(day);
  const weekday = WEEKDAYS[(((n + 3) % 7) + 7) % 7];
  return `${weekday} ${formatDay(n)} at ${String(hour).padStart(2, "0")}:00`;
}

export default async function DigestPreviewPage() {
  const user = await requirePageUser("/digest");
  // Each view composes the email afresh: limited per user, and the refusal said in words.
  const allowed = await consumeUserLimit("digestPreview", user.id);
  if (!allowed.ok) {
    return (
      <div className="mx-auto max-w-2xl space-y-4">
        <h1 className="text-2xl font-semibold">This week&apos;s email</h1>
        <p role="status" data-testid="digest-limited">
          {userLimitError("digestPreview", allowed).message} Your settings are in{" "}
          <Link href="/settings" className="underline underline-offset-2">
            settings
          </Link>
          .
        </p>
      </div>
    );
  }
  const preview = await previewDigest(user.id);
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-2xl font-semibold">This week&apos;s email</h1>
      <p className="text-sm text-stone-700 dark:text-stone-300">
        A preview of your weekly progress email as it would be sent now. Day, time and on/off are in{" "}
        <Link href="/settings" className="underline underline-offset-2">
          settings
        </Link>
        .
      </p>
      {preview ? (
        <>
          {preview.firstSend ? (
            <p
              data-testid="digest-first-send"
              className="rounded-lg border border-teal-700/40 bg-teal-50 p-3 text-sm text-stone-800 dark:border-teal-400/40 dark:bg-teal-950 dark:text-stone-200"
            >
              Your first weekly email comes on <strong>{sendMoment(preview.firstSend.day, preview.firstSend.hour)}</strong>, in your first
              whole week, and sums up only the days since you joined. Below is how it would read today.
            </p>
          ) : null}
          <p>
            <span className="text-sm text-stone-600 dark:text-stone-400">Subject: </span>
            <strong data-testid="digest-subject">{preview.digest.subject}</strong>
          </p>
          {/* The email's own markup, inline so it takes its full height (no inner scroll) and paints with
              the page. It is ours, composed with every text escaped; emailBodyForPreview refuses
              anything active. Emails are light whatever the theme, so it keeps its own colours. */}
          <section
            aria-label="Email preview"
            data-testid="digest-email"
            className="overflow-hidden rounded-lg border border-stone-300 bg-[#f5f5f4] [color-scheme:light] dark:border-stone-700"
            dangerouslySetInnerHTML={{ __html: emailBodyForPreview(preview.digest.html) }}
          />
          <details>
            <summary className="min-h-11 cursor-pointer py-2 text-sm font-medium">Plain-text version</summary>
            <pre className="whitespace-pre-wrap break-words rounded-lg border border-stone-300 bg-white p-3 text-sm dark:border-stone-700 dark:bg-stone-900">
              {preview.digest.text}
            </pre>
          </details>
        </>
      ) : (
        <p>
          There&apos;s nothing to sum up yet:{" "}
          <Link href="/roadmaps" className="underline underline-offset-2">
            choose a roadmap
          </Link>{" "}
          first.
        </p>
      )}
    </div>
  );
}
