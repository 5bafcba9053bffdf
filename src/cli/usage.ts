// Usage lines of every `spikelab` command, apart from the commands themselves: the launcher
// prints them without loading a command's modules (tfjs, h5wasm …), so every call starts fast.

export const BENCH_USAGE = 'usage: spikelab bench [--workload W1|W2|W3] [--engine events|wasm|tfjs-cpu|tfjs-wasm] [--threads N (wasm: W1, W2)] [--reps N] [--json] [--list]';
export const CHIPS_USAGE = 'usage: spikelab chips [--json]';
export const CONVERT_USAGE = 'usage: spikelab convert --data MNIST_DIR [--train N] [--test N] [--hidden H] [--epochs E] [--seed S] [--json]';
export const EVAL_USAGE = 'usage: spikelab eval --model MODEL.json [--data DIR (WFDB records, WAV digits or N-MNIST events)] [--json]';
export const INSPECT_USAGE = 'usage: spikelab inspect FILE... [--csv-hz HZ] [--json]';
export const LINK_USAGE =
  'usage: spikelab link encode (--workspace FILE | --model MODEL.json | both) [--weight-bits B] [--json]\n' +
  "  spikelab link decode LINK --out FILE   (LINK: a whole URL or its fragment, quoted: '#w=v1.…')";
export const MAP_USAGE =
  'usage: spikelab map (--workspace FILE | --preset NAME | --model MODEL.json) [--chip ID] [--seed S] [--weight-bits B] [--json]';
export const EXPORT_USAGE = 'usage: spikelab export (--workspace FILE | --model MODEL.json | both) --nir OUT.nir [--dt-ms MS]';
export const IMPORT_USAGE = 'usage: spikelab import FILE.nir --out WORKSPACE.json [--out-model MODEL.json] [--dt-ms MS] [--reset zero|subtract] [--drop-bias]';
export const SIMULATE_USAGE =
  'usage: spikelab simulate (--workspace FILE | --preset NAME | --model MODEL.json) [--engine events|wasm|tfjs-cpu|tfjs-wasm] [--seed S] [--json]';
export const TRAIN_USAGE =
  'usage: spikelab train (--preset NAME | --workspace FILE) [--data DIR (WFDB records, WAV digits or N-MNIST events)] [--epochs N] [--split intra|inter] [--held-out SPEAKER (inter, spoken digits)] [--seed S] [--train-engine auto|kernel|tfjs] [--threads N (kernel; default: cores, at most 4; 1 on 2 cores)] --out MODEL.json [--json]';
