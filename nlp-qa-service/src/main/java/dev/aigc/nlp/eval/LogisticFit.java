package dev.aigc.nlp.eval;

/**
 * L2-regularised logistic regression fitted by Newton's method on standardised features; the result is expressed in
 * the raw features (intercept and weights), as {@link dev.aigc.nlp.qa.ConfidenceModel} applies it.
 */
final class LogisticFit {

    private LogisticFit() {
    }

    /** Returns {intercept, w_1 … w_d} for rows {@code x} with labels {@code y} (0/1) and penalty {@code lambda}. */
    static double[] fit(double[][] x, int[] y, double lambda) {
        int n = x.length;
        int d = x[0].length;
        double[] mean = new double[d];
        double[] sd = new double[d];
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j] / n;
            }
        }
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                sd[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / n;
            }
        }
        for (int j = 0; j < d; j++) {
            sd[j] = sd[j] < 1e-12 ? 1 : Math.sqrt(sd[j]);
        }
        double[][] z = new double[n][d + 1];
        for (int i = 0; i < n; i++) {
            z[i][0] = 1;
            for (int j = 0; j < d; j++) {
                z[i][j + 1] = (x[i][j] - mean[j]) / sd[j];
            }
        }
        double[] beta = new double[d + 1];
        for (int iter = 0; iter < 100; iter++) {
            double[] grad = new double[d + 1];
            double[][] hess = new double[d + 1][d + 1];
            for (int i = 0; i < n; i++) {
                double p = sigmoid(dot(beta, z[i]));
                double w = p * (1 - p);
                for (int a = 0; a <= d; a++) {
                    grad[a] += (p - y[i]) * z[i][a];
                    for (int b = 0; b <= d; b++) {
                        hess[a][b] += w * z[i][a] * z[i][b];
                    }
                }
            }
            for (int a = 1; a <= d; a++) {
                grad[a] += lambda * beta[a];
                hess[a][a] += lambda;
            }
            double[] step = solve(hess, grad);
            double change = 0;
            for (int a = 0; a <= d; a++) {
                beta[a] -= step[a];
                change = Math.max(change, Math.abs(step[a]));
            }
            if (change < 1e-9) {
                break;
            }
        }
        double[] raw = new double[d + 1];
        raw[0] = beta[0];
        for (int j = 0; j < d; j++) {
            raw[j + 1] = beta[j + 1] / sd[j];
            raw[0] -= beta[j + 1] * mean[j] / sd[j];
        }
        return raw;
    }

    static double sigmoid(double v) {
        return 1 / (1 + Math.exp(-v));
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** Gaussian elimination with partial pivoting. */
    private static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] m = new double[n][n + 1];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], 0, m[i], 0, n);
            m[i][n] = b[i];
        }
        for (int c = 0; c < n; c++) {
            int p = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(m[r][c]) > Math.abs(m[p][c])) {
                    p = r;
                }
            }
            double[] t = m[c];
            m[c] = m[p];
            m[p] = t;
            for (int r = c + 1; r < n; r++) {
                double f = m[r][c] / m[c][c];
                for (int k = c; k <= n; k++) {
                    m[r][k] -= f * m[c][k];
                }
            }
        }
        double[] x = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double s = m[r][n];
            for (int k = r + 1; k < n; k++) {
                s -= m[r][k] * x[k];
            }
            x[r] = s / m[r][r];
        }
        return x;
    }
}
