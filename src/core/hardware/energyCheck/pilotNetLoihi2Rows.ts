import type { MeasuredRow, NetworkInput } from './planTypes.ts';

// lava-nc/lava-dl tutorials/lava/lib/dl/netx/pilotnet_snn/benchmark.ipynb (snapshot d825ac5): the
// PilotNet LIF network of network.net run on Loihi 2 (partition kp_build, static power of the
// other 7 chips of the board removed) with Lava's Loihi2Power and Loihi2ExecutionTime profilers.
// One inference = reset_interval = 16 steps on one representative frame held as the input layer's bias.
const NOTEBOOK = 'lava-dl tutorials/lava/lib/dl/netx/pilotnet_snn/benchmark.ipynb (snapshot d825ac5)';

const lif = { model: 'lif' } as const;

/** PilotNet LIF as the notebook prints it (W × H × C): 200×66×3 → five 3×3 convs → 100 → 50 → 10 → 1. */
const PILOTNET: NetworkInput = {
  layers: [
    { kind: 'input', name: 'in', shape: [66, 200, 3] },
    { kind: 'conv2d', name: 'c1_w', filters: 24, kernel: 3, stride: 2 },
    { kind: 'spiking', name: 'c1', neuron: lif },
    { kind: 'conv2d', name: 'c2_w', filters: 36, kernel: 3, stride: 2 },
    { kind: 'spiking', name: 'c2', neuron: lif },
    { kind: 'conv2d', name: 'c3_w', filters: 48, kernel: 3, stride: 2 },
    { kind: 'spiking', name: 'c3', neuron: lif },
    // Stride 2 and padding 1 along the height only: 24×7 → 22×4.
    { kind: 'conv2d', name: 'c4_w', filters: 64, kernel: 3, stride: [2, 1], padding: [1, 1, 0, 0] },
    { kind: 'spiking', name: 'c4', neuron: lif },
    { kind: 'conv2d', name: 'c5_w', filters: 64, kernel: 3, stride: 1 },
    { kind: 'spiking', name: 'c5', neuron: lif },
    { kind: 'flatten', name: 'flat' },
    { kind: 'dense', name: 'f1_w', units: 100 },
    { kind: 'spiking', name: 'f1', neuron: lif },
    { kind: 'dense', name: 'f2_w', units: 50 },
    { kind: 'spiking', name: 'f2', neuron: lif },
    { kind: 'dense', name: 'f3_w', units: 10 },
    { kind: 'spiking', name: 'f3', neuron: lif },
    { kind: 'dense', name: 'out_w', units: 1 },
    { kind: 'spiking', name: 'out', neuron: lif },
  ],
};

/** PilotNet LIF on Loihi 2: the only Loihi 2 row, so held out with no fit (the Loihi 1 stand-in figures as they are). */
export const PILOTNET_LOIHI2_ROWS: readonly MeasuredRow[] = [
  {
    id: 'pilotnet-lif-loihi2',
    system: 'Lava-dl PilotNet LIF benchmark (driving)',
    chip: 'loihi2',
    network: '200×66×3 → 5 conv → 100-50-10-1, 16 steps',
    plan: {
      network: PILOTNET,
      steps: 16,
      dtMs: 1,
      // Every input neuron fires every step, later layers at 1 % per step: see rateSource.
      inputRateHz: 1000,
      layerRateHz: 10,
      sizes: 'paper',
      sizeSource: `${NOTEBOOK}: the layer table netx prints (input 200×66×3; conv 24, 36, 48 stride 2; conv 64 stride (1, 2) padding (0, 1); conv 64; dense 100, 50, 10, 1); the on-chip input layer of 39,600 neurons is a host input here, so its neuron updates (≈ 40 µJ at Loihi 1 figures) are left out`,
      rateSource: `${NOTEBOOK}, Loihi2Activity plot read by eye: ≈ 1.3–1.5 × 10^9 synaptic ops per first-conv core over 10,000 steps, ≈ 2.2 × 10^6 per step in all — the 39,600 input neurons × ≈ 54 synapses each, i.e. every input neuron fires every step; the cores after the first conv show at most a few % of that, so later layers are set at 1 % per step (an assumption bounded by the plot)`,
    },
    measuredJ: 1.093544e-3,
    measured: 'reported',
    wallS: null,
    source: `${NOTEBOOK} printed output: 408.91 fps, dynamic power 0.447 W (total 0.679 − static 0.232 W), dynamic energy 1.093544 mJ per inference; the SDNN notebook beside it prints a negative dynamic power (a failed measurement) and is not used`,
    heldOut: true,
  },
];
