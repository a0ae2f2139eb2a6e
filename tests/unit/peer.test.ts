import { describe, it, expect } from "vitest";
import { isLoopbackAddress } from "../../lib/peer";
import { clientAddress } from "../../lib/peer-header";

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

describe("clientAddress", () => {
  it("is the TCP peer when no proxy is trusted, whatever X-Forwarded-For says", () => {
    expect(clientAddress("198.51.100.9", undefined, 0)).toBe("198.51.100.9");
    expect(clientAddress("198.51.100.9", "203.0.113.7", 0)).toBe("198.51.100.9");
    expect(clientAddress(undefined, "203.0.113.7", 0)).toBe("");
  });

  it("behind one proxy, is the address that proxy appended, never one the client wrote before it", () => {
    expect(clientAddress("127.0.0.1", "203.0.113.7", 1)).toBe("203.0.113.7");
    expect(clientAddress("127.0.0.1", "10.9.9.9, 203.0.113.7", 1)).toBe("203.0.113.7");
    expect(clientAddress("127.0.0.1", ["127.0.0.1", "203.0.113.7"], 1)).toBe("203.0.113.7");
    expect(clientAddress("127.0.0.1", " 203.0.113.7 ,", 1)).toBe("203.0.113.7");
  });

  it("behind two proxies, is what the outer one saw", () => {
    expect(clientAddress("10.0.0.2", "spoofed, 203.0.113.7, 10.0.0.1", 2)).toBe("203.0.113.7");
  });

  it("with fewer entries than trusted hops, is the leftmost; with none, the peer", () => {
    expect(clientAddress("10.0.0.2", "203.0.113.7", 3)).toBe("203.0.113.7");
    expect(clientAddress("10.0.0.2", undefined, 2)).toBe("10.0.0.2");
    expect(clientAddress("10.0.0.2", "", 1)).toBe("10.0.0.2");
  });
});
