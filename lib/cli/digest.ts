// `npm run digest -- --week 2026-W48 [--dry-run]`: composes, and without --dry-run sends, the weekly
// emails due in that ISO week — every user with the digest on and an open enrolment whose weekday
// and hour in that week have come, and whose delivery for it isn't settled. Each is composed as of
// its own send moment. Ends with `sent N, skipped M, failed K`.
import { parseArgs } from "node:util";
import { prepareLocalEnv } from "./local-env";

const { values } = parseArgs({ options: { week: { type: "string" }, "dry-run": { type: "boolean", default: false } } });
const database = await prepareLocalEnv(Number(process.env.PORT ?? 3000));
let exitCode = 0;
try {
  const { isIsoWeek } = await import("../checkins/week");
  if (!values.week || !isIsoWeek(values.week)) {
    console.error("usage: npm run digest -- --week YYYY-Www [--dry-run]   (e.g. --week 2026-W48)");
    exitCode = 2;
  } else {
    const { runDigestWeek } = await import("../digest/batch");
    const { sendMail } = await import("../mail");
    const summary = await runDigestWeek(values.week, { dryRun: values["dry-run"], send: sendMail, now: new Date() });
    for (const failure of summary.failures) console.error(`failed for user ${failure.userId}: ${failure.error}`);
    if (values["dry-run"]) console.log(`dry run: ${summary.composed} composed, nothing sent`);
    console.log(`sent ${summary.sent}, skipped ${summary.skipped}, failed ${summary.failed}`);
    if (summary.failed > 0) exitCode = 1;
  }
} catch (error) {
  console.error(error);
  exitCode = 1;
} finally {
  const { db } = await import("../db");
  await db.$disconnect();
  await database.stop();
}
process.exit(exitCode);
