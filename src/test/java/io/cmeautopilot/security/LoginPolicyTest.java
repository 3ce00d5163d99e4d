package io.cmeautopilot.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.cmeautopilot.security.users.LoginPolicy;

class LoginPolicyTest {

    final LoginPolicy policy = new LoginPolicy() {
        @Override
        public int maxFailures() {
            return 5;
        }

        @Override
        public Duration firstLock() {
            return Duration.ofMinutes(1);
        }

        @Override
        public Duration longestLock() {
            return Duration.ofHours(1);
        }
    };

    @Test
    void locks_double_with_each_further_failure_up_to_the_longest() {
        assertThat(policy.lockAfter(5)).isEqualTo(Duration.ofMinutes(1));
        assertThat(policy.lockAfter(6)).isEqualTo(Duration.ofMinutes(2));
        assertThat(policy.lockAfter(8)).isEqualTo(Duration.ofMinutes(8));
        assertThat(policy.lockAfter(12)).isEqualTo(Duration.ofHours(1));
        assertThat(policy.lockAfter(500)).isEqualTo(Duration.ofHours(1));
    }
}
