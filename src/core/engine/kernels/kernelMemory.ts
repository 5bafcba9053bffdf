import type { KernelExports } from './kernelModule.ts';

const PAGE = 65_536;

/**
 * A bump allocator over the kernel's linear memory. A run reserves all its buffers first, then
 * takes typed-array views: growing the memory detaches earlier views, so no allocation may happen
 * once the views exist. `reset()` reuses the memory for the next run (no growth, no page faults).
 */
export interface KernelMemory {
  /** Reserves `bytes` (16-byte aligned, for v128 loads) and returns the byte offset. */
  alloc(bytes: number): number;
  /** Forgets every reservation. */
  reset(): void;
  /** Views of the memory as it is now (take them after the last alloc). */
  f32(): Float32Array;
}

/** Creates the allocator for one kernel instance. */
export function createKernelMemory(k: KernelExports): KernelMemory {
  const base = align16(k.heapBase());
  let top = base;
  return {
    alloc(bytes) {
      const at = top;
      top = align16(top + bytes);
      const need = top - k.memory.buffer.byteLength;
      if (need > 0) k.memory.grow(Math.ceil(need / PAGE));
      return at;
    },
    reset() {
      top = base;
    },
    f32: () => new Float32Array(k.memory.buffer),
  };
}

function align16(n: number): number {
  return Math.ceil(n / 16) * 16;
}
