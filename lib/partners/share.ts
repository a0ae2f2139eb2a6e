// What an accountability partner may see of the person they follow. Pure: the one projection from
// the share settings to the partner's view, so no page or email can show a field by another path.
import type { PacingStatus, VerdictTone } from "../pacing";

/** Every field a person can share, in the order the settings list them. The enum PartnerShare in the schema spells the same. */
export const SHARE_FIELDS = [
  "roadmap",
  "phases",
  "pace",
  "this_week",
  "shipped",
  "streak",
  "notes",
  "checkin_text",
  "evidence",
  "confidence",
  "email",
] as const;
export type ShareField = (typeof SHARE_FIELDS)[number];

/** Shared unless the person unticks them: progress, not private words. */
export const DEFAULT_SHARES: readonly ShareField[] = ["roadmap", "phases", "pace", "this_week", "shipped", "streak"];
/** Never shared by default: what the person wrote for themselves, and how to reach them. */
export const OPT_IN_SHARES: readonly ShareField[] = ["notes", "checkin_text", "evidence", "confidence", "email"];

export const SHARE_LABELS: Record<ShareField, string> = {
  roadmap: "Roadmap and milestones",
  phases: "Each phase's progress",
  pace: "Pace verdict and buffer",
  this_week: "This week's plan",
  shipped: "Shipped-feature record (title, launch, outcome, incident dates)",
  streak: "Check-in streak and last check-in",
  notes: "Milestone notes",
  checkin_text: "Check-in notes",
  evidence: "Evidence links",
  confidence: "Check-in confidence",
  email: "Email address",
};

/** The settings' order, duplicates dropped: how a field set is stored and compared. */
export function normaliseShares(fields: readonly ShareField[]): ShareField[] {
  const chosen = new Set(fields);
  return SHARE_FIELDS.filter((f) => chosen.has(f));
}

/** Everything the partner's view could hold, read for one person; projectForPartner keeps what is shared. */
export interface PartnerSource {
  name: string | null;
  email: string;
  roadmap: {
    slug: string;
    title: string;
    phases: {
      title: string;
      done: number;
      total: number;
      share: number;
      milestones: { id: string; title: string; status: string; note: string | null; evidenceUrl: string | null }[];
    }[];
  } | null;
  pace: {
    status: PacingStatus;
    label: string;
    tone: VerdictTone;
    headline: string;
    bufferDays: number | null;
    share: number;
    paused: boolean;
  } | null;
  thisWeek: { week: string; budgetHours: number; loggedHours: number; items: { title: string; hours: number }[] } | null;
  shipped: { title: string; launchDate: string; outcome: string | null; incidentDates: string[] } | null;
  streak: { weeks: number; lastCheckInWeek: string | null };
  checkIns: { week: string; note: string | null; confidence: number }[];
}

export interface PartnerMilestoneView {
  /** The catalogue milestone's id, which kudos point at. */
  id: string;
  title: string;
  status: string;
  note?: string | null;
  evidenceUrl?: string | null;
}

/** The partner's view: a key is present only when its field is shared. */
export interface PartnerView {
  /** The name is how the partner knows whom they follow: always there (it may be null). */
  name: string | null;
  email?: string;
  roadmap?: { slug: string; title: string; milestones?: { phaseTitle: string; items: PartnerMilestoneView[] }[] } | null;
  phases?: { title: string; done: number; total: number; share: number }[];
  pace?: PartnerSource["pace"];
  thisWeek?: PartnerSource["thisWeek"];
  shipped?: PartnerSource["shipped"];
  streak?: PartnerSource["streak"];
  checkIns?: { week: string; note?: string | null; confidence?: number }[];
}

/**
 * The view a partner with `shares` gets of `source`. Built key by key from the share set, never by
 * copying and deleting, so a field added to PartnerSource stays private until it is given a share.
 * Notes and evidence ride on the milestones, so they need the roadmap too.
 */
export function projectForPartner(shares: readonly ShareField[], source: PartnerSource): PartnerView {
  const may = new Set(shares);
  const view: PartnerView = { name: source.name };
  if (may.has("email")) view.email = source.email;
  if (may.has("roadmap")) {
    view.roadmap = source.roadmap && {
      slug: source.roadmap.slug,
      title: source.roadmap.title,
      milestones: source.roadmap.phases.map((phase) => ({
        phaseTitle: phase.title,
        items: phase.milestones.map((m) => ({
          id: m.id,
          title: m.title,
          status: m.status,
          ...(may.has("notes") ? { note: m.note } : {}),
          ...(may.has("evidence") ? { evidenceUrl: m.evidenceUrl } : {}),
        })),
      })),
    };
  }
  if (may.has("phases"))
    view.phases = source.roadmap ? source.roadmap.phases.map(({ title, done, total, share }) => ({ title, done, total, share })) : [];
  if (may.has("pace")) view.pace = source.pace;
  if (may.has("this_week")) view.thisWeek = source.thisWeek;
  if (may.has("shipped")) view.shipped = source.shipped;
  if (may.has("streak")) view.streak = source.streak;
  if (may.has("checkin_text") || may.has("confidence")) {
    view.checkIns = source.checkIns.map((c) => ({
      week: c.week,
      ...(may.has("checkin_text") ? { note: c.note } : {}),
      ...(may.has("confidence") ? { confidence: c.confidence } : {}),
    }));
  }
  return view;
}
