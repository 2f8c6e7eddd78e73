/**
 * The view's scope (actors pinned, with their neighbourhood up to a depth)
 * and the roll-up toggle. The explorer feeds both to the core's filterView;
 * everything downstream (graph, legend, timeline, status, table, exports)
 * reads the explorer's result, so it follows without knowing about them.
 */
import type { ScopeDepth } from '../core/scope';

export class ViewScope {
  /** Ids of the pinned actors, in the order they were pinned; none: no scope. */
  pins = $state.raw<string[]>([]);
  depth = $state<ScopeDepth>(1);
  /** People, ministries and sub-bodies counted as the top of their affiliation chain. */
  rollUp = $state(false);

  readonly active = $derived(this.pins.length > 0);

  /** `changed` runs after every change, so the explorer can drop a selection the new view no longer shows. */
  constructor(private changed: () => void = () => {}) {}

  isPinned(actorId: string): boolean {
    return this.pins.includes(actorId);
  }

  /** Scopes the view to this actor alone (replacing other pins). */
  scopeTo(actorId: string, depth: ScopeDepth = this.depth): void {
    this.pins = [actorId];
    this.depth = depth;
    this.changed();
  }

  /** Adds an actor to the scope, or takes it out. */
  togglePin(actorId: string): void {
    this.pins = this.isPinned(actorId) ? this.pins.filter((id) => id !== actorId) : [...this.pins, actorId];
    this.changed();
  }

  setDepth(depth: ScopeDepth): void {
    this.depth = depth;
    this.changed();
  }

  clear(): void {
    this.pins = [];
    this.changed();
  }

  setRollUp(on: boolean): void {
    this.rollUp = on;
    this.changed();
  }

  /** Sets everything at once (a restored URL). */
  restore(pins: string[], depth: ScopeDepth, rollUp: boolean): void {
    this.pins = pins;
    this.depth = depth;
    this.rollUp = rollUp;
    this.changed();
  }

  reset(): void {
    this.pins = [];
    this.depth = 1;
    this.rollUp = false;
  }
}
