import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/spikelab.ts';
import { cli } from '../support/cli.ts';

/** Runs `main` in this process (the launcher only forwards argv and prints): exit code and both streams. */
async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const COMMANDS = ['simulate', 'bench', 'inspect', 'train', 'eval', 'convert', 'map', 'chips', 'energy-check', 'link', 'export', 'import'];
const VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

describe('spikelab --help, help and --version', () => {
  it.each(COMMANDS)('spikelab %s --help prints that command’s usage on stdout and exits 0', async (name) => {
    for (const flag of ['--help', '-h']) {
      const r = await run(name, flag);
      expect([r.code, r.err]).toEqual([0, '']);
      expect(r.out).toMatch(new RegExp(`^usage: spikelab ${name}\\b`));
    }
  });

  it('spikelab --help and spikelab help print the overview naming every command, exit 0', async () => {
    for (const argv of [['--help'], ['help'], ['-h']]) {
      const r = await run(...argv);
      expect(r.code).toBe(0);
      for (const name of COMMANDS) expect(r.out).toContain(`spikelab ${name}`);
    }
  });

  it('spikelab help COMMAND prints that command’s usage; an unknown one exits 2 with the overview', async () => {
    const r = await run('help', 'train');
    expect([r.code, r.out]).toEqual([0, expect.stringMatching(/^usage: spikelab train \(--preset NAME/)]);
    const bad = await run('help', 'nosuch');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/unknown command 'nosuch'/);
  });

  it('--help wins over other options, even ones that would be refused', async () => {
    const r = await run('train', '--preset', 'nosuch', '--help');
    expect([r.code, r.err]).toEqual([0, '']);
    expect(r.out).toMatch(/^usage: spikelab train/);
  });

  it('spikelab --version (and the installed launcher) prints the version of package.json', async () => {
    const r = await run('--version');
    expect([r.code, r.out]).toEqual([0, `spikelab ${VERSION}`]);
    // Once through the real launcher: its exit code is the process's.
    const bin = cli('--version');
    expect([bin.code, bin.out.trim()]).toEqual([0, `spikelab ${VERSION}`]);
  });

  it('--preset nosuch lists the available presets, exit 2', async () => {
    for (const name of ['simulate', 'map', 'train']) {
      const r = await run(name, '--preset', 'nosuch', ...(name === 'train' ? ['--out', '/nonexistent/x.json'] : []));
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/no preset 'nosuch'; the presets are audio-digits, audio-digits-pool, cue-memory-feedforward, cue-memory-rsnn, default, dvs-nmnist, dvs-shapes, ecg-mitbih, ecg-synthetic, eeg/);
    }
  });
});
