package io.cmeautopilot.rules;

import java.util.Map;

import io.cmeautopilot.rules.api.ProposedAction;

/**
 * A proposed action with its provenance: the rule that inserted it, the rule book version, and the
 * values of the matched facts that the rule's conditions refer to (the evidence).
 */
public record Proposal(ProposedAction action, String rulePackage, String rule, String ruleBookVersion,
        Map<String, Object> evidence) {

    /** Rule + account + kind (+ discriminator): proposals with the same key are the same action. */
    public String dedupeKey() {
        String key = rulePackage + "." + rule + "|" + action.getAccountId() + "|" + action.getKind();
        return action.getDiscriminator() == null ? key : key + "|" + action.getDiscriminator();
    }
}
