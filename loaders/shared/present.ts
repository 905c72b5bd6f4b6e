/** `T` with the fields `K` known to hold a value (neither null nor undefined). */
export type Present<T, K extends keyof T> = T & {[P in K]-?: NonNullable<T[P]>};

/**
 * The items whose fields `keys` all hold a value, typed so: a filter that
 * narrows, so what a sentence or a sort reads from them needs no `!`.
 */
export function present<T, K extends keyof T>(items: readonly T[], ...keys: K[]): Present<T, K>[] {
  return items.filter((item): item is Present<T, K> => keys.every((key) => item[key] !== null && item[key] !== undefined));
}

/** Whether every element holds a value: narrows the element type. */
export function allPresent<T>(items: readonly (T | null | undefined)[]): items is readonly T[] {
  return items.every((item) => item !== null && item !== undefined);
}

/** The first item with the largest key (strictly larger replaces it); undefined when there is none. */
export function maxBy<T>(items: readonly T[], key: (item: T) => number): T | undefined {
  let best: T | undefined;
  let value = -Infinity;
  for (const item of items) {
    const k = key(item);
    if (k > value) {
      value = k;
      best = item;
    }
  }
  return best;
}

/**
 * A value looked up by a key that comes from the same figures as the
 * collection (a segment read from the sums it is looked up in, a schedule of
 * the table's own list): only a programming error can miss it, and no type
 * says so. Throws an Error naming what is missing rather than letting an
 * undefined travel on. Kept for the few lookups no structure makes total.
 */
export function found<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`${what} is missing`);
  return value;
}
