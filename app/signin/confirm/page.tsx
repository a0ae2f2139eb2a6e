import type { Metadata } from "next";
import Link from "next/link";
import { env } from "@/lib/env";
import { sameOriginPath } from "@/lib/same-origin-path";
import { callbackLinkFor, confirmParams } from "@/lib/sign-in-mail";

export const metadata: Metadata = { title: "Confirm sign-in", robots: { index: false, follow: false } };

/**
 * Where the sign-in email leads (lib/sign-in-mail.ts): it only reads, so a mail scanner opening the
 * link spends nothing; the button goes on to next-auth's callback, which signs in and uses the link.
 */
export default async function ConfirmSignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const parsed = confirmParams.safeParse(await searchParams);
  if (!parsed.success) {
    return (
      <div className="mx-auto max-w-md space-y-4">
        <h1 className="text-2xl font-semibold">This sign-in link is incomplete</h1>
        <p>
          Part of the link seems to be missing; some mail apps cut long links short.{" "}
          <Link href="/signin" className="font-medium text-brand-700 underline dark:text-brand-100">
            Ask for a new link
          </Link>{" "}
          and open it from the email.
        </p>
      </div>
    );
  }
  return (
    <div className="mx-auto max-w-md space-y-5">
      <h1 className="text-2xl font-semibold">Sign in to Waypoint</h1>
      <p>
        You&apos;re signing in as <strong className="break-all">{parsed.data.email}</strong>.
      </p>
      {/* A plain <a>, never next/link: a prefetch of the callback would sign in and use up the link. */}
      <a
        href={callbackLinkFor({ ...parsed.data, callbackUrl: sameOriginPath(parsed.data.callbackUrl, env.NEXTAUTH_URL, "/dashboard") })}
        rel="nofollow"
        className="inline-flex min-h-11 w-full items-center justify-center rounded-lg bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 sm:w-auto"
      >
        Sign in
      </a>
      <p className="text-sm text-stone-600 dark:text-stone-400">
        This extra click keeps your link safe from email security scanners, which open links to check them. The link works once, within 10
        minutes of asking for it.
      </p>
    </div>
  );
}
