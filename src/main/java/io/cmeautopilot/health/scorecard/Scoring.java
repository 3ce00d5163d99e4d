package io.cmeautopilot.health.scorecard;

import java.util.List;
import java.util.stream.Collectors;

/** How a measure turns a metric's value into points from 0 to 100. */
public sealed interface Scoring permits Scoring.Linear, Scoring.Thresholds {

    double points(double value);

    /** The rule in words, e.g. "linear: -0.5 -> 0, 0 -> 70, 0.25 -> 100" (for the scorecard view and reports). */
    String describe();

    /** One corner of a linear band: at {@code value}, {@code points}. */
    record Point(double value, double points) {
    }

    /**
     * Straight lines between the points (values strictly increasing); flat before the first point and
     * after the last, so a value far outside the bands still gets the nearest end's points.
     */
    record Linear(List<Point> points) implements Scoring {

        public Linear {
            points = List.copyOf(points);
        }

        @Override
        public double points(double value) {
            Point first = points.get(0);
            if (value <= first.value()) {
                return first.points();
            }
            for (int i = 1; i < points.size(); i++) {
                Point to = points.get(i);
                if (value <= to.value()) {
                    Point from = points.get(i - 1);
                    double share = (value - from.value()) / (to.value() - from.value());
                    return from.points() + share * (to.points() - from.points());
                }
            }
            return points.get(points.size() - 1).points();
        }

        @Override
        public String describe() {
            return "linear: " + points.stream().map(p -> number(p.value()) + " -> " + number(p.points()))
                    .collect(Collectors.joining(", "));
        }
    }

    /** Which side of a band's limit a value must be on. */
    enum Bound {
        AT_LEAST(">="), ABOVE(">"), AT_MOST("<="), BELOW("<"), OTHERWISE("otherwise");

        final String symbol;

        Bound(String symbol) {
            this.symbol = symbol;
        }

        boolean holds(double value, double limit) {
            return switch (this) {
                case AT_LEAST -> value >= limit;
                case ABOVE -> value > limit;
                case AT_MOST -> value <= limit;
                case BELOW -> value < limit;
                case OTHERWISE -> true;
            };
        }
    }

    /** One threshold band; the last band of a list is always {@link Bound#OTHERWISE}. */
    record Band(Bound bound, double limit, double points) {
    }

    /** Bands tried in order, the first that holds gives the points; the last one always holds. */
    record Thresholds(List<Band> bands) implements Scoring {

        public Thresholds {
            bands = List.copyOf(bands);
        }

        @Override
        public double points(double value) {
            for (Band band : bands) {
                if (band.bound().holds(value, band.limit())) {
                    return band.points();
                }
            }
            throw new IllegalStateException("thresholds without a final band");
        }

        @Override
        public String describe() {
            return "thresholds: " + bands.stream().map(b -> (b.bound() == Bound.OTHERWISE ? "otherwise"
                    : b.bound().symbol + " " + number(b.limit())) + " -> " + number(b.points()))
                    .collect(Collectors.joining(", "));
        }
    }

    private static String number(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }
}
