import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AcceptInvitation } from "@/components/partners/AcceptInvitation";
import { SignOutButton } from "@/components/auth/SignOutButton";
import { card, muted } from "@/components/partners/styles";
import { getCurrentUser, signInPath } from "@/lib/auth";
import { normalizeEmailAddress } from "@/lib/email-address";
import { invitationByToken, invitationPath } from "@/lib/partners";
import { SHARE_LABELS } from "@/lib/partners/share";

// Read at every request: a used or withdrawn invitation must say so at once.
export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Invitation", robots: { index: false, follow: false }, referrer: "no-referrer" };

const ROLE_WORDS = { mentor: "mentor", manager: "manager", friend: "accountability partner" } as const;

const REFUSED = {
  accepted: {
    title: "This invitation has already been used",
    text: "Each invitation link works once. If you accepted it, the person is in your list; otherwise ask them for a new invitation.",
  },
  withdrawn: {
    title: "This invitation was withdrawn",
    text: "The person who sent it took it back. If that was a mistake, ask them to invite you again.",
  },
  expired: { title: "This invitation has expired", text: "Invitations work for 14 days. Ask the person who sent it for a new one." },
} as const;

/** The invitation link from the email: what it is, and a button to accept it. The token is the credential; the page only reads. */
export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [invitation, user] = await Promise.all([invitationByToken(token), getCurrentUser()]);
  if (!invitation) notFound();
  if (invitation.state !== "open") {
    const refused = REFUSED[invitation.state];
    return (
      <div className="mx-auto max-w-md space-y-4" data-testid="invitation-refused">
        <h1 className="text-2xl font-semibold">{refused.title}</h1>
        <p>{refused.text}</p>
        <p>
          <Link href="/partners" className="inline-flex min-h-11 items-center underline underline-offset-2">
            People you follow
          </Link>
        </p>
      </div>
    );
  }
  const sameAddress = user !== null && normalizeEmailAddress(user.email) === invitation.email;
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-2xl font-semibold">
        {invitation.inviter} would like you as their {ROLE_WORDS[invitation.role]}
      </h1>
      <section className={card} aria-labelledby="sees-heading">
        <h2 id="sees-heading" className="font-semibold">
          You would see
        </h2>
        <ul className="list-disc space-y-1 pl-5 text-sm">
          {invitation.shares.length ? invitation.shares.map((s) => <li key={s}>{SHARE_LABELS[s]}</li>) : <li>Only their name</li>}
        </ul>
        <p className={muted}>
          It is read-only. You can leave kudos and short comments, and opt in to a weekly email about the people you follow.
        </p>
      </section>
      {!user ? (
        <p>
          <Link
            href={signInPath(invitationPath(token))}
            className="inline-flex min-h-11 items-center rounded-lg bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800"
          >
            Sign in as {invitation.email} to accept
          </Link>
        </p>
      ) : sameAddress ? (
        <AcceptInvitation token={token} />
      ) : (
        <div className="space-y-2">
          <p role="alert">
            This invitation is for {invitation.email}, and you are signed in as {user.email}. Sign out, then open the link again and sign in
            with {invitation.email}.
          </p>
          <SignOutButton userId={user.id} />
        </div>
      )}
    </div>
  );
}
