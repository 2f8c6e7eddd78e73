/**
 * The built app under the strict Content-Security-Policy of issue 10: it loads
 * its data, lays out and draws the graph, and exports, with no violation
 * reported and nothing blocked.
 */
import { fileURLToPath } from 'node:url';
import { readFile } from 'node:fs/promises';
import { expect, test } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { statusCounts, useBuiltApp, waitForSettledGraph } from './harness';
import { captureCanvas, countNonBackground, decodePng } from './pixels';
import { loadDataset } from '../../src/lib/core/load';
import { readGraphDataFolder } from '../../scripts/read-graph-data';

export const STRICT_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; worker-src 'self' blob:; connect-src 'self'; object-src 'none'; base-uri 'none'";

const loaded = loadDataset(readGraphDataFolder(fileURLToPath(new URL('../../graph-data', import.meta.url))));
if (!loaded.ok) throw new Error(`e2e: graph-data does not load: ${loaded.issues.length} issues`);
const TOTAL = loaded.dataset.relations.length;

const app = useBuiltApp(undefined, { headers: { 'content-security-policy': STRICT_CSP } });

interface Violation {
  directive: string;
  blocked: string;
}

/** Opens the app with a listener for CSP violations installed before any of its scripts run. */
async function openWatchingViolations() {
  const context = await app.browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  const foreignRequests: string[] = [];
  const origin = new URL(app.url).origin;
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) foreignRequests.push(url);
  });
  await page.addInitScript(() => {
    const seen: Array<{ directive: string; blocked: string }> = [];
    (window as unknown as { __cspViolations: typeof seen }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => seen.push({ directive: event.effectiveDirective, blocked: event.blockedURI }));
  });
  const response = await page.goto(app.url);
  expect(response?.headers()['content-security-policy']).toBe(STRICT_CSP);
  const violations = () => page.evaluate(() => (window as unknown as { __cspViolations: Violation[] }).__cspViolations.slice());
  return { page, consoleErrors, foreignRequests, violations };
}

test('the app renders, lays out and exports under the strict CSP, without a violation', async () => {
  const watched = await openWatchingViolations();
  const { page } = watched;
  await waitForSettledGraph(page);

  expect(await statusCounts(page)).toEqual({ shown: TOTAL, total: TOTAL });
  expect(TOTAL).toBeGreaterThan(100);
  const picture = await captureCanvas(page);
  // Edges and nodes cover a good part of the canvas; an empty or blocked WebGL canvas has none.
  expect(countNonBackground(picture)).toBeGreaterThan(picture.width * picture.height * 0.01);

  // Export PNG: drawn on a canvas, handed over as a blob: URL.
  await page.locator('header').getByRole('button', { name: 'Export PNG', exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor({ state: 'visible' });
  const [png] = await Promise.all([page.waitForEvent('download', { timeout: 90_000 }), dialog.getByRole('button', { name: 'Export PNG', exact: true }).click()]);
  const image = decodePng(await readFile((await png.path())!));
  expect(image.width).toBeGreaterThan(100);

  // Export data: a blob: download too.
  await page.locator('summary', { hasText: 'Export data' }).click();
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /^CSV\b/ }).click()]);
  const text = await readFile((await csv.path())!, 'utf8');
  expect(text.trim().split(/\r?\n/).length).toBe(TOTAL + 1);

  expect(await watched.violations()).toEqual([]);
  expect(watched.consoleErrors).toEqual([]);
  expect(watched.foreignRequests).toEqual([]);

  // The policy is really enforced in this page: an inline script is refused and reported.
  const inlineRan = await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__inlineRan = true';
    document.head.append(script);
    return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true;
  });
  expect(inlineRan).toBe(false);
  await expect.poll(async () => (await watched.violations()).map((v) => `${v.directive} ${v.blocked}`)).toEqual(['script-src-elem inline']);
});

test('importing a graph-data zip works under the strict CSP: the worker, the preview and the switch, without a violation', async () => {
  const watched = await openWatchingViolations();
  const { page } = watched;
  await waitForSettledGraph(page);
  const folder = fileURLToPath(new URL('../fixtures/import-ui/small-graph-data', import.meta.url));
  const files = readGraphDataFolder(folder);
  const expected = loadDataset(files);
  if (!expected.ok) throw new Error('e2e: the small graph-data fixture does not load');
  const zip = zipSync(Object.fromEntries(Object.entries(files).map(([path, text]) => [path, strToU8(typeof text === 'string' ? text : new TextDecoder().decode(text))])));
  const transfer = await page.evaluateHandle((b64) => {
    const binary = atob(b64);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    const dt = new DataTransfer();
    dt.items.add(new File([bytes], 'small-graph-data.zip'));
    return dt;
  }, Buffer.from(zip).toString('base64'));
  await page.dispatchEvent('main.stage', 'dragenter', { dataTransfer: transfer });
  await page.dispatchEvent('main.stage', 'drop', { dataTransfer: transfer });
  const dialog = page.locator('dialog.open-data');
  await dialog.getByTestId('import-counts').waitFor({ timeout: 60_000 });
  await dialog.getByRole('button', { name: 'Open and save' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await waitForSettledGraph(page);
  const total = expected.dataset.relations.length;
  await expect.poll(() => statusCounts(page)).toEqual({ shown: total, total });
  expect(await watched.violations()).toEqual([]);
  expect(watched.consoleErrors).toEqual([]);
  expect(watched.foreignRequests).toEqual([]);
});
