#!/usr/bin/env python3
"""How far a non-spiking network gets on FSDD with one whole speaker held out.

The training issue asks the spoken-digit preset for >= 95 % on a speaker-held-out split. This
script measures what a conventional network (a small 1-D CNN over time, ReLU, Adam, PyTorch on
the CPU) reaches on the same folds, so the SNN's figure can be read against a ceiling of the
data rather than against nothing. Our own code; it needs Debian's python3-torch and python3-numpy.

  /usr/bin/python3 test/bench/fsdd_ann_ceiling.py [--data DIR] [--held all|SPEAKER]
      [--features logmel|mfcc] [--warps 1|0.8,0.9,1,1.1,1.2] [--duration 0.5] [--epochs 30]
      [--seeds 3]

Prints one line per fold and seed and, last, one JSON object with every fold's accuracy (mean
over the seeds: a single seed moves a fold by several points).

Front end (as the preset's, in numpy): 25 ms Hann frames every 10 ms, 32 triangular mel bands
from 50 Hz to Nyquist, natural log, the middle `duration` seconds, each band z-scored per
utterance. `mfcc` keeps cepstral coefficients 1-13 of those bands. `--warps` adds copies of
every training utterance with the filterbank's frequency axis scaled (vocal-tract-length
perturbation), the usual remedy for an unseen voice; the test speaker is never warped.
"""
import argparse
import json
import os
import time
import wave

import numpy as np
import torch
from torch import nn

SR = 8000


def read_wav(path):
    with wave.open(path, 'rb') as w:
        if w.getsampwidth() != 2 or w.getnchannels() != 1:
            raise SystemExit(f'{path}: expected 16-bit mono PCM')
        rate = w.getframerate()
        x = np.frombuffer(w.readframes(w.getnframes()), dtype='<i2').astype(np.float32) / 32768.0
    if rate != SR:
        raise SystemExit(f'{path}: {rate} Hz, expected {SR} (FSDD)')
    return x


def hz_to_mel(f):
    return 2595.0 * np.log10(1.0 + f / 700.0)


def mel_to_hz(m):
    return 700.0 * (10.0 ** (m / 2595.0) - 1.0)


def filterbank(bands, nfft, warp):
    edges = mel_to_hz(np.linspace(hz_to_mel(50.0), hz_to_mel(SR / 2), bands + 2))
    hz = np.arange(nfft // 2 + 1) * SR / nfft * warp
    fb = np.zeros((bands, hz.size))
    for b in range(bands):
        lo, mid, hi = edges[b:b + 3]
        up = (hz - lo) / (mid - lo)
        down = (hi - hz) / (hi - mid)
        fb[b] = np.clip(np.minimum(up, down), 0.0, None)
    return fb


def features(x, kind, duration, warp, bands=32):
    flen, hop = int(0.025 * SR), int(0.010 * SR)
    nfft = 256
    n = int(round(duration * SR))
    crop = np.zeros(n, dtype=np.float32)
    off = (x.size - n) // 2
    src = x[max(off, 0):max(off, 0) + n]
    crop[max(-off, 0):max(-off, 0) + src.size] = src
    frames = 1 + (n - flen) // hop
    idx = np.arange(flen)[None, :] + hop * np.arange(frames)[:, None]
    spec = np.abs(np.fft.rfft(crop[idx] * np.hanning(flen), nfft)) ** 2
    logmel = np.log(spec @ filterbank(bands, nfft, warp).T + 1e-6)
    if kind == 'mfcc':
        k = np.arange(1, 14)[:, None]
        dct = np.cos(np.pi * k * (np.arange(bands)[None, :] + 0.5) / bands) * np.sqrt(2.0 / bands)
        logmel = logmel @ dct.T
    mu, sd = logmel.mean(0, keepdims=True), logmel.std(0, keepdims=True) + 1e-6
    return ((logmel - mu) / sd).astype(np.float32)  # (frames, channels)


class Cnn(nn.Module):
    def __init__(self, channels):
        super().__init__()
        self.net = nn.Sequential(
            nn.Conv1d(channels, 64, 5, padding=2), nn.ReLU(), nn.MaxPool1d(2),
            nn.Conv1d(64, 64, 5, padding=2), nn.ReLU(), nn.AdaptiveMaxPool1d(1), nn.Flatten(),
            nn.Dropout(0.3), nn.Linear(64, 10))

    def forward(self, x):  # x: (batch, frames, channels)
        return self.net(x.transpose(1, 2))


def fold(items, held, args, cache, seed):
    train_x, train_y, test_x, test_y = [], [], [], []
    for (digit, speaker, path) in items:
        if speaker == held:
            test_x.append(cache(path, 1.0)); test_y.append(digit)
        else:
            for w in args.warps:
                train_x.append(cache(path, w)); train_y.append(digit)
    xtr, ytr = torch.tensor(np.stack(train_x)), torch.tensor(train_y)
    xte, yte = torch.tensor(np.stack(test_x)), torch.tensor(test_y)
    torch.manual_seed(seed)
    model = Cnn(xtr.shape[2])
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, args.epochs)
    accs = []
    for _ in range(args.epochs):
        model.train()
        for b in torch.randperm(len(ytr)).split(32):
            opt.zero_grad()
            nn.functional.cross_entropy(model(xtr[b]), ytr[b]).backward()
            opt.step()
        sched.step()
        model.eval()
        with torch.no_grad():
            accs.append(float((model(xte).argmax(1) == yte).float().mean()))
    # The test speaker picks no epoch: the figure is the mean of the last five, not the best.
    return float(np.mean(accs[-5:])), max(accs), len(ytr), len(yte)


def main():
    default_data = os.path.join(os.environ.get('SPIKELAB_DATA', os.path.join(os.path.dirname(__file__), '../../../shared/data')), 'audio/fsdd/recordings')
    p = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    p.add_argument('--data', default=default_data)
    p.add_argument('--held', default='all', help="a speaker, or 'all' for leave-one-speaker-out")
    p.add_argument('--features', choices=['logmel', 'mfcc'], default='logmel')
    p.add_argument('--warps', default='1', help='comma-separated VTLP factors for training copies')
    p.add_argument('--duration', type=float, default=0.5)
    p.add_argument('--epochs', type=int, default=30)
    p.add_argument('--seeds', type=int, default=3, help='seeds 0..N-1 per fold')
    args = p.parse_args()
    args.warps = [float(w) for w in args.warps.split(',')]
    torch.set_num_threads(int(os.environ.get('OMP_NUM_THREADS', '2')))
    if not os.path.isdir(args.data):
        raise SystemExit(f'no FSDD recordings at {args.data} (--data DIR or SPIKELAB_DATA)')
    items = []
    for name in sorted(os.listdir(args.data)):
        parts = name[:-4].split('_') if name.endswith('.wav') else []
        if len(parts) == 3 and parts[0].isdigit():
            items.append((int(parts[0]), parts[1], os.path.join(args.data, name)))
    speakers = sorted({s for _, s, _ in items})
    held = speakers if args.held == 'all' else [args.held]
    if any(h not in speakers for h in held):
        raise SystemExit(f"no speaker '{args.held}'; the speakers are {', '.join(speakers)}")
    memo = {}

    def cache(path, warp):
        key = (path, warp)
        if key not in memo:
            memo[key] = features(read_wav(path), args.features, args.duration, warp)
        return memo[key]

    result = {'features': args.features, 'warps': args.warps, 'duration_s': args.duration, 'epochs': args.epochs, 'seeds': args.seeds, 'folds': {}}
    for h in held:
        runs = []
        for seed in range(args.seeds):
            t0 = time.time()
            last5, best, ntr, nte = fold(items, h, args, cache, seed)
            runs.append(last5)
            print(f'held out {h}, seed {seed}: {100 * last5:.1f} % (mean of the last 5 epochs; best epoch {100 * best:.1f} %), {ntr} training / {nte} test, {time.time() - t0:.0f} s', flush=True)
        result['folds'][h] = {'accuracy': round(float(np.mean(runs)), 4), 'by_seed': [round(r, 4) for r in runs]}
    result['mean'] = round(float(np.mean([f['accuracy'] for f in result['folds'].values()])), 4)
    print(json.dumps(result))


if __name__ == '__main__':
    main()
