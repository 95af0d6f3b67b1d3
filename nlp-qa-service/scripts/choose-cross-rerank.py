#!/usr/bin/env python3
"""Reads the per-question candidate rows of `evaluate.sh candidates` (tuning sets only; JSON lines) and prints, for the
cross-lingual questions, how often the cross-lingual ranking's first document is the expected one when its first
documents (the second argument, default 10; the dump must hold at least as many, see -Dcandidates.documents) are
ordered by: the fused order (as before), the English-view BM25 score alone, the dense English-view
cosine alone (bge-small-en over the glossed view), the Chinese model's cosine, and
ln(1 + English-view BM25) + a * dense cosine for a grid of a (nlp.qa.dense-view.rerank-weight).

Rule for the choice, fixed before looking: the weight a with the most cross-lingual questions whose expected document
comes first (both question languages pooled); ties: the smaller a. Only the cross-lingual ranking is reordered, so
monolingual questions change only through the language decision, which is chosen afterwards on the reordered
ranking (scripts/choose-language-decision.py).

usage: JAVA_TOOL_OPTIONS=-Dcandidates.documents=10 nlp-qa-service/scripts/evaluate.sh candidates > candidates.log
       nlp-qa-service/scripts/choose-cross-rerank.py candidates.log 10
"""
import json
import math
import sys

WEIGHTS = [0, 0.5, 1, 2, 3, 4, 6, 8, 12]


def cross_lingual(row):
    return row['expected'] != '-' and row['expected'][:2] != row['qlang']


def first_right(rows, key, window):
    hits = {'en': 0, 'zh': 0}
    for r in rows:
        cands = [c for c in r['cands'] if 0 < c['cross_rank'] <= window]
        if cands and max(cands, key=key)['doc'] == r['expected']:
            hits[r['qlang']] += 1
    return hits


def main(path, window):
    with open(path, encoding='utf-8') as f:
        rows = [json.loads(line) for line in f if line.startswith('{')]
    rows = [r for r in rows if cross_lingual(r)]
    n = {lang: sum(r['qlang'] == lang for r in rows) for lang in ('en', 'zh')}
    print(f'cross-lingual tuning questions: {n["en"]} English, {n["zh"]} Chinese; '
          f'the first {window} documents of the cross-lingual ranking')

    def show(label, key):
        h = first_right(rows, key, window)
        print(f'  {label:44s} English {h["en"]}/{n["en"]}  Chinese {h["zh"]}/{n["zh"]}  '
              f'pooled {(h["en"] + h["zh"]) / (n["en"] + n["zh"]):.3f}')
        return h

    show('fused order (before)', lambda c: -c['cross_rank'])
    show('English-view BM25', lambda c: c['view'])
    show('dense English view', lambda c: c['dense'])
    show('Chinese-model cosine', lambda c: c['zh_cos'])
    best = None
    for a in WEIGHTS:
        h = show(f'ln(1 + view) + {a} x dense', lambda c, a=a: math.log1p(c['view']) + a * c['dense'])
        total = h['en'] + h['zh']
        if best is None or total > best[0]:
            best = (total, a)
    print(f'chosen rerank weight: {best[1]}')


if __name__ == '__main__':
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 10)
