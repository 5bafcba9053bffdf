/**
 * Whole networks measured on chips, with the energy each used per inference: the rows the energy
 * model is set against (`spikelab energy-check`). Every number names where it comes from; a number
 * computed from published figures or logs says how.
 */

/** A spiking population of the rebuilt network, fed through dense synapses from its sources ('in' = the input). */
export interface PlannedLayer {
  readonly name: string;
  readonly units: number;
  readonly from: readonly string[];
}

/** The network a row rebuilds: sizes, time steps and the rates that drive the recorded spikes. */
export interface NetworkPlan {
  readonly inputs: number;
  readonly layers: readonly PlannedLayer[];
  /** Time steps of one inference and their length. */
  readonly steps: number;
  readonly dtMs: number;
  /** Firing rates of the input channels and of every population, Hz. */
  readonly inputRateHz: number;
  readonly layerRateHz: number;
  /** Where the sizes come from, and which of them the paper gives ('paper') or were chosen here ('stand-in'). */
  readonly sizes: 'paper' | 'stand-in';
  readonly sizeSource: string;
  /** How the rates were set (the paper's figure, or an assumption and why). */
  readonly rateSource: string;
}

/** One measured network on one chip. */
export interface MeasuredRow {
  readonly id: string;
  readonly system: string;
  /** A chip profile id (chips/index.ts). */
  readonly chip: string;
  readonly network: string;
  readonly plan: NetworkPlan;
  /** Dynamic energy per inference as measured (idle power subtracted), J. */
  readonly measuredJ: number;
  /** 'reported': printed in the source; 'derived': computed from its figures or logs (see `source`). */
  readonly measured: 'reported' | 'derived';
  /**
   * Measured wall time of one inference when a host streams the input step by step, s; the model
   * charges the host-interface power over it. null when the chip runs without a host in the loop.
   */
  readonly wallS: number | null;
  readonly source: string;
  /** Held-out rows are never used to fit the model's free parameters. */
  readonly heldOut: boolean;
}

// Blouw et al. 2018 (arXiv 1812.01739; github abr/power_benchmarks): Loihi (Wolf Mountain board),
// dynamic power = running − idle-from-boot, per inference = dynamic power ÷ inferences per second.
// One inference = one 390-dimensional MFCC frame presented for 10 steps of dt = 1 ms
// (nengo-loihi docs/examples/keyword_spotting.ipynb: dt = 0.001, p_time = 10).
const BLOUW = 'Blouw et al. 2018, arXiv 1812.01739';
const BLOUW_LOGS =
  'derived from abr/power_benchmarks logs/running/loihi_I08O08C{N}_run0{1,2,3} and logs/idle (mean running − mean idle power) ÷ inferences per second, the method of its analysis/analysis.py, mean of 3 runs';
const BLOUW_RATES =
  'not reported; every population and input channel fires at 100 Hz (0.1 per 1 ms step), mid-range for nengo LIF ensembles (τ_rc 20 ms, τ_ref 1 ms); one assumption for every Blouw row, so the fitted scale absorbs it alike';
const KWS_SIZES = 'Blouw 2018 §2 and Fig. 2: 390-dim frame → 256 → 256 → 29 characters; the 29-way read-out is a host Node (nengo-loihi keyword_spotting example), so it is not on the chip';

/** The keyword spotter, or the scaling network of Blouw Fig. 7 with `copies` branches of 10 layers of 256 between its two hidden layers. */
function blouwPlan(copies: number): NetworkPlan {
  const branches: PlannedLayer[] = [];
  const ends: string[] = [];
  for (let c = 0; c < copies; c++) {
    for (let l = 0; l < 10; l++) branches.push({ name: `c${c}l${l}`, units: 256, from: [l === 0 ? 'h1' : `c${c}l${l - 1}`] });
    ends.push(`c${c}l9`);
  }
  return {
    inputs: 390,
    layers: [{ name: 'h1', units: 256, from: ['in'] }, ...branches, { name: 'h2', units: 256, from: copies === 0 ? ['h1'] : ends }],
    steps: 10,
    dtMs: 1,
    inputRateHz: 100,
    layerRateHz: 100,
    sizes: 'paper',
    sizeSource:
      copies === 0
        ? KWS_SIZES
        : `${KWS_SIZES}; scaled: ${copies} branches × 10 layers × 256 between the hidden layers, concatenated into the second (Blouw Fig. 7 in abr/power_benchmarks paper/power_summary.tex; models.py ScaledModel)`,
    rateSource: BLOUW_RATES,
  };
}

/** Joules per inference and inferences per second of the scaling runs, from `BLOUW_LOGS` (3 runs each). */
const SCALED: readonly { copies: number; j: number; perS: number; heldOut: boolean }[] = [
  { copies: 0, j: 620.5e-6, perS: 125.84, heldOut: true },
  { copies: 1, j: 681.3e-6, perS: 114.72, heldOut: false },
  { copies: 2, j: 704.4e-6, perS: 114.35, heldOut: true },
  { copies: 4, j: 733.3e-6, perS: 114.31, heldOut: false },
  { copies: 6, j: 768.4e-6, perS: 114.33, heldOut: true },
  { copies: 8, j: 802.2e-6, perS: 113.96, heldOut: true },
  { copies: 10, j: 836.2e-6, perS: 114.0, heldOut: false },
];

const LOIHI_ROWS: readonly MeasuredRow[] = [
  {
    id: 'blouw-kws',
    system: 'Blouw 2018 keyword spotter (aloha)',
    chip: 'loihi',
    network: '390-256-256 (+29 host read-out), 10 steps',
    plan: blouwPlan(0),
    measuredJ: 0.00027,
    measured: 'reported',
    wallS: 1 / 296,
    source: `${BLOUW} Table 1: Loihi 0.081 W dynamic, 296 inf/s, 0.00027 J/inf (input layer on 2 cores)`,
    heldOut: true,
  },
  ...SCALED.map(
    (s): MeasuredRow => ({
      id: `blouw-scaled-${s.copies}`,
      system: `Blouw 2018 scaling network, N = ${s.copies}`,
      chip: 'loihi',
      network: `390-256-[${s.copies}×10×256]-256, 10 steps`,
      plan: blouwPlan(s.copies),
      measuredJ: s.j,
      measured: 'derived',
      wallS: 1 / s.perS,
      source: `${BLOUW} Fig. 6 and §4 (input layer on 8 cores); ${BLOUW_LOGS.replace('{N}', `${String(s.copies).padStart(2, '0')}L${s.copies === 0 ? '00' : '10'}`)}: ${s.perS} inf/s`,
      heldOut: s.heldOut,
    }),
  ),
];

// Xylo Audio 2 runs its network in accelerated time from the host's spike stream; the papers give
// dynamic power and energy per inference, so an inference lasts energy ÷ power. The profile's
// 291 µW is the first row's own figure, which is why that row is a fit row.
const XYLO_STAND_IN =
  'input: the 16 channels of the Xylo Audio front end (rockpool xylo-overview); hidden size not in the text read here, 64 stand-in — the Xylo model (dynamic power × time) does not depend on it';
const XYLO_RATES = 'not used: the Xylo profile has no per-operation energies, so its energy is dynamic power × the run time';
const XYLO_DT = 'steps × dt = the inference duration the paper’s energy ÷ power implies (dt 1 ms stand-in)';

const XYLO_ROWS: readonly MeasuredRow[] = [
  {
    id: 'xylo-aloha',
    system: 'Bos & Muir 2024 Aloha keyword spotting',
    chip: 'xylo-audio2',
    network: '16-64-1 (hidden size stand-in), 23 steps',
    plan: {
      inputs: 16,
      layers: [
        { name: 'hidden', units: 64, from: ['in'] },
        { name: 'out', units: 1, from: ['hidden'] },
      ],
      // 6.6 µJ ÷ 291 µW = 22.7 ms.
      steps: 23,
      dtMs: 1,
      inputRateHz: 0,
      layerRateHz: 0,
      sizes: 'stand-in',
      sizeSource: `${XYLO_STAND_IN}; ${XYLO_DT}`,
      rateSource: XYLO_RATES,
    },
    measuredJ: 6.6e-6,
    measured: 'reported',
    wallS: null,
    source: 'Bos & Muir 2024, arXiv 2406.15112, abstract: 291 µW dynamic, 6.6 µJ per inference (duration 22.7 ms derived)',
    heldOut: false,
  },
  {
    id: 'xylo-dcase',
    system: 'Ke, Khoei & Muir 2024 DCASE acoustic scenes (NeuroBench)',
    chip: 'xylo-audio2',
    network: '16-64-4 (hidden size stand-in), 83 steps',
    plan: {
      inputs: 16,
      layers: [
        { name: 'hidden', units: 64, from: ['in'] },
        // Four scene classes (NeuroBench system_benchmarks ASC.md).
        { name: 'out', units: 4, from: ['hidden'] },
      ],
      // 57.6 µJ active ÷ 692 µW active = 83.2 ms.
      steps: 83,
      dtMs: 1,
      inputRateHz: 0,
      layerRateHz: 0,
      sizes: 'stand-in',
      sizeSource: `${XYLO_STAND_IN}; ${XYLO_DT}`,
      rateSource: XYLO_RATES,
    },
    measuredJ: 28.4e-6,
    measured: 'reported',
    wallS: null,
    source:
      'Ke, Khoei & Muir 2024, arXiv 2410.23776 [S: as tabulated by a third party, primary not opened]: 692 µW active, 57.6 µJ active and 28.4 µJ dynamic per inference (duration 83.2 ms derived)',
    heldOut: true,
  },
];

/** Every measured row, Loihi first. */
export const MEASURED_ROWS: readonly MeasuredRow[] = [...LOIHI_ROWS, ...XYLO_ROWS];
