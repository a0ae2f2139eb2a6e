import type { Metadata } from "next";
import Link from "next/link";
import { unsubscribeTarget } from "@/lib/digest/unsubscribe";

export const metadata: Metadata = { title: "Weekly email", robots: { index: false } };
export const dynamic = "force-dynamic";

/**
 * Where the email's unsubscribe link leads. Opening it changes nothing (mail scanners open links);
 * the button does, with no sign-in needed.
 */
export default async function UnsubscribePage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string; done?: string; invalid?: string }>;
}) {
  const { token, done, invalid } = await searchParams;
  if (done) {
    return (
      <div className="mx-auto max-w-md space-y-4">
        <h1 className="text-2xl font-semibold">You won&apos;t get the weekly email any more</h1>
        <p>
          Changed your mind? Turn it back on in{" "}
          <Link href="/settings" className="font-medium text-brand-700 underline dark:text-brand-100">
            settings
          </Link>
          .
        </p>
      </div>
    );
  }
  const target = token && !invalid ? await unsubscribeTarget(token) : null;
  if (!target || !token) {
    return (
      <div className="mx-auto max-w-md space-y-4">
        <h1 className="text-2xl font-semibold">This link doesn&apos;t work</h1>
        <p>
          It may have been cut short by your email app. You can turn the weekly email off in{" "}
          <Link href="/settings" className="font-medium text-brand-700 underline dark:text-brand-100">
            settings
          </Link>
          .
        </p>
      </div>
    );
  }
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-2xl font-semibold">Stop the weekly email?</h1>
      <p>
        The weekly progress email to <strong className="break-all">{target.email}</strong>{" "}
        {target.digestEnabled ? "will stop. Your progress and check-ins stay as they are." : "is already off."}
      </p>
      {target.digestEnabled && (
        <form method="post" action={`/api/digest/unsubscribe?token=${encodeURIComponent(token)}`}>
          <input type="hidden" name="from" value="page" />
          <button type="submit" className="min-h-11 w-full rounded-lg bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">
            Unsubscribe
          </button>
        </form>
      )}
    </div>
  );
}
