import { describe, expect, it } from 'vitest';
import { planBrowserThreads } from './threadPlan.ts';

describe('planBrowserThreads', () => {
  it('runs on one thread and says why when the page is not cross-origin isolated', () => {
    const p = planBrowserThreads({ isolated: false, sharedMemory: 'SharedArrayBuffer is not defined here', cores: 8 });
    expect(p.threads).toBe(1);
    expect(p.reason).toMatch(/not cross-origin isolated .*COOP\/COEP/);
  });
  it('leaves one core to the page, takes the others up to the cap', () => {
    expect(planBrowserThreads({ isolated: true, sharedMemory: true, cores: 3 }).threads).toBe(2);
    expect(planBrowserThreads({ isolated: true, sharedMemory: true, cores: 16 }).threads).toBe(4);
    expect(planBrowserThreads({ isolated: true, sharedMemory: true, cores: 16 }, 8).threads).toBe(8);
    expect(planBrowserThreads({ isolated: true, sharedMemory: true, cores: 2 })).toEqual({ threads: 1, reason: 'this device reports 2 cores, and one is left to the page' });
    expect(planBrowserThreads({ isolated: true, sharedMemory: true, cores: 1 })).toEqual({ threads: 1, reason: 'this device reports a single core' });
    // Browsers may hide the core count (privacy settings): one thread then.
    expect(planBrowserThreads({ isolated: true, sharedMemory: true, cores: undefined })).toEqual({ threads: 1, reason: 'this browser does not report its cores' });
  });
  it('runs on one thread, saying why, on an isolated page whose browser still withholds shared memory (WebKitGTK)', () => {
    // WebKitGTK 2.50 reports crossOriginIsolated and 4 cores on a 2-core machine, yet defines no SharedArrayBuffer.
    const p = planBrowserThreads({ isolated: true, sharedMemory: 'SharedArrayBuffer is not defined here', cores: 4 });
    expect(p).toEqual({ threads: 1, reason: 'the page is cross-origin isolated, yet threads cannot share memory in this browser (SharedArrayBuffer is not defined here)' });
  });
});
