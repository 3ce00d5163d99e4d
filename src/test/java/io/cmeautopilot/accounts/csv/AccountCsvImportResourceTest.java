package io.cmeautopilot.accounts.csv;

import static io.cmeautopilot.testing.Api.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
class AccountCsvImportResourceTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String SEATS_AS_NUMBER = "{\"Seats\": {\"type\": \"number\"}}";

    /** A prefix shared by one test's external ids, so tests never see each other's accounts. */
    private static String uniquePrefix() {
        return "csv-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static ValidatableResponse importFile(String csv, String mapping, String mode) {
        var request = given().multiPart("file", "accounts.csv", csv.getBytes(StandardCharsets.UTF_8), "text/csv");
        if (mapping != null) {
            request = request.multiPart("mapping", mapping);
        }
        if (mode != null) {
            request = request.queryParam("mode", mode);
        }
        return request.when().post("/api/accounts/import").then();
    }

    private static ValidatableResponse account(String externalId) {
        return given().when().get("/api/accounts/by-external-id/" + externalId).then();
    }

    @Test
    void a_file_with_a_bom_and_quoted_cells_is_stored_exactly() {
        String p = uniquePrefix();
        String csv = "\uFEFF" + """
                externalId,name,segment
                %1$s-1,"Acme, Inc. ""The Best""
                second line",SMB
                %1$s-2,Plain,"Mid, Market"
                """.formatted(p);
        importFile(csv, null, null)
                .statusCode(200)
                .body("mode", equalTo("apply")).body("applied", equalTo(true))
                .body("rows", equalTo(2)).body("created", equalTo(2)).body("updated", equalTo(0))
                .body("errorCount", equalTo(0)).body("errors", empty());
        account(p + "-1").statusCode(200)
                .body("name", equalTo("Acme, Inc. \"The Best\"\nsecond line"))
                .body("segment", equalTo("SMB"))
                .body("stage", equalTo("ONBOARDING"));
        account(p + "-2").statusCode(200).body("segment", equalTo("Mid, Market"));
    }

    @Test
    void a_blank_attribute_cell_means_no_value_not_zero_and_removes_a_stored_value() {
        String p = uniquePrefix();
        importFile("""
                externalId,name,Seats,Plan
                %1$s-a,A,42,gold
                %1$s-b,B,,silver
                %1$s-c,C,7,bronze
                """.formatted(p), SEATS_AS_NUMBER, null).statusCode(200).body("created", equalTo(3));
        account(p + "-a").body("attributes.Seats.type", equalTo("number")).body("attributes.Seats.value", equalTo(42));
        account(p + "-b").body("attributes", not(hasKey("Seats"))).body("attributes.Plan.value", equalTo("silver"));

        importFile("""
                externalId,name,Seats
                %1$s-c,C,
                """.formatted(p), SEATS_AS_NUMBER, null).statusCode(200).body("updated", equalTo(1));
        account(p + "-c").body("attributes", not(hasKey("Seats")))
                .body("attributes.Plan.value", equalTo("bronze"));
    }

    @Test
    void a_bad_row_rejects_the_whole_file_with_physical_line_numbers_and_stores_nothing() {
        String p = uniquePrefix();
        String csv = """
                externalId,name,Seats,signupDate
                %1$s-1,Good,1,2026-01-01
                %1$s-2,"Two
                lines",abc,2026-01-02
                %1$s-3,Bad date,2,2026-13-45
                %1$s-4,,3,
                %1$s-5,Also good,4,
                """.formatted(p);
        importFile(csv, SEATS_AS_NUMBER, null)
                .statusCode(422).contentType(PROBLEM)
                .body("type", equalTo("https://cme-autopilot.io/problems/import-rejected"))
                .body("title", equalTo("Import rejected"))
                .body("status", equalTo(422))
                .body("detail", equalTo("3 row errors; nothing was imported"))
                .body("instance", equalTo("/api/accounts/import"))
                .body("applied", equalTo(false))
                .body("rows", equalTo(5)).body("created", equalTo(0)).body("errorCount", equalTo(3))
                .body("errors.line", equalTo(List.of(3, 5, 6)))
                .body("errors.column", equalTo(List.of("Seats", "signupDate", "name")))
                .body("errors[0].message", equalTo("'abc' is not a number"))
                .body("errors[1].message", equalTo("'2026-13-45' is not an ISO date (yyyy-mm-dd)"))
                .body("errors[2].message", equalTo("name is required"));
        account(p + "-1").statusCode(404);
        account(p + "-5").statusCode(404);
    }

    @Test
    void an_error_after_a_written_batch_rolls_back_the_rows_already_written() {
        String p = uniquePrefix();
        StringBuilder csv = new StringBuilder("externalId,name,stage\n");
        for (int i = 1; i <= 1200; i++) {
            csv.append(p).append('-').append(i).append(",Account ").append(i).append(",adoption\n");
        }
        csv.append(p).append("-bad,Bad,NOT_A_STAGE\n");
        importFile(csv.toString(), null, null)
                .statusCode(422).contentType(PROBLEM)
                .body("errors[0].line", equalTo(1202))
                .body("errors[0].column", equalTo("stage"))
                .body("errors[0].message", containsString("is not a stage"));
        account(p + "-1").statusCode(404);
        account(p + "-1000").statusCode(404);
    }

    @Test
    void validate_mode_reports_the_same_errors_and_writes_nothing() {
        String p = uniquePrefix();
        String bad = """
                externalId,name,Seats
                %1$s-1,Good,1
                %1$s-2,Bad,abc
                """.formatted(p);
        importFile(bad, SEATS_AS_NUMBER, "validate")
                .statusCode(422).contentType(PROBLEM)
                .body("mode", equalTo("validate")).body("applied", equalTo(false))
                .body("errors[0].line", equalTo(3)).body("errors[0].column", equalTo("Seats"));
        account(p + "-1").statusCode(404);
    }

    @Test
    void validate_mode_answers_200_for_a_clean_file_with_what_apply_would_do() {
        String p = uniquePrefix();
        importFile("externalId,name\n%s-1,Existing\n".formatted(p), null, null).statusCode(200);
        String clean = """
                externalId,name
                %1$s-1,Renamed
                %1$s-2,New
                """.formatted(p);
        importFile(clean, null, "validate")
                .statusCode(200).contentType("application/json")
                .body("mode", equalTo("validate")).body("applied", equalTo(false))
                .body("rows", equalTo(2)).body("created", equalTo(1)).body("updated", equalTo(1))
                .body("errorCount", equalTo(0));
        account(p + "-1").body("name", equalTo("Existing"));
        account(p + "-2").statusCode(404);
    }

    @Test
    void re_importing_the_same_file_updates_instead_of_creating() {
        String p = uniquePrefix();
        String csv = """
                externalId,name,tier
                %1$s-1,One,gold
                %1$s-2,Two,silver
                """.formatted(p);
        importFile(csv, null, null).statusCode(200).body("created", equalTo(2)).body("updated", equalTo(0));
        long id = account(p + "-1").extract().jsonPath().getLong("id");
        importFile(csv, null, null).statusCode(200).body("created", equalTo(0)).body("updated", equalTo(2));
        account(p + "-1").body("id", equalTo((int) id)).body("version", equalTo(1)).body("tier", equalTo("gold"));
        given().queryParam("q", "One").queryParam("limit", 500).when().get("/api/accounts").then()
                .body("items.findAll { it.externalId == '" + p + "-1' }", hasSize(1));
    }

    @Test
    void an_import_changes_only_the_columns_it_maps() {
        String p = uniquePrefix();
        importFile("""
                externalId,name,owner,stage,Contract
                %1$s-1,One,alice,RENEWAL,Enterprise
                """.formatted(p), null, null).statusCode(200);
        importFile("""
                externalId,name,team,stage
                %1$s-1,One renamed,emea,
                """.formatted(p), null, null).statusCode(200).body("updated", equalTo(1));
        account(p + "-1").body("name", equalTo("One renamed")).body("team", equalTo("emea"))
                .body("owner", equalTo("alice")).body("stage", equalTo("RENEWAL"))
                .body("attributes.Contract.value", equalTo("Enterprise"));
    }

    @Test
    void a_custom_mapping_names_attributes_types_them_and_ignores_columns() {
        String p = uniquePrefix();
        String csv = """
                Customer ID,Company,Seats Purchased,Internal Note,Renewal,Plan,Go Live Date,Active
                %1$s-1,Acme,40,do not import,2027-01-31,Enterprise,2026-02-01,yes
                """.formatted(p);
        String mapping = """
                {"Customer ID": "externalId", "Company": "name",
                 "Seats Purchased": {"attribute": "Seats", "type": "number"},
                 "Internal Note": "ignore",
                 "Renewal": {"attribute": "RenewalDate", "type": "date"},
                 "Active": {"type": "boolean"}}
                """;
        // As curl -F 'mapping=@mapping.json;type=application/json' sends it: the part's type must not matter.
        given().multiPart("file", "accounts.csv", csv.getBytes(StandardCharsets.UTF_8), "text/csv")
                .multiPart("mapping", mapping, "application/json")
                .when().post("/api/accounts/import")
                .then().statusCode(200).body("created", equalTo(1));
        account(p + "-1").statusCode(200)
                .body("name", equalTo("Acme"))
                .body("goLiveDate", equalTo("2026-02-01"))
                .body("attributes.Seats.value", equalTo(40))
                .body("attributes.RenewalDate.type", equalTo("date"))
                .body("attributes.RenewalDate.value", equalTo("2027-01-31"))
                .body("attributes.Plan.type", equalTo("string"))
                .body("attributes.Active.value", equalTo(true))
                .body("attributes", not(hasKey("Internal Note")))
                .body("attributes", not(hasKey("Customer ID")));
    }

    @Test
    void columns_named_like_known_fields_map_to_them_in_any_case_or_snake_case() {
        String p = uniquePrefix();
        importFile("""
                EXTERNAL_ID,Name,go_live_date,Stage,signup-date
                %1$s-1,Snake,2026-03-01,at_risk,2026-01-15
                """.formatted(p), null, null).statusCode(200);
        account(p + "-1").body("goLiveDate", equalTo("2026-03-01")).body("stage", equalTo("AT_RISK"))
                .body("signupDate", equalTo("2026-01-15")).body("attributes", equalTo(Map.of()));
    }

    @Test
    void mapping_errors_are_422_before_any_row_is_read() {
        String p = uniquePrefix();
        String csv = """
                id,Company,Seats
                %1$s-1,Acme,not even read
                """.formatted(p);
        String mapping = """
                {"Company": "name", "Seats": {"type": "money"}, "Absent": "ignore", "id": "identifier"}
                """;
        importFile(csv, mapping, null)
                .statusCode(422).contentType(PROBLEM)
                .body("type", equalTo("https://cme-autopilot.io/problems/validation"))
                .body("errors.field", hasItems("mapping.Seats", "mapping.Absent", "mapping.id", "mapping"))
                .body("errors.find { it.field == 'mapping' }.message", containsString("externalId"));
        importFile("externalId,name\n%s-2,X\n".formatted(p), "{not json", null)
                .statusCode(422).contentType(PROBLEM).body("errors[0].field", equalTo("mapping"));
        importFile("externalId,name,Name\n%s-3,X,Y\n".formatted(p), null, null)
                .statusCode(422).contentType(PROBLEM).body("errors[0].message", containsString("both map to name"));
        account(p + "-1").statusCode(404);
        account(p + "-2").statusCode(404);
    }

    @Test
    void a_duplicate_external_id_is_an_error_on_its_second_line() {
        String p = uniquePrefix();
        importFile("""
                externalId,name
                %1$s-1,First
                %1$s-2,Other
                %1$s-1,Again
                """.formatted(p), null, null)
                .statusCode(422).contentType(PROBLEM)
                .body("errorCount", equalTo(1))
                .body("errors[0].line", equalTo(4)).body("errors[0].column", equalTo("externalId"))
                .body("errors[0].message", equalTo("duplicate externalId, first seen on line 2"));
        account(p + "-2").statusCode(404);
    }

    @Test
    void a_row_with_the_wrong_number_of_cells_is_an_error_of_the_row() {
        String p = uniquePrefix();
        importFile("""
                externalId,name,tier
                %1$s-1,One
                %1$s-2,Two,gold,extra
                """.formatted(p), null, null)
                .statusCode(422)
                .body("errors.line", equalTo(List.of(2, 3)))
                .body("errors[0].column", nullValue())
                .body("errors[0].message", equalTo("has 2 cells, the header has 3"));
    }

    @Test
    void the_error_list_stops_at_1000_but_the_count_goes_on() {
        StringBuilder csv = new StringBuilder("externalId,name\n");
        String p = uniquePrefix();
        for (int i = 0; i < 1500; i++) {
            csv.append(p).append('-').append(i).append(",\n");
        }
        importFile(csv.toString(), null, "validate").statusCode(422)
                .body("rows", equalTo(1500)).body("errorCount", equalTo(1500)).body("errors", hasSize(1000))
                .body("detail", equalTo("1500 row errors; nothing was imported"));
    }

    @Test
    void an_empty_file_or_a_header_alone_is_a_problem() {
        importFile("", null, null).statusCode(422).contentType(PROBLEM).body("errors[0].field", equalTo("file"));
        importFile("externalId,name\n", null, null).statusCode(422).contentType(PROBLEM)
                .body("detail", containsString("no rows"));
    }

    @Test
    void a_raw_text_csv_body_takes_its_mapping_from_the_query() {
        String p = uniquePrefix();
        given().contentType("text/csv; charset=utf-8")
                .queryParam("mapping", "{\"Ref\": \"externalId\", \"Seats\": {\"type\": \"number\"}}")
                .body("Ref,name,Seats\r\n%1$s-1,Raw,12\r\n%1$s-2,\"Raw, too\",\r\n".formatted(p))
                .when().post("/api/accounts/import")
                .then().statusCode(200).body("created", equalTo(2));
        account(p + "-1").body("attributes.Seats.value", equalTo(12));
        account(p + "-2").body("name", equalTo("Raw, too")).body("attributes", not(hasKey("Seats")));
    }

    @Test
    void an_unknown_mode_is_a_problem() {
        importFile("externalId,name\nx,y\n", null, "dry-run").statusCode(422).contentType(PROBLEM)
                .body("errors[0].field", equalTo("mode"));
    }

    @Test
    void a_file_of_20000_rows_imports_in_one_go() {
        String p = uniquePrefix();
        StringBuilder csv = new StringBuilder("externalId,name,segment,signupDate,Seats,Pilot\n");
        for (int i = 0; i < 20_000; i++) {
            csv.append(p).append('-').append(i).append(",Account ").append(i).append(",SMB,2026-01-")
                    .append(10 + i % 20).append(',').append(i).append(',').append(i % 2 == 0).append('\n');
        }
        String mapping = "{\"Seats\": {\"type\": \"number\"}, \"Pilot\": {\"type\": \"boolean\"}}";
        long started = System.nanoTime();
        importFile(csv.toString(), mapping, null).statusCode(200)
                .body("rows", equalTo(20_000)).body("created", equalTo(20_000));
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(millis).as("20,000 rows import time (ms)").isLessThan(30_000);
        account(p + "-19999").body("attributes.Seats.value", equalTo(19999))
                .body("attributes.Pilot.value", equalTo(false));
    }
}
