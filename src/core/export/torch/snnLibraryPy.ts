// spikelab_snn.py of an exported project: the spiking layers as Spikelab's BPTT kernel runs them
// (engine/kernels/assembly/bptt.ts), in plain PyTorch. The generated model.py (torchProject.ts)
// builds a network from these; torchModules.ts is the table from node to module.

export const SNN_LIBRARY_PY = String.raw`"""Spiking layers as Spikelab's BPTT kernel trains them (written by spikelab export --torch).

Activations stay flat per sample in Spikelab's channels-last order, so the weights keep Spikelab's
names and layouts: a dense W is [inputs, units] (I = x @ W), a conv W is [k, k, inC, filters], a
loop's W is [units, units]. Each layer runs over every step before the next one (layer l + 1 at
step t reads layer l at step t: there is no delay between layers), so a weight's gradient is one
product over all steps and samples.

Neuron state is float32 and updated in the kernel's order, m = beta*m + I - reset, so the spikes
are Spikelab's. Currents are summed in SUMS (float64 by default, as the kernel sums them) and
rounded to float32 once; float32 sums are faster on a GPU and flip a rare spike.
"""
import torch
import torch.nn as nn
import torch.nn.functional as F


class FastSigmoidSpike(torch.autograd.Function):
    """Forward s = 1 if u > 0 (u = m - threshold); backward ds/du = 1 / (slope*|u| + 1)^2."""

    @staticmethod
    def forward(ctx, u, slope):
        ctx.save_for_backward(u)
        ctx.slope = slope
        return (u > 0).to(u.dtype)

    @staticmethod
    def backward(ctx, grad):
        (u,) = ctx.saved_tensors
        d = ctx.slope * u.abs() + 1
        return grad / (d * d), None


def _scalar(v):
    return torch.tensor(v, dtype=torch.float32)


class Dense(nn.Module):
    """I = x @ W, W [inputs, units]."""

    def __init__(self, name, inputs, units):
        super().__init__()
        self.spikelab_name = name
        self.weight = nn.Parameter(torch.zeros(inputs, units))

    def currents(self, x, sums):
        return x.to(sums) @ self.weight.to(sums)


class Conv(nn.Module):
    """A conv2d (cross-correlation, as tfjs and Spikelab) of a flat channels-last input."""

    def __init__(self, name, in_hwc, k, stride, pad_top, pad_left, out_hw, filters):
        super().__init__()
        self.spikelab_name = name
        self.in_hwc, self.k, self.stride, self.pad_top, self.pad_left, self.out_hw = in_hwc, k, stride, pad_top, pad_left, out_hw
        self.weight = nn.Parameter(torch.zeros(k, k, in_hwc[2], filters))

    def currents(self, x, sums):
        (h, w, c), (oh, ow) = self.in_hwc, self.out_hw
        img = x.to(sums).reshape(-1, h, w, c).permute(0, 3, 1, 2)
        pad_bottom = max(0, (oh - 1) * self.stride + self.k - h - self.pad_top)
        pad_right = max(0, (ow - 1) * self.stride + self.k - w - self.pad_left)
        img = F.pad(img, (self.pad_left, pad_right, self.pad_top, pad_bottom))
        out = F.conv2d(img, self.weight.to(sums).permute(3, 2, 0, 1), stride=self.stride)[:, :, :oh, :ow]
        return out.permute(0, 2, 3, 1).reshape(x.shape[0], oh * ow * out.shape[1])


class Recurrent(nn.Module):
    """A population's loop: its spikes of step t - 1 through W [units, units] join the current at t."""

    def __init__(self, name, units):
        super().__init__()
        self.spikelab_name = name
        self.weight = nn.Parameter(torch.zeros(units, units))


class Pool(nn.Module):
    """Sum (divisor 1) or average (divisor size^2) of a spiking layer's spikes over 'valid' windows."""

    def __init__(self, in_hwc, size, stride, out_hw, divisor):
        super().__init__()
        self.in_hwc, self.size, self.stride, self.out_hw, self.divisor = in_hwc, size, stride, out_hw, divisor

    def forward(self, s):
        (h, w, c), (oh, ow) = self.in_hwc, self.out_hw
        img = s.reshape(-1, h, w, c).permute(0, 3, 1, 2)
        out = F.avg_pool2d(img, self.size, self.stride, divisor_override=self.divisor)[:, :, :oh, :ow]
        return out.permute(0, 2, 3, 1).reshape(s.shape[0], oh * ow * c)


class Leaky(nn.Module):
    """LIF (IF when beta = 1): m = beta*m + I - threshold*s[t-1] (reset detached, none for reset 'none'); s = m > threshold."""

    spiking = True

    def __init__(self, beta, threshold, reset):
        super().__init__()
        self.register_buffer("beta", _scalar(beta))
        self.register_buffer("threshold", _scalar(threshold))
        self.subtract = reset == "subtract"

    def start(self, like):
        z = torch.zeros_like(like)
        return (z, z)

    def step(self, i, state, slope):
        m, s = state
        m = self.beta * m + i
        if self.subtract:
            m = m - self.threshold * s.detach()
        s = FastSigmoidSpike.apply(m - self.threshold, slope)
        return s, (m, s)


class Synaptic(Leaky):
    """Current-based LIF: a synaptic current syn = alpha*syn + I feeds the LIF membrane."""

    def __init__(self, alpha, beta, threshold, reset):
        super().__init__(beta, threshold, reset)
        self.register_buffer("alpha", _scalar(alpha))

    def start(self, like):
        z = torch.zeros_like(like)
        return (z, z, z)

    def step(self, i, state, slope):
        syn, m, s = state
        syn = self.alpha * syn + i
        s, (m, s) = super().step(syn, (m, s), slope)
        return s, (syn, m, s)


class Adaptive(nn.Module):
    """Adaptive LIF: a = rho*a + s[t-1], th = threshold + adaptation*a; the reset subtracts the
    threshold the spike crossed; the surrogate is taken at m - th (th carries no gradient)."""

    spiking = True

    def __init__(self, beta, threshold, rho, adaptation, reset):
        super().__init__()
        for k, v in (("beta", beta), ("threshold", threshold), ("rho", rho), ("adaptation", adaptation)):
            self.register_buffer(k, _scalar(v))

    def start(self, like):
        z = torch.zeros_like(like)
        return (z, z, z, z + self.threshold)

    def step(self, i, state, slope):
        a, m, s, th = state
        s = s.detach()
        a = self.rho * a + s
        reset = th * s
        th = self.threshold + self.adaptation * a
        m = self.beta * m + i - reset
        s = FastSigmoidSpike.apply(m - th, slope)
        return s, (a, m, s, th)


class Readout(nn.Module):
    """A leaky read-out, no spikes: m = beta*m + I; its membrane gives the logits."""

    spiking = False

    def __init__(self, beta):
        super().__init__()
        self.register_buffer("beta", _scalar(beta))

    def start(self, like):
        return (torch.zeros_like(like),)

    def step(self, i, state, slope):
        (m,) = state
        m = self.beta * m + i
        return m, (m,)


class Layer(nn.Module):
    """A dense or conv node, its population (and loop), and the pool of its spikes."""

    def __init__(self, synapse, recurrent, neurons, pool):
        super().__init__()
        self.synapse, self.recurrent, self.neurons, self.pool = synapse, recurrent, neurons, pool

    def forward(self, x, steps, held, sums, slope):
        """x [steps, batch, inputs], or [batch, inputs] held for every step; returns [steps, batch, out] and the spike count."""
        if held:
            cur = self.synapse.currents(x, sums)
            per_step = [cur.float() for _ in range(steps)]
        else:
            batch = x.shape[1]
            cur = self.synapse.currents(x.reshape(steps * batch, x.shape[-1]), sums)
            per_step = cur.reshape(steps, batch, cur.shape[-1]).float().unbind(0)
        w_rec = self.recurrent.weight.to(sums) if self.recurrent is not None else None
        state = self.neurons.start(per_step[0])
        outs = []
        for t in range(steps):
            i = per_step[t]
            if w_rec is not None and t > 0:
                i = i + (outs[-1].to(sums) @ w_rec).float()
            out, state = self.neurons.step(i, state, slope)
            outs.append(out)
        out = torch.stack(outs)
        spikes = out.sum() if self.neurons.spiking else out.new_zeros(())
        if self.pool is not None:
            pooled = self.pool(out.reshape(steps * out.shape[1], out.shape[2]))
            out = pooled.reshape(steps, out.shape[1], pooled.shape[-1])
        return out, spikes


class Network(nn.Module):
    """Layers in order; logits are the last layer's spike counts, or its membrane's max, mean or last value."""

    def __init__(self, layers, steps, reduce, slope):
        super().__init__()
        self.layers = nn.ModuleList(layers)
        self.steps, self.reduce, self.slope = steps, reduce, slope
        self.sums = torch.float64

    def forward(self, x, held):
        """x [batch, steps, inputs] (held: [batch, inputs]); returns logits [batch, classes] and the spikes of every spiking layer."""
        h = x if held else x.transpose(0, 1)
        spikes = x.new_zeros(())
        for li, layer in enumerate(self.layers):
            h, n = layer(h, self.steps, held and li == 0, self.sums, self.slope)
            spikes = spikes + n
        if self.reduce == "count":
            logits = h.sum(0)
        elif self.reduce == "max":
            logits = h.max(0).values
        elif self.reduce == "mean":
            logits = (h.double().sum(0) / self.steps).float()
        else:
            logits = h[-1]
        return logits, spikes

    def spikelab_parameters(self):
        """The trained tensors under their Spikelab names and layouts."""
        out = {}
        for l in self.layers:
            out[l.synapse.spikelab_name] = l.synapse.weight
            if l.recurrent is not None:
                out[l.recurrent.spikelab_name] = l.recurrent.weight
        return out
`;
