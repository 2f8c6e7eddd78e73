/**
 * `npx tsx bench/app-move-profile.ts [--relations=100000] [--moves=20] [--top=25]`: what one slider move
 * costs in the app, Svelte panels included, which the bench page leaves out. The app is built here
 * without minifying (into dist/app-profile, so function names survive into the profile) and opened on a
 * generated dataset; once its layout has stopped (a running layout re-processes every item each frame,
 * which no filter change costs), the date window is set to one year, then the window bar is moved a
 * month per key press. Per move: the synchronous part (the key's task and the microtasks where Svelte
 * runs its effects, timed to a message posted after the key) and sigma's render in the next frame.
 * Then, from the JS sampling profile of all moves, the inclusive time of each stage (the filter engine,
 * the display update, the repaint of what changed, sigma's render) and the self time by function.
 * A function V8 inlined into its caller is sampled as the caller: a stage can read low (updateDisplay
 * inside renderer.update, say) while its caller's figure still holds it. The bench page's split
 * (bench/browser-profile.ts, timed with performance.now) is the exact one; this is the app's whole picture.
 * `--root=.base`: build and profile another checkout's app (into dist/app-profile-<its folder name> here),
 * a same-run baseline; run the two in turns (ABBA).
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { build } from 'vite';
import { launchBrowser, openPage, serveDist } from '../tests/e2e/harness';
import { generatedEntry, GENERATED_ID, seedGeneratedDataset, seedServedFiles, waitForGeneratedDataset } from '../tests/e2e/generated-dataset';
import { datasetToFiles, generateDataset } from './generate';

const args = process.argv.slice(2);
const arg = (name: string, fallback: number) => Number(args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const relations = arg('relations', 100_000);
const moves = arg('moves', 20);
const top = arg('top', 25);
/** `--callers=name,name`: for each, the callers its self time comes from, two frames up. */
/** `--allocations`: also the functions allocating most over the moves (sampled, bytes per move). */
const allocations = args.includes('--allocations');
interface HeapNode {
  callFrame: { functionName: string; url: string; lineNumber: number };
  selfSize: number;
  children: HeapNode[];
}
const callersOf = (args.find((a) => a.startsWith('--callers='))?.split('=')[1] ?? '').split(',').filter(Boolean);

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

/** Runs in the page: moves the window bar `count` times, timing each move's synchronous part, its frame task and the time to the frame after it. */
const MOVES_SCRIPT = `
    const element = document.querySelector('[role="slider"][aria-label="Date window"]');
    const frame = () => new Promise((done) => requestAnimationFrame(done));
    const out = [];
    for (let i = 0; i < count; i++) {
      const key = i % 24 < 12 ? 'ArrowRight' : 'ArrowLeft';
      const start = performance.now();
      const channel = new MessageChannel();
      const afterTask = new Promise((done) => (channel.port1.onmessage = () => done(performance.now())));
      element.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
      channel.port2.postMessage(0);
      const synced = await afterTask;
      // sigma draws in the next animation frame: its task is timed from the frame's start to a message after it.
      const frameStart = await frame();
      const frameChannel = new MessageChannel();
      const afterFrame = new Promise((done) => (frameChannel.port1.onmessage = () => done(performance.now())));
      frameChannel.port2.postMessage(0);
      const frameEnd = await afterFrame;
      await frame();
      out.push({ sync: synced - start, toFrame: performance.now() - start, frameTask: frameEnd - frameStart });
    }
    return out;
`;

/** Stages by where their function is defined in the unminified bundle: their time includes their callees, counted once when they nest. */
const STAGES: Array<[string, RegExp]> = [
  ['filter engine', /^\s*function update\(filter\) \{$/m],
  ['display update (updateDisplay)', /^function updateDisplay\(/m],
  ['repaint of changed items (DirectRepaint.paint)', /^\s*paint\(nodes, edges\) \{\n\s*if \(this\.repaint/m],
  ['all of renderer.update', /^\s*update\(given\) \{$/m],
  ['sigma render', /^\s*value: function render\(\) \{$/m],
];

/** 0-based line of the first match of `pattern` in `text`, or -1. */
function lineOf(text: string, pattern: RegExp): number {
  const match = pattern.exec(text);
  return match ? text.slice(0, match.index).split('\n').length - 1 : -1;
}

/** Inclusive ms per stage: a node's subtree time, unless an ancestor is of the same stage. */
function stageTimes(nodes: ProfileNode[], self: Map<number, number>, stageAt: Map<string, string>): Map<string, number> {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const childIds = new Set(nodes.flatMap((n) => n.children ?? []));
  const out = new Map<string, number>();
  const walk = (id: number, open: Set<string>): number => {
    const node = byId.get(id)!;
    const { url, lineNumber } = node.callFrame;
    const stage = stageAt.get(`${url.split('/').pop()}:${lineNumber}`);
    const inner = stage && !open.has(stage) ? new Set([...open, stage]) : open;
    let total = self.get(id) ?? 0;
    for (const child of node.children ?? []) total += walk(child, inner);
    if (stage && !open.has(stage)) out.set(stage, (out.get(stage) ?? 0) + total);
    return total;
  };
  for (const node of nodes) if (!childIds.has(node.id)) walk(node.id, new Set());
  return out;
}

/** Bytes allocated per move by function (self), from a sampling heap profile, as report lines. */
function allocationLines(head: HeapNode, count: number): string[] {
  const bytes = new Map<string, number>();
  const walk = (node: HeapNode, parent: string) => {
    const { functionName, url, lineNumber } = node.callFrame;
    const name = `${functionName || '(anonymous)'} ${url.split('/').pop() ?? ''}:${lineNumber + 1} < ${parent}`;
    if (node.selfSize) bytes.set(name, (bytes.get(name) ?? 0) + node.selfSize);
    for (const child of node.children) walk(child, `${functionName || '(anonymous)'}:${lineNumber + 1}`);
  };
  walk(head, '-');
  const ranked = [...bytes].sort((a, b) => b[1] - a[1]).slice(0, top);
  return ['Allocation per move by function < caller (sampled):', ...ranked.map(([name, b]) => `  ${(b / count / 1024).toFixed(0).padStart(7)} KiB  ${name}`)];
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

const root = args.find((a) => a.startsWith('--root='))?.slice('--root='.length);
const outDir = resolve(root ? `dist/app-profile-${root.replace(/[^\w]+/g, '')}` : 'dist/app-profile');
await build({ root: root ? resolve(root) : undefined, logLevel: 'warn', build: { minify: false, outDir, emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 100_000 } });
// Above this many relations the files are served one by one: one JSON body of 1M relations crashed the page.
const SERVED_FROM = 200_000;
const served = relations >= SERVED_FROM ? await writeServedDataset() : null;
const server = await serveDist(outDir);

/** Writes the generated dataset's files into the built app's folder, to be seeded from there (seedServedFiles). */
async function writeServedDataset() {
  const dataset = generateDataset(relations);
  const files = datasetToFiles(dataset) as Record<string, string>;
  for (const [name, text] of Object.entries(files)) {
    await mkdir(dirname(join(outDir, '__move-profile', name)), { recursive: true });
    await writeFile(join(outDir, '__move-profile', name), text);
  }
  return { names: Object.keys(files), entry: { ...generatedEntry(dataset, 0), id: GENERATED_ID } };
}
const browser = await launchBrowser();
try {
  const { page, consoleErrors } = await openPage(browser, server.url, { width: 1280, height: 800 });
  await page.waitForFunction(() => document.querySelector('.shell[data-status]') !== null, undefined, { timeout: 120_000 });
  if (served) await seedServedFiles(page, '__move-profile', served.names, served.entry);
  else await seedGeneratedDataset(page, relations);
  await page.reload();
  await waitForGeneratedDataset(page, 300_000);
  // Whatever the layout has reached by then is kept: a running layout makes sigma re-process every item each frame.
  await page.waitForFunction(() => !document.querySelector('[data-testid="layout-progress"]'), undefined, { timeout: 60_000 }).catch(async () => {
    await page.locator('[data-testid="layout-progress"] button').click();
    await page.waitForFunction(() => !document.querySelector('[data-testid="layout-progress"]'));
  });
  const field = page.getByLabel('From', { exact: true });
  await field.fill('2018-01-01');
  await field.press('Enter');
  const to = page.getByLabel('To', { exact: true });
  await to.fill('2018-12-31');
  await to.press('Enter');
  await page.waitForTimeout(2000);
  const bar = page.getByRole('slider', { name: 'Date window' });
  await bar.focus();

  const session = await page.context().newCDPSession(page);
  // A full collection first: the load's garbage, collected during the moves, was up to half of their sampled time.
  await session.send('HeapProfiler.enable');
  await session.send('HeapProfiler.collectGarbage');
  await session.send('Profiler.enable');
  await session.send('Profiler.setSamplingInterval', { interval: 200 });
  await session.send('Profiler.start');
  // Allocation sites, collected objects included: what the moves allocate is what the collector then spends on.
  if (allocations) await session.send('HeapProfiler.startSampling', { samplingInterval: 4096, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
  // A string, not a function: tsx would wrap a function's inner names in a helper the page does not have.
  const timings = (await page.evaluate(`(async (count) => {${MOVES_SCRIPT}})(${moves})`)) as Array<{ sync: number; toFrame: number; frameTask: number }>;
  const heap = allocations ? ((await session.send('HeapProfiler.stopSampling')) as { profile: { head: HeapNode } }).profile : null;
  const { profile } = (await session.send('Profiler.stop')) as { profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] } };

  const self = new Map<number, number>();
  profile.samples.forEach((id, k) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[k] ?? 0) / 1000));
  const byFunction = new Map<string, number>();
  for (const node of profile.nodes) {
    const ms = self.get(node.id) ?? 0;
    if (!ms) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const file = url.split('/').pop() ?? '';
    const name = `${functionName || '(anonymous)'} ${file}:${lineNumber + 1}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + ms);
  }
  const stageAt = new Map<string, string>();
  for (const file of await readdir(resolve(outDir, 'assets'))) {
    if (!file.endsWith('.js')) continue;
    const text = await readFile(resolve(outDir, 'assets', file), 'utf8');
    for (const [name, pattern] of STAGES) {
      const line = lineOf(text, pattern);
      if (line >= 0 && ![...stageAt.values()].includes(name)) stageAt.set(`${file}:${line}`, name);
    }
  }
  const stages = stageTimes(profile.nodes, self, stageAt);
  const parentOf = new Map<number, ProfileNode>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node);
  const frameName = (n: ProfileNode | undefined) => (n ? `${n.callFrame.functionName || '(anonymous)'}:${n.callFrame.lineNumber + 1}` : '-');
  const callerLines = callersOf.flatMap((wanted) => {
    const from = new Map<string, number>();
    for (const node of profile.nodes) {
      if (node.callFrame.functionName !== wanted) continue;
      const p1 = parentOf.get(node.id);
      const key = `${frameName(p1)} < ${frameName(p1 && parentOf.get(p1.id))} < ${frameName(p1 && parentOf.get(p1.id) && parentOf.get(parentOf.get(p1.id)!.id))}`;
      from.set(key, (from.get(key) ?? 0) + (self.get(node.id) ?? 0));
    }
    return [`Callers of ${wanted} (self ms per move):`, ...[...from].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([k, ms]) => `  ${(ms / moves).toFixed(2).padStart(7)} ms  ${k}`)];
  });
  const ranked = [...byFunction].filter(([name]) => !name.startsWith('(idle)') && !name.startsWith('(program)')).sort((a, b) => b[1] - a[1]);
  const total = ranked.reduce((sum, [, ms]) => sum + ms, 0);
  const line = (label: string, values: number[]) => `${label}: median ${median(values).toFixed(1)} ms, max ${Math.max(...values).toFixed(1)} ms`;
  process.stdout.write(
    [
      `App${root ? ` of ${root}` : ''}, ${relations.toLocaleString('en')} relations, ${timings.length} moves of the window bar (one month each, a one-year window):`,
      line('  synchronous part (key task + Svelte effects)', timings.map((t) => t.sync)),
      line('  next frame task (sigma render)', timings.map((t) => t.frameTask)),
      line('  key to frame', timings.map((t) => t.toFrame)),
      'Stages, main-thread JS per move (sampled, callees included):',
      ...STAGES.map(([name]) => `  ${((stages.get(name) ?? 0) / timings.length).toFixed(2).padStart(7)} ms  ${name}${[...stageAt.values()].includes(name) ? '' : ' (not found in the bundle)'}`),
      `JS self time over all moves, ${total.toFixed(0)} ms, per move (top ${top}):`,
      ...ranked.slice(0, top).map(([name, ms]) => `  ${(ms / timings.length).toFixed(2).padStart(7)} ms  ${name}`),
      ...callerLines,
      ...(heap ? allocationLines(heap.head, timings.length) : []),
      consoleErrors.length ? `Console errors: ${consoleErrors.slice(0, 3).join(' | ')}` : '',
    ].join('\n') + '\n',
  );
} finally {
  await browser.close();
  await server.close();
}
