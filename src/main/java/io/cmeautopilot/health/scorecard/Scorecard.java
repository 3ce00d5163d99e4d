package io.cmeautopilot.health.scorecard;

import java.util.List;

/**
 * A validated scorecard file: the default variant and the per-segment ones. {@code version} is the
 * SHA-256 of the file's content, stored with every score computed with it.
 */
public record Scorecard(String file, String version, ScorecardVariant defaults, List<ScorecardVariant> variants) {

    public Scorecard {
        variants = List.copyOf(variants);
    }

    /** The variant for an account of this segment: the one naming the segment, else the default. */
    public ScorecardVariant forSegment(String segment) {
        if (segment != null) {
            for (ScorecardVariant variant : variants) {
                if (variant.segments().contains(segment)) {
                    return variant;
                }
            }
        }
        return defaults;
    }

    public String shortVersion() {
        return version.substring(0, 12);
    }
}
