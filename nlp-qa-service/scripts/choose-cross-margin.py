#!/usr/bin/env python3
"""Reads the rows of `evaluate.sh tune` (stdin) and prints, for each fusion of the cross-lingual ranking and each
candidate margin, hit@1 per tuning set and pooled: the cross-lingual ranking's first document answers when its term
coverage is at least the same-language choice's + margin. Tuning sets only."""
import sys
from collections import defaultdict

rows = [l.rstrip('\n').split('\t') for l in sys.stdin if l.startswith('row\t')]
margins = [-0.1, 0.0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 1.0]
by_config = defaultdict(list)
for r in rows:
    by_config[(r[1], r[2])].append(r)
for (cw, dw), rs in by_config.items():
    for m in margins:
        hits, total = defaultdict(int), defaultdict(int)
        for r in rs:
            _, _, _, s, lang, exp, same, scov, scos, cross, ccov, ccos, bm, cbm = r
            if exp == 'null':
                continue
            scov, ccov = float(scov), float(ccov)
            chosen = cross if cross != '-' and ccov == ccov and ccov >= scov + m else same
            total[s] += 1
            hits[s] += chosen == exp
        pooled = sum(hits.values()) / sum(total.values())
        print(f"cross {cw} dense {dw} margin {m:+.2f}: " + "  ".join(
            f"{s[:22]} {hits[s] / total[s]:.3f}" for s in total) + f"  pooled {pooled:.3f}")
