package io.cmeautopilot.rules;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The active rule book of this node. Swapped atomically; an evaluation reads it once and keeps that
 * book (and its KieBase) to the end, so a swap never changes the rules under a running evaluation.
 */
@ApplicationScoped
public class RuleBookHolder {

    private final AtomicReference<RuleBook> active = new AtomicReference<>();

    public Optional<RuleBook> current() {
        return Optional.ofNullable(active.get());
    }

    /** Makes {@code book} active; returns the one it replaced. */
    RuleBook activate(RuleBook book) {
        return active.getAndSet(book);
    }
}
