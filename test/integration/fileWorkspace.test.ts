import { beforeAll, describe, expect, it } from 'vitest';
import { fileChecksum } from '../../src/core/data/checksum.ts';
import { MissingFileError } from '../../src/core/data/fileSources.ts';
import { createFileStore, type LoadedRecord } from '../../src/core/data/fileStore.ts';
import { createEngine } from '../../src/core/engine/index.ts';
import { prepareRun, simulatePrepared } from '../../src/core/pipeline.ts';
import { parseWorkspace } from '../../src/core/spec/parseWorkspace.ts';
import { dataFile, HAVE_DATA } from '../support/sharedData.ts';

const net = (inputs: number) => ({
  layers: [
    { kind: 'input', name: 'in', shape: [inputs] },
    { kind: 'dense', name: 'fc', units: 20, weightGain: 4 },
    { kind: 'spiking', name: 'lif', neuron: { model: 'lif', beta: 0.9 } },
  ],
});

describe('CRC-32 checksums', () => {
  it('match the standard check value of "123456789" (0xCBF43926)', () => {
    expect(fileChecksum(new TextEncoder().encode('123456789'))).toBe('crc32:cbf43926:9');
  });
});

describe.skipIf(!HAVE_DATA)('workspaces that read dropped files', () => {
  const store = createFileStore();
  let wfdb: LoadedRecord | undefined;
  let nmnist: LoadedRecord | undefined;
  // Read in beforeAll: a skipped suite's body still runs to collect its tests.
  beforeAll(() => {
    [wfdb] = store.add(['100.hea', '100.dat', '100.atr'].map((n) => ({ name: n, bytes: dataFile(`mitdb/${n}`) })));
    [nmnist] = store.add([{ name: '1.bs2', bytes: dataFile('dvs/nmnist/slayerPytorch-NMNISTsmall/1.bs2') }]);
  });

  it('lists loaded records with their channels and a checksum of every file of the record', () => {
    expect(wfdb).toMatchObject({ name: '100.hea', kind: 'signal', channels: ['MLII', 'V5'] });
    expect(wfdb?.checksum.split('+')).toHaveLength(2);
    expect(nmnist).toMatchObject({ kind: 'events', summary: { events: 4681, width: 34, height: 34 } });
  });

  it('simulates a 2 s window of MIT-BIH lead V5 with its beat annotations shifted into the window', async () => {
    const ws = parseWorkspace({
      schemaVersion: 1,
      network: net(32),
      data: { kind: 'signal-file', file: '100.hea', checksum: wfdb?.checksum, channel: 1, startS: 10, durationS: 2 },
      encoder: { kind: 'levelCrossing', levels: 16 },
    });
    const run = prepareRun(ws, undefined, store);
    if (run.source.kind !== 'signal') throw new Error('expected a signal');
    expect(run.source.signal.length).toBe(720);
    expect(run.source.signal.channels).toEqual(['V5']);
    expect(run.source.signal.annotations.every((a) => a.sample >= 0 && a.sample < 720)).toBe(true);
    expect(run.source.signal.annotations.length).toBeGreaterThanOrEqual(2);
    expect(run.dtMs).toBeCloseTo(1000 / 360, 9);
    const r = await simulatePrepared(run, await createEngine('events'), ws);
    expect(r.layers[0]?.spikeCount).toBeGreaterThan(0);
  });

  it('feeds N-MNIST events directly: 34×34×2 inputs, 1 ms steps, every event in the window counted', async () => {
    const ws = parseWorkspace({
      schemaVersion: 1,
      network: net(34 * 34 * 2),
      data: { kind: 'event-file', file: '1.bs2', checksum: nmnist?.checksum, width: 34, height: 34, durationUs: 320_000 },
      encoder: { kind: 'direct' },
    });
    const run = prepareRun(ws, undefined, store);
    expect(run.input.steps).toBe(320);
    expect(run.input.values.reduce((a, b) => a + b, 0)).toBe(4681);
    const r = await simulatePrepared(run, await createEngine('events'), ws);
    expect(r.layers[0]?.spikeCount).toBe(4681);
  });

  it('refuses an event workspace whose input layer does not match the sensor, and names a missing file', () => {
    expect(() =>
      parseWorkspace({ schemaVersion: 1, network: net(100), data: { kind: 'event-file', file: 'x.bin', checksum: 'c', width: 34, height: 34 }, encoder: { kind: 'direct' } }),
    ).toThrow(/event source \(34×34.*2312 input neurons/);
    const ws = parseWorkspace({ schemaVersion: 1, network: net(32), data: { kind: 'signal-file', file: 'other.hea', checksum: 'crc32:0:0' }, encoder: { kind: 'levelCrossing' } });
    expect(() => prepareRun(ws, undefined, store)).toThrow(MissingFileError);
  });
});

describe.skipIf(!HAVE_DATA)('a spoken digit from FSDD through the mel front end', () => {
  it('turns 7_george_32.wav (2568 samples at 8 kHz) into 30 frames × 24 bands, delta-encoded to 48 inputs', async () => {
    const store = createFileStore();
    const [wav] = store.add([{ name: '7_george_32.wav', bytes: dataFile('audio/fsdd/recordings/7_george_32.wav') }]);
    const ws = parseWorkspace({
      schemaVersion: 1,
      network: net(48),
      data: { kind: 'signal-file', file: '7_george_32.wav', checksum: wav?.checksum, durationS: 1, frontEnd: 'mel', bands: 24 },
      encoder: { kind: 'delta', threshold: 0.5 },
    });
    const run = prepareRun(ws, undefined, store);
    expect(run.input).toMatchObject({ steps: Math.floor((2568 - 200) / 80) + 1, neurons: 48 });
    expect(run.dtMs).toBeCloseTo(10, 9);
    const r = await simulatePrepared(run, await createEngine('events'), ws);
    expect(r.layers[0]?.spikeCount).toBeGreaterThan(20);
  });
});

describe.skipIf(!HAVE_DATA)('parse progress', () => {
  it('reports files done out of files dropped, ending at all of them', () => {
    const seen: [number, number][] = [];
    createFileStore().add(
      ['100.hea', '100.dat', '100.atr'].map((n) => ({ name: n, bytes: dataFile(`mitdb/${n}`) })).concat([{ name: '1.bs2', bytes: dataFile('dvs/nmnist/slayerPytorch-NMNISTsmall/1.bs2') }]),
      { onFile: (d, t) => void seen.push([d, t]) },
    );
    expect(seen).toEqual([
      [3, 4],
      [4, 4],
    ]);
  });
});
