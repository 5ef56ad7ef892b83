/**
 * A value derived from an object (a loaded vocabulary part, the search data), built on first use and kept as long as
 * the object lives: the tables the search derives once per loaded file instead of once per query.
 */
export function perObject<K extends object, V>(build: (key: K) => V): (key: K) => V {
  const cache = new WeakMap<K, V>();
  return (key) => {
    if (cache.has(key)) return cache.get(key)!;
    const value = build(key);
    cache.set(key, value);
    return value;
  };
}
