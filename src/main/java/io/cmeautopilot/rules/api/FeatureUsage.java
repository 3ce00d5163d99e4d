package io.cmeautopilot.rules.api;

/**
 * Use of one feature by one account, for features used in the 60 days before asOf.
 * A feature that is in the plan but absent here has not been used for 60 days or more.
 */
public final class FeatureUsage {

    private final long accountId;
    private final String feature;
    private final long uses30d;
    private final long usesPrev30d;
    private final int lastUsedDaysAgo;

    public FeatureUsage(long accountId, String feature, long uses30d, long usesPrev30d, int lastUsedDaysAgo) {
        this.accountId = accountId;
        this.feature = feature;
        this.uses30d = uses30d;
        this.usesPrev30d = usesPrev30d;
        this.lastUsedDaysAgo = lastUsedDaysAgo;
    }

    /** The account ({@link AccountFact#getId()}). */
    public long getAccountId() {
        return accountId;
    }

    /** Feature name as sent in feature_use events. */
    public String getFeature() {
        return feature;
    }

    /** Uses (events) in [asOf-30d, asOf). */
    public long getUses30d() {
        return uses30d;
    }

    /** Uses in [asOf-60d, asOf-30d). */
    public long getUsesPrev30d() {
        return usesPrev30d;
    }

    /** Whole days since the last use before asOf (0-59). */
    public int getLastUsedDaysAgo() {
        return lastUsedDaysAgo;
    }

    @Override
    public String toString() {
        return "FeatureUsage{" + accountId + "/" + feature + ": " + uses30d + " in 30d}";
    }
}
