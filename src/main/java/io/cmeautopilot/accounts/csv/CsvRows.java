package io.cmeautopilot.accounts.csv;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The records of a UTF-8 CSV (RFC 4180), streamed one at a time, each with the physical line it
 * starts on, so that errors point where an editor shows them even after a quoted multi-line cell.
 * Blank lines and rows whose cells are all empty (spreadsheets leave them) are skipped.
 */
final class CsvRows implements Closeable {

    // Empty lines are kept by the parser and skipped here: skipping them inside the parser would
    // make the line count before a record point at the blank line instead of the record.
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();
    private static final byte[] BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

    /** One record: the line it starts on and its cells as written (not stripped). */
    record Row(long line, List<String> cells) {
    }

    /** The file cannot be read further (broken quoting, not UTF-8); {@code line} starts the broken record. */
    static final class Unreadable extends RuntimeException {
        private final long line;

        Unreadable(long line, String message) {
            super(message);
            this.line = line;
        }

        long line() {
            return line;
        }
    }

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;

    private CsvRows(CSVParser parser) {
        this.parser = parser;
        this.records = parser.iterator();
    }

    static CsvRows open(InputStream in) throws IOException {
        // REPORT, not the default REPLACE: a Latin-1 file must be refused, not stored with U+FFFD in it.
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        return new CsvRows(CSVParser.builder().setReader(new InputStreamReader(withoutBom(in), decoder))
                .setFormat(FORMAT).get());
    }

    /** The next non-blank record, or empty at the end of the file. */
    Optional<Row> next() {
        while (true) {
            // The parser has consumed whole lines so far: the next record starts on the line after.
            long line = parser.getCurrentLineNumber() + 1;
            CSVRecord record;
            try {
                if (!records.hasNext()) {
                    return Optional.empty();
                }
                record = records.next();
            } catch (UncheckedIOException e) {
                throw unreadable(line, e);
            }
            List<String> cells = Arrays.asList(record.values());
            if (cells.stream().anyMatch(cell -> !cell.isEmpty())) {
                return Optional.of(new Row(line, cells));
            }
        }
    }

    private static RuntimeException unreadable(long line, UncheckedIOException e) {
        if (e.getCause() instanceof CharacterCodingException) {
            return new Unreadable(line, "the file is not valid UTF-8 (save it as \"CSV UTF-8\")");
        }
        if (e.getCause() instanceof CSVException) {
            return new Unreadable(line, "malformed CSV: a quoted cell must end with a quote followed by a comma or"
                    + " the end of the line, and quotes inside it must be doubled (\"\")");
        }
        return e; // a real I/O failure (the client went away): not the file's fault
    }

    private static InputStream withoutBom(InputStream in) throws IOException {
        PushbackInputStream pushback = new PushbackInputStream(in, BOM.length);
        byte[] start = pushback.readNBytes(BOM.length);
        if (!Arrays.equals(start, BOM)) {
            pushback.unread(start);
        }
        return pushback;
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
