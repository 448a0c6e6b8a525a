package dev.phylo.functions.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A line chart as inline SVG, with nothing external: lines (optionally filled down to 0, optionally with point
 * markers), shaded x ranges with labels, a legend, grid lines and labelled axes. The x axis shows either calendar
 * dates (x in epoch milliseconds) or integers. A long series is thinned to the minimum and maximum of each pixel
 * column, so its extremes (a drawdown's trough) survive. NaN values leave a gap.
 */
final class LineChart {

    enum XAxis {
        TIME,
        INTEGER
    }

    /** How a y tick is written, given the tick step. */
    interface YFormat {
        String format(double value, double step);
    }

    /** Plain numbers with as many decimals as the step needs. */
    static final YFormat NUMBER = (v, step) -> Html.grouped(v, decimals(step));
    /** Fractions as percentages. */
    static final YFormat PERCENT = (v, step) -> Html.grouped(100 * v, decimals(100 * step)) + "%";

    private record Band(double from, double to, String css, String label) {}

    private static final int LEFT = 78;
    private static final int RIGHT = 20;
    private static final int TOP = 52;
    private static final int BOTTOM = 46;

    private final String id;
    private final int width;
    private final int height;
    private final XAxis xAxis;
    private final String xLabel;
    private final String yLabel;
    private final YFormat yFormat;
    private final List<ChartLine> series = new ArrayList<>();
    private final List<Band> bands = new ArrayList<>();
    private boolean includeZero;

    LineChart(String id, int width, int height, XAxis xAxis, String xLabel, String yLabel, YFormat yFormat) {
        this.id = id;
        this.width = width;
        this.height = height;
        this.xAxis = xAxis;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        this.yFormat = yFormat;
    }

    LineChart line(String label, String css, double[] x, double[] y, boolean markers) {
        series.add(new ChartLine(label, css, x, y, false, markers));
        return this;
    }

    /** A line filled down to y = 0 (a drawdown). */
    LineChart area(String label, String css, double[] x, double[] y) {
        series.add(new ChartLine(label, css, x, y, true, false));
        includeZero = true;
        return this;
    }

    LineChart band(double from, double to, String css, String label) {
        bands.add(new Band(from, to, css, label));
        return this;
    }

    LineChart includeZero() {
        includeZero = true;
        return this;
    }

    String svg(String title) {
        double x0 = Double.POSITIVE_INFINITY;
        double x1 = Double.NEGATIVE_INFINITY;
        double y0 = includeZero ? 0 : Double.POSITIVE_INFINITY;
        double y1 = includeZero ? 0 : Double.NEGATIVE_INFINITY;
        for (ChartLine s : series) {
            for (int i = 0; i < s.size(); i++) {
                x0 = Math.min(x0, s.x(i));
                x1 = Math.max(x1, s.x(i));
                if (Double.isFinite(s.y(i))) {
                    y0 = Math.min(y0, s.y(i));
                    y1 = Math.max(y1, s.y(i));
                }
            }
        }
        if (!(x0 <= x1)) {
            throw new IllegalStateException("chart " + id + " has no points");
        }
        if (!(y0 <= y1)) {
            y0 = 0;
            y1 = 1;
        }
        if (x0 == x1) {
            x0 -= xAxis == XAxis.INTEGER ? 1 : 3_600_000;
            x1 += xAxis == XAxis.INTEGER ? 1 : 3_600_000;
        }
        if (y0 == y1) {
            double pad = y0 == 0 ? 1 : Math.abs(y0) * 0.1;
            y0 -= pad;
            y1 += pad;
        }
        // 4 % headroom, so that no line runs along the frame; never across zero (an equity curve's axis does not go
        // negative), and not at a zero the chart is anchored to
        double pad = 0.04 * (y1 - y0);
        y0 = includeZero && y0 == 0 ? 0 : y0 >= 0 ? Math.max(0, y0 - pad) : y0 - pad;
        y1 = includeZero && y1 == 0 ? 0 : y1 <= 0 ? Math.min(0, y1 + pad) : y1 + pad;
        double step = niceStep((y1 - y0) / 5);
        ChartFrame f = new ChartFrame(
                LEFT,
                TOP,
                width - LEFT - RIGHT,
                height - TOP - BOTTOM,
                x0,
                x1,
                Math.floor(y0 / step) * step,
                Math.ceil(y1 / step - 1e-9) * step);

        StringBuilder svg = new StringBuilder(16_384);
        svg.append("<svg class=\"chart\" id=\"")
                .append(id)
                .append("\" viewBox=\"0 0 ")
                .append(width)
                .append(' ')
                .append(height)
                .append("\" width=\"")
                .append(width)
                .append("\" height=\"")
                .append(height)
                .append("\" role=\"img\" aria-label=\"")
                .append(Html.escape(title))
                .append("\">\n");
        svg.append("<title>").append(Html.escape(title)).append("</title>\n");
        svg.append("<defs><clipPath id=\"")
                .append(id)
                .append("-plot\"><rect x=\"")
                .append(LEFT)
                .append("\" y=\"")
                .append(TOP)
                .append("\" width=\"")
                .append(f.plotWidth())
                .append("\" height=\"")
                .append(f.plotHeight())
                .append("\"/></clipPath></defs>\n");
        for (Band b : bands) {
            double bx0 = f.x(Math.max(b.from(), x0));
            double bx1 = f.x(Math.min(b.to(), x1));
            svg.append("<rect class=\"band ")
                    .append(b.css())
                    .append("\" x=\"")
                    .append(Html.coordinate(bx0))
                    .append("\" y=\"")
                    .append(TOP)
                    .append("\" width=\"")
                    .append(Html.coordinate(bx1 - bx0))
                    .append("\" height=\"")
                    .append(f.plotHeight())
                    .append("\"/>\n");
            // labelled in the strip above the plot, centred on the band, where no data can hide it
            svg.append("<text class=\"band-label ")
                    .append(b.css())
                    .append("\" x=\"")
                    .append(Html.coordinate((bx0 + bx1) / 2))
                    .append("\" y=\"")
                    .append(TOP - 7)
                    .append("\" text-anchor=\"middle\">")
                    .append(Html.escape(b.label()))
                    .append("</text>\n");
            svg.append("<line class=\"band-edge ")
                    .append(b.css())
                    .append("\" x1=\"")
                    .append(Html.coordinate(bx0))
                    .append("\" x2=\"")
                    .append(Html.coordinate(bx1))
                    .append("\" y1=\"")
                    .append(TOP - 2)
                    .append("\" y2=\"")
                    .append(TOP - 2)
                    .append("\"/>\n");
        }
        yGrid(svg, f, step);
        xGrid(svg, f);
        svg.append("<g clip-path=\"url(#").append(id).append("-plot)\">\n");
        for (ChartLine s : series) {
            s.drawPath(svg, f);
        }
        svg.append("</g>\n");
        for (ChartLine s : series) {
            if (s.markers()) {
                s.drawMarkers(svg, f); // outside the clip: a marker on the frame's edge stays whole
            }
        }
        svg.append("<rect class=\"frame\" x=\"")
                .append(LEFT)
                .append("\" y=\"")
                .append(TOP)
                .append("\" width=\"")
                .append(f.plotWidth())
                .append("\" height=\"")
                .append(f.plotHeight())
                .append("\"/>\n");
        legend(svg);
        svg.append("<text class=\"axis-label\" x=\"")
                .append(LEFT + f.plotWidth() / 2)
                .append("\" y=\"")
                .append(height - 8)
                .append("\" text-anchor=\"middle\">")
                .append(Html.escape(xLabel))
                .append("</text>\n");
        svg.append("<text class=\"axis-label\" transform=\"translate(16,")
                .append(TOP + f.plotHeight() / 2)
                .append(") rotate(-90)\" text-anchor=\"middle\">")
                .append(Html.escape(yLabel))
                .append("</text>\n");
        return svg.append("</svg>").toString();
    }

    private void yGrid(StringBuilder svg, ChartFrame f, double step) {
        int count = (int) Math.round((f.y1() - f.y0()) / step);
        for (int i = 0; i <= count; i++) {
            double v = f.y0() + i * step;
            double y = f.y(v);
            svg.append("<line class=\"grid\" x1=\"")
                    .append(LEFT)
                    .append("\" x2=\"")
                    .append(LEFT + f.plotWidth())
                    .append("\" y1=\"")
                    .append(Html.coordinate(y))
                    .append("\" y2=\"")
                    .append(Html.coordinate(y))
                    .append("\"/><text class=\"tick\" x=\"")
                    .append(LEFT - 6)
                    .append("\" y=\"")
                    .append(Html.coordinate(y + 4))
                    .append("\" text-anchor=\"end\">")
                    .append(Html.escape(yFormat.format(Math.abs(v) < step * 1e-9 ? 0.0 : v, step)))
                    .append("</text>\n");
        }
    }

    private void xGrid(StringBuilder svg, ChartFrame f) {
        List<Double> positions = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        if (xAxis == XAxis.TIME) {
            for (TimeTicks.Tick t : TimeTicks.between((long) f.x0(), (long) f.x1(), 7)) {
                positions.add((double) t.millis());
                labels.add(t.label());
            }
        } else {
            double step = Math.max(1, niceStep((f.x1() - f.x0()) / 8));
            for (double v = Math.ceil(f.x0() / step) * step; v <= f.x1(); v += step) {
                positions.add(v);
                labels.add(Html.grouped(v, 0));
            }
        }
        int bottom = TOP + f.plotHeight();
        for (int i = 0; i < positions.size(); i++) {
            double x = f.x(positions.get(i));
            svg.append("<line class=\"grid\" x1=\"")
                    .append(Html.coordinate(x))
                    .append("\" x2=\"")
                    .append(Html.coordinate(x))
                    .append("\" y1=\"")
                    .append(TOP)
                    .append("\" y2=\"")
                    .append(bottom)
                    .append("\"/><text class=\"tick\" x=\"")
                    .append(Html.coordinate(x))
                    .append("\" y=\"")
                    .append(bottom + 16)
                    .append("\" text-anchor=\"middle\">")
                    .append(Html.escape(labels.get(i)))
                    .append("</text>\n");
        }
    }

    private void legend(StringBuilder svg) {
        int x = LEFT;
        for (ChartLine s : series) {
            svg.append("<line class=\"line ")
                    .append(s.css())
                    .append("\" x1=\"")
                    .append(x)
                    .append("\" x2=\"")
                    .append(x + 22)
                    .append("\" y1=\"")
                    .append(TOP - 36)
                    .append("\" y2=\"")
                    .append(TOP - 36)
                    .append("\"/><text class=\"legend\" x=\"")
                    .append(x + 28)
                    .append("\" y=\"")
                    .append(TOP - 32)
                    .append("\">")
                    .append(Html.escape(s.label()))
                    .append("</text>\n");
            x += 40 + 7 * s.label().length();
        }
    }

    /** 1, 2 or 5 times a power of ten, at least {@code raw}. */
    static double niceStep(double raw) {
        if (!(raw > 0) || !Double.isFinite(raw)) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        double m = raw / power;
        return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * power;
    }

    private static int decimals(double step) {
        return Math.max(0, (int) Math.ceil(-Math.log10(step) - 1e-9));
    }
}
