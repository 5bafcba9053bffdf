// Usage text of every `spikelab` command, apart from the commands themselves: the launcher
// prints it without loading a command's modules (tfjs, h5wasm …), so every call starts fast.
// This table is its only owner: `--help`, `spikelab help`, the overview and usage errors look it up.

/** The usage of each command, by name; the first line starts `usage: spikelab NAME`. */
export const COMMAND_USAGE = {
  simulate:
    'usage: spikelab simulate (--workspace FILE | --preset NAME | --model MODEL.json) [--data DIR|FILE (the files a file-source workspace reads)] [--engine events|wasm|tfjs-cpu|tfjs-wasm] [--seed S] [--json]',
  bench: 'usage: spikelab bench [--workload W1|W2|W3] [--engine events|wasm|tfjs-cpu|tfjs-wasm] [--threads N (wasm)] [--size 10k|100k (W3 on wasm)] [--precision float64|float32] [--reps N] [--json] [--list]',
  inspect: 'usage: spikelab inspect FILE... [--csv-hz HZ] [--json]',
  train:
    'usage: spikelab train (--preset NAME | --workspace FILE) [--data DIR (WFDB records, WAV digits or N-MNIST events)] [--epochs N] [--split intra|inter] [--held-out SPEAKER (inter, spoken digits)] [--seed S] [--seeds N|S1,S2,… (one run per seed: OUT.seed-S.json each, the spread printed)] [--parallel N (runs at once; default: as the cores allow)] [--train-engine auto|kernel|tfjs] [--threads N (kernel; default: cores, at most 4; 1 on 2 cores)] --out MODEL.json [--json]',
  eval: 'usage: spikelab eval --model MODEL.json [--data DIR (WFDB records, WAV digits or N-MNIST events: every labelled file is scored, or the folder’s test list)] [--bin-ms MS (event bins; an imported NIR model gets an event source of that step)] [--seed S] [--seeds N|S1,S2,… (scored once per seed: test samples drawn, stochastic encoders)] [--parallel N] [--json]',
  convert: 'usage: spikelab convert --data MNIST_DIR [--train N] [--test N] [--hidden H] [--epochs E] [--seed S] [--json]',
  map: 'usage: spikelab map (--workspace FILE | --preset NAME | --model MODEL.json) [--data DIR|FILE (the files a file-source workspace reads)] [--chip ID] [--seed S] [--weight-bits B] [--json]',
  chips: 'usage: spikelab chips [--json]',
  study:
    'usage: spikelab study NAME [--data DIR ... (real data: MIT-BIH records, EDF EEG, WAV digits or N-MNIST events; repeat for several)] [--quick (the page\'s size)] [--seed S] [--seeds N|S1,S2,… (the study once per seed, each figure\'s spread)] [--json]  |  spikelab study --list',
  'energy-check': 'usage: spikelab energy-check [--chip ID (only the networks measured on that chip)] [--json]',
  link:
    'usage: spikelab link encode (--workspace FILE | --model MODEL.json | both) [--weight-bits B] [--json]\n' +
    "  spikelab link decode LINK --out FILE   (LINK: a whole URL or its fragment, quoted: '#w=v1.…')",
  export:
    'usage: spikelab export (--workspace FILE | --model MODEL.json | both) --nir OUT.nir [--dt-ms MS]\n' +
    '  spikelab export --torch DIR (--workspace FILE | --preset NAME | --workload W2) [--data DIR] [--epochs N]   (a PyTorch training project: python3 train.py, or torchrun --standalone --nproc_per_node N train.py)',
  import:
    'usage: spikelab import FILE.nir --out WORKSPACE.json [--out-model MODEL.json] [--dt-ms MS] [--reset zero|subtract] [--drop-bias]\n' +
    '  spikelab import --torch RESULT.safetensors (--workspace FILE | --preset NAME) --out MODEL.json   (the weights an exported project trained)',
} as const;

/** A command of the CLI. */
export type CommandName = keyof typeof COMMAND_USAGE;

/** Whether `name` is a command (and so has a usage). */
export function isCommand(name: string): name is CommandName {
  return Object.hasOwn(COMMAND_USAGE, name);
}

/** The overview `spikelab --help` prints: every command's usage, one after another. */
export function overviewUsage(): string {
  return [
    'usage: spikelab <command> [options]      (spikelab <command> --help: that command; spikelab --version)',
    ...Object.values(COMMAND_USAGE).map((u) => '  ' + u.replace('usage: ', '')),
  ].join('\n');
}
