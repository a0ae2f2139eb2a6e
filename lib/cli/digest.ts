// `npm run digest -- --week 2026-W48 [--dry-run]`: composes, and without --dry-run sends, the weekly
// emails due in that ISO week — every user with the digest on and an open enrolment whose weekday
// and hour in that week have come, and whose delivery for it isn't settled. Each is composed as of
// its own send moment. Ends with `sent N, skipped M, failed K`.
import { parseArgs } from "node:util";
import { runOnce } from "./local-env";

const { values } = parseArgs({ options: { week: { type: "string" }, "dry-run": { type: "boolean", default: false } } });
await runOnce(async () => {
  const { isIsoWeek } = await import("../calendar/iso-weeks");
  if (!values.week || !isIsoWeek(values.week)) {
    console.error("usage: npm run digest -- --week YYYY-Www [--dry-run]   (e.g. --week 2026-W48)");
    return 2;
  }
  const { runDigestWeek } = await import("../digest/batch");
  const { sendMail } = await import("../mail");
  const summary = await runDigestWeek(values.week, { dryRun: values["dry-run"], send: sendMail, now: new Date() });
  for (const failure of summary.failures) console.error(`failed for user ${failure.userId}: ${failure.error}`);
  if (values["dry-run"]) console.log(`dry run: ${summary.composed} composed, nothing sent`);
  console.log(`sent ${summary.sent}, skipped ${summary.skipped}, failed ${summary.failed}`);
  return summary.failed > 0 ? 1 : 0;
});
