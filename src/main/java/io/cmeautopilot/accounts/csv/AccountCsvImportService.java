package io.cmeautopilot.accounts.csv;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.cmeautopilot.common.Problem.FieldError;
import io.cmeautopilot.common.ProblemException;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;

/**
 * Imports accounts from a CSV in one transaction, streaming: only the current batch and the set of
 * external ids seen so far are held in memory. Rows are written as they are read; a row error makes
 * the import read on (to report every error) and then throw, which rolls back what was written.
 */
@ApplicationScoped
class AccountCsvImportService {

    @Inject
    AgroalDataSource dataSource;
    @Inject
    Clock clock;
    @Inject
    ObjectMapper mapper;

    /** The report of a clean import; a mapping or row error is thrown as a problem and changes nothing. */
    @Transactional
    @TransactionConfiguration(timeoutFromConfigProperty = "cme.accounts.import.transaction-timeout")
    ImportReport importCsv(InputStream csv, String mappingJson, ImportMode mode) {
        List<FieldError> mappingErrors = new ArrayList<>();
        Map<String, ColumnTarget> mapping = ImportMapping.parse(mappingJson, mapper, mappingErrors);
        try (CsvRows rows = CsvRows.open(csv)) {
            CsvRows.Row header = readHeader(rows);
            ColumnPlan plan = ColumnPlan.resolve(header.cells(), mapping, mappingErrors);
            rejectMapping(mappingErrors);
            return importRows(rows, plan, mode);
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("The CSV import failed", e);
        }
    }

    private ImportReport importRows(CsvRows rows, ColumnPlan plan, ImportMode mode) throws SQLException {
        ImportErrors errors = new ImportErrors();
        AccountRowParser parser = new AccountRowParser(plan);
        long count = 0;
        // Obtained inside the transaction, so Agroal enlists it: batches commit or roll back with the import.
        try (Connection connection = dataSource.getConnection(); AccountSink sink = sink(mode, connection, plan)) {
            try {
                for (Optional<CsvRows.Row> row = rows.next(); row.isPresent(); row = rows.next()) {
                    count++;
                    Optional<ImportedAccount> account = parser.parse(row.get(), errors);
                    // After the first error nothing more is written: it would be rolled back anyway.
                    if (account.isPresent() && errors.isEmpty()) {
                        sink.add(account.get());
                    }
                }
            } catch (CsvRows.Unreadable e) {
                errors.add(e.line(), null, e.getMessage());
            }
            if (count == 0 && errors.isEmpty()) {
                throw ProblemException.invalidField("file", "has a header but no rows");
            }
            if (!errors.isEmpty()) {
                throw new ImportRejectedException(new ImportReport(mode.jsonName(), false, count, 0, 0,
                        errors.count(), errors.kept()));
            }
            sink.flush();
            return new ImportReport(mode.jsonName(), mode == ImportMode.APPLY, count, sink.created(), sink.updated(),
                    0, List.of());
        }
    }

    private AccountSink sink(ImportMode mode, Connection connection, ColumnPlan plan) throws SQLException {
        return mode == ImportMode.APPLY
                ? new AccountUpsertBatch(connection, plan.fields(), clock.instant())
                : new ExistingAccountCount(connection);
    }

    private static CsvRows.Row readHeader(CsvRows rows) {
        try {
            return rows.next().orElseThrow(() -> ProblemException.invalidField("file",
                    "is empty: the first row must name the columns"));
        } catch (CsvRows.Unreadable e) {
            throw ProblemException.invalidField("file", "line " + e.line() + ": " + e.getMessage());
        }
    }

    private static void rejectMapping(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors.size() + (errors.size() == 1 ? " mapping error" : " mapping errors")
                    + "; nothing was imported", errors);
        }
    }
}
