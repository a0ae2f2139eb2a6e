// Packs PNG images into one .ico file (app/favicon.ico). Browsers and Windows have read PNG-encoded
// ICO entries since Vista, so no bitmap conversion is needed. Pure.

export interface IcoImage {
  /** Width and height in pixels, 1–256. */
  size: number;
  png: Uint8Array;
}

export function icoFromPngs(images: readonly IcoImage[]): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(images.length, 4);
  const entries: Buffer[] = [];
  let offset = 6 + 16 * images.length;
  for (const { size, png } of images) {
    if (!Number.isInteger(size) || size < 1 || size > 256) throw new Error(`icon size ${size} is outside 1–256`);
    const entry = Buffer.alloc(16);
    // 0 in the width and height bytes means 256.
    entry.writeUInt8(size === 256 ? 0 : size, 0);
    entry.writeUInt8(size === 256 ? 0 : size, 1);
    entry.writeUInt8(0, 2); // no palette
    entry.writeUInt8(0, 3); // reserved
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(png.byteLength, 8);
    entry.writeUInt32LE(offset, 12);
    entries.push(entry);
    offset += png.byteLength;
  }
  return Buffer.concat([header, ...entries, ...images.map((i) => Buffer.from(i.png))]);
}
