package dev.aigc.career.text;

/** Rounding for responses; all computation uses the unrounded values. */
public final class Numbers {

    private Numbers() {
    }

    public static double round1(double value) {
        return Math.round(value * 10) / 10.0;
    }

    public static double round2(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
