#!/usr/bin/env python3
"""scikit-learn's side of `baton bench train-vs-sklearn`.

Reads the spec Baton wrote (data file, target, feature kinds, algorithms with Baton's hyperparameters) and the row
assignment (fold 0..k-1, -1 held out, -2 no target), then for each algorithm times the whole fit-and-evaluate as
Baton does it: the preparation fitted and a model trained on each fold's training part and scored on the fold,
then one model on all training rows scored once on the held-out rows. Prints one JSON line per algorithm.

Preparation as Baton's: numbers get the training median and a missing indicator (where the training part had
missing values), standardized for the algorithms Baton standardizes; categories one-hot, missing as its own level,
unseen levels all zero.

Needs Debian's python3-sklearn and python3-pandas (scikit-learn 1.2).
"""
import json
import sys
import time
import warnings

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, TransformerMixin, clone
from sklearn.compose import ColumnTransformer
from sklearn.exceptions import ConvergenceWarning
from sklearn.ensemble import (ExtraTreesClassifier, ExtraTreesRegressor, HistGradientBoostingClassifier,
                              HistGradientBoostingRegressor, RandomForestClassifier, RandomForestRegressor)
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LinearRegression, LogisticRegression
from sklearn.metrics import accuracy_score, r2_score
from sklearn.neighbors import KNeighborsClassifier, KNeighborsRegressor
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler
from sklearn.svm import LinearSVC
from sklearn.tree import DecisionTreeClassifier, DecisionTreeRegressor


def depth(p):
    return None if p.get("maxDepth", 0) <= 0 else int(p["maxDepth"])


def estimator(algorithm, classification, threads):
    """scikit-learn's counterpart of a Baton algorithm, with Baton's hyperparameters."""
    a, p = algorithm["id"], algorithm["parameters"]
    if a == "logistic-regression":
        return LogisticRegression(max_iter=1000)
    if a == "linear-regression":
        return LinearRegression()
    if a == "random-forest":
        if classification:
            return RandomForestClassifier(n_estimators=int(p["trees"]), max_depth=depth(p),
                                          max_features=p["featureFraction"] or "sqrt", n_jobs=threads, random_state=42)
        return RandomForestRegressor(n_estimators=int(p["trees"]), max_depth=depth(p), min_samples_leaf=5,
                                     max_features=p["featureFraction"] or 1 / 3, n_jobs=threads, random_state=42)
    if a == "extra-trees":
        if classification:
            return ExtraTreesClassifier(n_estimators=int(p["trees"]), max_depth=depth(p),
                                        max_features=p["featureFraction"] or "sqrt", n_jobs=threads, random_state=42)
        return ExtraTreesRegressor(n_estimators=int(p["trees"]), max_depth=depth(p),
                                   max_features=p["featureFraction"] or 1.0, n_jobs=threads, random_state=42)
    if a == "xgboost":
        cls = HistGradientBoostingClassifier if classification else HistGradientBoostingRegressor
        return cls(max_iter=int(p["trees"]), learning_rate=p["eta"], max_depth=int(p["maxDepth"]), max_leaf_nodes=None,
                   early_stopping=False, random_state=42)
    if a == "cart":
        cls = DecisionTreeClassifier if classification else DecisionTreeRegressor
        return cls(max_depth=depth(p), min_samples_leaf=int(p["minChildWeight"]), random_state=42)
    if a == "knn":
        cls = KNeighborsClassifier if classification else KNeighborsRegressor
        return cls(n_neighbors=int(p["k"]), n_jobs=threads)
    if a == "liblinear":
        return LinearSVC(C=p["cost"], loss="squared_hinge", dual=True, tol=0.1, max_iter=1000, random_state=42)
    raise SystemExit("no scikit-learn counterpart for " + a)


def preparation(numeric, categorical, standardize):
    numbers = NumbersStandardized() if standardize else SimpleImputer(strategy="median", add_indicator=True)
    return ColumnTransformer([
        ("numeric", numbers, numeric),
        ("categorical", OneHotEncoder(handle_unknown="ignore", sparse_output=False), categorical),
    ], sparse_threshold=0)


class NumbersStandardized(BaseEstimator, TransformerMixin):
    """Median fill, then the filled numbers standardized; the 0/1 missing indicators stay as they are (as in Baton)."""

    def fit(self, x, y=None):
        self.fill_ = SimpleImputer(strategy="median", add_indicator=True).fit(x)
        self.scale_ = StandardScaler().fit(self.fill_.transform(x)[:, :x.shape[1]])
        return self

    def transform(self, x):
        filled = self.fill_.transform(x)
        n = x.shape[1]
        return np.hstack([self.scale_.transform(filled[:, :n]), filled[:, n:]])


def main():
    spec = json.load(open(sys.argv[1]))
    classification = spec["task"] == "classification"
    features = spec["features"]
    numeric = [f for f, kind in features.items() if kind == "numeric"]
    categorical = [f for f, kind in features.items() if kind == "categorical"]
    data = pd.read_csv(spec["csv"], dtype={c: str for c in categorical + ([spec["target"]] if classification else [])},
                       keep_default_na=False, na_values=["", "NA", "N/A", "null", "NaN"])
    for c in categorical:
        data[c] = data[c].fillna("(missing)")
    assignment = np.loadtxt(spec["assignment"], dtype=int)
    x = data[numeric + categorical]
    y = data[spec["target"]]
    score = accuracy_score if classification else r2_score
    folds = spec["folds"]
    for algorithm in spec["algorithms"]:
        model = Pipeline([("prepare", preparation(numeric, categorical, algorithm["standardize"])),
                          ("model", estimator(algorithm, classification, spec["threads"]))])
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", ConvergenceWarning)
            start = time.perf_counter()
            cv = []
            for k in range(folds):
                train = (assignment >= 0) & (assignment != k)
                test = assignment == k
                fitted = clone(model).fit(x[train], y[train])
                cv.append(score(y[test], fitted.predict(x[test])))
            final = clone(model).fit(x[assignment >= 0], y[assignment >= 0])
            holdout = score(y[assignment == -1], final.predict(x[assignment == -1]))
            seconds = time.perf_counter() - start
        unconverged = sum(1 for w in caught if issubclass(w.category, ConvergenceWarning))
        name = type(model.named_steps["model"]).__name__
        print(json.dumps({"id": algorithm["id"], "estimator": name + (" (not converged)" if unconverged else ""),
                          "seconds": seconds, "cv": float(np.mean(cv)), "cvStd": float(np.std(cv, ddof=1)),
                          "holdout": float(holdout)}), flush=True)


if __name__ == "__main__":
    main()
