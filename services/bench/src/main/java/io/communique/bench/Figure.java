package io.communique.bench;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/**
 * One measured figure: printed in the table, and as one machine-readable line {@code NAME VALUE UNIT}.
 *
 * @param goal the goal on the reference machine, in words ("" when the figure is a baseline)
 */
record Figure(String name, double value, String unit, String goal, String what) {

    String line() {
        return String.format(Locale.ROOT, "%s %s %s", name, format(value), unit);
    }

    /**
     * Whole numbers from 100, two decimals from 1, three significant digits below (a ratio of 0.004, as a tiny run
     * gives, is not printed as 0.00), never in exponent notation.
     */
    static String format(double value) {
        if (value >= 100) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        if (value >= 1 || value <= 0) {
            return String.format(Locale.ROOT, "%.2f", value);
        }
        return new BigDecimal(value).round(new MathContext(3)).stripTrailingZeros().toPlainString();
    }
}
