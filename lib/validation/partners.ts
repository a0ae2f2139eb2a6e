import { z } from "zod";
import { NOTE_MAX_CHARS } from "./limits";
import { SHARE_FIELDS } from "../partners/share";

export const PARTNER_ROLES = ["mentor", "manager", "friend"] as const;
export type PartnerRole = (typeof PARTNER_ROLES)[number];
export { NOTE_MAX_CHARS };

export const partnerInviteSchema = z.object({
  email: z.string().trim().min(1, "Enter their email address.").max(254, "That address is too long."),
  role: z.enum(PARTNER_ROLES, { error: "Choose mentor, manager or friend." }),
  shares: z.array(z.enum(SHARE_FIELDS)).max(SHARE_FIELDS.length),
});
export type PartnerInvite = z.output<typeof partnerInviteSchema>;

export const partnerNoteSchema = z
  .object({
    kind: z.enum(["kudos", "comment"]),
    body: z
      .string()
      .trim()
      .max(NOTE_MAX_CHARS, `At most ${NOTE_MAX_CHARS} characters.`)
      // Plain text on one screen: control characters other than line breaks have no place in it.
      // eslint-disable-next-line no-control-regex -- matching control characters is the point of this check
      .refine((s) => !/[\u0000-\u0009\u000B-\u001F\u007F]/.test(s), "Plain text only.")
      .optional(),
    /** A milestone of the person's roadmap (its id), or a week ("2026-W49"). */
    milestoneId: z.string().min(1).max(64).optional(),
    isoWeek: z
      .string()
      .regex(/^\d{4}-W\d{2}$/, "Not a week.")
      .optional(),
  })
  .refine((n) => (n.milestoneId === undefined) !== (n.isoWeek === undefined), {
    message: "Leave it on one milestone or one week.",
    path: ["isoWeek"],
  })
  .refine((n) => n.kind === "kudos" || (n.body !== undefined && n.body.length > 0), { message: "Write a comment.", path: ["body"] });
export type PartnerNoteInput = z.output<typeof partnerNoteSchema>;

export const partnerCopySchema = z.object({ enabled: z.boolean() });

export const partnerUpdateSchema = z
  .object({ shares: z.array(z.enum(SHARE_FIELDS)).max(SHARE_FIELDS.length).optional(), muted: z.boolean().optional() })
  .refine((c) => c.shares !== undefined || c.muted !== undefined, { message: "Change what they see, or mute them.", path: ["shares"] });

export const acceptInvitationSchema = z.object({ token: z.string().min(1).max(100) });
