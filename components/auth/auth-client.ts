// Talks to next-auth's endpoints with same-origin relative URLs. (next-auth/react builds absolute
// URLs from NEXTAUTH_URL, which isn't available in the browser bundle, and falls back to
// localhost:3000 — wrong on any other port or host.)
async function csrfToken(): Promise<string> {
  const res = await fetch("/api/auth/csrf", { credentials: "same-origin" });
  if (!res.ok) throw new Error(`csrf ${res.status}`);
  const { csrfToken: token } = (await res.json()) as { csrfToken: string };
  return token;
}

/** The server refused for now (HTTP 429): too many requests; `retryAfterSeconds` from Retry-After. */
export class TooManyRequestsError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(`too many requests; retry after ${retryAfterSeconds} s`);
    this.name = "TooManyRequestsError";
  }
}

/** The server refused the input (HTTP 400), with a message for the person. */
class RefusedError extends Error {}

async function postForm(path: string, fields: Record<string, string>): Promise<{ url?: string }> {
  const body = new URLSearchParams({ ...fields, csrfToken: await csrfToken(), json: "true" });
  const res = await fetch(path, {
    method: "POST",
    credentials: "same-origin",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body,
  });
  if (res.status === 429) {
    const seconds = Number(res.headers.get("retry-after"));
    // Without a usable Retry-After, assume the sign-in limit's whole window (15 minutes).
    throw new TooManyRequestsError(Number.isFinite(seconds) && seconds > 0 ? seconds : 15 * 60);
  }
  if (res.status === 400) {
    const body = (await res.json().catch(() => null)) as { error?: { message?: unknown } } | null;
    if (typeof body?.error?.message === "string") throw new RefusedError(body.error.message);
  }
  if (!res.ok) throw new Error(`${path} ${res.status}`);
  return (await res.json()) as { url?: string };
}

export type EmailSignInResult =
  | { status: "sent" }
  | { status: "rate_limited"; retryAfterSeconds: number }
  | { status: "refused"; message: string }
  | { status: "failed" };

/** Asks for a magic link: sent, refused for now (too many requests), or failed. */
export async function requestEmailSignIn(email: string, callbackUrl: string): Promise<EmailSignInResult> {
  try {
    const { url } = await postForm("/api/auth/signin/email", { email, callbackUrl });
    const accepted = Boolean(url) && !new URL(url ?? "", window.location.origin).searchParams.has("error");
    return accepted ? { status: "sent" } : { status: "failed" };
  } catch (error) {
    if (error instanceof TooManyRequestsError) return { status: "rate_limited", retryAfterSeconds: error.retryAfterSeconds };
    if (error instanceof RefusedError) return { status: "refused", message: error.message };
    return { status: "failed" };
  }
}

/** OAuth sign-in: next-auth answers with the provider's authorisation URL. */
export async function startOAuthSignIn(provider: "github" | "google", callbackUrl: string): Promise<void> {
  const { url } = await postForm(`/api/auth/signin/${provider}`, { callbackUrl });
  if (url) window.location.assign(url);
}

/** Ends the session on the server (its row is deleted), then leaves for the home page. */
export async function signOut(): Promise<void> {
  await postForm("/api/auth/signout", { callbackUrl: "/" });
  window.location.assign("/");
}
