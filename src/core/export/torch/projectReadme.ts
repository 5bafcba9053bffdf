// README.md of an exported project: what each file is, how to run it, why the data is
// pre-encoded, and what differs from Spikelab's own training.

/** What the README says about one export. */
export interface ReadmeFacts {
  readonly workspace: string;
  readonly source: string;
  readonly trainSamples: number;
  readonly valSamples: number;
  readonly testSamples: number;
  readonly orderEpochs: number;
  readonly epochs: number;
  readonly layers: readonly string[];
}

export function projectReadme(f: ReadmeFacts): string {
  return `# ${f.workspace.replace(/[\r\n]+/g, ' ')}: a PyTorch training project

Written by \`spikelab export --torch\`. The network (${f.layers.join(' → ')}), its initial weights as
Spikelab draws them, the data it trains on, and its training settings (loss, optimiser, learning
rate schedule, epochs, batch size, seed, surrogate gradient), for PyTorch to train where the browser
cannot: more data, GPUs, several machines.

\`\`\`
python3 train.py                                  # one process: the CPU, or the first GPU
torchrun --standalone --nproc_per_node 4 train.py # 4 processes (GPUs, or CPU cores with gloo), data-parallel
torchrun --nnodes 2 --nproc_per_node 8 --rdzv_backend c10d --rdzv_endpoint HOST:29500 train.py   # two machines
spikelab import --torch trained.safetensors --workspace WORKSPACE.json --out model.json   # back into Spikelab
spikelab eval --model model.json
\`\`\`

On Debian 12 (PyTorch 1.13 under Python 3.11) torchrun cannot parse its own default \`--redirects 0\`:
add \`--redirects 1 --tee 1\` (output is also written to torchrun's log folder).

\`train.py --help\` lists its options (\`--epochs\`, \`--out\`, \`--sums float32\`, \`--device\`). It prints
the first loss, each epoch's loss and validation accuracy, and the test accuracy of the best epoch's
weights, which it saves to \`trained.safetensors\` (process 0 only). Needs PyTorch and numpy.

## Files
- \`model.py\`: the network, generated from the workspace; \`spikelab_snn.py\`: its modules (dense,
  conv, loop, pool; LIF, current-based LIF, adaptive LIF, read-out; the fast-sigmoid spike).
- \`weights.safetensors\`: the initial weights, float32, under Spikelab's layer names and layouts
  (dense [inputs, units], conv [k, k, inC, filters]): the exact bits Spikelab starts from.
- \`data.safetensors\`: the encoded samples (${f.trainSamples + f.valSamples} to train on, of which ${f.valSamples} validate,
  and ${f.testSamples} test), labels, the training/validation split, the class weights${f.orderEpochs > 0 ? `, and Spikelab's
  sample order for the first ${f.orderEpochs} epoch${f.orderEpochs === 1 ? '' : 's'}` : ''}. Source: ${f.source}.
- \`config.json\`: classes, steps, and the training settings. No file here is a pickle.

## Why the data is pre-encoded
These are the spike trains (or held input vectors) Spikelab's encoder made from the workspace's
source, with Spikelab's seed: the encoders, the synthetic generators and the file readers are
Spikelab's own code, and running them again in Python would give other spikes. Pre-encoded, the
network trains on exactly the samples Spikelab trains on, and the first loss and the accuracy can be
compared with Spikelab's. For a data set too large to export, replace \`EncodedSet\` in \`train.py\`
with a Dataset that encodes on the fly.

## What is the same as Spikelab, and what is not
- The same: the forward pass (float32 state in the kernel's order; currents summed in float64 and
  rounded once, so the spikes are Spikelab's), the loss, the class weights, the rate penalty, weight
  decay, clipping to a global norm, Adam (ε 1e-8) or SGD with momentum, the learning-rate decay per
  epoch, early stopping on validation accuracy and the best epoch's weights.
- Not bit for bit: PyTorch sums some gradients in another order and keeps Adam's moments in float32
  arithmetic, so weights drift apart by rounding as training goes on; epochs past the exported order
  (${f.epochs > f.orderEpochs ? `from epoch ${f.orderEpochs + 1}` : 'none at the workspace\'s epochs'}) shuffle with PyTorch's generator.
- Several processes: every global batch is still the workspace's batch (each process takes a slice,
  DDP averages the gradients), so the steps are the same; the gradient sum runs in another order.
  \`--sums float32\` (the default when the workspace sums in float32) is faster on GPUs and moves a
  rare spike by a step; it sums the convolutions in float32 too, which Spikelab keeps in float64.
`;
}
