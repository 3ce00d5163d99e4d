package io.cmeautopilot.notify.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class BackoffTest {

    private static final List<Duration> DEFAULT = List.of(Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofMinutes(30),
            Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(10));

    @Test
    void the_default_schedule_gives_eight_attempts_over_more_than_24_hours() {
        Backoff backoff = new Backoff(DEFAULT, 0.2, () -> 0.5);
        assertThat(backoff.maxAttempts()).isEqualTo(8);
        assertThat(backoff.span()).isGreaterThan(Duration.ofHours(24)).isEqualTo(Duration.parse("PT27H35M5S"));
    }

    @Test
    void the_nth_failure_waits_the_nth_delay_and_after_the_last_there_is_none() {
        Backoff backoff = new Backoff(DEFAULT, 0.2, () -> 0.5);
        assertThat(backoff.delayAfter(1)).contains(Duration.ofSeconds(5));
        assertThat(backoff.delayAfter(4)).contains(Duration.ofHours(2));
        assertThat(backoff.delayAfter(7)).contains(Duration.ofHours(10));
        assertThat(backoff.delayAfter(8)).isEmpty();
        assertThat(backoff.delayAfter(0)).isEmpty();
    }

    @Test
    void jitter_stretches_or_shrinks_a_delay_by_at_most_its_fraction() {
        assertThat(new Backoff(DEFAULT, 0.2, () -> 0.0).delayAfter(4)).contains(Duration.ofMinutes(96));
        assertThat(new Backoff(DEFAULT, 0.2, () -> 0.999999).delayAfter(4).orElseThrow())
                .isBetween(Duration.ofMinutes(143), Duration.ofMinutes(144));
        assertThat(new Backoff(DEFAULT, 0, () -> 0.0).delayAfter(4)).contains(Duration.ofHours(2));
    }

    @Test
    void a_schedule_with_a_zero_or_negative_delay_or_a_jitter_of_one_or_more_is_refused() {
        assertThatThrownBy(() -> new Backoff(List.of(Duration.ZERO), 0.2, () -> 0.5)).hasMessageContaining("positive");
        assertThatThrownBy(() -> new Backoff(DEFAULT, 1.0, () -> 0.5)).hasMessageContaining("jitter");
    }
}
