"use client";

import { useRouter } from "next/navigation";
import { useState, type SubmitEvent } from "react";
import { parseEmailAddress } from "@/lib/email-address";
import { tooManySignInEmailsMessage } from "@/lib/sign-in-mail";
import { requestEmailSignIn, startOAuthSignIn } from "./auth-client";

export function SignInForm({ callbackUrl, oauth }: { callbackUrl: string; oauth: { github: boolean; google: boolean } }) {
  const router = useRouter();
  const [email, setEmail] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: SubmitEvent) {
    event.preventDefault();
    // The server's rule (lib/email-address.ts), so the form refuses what the server would.
    const parsed = parseEmailAddress(email);
    if (!parsed.ok) {
      setError(parsed.message);
      return;
    }
    setError(null);
    setPending(true);
    const result = await requestEmailSignIn(parsed.address.address, callbackUrl);
    setPending(false);
    if (result.status === "rate_limited") {
      setError(tooManySignInEmailsMessage(result.retryAfterSeconds));
      return;
    }
    if (result.status === "refused") {
      setError(result.message);
      return;
    }
    if (result.status === "failed") {
      setError("We couldn't send the link just now. Please try again in a minute.");
      return;
    }
    router.push(`/signin/check-email?email=${encodeURIComponent(parsed.address.address)}`);
  }

  return (
    <div className="space-y-6">
      <form onSubmit={onSubmit} noValidate className="space-y-3">
        <label htmlFor="email" className="block text-sm font-medium">
          Email address
        </label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="email"
          inputMode="email"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "email-error" : "email-help"}
          className="block w-full min-h-11 rounded-lg border border-stone-400 bg-white px-3 py-2 text-base dark:border-stone-600 dark:bg-stone-900"
        />
        <p id="email-help" className="text-sm text-stone-600 dark:text-stone-400">
          We&apos;ll email you a link that signs you in. It works once, for 10 minutes.
        </p>
        {error && (
          <p id="email-error" role="alert" className="text-sm font-medium text-red-700 dark:text-red-400">
            {error}
          </p>
        )}
        <button
          type="submit"
          disabled={pending}
          className="min-h-11 w-full rounded-lg bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 disabled:opacity-60 sm:w-auto"
        >
          {pending ? "Sending…" : "Email me a sign-in link"}
        </button>
      </form>
      {(oauth.github || oauth.google) && (
        <div className="space-y-2 border-t border-stone-200 pt-4 dark:border-stone-800">
          {oauth.github && (
            <button
              type="button"
              onClick={() => void startOAuthSignIn("github", callbackUrl)}
              className="min-h-11 w-full rounded-lg border border-stone-300 px-4 py-2 dark:border-stone-700"
            >
              Continue with GitHub
            </button>
          )}
          {oauth.google && (
            <button
              type="button"
              onClick={() => void startOAuthSignIn("google", callbackUrl)}
              className="min-h-11 w-full rounded-lg border border-stone-300 px-4 py-2 dark:border-stone-700"
            >
              Continue with Google
            </button>
          )}
        </div>
      )}
    </div>
  );
}
