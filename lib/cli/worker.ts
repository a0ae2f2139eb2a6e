// `npm run worker`: the weekly email's scheduler and workers in a process of their own, for when the
// web app runs with DIGEST_SCHEDULER=off or on several machines. Any number may run at once.
import { prepareLocalEnv } from "./local-env";

const database = await prepareLocalEnv(Number(process.env.PORT ?? 3000));
const { startDigestScheduler } = await import("../digest/scheduler");
const { sendMail } = await import("../mail");
const scheduler = await startDigestScheduler({ connectionString: database.url, send: sendMail });
console.log("weekly email worker running; Ctrl-C stops it");

async function stop() {
  await scheduler.stop();
  await database.stop();
  process.exit(0);
}
process.on("SIGINT", () => void stop());
process.on("SIGTERM", () => void stop());
