package io.cmeautopilot.offers;

import java.util.EnumSet;
import java.util.Set;

/** Where a retention offer is: PROPOSED -> APPROVED -> SENT -> ACCEPTED / DECLINED / EXPIRED, or REJECTED. */
public enum OfferStatus {
    PROPOSED, APPROVED, SENT, ACCEPTED, DECLINED, EXPIRED, REJECTED;

    public static final Set<OfferStatus> OPEN_STATES = EnumSet.of(PROPOSED, APPROVED, SENT);

    boolean isClosed() {
        return !OPEN_STATES.contains(this);
    }

    /** The legal moves; anything else is a 409 that changes nothing. */
    boolean canMoveTo(OfferStatus next) {
        return switch (next) {
            case APPROVED, REJECTED -> this == PROPOSED;
            case SENT -> this == APPROVED;
            case ACCEPTED, DECLINED -> this == SENT;
            case EXPIRED -> this == APPROVED || this == SENT;
            case PROPOSED -> false;
        };
    }
}
