import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/SignInForm";
import { getCurrentUser, oauthProviders } from "@/lib/auth";
import { env } from "@/lib/env";
import { sameOriginPath } from "@/lib/same-origin-path";

export const metadata: Metadata = { title: "Sign in" };

const errorMessages: Record<string, string> = {
  Verification: "That sign-in link has expired or was already used. Links work once, for 10 minutes: ask for a new one below.",
  EmailSignin: "We couldn't send the sign-in email. Please try again.",
  OAuthAccountNotLinked: "That email is already linked to another way of signing in. Use the one you used first.",
};

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  // Only a path on this site: never bounce a user to another origin after sign-in.
  const callbackUrl = sameOriginPath(params.callbackUrl, env.NEXTAUTH_URL, "/dashboard");
  if (await getCurrentUser()) redirect(callbackUrl);
  const errorKey = typeof params.error === "string" ? params.error : null;
  const error = errorKey ? (errorMessages[errorKey] ?? "Sign-in didn't work. Please try again.") : null;
  return (
    <div className="mx-auto max-w-md space-y-6">
      <h1 className="text-2xl font-semibold">Sign in to Waypoint</h1>
      {error && (
        <p
          role="alert"
          className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
        >
          {error}
        </p>
      )}
      <SignInForm callbackUrl={callbackUrl} oauth={oauthProviders} />
    </div>
  );
}
