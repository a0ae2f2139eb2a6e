import type { Metadata } from "next";
import Link from "next/link";
import { usesDevOutbox } from "@/lib/env";

export const metadata: Metadata = { title: "Check your email" };

export default async function CheckEmailPage({ searchParams }: { searchParams: Promise<{ email?: string }> }) {
  const { email } = await searchParams;
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-2xl font-semibold">Check your email</h1>
      <p>
        We sent a sign-in link
        {email ? (
          <>
            {" "}
            to <strong className="break-all">{email}</strong>
          </>
        ) : null}
        . Open it on this device within 10 minutes; it works once.
      </p>
      {usesDevOutbox && (
        <p className="rounded-lg border border-stone-300 bg-white p-3 text-sm dark:border-stone-700 dark:bg-stone-900">
          Running locally without SMTP: the link is in the server log and in the{" "}
          <Link className="font-medium text-brand-700 underline dark:text-brand-100" href="/dev/outbox">
            development outbox
          </Link>
          .
        </p>
      )}
      <p className="text-sm text-stone-600 dark:text-stone-400">
        Nothing arrived? Check spam, or{" "}
        <Link href="/signin" className="underline">
          ask for a new link
        </Link>
        .
      </p>
    </div>
  );
}
