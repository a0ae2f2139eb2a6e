"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ApiError, apiFetch } from "@/components/api-client";
import { FieldError } from "@/components/ui/FieldError";
import { dayOfIso, formatDay } from "@/lib/calendar/days";
import type { PartnerListing } from "@/lib/partners";
import { DEFAULT_SHARES, SHARE_LABELS, type ShareField } from "@/lib/partners/share";
import { PARTNER_ROLES, type PartnerRole } from "@/lib/validation/partners";
import { ShareChoices } from "./ShareChoices";
import { button, input, muted, primary } from "./styles";
import { queryKeys } from "@/components/query-keys";

const ROLE_LABELS: Record<PartnerRole, string> = { mentor: "Mentor", manager: "Manager", friend: "Friend" };

/** Invite a partner, see who follows you and what each sees, change it, mute or remove them. */
export function PartnersSection({ initial }: { initial: PartnerListing }) {
  const queryClient = useQueryClient();
  const { data } = useQuery({
    queryKey: queryKeys.partners,
    queryFn: () => apiFetch<PartnerListing>("/api/me/partners"),
    initialData: initial,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.partners });

  const [email, setEmail] = useState("");
  const [role, setRole] = useState<PartnerRole>("mentor");
  const [shares, setShares] = useState<ShareField[]>([...DEFAULT_SHARES]);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const invite = useMutation({
    mutationFn: () => apiFetch<{ email: string }>("/api/me/partners/invitations", { method: "POST", body: { email, role, shares } }),
    onSuccess: (result) => {
      setSentTo(result.email);
      setEmail("");
      void refresh();
    },
  });
  const fields = invite.error instanceof ApiError ? invite.error.fields : undefined;

  return (
    <div className="space-y-5">
      <p className={muted}>
        Someone who sees your progress makes a long plan easier to finish: a mentor, your manager, a friend. They get a read-only view of
        exactly what you tick below, can leave kudos, and can opt in to a weekly email about you. You can change what each one sees, mute
        them or remove them at any time.
      </p>
      <form
        className="space-y-3"
        aria-labelledby="invite-heading"
        onSubmit={(e) => {
          e.preventDefault();
          setSentTo(null);
          invite.mutate();
        }}
      >
        <h3 id="invite-heading" className="font-semibold">
          Invite a partner
        </h3>
        <div>
          <label htmlFor="partner-email" className="block text-sm font-medium">
            Their email address
          </label>
          <input
            id="partner-email"
            type="email"
            required
            autoComplete="off"
            className={input}
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            aria-describedby="partner-email-error"
          />
          <FieldError id="partner-email-error" messages={fields?.email} />
        </div>
        <fieldset>
          <legend className="text-sm font-medium">Their role</legend>
          <div className="flex flex-wrap gap-x-4">
            {PARTNER_ROLES.map((r) => (
              <label key={r} className="flex min-h-11 items-center gap-2 text-sm">
                <input type="radio" name="partner-role" className="size-5" value={r} checked={role === r} onChange={() => setRole(r)} />
                {ROLE_LABELS[r]}
              </label>
            ))}
          </div>
        </fieldset>
        <ShareChoices idPrefix="invite-share" value={shares} onChange={setShares} />
        <button type="submit" className={primary} disabled={invite.isPending}>
          {invite.isPending ? "Sending…" : "Send the invitation"}
        </button>
        <p role="status" className="text-sm font-medium" data-testid="invite-status">
          {sentTo ? `Invitation sent to ${sentTo}. It works once, for 14 days.` : invite.error && !fields ? invite.error.message : ""}
        </p>
      </form>

      <div className="space-y-2">
        <h3 className="font-semibold">Who follows you</h3>
        {data.partners.length === 0 ? (
          <p className={muted}>No one yet.</p>
        ) : (
          <ul className="space-y-3">
            {data.partners.map((p) => (
              <PartnerRow key={`${p.id}:${p.shares.join(",")}:${p.muted}`} partner={p} onChanged={refresh} />
            ))}
          </ul>
        )}
      </div>

      {data.pending.length > 0 && (
        <div className="space-y-2">
          <h3 className="font-semibold">Invitations waiting</h3>
          <ul className="space-y-2">
            {data.pending.map((i) => (
              <PendingRow key={i.id} invitation={i} onChanged={refresh} />
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

function PartnerRow({ partner, onChanged }: { partner: PartnerListing["partners"][number]; onChanged: () => Promise<void> }) {
  const [shares, setShares] = useState<ShareField[]>(partner.shares);
  const [editing, setEditing] = useState(false);
  const save = useMutation({
    mutationFn: (change: { shares?: ShareField[]; muted?: boolean }) =>
      apiFetch(`/api/me/partners/${partner.id}`, { method: "PATCH", body: change }),
    onSuccess: () => {
      setEditing(false);
      void onChanged();
    },
  });
  const remove = useMutation({
    mutationFn: () => apiFetch(`/api/me/partners/${partner.id}`, { method: "DELETE" }),
    onSuccess: () => void onChanged(),
  });
  const who = partner.name ? `${partner.name} (${partner.email})` : partner.email;
  return (
    <li className="space-y-2 rounded-lg border border-stone-200 p-3 dark:border-stone-700" data-testid="partner-row">
      <p className="font-medium">
        {who} · {ROLE_LABELS[partner.role]}
        {partner.muted && <span className="ml-2 rounded-full bg-stone-200 px-2 py-0.5 text-xs dark:bg-stone-700">muted</span>}
      </p>
      <p className={muted} data-testid="partner-sees">
        Sees: {partner.shares.length ? partner.shares.map((s) => SHARE_LABELS[s].toLowerCase()).join(", ") : "only your name"}.
      </p>
      {editing && <ShareChoices idPrefix={`share-${partner.id}`} value={shares} onChange={setShares} disabled={save.isPending} />}
      <div className="flex flex-wrap gap-2">
        {editing ? (
          <button type="button" className={primary} disabled={save.isPending} onClick={() => save.mutate({ shares })}>
            Save what {partner.name ?? "they"} can see
          </button>
        ) : (
          <button type="button" className={button} onClick={() => setEditing(true)}>
            Change what they see
          </button>
        )}
        <button type="button" className={button} disabled={save.isPending} onClick={() => save.mutate({ muted: !partner.muted })}>
          {partner.muted ? "Unmute" : "Mute their notes"}
        </button>
        <button type="button" className={button} disabled={remove.isPending} onClick={() => remove.mutate()}>
          Remove partner
        </button>
      </div>
      {(save.error ?? remove.error) && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {(save.error ?? remove.error)?.message}
        </p>
      )}
    </li>
  );
}

function PendingRow({ invitation, onChanged }: { invitation: PartnerListing["pending"][number]; onChanged: () => Promise<void> }) {
  const withdraw = useMutation({
    mutationFn: () => apiFetch(`/api/me/partners/invitations/${invitation.id}`, { method: "DELETE" }),
    onSuccess: () => void onChanged(),
  });
  return (
    <li className="flex flex-wrap items-center justify-between gap-2 text-sm">
      <span>
        {invitation.email} · {ROLE_LABELS[invitation.role]} · until {formatDay(dayOfIso(invitation.expiresAt.slice(0, 10)))}
      </span>
      <button type="button" className={button} disabled={withdraw.isPending} onClick={() => withdraw.mutate()}>
        Withdraw
      </button>
    </li>
  );
}
