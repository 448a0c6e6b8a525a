package dev.phylo.functions.report;

import java.util.ArrayList;
import java.util.List;

/**
 * One series of a {@link LineChart} and how it is drawn: a line, optionally filled down to y = 0 (a drawdown), with
 * optional point markers. A long series is thinned to the first, minimum, maximum and last point of each pixel column,
 * so that its extremes (a drawdown's trough) survive.
 *
 * <p>A final class, not a record: it holds the caller's arrays as they are (a chart is built and drawn at once) and
 * is never compared.
 */
final class ChartLine {
    private final String label;
    private final String css;
    private final double[] x;
    private final double[] y;
    private final boolean fill;
    private final boolean markers;

    /** {@code css} is the CSS class that colours the line; NaN values in {@code y} leave a gap. */
    ChartLine(String label, String css, double[] x, double[] y, boolean fill, boolean markers) {
        if (x.length != y.length) {
            throw new IllegalArgumentException(
                    "series " + label + ": " + x.length + " x values but " + y.length + " y values");
        }
        this.label = label;
        this.css = css;
        this.x = x;
        this.y = y;
        this.fill = fill;
        this.markers = markers;
    }

    String label() {
        return label;
    }

    String css() {
        return css;
    }

    boolean markers() {
        return markers;
    }

    int size() {
        return x.length;
    }

    double x(int i) {
        return x[i];
    }

    double y(int i) {
        return y[i];
    }

    /** The line as an SVG path (NaN values leave a gap), with its fill down to y = 0 first when it has one. */
    void drawPath(StringBuilder svg, ChartFrame f) {
        List<double[]> points = thin(f);
        StringBuilder d = new StringBuilder(points.size() * 14);
        boolean open = false;
        double firstX = 0;
        double lastX = 0;
        for (double[] p : points) {
            if (!Double.isFinite(p[1])) {
                open = false;
                continue;
            }
            if (!open && fill) {
                firstX = p[0];
            }
            d.append(open ? " L" : (d.length() == 0 ? "M" : " M"))
                    .append(Html.coordinate(p[0]))
                    .append(',')
                    .append(Html.coordinate(p[1]));
            open = true;
            lastX = p[0];
        }
        if (fill && d.length() > 0) {
            String zero = Html.coordinate(f.y(0));
            svg.append("<path class=\"fill ")
                    .append(css)
                    .append("\" d=\"M")
                    .append(Html.coordinate(firstX))
                    .append(',')
                    .append(zero)
                    .append(" L")
                    .append(d.substring(1).replace(" M", " L"))
                    .append(" L")
                    .append(Html.coordinate(lastX))
                    .append(',')
                    .append(zero)
                    .append(" Z\"/>\n");
        }
        svg.append("<path class=\"line ")
                .append(css)
                .append("\" d=\"")
                .append(d)
                .append("\"/>\n");
    }

    /** A circle at each point. */
    void drawMarkers(StringBuilder svg, ChartFrame f) {
        for (double[] p : thin(f)) {
            if (Double.isFinite(p[1])) {
                svg.append("<circle class=\"marker ")
                        .append(css)
                        .append("\" cx=\"")
                        .append(Html.coordinate(p[0]))
                        .append("\" cy=\"")
                        .append(Html.coordinate(p[1]))
                        .append("\" r=\"3.5\"/>\n");
            }
        }
    }

    /** Screen points; more than two per pixel column become that column's first, minimum, maximum and last. */
    private List<double[]> thin(ChartFrame f) {
        int n = x.length;
        List<double[]> out = new ArrayList<>();
        if (n <= 2 * f.plotWidth()) {
            for (int i = 0; i < n; i++) {
                out.add(new double[] {f.x(x[i]), Double.isFinite(y[i]) ? f.y(y[i]) : Double.NaN});
            }
            return out;
        }
        int i = 0;
        while (i < n) {
            long column = (long) Math.floor(f.x(x[i]));
            int start = i;
            int min = i;
            int max = i;
            while (i < n && (long) Math.floor(f.x(x[i])) == column) {
                min = y[i] < y[min] ? i : min;
                max = y[i] > y[max] ? i : max;
                i++;
            }
            int end = i - 1;
            int lo = Math.min(min, max);
            int hi = Math.max(min, max);
            for (int k : new int[] {start, lo, hi, end}) {
                double[] p = {f.x(x[k]), f.y(y[k])};
                if (out.isEmpty() || out.get(out.size() - 1)[0] != p[0] || out.get(out.size() - 1)[1] != p[1]) {
                    out.add(p);
                }
            }
        }
        return out;
    }
}
