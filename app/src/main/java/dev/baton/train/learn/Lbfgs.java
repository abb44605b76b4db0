package dev.baton.train.learn;

/**
 * Limited-memory BFGS (Nocedal and Wright, algorithm 7.4 with the two-loop recursion) with a backtracking line
 * search on the Armijo condition, for the smooth convex objectives of logistic regression. It stops when the
 * largest gradient component is at most {@code tolerance} (scikit-learn's {@code tol} for its lbfgs solver), when
 * the objective stops falling, or after {@code maxIterations}.
 */
final class Lbfgs {

    /** The objective: its value at x, with the gradient written into {@code gradient}. */
    @FunctionalInterface
    interface Objective {
        double value(double[] x, double[] gradient);
    }

    /** Where it stopped and why. */
    record Result(double[] x, double value, int iterations, boolean converged) {
    }

    private static final int MEMORY = 10;

    private Lbfgs() {
    }

    static Result minimize(Objective f, double[] start, int maxIterations, double tolerance) {
        int n = start.length;
        double[] x = start.clone();
        double[] g = new double[n];
        double value = f.value(x, g);
        double[][] s = new double[MEMORY][];
        double[][] y = new double[MEMORY][];
        double[] rho = new double[MEMORY];
        double[] alpha = new double[MEMORY];
        int stored = 0;
        int newest = -1;
        double[] direction = new double[n];
        double[] next = new double[n];
        double[] nextG = new double[n];
        for (int iteration = 0; iteration < maxIterations; iteration++) {
            if (maxAbs(g) <= tolerance) {
                return new Result(x, value, iteration, true);
            }
            // direction = -H g by the two-loop recursion
            System.arraycopy(g, 0, direction, 0, n);
            for (int k = 0; k < stored; k++) {
                int i = Math.floorMod(newest - k, MEMORY);
                alpha[i] = rho[i] * dot(s[i], direction);
                axpy(-alpha[i], y[i], direction);
            }
            if (stored > 0) {
                double gamma = dot(s[newest], y[newest]) / dot(y[newest], y[newest]);
                scale(direction, gamma);
            } else {
                scale(direction, 1.0 / Math.max(1.0, Math.sqrt(dot(g, g))));
            }
            for (int k = stored - 1; k >= 0; k--) {
                int i = Math.floorMod(newest - k, MEMORY);
                double beta = rho[i] * dot(y[i], direction);
                axpy(alpha[i] - beta, s[i], direction);
            }
            scale(direction, -1);
            double slope = dot(g, direction);
            if (slope >= 0) { // not a descent direction (rounding): restart from the gradient
                stored = 0;
                for (int j = 0; j < n; j++) {
                    direction[j] = -g[j];
                }
                slope = dot(g, direction);
            }
            double step = 1;
            double nextValue;
            int tries = 0;
            while (true) {
                for (int j = 0; j < n; j++) {
                    next[j] = x[j] + step * direction[j];
                }
                nextValue = f.value(next, nextG);
                if (nextValue <= value + 1e-4 * step * slope || ++tries > 40) {
                    break;
                }
                step *= 0.5;
            }
            if (tries > 40 || !(nextValue <= value)) {
                return new Result(x, value, iteration, maxAbs(g) <= tolerance);
            }
            double[] sk = new double[n];
            double[] yk = new double[n];
            for (int j = 0; j < n; j++) {
                sk[j] = next[j] - x[j];
                yk[j] = nextG[j] - g[j];
            }
            double sy = dot(sk, yk);
            if (sy > 1e-12 * Math.sqrt(dot(sk, sk) * dot(yk, yk))) {
                newest = (newest + 1) % MEMORY;
                s[newest] = sk;
                y[newest] = yk;
                rho[newest] = 1 / sy;
                stored = Math.min(stored + 1, MEMORY);
            }
            double previous = value;
            System.arraycopy(next, 0, x, 0, n);
            System.arraycopy(nextG, 0, g, 0, n);
            value = nextValue;
            if (previous - value <= 1e-15 * Math.max(1, Math.abs(previous))) {
                return new Result(x, value, iteration + 1, maxAbs(g) <= tolerance);
            }
        }
        return new Result(x, value, maxIterations, maxAbs(g) <= tolerance);
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] += a * x[i];
        }
    }

    private static void scale(double[] x, double a) {
        for (int i = 0; i < x.length; i++) {
            x[i] *= a;
        }
    }

    private static double maxAbs(double[] x) {
        double max = 0;
        for (double v : x) {
            max = Math.max(max, Math.abs(v));
        }
        return max;
    }
}
