import type { LinkModel } from '../hardware/linkModel.ts';
import type { Workspace } from '../spec/workspace.ts';

/**
 * A study: a research system and its baselines, each a complete workspace trained and scored on
 * the same data with the same seed, then costed on the device it is meant for. The definitions
 * (studies/*.ts) only say what to run; runStudy.ts runs them the same way for every study, in the
 * page's worker and in the CLI, so the page and `spikelab study --json` show the same numbers.
 */

/** The research system itself, or something it is compared with. */
export type StudyRole = 'system' | 'baseline';

/**
 * Where a system's energy and latency come from: a chip profile (hardware/chips, the mapper runs
 * the trained network's spikes through its cost model), or a conventional device of
 * hardware/annDevices.ts (the network's ReLU-twin MACs at that device's energy and rate).
 */
export type StudyDevice = { readonly kind: 'chip'; readonly id: string } | { readonly kind: 'ann'; readonly id: string };

/** One row of a study: a workspace, trained, scored and costed. */
export interface StudySystem {
  /** Row label, unique within its task: "SSF, 4-bit weights". */
  readonly system: string;
  readonly role: StudyRole;
  /** One sentence: what this system is and how it differs from the others. */
  readonly about: string;
  /** The whole workspace, training configuration included (opened on its own in the page). */
  readonly workspace: Workspace;
  readonly device: StudyDevice;
  /** Bits per stored weight (quantised training) for the model size; 32 for float weights. */
  readonly weightBits: number;
  /**
   * The system of the same task this one learns from by knowledge distillation (its training
   * config's `distillation` says how): it must come earlier in the task, and it is trained first.
   */
  readonly teacher?: string;
}

/** Names of the real datasets a study can read (folders of ../shared/data). */
export type StudyDatasetName = 'mitdb' | 'eeg' | 'fsdd' | 'nmnist' | 'dvs';

/** One comparison inside a study: a task (data set and split) and the systems run on it. */
export interface StudyTask {
  readonly id: string;
  readonly label: string;
  /** The real data set this task reads when the host has it; absent = built-in generator only. */
  readonly dataset?: StudyDatasetName;
  /** What the reader must know about the data: a substitution, a split, a size cut for the page. */
  readonly note?: string;
  readonly systems: readonly StudySystem[];
}

/** A figure the paper reports, shown beside ours and always labelled as the paper's claim. */
export interface StudyClaim {
  readonly metric: string;
  readonly value: string;
  readonly source: string;
}

/** What a definition is built for: the data the host has, and the page's smaller size. */
export interface StudyBuildContext {
  /** Whether the host can read this real data set (the CLI: --data or SPIKELAB_DATA). */
  readonly has: (name: StudyDatasetName) => boolean;
  /** The page and the tests: fewer samples and epochs, so a study runs in a minute, not an hour. */
  readonly quick: boolean;
}

/**
 * A knob swept over values: each value is one workspace (built from the task's system of that
 * name), trained and costed like a row; the points are drawn as a curve with its Pareto front.
 */
export interface StudySweep {
  readonly id: string;
  readonly label: string;
  readonly task: string;
  /** Name of the knob and its unit: "energy loss weight". */
  readonly knob: string;
  readonly points: readonly { readonly value: number; readonly system: StudySystem }[];
}

/** A study definition: one entry of studyRegistry.ts. */
/**
 * Edge–cloud offloading on one task (ECC-SNN): the edge system answers every sample; samples whose
 * edge confidence (largest softmax probability) is under a threshold are sent over the link to the
 * cloud system, which answers them instead.
 */
export interface StudyOffloadSpec {
  readonly task: string;
  /** System names of the task: the edge SNN and the cloud ANN. */
  readonly edge: string;
  readonly cloud: string;
  /** The edge's link to the cloud (editable in the page). */
  readonly link: LinkModel;
  /**
   * Bits each input value of an offloaded sample costs to send (16 for a sampled signal or a
   * feature, 1 for an event bitmap): a sample is its cloud workspace's input, steps × values.
   */
  readonly bitsPerValue: number;
  /** The threshold the study's summary compares with the paper at (the slider starts here). */
  readonly operatingThreshold: number;
  /** The edge system trained alone, whose accuracy the summary's gain is measured from. */
  readonly edgeAlone: string;
}

/** On-device incremental learning of a new class on one task (ECC-SNN). */
export interface StudyIncrementalSpec {
  readonly task: string;
  /** The edge system whose workspace learns: trained first without `newClass`, then adapted. */
  readonly system: string;
  /** The class index held out of the first training and learned on the device. */
  readonly newClass: number;
  /** Examples of the new class the device learns from. */
  readonly shots: number;
  /** Examples per old class kept on the device (replay buffer); the fine-tune baseline keeps none. */
  readonly replayPerClass: number;
  /** Epochs of the on-device update. */
  readonly epochs: number;
}

export interface StudyDefinition {
  readonly id: string;
  readonly title: string;
  /** A paragraph: the system, what the comparison shows, what stands in for what. */
  readonly about: string;
  readonly claims: readonly StudyClaim[];
  tasks(ctx: StudyBuildContext): readonly StudyTask[];
  sweeps?(ctx: StudyBuildContext): readonly StudySweep[];
  offload?(ctx: StudyBuildContext): readonly StudyOffloadSpec[];
  incremental?(ctx: StudyBuildContext): readonly StudyIncrementalSpec[];
}

/** One row of the comparison, under the names of `spikelab study --json` (issue 21). */
export interface StudyRow {
  readonly task: string;
  readonly system: string;
  readonly role: StudyRole;
  readonly accuracy: number;
  readonly macro_f1: number;
  /** Spikes of the spiking layers per sample (an SSF count counts as that many spikes); 0 for an ANN. */
  readonly spikes_per_inference: number;
  /** NeuroBench's effective synaptic operations per sample: accumulates plus multiply-accumulates. */
  readonly synaptic_ops: number;
  /** Weight-memory reads per sample on a time-stepped core (train/weightReads.ts). */
  readonly weight_reads: number;
  readonly model_bits: number;
  readonly device: string;
  readonly energy_per_inference_j: number | null;
  readonly latency_s: number | null;
  /**
   * The energy without the chip's static power over the inference: on a chip that idles between
   * real-time inferences (the ASIC at 72 beats per minute) leakage is most of the total, and this is
   * what the network's work costs (the figure papers such as SparrowSNN's quote).
   */
  readonly dynamic_energy_j: number | null;
  /**
   * The energy as the range the model's check allows on this chip ([E ÷ f, E × f], f the worst
   * held-out factor of `spikelab energy-check` on it); null for an ANN device or an unchecked chip.
   */
  readonly energy_range_j: readonly [number, number] | null;
  /** Synaptic operations per second per watt on a chip (the mapper's efficiency); null on an ANN device. */
  readonly gops_per_w: number | null;
  /** An ANN device's row: the same network's energy and latency on every other ANN device. */
  readonly other_devices: readonly { readonly device: string; readonly energy_per_inference_j: number; readonly latency_s: number | null }[];
  /** Why energy or latency is missing (a network the chip cannot hold), or what to know about them. */
  readonly notes: readonly string[];
  /**
   * A system split across devices (an SNN on a chip, the counts over the host link, an ANN head on
   * an edge GPU): each stage's figures; energy and latency above are their sums. Absent = one device.
   */
  readonly stages?: readonly StudyStage[];
  /** Mean power over an inference, W: energy ÷ latency (absent when either is unknown). */
  readonly power_w?: number;
}

/** One stage of a split system. */
export interface StudyStage {
  readonly stage: string;
  readonly device: string;
  readonly energy_j: number | null;
  readonly latency_s: number | null;
  /** What the stage moves or computes: "784 counts × 8 bit", "4.2e5 MACs". */
  readonly detail: string;
}

/**
 * What the page needs to redraw an offload curve for any threshold and link without training
 * again: per test sample the edge's confidence and whether each side is right, and each side's
 * cost per inference.
 */
export interface StudyOffloadData {
  readonly task: string;
  readonly edge: string;
  readonly cloud: string;
  readonly edge_alone: string;
  /** Per test sample: the edge's largest softmax probability, and 1/0 for a right/wrong answer. */
  readonly confidence: readonly number[];
  readonly edge_correct: readonly number[];
  readonly cloud_correct: readonly number[];
  readonly edge_energy_j: number;
  readonly edge_latency_s: number;
  readonly cloud_device: string;
  readonly cloud_energy_j: number;
  readonly cloud_latency_s: number;
  readonly bits_per_sample: number;
  readonly link: LinkModel;
  readonly operating_threshold: number;
  /** Accuracy of the edge system trained alone (the summary's gain is measured from it). */
  readonly edge_alone_accuracy: number;
}

/** One point of an offload curve (issue 22's `offload_curve`). */
export interface StudyOffloadPoint {
  readonly task: string;
  readonly threshold: number;
  /** Fraction of samples sent to the cloud. */
  readonly offloaded: number;
  readonly accuracy: number;
  /** The edge device's energy per sample: its SNN (unless everything is sent) plus the radio for what it sends. */
  readonly edge_energy_j: number;
  /** Mean end-to-end latency per sample: the edge's, plus transfer, round trip and cloud compute for what is sent. */
  readonly latency_s: number;
}

/** On-device incremental learning, one method (with a replay buffer, or plain fine-tuning). */
export interface StudyIncrementalRow {
  readonly task: string;
  readonly system: string;
  readonly method: 'replay' | 'fine-tune';
  readonly new_class: string;
  readonly shots: number;
  readonly replay_per_class: number;
  /** Accuracy on the new class's test samples after the update. */
  readonly new_class_accuracy: number;
  /** Accuracy on the old classes' test samples before and after the update; forgetting = before − after. */
  readonly old_accuracy_before: number;
  readonly old_accuracy_after: number;
  readonly forgetting: number;
}

/** One point of a sweep. */
export interface StudyCurvePoint {
  readonly value: number;
  readonly accuracy: number;
  readonly energy_per_inference_j: number | null;
  /** Whether no other point is at least as accurate for less energy. */
  readonly pareto: boolean;
}

/** A sweep's curve. */
export interface StudyCurve {
  readonly id: string;
  readonly label: string;
  readonly task: string;
  readonly knob: string;
  readonly device: string;
  readonly points: readonly StudyCurvePoint[];
}

/** What runStudy returns, and `spikelab study --json` prints. */
export interface StudyResult {
  readonly study: string;
  readonly title: string;
  readonly seed: number;
  readonly tasks: readonly { readonly id: string; readonly label: string; readonly data: string; readonly note?: string }[];
  readonly rows: readonly StudyRow[];
  readonly claims: readonly StudyClaim[];
  readonly curves: readonly StudyCurve[];
  /** Studies with offloading (ECC-SNN): per task, the samples' data and the curve at the default link. */
  readonly offload?: readonly StudyOffloadData[];
  readonly offload_curve?: readonly StudyOffloadPoint[];
  readonly incremental?: readonly StudyIncrementalRow[];
}
