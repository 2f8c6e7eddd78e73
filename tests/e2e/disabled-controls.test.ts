/**
 * Disabled controls keep readable text everywhere the app has them: the explorer, the phone's
 * filter drawer, the table, the PNG and video export dialogs, the import's mapping and preview,
 * "Add source…", and the workbench's decision bar and new-relation form. axe skips disabled
 * controls, so the contrast (≥ 4.5:1) is measured here (disabled-contrast.ts). Each place is read
 * twice: the controls its state disables now, and every text control there disabled for the
 * reading, as a busy dialog disables its fields (the video dialog's fieldsets while it records).
 */
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { openPage, useBuiltApp, waitForSettledGraph } from './harness';
import { selectInArticle } from './article-selection';
import { belowContrast, disabledReadings } from './disabled-contrast';

const app = useBuiltApp(resolve(process.env.E2E_DIST ?? 'dist'));
let page: Page;

const ARTICLE = [
  'Armenia asks Russia for help',
  'Armenia on Wednesday accused Azerbaijan of shelling villages along the border, and called on Russia to help.',
  'Kazakhstan and Belarus backed Armenia in the talks.',
].join('\n\n');

/** The one disabled look (app.css): muted text on a flat grey face, 5:1, the same in every place. */
const DISABLED_LOOK = '#5b6775 on #eef0f3';

/**
 * The readings of `scope` as it is and with all its text controls disabled: none under 4.5:1, and
 * every one of them the same look, so a disabled field, select and button read alike.
 */
async function expectReadable(scope: Locator, naturallyDisabled = 0): Promise<void> {
  await scope.waitFor();
  const natural = await disabledReadings(scope);
  expect(natural.length, 'controls disabled by the state shown').toBeGreaterThanOrEqual(naturallyDisabled);
  const forced = await disabledReadings(scope, true);
  expect(forced.length, 'text controls measured').toBeGreaterThan(0);
  const readings = [...natural, ...forced];
  expect(belowContrast(readings)).toEqual([]);
  expect(readings.filter((r) => `${r.text} on ${r.background}` !== DISABLED_LOOK).map((r) => `${r.control}: ${r.text} on ${r.background}`)).toEqual([]);
}

beforeAll(async () => {
  page = await app.open('');
});

// A failed step must not leave its dialog over the next place's controls.
afterEach(async () => {
  if (await page.locator('dialog[open]').count()) await page.keyboard.press('Escape');
  await page.locator('dialog[open]').first().waitFor({ state: 'detached', timeout: 5_000 }).catch(() => {});
});

afterAll(() => {
  for (const watched of app.pages) expect(watched.consoleErrors, 'console errors').toEqual([]);
});

describe('disabled controls keep 4.5:1 text contrast', () => {
  test('in the explorer: header, filters, graph and timeline', async () => {
    // The filters' "All" and the timeline's "Whole period" are disabled while nothing is hidden or narrowed.
    await expectReadable(page.locator('.shell'), 2);
  });

  test('in the phone filter drawer', async () => {
    const { page: phone } = await openPage(app.browser, app.url, { width: 390, height: 844 });
    await waitForSettledGraph(phone);
    await phone.getByRole('button', { name: /^Filters/ }).click();
    await expectReadable(phone.locator('#filters.open'), 1);
    await phone.context().close();
  });

  test('in the table', async () => {
    await page.getByRole('button', { name: 'Table', exact: true }).click();
    await page.locator('table tbody tr').first().waitFor();
    await expectReadable(page.locator('main.stage'));
    await page.getByRole('button', { name: 'Graph', exact: true }).click();
  });

  test('in the PNG export dialog', async () => {
    await page.locator('header').getByRole('button', { name: 'Export PNG', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Export PNG' });
    await expectReadable(dialog);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
  });

  test('in the video export dialog, whose fields are disabled while it records', async () => {
    await page.getByRole('button', { name: 'Export video', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Export video' });
    await expectReadable(dialog);
    // The empty title shows its placeholder: that text is measured too.
    expect((await disabledReadings(dialog, true)).some((r) => r.control.endsWith('(placeholder)'))).toBe(true);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
  });

  test('in the import mapping and preview', async () => {
    const bytes = readFileSync(resolve('tests/fixtures/import-ui/edges.csv')).toString('base64');
    const transfer = await page.evaluateHandle((b64) => {
      const dt = new DataTransfer();
      dt.items.add(new File([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], 'edges.csv'));
      return dt;
    }, bytes);
    await page.dispatchEvent('main.stage', 'dragenter', { dataTransfer: transfer });
    await page.dispatchEvent('main.stage', 'drop', { dataTransfer: transfer });
    const dialog = page.locator('dialog.open-data');
    const mapping = dialog.locator('form.mapping');
    await mapping.waitFor({ timeout: 60_000 });
    await expectReadable(mapping);
    await mapping.getByRole('button', { name: 'Read all rows' }).click();
    await dialog.getByTestId('import-counts').waitFor({ timeout: 60_000 });
    await expectReadable(dialog);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
  });

  test('in "Add source…", the decision bar and the new-relation form', async () => {
    await page.locator('header.header').getByRole('button', { name: 'Add source…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add source' });
    await expectReadable(dialog);
    await dialog.getByTestId('assistant-state').getByText('Assistant ready').waitFor({ timeout: 60_000 });
    await dialog.getByLabel('Title').fill('Armenia asks Russia for help');
    await dialog.getByLabel('Publication date').fill('2023-03-08');
    await dialog.getByLabel('Article text').fill(ARTICLE);
    await dialog.getByRole('button', { name: 'Add and review' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const review = page.getByTestId('review');
    await review.locator('[role="option"]').first().waitFor();
    // At the first candidate "Previous" is disabled, and "Undo" with nothing done.
    await expectReadable(review.getByTestId('decision-bar'), 2);

    await selectInArticle(page, 'Kazakhstan and Belarus backed Armenia');
    await expectReadable(page.getByTestId('selection-form'));
  });
});
