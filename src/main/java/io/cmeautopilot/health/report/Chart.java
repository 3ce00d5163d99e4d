package io.cmeautopilot.health.report;

import java.util.List;

import io.quarkus.qute.TemplateData;

/**
 * A chart as plain SVG geometry (computed here, drawn by the {@code svgchart} template tag): shaded
 * bands, bars, one polyline with dots, and text labels. Coordinates are in the SVG's own units.
 */
@TemplateData
public record Chart(String title, int width, int height, List<Rect> bands, List<Rect> bars, String line, List<Dot> dots,
        List<Label> labels, String empty) {

    /** A rectangle; {@code css} is its class (e.g. "band-red", "bar"); {@code title} its tooltip. */
    @TemplateData
    public record Rect(double x, double y, double w, double h, String css, String title) {
    }

    @TemplateData
    public record Dot(double x, double y, String title) {
    }

    /** Text at (x, y); {@code anchor} is start, middle or end. */
    @TemplateData
    public record Label(double x, double y, String text, String anchor) {
    }

    public boolean hasData() {
        return empty == null;
    }
}
