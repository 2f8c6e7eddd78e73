/**
 * End-to-end tests of Play: a full default Play, recorded frame by frame from
 * the app's own frame events, shows every relation of the played range at
 * least once (checked against graph-data through the core), starts on the busy
 * years, and the step buttons and speed are reachable by keyboard.
 */
import { afterEach, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { statusCounts, useBuiltApp } from './harness';
import { readGraphDataFolder } from '../../scripts/read-graph-data';
import { loadDataset } from '../../src/lib/core/load';
import { buildRelationIndex } from '../../src/lib/core/relation-index';
import { filterRelations, typeMaskOf } from '../../src/lib/core/filter';
import { dayNumber, formatDay, todayDayNumber } from '../../src/lib/core/dates';
import { FRAME_MS, PLAY_FRAME_EVENT } from '../../src/lib/state/playback.svelte';
import type { DayWindow } from '../../src/lib/core/window-edit';
import { bulkRange } from '../../src/lib/core/time-axis';
import { playPlan, sortedSpans } from '../../src/lib/core/play-plan';

const app = useBuiltApp();
// Each test's page is closed after it, so finished pages do not compete for the CPU (their console and network records stay).
afterEach(async () => {
  for (const watched of app.pages) if (!watched.page.isClosed()) await watched.page.context().close();
});
const index = buildRelationIndex(loadDataset(readGraphDataFolder('graph-data')).dataset!, todayDayNumber());
const allTypes = typeMaskOf(index, index.typeIds);

const parseDay = (iso: string) => dayNumber(...(iso.split('-').map(Number) as [number, number, number]));

/** The range the timeline's axis shows, from its accessible name. */
async function axisRange(page: Page): Promise<DayWindow> {
  const label = (await page.locator('.track svg').getAttribute('aria-label'))!;
  const [, from, to] = /^Timeline (\d{4}-\d{2}-\d{2}) to (\d{4}-\d{2}-\d{2})/.exec(label)!;
  return { from: parseDay(from), to: parseDay(to) };
}

async function appliedWindow(page: Page): Promise<string[]> {
  return Promise.all(['Window start', 'Window end'].map((name) => page.getByRole('slider', { name }).getAttribute('aria-valuetext') as Promise<string>));
}

/** Starts recording every frame Play announces, in the page. */
async function recordFrames(page: Page): Promise<() => Promise<DayWindow[]>> {
  await page.evaluate((event) => {
    const frames: unknown[] = [];
    (window as unknown as { __playFrames: unknown[] }).__playFrames = frames;
    window.addEventListener(event, (e) => frames.push((e as CustomEvent).detail));
  }, PLAY_FRAME_EVENT);
  return () => page.evaluate(() => (window as unknown as { __playFrames: DayWindow[] }).__playFrames);
}

describe('Play', () => {
  test('a full default Play shows every relation of the played range in at least one frame', async () => {
    const page = await app.open('');
    const { total } = await statusCounts(page);
    const range = await axisRange(page);
    // It plays the busy years the axis opens on, not the whole extent since 1990.
    expect(range.from).toBeGreaterThan(index.extent.start);
    const frames = await recordFrames(page);

    await page.getByLabel('Play speed').selectOption('4');
    const started = Date.now();
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await page.getByRole('button', { name: 'Pause', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Play', exact: true }).waitFor({ timeout: 90_000 });
    const seconds = (Date.now() - started) / 1000;
    const played = await frames();

    expect(played[0]).toEqual({ from: range.from, to: expect.any(Number) });
    expect(played.at(-1)!.to).toBe(range.to);
    // The last frame is what the app shows now, with the counts the core gives for it.
    expect(await appliedWindow(page)).toEqual([formatDay(played.at(-1)!.from), formatDay(played.at(-1)!.to)]);
    const last = filterRelations(index, { ...played.at(-1)!, typeMask: allTypes });
    expect(await statusCounts(page)).toEqual({ shown: last.visibleCount, total });

    const seen = new Uint8Array(index.relationCount);
    for (const frame of played) filterRelations(index, { ...frame, typeMask: allTypes }).visible.forEach((v, i) => (seen[i] ||= v));
    const inRange = [...Array(index.relationCount).keys()].filter((i) => index.starts[i] <= range.to && index.ends[i] >= range.from);
    const unseen = inRange.filter((i) => !seen[i]).map((i) => index.dataset.relations[i].id);
    console.log(
      `Play coverage: ${inRange.length - unseen.length} of ${inRange.length} relations in ${formatDay(range.from)}..${formatDay(range.to)} ` +
        `(${total} in the dataset); ${played.length} frames, ${((played.length * FRAME_MS) / 1000).toFixed(1)} s at 1×, ${seconds.toFixed(1)} s measured at 4×`,
    );
    expect(unseen).toEqual([]);
  });

  test('a Play over all years also shows every relation, and crosses the empty decades in a few frames', async () => {
    const page = await app.open('');
    await page.getByRole('button', { name: 'All years' }).click();
    const range = await axisRange(page);
    expect(range).toEqual({ from: index.extent.start, to: index.extent.end });
    const frames = await recordFrames(page);
    await page.getByLabel('Play speed').selectOption('4');
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await page.getByRole('button', { name: 'Pause', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Play', exact: true }).waitFor({ timeout: 90_000 });
    const played = await frames();
    const seen = new Uint8Array(index.relationCount);
    for (const frame of played) filterRelations(index, { ...frame, typeMask: allTypes }).visible.forEach((v, i) => (seen[i] ||= v));
    expect(seen.every((v) => v === 1)).toBe(true);
    const quiet = played.filter((f) => f.from > parseDay('2001-01-01') && f.to < parseDay('2019-01-01'));
    expect(quiet.length).toBeLessThanOrEqual(2);
    console.log(`Play over all years: ${seen.reduce((a, v) => a + v, 0)} of ${index.relationCount} relations in ${played.length} frames`);
  });

  test('step forward and back move one frame at a time, from the keyboard', async () => {
    const page = await open();
    const back = page.getByRole('button', { name: 'Step back' });
    const forward = page.getByRole('button', { name: 'Step forward' });
    expect(await back.isDisabled()).toBe(true);
    // The frames the core plans for the range the axis opens on.
    const extent = { from: index.extent.start, to: index.extent.end };
    const busy = bulkRange(index.starts, extent);
    const [first, second] = playPlan(sortedSpans(index.starts, index.ends), busy, extent).frames.map((f) => [formatDay(f.from), formatDay(f.to)]);
    // Three months from the start of the busy years (on the bundled data 2019-11-01 to 2020-01-31).
    expect(first[0]).toBe(formatDay(busy.from));
    await forward.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => appliedWindow(page)).toEqual(first);
    await page.keyboard.press('Enter');
    await expect.poll(() => appliedWindow(page)).toEqual(second);
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Step back');
    await page.keyboard.press('Space');
    await expect.poll(() => appliedWindow(page)).toEqual(first);
    // Play resumes from the frame the user stepped to.
    const frames = await recordFrames(page);
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await expect.poll(async () => (await frames()).length, { timeout: 10_000 }).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    expect((await frames())[0]).toEqual({ from: parseDay(second[0]), to: parseDay(second[1]) });
  });

  test('the speed choice is a labelled control offering 0.5× to 4×', async () => {
    const page = await open();
    const speed = page.getByLabel('Play speed');
    expect(await speed.locator('option').allTextContents()).toEqual(['0.5×', '1×', '2×', '4×']);
    expect(await speed.inputValue()).toBe('1');
  });

  test('no console errors and no requests to other origins', () => {
    expect(app.pages.length).toBeGreaterThan(0);
    for (const watched of app.pages) {
      expect(watched.consoleErrors).toEqual([]);
      expect(watched.foreignRequests).toEqual([]);
    }
  });

  function open() {
    return app.open('');
  }
});
