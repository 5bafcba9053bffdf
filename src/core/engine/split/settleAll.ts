/**
 * Waits for every promise, then throws the first failure (in order) or returns the values. Unlike
 * Promise.all it never returns while a part is still running, which matters when the parts share
 * buffers that the next job will overwrite.
 */
export async function settleAll<T>(parts: readonly Promise<T>[]): Promise<T[]> {
  const settled = await Promise.allSettled(parts);
  const failed = settled.find((s) => s.status === 'rejected');
  if (failed) throw failed.reason;
  return settled.map((s) => (s as PromiseFulfilledResult<T>).value);
}
