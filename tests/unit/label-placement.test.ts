/**
 * Who draws the selected node's label, and where: sigma draws a selected (highlighted) node twice,
 * once on its labels layer and again on its hover layer. Both drawers come from the placer and
 * must put the name at the same spot, or it shows twice (as it did on a phone's small canvas,
 * where the placer moved the label left or below and sigma's hover drawer put another to the right).
 * Sigma is faked: the placer only asks it for nodes, their display data, positions and the canvas size.
 */
import { describe, expect, test } from 'vitest';
import type Sigma from 'sigma';
import type { Settings } from 'sigma/settings';
import { createLabelPlacer } from '../../src/lib/render/label-placement';

interface FakeNode {
  key: string;
  x: number;
  y: number;
  size: number;
  label: string;
  highlighted?: boolean;
  forceLabel?: boolean;
}

/** What sigma hands a drawer: the node's display data, colour included. */
const shown = (n: FakeNode) => ({ color: '#2e4a7d', ...n });

const SETTINGS = { labelSize: 13, labelWeight: '500', labelFont: 'sans-serif', labelColor: { color: '#1f2933' } } as unknown as Settings;

type Box = { x: number; y: number; width: number; height: number };

/** Nodes at viewport positions on a canvas of width × height; sizes are already in pixels. `covers` are page controls over the canvas. */
function fakeSigma(nodes: FakeNode[], width: number, height: number, covers: Box[] = []) {
  const listeners: Array<() => void> = [];
  const byKey = new Map(nodes.map((n) => [n.key, n]));
  const sigma = {
    on: (_event: string, listener: () => void) => listeners.push(listener),
    getGraph: () => ({ forEachNode: (fn: (key: string) => void) => nodes.forEach((n) => fn(n.key)) }),
    getNodeDisplayData: (key: string) => ({ ...byKey.get(key)!, hidden: false }),
    framedGraphToViewport: (data: { x: number; y: number }) => ({ x: data.x, y: data.y }),
    scaleSize: (size: number) => size,
    getDimensions: () => ({ width, height }),
    getContainer: () => ({
      getBoundingClientRect: () => ({ x: 0, y: 100, width, height }),
      parentElement: { querySelectorAll: () => covers.map((c) => ({ getBoundingClientRect: () => ({ ...c, y: c.y + 100 }) })) },
    }),
  };
  return { sigma: sigma as unknown as Sigma, newFrame: () => listeners.forEach((l) => l()) };
}

/** A 2D context that records the text it is asked to fill; every character is 7 px wide. */
function recordingContext() {
  const texts: Array<{ text: string; x: number; y: number }> = [];
  const context = {
    font: '',
    measureText: (text: string) => ({ width: 7 * text.length }),
    fillText: (text: string, x: number, y: number) => texts.push({ text, x, y }),
    strokeText: () => {},
    fillRect: () => {},
    save: () => {},
    restore: () => {},
  };
  return { context: context as unknown as CanvasRenderingContext2D, texts };
}

/** Draws one frame the way sigma does: every label on the labels layer, then the highlighted nodes on the hover layer. */
function drawFrame(nodes: FakeNode[], width: number, height: number) {
  const { sigma, newFrame } = fakeSigma(nodes, width, height);
  const drawers = createLabelPlacer(sigma);
  const labels = recordingContext();
  const hovers = recordingContext();
  newFrame();
  for (const n of nodes) drawers.defaultDrawNodeLabel(labels.context, shown(n), SETTINGS);
  for (const n of nodes.filter((n) => n.highlighted)) drawers.defaultDrawNodeHover(hovers.context, shown(n), SETTINGS);
  return { labels: labels.texts, hovers: hovers.texts };
}

/** The distinct places a name was drawn, over both layers. */
const placesOf = (name: string, ...layers: Array<Array<{ text: string; x: number; y: number }>>) =>
  new Set(layers.flat().filter((t) => t.text === name).map((t) => `${t.x},${t.y}`));

describe('the selected node’s label', () => {
  test('near the right border its label moves left, and the hover layer draws it there, not a second one to the right', () => {
    const selected: FakeNode = { key: 'union-state', x: 350, y: 100, size: 8, label: 'Union State of Russia and Belarus', highlighted: true, forceLabel: true };
    const { labels, hovers } = drawFrame([selected], 390, 220);
    const places = placesOf(selected.label, labels, hovers);
    expect(places.size).toBe(1);
    const [x] = [...places][0].split(',').map(Number);
    expect(x).toBeLessThan(selected.x);
    expect(hovers.some((t) => t.text === selected.label)).toBe(true);
  });

  test('a hovered node whose label found no room is still named once, on the canvas', () => {
    const big: FakeNode = { key: 'big', x: 100, y: 100, size: 30, label: 'Big' };
    const crowded: FakeNode = { key: 'small', x: 100, y: 100, size: 2, label: 'Small' };
    const { sigma, newFrame } = fakeSigma([big, crowded], 390, 220);
    const drawers = createLabelPlacer(sigma);
    const labels = recordingContext();
    const hovers = recordingContext();
    newFrame();
    for (const n of [big, crowded]) drawers.defaultDrawNodeLabel(labels.context, shown(n), SETTINGS);
    drawers.defaultDrawNodeHover(hovers.context, shown(crowded), SETTINGS);
    expect(labels.texts.map((t) => t.text)).toEqual(['Big']);
    expect(hovers.texts.map((t) => t.text)).toEqual(['Small']);
    expect(hovers.texts[0].x).toBeGreaterThanOrEqual(0);
  });
});

describe('the page’s controls over the canvas', () => {
  test('a label that would run under the zoom buttons goes to a free side instead', () => {
    const node: FakeNode = { key: 'azerbaijan', x: 210, y: 30, size: 8, label: 'Azerbaijan' };
    const toolbar = { x: 200, y: 10, width: 180, height: 40 };
    const draw = (covers: Box[]) => {
      const { sigma, newFrame } = fakeSigma([node], 390, 220, covers);
      const labels = recordingContext();
      newFrame();
      createLabelPlacer(sigma).defaultDrawNodeLabel(labels.context, shown(node), SETTINGS);
      return labels.texts;
    };
    // Without the toolbar the label goes right of the node, where the toolbar would be.
    expect(draw([])[0].x).toBeGreaterThan(node.x);
    const [placed] = draw([toolbar]);
    const box = { x: placed.x, y: placed.y - 13, w: 7 * node.label.length, h: 15 };
    expect(box.x < toolbar.x + toolbar.width && toolbar.x < box.x + box.w && box.y < toolbar.y + toolbar.height && toolbar.y < box.y + box.h).toBe(false);
  });
});

describe('forced labels on a crowded canvas', () => {
  test('the selection is always drawn; neighbours that fit nowhere are left out instead of piling on it', () => {
    const selected: FakeNode = { key: 'armenia', x: 195, y: 110, size: 10, label: 'Armenia', highlighted: true, forceLabel: true };
    // Twenty neighbours stacked within a few pixels of each other, as on a phone's 220 px high canvas.
    const neighbours: FakeNode[] = Array.from({ length: 20 }, (_, i) => ({ key: `n${i}`, x: 190 + (i % 3), y: 108 + (i % 4), size: 4, label: `Neighbour ${i}`, forceLabel: true }));
    const { labels } = drawFrame([...neighbours, selected], 390, 220);
    expect(labels.filter((t) => t.text === 'Armenia')).toHaveLength(1);
    const drawn = labels.filter((t) => t.text.startsWith('Neighbour'));
    expect(drawn.length).toBeGreaterThan(0);
    expect(drawn.length).toBeLessThan(neighbours.length);
    // No two drawn labels share a line box: each is 15 px high and 7 px per character wide.
    const boxes = labels.map((t) => ({ x: t.x, y: t.y - 13, w: 7 * t.text.length, h: 15 }));
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, b] = [boxes[i], boxes[j]];
        expect(a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h, `${labels[i].text} over ${labels[j].text}`).toBe(false);
      }
    }
  });
});

describe('what sigma offers the drawer', () => {
  test('only the placed labels, also from the grid sigma builds when it re-indexes', () => {
    // Two nodes on top of each other: the budget-free greedy placer keeps the larger one's label only.
    const nodes: FakeNode[] = [
      { key: 'big', x: 100, y: 100, size: 8, label: 'Big' },
      { key: 'small', x: 101, y: 101, size: 2, label: 'Small' },
    ];
    const { sigma, newFrame } = fakeSigma(nodes, 400, 300);
    const grid = () => ({ getLabelsToDisplay: () => ['big', 'small'] });
    const { context } = recordingContext();
    const internals = Object.assign(sigma, { labelGrid: grid(), getCanvases: () => ({ labels: { getContext: () => context } }), getSettings: () => SETTINGS }) as unknown as { labelGrid: ReturnType<typeof grid> };
    createLabelPlacer(sigma);
    newFrame();
    expect(internals.labelGrid.getLabelsToDisplay()).toEqual(['big']);
    internals.labelGrid = grid();
    newFrame();
    expect(internals.labelGrid.getLabelsToDisplay()).toEqual(['big']);
  });
});

describe('a large graph’s budgeted labels', () => {
  test('measure only the candidates the budget reaches, and draw the most important, apart', () => {
    // 2,000 labelled nodes on a 600 × 400 canvas, the larger first: the budget takes a few dozen.
    const nodes: FakeNode[] = Array.from({ length: 2000 }, (_, i) => ({ key: `k${i}`, x: 5 + ((i * 37) % 590), y: 5 + ((i * 53) % 390), size: 2 + (2000 - i) / 200, label: `Budgeted actor ${i}` }));
    const { sigma, newFrame } = fakeSigma(nodes, 600, 400);
    const drawers = createLabelPlacer(sigma, undefined, true);
    const labels = recordingContext();
    let measured = 0;
    const measureText = labels.context.measureText.bind(labels.context);
    labels.context.measureText = (text: string) => (measured++, measureText(text));
    newFrame();
    for (const n of nodes) drawers.defaultDrawNodeLabel(labels.context, shown(n), SETTINGS);
    expect(labels.texts.length).toBeGreaterThan(5);
    // The largest node away from the border (node 0 sits in the corner, where no label fits) is named.
    expect(labels.texts.some((t) => t.text === 'Budgeted actor 1')).toBe(true);
    // Every candidate measured, as before, was 2,000 measures a frame for a font's first frame.
    expect(measured).toBeLessThan(nodes.length / 4);
    const boxes = labels.texts.map((t) => ({ x: t.x, y: t.y - 13, w: 7 * t.text.length, h: 15 }));
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
      const [a, b] = [boxes[i], boxes[j]];
      expect(a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h).toBe(false);
    }
  });
});
