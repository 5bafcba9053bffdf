import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../support/cli.ts';
import { PRESET_DIR } from '../../src/cli/loadWorkspace.ts';

const dir = mkdtempSync(join(tmpdir(), 'spikelab-hostile-text-'));
const preset = () => JSON.parse(readFileSync(join(PRESET_DIR, 'default.workspace.json'), 'utf8')) as Record<string, unknown>;
// Raw control and bidi characters a terminal would act on (ESC, CSI, RLO, isolates).
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('the CLI prints input-derived text so that it cannot act on the terminal', () => {
  it('simulate prints a workspace named ESC [2J + RLO escaped, not raw', () => {
    const file = join(dir, 'escape.workspace.json');
    writeFileSync(file, JSON.stringify({ ...preset(), name: '\x1b[2J\u202eevil' }));
    const r = cli('simulate', '--workspace', file);
    expect(r.code).toBe(0);
    expect(r.out).not.toMatch(UNSAFE);
    expect(r.out).toContain("workspace '\\x1b[2J\\u202eevil'");
  });

  it('an error from a 10 MB bad header field quotes a short prefix, not the field', () => {
    const file = join(dir, 'huge.hea');
    writeFileSync(file, `r 1 360 ${'Q'.repeat(10_000_000)}\x1b[2J\nr.dat 212 200 11 1024 0 0 0 MLII\n`);
    const r = cli('inspect', file);
    expect(r.code).toBe(2);
    expect(r.err.length).toBeLessThan(2_000);
    expect(r.err).toMatch(/number of samples at byte 0: 'Q{80}… \(9999924 more characters\)' is not a sample count/);
  });

  it('an unknown command named with escapes is quoted escaped', () => {
    const r = cli('\x1b]0;title\x07');
    expect(r.code).toBe(2);
    expect(r.err).not.toMatch(UNSAFE);
    expect(r.err).toContain("unknown command '\\x1b]0;title\\x07'");
  });
});
