package dev.phylo.functions.report;

/**
 * The plot area of a {@link LineChart} and its scales: where the area sits in the SVG, and which data range its
 * edges stand for.
 *
 * @param left       the plot area's left edge, in SVG units
 * @param top        its top edge
 * @param plotWidth  its width
 * @param plotHeight its height
 * @param x0         the data x at the left edge; {@code x1} at the right
 * @param y0         the data y at the bottom edge; {@code y1} at the top
 */
record ChartFrame(int left, int top, int plotWidth, int plotHeight, double x0, double x1, double y0, double y1) {

    /** The SVG x of data x {@code v}. */
    double x(double v) {
        return left + (v - x0) / (x1 - x0) * plotWidth;
    }

    /** The SVG y of data y {@code v} (SVG y grows downwards). */
    double y(double v) {
        return top + (y1 - v) / (y1 - y0) * plotHeight;
    }
}
