import { describe, expect, it } from 'vitest';
import { planBrowserThreads } from './threadPlan.ts';

describe('planBrowserThreads', () => {
  it('runs on one thread and says why when the page is not cross-origin isolated', () => {
    const p = planBrowserThreads({ isolated: false, cores: 8 });
    expect(p.threads).toBe(1);
    expect(p.reason).toMatch(/not cross-origin isolated .*COOP\/COEP/);
  });
  it('leaves one core to the page, takes the others up to the cap', () => {
    expect(planBrowserThreads({ isolated: true, cores: 3 }).threads).toBe(2);
    expect(planBrowserThreads({ isolated: true, cores: 16 }).threads).toBe(4);
    expect(planBrowserThreads({ isolated: true, cores: 16 }, 8).threads).toBe(8);
    expect(planBrowserThreads({ isolated: true, cores: 2 })).toEqual({ threads: 1, reason: 'this device reports 2 cores, and one is left to the page' });
    expect(planBrowserThreads({ isolated: true, cores: 1 })).toEqual({ threads: 1, reason: 'this device reports a single core' });
    // Browsers may hide the core count (privacy settings): one thread then.
    expect(planBrowserThreads({ isolated: true, cores: undefined })).toEqual({ threads: 1, reason: 'this browser does not report its cores' });
  });
});
