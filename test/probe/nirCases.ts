import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { craftHdf5, denseNir, nestedNir, selfContainingNir } from '../support/craft/nirCraft.ts';
import { bitFlipped, bytesOf, truncated, type ProbeCase, type ProbeCategory, type ProbeContext } from './probeCase.ts';

/** NIR files: crafted with h5wasm (declared giants, deep and self-containing graphs) and damaged copies of the fixtures. */

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'nir');

const nir = (name: string, bytes: Uint8Array, expect: 'refuse' | 'either' = 'refuse'): ProbeCase => ({
  category: 'nir',
  name,
  files: { 'x.nir': bytes },
  args: (at) => ['import', at('x.nir'), '--out', at('w.json'), '--dt-ms', '1'],
  expect,
});

async function nirCases(ctx: ProbeContext): Promise<ProbeCase[]> {
  const cases: ProbeCase[] = [
    nir('a valid dense graph', await craftHdf5((r) => denseNir(r)), 'either'),
    nir('beside an unused 20,000 × 20,000 dataset at the root', await craftHdf5((r) => denseNir(r, { extra: { path: 'root', shape: [20_000, 20_000] } })), 'either'),
    nir('beside an unused 20,000 × 20,000 dataset in a node', await craftHdf5((r) => denseNir(r, { extra: { path: 'fc', shape: [20_000, 20_000] } })), 'either'),
    nir('a weight declared 20,000 × 20,000', await craftHdf5((r) => denseNir(r, { weightShape: [20_000, 20_000] }))),
    nir('a weight declared 5,000 × 5,000 (100 MB)', await craftHdf5((r) => denseNir(r, { weightShape: [5000, 5000] }))),
    nir('a weight declared 2 × 2 × 2 × 2 × 2 × 2 × 2 × 2', await craftHdf5((r) => denseNir(r, { weightShape: [2, 2, 2, 2, 2, 2, 2, 2] }))),
    nir('graphs nested 40 deep', await craftHdf5((r) => nestedNir(r, 40))),
    nir('a graph containing itself (soft link)', await craftHdf5(selfContainingNir)),
    nir('an HDF5 file without a NIR graph', await craftHdf5((r) => r.create_group('other'))),
    nir('not HDF5', bytesOf('not an HDF5 file at all')),
    nir('the HDF5 signature then garbage', bytesOf('\x89HDF\r\n\x1a\n' + 'x'.repeat(4000))),
  ];
  for (const f of readdirSync(FIXTURES).filter((n) => n.endsWith('.nir'))) {
    const b = new Uint8Array(readFileSync(join(FIXTURES, f)));
    cases.push(
      nir(`${f} cut to 1/3`, truncated(b, Math.floor(b.length / 3))),
      nir(`${f} cut 100 bytes short`, truncated(b, b.length - 100)),
      nir(`${f} with 16 bit flips in the first 2 KB`, bitFlipped(b, ctx.rng, 16, 0, Math.min(b.length, 2048)), 'either'),
      nir(`${f} with 64 bit flips anywhere`, bitFlipped(b, ctx.rng, 64), 'either'),
    );
  }
  return cases;
}

/** The NIR category. */
export const NIR_CATEGORY: ProbeCategory = { name: 'nir', generate: nirCases };
