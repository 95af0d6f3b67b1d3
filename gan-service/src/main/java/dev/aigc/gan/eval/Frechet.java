package dev.aigc.gan.eval;

/**
 * The Fréchet distance between two Gaussians fitted to feature vectors:
 * {@code |μ1 − μ2|² + Tr(Σ1 + Σ2 − 2 (Σ1 Σ2)^½)}, the formula behind FID. The trace of the matrix square root is
 * computed as the sum of square roots of the eigenvalues of {@code Σ1^½ Σ2 Σ1^½} (symmetric, same spectrum as
 * {@code Σ1 Σ2}), with Jacobi eigen-decompositions.
 */
public final class Frechet {

    private Frechet() {
    }

    public static double distance(float[][] a, float[][] b) {
        int d = a[0].length;
        double[] muA = mean(a);
        double[] muB = mean(b);
        double[][] covA = covariance(a, muA);
        double[][] covB = covariance(b, muB);
        double meanTerm = 0;
        for (int i = 0; i < d; i++) {
            meanTerm += (muA[i] - muB[i]) * (muA[i] - muB[i]);
        }
        double[][] sqrtA = sqrtPsd(covA);
        double[][] m = multiply(multiply(sqrtA, covB), sqrtA);
        symmetrize(m);
        double traceSqrt = 0;
        for (double eigen : eigenvalues(m)) {
            traceSqrt += Math.sqrt(Math.max(0, eigen));
        }
        double trace = 0;
        for (int i = 0; i < d; i++) {
            trace += covA[i][i] + covB[i][i];
        }
        return meanTerm + trace - 2 * traceSqrt;
    }

    static double[] mean(float[][] x) {
        double[] mu = new double[x[0].length];
        for (float[] row : x) {
            for (int i = 0; i < mu.length; i++) {
                mu[i] += row[i];
            }
        }
        for (int i = 0; i < mu.length; i++) {
            mu[i] /= x.length;
        }
        return mu;
    }

    static double[][] covariance(float[][] x, double[] mu) {
        int d = mu.length;
        double[][] cov = new double[d][d];
        double[] centred = new double[d];
        for (float[] row : x) {
            for (int i = 0; i < d; i++) {
                centred[i] = row[i] - mu[i];
            }
            for (int i = 0; i < d; i++) {
                double ci = centred[i];
                if (ci == 0) {
                    continue;
                }
                for (int j = i; j < d; j++) {
                    cov[i][j] += ci * centred[j];
                }
            }
        }
        for (int i = 0; i < d; i++) {
            for (int j = i; j < d; j++) {
                cov[i][j] /= x.length - 1;
                cov[j][i] = cov[i][j];
            }
        }
        return cov;
    }

    static double[][] sqrtPsd(double[][] s) {
        int d = s.length;
        double[][] v = identity(d);
        double[][] a = copy(s);
        jacobi(a, v);
        double[][] out = new double[d][d];
        for (int k = 0; k < d; k++) {
            double root = Math.sqrt(Math.max(0, a[k][k]));
            for (int i = 0; i < d; i++) {
                double vik = v[i][k] * root;
                for (int j = 0; j < d; j++) {
                    out[i][j] += vik * v[j][k];
                }
            }
        }
        return out;
    }

    static double[] eigenvalues(double[][] s) {
        double[][] a = copy(s);
        jacobi(a, null);
        double[] e = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            e[i] = a[i][i];
        }
        return e;
    }

    /** Cyclic Jacobi rotations: diagonalises symmetric {@code a} in place, accumulating eigenvectors in {@code v}. */
    private static void jacobi(double[][] a, double[][] v) {
        int n = a.length;
        for (int sweep = 0; sweep < 100; sweep++) {
            double off = 0;
            double diag = 0;
            for (int i = 0; i < n; i++) {
                diag += a[i][i] * a[i][i];
                for (int j = i + 1; j < n; j++) {
                    off += a[i][j] * a[i][j];
                }
            }
            if (off <= 1e-22 * Math.max(diag, 1e-300)) {
                return;
            }
            for (int p = 0; p < n - 1; p++) {
                for (int q = p + 1; q < n; q++) {
                    double apq = a[p][q];
                    if (Math.abs(apq) < 1e-300) {
                        continue;
                    }
                    double theta = (a[q][q] - a[p][p]) / (2 * apq);
                    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    if (theta == 0) {
                        t = 1;
                    }
                    double c = 1 / Math.sqrt(t * t + 1);
                    double s = t * c;
                    for (int k = 0; k < n; k++) {
                        double akp = a[k][p];
                        double akq = a[k][q];
                        a[k][p] = c * akp - s * akq;
                        a[k][q] = s * akp + c * akq;
                    }
                    for (int k = 0; k < n; k++) {
                        double apk = a[p][k];
                        double aqk = a[q][k];
                        a[p][k] = c * apk - s * aqk;
                        a[q][k] = s * apk + c * aqk;
                    }
                    if (v != null) {
                        for (int k = 0; k < n; k++) {
                            double vkp = v[k][p];
                            double vkq = v[k][q];
                            v[k][p] = c * vkp - s * vkq;
                            v[k][q] = s * vkp + c * vkq;
                        }
                    }
                }
            }
        }
    }

    static double[][] multiply(double[][] x, double[][] y) {
        int n = x.length;
        int m = y[0].length;
        int k = y.length;
        double[][] out = new double[n][m];
        for (int i = 0; i < n; i++) {
            for (int l = 0; l < k; l++) {
                double xil = x[i][l];
                if (xil == 0) {
                    continue;
                }
                for (int j = 0; j < m; j++) {
                    out[i][j] += xil * y[l][j];
                }
            }
        }
        return out;
    }

    private static void symmetrize(double[][] m) {
        for (int i = 0; i < m.length; i++) {
            for (int j = i + 1; j < m.length; j++) {
                double avg = (m[i][j] + m[j][i]) / 2;
                m[i][j] = avg;
                m[j][i] = avg;
            }
        }
    }

    private static double[][] identity(int d) {
        double[][] id = new double[d][d];
        for (int i = 0; i < d; i++) {
            id[i][i] = 1;
        }
        return id;
    }

    private static double[][] copy(double[][] s) {
        double[][] c = new double[s.length][];
        for (int i = 0; i < s.length; i++) {
            c[i] = s[i].clone();
        }
        return c;
    }
}
