/**
 * Per-stage timings of one filter-to-frame, for the bench page: what sigma's
 * render spends in process, clear, each program's render (its uploads and
 * draw calls) and labels, how many bytes it uploads and how many instances
 * or vertices each draw call asks for, and, in `finish` mode, how long the
 * rasteriser takes for each program (gl.finish() after it, which waits for
 * the GPU process to execute everything issued so far).
 *
 * It wraps the members of one sigma instance and of its WebGL contexts in
 * place; `restore()` puts them back.
 */
import type Sigma from 'sigma';

export interface DrawCall {
  layer: string;
  program: string;
  /** Instances for an instanced call, else vertices. */
  count: number;
  instanced: boolean;
  /** Drawn into a picking framebuffer rather than the canvas. */
  picking: boolean;
}

export interface StageProfile {
  /** The filter change's synchronous part: engine, display update, whatever the way does before returning. */
  applyMs: number;
  /** Ours only: the apply split into the filter engine, the display update and the repaint of the changed items. */
  stages: Record<string, number>;
  /** Calls to the node and edge programs' process() (one program slot rewritten each) during the apply. */
  processCalls: number;
  /** From the end of the change until sigma's render began (0 when it rendered inside the change). */
  waitForRenderMs: number;
  renderMs: number;
  processMs: number;
  clearMs: number;
  /** Time in each program's render (uploads, uniforms, draw calls), with gl.finish in finish mode. */
  programMs: Record<string, number>;
  /** In finish mode: the gl.finish() after each program, i.e. the rasteriser's time for it. */
  finishMs: Record<string, number>;
  labelsMs: number;
  highlightedMs: number;
  /** After the render: gl.finish() on every context (finish mode), what the rasteriser still had to do. */
  finalFinishMs: number;
  /** From the end of the render until the second animation frame after the change. */
  afterRenderToFrameMs: number;
  toFrameMs: number;
  renders: number;
  uploadBytes: Record<string, number>;
  draws: DrawCall[];
}

type AnyFn = (...args: unknown[]) => unknown;

interface SigmaPrivate {
  webGLContexts: Record<string, WebGL2RenderingContext>;
  nodePrograms: Record<string, Record<string, AnyFn>>;
  edgePrograms: Record<string, Record<string, AnyFn>>;
  process: AnyFn;
  clear: AnyFn;
  renderLabels: AnyFn;
  renderHighlightedNodes: AnyFn;
  render: AnyFn;
}

export interface Profiler {
  /** Starts a record for one change; `stop` closes it. */
  start(): void;
  /** Adds `ms` to stage `name` of the open record. */
  stage(name: string, ms: number): void;
  markApplied(): void;
  stop(): StageProfile;
  restore(): void;
}

export function profileSigma(sigma: Sigma, finish: boolean): Profiler {
  const s = sigma as unknown as SigmaPrivate;
  const undo: Array<() => void> = [];
  let record: StageProfile | null = null;
  let startedAt = 0;
  let appliedAt = 0;
  let renderEndedAt = 0;
  let currentProgram = '';
  let currentLayer = '';
  const now = () => performance.now();

  function wrap<T extends object>(target: T, name: string, around: (original: AnyFn, self: unknown, args: unknown[]) => unknown) {
    const holder = target as Record<string, AnyFn>;
    const original = holder[name];
    const own = Object.prototype.hasOwnProperty.call(target, name);
    holder[name] = function (this: unknown, ...args: unknown[]) {
      return around(original, this, args);
    };
    undo.push(() => {
      if (own) holder[name] = original;
      else delete holder[name];
    });
  }

  const timed = (field: 'processMs' | 'clearMs' | 'labelsMs' | 'highlightedMs') => (original: AnyFn, self: unknown, args: unknown[]) => {
    const t = now();
    const out = original.apply(self, args);
    if (record) record[field] += now() - t;
    return out;
  };
  wrap(s, 'process', timed('processMs'));
  wrap(s, 'clear', timed('clearMs'));
  wrap(s, 'renderLabels', timed('labelsMs'));
  wrap(s, 'renderHighlightedNodes', timed('highlightedMs'));
  wrap(s, 'render', (original, self, args) => {
    const t = now();
    if (record && record.renders === 0) record.waitForRenderMs = appliedAt ? Math.max(0, t - appliedAt) : 0;
    const out = original.apply(self, args);
    if (record) {
      if (finish) {
        const f = now();
        for (const gl of Object.values(s.webGLContexts)) gl.finish();
        record.finalFinishMs += now() - f;
      }
      renderEndedAt = now();
      record.renderMs += renderEndedAt - t;
      record.renders++;
    }
    return out;
  });

  const programs: Array<[string, string, Record<string, AnyFn>]> = [
    ...Object.entries(s.nodePrograms).map(([type, p]) => ['nodes', `node:${type}`, p] as [string, string, Record<string, AnyFn>]),
    ...Object.entries(s.edgePrograms).map(([type, p]) => ['edges', `edge:${type}`, p] as [string, string, Record<string, AnyFn>]),
  ];
  for (const [, , program] of programs) {
    wrap(program, 'process', (original, self, args) => {
      if (record && !appliedAt) record.processCalls++;
      return original.apply(self, args);
    });
  }
  for (const [layer, name, program] of programs) {
    wrap(program, 'render', (original, self, args) => {
      const t = now();
      currentProgram = name;
      currentLayer = layer;
      const out = original.apply(self, args);
      let f = now();
      if (record) record.programMs[name] = (record.programMs[name] ?? 0) + f - t;
      if (finish && record) {
        s.webGLContexts[layer].finish();
        const done = now();
        record.finishMs[name] = (record.finishMs[name] ?? 0) + done - f;
        f = done;
      }
      currentProgram = '';
      return out;
    });
  }

  for (const [layer, gl] of Object.entries(s.webGLContexts)) {
    let framebufferBound = false;
    wrap(gl, 'bindFramebuffer', (original, self, args) => {
      framebufferBound = args[1] !== null;
      return original.apply(self, args);
    });
    wrap(gl, 'bufferData', (original, self, args) => {
      const data = args[1] as ArrayBufferView | number;
      const bytes = typeof data === 'number' ? data : data.byteLength;
      if (record) {
        const key = `${layer}/${currentProgram || 'other'}`;
        record.uploadBytes[key] = (record.uploadBytes[key] ?? 0) + bytes;
      }
      return original.apply(self, args);
    });
    const draw = (instanced: boolean) => (original: AnyFn, self: unknown, args: unknown[]) => {
      if (record) record.draws.push({ layer: currentLayer || layer, program: currentProgram || 'other', count: Number(instanced ? args[3] : args[2]), instanced, picking: framebufferBound });
      return original.apply(self, args);
    };
    wrap(gl, 'drawArrays', draw(false));
    wrap(gl, 'drawArraysInstanced', draw(true));
  }

  return {
    start() {
      startedAt = now();
      appliedAt = 0;
      renderEndedAt = 0;
      record = {
        applyMs: 0,
        stages: {},
        processCalls: 0,
        waitForRenderMs: 0,
        renderMs: 0,
        processMs: 0,
        clearMs: 0,
        programMs: {},
        finishMs: {},
        labelsMs: 0,
        highlightedMs: 0,
        finalFinishMs: 0,
        afterRenderToFrameMs: 0,
        toFrameMs: 0,
        renders: 0,
        uploadBytes: {},
        draws: [],
      };
    },
    stage(name, ms) {
      if (record) record.stages[name] = (record.stages[name] ?? 0) + ms;
    },
    markApplied() {
      appliedAt = now();
      if (record) record.applyMs = appliedAt - startedAt;
    },
    stop() {
      const r = record!;
      const end = now();
      r.toFrameMs = end - startedAt;
      r.afterRenderToFrameMs = renderEndedAt ? end - renderEndedAt : 0;
      record = null;
      return r;
    },
    restore() {
      for (const u of undo.reverse()) u();
    },
  };
}
