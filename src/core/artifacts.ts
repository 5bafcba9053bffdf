/**
 * Large binary results (recordings, signals, weights) live here, keyed by id, never in UI state:
 * the store holds small ids and summaries, and views look the arrays up when they draw.
 */
export interface ArtifactStore<T> {
  /** Stores a value and returns its new id. */
  put(value: T): string;
  get(id: string): T | undefined;
  delete(id: string): void;
  /** Number of stored values. */
  readonly size: number;
}

/** Creates a store that keeps at most `capacity` values, dropping the oldest first. */
export function createArtifactStore<T>(capacity = 8): ArtifactStore<T> {
  const items = new Map<string, T>();
  let next = 1;
  return {
    put(value) {
      const id = `a${next++}`;
      items.set(id, value);
      while (items.size > capacity) {
        const oldest = items.keys().next().value;
        if (oldest === undefined) break;
        items.delete(oldest);
      }
      return id;
    },
    get: (id) => items.get(id),
    delete: (id) => void items.delete(id),
    get size() {
      return items.size;
    },
  };
}
