package io.communique.bench;

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

    static String format(double value) {
        return value >= 100 ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.2f", value);
    }
}
