/** Set by lib/cli/server.ts from the TCP peer address; any client-sent value is overwritten. */
export const PEER_ADDRESS_HEADER = "x-waypoint-peer-address";
