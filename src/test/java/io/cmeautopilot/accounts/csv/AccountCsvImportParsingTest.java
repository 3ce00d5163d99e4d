package io.cmeautopilot.accounts.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.cmeautopilot.accounts.AttributeType;
import io.cmeautopilot.common.Problem.FieldError;

/** The file and mapping logic without Quarkus: line numbers, BOM, blank lines, column plans. */
class AccountCsvImportParsingTest {

    private static List<CsvRows.Row> rows(byte[] bytes) throws IOException {
        List<CsvRows.Row> rows = new ArrayList<>();
        try (CsvRows csv = CsvRows.open(new ByteArrayInputStream(bytes))) {
            for (Optional<CsvRows.Row> row = csv.next(); row.isPresent(); row = csv.next()) {
                rows.add(row.get());
            }
        }
        return rows;
    }

    private static List<CsvRows.Row> rows(String text) throws IOException {
        return rows(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void records_carry_the_physical_line_they_start_on() throws IOException {
        List<CsvRows.Row> rows = rows("a,b\r\n1,\"x\r\ny\r\nz\"\r\n\r\n2,w\r\n,\n3,\"\"\"q\"\"\"");
        assertThat(rows).extracting(CsvRows.Row::line).containsExactly(1L, 2L, 6L, 8L);
        assertThat(rows.get(1).cells()).containsExactly("1", "x\r\ny\r\nz");
        assertThat(rows.get(3).cells()).containsExactly("3", "\"q\"");
    }

    @Test
    void a_utf8_bom_is_dropped_and_only_a_bom() throws IOException {
        byte[] bom = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };
        byte[] body = "id,name\n".getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, withBom, 0, bom.length);
        System.arraycopy(body, 0, withBom, bom.length, body.length);
        assertThat(rows(withBom).get(0).cells()).containsExactly("id", "name");
        assertThat(rows("id").get(0).cells()).containsExactly("id");
        assertThat(rows("")).isEmpty();
    }

    @Test
    void latin1_bytes_and_unclosed_quotes_are_unreadable_at_their_line() {
        byte[] latin1 = "a,b\n1,caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> rows(latin1)).isInstanceOf(CsvRows.Unreadable.class).hasMessageContaining("UTF-8");
        assertThatThrownBy(() -> rows("a,b\n1,2\n3,\"open\n"))
                .isInstanceOfSatisfying(CsvRows.Unreadable.class, e -> assertThat(e.line()).isEqualTo(3))
                .hasMessageContaining("malformed CSV");
    }

    @Test
    void unmapped_columns_become_known_fields_or_string_attributes() {
        List<FieldError> errors = new ArrayList<>();
        Map<String, ColumnTarget> mapping = ImportMapping.parse("{\"Ref\": \"external_id\", \"Note\": \"IGNORE\"}",
                new ObjectMapper(), errors);
        ColumnPlan plan = ColumnPlan.resolve(List.of("Ref", " Name ", "Note", "Seats", "Go Live Date"), mapping, errors);
        assertThat(errors).isEmpty();
        assertThat(plan.fields()).containsExactly(KnownField.EXTERNAL_ID, KnownField.NAME, KnownField.GO_LIVE_DATE);
        assertThat(plan.target(2)).isInstanceOf(ColumnTarget.Ignored.class);
        assertThat(plan.target(3)).isEqualTo(new ColumnTarget.Attribute("Seats", AttributeType.STRING));
        assertThat(plan.headerOf(KnownField.NAME)).isEqualTo("Name");
    }

    @Test
    void a_column_without_a_header_must_be_ignored_explicitly() {
        List<FieldError> errors = new ArrayList<>();
        ColumnPlan.resolve(List.of("externalId", "name", ""), Map.of(), errors);
        assertThat(errors).extracting(FieldError::message).singleElement().asString().contains("has no header");

        errors.clear();
        Map<String, ColumnTarget> mapping = ImportMapping.parse("{\"\": \"ignore\"}", new ObjectMapper(), errors);
        ColumnPlan.resolve(List.of("externalId", "name", "", ""), mapping, errors);
        assertThat(errors).isEmpty();
    }

    @Test
    void the_upsert_writes_only_mapped_columns_and_keeps_a_stage_left_blank() {
        String sql = AccountUpsertBatch.sql(List.of(KnownField.EXTERNAL_ID, KnownField.NAME, KnownField.STAGE));
        assertThat(sql).doesNotContain("tier").doesNotContain("external_id = excluded")
                .contains("stage = COALESCE(?, accounts.stage)")
                .contains("attributes = (accounts.attributes || excluded.attributes) - ?::text[]")
                .contains("version = accounts.version + 1");
    }
}
