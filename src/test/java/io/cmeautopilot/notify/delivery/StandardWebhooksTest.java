package io.cmeautopilot.notify.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The signature against the example published with the Standard Webhooks specification. */
class StandardWebhooksTest {

    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long TIMESTAMP = 1614265330;
    private static final String BODY = "{\"test\": 2432232314}";

    @Test
    void signs_the_specification_example_as_published() {
        assertThat(StandardWebhooks.signatures(List.of(SECRET), ID, TIMESTAMP, BODY))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void during_a_rotation_it_sends_one_signature_per_secret_separated_by_a_space() {
        String both = StandardWebhooks.signatures(List.of("whsec_" + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", SECRET), ID, TIMESTAMP, BODY);
        assertThat(both.split(" ")).hasSize(2).contains("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void any_change_to_id_timestamp_or_body_changes_the_signature() {
        String original = StandardWebhooks.sign(SECRET, ID, TIMESTAMP, BODY);
        assertThat(StandardWebhooks.sign(SECRET, ID + "x", TIMESTAMP, BODY)).isNotEqualTo(original);
        assertThat(StandardWebhooks.sign(SECRET, ID, TIMESTAMP + 1, BODY)).isNotEqualTo(original);
        assertThat(StandardWebhooks.sign(SECRET, ID, TIMESTAMP, BODY + " ")).isNotEqualTo(original);
    }
}
