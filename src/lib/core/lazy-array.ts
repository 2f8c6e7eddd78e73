/**
 * An array whose elements are made on first access and then kept, so that a
 * million relation rows cost nothing until someone reads one. It is a real
 * array to every consumer (`Array.isArray`, `length`, `map`, `filter`,
 * iteration, spread, deep equality in tests); the same index gives the same
 * object every time. Hot paths read the columns behind it instead.
 */
const arraySources = new WeakMap<object, unknown>();

function indexOf(property: string | symbol, length: number): number {
  if (typeof property !== 'string') return -1;
  const c = property.charCodeAt(0);
  if (!(c >= 48 && c <= 57)) return -1;
  const i = Number(property);
  return Number.isInteger(i) && i < length && String(i) === property ? i : -1;
}

/**
 * `length` elements, element i being `make(i)`, made once. `source` is what the
 * elements are made from (a column store); `lazyArraySource` finds it again.
 */
export function lazyArray<T extends object>(length: number, make: (i: number) => T, source?: unknown): T[] {
  const made: T[] = [];
  // A long empty array with only `length` set stays sparse: no slot is allocated until used.
  made.length = length;
  const has = (i: number) => Object.prototype.hasOwnProperty.call(made, i);
  const element = (i: number): T => {
    if (has(i)) return made[i];
    const value = make(i);
    made[i] = value;
    return value;
  };
  const proxy = new Proxy(made, {
    get(target, property, receiver) {
      const i = indexOf(property, length);
      if (i >= 0 && i < target.length) return element(i);
      return Reflect.get(target, property, receiver);
    },
    has(target, property) {
      const i = indexOf(property, length);
      if (i >= 0 && i < target.length) return true;
      return Reflect.has(target, property);
    },
    getOwnPropertyDescriptor(target, property) {
      const i = indexOf(property, length);
      if (i >= 0 && i < target.length) element(i);
      return Reflect.getOwnPropertyDescriptor(target, property);
    },
    ownKeys(target) {
      const keys: Array<string | symbol> = [];
      for (let i = 0; i < Math.min(length, target.length); i++) keys.push(String(i));
      for (const key of Reflect.ownKeys(target)) if (indexOf(key, length) < 0 || Number(key) >= target.length) keys.push(key);
      return keys;
    },
  });
  if (source !== undefined) arraySources.set(proxy, source);
  return proxy;
}

/** What a lazy array's elements are made from, or undefined for any other array. */
export function lazyArraySource<S>(array: object): S | undefined {
  return arraySources.get(array) as S | undefined;
}
