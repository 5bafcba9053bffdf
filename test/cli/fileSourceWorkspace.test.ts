import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../support/cli.ts';
import { DATA_DIR, HAVE_DATA } from '../support/sharedData.ts';

// The dvs-nmnist preset's source is a file (60001.bs2, by checksum): the page asks for it to be
// dropped; a terminal has no page, so the CLI must name its own remedy, --data.
const NMNIST = 'dvs/nmnist/slayerPytorch-NMNISTsmall';

describe('a workspace that reads a file, in the CLI', () => {
  it('tells simulate, map and train to pass --data, never to drop the file on the page (exit 2)', { timeout: 120_000 }, () => {
    for (const args of [['simulate'], ['map'], ['train', '--out', '/nonexistent/x.json', '--epochs', '1']]) {
      const r = cli(...args, '--preset', 'dvs-nmnist');
      expect(r.code, r.err).toBe(2);
      expect(r.err).toMatch(/this workspace reads the file '60001\.bs2' \(crc32:b4414a91:16650\); pass --data with that file or the folder that holds it/);
      expect(r.err).not.toMatch(/drop/i);
    }
  });

  it('refuses --data for a workspace whose source needs no file', () => {
    const r = cli('simulate', '--preset', 'default', '--data', DATA_DIR);
    expect([r.code, r.err]).toEqual([2, expect.stringContaining("this workspace's source is 'synthetic-ecg', which needs none")]);
  });
});

describe.skipIf(!HAVE_DATA)('a workspace that reads a file, given with --data', () => {
  it('simulates and maps with the file or its folder; another folder is refused naming the file', { timeout: 120_000 }, () => {
    const folder = join(DATA_DIR, NMNIST);
    const sim = cli('simulate', '--preset', 'dvs-nmnist', '--data', folder, '--json');
    expect(sim.code, sim.err).toBe(0);
    const layers = (JSON.parse(sim.out) as { layers: { name: string; spikes: number }[] }).layers;
    // 300 ms of 60001.bs2 from its first event, one input spike per event in the window.
    expect(layers[0]?.spikes).toBeGreaterThan(1000);
    const map = cli('map', '--preset', 'dvs-nmnist', '--data', join(folder, '60001.bs2'), '--json');
    expect(map.code, map.err).toBe(0);
    const wrong = cli('simulate', '--preset', 'dvs-nmnist', '--data', join(DATA_DIR, 'mitdb'));
    expect([wrong.code, wrong.err]).toEqual([2, expect.stringContaining("this workspace reads '60001.bs2', which is not in")]);
  });
});
