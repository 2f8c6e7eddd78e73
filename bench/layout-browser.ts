/**
 * `npx tsx bench/layout-browser.ts [--dist=dist] [--relations=100000] [--loads=3] [--shots=dir]`:
 * the built app in headless Chromium (1440×900) on a generated dataset, each
 * load in a fresh profile: how the layout ended (settled, limit, timeout),
 * its iterations and seconds as the app reports them, the time from the
 * graph's first frame to the end, and whether a reload shows the saved
 * positions without laying out again. Saves a screenshot of each settled
 * view when --shots is given. Run it on an otherwise quiet machine.
 */
import { loadavg } from 'node:os';
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { launchBrowser, openPage, serveDist, waitForSettledGraph } from '../tests/e2e/harness';
import { seedGeneratedDataset, waitForGeneratedDataset } from '../tests/e2e/generated-dataset';

const arg = (name: string, fallback: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const relations = Number(arg('relations', '100000'));
const loads = Number(arg('loads', '3'));
const shots = process.argv.find((a) => a.startsWith('--shots='))?.split('=')[1];
const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');

interface Report {
  kind: string;
  end?: string;
  iterations?: number;
  ms?: number;
}

const server = await serveDist(resolve(arg('dist', 'dist')));
const browser = await launchBrowser();
if (shots) await mkdir(shots, { recursive: true });
console.log(`layout in the browser: ${relations.toLocaleString('en')} relations, ${loads} loads; load average ${load()}`);
try {
  for (let k = 0; k < loads; k++) {
    const { page, consoleErrors } = await openPage(browser, server.url);
    await waitForSettledGraph(page);
    await seedGeneratedDataset(page, relations);
    const started = Date.now();
    await page.reload();
    await waitForGeneratedDataset(page, 300_000);
    const shown = Date.now() - started;
    // Explorable while the layout runs: the status line counts the rows already.
    const statusWhileRunning = await page.getByTestId('status').innerText();
    const report = (await page.waitForFunction(
      () => {
        const r = (window as unknown as { __entente: { layoutReport(): Report | null } }).__entente?.layoutReport();
        return r?.kind === 'done' ? r : null;
      },
      undefined,
      { timeout: 300_000, polling: 200 },
    ).then((h) => h.jsonValue())) as Report;
    const ended = Date.now() - started;
    const status = await page.getByTestId('layout-status').innerText();
    console.log(`load ${k + 1}: ${report.end} after ${report.iterations} iterations in ${((report.ms ?? 0) / 1000).toFixed(1)} s (app's figure); graph shown ${(shown / 1000).toFixed(1)} s after navigation, layout done ${(ended / 1000).toFixed(1)} s after; status "${status}"; while running: "${statusWhileRunning.slice(0, 60)}"; load ${load()}`);
    // SwiftShader draws tens of thousands of edges in software: a frame can take many seconds.
    if (shots) await page.screenshot({ path: `${shots}/layout-${relations / 1000}k-load${k + 1}.png`, timeout: 240_000 });
    await page.reload();
    await waitForGeneratedDataset(page, 300_000);
    const restored = await page.waitForFunction(() => (window as unknown as { __entente: { layoutReport(): Report | null } }).__entente?.layoutReport()?.kind, undefined, { timeout: 60_000 }).then((h) => h.jsonValue());
    console.log(`  after reload: ${restored}; console errors ${consoleErrors.length}${consoleErrors.length ? `: ${consoleErrors[0].slice(0, 120)}` : ''}`);
    await page.context().close();
  }
} finally {
  await browser.close();
  await server.close();
}
