/**
 * Which dropped files this browser keeps for the next visit. Kept files live in IndexedDB, whose
 * quota is shared with the saved workspaces and the whole origin: a cap per file and in total
 * keeps one large recording from crowding out everything else, and says so rather than failing
 * at the next reload.
 */

/** Largest single file kept: a few MIT-BIH records or N-MNIST samples fit, a full data set does not. */
export const MAX_KEPT_FILE_BYTES = 32 * 1024 * 1024;

/** Most bytes kept in all: beyond this the user removes kept files to make room. */
export const MAX_KEPT_TOTAL_BYTES = 128 * 1024 * 1024;

/** A file by name and size (bytes), as the policy sees it. */
export interface SizedFile {
  readonly name: string;
  readonly size: number;
}

/** What to store of one drop: the names to keep, and each refused file with why. */
export interface KeepPlan {
  readonly keep: readonly string[];
  readonly refused: readonly { readonly name: string; readonly reason: string }[];
}

/** A size for messages: kilobytes under a megabyte (a small CSV is not "0.0 MB"), else megabytes, one decimal. */
export function sizeText(bytes: number): string {
  return bytes < 2 ** 20 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 2 ** 20).toFixed(1)} MB`;
}

/**
 * The record a file belongs to: a WFDB record's .hea, .dat and .atr share their stem and are
 * useless apart, so they are kept or refused together.
 */
function stem(name: string): string {
  return name.replace(/\.[^./\\]*$/, '');
}

/**
 * Plans what to keep of files dropped together, given what is kept already. A dropped file
 * replaces a kept file of the same name (so its old size is freed). Records are taken in drop
 * order until the total cap; a record with a file over the per-file cap is refused whole.
 */
export function planKeep(kept: readonly SizedFile[], dropped: readonly SizedFile[], caps = { file: MAX_KEPT_FILE_BYTES, total: MAX_KEPT_TOTAL_BYTES }): KeepPlan {
  const droppedNames = new Set(dropped.map((f) => f.name));
  let total = kept.filter((f) => !droppedNames.has(f.name)).reduce((a, f) => a + f.size, 0);
  const records = new Map<string, SizedFile[]>();
  for (const f of dropped) records.set(stem(f.name), [...(records.get(stem(f.name)) ?? []), f]);
  const keep: string[] = [];
  const refused: { name: string; reason: string }[] = [];
  for (const files of records.values()) {
    const size = files.reduce((a, f) => a + f.size, 0);
    const tooBig = files.find((f) => f.size > caps.file);
    const names = files.map((f) => f.name);
    if (tooBig) {
      const partners = names.length > 1 ? ` (with ${names.filter((n) => n !== tooBig.name).join(', ')})` : '';
      for (const name of names) refused.push({ name, reason: `${tooBig.name} is ${sizeText(tooBig.size)}, over the ${sizeText(caps.file)} this browser keeps per file${partners}; drop it again on your next visit` });
    } else if (total + size > caps.total) {
      for (const name of names) refused.push({ name, reason: `keeping ${names.join(', ')} (${sizeText(size)}) would pass the ${sizeText(caps.total)} kept in all (${sizeText(total)} used); remove kept files to make room` });
    } else {
      total += size;
      keep.push(...names);
    }
  }
  return { keep, refused };
}
