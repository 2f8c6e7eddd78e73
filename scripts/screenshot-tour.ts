/**
 * `npx tsx scripts/screenshot-tour.ts [outdir]`: screenshots of the built app's main views at desktop
 * (1440×900) and phone (390×844) sizes, for looking at the UI the way a user sees it: the explorer, an
 * actor selected, an edge's evidence, the table, the filters, compare, the import preview and the
 * export dialogs. A step that fails is reported and the tour goes on.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { zipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { serveDist, launchBrowser, openPage, waitForSettledGraph } from '../tests/e2e/harness';

const out = process.argv[2] ?? '/tmp/tour';
const only = process.argv[3];
const SMALL = resolve('tests/fixtures/import-ui/small-graph-data');

function folderZip(dir: string): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else files[relative(dir, path)] = new Uint8Array(readFileSync(path));
    }
  };
  walk(dir);
  return zipSync(files);
}

async function drop(page: Page, name: string, bytes: Uint8Array): Promise<void> {
  const transfer = await page.evaluateHandle(
    ({ name, b64 }) => {
      const dt = new DataTransfer();
      const binary = atob(b64);
      const data = new Uint8Array(binary.length);
      for (let i = 0; i < binary.length; i++) data[i] = binary.charCodeAt(i);
      dt.items.add(new File([data], name));
      return dt;
    },
    { name, b64: Buffer.from(bytes).toString('base64') },
  );
  await page.dispatchEvent('main.stage', 'dragenter', { dataTransfer: transfer });
  await page.dispatchEvent('main.stage', 'drop', { dataTransfer: transfer });
}

/** Below 1024 px the header's secondary actions are in a menu: opens it if it is there. */
async function openMenu(page: Page): Promise<void> {
  const toggle = page.getByRole('button', { name: /^Menu/ });
  if ((await toggle.isVisible()) && (await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
}

type Step = (page: Page) => Promise<void>;

const STEPS: Record<string, { query?: string; run: Step }> = {
  explorer: { run: async () => {} },
  actor: {
    query: '?focus=armenia',
    run: async (page) => {
      await page.locator('aside[aria-label="Details"]').getByRole('heading', { name: 'Armenia' }).waitFor();
    },
  },
  evidence: {
    run: async (page) => {
      await page.getByRole('button', { name: 'Table', exact: true }).click();
      await page.getByRole('button', { name: /^Evidence for/ }).first().click();
      await page.locator('aside[aria-label="Details"]').getByRole('heading', { name: 'Evidence', exact: true }).waitFor();
      await page.getByRole('button', { name: 'Graph', exact: true }).click();
    },
  },
  table: {
    run: async (page) => {
      await page.getByRole('button', { name: 'Table', exact: true }).click();
      await page.locator('table tbody tr').first().waitFor();
    },
  },
  filters: {
    run: async (page) => {
      const filters = page.getByRole('button', { name: 'Filters', exact: true });
      if (await filters.isVisible()) await filters.click();
    },
  },
  compare: {
    run: async (page) => {
      const filters = page.getByRole('button', { name: 'Filters', exact: true });
      if (await filters.isVisible()) await filters.click();
      await page.getByTestId('compare-toggle').check();
      for (const [field, year] of [['period-a', '2020'], ['period-b', '2022']] as const) {
        await page.getByTestId(field).fill(year);
        await page.getByTestId(field).press('Enter');
      }
      await page.getByTestId('compare-legend').waitFor();
      const close = page.getByRole('button', { name: 'Close filters' });
      if (await close.isVisible()) await close.click();
    },
  },
  import: {
    run: async (page) => {
      await drop(page, 'small-graph-data.zip', folderZip(SMALL));
      await page.locator('dialog.open-data').getByTestId('import-counts').waitFor({ timeout: 60_000 });
    },
  },
  'open-data': {
    run: async (page) => {
      await openMenu(page);
      await page.getByRole('button', { name: 'Open data…' }).first().click();
      await page.locator('dialog.open-data').waitFor();
    },
  },
  menu: {
    run: async (page) => {
      await openMenu(page);
      await page.locator('#header-actions').getByRole('button', { name: 'Copy link' }).waitFor();
    },
  },
  'export-png': {
    run: async (page) => {
      await openMenu(page);
      await page.locator('header').getByRole('button', { name: 'Export PNG', exact: true }).click();
      await page.getByRole('dialog', { name: 'Export PNG' }).waitFor();
    },
  },
  'export-data': {
    run: async (page) => {
      await openMenu(page);
      await page.locator('summary', { hasText: 'Export data' }).click();
    },
  },
};

const server = await serveDist();
const browser = await launchBrowser();
for (const [size, viewport] of [['desktop', { width: 1440, height: 900 }], ['phone', { width: 390, height: 844 }]] as const) {
  for (const [name, step] of Object.entries(STEPS)) {
    if (only && !only.split(',').includes(name)) continue;
    const { page, consoleErrors } = await openPage(browser, server.url + (step.query ?? ''), viewport);
    try {
      await waitForSettledGraph(page);
      await step.run(page);
      await page.waitForTimeout(300);
      await page.screenshot({ path: `${out}/${size}-${name}.png` });
      console.log(`${size}-${name}: saved${consoleErrors.length ? `; console errors: ${consoleErrors.join(' | ')}` : ''}`);
    } catch (error) {
      console.log(`${size}-${name}: FAILED ${(error as Error).message.split('\n')[0]}`);
      await page.screenshot({ path: `${out}/${size}-${name}-failed.png` }).catch(() => {});
    }
    await page.context().close();
  }
}
await browser.close();
await server.close();
