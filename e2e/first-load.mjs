// The first load of a page in Chromium with an empty cache: the navigation's duration
// (from the start of the request to the load event) and every byte transferred
// (document, script, stylesheet), from the browser's own Navigation and Resource Timing.
// Usage: node first-load.mjs URL   (bench/web runs it)
import { chromium } from "playwright-core";

const url = process.argv[2];
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const runs = [];
for (let i = 0; i < 5; i++) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url, { waitUntil: "load" });
  runs.push(await page.evaluate(() => {
    const nav = performance.getEntriesByType("navigation")[0];
    const bytes = [nav, ...performance.getEntriesByType("resource")].reduce((n, e) => n + e.transferSize, 0);
    return { ms: nav.loadEventEnd - nav.startTime, bytes };
  }));
  await context.close();
}
await browser.close();
runs.sort((a, b) => a.ms - b.ms);
const median = runs[Math.floor(runs.length / 2)];
console.log(`first load of Today in Chromium (median of ${runs.length}, empty cache): ${median.ms.toFixed(0)} ms, ${(median.bytes / 1024).toFixed(1)} KB transferred`);
