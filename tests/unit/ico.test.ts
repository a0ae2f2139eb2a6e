import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { icoFromPngs } from "../../lib/cli/ico";

describe("icoFromPngs", () => {
  it("writes the ICO header and one directory entry per image, pointing at its PNG", () => {
    const a = Uint8Array.from([1, 2, 3]);
    const b = Uint8Array.from([4, 5, 6, 7, 8]);
    const ico = icoFromPngs([
      { size: 16, png: a },
      { size: 256, png: b },
    ]);
    expect([...ico.subarray(0, 6)]).toEqual([0, 0, 1, 0, 2, 0]);
    // First entry: 16×16, 32 bpp, 3 bytes at offset 6 + 2×16 = 38.
    expect(ico.readUInt8(6)).toBe(16);
    expect(ico.readUInt16LE(6 + 6)).toBe(32);
    expect(ico.readUInt32LE(6 + 8)).toBe(3);
    expect(ico.readUInt32LE(6 + 12)).toBe(38);
    // Second: 256 is written as 0; its data follows the first's.
    expect(ico.readUInt8(22)).toBe(0);
    expect(ico.readUInt32LE(22 + 12)).toBe(41);
    expect([...ico.subarray(38)]).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it("refuses a size an ICO can't hold", () => {
    expect(() => icoFromPngs([{ size: 512, png: new Uint8Array(1) }])).toThrow(/512/);
  });

  it("is what app/favicon.ico holds: an icon with PNG images", () => {
    const ico = readFileSync(new URL("../../app/favicon.ico", import.meta.url));
    expect(ico.readUInt16LE(2)).toBe(1);
    const count = ico.readUInt16LE(4);
    expect(count).toBeGreaterThanOrEqual(2);
    const first = ico.readUInt32LE(6 + 12);
    expect([...ico.subarray(first, first + 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  });
});
