#!/usr/bin/env python3
"""Frequency of Waves series, as docs/RESULTS.md measures it (section "Static attributes").

  python3 scripts/wave-frequency.py FILE.csv ...   generated series (long CSV: id,time,f0,...[,amplitude])
  python3 scripts/wave-frequency.py --real         the same estimator on real Waves of fixed frequencies

A series' frequency (cycles per series) is estimated as half the number of times it crosses its
own mean; per file the mean and std over series, and Pearson's r between the asked amplitude
column and half the series' peak-to-peak range. --real draws 500 Waves (30 steps, amplitude
U(0.1, 0.5), offset U(-0.5, 0.5), phase U(-pi, pi), seed 1) per class and frequency."""
import csv, math, random, statistics, sys

def frequency(xs):
    m = sum(xs) / len(xs)
    return sum(1 for a, b in zip(xs, xs[1:]) if (a - m) * (b - m) < 0) / 2

if sys.argv[1:] == ["--real"]:
    random.seed(1)
    for cls in ("sine", "sawtooth"):
        for f in (1.5, 2.5, 3.5, 4.5):
            est = []
            for _ in range(500):
                a, b, ph = random.uniform(0.1, 0.5), random.uniform(-0.5, 0.5), random.uniform(-math.pi, math.pi)
                us = [f * t / 30 + ph / (2 * math.pi) for t in range(30)]
                est.append(frequency([b + a * (math.sin(2 * math.pi * u) if cls == "sine" else 2 * (u - math.floor(u)) - 1) for u in us]))
            print(f"real {cls}\tfrequency {f}\tmeasured {statistics.mean(est):.2f} ± {statistics.stdev(est):.2f}")
    sys.exit()

for path in sys.argv[1:]:
    series, amplitude = {}, {}
    with open(path) as f:
        for row in csv.DictReader(f):
            series.setdefault(row['id'], []).append(float(row['f0']))
            if 'amplitude' in row: amplitude[row['id']] = float(row['amplitude'])
    freqs = [frequency(xs) for xs in series.values()]
    asked = [amplitude[k] for k in series if k in amplitude]
    half = [(max(xs) - min(xs)) / 2 for k, xs in series.items() if k in amplitude]
    r = statistics.correlation(asked, half) if len(asked) > 1 else float('nan')
    print(f"{path}\tn={len(freqs)}\tfrequency {statistics.mean(freqs):.2f} ± {statistics.stdev(freqs):.2f}\tr(amplitude, half range) {r:.3f}")
