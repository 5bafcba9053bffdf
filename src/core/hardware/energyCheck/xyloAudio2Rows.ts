import { denseNetwork, type MeasuredRow } from './planTypes.ts';

// Xylo Audio 2 runs its network in accelerated time from the host's spike stream; the papers give
// dynamic power and energy per inference, so an inference lasts energy ÷ power. The profile's
// 291 µW is the first row's own figure, which is why that row is a fit row.
const XYLO_STAND_IN =
  'input: the 16 channels of the Xylo Audio front end (rockpool xylo-overview); hidden size not in the text read here, 64 stand-in — the Xylo model (dynamic power × time) does not depend on it';
const XYLO_RATES = 'not used: the Xylo profile has no per-operation energies, so its energy is dynamic power × the run time';
const XYLO_DT = 'steps × dt = the inference duration the paper’s energy ÷ power implies (dt 1 ms stand-in)';

/** What differs between the Xylo Audio 2 rows: the rest (stand-in sizes, no rates, 1 ms steps) is the chip's. */
interface XyloRow {
  readonly id: string;
  readonly system: string;
  readonly classes: number;
  /** Steps of 1 ms: the inference duration the paper's energy ÷ power implies. */
  readonly steps: number;
  readonly measuredJ: number;
  readonly source: string;
  readonly heldOut: boolean;
}

/** A 16-64-classes network run for `steps` steps on Xylo Audio 2, as the papers report it. */
function xyloRow(r: XyloRow): MeasuredRow {
  return {
    id: r.id,
    system: r.system,
    chip: 'xylo-audio2',
    network: `16-64-${r.classes} (hidden size stand-in), ${r.steps} steps`,
    plan: {
      network: denseNetwork(16, [
        { name: 'hidden', units: 64, from: ['in'] },
        { name: 'out', units: r.classes, from: ['hidden'] },
      ]),
      steps: r.steps,
      dtMs: 1,
      inputRateHz: 0,
      layerRateHz: 0,
      sizes: 'stand-in',
      sizeSource: `${XYLO_STAND_IN}; ${XYLO_DT}`,
      rateSource: XYLO_RATES,
    },
    measuredJ: r.measuredJ,
    measured: 'reported',
    wallS: null,
    source: r.source,
    heldOut: r.heldOut,
  };
}

/** Two networks measured on Xylo Audio 2. */
export const XYLO_AUDIO2_ROWS: readonly MeasuredRow[] = [
  xyloRow({
    id: 'xylo-aloha',
    system: 'Bos & Muir 2024 Aloha keyword spotting',
    classes: 1,
    // 6.6 µJ ÷ 291 µW = 22.7 ms.
    steps: 23,
    measuredJ: 6.6e-6,
    source: 'Bos & Muir 2024, arXiv 2406.15112, abstract: 291 µW dynamic, 6.6 µJ per inference (duration 22.7 ms derived)',
    heldOut: false,
  }),
  xyloRow({
    id: 'xylo-dcase',
    system: 'Ke, Khoei & Muir 2024 DCASE acoustic scenes (NeuroBench)',
    // Four scene classes (NeuroBench system_benchmarks ASC.md).
    classes: 4,
    // 57.6 µJ active ÷ 692 µW active = 83.2 ms.
    steps: 83,
    measuredJ: 28.4e-6,
    source:
      'Ke, Khoei & Muir 2024, arXiv 2410.23776 [S: as tabulated by a third party, primary not opened]: 692 µW active, 57.6 µJ active and 28.4 µJ dynamic per inference (duration 83.2 ms derived)',
    heldOut: true,
  }),
];
