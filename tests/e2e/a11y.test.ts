/**
 * Accessibility of the explorer as a keyboard and screen-reader user meets it:
 * axe (WCAG 2.2 A and AA rules) on every view and panel, where focus goes when
 * a panel or menu opens and closes, what the canvas is called, and what the
 * status line announces while Play runs.
 */
import { beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { statusCounts, useBuiltApp, waitForSettledGraph } from './harness';
import { loadDataset } from '../../src/lib/core/load';
import { buildRelationIndex } from '../../src/lib/core/relation-index';
import { filterRelations, typeMaskOf } from '../../src/lib/core/filter';
import { parsePartialDate, todayDayNumber } from '../../src/lib/core/dates';
import { describeView } from '../../src/lib/core/view-description';
import { contrastRatio } from '../../src/lib/core/contrast';
import { readGraphDataFolder } from '../../scripts/read-graph-data';

const loaded = loadDataset(readGraphDataFolder(fileURLToPath(new URL('../../graph-data', import.meta.url))));
if (!loaded.ok) throw new Error('e2e: graph-data does not load');
const index = buildRelationIndex(loaded.dataset, todayDayNumber());

const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
// E2E_DIST serves another build, e.g. one from before a fix, to see its test fail there.
const app = useBuiltApp(resolve(process.env.E2E_DIST ?? 'dist'));

/** axe's violations on the page as "rule (impact): targets", so a failure names what to fix. */
async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze();
  return results.violations.map((v) => `${v.id} (${v.impact}) ×${v.nodes.length}: ${v.nodes.slice(0, 4).map((n) => n.target.join(' ')).join(', ')}`);
}

const details = (page: Page) => page.locator('aside[aria-label="Details"]');

// One page for the whole file: every fresh page lays the graph out again, which costs most of a
// test's time on a busy machine. Each test starts from the full view at desktop size, nothing open.
let shared: Page;
beforeAll(async () => {
  shared = await app.open('');
});
beforeEach(async () => {
  const page = shared;
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.keyboard.press('Escape');
  if (await page.getByRole('dialog').isVisible()) await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
  if (await details(page).isVisible()) await page.getByRole('button', { name: 'Close details' }).click();
  const all = page.getByRole('button', { name: 'All', exact: true });
  if (await all.isEnabled()) await all.click();
  const whole = page.locator('.timeline').getByRole('button', { name: 'Whole period' });
  if (await whole.isEnabled()) await whole.click();
  await page.getByRole('button', { name: 'Graph', exact: true }).click();
  await page.getByRole('combobox', { name: 'Search actors' }).fill('');
  await page.locator('body').click({ position: { x: 1, y: 1 } });
  await waitForSettledGraph(page);
});

/** Shows a view given by its query string, as a followed link or Back does (history entry plus popstate), without reloading. */
async function show(query: string): Promise<Page> {
  const page = shared;
  await page.evaluate((q) => {
    history.pushState(null, '', location.pathname + q);
    dispatchEvent(new PopStateEvent('popstate'));
  }, query);
  return page;
}
const activeElement = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement!;
    return { tag: el.tagName.toLowerCase(), text: (el.textContent ?? '').trim().slice(0, 60), inDetails: !!el.closest('aside[aria-label="Details"]') };
  });

describe('axe finds no WCAG 2.2 A/AA violation', () => {
  test('on the main view', async () => {
    const page = shared;
    expect(await violations(page)).toEqual([]);
  });

  test('on a filtered view, with unchecked types and empty counts', async () => {
    const page = await show('?types=accusation,mediation&from=2022-09-01&to=2022-09-30');
    expect((await statusCounts(page)).shown).toBeLessThan((await statusCounts(page)).total);
    expect(await page.getByRole('checkbox', { name: 'Alliance', exact: true }).isChecked()).toBe(false);
    expect(await violations(page)).toEqual([]);
  });

  test('on the table', async () => {
    const page = shared;
    await page.getByRole('button', { name: 'Table', exact: true }).click();
    await page.locator('table tbody tr').first().waitFor();
    expect(await violations(page)).toEqual([]);
  });

  test('on the evidence panel opened from the table', async () => {
    const page = shared;
    await page.getByRole('button', { name: 'Table', exact: true }).click();
    await page.getByRole('button', { name: /^Evidence for/ }).first().click();
    await details(page).getByRole('heading', { name: 'Evidence', exact: true }).waitFor();
    expect(await violations(page)).toEqual([]);
  });

  test('on the actor panel', async () => {
    const page = await show('?focus=armenia');
    await details(page).getByRole('heading', { name: 'Armenia' }).waitFor();
    expect(await violations(page)).toEqual([]);
  });

  test('on the open search list and its "no match" message', async () => {
    const page = shared;
    const search = page.getByRole('combobox', { name: 'Search actors' });
    await search.fill('US');
    await page.getByRole('listbox', { name: 'Matching actors' }).waitFor();
    expect(await violations(page)).toEqual([]);
    await search.fill('Qqzzx');
    await page.getByText('No actor matches “Qqzzx”.').waitFor();
    expect(await violations(page)).toEqual([]);
  });

  test('on the export dialog and the export data menu', async () => {
    const page = shared;
    await page.getByRole('button', { name: 'Export PNG' }).click();
    await page.getByRole('dialog').waitFor();
    expect(await violations(page)).toEqual([]);
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    await page.getByText('Export data').click();
    await page.getByRole('button', { name: /^GEXF/ }).waitFor();
    expect(await violations(page)).toEqual([]);
  });

  test('on a phone, with the filters drawer open', async () => {
    const page = shared;
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await violations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Filters', exact: true }).click();
    await page.getByRole('checkbox', { name: 'Alliance', exact: true }).waitFor();
    expect(await violations(page)).toEqual([]);
  });

  // axe leaves disabled controls out of its contrast rule; a disabled "Whole period" faded to half opacity read as an empty button.
  test('on a phone, a disabled "Whole period" is still readable and the timeline zoom buttons say what they do', async () => {
    const page = shared;
    await page.setViewportSize({ width: 390, height: 844 });
    const whole = page.locator('.timeline').getByRole('button', { name: 'Whole period' });
    expect(await whole.isDisabled()).toBe(true);
    const look = await whole.evaluate((button) => {
      let opacity = 1;
      for (let el: Element | null = button; el; el = el.parentElement) opacity *= Number(getComputedStyle(el).opacity);
      const style = getComputedStyle(button);
      return { text: style.color, face: style.backgroundColor, behind: getComputedStyle(button.closest('footer')!).backgroundColor, opacity };
    });
    const rgb = (css: string) => css.match(/[\d.]+/g)!.slice(0, 3).map(Number);
    // What is painted: the button (text and face) at its opacity over the footer.
    const painted = (css: string) => `#${rgb(css).map((c, i) => Math.round(c * look.opacity + rgb(look.behind)[i] * (1 - look.opacity)).toString(16).padStart(2, '0')).join('')}`;
    expect(contrastRatio(painted(look.text), painted(look.face))).toBeGreaterThanOrEqual(4.5);
    for (const name of ['Zoom timeline out', 'Zoom timeline in']) {
      const button = page.locator('.timeline').getByRole('button', { name, exact: true });
      expect(await button.getAttribute('title')).toBe(name);
      // A magnifier with − or + (the "Timeline" label beside them is hidden on a phone), not a bare sign.
      expect((await button.locator('svg.glass').boundingBox())?.width ?? 0).toBeGreaterThanOrEqual(12);
    }
  });
});

describe('focus', () => {
  test('Evidence in the table moves focus to the panel; Escape closes it and returns focus to that button', async () => {
    const page = shared;
    await page.getByRole('button', { name: 'Table', exact: true }).click();
    const button = page.getByRole('button', { name: /^Evidence for/ }).nth(2);
    const name = await button.getAttribute('aria-label');
    await button.focus();
    await page.keyboard.press('Enter');
    await details(page).getByRole('heading', { name: 'Evidence', exact: true }).waitFor();
    await expect.poll(async () => (await activeElement(page)).inDetails).toBe(true);
    expect((await activeElement(page)).tag).toBe('h3');
    await page.keyboard.press('Escape');
    await details(page).waitFor({ state: 'detached' });
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(name);
  });

  test('the close button gives focus back to the search field the actor was found with', async () => {
    const page = shared;
    const search = page.getByRole('combobox', { name: 'Search actors' });
    await search.fill('Kremlin');
    await search.press('Enter');
    await details(page).getByRole('heading', { name: 'Russia' }).waitFor();
    await expect.poll(async () => (await activeElement(page)).text).toContain('Russia');
    await page.getByRole('button', { name: 'Close details' }).click();
    await details(page).waitFor({ state: 'detached' });
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('actor-search');
  });

  test('Escape in the export data menu closes it and returns focus to its button', async () => {
    const page = shared;
    await page.getByText('Export data').click();
    await page.getByRole('button', { name: /^CSV/ }).focus();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.evaluate(() => document.querySelector('details.menu')!.hasAttribute('open'))).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.tagName.toLowerCase())).toBe('summary');
  });

  test('closing the export dialog returns focus to Export PNG', async () => {
    const page = shared;
    await page.getByRole('button', { name: 'Export PNG' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('dialog').waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Export PNG');
  });

  test('the filters drawer on a narrow screen opens from its button and Escape gives focus back to it', async () => {
    const page = shared;
    await page.setViewportSize({ width: 768, height: 1024 });
    const toggle = page.getByRole('button', { name: 'Filters', exact: true });
    // The shared page may still have the drawer open from the phone check above.
    if ((await toggle.getAttribute('aria-expanded')) === 'true') await toggle.click();
    await page.getByRole('checkbox', { name: 'Alliance', exact: true }).waitFor({ state: 'hidden' });
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    await page.getByRole('checkbox', { name: 'Alliance', exact: true }).focus();
    await page.keyboard.press('Escape');
    await page.getByRole('checkbox', { name: 'Alliance', exact: true }).waitFor({ state: 'hidden' });
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('filters-toggle');
  });
});

describe('what a screen reader hears', () => {
  test('the canvas is named after what it shows', async () => {
    const page = await show('?types=accusation&from=2022-09-01&to=2022-09-30');
    const from = parsePartialDate('2022-09-01')!.start;
    const to = parsePartialDate('2022-09-30')!.end;
    const result = filterRelations(index, { from, to, typeMask: typeMaskOf(index, ['accusation']) });
    const actorCount = result.nodeCounts.filter((n) => n > 0).length;
    const expected = describeView({ actorCount, relationCount: result.visibleCount, from, to, typeCount: 1, totalTypeCount: index.typeIds.length });
    expect(expected).toMatch(/^Graph of \d+ actors? and \d+ relations?, 1 Sep – 30 Sep 2022, 1 type$/);
    await expect.poll(() => page.getByRole('img').first().getAttribute('aria-label')).toContain(expected);
  });

  test('the status line is not re-announced on every Play frame, and announces the count when Play stops', async () => {
    // A four-month window in the dense years, so that consecutive frames show different counts.
    const page = await show('?from=2020-09-01&to=2020-12-31');
    const visible = page.getByTestId('status');
    const announced = page.getByTestId('status-announced');
    expect(await announced.getAttribute('role')).toBe('status');
    const before = await announced.innerText();
    const play = page.getByRole('button', { name: /Play|Pause/ }).first();
    await play.click();
    // Record both texts on every change while Play runs, until the visible count has changed twice.
    const seen = await page.evaluate(
      () =>
        new Promise<{ visible: string[]; announced: string[] }>((done) => {
          const v = document.querySelector('[data-testid="status"]')!;
          const a = document.querySelector('[data-testid="status-announced"]')!;
          const log = { visible: [v.textContent!.trim()], announced: [a.textContent!.trim()] };
          new MutationObserver(() => {
            if (log.visible.at(-1) !== v.textContent!.trim()) log.visible.push(v.textContent!.trim());
            if (log.announced.at(-1) !== a.textContent!.trim()) log.announced.push(a.textContent!.trim());
            if (log.visible.length >= 3) done(log);
          }).observe(document.querySelector('.footer')!, { subtree: true, childList: true, characterData: true });
        }),
    );
    expect(seen.visible.length).toBeGreaterThanOrEqual(3);
    expect(seen.announced).toEqual([before]);
    // Moving the window stops Play (or, if Play reached the end by itself on a slow machine, just moves it):
    // no race with the last frame, as a second press of Play would have.
    await page.locator('.timeline').getByRole('button', { name: 'Whole period' }).click();
    await expect.poll(() => play.getAttribute('aria-pressed'), { timeout: 10_000 }).toBe('false');
    await expect.poll(async () => (await statusCounts(page)).shown === (await statusCounts(page)).total).toBe(true);
    await expect.poll(async () => (await announced.innerText()) === (await visible.innerText())).toBe(true);
  });
});
