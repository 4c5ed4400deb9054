#!/usr/bin/env python3
"""The researcher's clustering script, run as it is: jieba + scikit-learn TF-IDF + KMeans, all with their defaults.

Reads the subject/mention reference (tests/fixtures/themes/subjects.tsv), clusters every item's text with k = the
number of distinct primary labels, once per seed (0-9), and prints one line per seed: seed, NMI, ARI against the
primary labels, then the assignment. tools/themes/ThemeCheck's `clusters` section runs it beside PlanAtlas's own
clusterer on the same items. Needs Debian's python3-jieba and python3-sklearn (.ci/run installs them).
"""
import sys
import warnings

import jieba
from sklearn.cluster import KMeans
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score


def main(path, seeds):
    rows = [line.rstrip("\n").split("\t") for line in open(path, encoding="utf-8") if line.strip() and not line.startswith("#")]
    header, rows = rows[0], rows[1:]
    text, primary = header.index("text"), header.index("primary")
    labels = [r[primary] for r in rows]
    jieba.setLogLevel(60)
    docs = [" ".join(jieba.lcut(r[text])) for r in rows]
    x = TfidfVectorizer().fit_transform(docs)
    k = len(set(labels))
    for seed in seeds:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # scikit-learn 1.2 warns that n_init's default will change
            assigned = KMeans(n_clusters=k, random_state=seed).fit_predict(x)
        print(seed, k, f"{normalized_mutual_info_score(labels, assigned):.6f}", f"{adjusted_rand_score(labels, assigned):.6f}",
              " ".join(str(a) for a in assigned))


if __name__ == "__main__":
    main(sys.argv[1], [int(s) for s in sys.argv[2:]] or list(range(10)))
