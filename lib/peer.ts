// The client address, as stamped by lib/cli/server.ts (which overwrites any client-sent value).
import { headers } from "next/headers";
import { CLIENT_ADDRESS_HEADER } from "./peer-header";

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

export function isLoopbackAddress(address: string | null | undefined): boolean {
  return typeof address === "string" && LOOPBACK.test(address);
}

/** True only when our own server saw the request arrive over loopback. Unknown ⇒ false. */
export async function requestIsFromLoopback(): Promise<boolean> {
  return isLoopbackAddress((await headers()).get(CLIENT_ADDRESS_HEADER));
}
