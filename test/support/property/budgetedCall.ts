/**
 * Runs one call of a reader (or decoder) under the property suite's budgets and says what came of
 * it. Time and memory are measured, not enforced by interruption: a synchronous reader cannot be
 * stopped from outside, so a call over budget is reported after it returns (a true hang is caught
 * by the test's timeout instead). Time is the process's CPU time, not wall time: at a load average
 * of 27 on this shared 2-core machine a 21 KB NIR file took 14 s of wall time and 0.3 s of CPU.
 */

/** Most CPU time one input may take (issue 26: "≤ 2 s"). */
export const TIME_BUDGET_MS = 2000;
/** Most memory one input may leave allocated: heapUsed + arrayBuffers, result included (200 MB). */
export const MEMORY_BUDGET_BYTES = 200 * 2 ** 20;

/** What one budgeted call gave: its value or what it threw, with the time and memory it took. */
export type BudgetedOutcome<T> = ({ readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: unknown }) & {
  /** CPU time of the process during the call (user + system), ms. */
  readonly ms: number;
  readonly bytes: number;
};

/** CPU time the process has used so far, ms. */
export function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

const used = (): number => {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};

/**
 * Calls `run` once. Memory is the growth of heapUsed + arrayBuffers across the call while the
 * result is still referenced: what a reader keeps (its record) plus garbage not yet collected, an
 * upper bound of what the input made it hold.
 */
export function budgetedCall<T>(run: () => T): BudgetedOutcome<T> {
  const before = used();
  const t0 = cpuMs();
  let outcome: { ok: true; value: T } | { ok: false; error: unknown };
  try {
    outcome = { ok: true, value: run() };
  } catch (error) {
    outcome = { ok: false, error };
  }
  const ms = cpuMs() - t0;
  return { ...outcome, ms, bytes: Math.max(0, used() - before) };
}

/** The budget problems of an outcome (empty when it stayed within both); the limits default to the suite's. */
export function budgetProblems(o: Pick<BudgetedOutcome<unknown>, 'ms' | 'bytes'>, limits = { ms: TIME_BUDGET_MS, bytes: MEMORY_BUDGET_BYTES }): string[] {
  const out: string[] = [];
  if (o.ms > limits.ms) out.push(`took ${o.ms.toFixed(0)} ms of CPU, over the ${limits.ms} ms budget`);
  if (o.bytes > limits.bytes) out.push(`kept ${(o.bytes / 2 ** 20).toFixed(0)} MB, over the ${(limits.bytes / 2 ** 20).toFixed(0)} MB budget`);
  return out;
}

/** A thrown value as one line for a failure message (name, message, first stack frame). */
export function describeThrown(e: unknown): string {
  if (!(e instanceof Error)) return `threw a non-Error: ${String(e)}`;
  const frame = e.stack?.split('\n').find((l) => l.trim().startsWith('at ')) ?? '';
  return `${e.name}: ${e.message.slice(0, 300)} ${frame.trim()}`;
}
