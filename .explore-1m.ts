// Scratch (not committed): the 1M dataset explored in the built app, with screenshots.
import { launchBrowser, openPage, serveDist, statusCounts } from './tests/e2e/harness';
import { waitForGeneratedDataset } from './tests/e2e/generated-dataset';
import { datasetToFiles, generateDataset } from './bench/generate';
import { mkdir, writeFile, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
const N = Number(process.env.N ?? 1_000_000);
const out = '/work/notes/shots';
const t0 = Date.now();
const log = (s: string) => console.log(`${((Date.now() - t0) / 1000).toFixed(0)}s ${s}`);
const server = await serveDist();
const browser = await launchBrowser();
try {
  const { page, consoleErrors } = await openPage(browser, server.url, { width: 1440, height: 900 });
  await page.waitForSelector('.shell[data-status="ready"]', { timeout: 120_000 });
  const files = datasetToFiles(generateDataset(N)) as Record<string, string>;
  const names = Object.keys(files);
  for (const name of names) { await mkdir(dirname(join('dist/__explore', name)), { recursive: true }); await writeFile(join('dist/__explore', name), files[name]); }
  await page.evaluate(async ({ names, N }) => {
    const files: Record<string, string> = {};
    for (const name of names) files[name] = await (await fetch(`__explore/${name}`)).text();
    const db = await new Promise<IDBDatabase>((done, fail) => { const r = indexedDB.open('entente'); r.onsuccess = () => done(r.result); r.onerror = () => fail(r.error); });
    const tx = db.transaction(['datasets', 'payloads'], 'readwrite');
    tx.objectStore('payloads').put({ id: 'd-generated', files });
    tx.objectStore('datasets').put({ id: 'd-generated', name: `Generated ${N}`, format: 'graph-data', importedAt: new Date().toISOString(), counts: { actors: 0, relations: N, sources: 0, types: 0 }, dateRange: { from: '', to: '' }, size: 0, hasTexts: false });
    await new Promise((done, fail) => { tx.oncomplete = done; tx.onerror = () => fail(tx.error); });
    db.close();
    localStorage.setItem('entente.dataset', 'd-generated');
  }, { names, N });
  await rm('dist/__explore', { recursive: true, force: true });
  log('seeded');
  await page.reload();
  await waitForGeneratedDataset(page, 600_000);
  log('loaded');
  await page.getByTestId('drawn-edges').waitFor({ timeout: 120_000 });
  log(`notice: ${await page.getByTestId('drawn-edges').innerText()}`);
  log(`status: ${JSON.stringify(await statusCounts(page))}`);
  const stop = page.locator('[data-testid="layout-progress"] button', { hasText: 'Stop' });
  if (await stop.count()) { await stop.click().catch(() => {}); log('layout stopped'); }
  page.setDefaultTimeout(240_000);
  await page.screenshot({ path: `${out}/int-1m-desktop.png` });
  // Filter: a type off, then a narrower window.
  const first = await page.locator('section[aria-labelledby="types-heading"] input[type=checkbox]').first();
  const t1 = Date.now(); await first.uncheck();
  await page.waitForFunction((n) => !document.querySelector('[data-testid="status"]')?.textContent?.includes(`Showing ${n} of`), N, { timeout: 120_000 });
  log(`type off in ${Date.now() - t1} ms: ${JSON.stringify(await statusCounts(page))}`);
  const field = page.getByLabel('From', { exact: true });
  await field.fill('2020-01-01'); await field.press('Enter');
  await page.waitForTimeout(500);
  log(`window from 2020: ${JSON.stringify(await statusCounts(page))}`);
  await page.screenshot({ path: `${out}/int-1m-desktop-filtered.png` });
  // Evidence: click the middle of a straight drawn edge.
  const targets = (await page.evaluate('window.__entente.visibleEdges()')) as Array<{ point: { x: number; y: number } | null }>;
  const withPoint = targets.filter((t) => t.point);
  log(`visible edges ${targets.length}, with point ${withPoint.length}`);
  let opened = false;
  for (const t of withPoint.slice(0, 20)) {
    const edge = await page.evaluate(`window.__entente.edgeAt(${t.point!.x}, ${t.point!.y})`);
    if (edge === null || edge === undefined) continue;
    const box = await page.locator('.graph canvas, canvas').first().boundingBox();
    await page.mouse.click((box?.x ?? 0) + t.point!.x, (box?.y ?? 0) + t.point!.y);
    try { await page.getByRole('heading', { level: 2 }).first().waitFor({ timeout: 10_000 }); } catch {}
    opened = true; break;
  }
  await page.waitForTimeout(800);
  log(`evidence opened: ${opened}`);
  await page.screenshot({ path: `${out}/int-1m-desktop-evidence.png` });
  await page.keyboard.press('Escape');
  // Play a few steps, then stop.
  const play = page.getByRole('button', { name: 'Play', exact: true });
  const before = await page.getByLabel('From', { exact: true }).inputValue();
  await play.click();
  await page.waitForFunction((b) => (document.querySelector('.date-field input') as HTMLInputElement | null)?.value !== b, before, { timeout: 120_000 }).catch(() => log('play: window did not move'));
  log(`play moved window from ${before} to ${await page.getByLabel('From', { exact: true }).inputValue()}`);
  await page.screenshot({ path: `${out}/int-1m-desktop-play.png` });
  const pause = page.getByRole('button', { name: /Pause|Stop/ }).first();
  if (await pause.count()) await pause.click();
  // Export PNG.
  await page.locator('header').getByRole('button', { name: 'Export PNG', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Export PNG' });
  await dialog.waitFor();
  const t2 = Date.now();
  const [png] = await Promise.all([page.waitForEvent('download', { timeout: 300_000 }), dialog.getByRole('button', { name: 'Export PNG', exact: true }).click()]);
  await png.saveAs(`${out}/int-1m-export.png`);
  log(`PNG export ${png.suggestedFilename()} in ${Date.now() - t2} ms`);
  // Export data (CSV).
  const menu = page.locator('details.menu');
  await menu.locator('summary').click();
  const t3 = Date.now();
  const [csv] = await Promise.all([page.waitForEvent('download', { timeout: 300_000 }), menu.getByRole('button', { name: /^CSV/ }).click()]);
  await csv.saveAs(`/tmp/int-1m-export.csv`);
  log(`CSV export ${csv.suggestedFilename()} in ${Date.now() - t3} ms`);
  // Phone.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForTimeout(1500);
  await page.screenshot({ path: `${out}/int-1m-phone.png` });
  await page.screenshot({ path: `${out}/int-1m-phone-full.png`, fullPage: true });
  log(`console errors: ${JSON.stringify(consoleErrors.slice(0, 5))}`);
} finally {
  await browser.close();
  await server.close();
}
