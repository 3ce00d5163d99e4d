package io.cmeautopilot.rules;

/** A rule firing (or an account's whole evaluation, when {@code rule} is null) that threw. */
public record RuleFailure(String rule, long accountId, String accountExternalId, String message) {
}
