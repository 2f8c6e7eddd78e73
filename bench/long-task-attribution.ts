/**
 * Attributes long tasks to functions from a CPU profile of the page's main
 * thread (CDP Profiler): a task is a stretch of consecutive non-idle samples;
 * each stretch over 50 ms is listed with the functions that took most of it,
 * by self time and by inclusive time (the app's own functions, not sigma's or
 * the engine's internals alone, so one can see which caller to slice).
 */

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
export interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface AttributedTask {
  /** Since the profile's start, ms. */
  startMs: number;
  durationMs: number;
  /** Heaviest functions by inclusive time in the task, "name (file) ms". */
  inclusive: string[];
  /** Heaviest functions by self time in the task. */
  self: string[];
}


function frameName(node: ProfileNode): string {
  const file = node.callFrame.url.split('/').pop() || '';
  return `${node.callFrame.functionName || '(anonymous)'}${file ? ` ${file}:${node.callFrame.lineNumber + 1}` : ''}`;
}

/** Stretches of busy samples longer than `overMs`, each with its heaviest functions. */
export function attributeLongTasks(profile: CpuProfile, overMs = 50, top = 6): AttributedTask[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  // Only "(idle)" is the thread waiting: "(program)" is native work inside a task (a structured clone, style, layout).
  const idle = (id: number) => byId.get(id)!.callFrame.functionName === '(idle)';
  const tasks: AttributedTask[] = [];
  let t = profile.startTime;
  let start = -1;
  let samples: Array<[number, number]> = [];
  const close = (end: number) => {
    const duration = (end - start) / 1000;
    if (start >= 0 && duration > overMs) {
      const self = new Map<string, number>();
      const inclusive = new Map<string, number>();
      for (const [id, dt] of samples) {
        const name = frameName(byId.get(id)!);
        self.set(name, (self.get(name) ?? 0) + dt);
        const seen = new Set<string>();
        for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
          const node = byId.get(n)!;
          if (node.callFrame.functionName === '(root)') break;
          const key = frameName(node);
          if (seen.has(key)) continue;
          seen.add(key);
          inclusive.set(key, (inclusive.get(key) ?? 0) + dt);
        }
      }
      const list = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).slice(0, top).map(([k, v]) => `${k} ${Math.round(v / 1000)}`);
      tasks.push({ startMs: (start - profile.startTime) / 1000, durationMs: duration, inclusive: list(inclusive), self: list(self) });
    }
    start = -1;
    samples = [];
  };
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i];
    const id = profile.samples[i];
    const dt = profile.timeDeltas[i + 1] ?? 0;
    if (idle(id)) close(t);
    else {
      if (start < 0) start = t;
      samples.push([id, dt]);
    }
  }
  close(t);
  return tasks;
}

if (process.argv[1]?.endsWith('long-task-attribution.ts')) {
  const { readFileSync } = await import('node:fs');
  const profile = JSON.parse(readFileSync(process.argv[2], 'utf8')) as CpuProfile;
  for (const task of attributeLongTasks(profile, Number(process.argv[3] ?? 50), Number(process.argv[4] ?? 12))) {
    console.log(`task at ${Math.round(task.startMs)} ms, ${Math.round(task.durationMs)} ms`);
    console.log(`  inclusive: ${task.inclusive.join(' | ')}`);
    console.log(`  self: ${task.self.join(' | ')}`);
  }
}
