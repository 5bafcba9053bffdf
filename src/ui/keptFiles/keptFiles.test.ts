import { describe, expect, it } from 'vitest';
import { memoryKeptFileDb } from '../../../test/support/memoryKeptFileDb.ts';
import { createSimApi } from '../../../workers/simApi.ts';
import { droppedTrainingCount } from '../droppedFiles.ts';
import { createStore } from '../store/index.ts';
import { MAX_KEPT_FILE_BYTES } from './keepPolicy.ts';
import { forgetKept, keepDropped, restoreKept } from './keptFiles.ts';

/** A two-column CSV of `rows` samples. */
function csv(name: string, rows: number): File {
  const lines = ['a,b', ...Array.from({ length: rows }, (_, i) => `${Math.sin(i / 5).toFixed(3)},${(i % 7) / 7}`)];
  return new File([lines.join('\n')], name);
}

describe('kept dropped files', () => {
  it('keepDropped stores the drop with its CSV rate; restoreKept loads it into a fresh page’s worker and store', async () => {
    const db = memoryKeptFileDb();
    const first = createStore();
    expect(await keepDropped(first, db, [csv('walk.csv', 500)], 100, 1000)).toBe('');
    expect(first.getState().kept).toEqual([{ name: 'walk.csv', size: db.files.get('walk.csv')?.size }]);

    // The next visit: a new store and worker facade, the same database.
    const page = createStore();
    const sim = createSimApi();
    const restoring = restoreKept(page, sim, db);
    // Flagged at once, so a run at boot that misses the file waits for it instead of failing.
    expect(page.getState().restoringKept).toBe(true);
    await restoring;
    expect(page.getState().restoringKept).toBe(false);
    const [record] = page.getState().files;
    expect(record?.name).toBe('walk.csv');
    expect(record?.channels).toEqual(['a', 'b']);
    // Read at the rate it was dropped with: 500 samples at 100 Hz.
    expect(record?.summary.duration_s).toBeCloseTo(5, 6);
    expect(page.getState().fileStatus).toEqual({ ok: true, message: expect.stringMatching(/^loaded walk\.csv kept in this browser \(\d+\.\d KB\)$/) });
    expect(page.getState().kept?.map((k) => k.name)).toEqual(['walk.csv']);
  });

  it('says why a file too big to keep is not kept, and keeps the rest of the drop', async () => {
    const db = memoryKeptFileDb();
    const store = createStore();
    const big = new File([new Uint8Array(MAX_KEPT_FILE_BYTES + 1)], 'huge.wav');
    const note = await keepDropped(store, db, [big, csv('small.csv', 10)], 250);
    expect(note).toBe('not kept for the next visit: huge.wav is 32.0 MB, over the 32.0 MB this browser keeps per file; drop it again on your next visit');
    expect([...db.files.keys()]).toEqual(['small.csv']);
  });

  it('a database that refuses writes loses nothing: the drop says the files are not kept and why', async () => {
    const db = memoryKeptFileDb();
    db.fail = true;
    const store = createStore();
    expect(await keepDropped(store, db, [csv('x.csv', 10)], 250)).toBe('not kept for the next visit (the quota has been exceeded): drop the files again after a reload');
    // Restoring from it says the kept files are unavailable instead of failing the boot.
    await restoreKept(store, createSimApi(), db);
    expect(store.getState().kept).toBeNull();
    expect(store.getState().keptError).toBe('kept files are unavailable (the quota has been exceeded)');
  });

  it('forgetKept removes a file so the next visit does not load it', async () => {
    const db = memoryKeptFileDb();
    const store = createStore();
    await keepDropped(store, db, [csv('a.csv', 10), csv('b.csv', 10)], 250);
    await forgetKept(store, db, 'a.csv');
    expect(store.getState().kept?.map((k) => k.name)).toEqual(['b.csv']);
    expect(store.getState().fileStatus?.message).toBe('a.csv removed from this browser (still loaded until the page closes)');
    const next = createStore();
    await restoreKept(next, createSimApi(), db);
    expect(next.getState().files.map((f) => f.name)).toEqual(['b.csv']);
  });

  it('reports a kept file that no longer reads, loads the others, and leaves it kept for the user to remove', async () => {
    const db = memoryKeptFileDb();
    await db.put([
      { name: 'bad.csv', blob: new Blob(['a,b\n1,2\n3\n']), size: 10, keptAt: 1, csvSamplingHz: 250 },
      { name: 'good.csv', blob: await csv('good.csv', 20).arrayBuffer().then((b) => new Blob([b])), size: 100, keptAt: 2, csvSamplingHz: 250 },
    ]);
    const store = createStore();
    const before = droppedTrainingCount();
    await restoreKept(store, createSimApi(), db);
    expect(store.getState().files.map((f) => f.name)).toEqual(['good.csv']);
    expect(store.getState().fileStatus).toEqual({ ok: false, message: expect.stringMatching(/^loaded good\.csv kept in this browser \(\d+\.\d KB\); could not load kept bad\.csv: .*line 3/) });
    expect(db.files.has('bad.csv')).toBe(true);
    // CSVs are not training files (WFDB and WAV are): nothing is added for training.
    expect(droppedTrainingCount()).toBe(before);
  });
});
