import { describe, it, expect } from "vitest";
import { isLoopbackAddress } from "../../lib/peer";

describe("isLoopbackAddress", () => {
  it("accepts IPv4 loopback, IPv6 loopback and IPv4-mapped loopback", () => {
    for (const address of ["127.0.0.1", "127.1.2.3", "127.255.255.255", "::1", "::ffff:127.0.0.1"]) {
      expect(isLoopbackAddress(address)).toBe(true);
    }
  });

  it("rejects unknown addresses", () => {
    expect(isLoopbackAddress(null)).toBe(false);
    expect(isLoopbackAddress(undefined)).toBe(false);
    expect(isLoopbackAddress("")).toBe(false);
  });

  it("rejects other hosts, including ones that only look like loopback", () => {
    for (const address of [
      "10.0.0.1",
      "192.168.1.10",
      "128.0.0.1",
      "::2",
      "::ffff:10.0.0.1",
      "localhost",
      "127.0.0.1.evil.test",
      "1127.0.0.1",
      " 127.0.0.1",
      "127.0.0.1, 10.0.0.1",
      "127.0.0.1\n",
    ]) {
      expect(isLoopbackAddress(address)).toBe(false);
    }
  });
});
