import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PRESET_DIR } from '../../src/cli/loadWorkspace.ts';
import { parseWorkspace } from '../../src/core/spec/parseWorkspace.ts';
import { initWeights } from '../../src/core/network/weights.ts';
import { serializeModel } from '../../src/core/train/modelFile.ts';
import { cli } from '../support/cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'spikelab-bom-'));
const text = readFileSync(join(PRESET_DIR, 'default.workspace.json'), 'utf8');

describe('the CLI reads JSON files that start with a UTF-8 byte-order mark', () => {
  it('simulate --workspace opens a workspace saved with a BOM, and --model a model saved with one', () => {
    const ws = join(dir, 'bom.workspace.json');
    writeFileSync(ws, '\ufeff' + text);
    const a = cli('simulate', '--workspace', ws, '--json');
    expect(a.err).toBe('');
    expect(a.code).toBe(0);
    const workspace = parseWorkspace(JSON.parse(text));
    const model = join(dir, 'bom.model.json');
    writeFileSync(model, '\ufeff' + serializeModel({ workspace, classes: [], weights: initWeights(workspace.network, 1), metrics: {} }));
    const b = cli('simulate', '--model', model, '--json');
    expect(b.err).toBe('');
    expect(b.code).toBe(0);
  });
});
