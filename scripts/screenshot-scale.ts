/**
 * `npx tsx scripts/screenshot-scale.ts [relations] [outdir] [dist]`: screenshots of the built app on a
 * generated dataset (bench/generate.ts, default 1,000,000 relations) at desktop (1440×900) and phone
 * (390×844) sizes, for checking the drawn-edge notice ("Drawing the 50,000 strongest of N edges; …"), its
 * limit control and the labels at scale. The dataset is put in the app's IndexedDB as an import would and
 * the page reloaded onto it, as bench/load-bench.ts does: its files are served one by one from the dist
 * folder (one JSON body of 1M relations crashed the page). Saved as `<outdir>/desktop-1m.png` and
 * `phone-1m.png` (the suffix follows the size: 100k, 1m …).
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { serveDist, launchBrowser, openPage, waitForSettledGraph } from '../tests/e2e/harness';
import { generatedEntry, seedServedFiles, waitForGeneratedDataset } from '../tests/e2e/generated-dataset';
import { datasetToFiles, generateDataset } from '../bench/generate';

const relations = Number(process.argv[2] ?? 1_000_000);
const out = process.argv[3] ?? '/tmp';
const dist = resolve(process.argv[4] ?? 'dist');
const suffix = relations >= 1_000_000 ? `${relations / 1_000_000}m` : `${Math.round(relations / 1000)}k`;

const dataset = generateDataset(relations);
const files = datasetToFiles(dataset) as Record<string, string>;
const dataDir = join(dist, '__screenshot-scale');
for (const [name, text] of Object.entries(files)) {
  await mkdir(dirname(join(dataDir, name)), { recursive: true });
  await writeFile(join(dataDir, name), text);
}
const entry = generatedEntry(dataset, Object.values(files).reduce((sum, text) => sum + text.length, 0));

const server = await serveDist(dist);
const browser = await launchBrowser();
for (const [size, viewport] of [['desktop', { width: 1440, height: 900 }], ['phone', { width: 390, height: 844 }]] as const) {
  const { page, consoleErrors } = await openPage(browser, server.url, viewport);
  await waitForSettledGraph(page);
  const t0 = Date.now();
  await seedServedFiles(page, '__screenshot-scale', Object.keys(files), entry);
  await page.reload();
  await waitForGeneratedDataset(page, 600_000);
  const notice = page.getByTestId('drawn-edges');
  await notice.waitFor({ timeout: 120_000 });
  // A frame drawn with every held edge, so the picture is the one a user sees once loading is over.
  await page.waitForFunction(() => (window as unknown as { __entente: { frameIsCurrent(): boolean } }).__entente.frameIsCurrent(), null, { timeout: 300_000, polling: 250 });
  await page.screenshot({ path: `${out}/${size}-${suffix}.png`, timeout: 120_000 });
  const text = (await notice.innerText()).replace(/\s+/g, ' ');
  const box = await notice.boundingBox();
  console.log(`${size}-${suffix}: saved after ${((Date.now() - t0) / 1000).toFixed(1)} s; notice "${text}" at ${JSON.stringify(box)}; console errors: ${consoleErrors.length ? consoleErrors.join(' | ') : 'none'}`);
  await page.context().close();
}
await browser.close();
await server.close();
await rm(dataDir, { recursive: true, force: true });
