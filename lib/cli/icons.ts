// Renders the app's PNG icons from the SVG sources in public/icons, so they can be regenerated after
// the artwork changes:   npx tsx lib/cli/icons.ts   (also app/favicon.ico)
// The SVGs are the source of truth; the PNGs are committed because manifests and iOS need bitmaps.
import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { chromium } from "@playwright/test";
import { repoRoot } from "../../prisma/scripts/dev-database";
import { icoFromPngs, type IcoImage } from "./ico";

const iconsDir = path.join(repoRoot, "public", "icons");

/** brand-700, the background of icon.svg. */
const BRAND_700 = "#0f766e";

interface Output {
  source: "icon.svg" | "maskable.svg";
  file: string;
  size: number;
  /**
   * Page colour behind the artwork; null keeps transparency. iOS shows transparent pixels as black and
   * rounds the corners itself, so the touch icon fills icon.svg's rounded corners with the same brand
   * colour to become a full-bleed square.
   */
  background: string | null;
}

const outputs: Output[] = [
  { source: "icon.svg", file: "public/icons/icon-192.png", size: 192, background: null },
  { source: "icon.svg", file: "public/icons/icon-512.png", size: 512, background: null },
  { source: "maskable.svg", file: "public/icons/maskable-512.png", size: 512, background: null },
  { source: "icon.svg", file: "public/apple-touch-icon.png", size: 180, background: BRAND_700 },
];

// Playwright can't download its own browsers on these machines; Debian's chromium works (STACK.md).
const executablePath = process.env.CHROME_PATH ?? ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));
const browser = await chromium.launch({ ...(executablePath ? { executablePath } : {}), args: ["--no-sandbox", "--disable-gpu"] });
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  for (const output of outputs) {
    const svg = await readFile(path.join(iconsDir, output.source));
    const src = `data:image/svg+xml;base64,${svg.toString("base64")}`;
    await page.setViewportSize({ width: output.size, height: output.size });
    await page.setContent(
      `<!doctype html><html><body style="margin:0;background:${output.background ?? "transparent"}">` +
        `<img src="${src}" width="${output.size}" height="${output.size}" style="display:block" alt=""></body></html>`,
    );
    // An <img> with a data: URL can still decode after setContent resolves; a blank icon is the failure mode.
    await page.locator("img").evaluate((img: HTMLImageElement) => img.decode());
    await page.screenshot({
      path: path.join(repoRoot, output.file),
      clip: { x: 0, y: 0, width: output.size, height: output.size },
      omitBackground: output.background === null,
    });
    console.log(`${output.file}  ${output.size}×${output.size}  from ${output.source}`);
  }
  // /favicon.ico (Next serves app/favicon.ico there): browsers and crawlers ask for it whatever the page links.
  const svg = await readFile(path.join(iconsDir, "icon.svg"));
  const images: IcoImage[] = [];
  for (const size of [16, 32, 48]) {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(
      `<!doctype html><html><body style="margin:0;background:transparent">` +
        `<img src="data:image/svg+xml;base64,${svg.toString("base64")}" width="${size}" height="${size}" style="display:block" alt=""></body></html>`,
    );
    await page.locator("img").evaluate((img: HTMLImageElement) => img.decode());
    images.push({ size, png: await page.screenshot({ clip: { x: 0, y: 0, width: size, height: size }, omitBackground: true }) });
  }
  await writeFile(path.join(repoRoot, "app", "favicon.ico"), icoFromPngs(images));
  console.log("app/favicon.ico  16, 32, 48  from icon.svg");
} finally {
  await browser.close();
}
