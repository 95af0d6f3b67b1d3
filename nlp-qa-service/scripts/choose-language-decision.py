#!/usr/bin/env python3
"""Reads the per-question rows of `evaluate.sh decision` (tuning sets only) and prints, per question language, hit@1
of monolingual and cross-lingual questions for a grid of language-decision settings (nlp.qa.language-decision.*):
the cross-lingual ranking's first page answers when ln(1 + its English-view score) > ln(1 + the same-language
page's) + margin and its coverage >= the same-language page's - slack, or when its coverage alone is higher by the
coverage margin.

Per language, first the view pair, then the coverage margin given that pair: each time the setting with the most
cross-lingual hits among those that lose no monolingual question against never switching (ties: the larger margin,
then the smaller slack).

usage: nlp-qa-service/scripts/evaluate.sh decision > decision.log
       sed -n '/^set\tqlang/,$p' decision.log > decision.tsv
       nlp-qa-service/scripts/choose-language-decision.py decision.tsv
"""
import csv
import math
import sys

MARGINS = [-0.5, -0.4, -0.3, -0.2, -0.1, 0.0, 0.1, 0.2, 0.3]
COVERAGE_MARGINS = [0.1, 0.2, 0.3, 0.4, 0.5, 1.0]  # 1.0: off
SLACKS = [None, 0.1, 0.0]  # None: no coverage condition


def switches(row, margin, slack, coverage_margin=1.0):
    if row['cross_doc'] == '-':
        return False
    view = math.log1p(float(row['cross_view'])) > math.log1p(float(row['same_view'])) + margin
    covered = slack is None or float(row['cross_cov']) >= float(row['same_cov']) - slack
    by_coverage = coverage_margin < 1 and float(row['cross_cov']) >= float(row['same_cov']) + coverage_margin
    return float(row['cross_view']) > 0 and view and covered or by_coverage


def counts(rows, lang, margin, slack, coverage_margin=1.0):
    mono, cross = [0, 0], [0, 0]
    for r in rows:
        if r['qlang'] != lang or r['expected'] == '-':
            continue
        top = r['cross_doc'] if margin is not None and switches(r, margin, slack, coverage_margin) else r['same_doc']
        bucket = cross if 'cross' in r['set'] else mono
        bucket[0] += top == r['expected']
        bucket[1] += 1
    return mono, cross


def main(path):
    with open(path, encoding='utf-8') as f:
        rows = list(csv.DictReader(f, delimiter='\t'))
    for lang in ('en', 'zh'):
        never_mono, never_cross = counts(rows, lang, None, None)
        print(f'{lang} questions, never switching: monolingual {never_mono[0]}/{never_mono[1]}, '
              f'cross-lingual {never_cross[0]}/{never_cross[1]}')
        best = None
        for margin in MARGINS:
            for slack in SLACKS:
                mono, cross = counts(rows, lang, margin, slack)
                print(f'  margin {margin:+.1f} slack {str(slack):4}  monolingual {mono[0] / mono[1]:.3f} '
                      f'({mono[0]}/{mono[1]})  cross-lingual {cross[0] / cross[1]:.3f} ({cross[0]}/{cross[1]})')
                if mono[0] >= never_mono[0]:
                    key = (cross[0], margin, -(slack if slack is not None else 1))
                    if best is None or key > best[0]:
                        best = (key, margin, slack)
        print(f'  chosen: margin {best[1]:+.1f}, slack {best[2]}')
        chosen = None
        for cm in COVERAGE_MARGINS:
            mono, cross = counts(rows, lang, best[1], best[2], cm)
            print(f'  + coverage margin {cm:.1f}  monolingual {mono[0]}/{mono[1]}  cross-lingual {cross[0]}/{cross[1]}')
            if mono[0] >= never_mono[0] and (chosen is None or cross[0] > chosen[0]
                                             or cross[0] == chosen[0] and cm > chosen[1]):
                chosen = (cross[0], cm)
        print(f'  chosen coverage margin: {chosen[1]:.1f}')


if __name__ == '__main__':
    main(sys.argv[1])
