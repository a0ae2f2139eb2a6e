/** One address, one identity: next-auth's identifier and the sign-in rate limit's key both use this. */
export function normalizeEmailAddress(address: string): string {
  return address.trim().toLowerCase();
}
