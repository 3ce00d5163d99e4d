package io.cmeautopilot.snapshot;

import java.util.List;

import io.cmeautopilot.rules.api.AccountFact;
import io.cmeautopilot.rules.api.FeatureUsage;

/** One account's facts and feature usage as of an instant: what the rules would see. */
public record AccountSnapshot(AccountFact account, List<FeatureUsage> features) {
}
