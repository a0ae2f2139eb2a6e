// `npm run shipped-maintenance`: one "maintained 3+ months" pass now, as the background job runs it
// every 15 minutes — for a deployment running no background jobs for a while, or to see what a pass
// does. Safe beside a running scheduler (the pass ticks each record once). Ends with `checked N, ticked M`.
import { runOnce } from "./local-env";

await runOnce(async () => {
  const { completeDueMaintenance } = await import("../shipped");
  const { checked, ticked } = await completeDueMaintenance(new Date());
  console.log(`checked ${checked}, ticked ${ticked}`);
  return 0;
});
