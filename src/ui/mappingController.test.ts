import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MappingError } from '../core/errors.ts';
import type { MappingResult } from '../core/hardware/mappingTypes.ts';
import { parseWorkspace } from '../core/spec/parseWorkspace.ts';
import type { SimClient } from '../../workers/client.ts';
import { mappingArtifacts, startMappingController } from './mappingController.ts';
import { createStore } from './store/index.ts';

const preset = parseWorkspace(JSON.parse(readFileSync(new URL('../../public/presets/default.workspace.json', import.meta.url), 'utf8')));

/** A client whose map() calls wait until the test settles them. */
function fakeClient() {
  const pending: { jobId: string; resolve: (r: MappingResult) => void; reject: (e: Error) => void }[] = [];
  const cancelled: string[] = [];
  const client = {
    map: vi.fn((jobId: string) => new Promise<MappingResult>((resolve, reject) => pending.push({ jobId, resolve, reject }))),
    chips: vi.fn(async () => []),
    cancel: (jobId: string) => void cancelled.push(jobId),
  } as unknown as SimClient;
  return { client, pending, cancelled };
}

const result = (chip: string) => ({ chip, fits: true, violations: [] }) as unknown as MappingResult;

describe('mapping controller', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('maps nothing while the spike views are shown, and maps at once when the chip view opens', async () => {
    const store = createStore();
    store.getState().loadWorkspace(preset);
    const { client, pending } = fakeClient();
    startMappingController(store, client, 300);
    await vi.advanceTimersByTimeAsync(1000);
    expect(pending).toHaveLength(0);
    store.getState().setCenterView('chip');
    await vi.advanceTimersByTimeAsync(0);
    expect(pending).toHaveLength(1);
    expect(store.getState().mapStatus).toBe('running');
    pending[0]?.resolve(result('loihi'));
    await vi.advanceTimersByTimeAsync(0);
    const ref = store.getState().mapping;
    expect(store.getState().mapStatus).toBe('done');
    expect(ref && mappingArtifacts.get(ref.id)?.chip).toBe('loihi');
    // Leaving and coming back with the same workspace shows the same mapping without a new job.
    store.getState().setCenterView('spikes');
    store.getState().setCenterView('chip');
    await vi.advanceTimersByTimeAsync(1000);
    expect(pending).toHaveLength(1);
  });

  it('re-maps an edit after the debounce, cancelling the job in flight, and shows only the newest result', async () => {
    const store = createStore();
    store.getState().loadWorkspace(preset);
    store.getState().setCenterView('chip');
    const { client, pending, cancelled } = fakeClient();
    startMappingController(store, client, 300);
    await vi.advanceTimersByTimeAsync(0);
    store.getState().edit('seed', (d) => void (d['chip'] = { id: 'truenorth', seed: 7 }));
    store.getState().edit('seed', (d) => void (d['chip'] = { id: 'truenorth', seed: 8 }));
    await vi.advanceTimersByTimeAsync(299);
    expect(pending).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(pending).toHaveLength(2);
    expect(cancelled).toEqual([pending[0]?.jobId]);
    pending[1]?.resolve(result('truenorth'));
    pending[0]?.resolve(result('loihi'));
    await vi.advanceTimersByTimeAsync(0);
    expect(store.getState().mapping).toMatchObject({ chip: 'truenorth', seed: 8 });
  });

  it('keeps the violations of a rejected job so the view can list them', async () => {
    const store = createStore();
    store.getState().loadWorkspace(preset);
    store.getState().setCenterView('chip');
    const { client, pending } = fakeClient();
    startMappingController(store, client, 300);
    await vi.advanceTimersByTimeAsync(0);
    const v = { layer: 'lif1', constraint: 'neurons_per_core', limit: 1, value: 2, severity: 'error' as const, message: 'too many', suggestions: [] };
    pending[0]?.reject(new MappingError('xylo', [v]));
    await vi.advanceTimersByTimeAsync(0);
    expect(store.getState().mapStatus).toBe('error');
    expect(store.getState().mapErrorViolations).toEqual([v]);
  });
});
