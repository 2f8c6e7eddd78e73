/**
 * The selected actor's name is drawn once. Sigma draws a selected node twice, on its labels layer and
 * again on its hover layer; the hover layer's text must fall on the labels layer's text for that
 * name, pixel for pixel, wherever the placer put it. Before the fix, on a phone the placer put
 * "Union State of Russia and Belarus" below its node and sigma's hover drawer wrote it again to the
 * right, so almost none of the hover text lay on label text.
 */
import { describe, expect, test } from 'vitest';
import { resolve } from 'node:path';
import { openPage, useBuiltApp, waitForSettledGraph } from './harness';
import { seedGeneratedDataset, waitForGeneratedDataset } from './generated-dataset';

// E2E_DIST serves another build, e.g. one from before the fix, to see this test fail there.
const app = useBuiltApp(resolve(process.env.E2E_DIST ?? 'dist'));

interface Hooks {
  frameIsCurrent(): boolean;
}

/** Dark text pixels on sigma's hover canvas, and how many of them are dark text on its labels canvas too. */
function hoverTextOnLabels(): { text: number; matched: number } {
  const pixels = (layer: string) => {
    const canvas = document.querySelector<HTMLCanvasElement>(`canvas.sigma-${layer}`)!;
    return canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
  };
  const hovers = pixels('hovers');
  const labels = pixels('labels');
  const darkText = (p: Uint8ClampedArray, i: number, alpha: number) => p[i + 3] > alpha && p[i] < 110 && p[i + 1] < 110 && p[i + 2] < 110;
  let text = 0;
  let matched = 0;
  for (let i = 0; i < hovers.length; i += 4) {
    if (!darkText(hovers, i, 200)) continue;
    text++;
    if (darkText(labels, i, 100)) matched++;
  }
  return { text, matched };
}

describe.each([
  ['phone', { width: 390, height: 844 }, 'union-state'],
  ['desktop', { width: 1440, height: 900 }, 'armenia'],
])('on a %s', (_name, viewport, actor) => {
  test(`the selected actor (${actor}) is named once: its hover text lies on its label`, async () => {
    const { page, consoleErrors } = await openPage(app.browser, `${app.url}?focus=${actor}`, viewport);
    await waitForSettledGraph(page);
    await page.locator('aside[aria-label="Details"]').waitFor();
    await page.waitForFunction(() => (window as unknown as { __entente: Hooks }).__entente.frameIsCurrent(), null, { timeout: 20_000, polling: 50 });
    // The hover layer is drawn in the same frame as the labels; poll until both show the name.
    await expect.poll(() => page.evaluate(hoverTextOnLabels).then((r) => r.text), { timeout: 10_000 }).toBeGreaterThan(40);
    const { text, matched } = await page.evaluate(hoverTextOnLabels);
    expect(matched / text).toBeGreaterThan(0.9);
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });
});

/**
 * Dark text pixels on sigma's labels canvas, all over and inside the boxes of the page's controls over
 * the graph (`data-covers-graph`: zoom buttons, the drawn-edge notice), shrunk by 2 px for antialiasing.
 */
function labelTextUnderCovers(): { text: number; covered: number; covers: number } {
  const canvas = document.querySelector<HTMLCanvasElement>('canvas.sigma-labels')!;
  const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
  const origin = canvas.getBoundingClientRect();
  const ratio = canvas.width / origin.width;
  const boxes = Array.from(document.querySelectorAll('[data-covers-graph]'), (el) => el.getBoundingClientRect()).filter((b) => b.width > 0);
  const inCover = (px: number, py: number) =>
    boxes.some((b) => px >= b.x - origin.x + 2 && px <= b.right - origin.x - 2 && py >= b.y - origin.y + 2 && py <= b.bottom - origin.y - 2);
  let text = 0;
  let covered = 0;
  for (let i = 0; i < data.length; i += 4) {
    if (!(data[i + 3] > 150 && data[i] < 110 && data[i + 1] < 110 && data[i + 2] < 110)) continue;
    text++;
    const p = i / 4;
    if (inCover((p % canvas.width) / ratio, Math.floor(p / canvas.width) / ratio)) covered++;
  }
  return { text, covered, covers: boxes.length };
}

// Above 800 nodes the labels are the budgeted choice (core/label-priority.ts); before the fix they were
// drawn under the zoom buttons and the drawn-edge notice, as the small-graph placer never is.
describe('at large scale', () => {
  test('the budgeted labels keep clear of the controls over the graph', { timeout: 400_000 }, async () => {
    const { page, consoleErrors } = await openPage(app.browser, app.url, { width: 1440, height: 900 });
    await waitForSettledGraph(page);
    await seedGeneratedDataset(page, 100_000);
    await page.reload();
    await waitForGeneratedDataset(page, 300_000);
    // A running layout moves the nodes, and with them the labels, every frame: read a still picture.
    await page.waitForSelector('.shell[data-status="ready"][data-layout="settled"]', { timeout: 300_000 });
    await page.waitForFunction(() => (window as unknown as { __entente: Hooks }).__entente.frameIsCurrent(), null, { timeout: 120_000, polling: 100 });
    // Zoomed in, the graph fills the canvas, so labels are wanted under the controls too.
    for (let i = 0; i < 2; i++) await page.getByRole('button', { name: 'Zoom in' }).click();
    // The camera eases in: read once two frames apart agree.
    let previous = -1;
    await expect
      .poll(async () => {
        const { text } = await page.evaluate(labelTextUnderCovers);
        const steady = text === previous && text > 500;
        previous = text;
        return steady;
      }, { timeout: 60_000, interval: 300 })
      .toBe(true);
    const result = await page.evaluate(labelTextUnderCovers);
    expect(result.covers).toBeGreaterThanOrEqual(2);
    expect(result.covered).toBe(0);
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });
});
