import type { Metadata } from "next";
import Link from "next/link";
import { requirePageUser } from "@/lib/auth";
import { previewDigest } from "@/lib/digest/preview";
import { consumeUserLimit, userLimitError } from "@/lib/rate-limit";

export const metadata: Metadata = { title: "This week's email" };
export const dynamic = "force-dynamic";

export default async function DigestPreviewPage() {
  const user = await requirePageUser("/digest");
  // Each view composes the email afresh: limited per user, and the refusal said in words.
  const allowed = await consumeUserLimit("digestPreview", user.id);
  if (!allowed.ok) {
    return (
      <div className="mx-auto max-w-2xl space-y-4">
        <h1 className="text-2xl font-semibold">This week&apos;s email</h1>
        <p role="status" data-testid="digest-limited">
          {userLimitError("digestPreview", allowed).message} Your settings are in <Link href="/settings" className="underline underline-offset-2">settings</Link>.
        </p>
      </div>
    );
  }
  const digest = await previewDigest(user.id);
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-2xl font-semibold">This week&apos;s email</h1>
      <p className="text-sm text-stone-700 dark:text-stone-300">
        A preview of your weekly progress email as it would be sent now. Day, time and on/off are in <Link href="/settings" className="underline underline-offset-2">settings</Link>.
      </p>
      {digest ? (
        <>
          <p>
            <span className="text-sm text-stone-600 dark:text-stone-400">Subject: </span>
            <strong data-testid="digest-subject">{digest.subject}</strong>
          </p>
          {/* A sandboxed frame: the email's own styles stay out of the page, and nothing in it can run. */}
          <iframe title="Email preview" srcDoc={digest.html} sandbox="" className="h-[70vh] w-full rounded-lg border border-stone-300 bg-white dark:border-stone-700" />
          <details>
            <summary className="min-h-11 cursor-pointer py-2 text-sm font-medium">Plain-text version</summary>
            <pre className="whitespace-pre-wrap break-words rounded-lg border border-stone-300 bg-white p-3 text-sm dark:border-stone-700 dark:bg-stone-900">{digest.text}</pre>
          </details>
        </>
      ) : (
        <p>
          There&apos;s nothing to sum up yet: <Link href="/roadmaps" className="underline underline-offset-2">choose a roadmap</Link> first.
        </p>
      )}
    </div>
  );
}
