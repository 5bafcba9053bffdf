/**
 * Damaged saves kept for the user. Nothing unreadable is deleted by the page: a saved workspace
 * whose record cannot be read is copied into the database's 'damaged' store (with the time and
 * the reason), and an unreadable catalogue entry stays where it is; both are listed as damaged in
 * the Workspaces dialog, where the user can download or delete them.
 */

/** A record that could not be read, as kept in the 'damaged' store. */
export interface DamagedCopy {
  /** Its key in the 'damaged' store: one copy per workspace and revision (see damagedCopyKey). */
  readonly key: string;
  /** The saved workspace it belongs to. */
  readonly id: string;
  readonly name: string;
  /** Epoch milliseconds when the damage was found. */
  readonly at: number;
  readonly reason: string;
  /** The record exactly as it was read from IndexedDB. */
  readonly value: unknown;
}

/**
 * One copy per workspace and revision: a damaged record found again at the next boot is the same
 * damage, not a new copy (the store would otherwise grow at every reload).
 */
export const damagedCopyKey = (id: string, revision: number): string => `${id}@${revision}`;

/** Whether a value read back from the 'damaged' store is a DamagedCopy (anything else there is ignored). */
export function isDamagedCopy(v: unknown): v is DamagedCopy {
  if (typeof v !== 'object' || v === null) return false;
  const c = v as Record<string, unknown>;
  return typeof c['key'] === 'string' && typeof c['id'] === 'string' && typeof c['name'] === 'string' && typeof c['at'] === 'number' && typeof c['reason'] === 'string' && 'value' in c;
}

/** Where a damaged item lives: an unreadable catalogue entry, or a kept copy of an unreadable record. */
export type DamagedPlace = 'catalogue' | 'copy';

/** A damaged item as the Workspaces dialog lists it. */
export interface DamagedItem {
  readonly place: DamagedPlace;
  readonly key: string;
  readonly name: string;
  readonly reason: string;
  /** When it was found (kept copies only). */
  readonly at?: number;
}

/**
 * The JSON text of a damaged value for download: typed arrays (weights) become plain arrays, and
 * anything JSON cannot hold (undefined, functions, an object met twice) is named instead of failing the download.
 */
export function damagedValueJson(value: unknown): string {
  const seen = new WeakSet<object>();
  return JSON.stringify(
    value,
    (_key, v: unknown) => {
      if (ArrayBuffer.isView(v) && !(v instanceof DataView)) return Array.from(v as unknown as ArrayLike<number>);
      if (typeof v === 'bigint') return v.toString();
      if (typeof v === 'function' || typeof v === 'symbol') return `[${typeof v}]`;
      if (typeof v === 'object' && v !== null) {
        if (seen.has(v)) return '[seen above]';
        seen.add(v);
      }
      return v === undefined ? null : v;
    },
    2,
  );
}
