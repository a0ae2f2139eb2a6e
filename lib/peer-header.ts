// The client's address as our own HTTP server works it out (lib/cli/server.ts), for the sign-in
// limits and the loopback-only development outbox. Pure.

/** Set by lib/cli/server.ts on every request; any client-sent value is overwritten. */
export const CLIENT_ADDRESS_HEADER = "x-waypoint-client-address";

/**
 * The client's address: the TCP peer's, or behind `trustedHops` reverse proxies (TRUSTED_PROXY_HOPS),
 * the address the outermost of them saw. Each proxy appends the address it received the request
 * from to X-Forwarded-For, so reading from the right, past the trusted hops, never reaches the
 * entries a client wrote itself. With fewer entries than hops, the leftmost one (all were appended
 * by proxies we trust). Without trusted hops the header is ignored: anyone can send it.
 */
export function clientAddress(peer: string | undefined, forwardedFor: string | string[] | undefined, trustedHops: number): string {
  if (trustedHops <= 0) return peer ?? "";
  const chain = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? ""))
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0);
  // Nearest first: the peer (the last proxy), then what it saw, then what the one before it saw…
  const nearestFirst = [peer ?? "", ...chain.reverse()];
  return nearestFirst[Math.min(trustedHops, nearestFirst.length - 1)]!;
}
