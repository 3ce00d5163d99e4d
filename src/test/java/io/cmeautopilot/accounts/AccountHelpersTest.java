package io.cmeautopilot.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Typed attributes and merge patches, without the service around them. */
class AccountHelpersTest {

    final ObjectMapper json = new ObjectMapper();

    @Test
    void attributes_keep_their_type_and_numbers_are_exact() throws Exception {
        assertThat(AttributeCodec.fromJson(json.readTree("0.1")).typedValue()).isEqualTo(new BigDecimal("0.1"));
        assertThat(AttributeCodec.fromJson(json.readTree("true")).typedValue()).isEqualTo(true);
        assertThat(AttributeCodec.fromJson(json.readTree("\"x\"")).typedValue()).isEqualTo("x");
        assertThat(AttributeCodec.fromJson(json.readTree("{\"type\": \"date\", \"value\": \"2027-01-31\"}")).typedValue())
                .isEqualTo(LocalDate.of(2027, 1, 31));
        assertThat(AttributeCodec.fromText(AttributeType.BOOLEAN, " Yes ").typedValue()).isEqualTo(true);
        assertThat(AttributeCodec.fromText(AttributeType.NUMBER, "1e3").value()).isEqualTo("1000");
        assertThatThrownBy(() -> AttributeCodec.fromText(AttributeType.NUMBER, "abc"))
                .hasMessageContaining("'abc' is not a number");
        assertThatThrownBy(() -> AttributeCodec.fromText(AttributeType.DATE, "31/01/2027"))
                .hasMessageContaining("not an ISO date");
        assertThatThrownBy(() -> AttributeCodec.fromJson(json.readTree("[1]")))
                .hasMessageContaining("must be a string, number, boolean");
        assertThatThrownBy(() -> AttributeCodec.fromJson(json.readTree("{\"type\": \"money\", \"value\": 1}")))
                .hasMessageContaining("type must be one of");
    }

    @Test
    void a_merge_patch_replaces_merges_and_removes() throws Exception {
        ObjectNode target = (ObjectNode) json.readTree("{\"a\": 1, \"b\": {\"x\": 1, \"y\": 2}, \"c\": 3}");
        JsonMergePatch.apply(target, (ObjectNode) json.readTree("{\"a\": 9, \"b\": {\"y\": null, \"z\": 3}, \"c\": null}"));
        assertThat(target.toString()).isEqualTo("{\"a\":9,\"b\":{\"x\":1,\"z\":3}}");
    }
}
