// A barrier between the threads of one network (W3 on several threads: one step at a time). It
// lives in a SharedArrayBuffer: three int32 words, below. Each thread keeps its own sense bit.

const ARRIVED = 0;
const SENSE = 1;
const STOPPED = 2;

/** Int32 words a barrier takes. */
export const BARRIER_WORDS = 3;

/** The shared words of a barrier (a SharedArrayBuffer), made by the coordinator. */
export function createBarrierWords(): Int32Array {
  return new Int32Array(new SharedArrayBuffer(BARRIER_WORDS * 4));
}

/** The coordinator's side: make a new run start from a clean barrier, or stop one under way. */
export const barrierControl = {
  /** Before a run, with every thread idle (each resets its side with `reset`). */
  reset(words: Int32Array): void {
    Atomics.store(words, ARRIVED, 0);
    Atomics.store(words, SENSE, 0);
    Atomics.store(words, STOPPED, 0);
  },
  /** A thread died or failed: the others leave the barrier (arrive returns false) instead of waiting forever. */
  stop(words: Int32Array): void {
    Atomics.store(words, STOPPED, 1);
    Atomics.notify(words, SENSE);
  },
};

/** One thread's side of the barrier. */
export interface StepBarrier {
  /** Start of a run (after the coordinator's reset). */
  reset(): void;
  /** Waits until all `parties` threads arrived; false if the run was stopped meanwhile. */
  arrive(): boolean;
  /**
   * arrive in two halves, with work in between that needs nothing from the others (a split-phase
   * barrier): `signal` says this thread is there and returns at once, `wait` waits for the others.
   */
  signal(): void;
  wait(): boolean;
}

/**
 * A sense-reversing barrier: each arrival flips the thread's sense; the last to arrive resets the
 * count and publishes its sense, which releases the others. A waiting thread spins briefly (a
 * thread that arrives a microsecond late is caught without a sleep and wake-up), then sleeps in
 * Atomics.wait, waking every `pollMs` to look at the stop flag. The spin is short on purpose: on
 * a machine with more busy threads than cores, the late thread is usually one the scheduler
 * took off its core, and a long spin keeps that core from it (W3 on two threads on a loaded
 * 2-vCPU machine: 20,000 spins ran at 0.5–1.4 runs/s, 0–1,000 spins at 1.6–4 runs/s).
 */
export function createStepBarrier(words: Int32Array, parties: number, spins = 1000, pollMs = 50): StepBarrier {
  let sense = 0;
  const stopped = () => Atomics.load(words, STOPPED) !== 0;
  const signal = () => {
    sense ^= 1;
    if (Atomics.add(words, ARRIVED, 1) === parties - 1) {
      Atomics.store(words, ARRIVED, 0);
      Atomics.store(words, SENSE, sense);
      Atomics.notify(words, SENSE);
    }
  };
  const wait = () => {
    for (let i = 0; i < spins; i++) {
      if (Atomics.load(words, SENSE) === sense) return !stopped();
    }
    while (Atomics.load(words, SENSE) !== sense) {
      if (stopped()) return false;
      Atomics.wait(words, SENSE, sense ^ 1, pollMs);
    }
    return !stopped();
  };
  return {
    reset() {
      sense = 0;
    },
    arrive() {
      signal();
      return wait();
    },
    signal,
    wait,
  };
}
