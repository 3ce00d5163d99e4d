package io.cmeautopilot.rules.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Codes as rule authors write them. Plain JUnit. */
class CodesTest {

    @Test
    void codes_are_read_exactly_or_case_insensitively_and_unknown_ones_are_explained() {
        assertThat(TaskType.fromCode("churn-risk")).isEqualTo(TaskType.CHURN_RISK);
        assertThat(TaskType.fromCode(" Churn-Risk ")).isEqualTo(TaskType.CHURN_RISK);
        assertThat(TaskType.fromCode("HEALTH_CHECK")).isEqualTo(TaskType.HEALTH_CHECK);
        assertThat(OfferKind.fromCode("free-addon")).isEqualTo(OfferKind.FREE_ADDON);
        assertThat(Channel.fromCode("slack")).isEqualTo(Channel.SLACK);
        for (TaskType type : TaskType.values()) {
            assertThat(TaskType.fromCode(type.code())).isEqualTo(type);
        }
        assertThatThrownBy(() -> TaskType.fromCode("churn")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("task type 'churn' is unknown; use one of onboarding, adoption, health-check, renewal, "
                        + "expansion, churn-risk, escalation, custom");
        assertThatThrownBy(() -> TaskType.fromCode(" ")).hasMessage("task type is required");
        assertThatThrownBy(() -> TaskType.fromCode(null)).hasMessage("task type is required");
    }
}
