import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileCycles, folderCycles } from '../support/importCycles.ts';

const CORE = join(import.meta.dirname, '..', '..', 'src', 'core');

/** The top folder of a path below src/core: `data/synth/x.ts` → `data`, `pipeline.ts` → `.`. */
const topFolder = (path: string): string => (path.includes('/') ? (path.split('/')[0] ?? '.') : '.');

describe('import cycles of the core', () => {
  it('no chain of imports leaves a core folder and comes back to the file it started from', () => {
    const crossing = fileCycles(CORE).filter((group) => new Set(group.map(topFolder)).size > 1);
    expect(crossing).toEqual([]);
  });

  it('the training folders sit above the data they build on: train and trainingSets are in no folder cycle', () => {
    const tangled = folderCycles(CORE).flat().filter((f) => topFolder(`${f}/x`) === 'train' || topFolder(`${f}/x`) === 'trainingSets');
    expect(tangled).toEqual([]);
  });

  it('finds a cycle between two folders and one inside a folder, type-only imports included', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cycles-'));
    mkdirSync(join(dir, 'a'));
    mkdirSync(join(dir, 'b'));
    writeFileSync(join(dir, 'a', 'one.ts'), "import { two } from '../b/two.ts';\nexport const one = two;\n");
    writeFileSync(join(dir, 'b', 'two.ts'), "import type { Three } from '../a/three.ts';\nexport const two = 2 as Three;\n");
    writeFileSync(join(dir, 'a', 'three.ts'), "export type {\n  One,\n} from './one.ts';\nexport type Three = number;\n");
    expect(fileCycles(dir)).toEqual([['a/one.ts', 'a/three.ts', 'b/two.ts']]);
    expect(folderCycles(dir)).toEqual([['a', 'b']]);
    rmSync(dir, { recursive: true });
  });
});
