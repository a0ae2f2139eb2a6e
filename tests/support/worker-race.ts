// The race both weekly emails (the digest, the partner's copy) must survive: two workers tick the
// same due pass twice each, and worker A dies on its third send (the send never returns, then the
// process is gone). Their short lease (1 s) and job expiry (2 s) let B take over A's claims in the run.
import type { Mail } from "../../lib/mail";

interface Worker {
  digestTick(at: Date): Promise<unknown>;
  stop(options: { graceful: boolean }): Promise<void>;
}

type Start<W> = (
  send: (mail: Mail) => Promise<void>,
  extra: { expireInSeconds: number; leaseMs: number; maintenanceIntervalSeconds: number },
) => Promise<W>;

/** Runs the race at `at` and returns once A has crashed and been stopped: A (for the caller to drop from its list) and B, still running. */
export async function raceWithACrash<W extends Worker>(
  start: Start<W>,
  send: (mail: Mail) => Promise<void>,
  at: Date,
): Promise<{ crashed: W; survivor: W }> {
  const lease = { expireInSeconds: 2, leaseMs: 1_000, maintenanceIntervalSeconds: 1 };
  let sentByA = 0;
  let crashed: () => void = () => {};
  const crash = new Promise<void>((resolve) => (crashed = resolve));
  const a = await start(async (mail) => {
    if (++sentByA === 3) {
      crashed();
      await new Promise(() => {});
    }
    await send(mail);
  }, lease);
  const b = await start(send, lease);
  await Promise.all([a.digestTick(at), b.digestTick(at), a.digestTick(at), b.digestTick(at)]);
  await crash;
  await a.stop({ graceful: false });
  return { crashed: a, survivor: b };
}
