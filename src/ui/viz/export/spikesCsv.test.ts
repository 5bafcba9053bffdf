import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../core/engine/index.ts';
import type { LayerRecording } from '../../../core/engine/types.ts';
import { prepareRun, simulatePrepared } from '../../../core/pipeline.ts';
import { parseWorkspace } from '../../../core/spec/parseWorkspace.ts';
import { spikesCsv, spikesCsvChunks } from './spikesCsv.ts';

const train = (times: number[], ids: number[]) => ({ neurons: 4, steps: 10, times: Uint32Array.from(times), ids: Uint32Array.from(ids) });
const layer = (name: string, ...spikes: ReturnType<typeof train>[]): LayerRecording => ({ name, kind: 'spiking', neurons: 4, spikeCount: spikes.reduce((a, s) => a + s.times.length, 0), spikes });

describe('spikesCsv', () => {
  it('writes a header and one row per spike: layer, neuron, step and time in ms without float noise', () => {
    const csv = spikesCsv([layer('in', train([0, 3], [2, 1])), layer('lif1', train([3], [0]))], 0.1);
    expect(csv).toBe('layer,neuron,step,time_ms\nin,2,0,0\nin,1,3,0.3\nlif1,0,3,0.3\n');
  });

  it('adds a sample column when the run recorded several batch samples, and quotes awkward layer names', () => {
    const csv = spikesCsv([layer('a,"b"', train([1], [0]), train([2], [3]))], 1);
    expect(csv.split('\n')).toEqual(['sample,layer,neuron,step,time_ms', '0,"a,""b""",0,1,1', '1,"a,""b""",3,2,2', '']);
  });

  it('has as many rows as the default workspace recorded spikes, each row one of them', async () => {
    const file = join(import.meta.dirname, '..', '..', '..', '..', 'public', 'presets', 'default.workspace.json');
    const ws = parseWorkspace(JSON.parse(readFileSync(file, 'utf8')));
    const run = prepareRun(ws);
    const r = await simulatePrepared(run, await createEngine('events'), ws);
    const total = r.layers.reduce((a, l) => a + l.spikeCount, 0);
    expect(total).toBeGreaterThan(100);
    // Nothing left out by the event budget: the recording holds every spike counted.
    expect(r.notes).toEqual([]);
    const lines = spikesCsvChunks(r.layers, r.dtMs).join('').trimEnd().split('\n');
    expect(lines.length - 1).toBe(total);
    // Rows per layer equal the layer's count, and each row's time is its step × dt.
    for (const l of r.layers) expect(lines.filter((row) => row.startsWith(`${l.name},`)).length).toBe(l.spikeCount);
    const [, neuron, step, timeMs] = (lines[1] ?? '').split(',').map(Number);
    expect(neuron).toBeLessThan(r.layers[0]?.neurons ?? 0);
    expect(timeMs).toBeCloseTo((step ?? 0) * r.dtMs, 6);
  });
});
