import { denseNetwork, type DenseLayer, type MeasuredRow, type NetworkPlan } from './planTypes.ts';

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
  const branches: DenseLayer[] = [];
  const ends: string[] = [];
  for (let c = 0; c < copies; c++) {
    for (let l = 0; l < 10; l++) branches.push({ name: `c${c}l${l}`, units: 256, from: [l === 0 ? 'h1' : `c${c}l${l - 1}`] });
    ends.push(`c${c}l9`);
  }
  return {
    network: denseNetwork(390, [{ name: 'h1', units: 256, from: ['in'] }, ...branches, { name: 'h2', units: 256, from: copies === 0 ? ['h1'] : ends }]),
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

/** Blouw 2018's keyword spotter and scaling runs on Loihi. */
export const BLOUW_LOIHI_ROWS: readonly MeasuredRow[] = [
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
