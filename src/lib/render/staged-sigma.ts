/**
 * A sigma whose construction is spread over tasks.
 *
 * sigma's constructor creates its WebGL contexts, compiles every program's shaders (five node types,
 * each with a hover program, and four edge types), then indexes the graph and draws: at a million
 * relations one task of 90 to 120 ms, and the label settings, which need the instance, cost a second
 * full render (56 to 67 ms) after it. Here the constructor creates the contexts only; each program is
 * compiled in a task of its own after it, and the first refresh is asked for once they all are, so
 * it runs with the settings given meanwhile (the label placer) and draws once, in the next animation
 * frame. Until then sigma's refresh and render do nothing: the first refresh works from the graph
 * and the reducers as they are by then.
 */
import Sigma from 'sigma';
import type { Settings } from 'sigma/settings';
import type { EdgeAttributes, EntenteGraph, NodeAttributes } from './build-graph';
import { yieldToPage } from './graph-chunks';

interface Staging {
  /** While true, programs are queued and refresh and render do nothing. */
  active: boolean;
  programs: Array<() => void>;
}

const stagings = new WeakMap<object, Staging>();
/** The staging of the sigma being constructed: its constructor calls the methods below before it returns. */
let constructing: Staging | null = null;

function stagingOf(sigma: object): Staging | undefined {
  if (constructing && !stagings.has(sigma)) stagings.set(sigma, constructing);
  return stagings.get(sigma);
}

type Method = (this: Record<string, unknown>, ...args: unknown[]) => unknown;
const Base = Sigma as unknown as new (...args: unknown[]) => object;
class StagedSigma extends Base {}
const own = Sigma.prototype as unknown as Record<string, Method>;
const staged = StagedSigma.prototype as unknown as Record<string, Method>;
for (const name of ['registerNodeProgram', 'registerEdgeProgram']) {
  staged[name] = function (...args) {
    const staging = stagingOf(this);
    if (!staging?.active) return own[name].apply(this, args);
    staging.programs.push(() => own[name].apply(this, args));
    return this;
  };
}
for (const name of ['refresh', 'render']) {
  staged[name] = function (...args) {
    if (!stagingOf(this)?.active) return own[name].apply(this, args);
    // A render scheduled meanwhile is dropped, and sigma allowed to schedule another.
    if (typeof this.renderFrame === 'number') cancelAnimationFrame(this.renderFrame);
    this.renderFrame = null;
    return this;
  };
}

export interface StagedStart {
  sigma: Sigma<NodeAttributes, EdgeAttributes>;
  /** Resolves once sigma has drawn its first frame (false: stopped before). */
  drawn: Promise<boolean>;
}

/** Creates sigma over `graph` in `container` (see above); `stopped` is checked between tasks. */
export function createStagedSigma(graph: EntenteGraph, container: HTMLElement, settings: Partial<Settings<NodeAttributes, EdgeAttributes>>, stopped: () => boolean): StagedStart {
  const staging: Staging = { active: true, programs: [] };
  constructing = staging;
  let sigma: Sigma<NodeAttributes, EdgeAttributes>;
  try {
    sigma = new StagedSigma(graph, container, settings) as unknown as Sigma<NodeAttributes, EdgeAttributes>;
  } finally {
    constructing = null;
  }
  stagings.set(sigma, staging);
  performance.mark('mount:sigma-created');
  const drawn = (async () => {
    for (const register of staging.programs) {
      await yieldToPage();
      if (stopped()) return false;
      register();
    }
    await yieldToPage();
    if (stopped()) return false;
    performance.mark('mount:programs-compiled');
    staging.active = false;
    const rendered = new Promise<void>((done) => {
      sigma.once('afterRender', () => done());
      sigma.once('kill', () => done());
    });
    // The graph's display data now; the first frame at the next animation frame, in a task of its own.
    sigma.refresh({ schedule: true });
    await rendered;
    performance.mark('mount:first-frame');
    return !stopped();
  })();
  return { sigma, drawn };
}
