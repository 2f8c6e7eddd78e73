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
  // The target stays empty: an array with only `length` set still allocates 8 bytes per slot.
  // Made elements go in a Map, which costs only what is read.
  const target: T[] = [];
  const made = new Map<number, T>();
  let size = length;
  const element = (i: number): T => {
    let value = made.get(i);
    if (value === undefined) made.set(i, (value = make(i)));
    return value;
  };
  const proxy = new Proxy(target, {
    get(target, property, receiver) {
      if (property === 'length') return size;
      const i = indexOf(property, size);
      if (i >= 0) return element(i);
      return Reflect.get(target, property, receiver);
    },
    set(target, property, value, receiver) {
      const i = indexOf(property, Number.MAX_SAFE_INTEGER);
      if (i >= 0) {
        made.set(i, value);
        if (i >= size) size = i + 1;
        return true;
      }
      if (property === 'length') {
        size = Number(value);
        return true;
      }
      return Reflect.set(target, property, value, receiver);
    },
    has(target, property) {
      if (indexOf(property, size) >= 0) return true;
      return Reflect.has(target, property);
    },
    getOwnPropertyDescriptor(target, property) {
      if (property === 'length') return { value: size, writable: true, enumerable: false, configurable: false };
      const i = indexOf(property, size);
      if (i >= 0) return { value: element(i), writable: true, enumerable: true, configurable: true };
      return Reflect.getOwnPropertyDescriptor(target, property);
    },
    ownKeys(target) {
      const keys: Array<string | symbol> = [];
      for (let i = 0; i < size; i++) keys.push(String(i));
      for (const key of Reflect.ownKeys(target)) keys.push(key);
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
