package io.cmeautopilot.rules.api;

/** Where an account is in its lifecycle; set by the CME or the integration that owns accounts. */
public enum Stage {
    ONBOARDING, ADOPTION, ESTABLISHED, RENEWAL, AT_RISK, CHURNED
}
