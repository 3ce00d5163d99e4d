package io.cmeautopilot.evaluation;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "cme.evaluation")
interface EvaluationConfig {

    /** Accounts per chunk: one snapshot query, one rule session and one transaction each. */
    @WithDefault("1000")
    int chunkSize();

    /** A run over at most this many listed account ids is answered when done (200); larger ones answer 202 at once. */
    @WithDefault("1000")
    int syncMaxAccounts();

    /** Chunks this node works on at once. */
    @WithDefault("2")
    int workers();

    /** How long a claimed chunk stays this node's; after that (the node died or hangs) any node may take it again. */
    @WithDefault("PT5M")
    Duration chunkLease();

    /** Attempts at a chunk that keeps failing before it is marked failed (the run then fails). */
    @WithDefault("3")
    int chunkMaxAttempts();

    /** How often each node looks for chunks to work on and for runs to finish. */
    @WithDefault("1s")
    String pollInterval();

    /** This node's name in chunk claims; defaults to pid@host. */
    Optional<String> nodeId();

    /** How often accounts with new signals are evaluated ("off" disables). */
    @WithDefault("2s")
    String dirtyInterval();

    /** How long an account's signals must be quiet before it is evaluated. */
    @WithDefault("PT3S")
    Duration dirtyDebounce();
}
