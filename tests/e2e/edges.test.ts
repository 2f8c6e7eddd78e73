/**
 * End-to-end tests of reading and picking edges on the bundled dataset:
 * arrowheads that show on one-relation edges at the default zoom (and none on
 * undirected ones), clicks and hovers a few pixels off a line, and Fit framing
 * what the filter shows. Geometry comes from window.__entente, pixels from
 * screenshots of the canvas.
 */
import { beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { openPage, statusCounts, waitForSettledGraph, useBuiltApp, type WatchedPage } from './harness';
import { captureCanvas, clearanceAt, hexToRgb, polylineDistance, CANVAS_BACKGROUND, type EdgeTarget, type Picture, type Point } from './pixels';
import { loadDataset } from '../../src/lib/core/load';
import { buildRelationIndex } from '../../src/lib/core/relation-index';
import { parsePartialDate, todayDayNumber } from '../../src/lib/core/dates';
import { filterRelations, typeMaskOf } from '../../src/lib/core/filter';
import { curveControlPoint, pointOnCurve } from '../../src/lib/render/edge-hit';
import { parallelCurvature } from '../../src/lib/render/styles';
import { readGraphDataFolder } from '../../scripts/read-graph-data';

const loaded = loadDataset(readGraphDataFolder(fileURLToPath(new URL('../../graph-data', import.meta.url))));
if (!loaded.ok) throw new Error(`e2e: graph-data does not load: ${loaded.issues.length} issues`);
const dataset = loaded.dataset;
const index = buildRelationIndex(dataset, todayDayNumber());
const TOTAL = dataset.relations.length;
const typeOf = (id: string) => dataset.types.find((t) => t.id === id)!;
const labelOf = (id: string) => dataset.actors.find((a) => a.id === id)!.label;
const relationsOf = (key: string) => index.edgeRelations[index.edges.findIndex((e) => e.key === key)].length;

interface Hooks {
  nodePoint(id: string): Point | null;
  nodeRadius(id: string): number | null;
  visibleEdges(): EdgeTarget[];
  cameraState(): { x: number; y: number; ratio: number; angle: number };
  edgeAt(x: number, y: number): number | null;
  edgeKey(edge: number): string | null;
  edgeInstances(): Record<string, string[]>;
  refreshedEdgeInstances(): Record<string, string[]>;
}
function hooks<T, A>(page: Page, fn: (h: Hooks, arg: A) => T, arg: A): Promise<T> {
  return page.evaluate(
    ([source, value]) => new Function('h', 'arg', `return (${source})(h, arg);`)((window as unknown as { __entente: Hooks }).__entente, value) as T,
    [fn.toString(), arg] as const,
  );
}

const app = useBuiltApp();
let watched: WatchedPage;
let page: Page;
const details = () => page.locator('aside[aria-label="Details"]');
const tooltip = () => page.getByRole('tooltip');
const canvasBox = async () => (await page.locator('.canvas').boundingBox())!;

interface Scene {
  edges: EdgeTarget[];
  nodes: Record<string, Point>;
  radii: Record<string, number>;
}

async function scene(): Promise<Scene> {
  return hooks(page, (h) => {
    const edges = h.visibleEdges();
    const ids = [...new Set(edges.flatMap((e) => [e.source, e.target]))];
    return {
      edges,
      nodes: Object.fromEntries(ids.map((id) => [id, h.nodePoint(id)!])),
      radii: Object.fromEntries(ids.map((id) => [id, h.nodeRadius(id)!])),
    };
  }, null);
}

const sub = (a: Point, b: Point) => ({ x: a.x - b.x, y: a.y - b.y });
const along = (p: Point, u: Point, d: number) => ({ x: p.x + u.x * d, y: p.y + u.y * d });
const unit = (v: Point) => {
  const n = Math.hypot(v.x, v.y);
  return { x: v.x / n, y: v.y / n };
};

/** How much of a pixel is `color` rather than the background, 0 to 1. */
function share(picture: Picture, x: number, y: number, color: string): number {
  const [r, g, b] = hexToRgb(color);
  const [br, bg, bb] = hexToRgb(CANVAS_BACKGROUND);
  const i = (Math.round(y) * picture.width + Math.round(x)) * 4;
  const d = picture.data;
  const toColor = Math.hypot(d[i] - r, d[i + 1] - g, d[i + 2] - b);
  const toBackground = Math.hypot(br - r, bg - g, bb - b);
  return Math.max(0, 1 - toColor / toBackground);
}

/** Width in pixels of `color` across the line through p with direction u: half-pixel samples along the normal. */
function widthAcross(picture: Picture, p: Point, u: Point, color: string, reach = 12): number {
  let width = 0;
  for (let s = -reach; s <= reach; s += 0.5) {
    if (share(picture, p.x - u.y * s, p.y + u.x * s, color) > 0.5) width += 0.5;
  }
  return width;
}

/**
 * Each visible edge's curvature as display.ts gives it: the visible edges of one pair fan out in index order,
 * bending by parallelCurvature, with the sign flipped for an edge running the other way.
 */
function curvatures(edges: EdgeTarget[]): Map<string, number> {
  const pair = (e: EdgeTarget) => [e.source, e.target].sort().join('|');
  const groups = new Map<string, EdgeTarget[]>();
  for (const e of edges) groups.set(pair(e), [...(groups.get(pair(e)) ?? []), e]);
  const out = new Map<string, number>();
  for (const group of groups.values()) {
    group.forEach((e, i) => out.set(e.key, (e.source === group[0].source ? 1 : -1) * parallelCurvature(i, group.length)));
  }
  return out;
}

function drawnShape(edge: EdgeTarget, s: Scene, curvature: number): Point[] {
  const a = s.nodes[edge.source];
  const b = s.nodes[edge.target];
  const control = curveControlPoint(a, b, curvature);
  return Array.from({ length: 33 }, (_, k) => pointOnCurve(a, control, b, k / 32));
}

/** The least distance from p to anything drawn but the edge itself and its two actors. */
function clearanceBeside(p: Point, own: EdgeTarget, s: Scene): number {
  const bends = curvatures(s.edges);
  const toEdges = s.edges.filter((e) => e.key !== own.key).map((e) => polylineDistance(p, drawnShape(e, s, bends.get(e.key)!)));
  const toNodes = Object.keys(s.nodes)
    .filter((id) => id !== own.source && id !== own.target)
    .map((id) => Math.hypot(s.nodes[id].x - p.x, s.nodes[id].y - p.y) - s.radii[id]);
  return Math.min(...toEdges, ...toNodes);
}

/** One-relation straight edges of directed (or undirected) types, the clearest around their target end first. */
function clearEnds(s: Scene, directed: boolean, box: { width: number; height: number }) {
  return s.edges
    .filter((e) => e.point && typeOf(e.relation).directed === directed && relationsOf(e.key) === 1)
    .map((edge) => {
      const a = s.nodes[edge.source];
      const b = s.nodes[edge.target];
      const u = unit(sub(a, b));
      const near = along(b, u, s.radii[edge.target] + 6);
      return { edge, u, a, b, near, length: Math.hypot(a.x - b.x, a.y - b.y), clearance: clearanceBeside(near, edge, s) };
    })
    .filter((c) => c.length > 90 && c.near.x > 20 && c.near.y > 60 && c.near.x < box.width - 20 && c.near.y < box.height - 20)
    .sort((x, y) => y.clearance - x.clearance);
}

beforeAll(async () => {
  watched = await openPage(app.browser, app.url);
  page = watched.page;
  await waitForSettledGraph(page);
});

beforeEach(async () => {
  if (await details().isVisible()) await page.getByRole('button', { name: 'Close details' }).click();
  const all = page.getByRole('button', { name: 'All', exact: true });
  if (await all.isEnabled()) await all.click();
  const whole = page.locator('.timeline').getByRole('button', { name: 'Whole period' });
  if (await whole.isEnabled()) await whole.click();
  await expect.poll(() => statusCounts(page), { timeout: 10_000 }).toEqual({ shown: TOTAL, total: TOTAL });
  await details().waitFor({ state: 'detached' });
  // Park the pointer off the graph, so no tooltip or hover shows in a screenshot.
  await page.mouse.move(2, 2);
});

describe('direction', () => {
  test('a one-relation directed edge shows an arrowhead wider than its line at the default zoom; an undirected one shows none', async () => {
    const box = await canvasBox();
    const s = await scene();
    const picture = await captureCanvas(page);
    const directed = clearEnds(s, true, box);
    const undirected = clearEnds(s, false, box);
    expect(directed.length).toBeGreaterThan(0);
    expect(undirected.length).toBeGreaterThan(0);

    // Measured on the clearest edge of each kind; for heads, on the clearest of up to three, since a node's
    // ring or a label beside the target end can cover the few pixels of one head that the measure needs.
    const measure = (candidate: (typeof directed)[number]) => {
      const { edge, u, a, b, clearance } = candidate;
      const color = typeOf(edge.relation).color;
      const middle = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
      const reach = Math.min(12, clearance - 1);
      const line = widthAcross(picture, middle, u, color, reach);
      const end = Math.max(...[2, 3, 4, 5, 6, 7].map((d) => widthAcross(picture, along(b, u, s.radii[edge.target] + d), u, color, reach)));
      return { line, end };
    };
    const heads = directed.slice(0, 3).map((c) => ({ c, ...measure(c) }));
    const best = heads.find((h) => h.line >= 1 && h.end >= 5 && h.end - h.line >= 3) ?? heads[0];
    directed.splice(0, directed.length, best.c);
    for (const [kind, candidates] of [['directed', directed], ['undirected', undirected]] as const) {
      const { edge, u, a, b, clearance } = candidates[0];
      // Only pixels of the edge's own colour are measured, so a few pixels of room are enough.
      expect(clearance, `room around the target end of ${edge.key}`).toBeGreaterThan(8);
      const color = typeOf(edge.relation).color;
      const middle = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
      // Measure no further out than the nearest other edge or node, which may share the colour.
      const reach = Math.min(12, clearance - 1);
      const line = widthAcross(picture, middle, u, color, reach);
      // Just outside the target node, where a head is widest.
      const end = Math.max(...[2, 3, 4, 5, 6, 7].map((d) => widthAcross(picture, along(b, u, s.radii[edge.target] + d), u, color, reach)));
      expect(line, `${kind} ${edge.key}: the line itself is drawn`).toBeGreaterThanOrEqual(1);
      if (kind === 'directed') {
        expect(end, `${edge.key}: head width (line ${line})`).toBeGreaterThanOrEqual(5);
        expect(end - line, `${edge.key}: head beyond the line`).toBeGreaterThanOrEqual(3);
      } else {
        // A head is at least 8 px wide, 3 px or more beyond the line; 2 px is anti-aliasing where edges meet a node.
        expect(end - line, `${edge.key}: no head (end ${end}, line ${line})`).toBeLessThanOrEqual(2);
      }
    }
  });
});

describe('picking edges', () => {
  async function clearStraightEdge() {
    const box = await canvasBox();
    const s = await scene();
    const candidates = s.edges
      .filter((e) => e.point && Math.hypot(s.nodes[e.source].x - s.nodes[e.target].x, s.nodes[e.source].y - s.nodes[e.target].y) > 80)
      .filter((e) => e.point!.x > 40 && e.point!.y > 80 && e.point!.x < box.width - 360 && e.point!.y < box.height - 120)
      .map((edge) => ({ edge, clearance: clearanceAt(edge.point!, edge, s.edges, s.nodes) }))
      .sort((x, y) => y.clearance - x.clearance);
    expect(candidates.length).toBeGreaterThan(0);
    const { edge, clearance } = candidates[0];
    expect(clearance, 'room beside the edge for a click 5 px off it').toBeGreaterThan(16);
    const u = unit(sub(s.nodes[edge.target], s.nodes[edge.source]));
    return { box, edge, normal: { x: -u.y, y: u.x } };
  }

  test('hovering 5 px beside an edge shows its tooltip; a click there opens its evidence', async () => {
    const { box, edge, normal } = await clearStraightEdge();
    const off = along(edge.point!, normal, 5);
    expect(await hooks(page, (h, p) => h.edgeKey(h.edgeAt(p.x, p.y)!), off)).toBe(edge.key);
    // Well beyond the tolerance nothing is hit.
    const far = along(edge.point!, normal, 12);
    expect(await hooks(page, (h, p) => h.edgeAt(p.x, p.y), far)).toBeNull();

    await page.mouse.move(box.x + far.x, box.y + far.y);
    await page.mouse.move(box.x + off.x, box.y + off.y, { steps: 3 });
    await tooltip().waitFor();
    const text = await tooltip().innerText();
    const type = typeOf(edge.relation);
    const rows = dataset.relations.filter(
      (r) => r.type === type.id && ((r.subject === edge.source && r.object === edge.target) || (!type.directed && r.subject === edge.target && r.object === edge.source)),
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(text).toContain(type.label);
    expect(text).toContain(`${labelOf(edge.source)} ${type.directed ? '→' : '–'} ${labelOf(edge.target)}`);
    expect(text).toContain(`${rows.length} relation${rows.length === 1 ? '' : 's'}`);
    const dates = rows.map((r) => r.date).sort();
    expect(text).toContain(dates[0]);
    expect(await page.locator('.canvas').evaluate((el) => (el as HTMLElement).style.cursor)).toBe('pointer');

    await page.mouse.down();
    await page.mouse.up();
    await details().getByRole('heading', { name: 'Evidence', exact: true }).waitFor();
    const panel = await details().innerText();
    expect(panel).toContain(labelOf(edge.source));
    expect(panel).toContain(labelOf(edge.target));
    expect(panel).toContain(rows[0].quote);

    // Moving off the graph clears the tooltip. (Not back to \`far\`: the open panel has narrowed the canvas,
    // so the same page point now lies over another part of the graph.)
    await page.mouse.move(box.x + box.width / 2, box.y - 4, { steps: 2 });
    await tooltip().waitFor({ state: 'detached' });
  });

  test('a curved parallel edge is hit along the curve that is drawn, where its own colour is', async () => {
    const s = await scene();
    const picture = await captureCanvas(page);
    const box = await canvasBox();
    const bends = curvatures(s.edges);
    // The middle of each curve as edge-hit.ts places it, to compare with what is drawn there.
    const curves = s.edges
      .filter((e) => Math.abs(bends.get(e.key)!) > 0.1)
      .map((edge) => {
        const a = s.nodes[edge.source];
        const b = s.nodes[edge.target];
        const mid = pointOnCurve(a, curveControlPoint(a, b, bends.get(edge.key)!), b, 0.5);
        return { edge, mid, length: Math.hypot(a.x - b.x, a.y - b.y), clearance: clearanceBeside(mid, edge, s) };
      })
      .filter((c) => c.length > 80 && c.mid.x > 20 && c.mid.y > 60 && c.mid.x < box.width - 20 && c.mid.y < box.height - 20)
      .sort((x, y) => y.clearance - x.clearance);
    expect(curves.length).toBeGreaterThan(0);
    const { edge, mid, clearance } = curves[0];
    expect(clearance, `room around the middle of ${edge.key}`).toBeGreaterThan(8);
    const color = typeOf(edge.relation).color;
    const drawn = Math.max(...[-1, 0, 1].flatMap((dx) => [-1, 0, 1].map((dy) => share(picture, mid.x + dx, mid.y + dy, color))));
    expect(drawn, `${edge.key} is drawn where its curve is computed`).toBeGreaterThan(0.5);
    expect(await hooks(page, (h, p) => h.edgeKey(h.edgeAt(p.x, p.y)!), mid)).toBe(edge.key);
    await page.mouse.move(box.x + mid.x, box.y + mid.y, { steps: 3 });
    await tooltip().waitFor();
    expect(await tooltip().innerText()).toContain(typeOf(edge.relation).label);
  });
});

describe('repaint', () => {
  /** Per program part, how many instances the direct repaint left that sigma's full refresh draws otherwise. */
  async function staleInstances(): Promise<Record<string, number>> {
    // Both lists are read in one task, after a frame: sigma's partial repaint and the frame it schedules are done.
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    const { ours, sigmas } = await hooks(page, (h) => ({ ours: h.edgeInstances(), sigmas: h.refreshedEdgeInstances() }), null);
    const stale: Record<string, number> = {};
    for (const part of new Set([...Object.keys(ours), ...Object.keys(sigmas)])) {
      const theirs = new Set(sigmas[part] ?? []);
      const differing = (ours[part] ?? []).filter((i) => !theirs.has(i)).length + Math.abs((ours[part]?.length ?? 0) - (sigmas[part]?.length ?? 0));
      if (differing) stale[part] = differing;
    }
    return stale;
  }

  test("after a filter resizes actors, every edge's program instance is as sigma's full refresh makes it, the unchanged edges' ends included", async () => {
    const from = parsePartialDate('2022')!.start;
    const to = parsePartialDate('2022')!.end;
    const year = filterRelations(index, { from, to, typeMask: typeMaskOf(index, index.typeIds) });
    const whole = filterRelations(index, { from: index.extent.start, to: index.extent.end, typeMask: typeMaskOf(index, index.typeIds) });
    // The premise: directed edges that keep every relation in 2022 while an end of theirs loses some, so it shrinks.
    const resized = (n: number) => year.nodeCounts[n] !== whole.nodeCounts[n];
    const unchangedOfResized = index.edges.filter(
      (e, i) => typeOf(e.type).directed && year.edgeCounts[i] > 0 && year.edgeCounts[i] === whole.edgeCounts[i] && (resized(index.edgeSourceIndex[i]) || resized(index.edgeTargetIndex[i])),
    );
    expect(unchangedOfResized.length).toBeGreaterThan(0);

    expect(await staleInstances(), 'the whole period, as loaded').toEqual({});
    await page.getByLabel('From', { exact: true }).fill('2022-01-01');
    await page.getByLabel('To', { exact: true }).fill('2022-12-31');
    await expect.poll(async () => (await statusCounts(page)).shown).toBe(year.visibleCount);
    expect(await staleInstances(), '2022').toEqual({});
  });
});

describe('Fit', () => {
  test('Fit frames the actors of a filtered 2022 view, not the whole graph', async () => {
    await page.getByLabel('From', { exact: true }).fill('2022-01-01');
    await page.getByLabel('To', { exact: true }).fill('2022-12-31');
    await page.getByRole('button', { name: 'None', exact: true }).click();
    await page.getByRole('checkbox', { name: 'Request for aid', exact: true }).check();
    await expect.poll(async () => (await statusCounts(page)).shown).toBeGreaterThan(0);
    const box = await canvasBox();
    const framing = async () => {
      const s = await scene();
      const ids = Object.keys(s.nodes);
      const xs = ids.map((id) => s.nodes[id].x);
      const ys = ids.map((id) => s.nodes[id].y);
      const onScreen = ids.every((id) => s.nodes[id].x - s.radii[id] >= 0 && s.nodes[id].x + s.radii[id] <= box.width && s.nodes[id].y - s.radii[id] >= 0 && s.nodes[id].y + s.radii[id] <= box.height);
      const fill = Math.max((Math.max(...xs) - Math.min(...xs)) / box.width, (Math.max(...ys) - Math.min(...ys)) / box.height);
      return { count: ids.length, onScreen, fill, fillsMost: fill >= 0.6 };
    };
    const before = await framing();
    expect(before.count).toBeGreaterThanOrEqual(3);
    // The premise: in the whole-graph framing these few actors sit in a corner of it.
    expect(before.fill).toBeLessThan(0.5);
    await page.getByRole('button', { name: 'Fit', exact: true }).click();
    await expect.poll(framing, { timeout: 5_000 }).toMatchObject({ onScreen: true, fillsMost: true });
  });

  test('no console errors and no requests to other origins', () => {
    expect(watched.consoleErrors).toEqual([]);
    expect(watched.foreignRequests).toEqual([]);
  });
});
