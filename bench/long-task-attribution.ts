/**
 * Attributes the long tasks a page's long-task observer saw to functions, from a CPU profile of its
 * main thread (CDP Profiler) taken over the same load. The two clocks are aligned by a marker: the
 * page runs a function named MARKER for a few milliseconds at a performance.now() it records, and
 * the profile's first sample inside it is that moment. Each task then lists the functions that took
 * most of its samples, by inclusive time (the app's callers, to see what to slice) and by self time.
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
  /** performance.now() of the page at the task's start, and its length, ms. */
  startMs: number;
  durationMs: number;
  /** Heaviest functions by inclusive time in the task, "name file:line ms". */
  inclusive: string[];
  /** Heaviest functions by self time in the task. */
  self: string[];
}

/** The page-side marker: a string, so it can go into an init script. Defines window.__clockMark. */
export const MARKER = '__benchClockMark';
export const MARKER_SCRIPT = `
  function ${MARKER}() { const until = performance.now() + 8; while (performance.now() < until); }
  window.__clockMark = performance.now();
  ${MARKER}();
`;

function frameName(node: ProfileNode): string {
  const file = node.callFrame.url.split('/').pop() || '';
  return `${node.callFrame.functionName || '(anonymous)'}${file ? ` ${file}:${node.callFrame.lineNumber + 1}` : ''}`;
}

/** Each task's heaviest functions; `markMs` is the page's performance.now() when MARKER started. */
export function attributeLongTasks(profile: CpuProfile, tasks: Array<[number, number]>, markMs: number, top = 5): AttributedTask[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const inMarker = (id: number) => {
    for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) if (byId.get(n)!.callFrame.functionName === MARKER) return true;
    return false;
  };
  // Sample times in profile microseconds, and the first inside the marker.
  const times = new Float64Array(profile.samples.length);
  let markAt = NaN;
  for (let i = 0, t = profile.startTime; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i];
    times[i] = t;
    if (Number.isNaN(markAt) && inMarker(profile.samples[i])) markAt = t;
  }
  if (Number.isNaN(markAt)) throw new Error(`long-task-attribution: the marker is not in the profile (${profile.nodes.length} nodes, ${profile.samples.length} samples)`);
  const toPage = (t: number) => markMs + (t - markAt) / 1000;
  return tasks.map(([startMs, durationMs]) => {
    const self = new Map<string, number>();
    const inclusive = new Map<string, number>();
    for (let i = 0; i < times.length; i++) {
      const at = toPage(times[i]);
      if (at < startMs || at > startMs + durationMs) continue;
      const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
      const id = profile.samples[i];
      const leaf = frameName(byId.get(id)!);
      self.set(leaf, (self.get(leaf) ?? 0) + dt);
      const seen = new Set<string>();
      for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
        const node = byId.get(n)!;
        if (node.callFrame.functionName === '(root)') break;
        const key = frameName(node);
        if (!seen.has(key)) inclusive.set(key, (inclusive.get(key) ?? 0) + dt);
        seen.add(key);
      }
    }
    // Svelte's scheduler frames wrap everything: left out of the inclusive list, which is about callers.
    const plumbing = /^(update_reaction|update_effect|execute_derived|update_derived|get|flush|#process|#traverse|run_all|run_micro_tasks|create_effect|branch|block|template_effect|flatten|\(anonymous\)|update_branch|ensure|each|create_item) /;
    const list = (m: Map<string, number>, skip?: RegExp) => [...m].filter(([k]) => !skip?.test(k)).sort((a, b) => b[1] - a[1]).slice(0, top).map(([k, v]) => `${k} ${Math.round(v)}`);
    return { startMs, durationMs, inclusive: list(inclusive, plumbing), self: list(self) };
  });
}
