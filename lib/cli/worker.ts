// `npm run worker`: the background jobs (the weekly email, the "maintained 3+ months" pass) and their
// workers in a process of their own, for when the web app runs with DIGEST_SCHEDULER=off or on
// several machines. Any number may run at once.
import { prepareLocalEnv, reportFailure } from "./local-env";

const database = await prepareLocalEnv(Number(process.env.PORT ?? 3000)).catch((error: unknown) => {
  reportFailure("could not open the database", error);
  process.exit(1);
});
const { describeCatchUp, startScheduler } = await import("../scheduler");
const { sendMail } = await import("../mail");
const scheduler = await startScheduler({ connectionString: database.url, send: sendMail });
console.log("background jobs worker running (weekly email, maintained-3-months pass); Ctrl-C stops it");
// After a deploy or an outage, what came due meanwhile goes now, not at the next cron (up to 15 minutes).
console.log(describeCatchUp(await scheduler.catchUp()));

// Once, however many signals arrive (see start.ts).
let stopping: Promise<never> | undefined;
function stop(): Promise<never> {
  return (stopping ??= (async () => {
    await scheduler.stop();
    await database.stop();
    process.exit(0);
  })());
}
process.on("SIGINT", () => void stop());
process.on("SIGTERM", () => void stop());
