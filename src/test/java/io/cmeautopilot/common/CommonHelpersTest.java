package io.cmeautopilot.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Plain unit tests of the shared helpers; no Quarkus boot. */
class CommonHelpersTest {

    @Test
    void a_cursor_round_trips_its_keys_and_rejects_anything_else() {
        String cursor = Cursor.encode(2, "2026-01-01T00:00:00Z", 42L);
        assertThat(Cursor.decode(cursor, 3)).containsExactly("2", "2026-01-01T00:00:00Z", "42");
        assertThat(Cursor.decodeLong(Cursor.encode(7L))).isEqualTo(7L);
        assertThatThrownBy(() -> Cursor.decode(cursor, 2)).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> Cursor.decode("%%%", 1)).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> Cursor.decodeLong(Cursor.encode("x"))).isInstanceOf(ProblemException.class);
    }

    @Test
    void named_sql_turns_names_into_placeholders_and_leaves_casts_alone() {
        assertThat(NamedSql.of("SELECT :a::text, CAST(:b AS int), x::date, :a").jdbcSql())
                .isEqualTo("SELECT ?::text, CAST(? AS int), x::date, ?");
    }
}
