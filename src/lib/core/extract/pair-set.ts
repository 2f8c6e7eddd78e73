/** Subject–object pairs of actor mentions, each pair of actors once and never an actor with itself. */
import type { Unit } from './units';

export type Pair = [Unit, Unit];

export class Pairs {
  readonly list: Pair[] = [];

  add(s: Unit, o: Unit): void {
    if (s.actorId !== o.actorId && !this.list.some(([a, b]) => a.actorId === s.actorId && b.actorId === o.actorId)) this.list.push([s, o]);
  }

  cross(subjects: Unit[], objects: Unit[]): Pair[] {
    for (const s of subjects) for (const o of objects) this.add(s, o);
    return this.list;
  }

  among(units: Unit[]): Pair[] {
    for (let i = 0; i < units.length; i++) for (let j = i + 1; j < units.length; j++) this.add(units[i], units[j]);
    return this.list;
  }
}
