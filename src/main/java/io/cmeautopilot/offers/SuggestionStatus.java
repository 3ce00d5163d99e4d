package io.cmeautopilot.offers;

import java.util.EnumSet;
import java.util.Set;

/** Where an expansion suggestion is: SUGGESTED -> PURSUED -> WON / LOST, or DISMISSED. */
public enum SuggestionStatus {
    SUGGESTED, PURSUED, WON, LOST, DISMISSED;

    public static final Set<SuggestionStatus> OPEN_STATES = EnumSet.of(SUGGESTED, PURSUED);

    boolean isClosed() {
        return !OPEN_STATES.contains(this);
    }

    /** The legal moves; anything else is a 409 that changes nothing. */
    boolean canMoveTo(SuggestionStatus next) {
        return switch (next) {
            case PURSUED, DISMISSED -> this == SUGGESTED;
            case WON, LOST -> this == PURSUED;
            case SUGGESTED -> false;
        };
    }
}
