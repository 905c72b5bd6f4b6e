/**
 * Lookups that cannot silently miss. A page reads rows of its JSON by id (an
 * alert rule by metric, a feature by name); a missing id is a bug in the data
 * or the page, so it fails loudly with the id it could not find, instead of
 * an `undefined` that surfaces three calls later as "cannot read property".
 */

/** Rows by key: `get` returns the row or throws an Error naming the missing key. */
export interface Lookup<K, V> {
  get(key: K): V;
  has(key: K): boolean;
}

/**
 * Indexes `rows` by `key(row)`. `what` names a row in the error message
 * ("alert rule", "feature"): `no alert rule "rmse"`.
 */
export function keyed<K, V>(rows: Iterable<V>, key: (row: V) => K, what: string): Lookup<K, V> {
  const map = new Map<K, V>();
  for (const row of rows) map.set(key(row), row);
  return {
    get: (k) => lookup(map, k, what),
    has: (k) => map.has(k),
  };
}

/** `map.get(key)`, or an Error naming the missing key. */
export function lookup<K, V>(map: ReadonlyMap<K, V>, key: K, what: string): V {
  const value = map.get(key);
  if (value === undefined) throw new Error(`no ${what} ${JSON.stringify(key)}`);
  return value;
}

/** The last element of a list that must not be empty, or an Error naming the list. */
export function last<T>(list: readonly T[], what: string): T {
  if (list.length === 0) throw new Error(`no ${what}: the list is empty`);
  return list[list.length - 1];
}
