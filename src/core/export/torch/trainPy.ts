// train.py of an exported project: Spikelab's training loop (train/epochLoop.ts with the BPTT
// kernel's step, train/bptt/wasmBptt.ts) in PyTorch, data-parallel under torchrun. The same file
// for every export: what differs (the network, the config, the data) is in model.py, config.json
// and the safetensors files.

export const TRAIN_PY = String.raw`"""Trains the network exported by spikelab export --torch (README.md says what each file is).

    python3 train.py                          # one process: CPU, or the first GPU
    torchrun --standalone --nproc_per_node N train.py      # N processes, data-parallel (DistributedDataParallel)
    torchrun --nnodes M --nproc_per_node N --rdzv_backend c10d --rdzv_endpoint HOST:29500 train.py

Every global batch is the workspace's batch, whatever the number of processes: each process takes a
slice and DDP averages the gradients, so N processes take the steps one process takes.
"""
import argparse
import functools
import json
import math
import os
import sys
import time

import torch
import torch.distributed as dist
from torch.nn.parallel import DistributedDataParallel
from torch.utils.data import DataLoader, Dataset
from torch.utils.data.distributed import DistributedSampler

from model import build_network
from spikelab_io import read_safetensors, write_safetensors

HERE = os.path.dirname(os.path.abspath(__file__))


def parse_args(cfg):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--epochs", type=int, default=cfg["training"]["epochs"], help="epochs (default: the workspace's)")
    p.add_argument("--out", default=os.path.join(HERE, "trained.safetensors"), help="where the trained weights go (spikelab import --torch reads it)")
    p.add_argument("--sums", choices=["float64", "float32"], default=cfg.get("sums", "float64"), help="dtype the synaptic currents are summed in (default: the workspace's; float64 gives Spikelab's spikes, float32 is faster on GPUs)")
    p.add_argument("--device", choices=["cpu", "cuda"], default=None, help="default: cuda when available")
    return p.parse_args()


class EncodedSet(Dataset):
    """Encoded samples from data.safetensors: x [N, steps, inputs] (or [N, inputs] held for every step), labels [N]."""

    def __init__(self, x, y):
        self.x, self.y = x, y.long()

    def __len__(self):
        return len(self.y)

    def __getitem__(self, i):
        return self.x[i], self.y[i]

    def collate(self, items):
        if not items:
            return self.x[:0], self.y[:0]
        xs, ys = zip(*items)
        return torch.stack(xs), torch.stack(ys)


class GlobalBatches(DistributedSampler):
    """DistributedSampler's ranks, seed and set_epoch, with Spikelab's batches. The order of an epoch
    is Spikelab's own when the export holds it (epoch_order), else a permutation seeded by seed +
    epoch; batch b is order[b*B : (b+1)*B] of the training part, and each process takes its
    near-equal contiguous slice of it (a used as a batch_sampler: it yields lists of indices)."""

    def __init__(self, dataset, train_index, batch_size, orders, seed, world, rank):
        super().__init__(dataset, num_replicas=world, rank=rank, shuffle=True, seed=seed)
        self.train_index, self.batch_size, self.orders = train_index, batch_size, orders

    def __len__(self):
        return math.ceil(len(self.train_index) / self.batch_size)

    def batch_sizes(self):
        n = len(self.train_index)
        return [min(self.batch_size, n - b) for b in range(0, n, self.batch_size)]

    def __iter__(self):
        n = len(self.train_index)
        if self.orders is not None and self.epoch < len(self.orders):
            order = self.orders[self.epoch].long()
        else:
            g = torch.Generator()
            g.manual_seed(self.seed + self.epoch)
            order = torch.randperm(n, generator=g)
        ids = self.train_index[order]
        for b in range(0, n, self.batch_size):
            yield torch.tensor_split(ids[b : b + self.batch_size], self.num_replicas)[self.rank].tolist()


def setup(args):
    """(world size, rank, device): torchrun's environment when WORLD_SIZE is set (gloo on CPU, nccl on CUDA)."""
    world, rank, local = (int(os.environ.get(k, d)) for k, d in (("WORLD_SIZE", "1"), ("RANK", "0"), ("LOCAL_RANK", "0")))
    kind = args.device or ("cuda" if torch.cuda.is_available() else "cpu")
    device = torch.device(f"cuda:{local}" if kind == "cuda" else "cpu")
    if device.type == "cuda":
        torch.cuda.set_device(device)
    if "WORLD_SIZE" in os.environ:
        dist.init_process_group("nccl" if device.type == "cuda" else "gloo")
    return world, rank, device


def all_sum(values, device):
    """The sums over every process of a few numbers (float64)."""
    t = torch.tensor(values, dtype=torch.float64, device=device)
    if dist.is_initialized():
        dist.all_reduce(t)
    return t.tolist()


def load_initial(net, path):
    """Spikelab's initial weights into the network, by name; any name or shape that differs stops the run."""
    tensors, _ = read_safetensors(path)
    params = net.spikelab_parameters()
    if set(tensors) != set(params):
        raise SystemExit(f"{path}: holds {sorted(tensors)} but the network has {sorted(params)}")
    with torch.no_grad():
        for name, p in params.items():
            if tuple(tensors[name].shape) != tuple(p.shape):
                raise SystemExit(f"{path}: {name!r} is {list(tensors[name].shape)}, the network's is {list(p.shape)}")
            p.copy_(tensors[name])


def weighted_ce(logits, y, class_weight):
    """Sum over the samples of class_weight[y] * softmax cross-entropy (float64, as Spikelab)."""
    lg = logits.double()
    ce = torch.logsumexp(lg, 1) - lg.gather(1, y[:, None])[:, 0]
    return (class_weight[y].double() * ce).sum()


def decay_and_clip(params, weight_decay, clip_norm):
    """L2 decay (its loss returned) added to the gradients, then clipping to a global norm, as Spikelab's kernel."""
    decay = 0.0
    with torch.no_grad():
        if weight_decay > 0:
            for p in params:
                decay += weight_decay / 2 * float((p.double() ** 2).sum())
                p.grad.add_(p, alpha=weight_decay)
        if clip_norm > 0:
            norm = math.sqrt(sum(float((p.grad.double() ** 2).sum()) for p in params))
            scale = min(1.0, clip_norm / (norm + 1e-12))
            if scale < 1:
                for p in params:
                    p.grad.mul_(scale)
    return decay


@torch.no_grad()
def accuracy(net, data, index, batch, held, world, rank, device):
    """Accuracy over data[index], each process scoring every world-th sample (ties go to the first class, as Spikelab)."""
    mine = index[rank::world]
    correct = 0
    for b in range(0, len(mine), batch):
        ids = mine[b : b + batch]
        logits, _ = net(data.x[ids].to(device), held)
        correct += int((logits.argmax(1) == data.y[ids].to(device)).sum())
    hits, n = all_sum([correct, len(mine)], device)
    return hits / max(1.0, n)


def main():
    with open(os.path.join(HERE, "config.json")) as f:
        cfg = json.load(f)
    args = parse_args(cfg)
    world, rank, device = setup(args)
    log = functools.partial(print, flush=True) if rank == 0 else (lambda *a, **k: None)
    tr = cfg["training"]
    torch.manual_seed(cfg["seed"])
    data, _ = read_safetensors(os.path.join(HERE, "data.safetensors"))
    train, test = EncodedSet(data["train_x"], data["train_y"]), EncodedSet(data["test_x"], data["test_y"])
    train_index, val_index = data["train_index"].long(), data["val_index"].long()
    if len(val_index) == 0:
        val_index = train_index
    held, batch = cfg["held"], tr["batch_size"]
    net = build_network(cfg["steps"], tr["surrogate"]["slope"])
    net.sums = torch.float64 if args.sums == "float64" else torch.float32
    load_initial(net, os.path.join(HERE, "weights.safetensors"))
    net.to(device)
    # The buffers are the neurons' constants (beta, threshold): nothing to broadcast each step.
    model = DistributedDataParallel(net, device_ids=[device] if device.type == "cuda" else None, broadcast_buffers=False) if dist.is_initialized() else net
    params = list(net.parameters())
    if tr["optimizer"] == "adam":
        opt = torch.optim.Adam(params, lr=tr["learning_rate"], betas=(0.9, 0.999), eps=1e-8)
    else:
        opt = torch.optim.SGD(params, lr=tr["learning_rate"], momentum=tr["momentum"])
    class_weight = data["class_weight"].to(device)
    neuron_steps = max(1, cfg["spiking_units"] * cfg["steps"])
    sampler = GlobalBatches(train, train_index, batch, data.get("epoch_order"), cfg["seed"], world, rank)
    loader = DataLoader(train, batch_sampler=sampler, collate_fn=train.collate)
    orders = len(data["epoch_order"]) if "epoch_order" in data else 0
    log(f"{cfg['workspace']}: {len(train_index)} training, {len(data['val_index'])} validation, {len(test)} test samples; "
        f"{world} process{'es' if world > 1 else ''} on {device.type}; batches of {batch}; currents summed in {args.sums}")
    if args.epochs > orders:
        log(f"epochs {orders + 1}-{args.epochs} shuffle with torch's generator (seed {cfg['seed']} + epoch); Spikelab's order is exported for {orders}")
    lr, best, stale, first, losses = tr["learning_rate"], None, 0, None, []
    for epoch in range(args.epochs):
        sampler.set_epoch(epoch)
        for g in opt.param_groups:
            g["lr"] = lr
        started, loss_sum = time.time(), 0.0
        sizes = sampler.batch_sizes()
        for b, (x, y) in enumerate(loader):
            x, y = x.to(device), y.to(device)
            logits, spikes = model(x, held)
            # This slice's share of the whole batch's loss; DDP averages over the processes, so
            # each backward takes world x its share and the update sees the whole batch's gradient.
            share = (weighted_ce(logits, y, class_weight) + tr["rate_regularization"] * spikes.double() / neuron_steps) / sizes[b]
            opt.zero_grad()
            (share * world).backward()
            loss = all_sum([float(share)], device)[0] + decay_and_clip(params, tr["weight_decay"], tr["clip_norm"])
            opt.step()
            loss_sum += loss
            if first is None:
                first = loss
                log(f"first loss {first:.6f} (the first batch, before any update)")
        losses.append(loss_sum / max(1, len(sizes)))
        val = accuracy(net, train, val_index, batch, held, world, rank, device)
        log(f"epoch {epoch + 1}: loss {losses[-1]:.4f}, validation {100 * val:.1f} %, {time.time() - started:.2f} s")
        if best is None or val > best[1]:
            stale, best = 0, (epoch, val, {k: v.detach().clone() for k, v in net.spikelab_parameters().items()})
        elif tr["patience"] > 0:
            stale += 1
            if stale >= tr["patience"]:
                log(f"stopped early: validation has not improved for {stale} epochs")
                break
        lr *= tr["lr_decay"]
    with torch.no_grad():
        for k, p in net.spikelab_parameters().items():
            p.copy_(best[2][k])
    acc = accuracy(net, test, torch.arange(len(test)), batch, held, world, rank, device)
    log(f"test accuracy {100 * acc:.2f} % ({len(test)} samples), best epoch {best[0] + 1}")
    if rank == 0:
        meta = {"format": "spikelab-torch-result", "version": 1, "workspace": cfg["workspace"], "classes": json.dumps(cfg["classes"]),
                "test_accuracy": repr(acc), "best_epoch": best[0], "epochs": epoch + 1, "first_loss": repr(first), "epoch_losses": json.dumps(losses),
                "processes": world, "sums": args.sums, "network_sha256": cfg["network_sha256"], "torch": torch.__version__}
        write_safetensors(args.out, best[2], meta)
        log(f"wrote {args.out} (spikelab import --torch {os.path.basename(args.out)} --workspace WORKSPACE.json --out MODEL.json)")
    if dist.is_initialized():
        # Every process waits here for process 0's file, then all leave at once, without tearing the
        # group down: PyTorch 1.13's gloo group can deadlock in its destructor at exit (it joins a
        # worker thread that waits for the GIL the joining thread holds), about one run in ten here.
        dist.barrier()
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(0)


if __name__ == "__main__":
    main()
`;
