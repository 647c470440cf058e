#!/usr/bin/python3
"""Numpy baseline for bench/bench-ratio: a faithful vectorised
reimplementation of the published closed form of the population loss of a
two-layer ReLU network (Safran & Shamir 2018; Safran, Yehudai & Shamir 2021)
and its gradient, written as their numpy code does it: row norms, cosines
through W V^T / (|w| |v|), clipped arccos, the arc-cosine kernel
|w||v| (sin t + (pi - t) cos t) / (2 pi), V = I written out densely.

Times are process CPU times (time.process_time, as bench-ratio's
CLOCK_PROCESS_CPUTIME_ID), so that other jobs on a shared machine do not
decide the ratios.

Usage: OPENBLAS_NUM_THREADS=1 /usr/bin/python3 bench/numpy_baseline.py K...
prints one line per size: k, seconds per gradient, per loss + gradient
(shared geometry), per GD step, and the loss at the benchmark point.  The
point is the one bench-ratio uses (I + 0.1 uniform(-1, 1) noise, seed
given by --seed, generated here with numpy and written to --dump if
asked, so that both programs time the same W)."""
import sys
import time
import numpy as np


def geometry(W, V):
    nw = np.linalg.norm(W, axis=1)
    nv = np.linalg.norm(V, axis=1)
    cww = np.clip((W @ W.T) / np.outer(nw, nw), -1.0, 1.0)
    cwv = np.clip((W @ V.T) / np.outer(nw, nv), -1.0, 1.0)
    return nw, nv, cww, cwv


def kernel(n1, n2, cos):
    t = np.arccos(cos)
    return np.outer(n1, n2) * (np.sin(t) + (np.pi - t) * cos) / (2 * np.pi), t


def loss(W, V):
    nw, nv, cww, cwv = geometry(W, V)
    nvv = V @ V.T / np.outer(nv, nv)
    kww, _ = kernel(nw, nw, cww)
    kwv, _ = kernel(nw, nv, cwv)
    kvv, _ = kernel(nv, nv, np.clip(nvv, -1.0, 1.0))
    return 0.5 * kww.sum() - kwv.sum() + 0.5 * kvv.sum()


def grad(W, V, want_loss=False, kvv_sum=None):
    """grad_{w_i} L = sum_j g(w_i, w_j) - sum_j g(w_i, v_j) with
    g(w, v) = (|v| sin t w^ + (pi - t) v) / (2 pi)."""
    nw, nv, cww, cwv = geometry(W, V)
    tww = np.arccos(cww)
    twv = np.arccos(cwv)
    sww = np.sin(tww)
    swv = np.sin(twv)
    Wh = W / nw[:, None]
    G = ((sww @ nw - swv @ nv)[:, None] * Wh
         + (np.pi - tww) @ W - (np.pi - twv) @ V) / (2 * np.pi)
    if not want_loss:
        return G
    on = np.outer(nw, nw)
    kww = on * (sww + (np.pi - tww) * cww)
    kwv = np.outer(nw, nv) * (swv + (np.pi - twv) * cwv)
    L = (0.5 * kww.sum() - kwv.sum()) / (2 * np.pi) + kvv_sum
    return L, G


def timeit(f, budget=0.2):
    f()
    t0 = time.process_time()
    f()
    t1 = time.process_time() - t0
    n = 1 if t1 > budget else int(budget / max(t1, 1e-7)) + 1
    t0 = time.process_time()
    for _ in range(n):
        f()
    return (time.process_time() - t0) / n


def point(k, seed):
    rng = np.random.default_rng(seed)
    return np.eye(k) + 0.1 * (2 * rng.random((k, k)) - 1)


def main(argv):
    seed, dump, sizes = 1, None, []
    it = iter(argv)
    for a in it:
        if a == "--seed":
            seed = int(next(it))
        elif a == "--dump":
            dump = next(it)
        else:
            sizes.append(int(a))
    for k in sizes:
        W = point(k, seed)
        V = np.eye(k)
        if dump:
            np.savetxt("%s-%d.txt" % (dump, k), W, fmt="%.17g")
        # the target-target part is a constant of the problem: computed
        # once, outside the timed loop, as a descent code would
        kvv = 0.5 * kernel(np.ones(k), np.ones(k), np.eye(k))[0].sum()
        tg = timeit(lambda: grad(W, V))
        tlg = timeit(lambda: grad(W, V, True, kvv))
        lr = 0.1 / k

        def step():
            nonlocal W
            W = W - lr * grad(W, V)
        W0 = W.copy()
        ts = timeit(step)
        W = W0
        print("%d %.6e %.6e %.6e %.17g" % (k, tg, tlg, ts, loss(W, V)))
        sys.stdout.flush()


if __name__ == "__main__":
    main(sys.argv[1:])
