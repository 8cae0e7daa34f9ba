package org.medino.metrics;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.medino.MedinoException;

/**
 * A small CSV file read whole: its header and its rows, each row with the line it starts on.
 *
 * <p>The header is read as a plain row (not through commons-csv's header support) so that
 * duplicate or empty column names become reported problems instead of exceptions. Line numbers
 * come from each record's character offset, so blank lines and quoted line breaks do not shift
 * them.
 */
final class CsvTable {
    final String name;
    final List<String> header;
    final List<Row> rows;

    record Row(long line, List<String> values) {}

    private CsvTable(String name, List<String> header, List<Row> rows) {
        this.name = name;
        this.header = header;
        this.rows = rows;
    }

    static CsvTable read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MedinoException(file + ": cannot read: " + e.getMessage(), e);
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1); // spreadsheet programs write a byte-order mark
        }
        long[] lineStarts = lineStarts(text);
        CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).get();
        List<String> header = null;
        List<Row> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            for (CSVRecord record : parser) {
                List<String> values = record.toList();
                if (header == null) {
                    header = values;
                } else {
                    rows.add(new Row(lineOf(lineStarts, firstCharacter(text, record.getCharacterPosition())), values));
                }
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new MedinoException(file + ": not a readable CSV file: " + e.getMessage().replace('\n', ' '), e);
        }
        if (header == null) {
            throw new MedinoException(file + ": empty file, expected a header line");
        }
        return new CsvTable(file.toString(), header, rows);
    }

    /**
     * A record's position is where the parser started reading it, which is before any blank
     * lines it skipped; the record itself starts after them.
     */
    private static long firstCharacter(String text, long position) {
        int p = (int) position;
        while (p < text.length() && (text.charAt(p) == '\n' || text.charAt(p) == '\r')) {
            p++;
        }
        return p;
    }

    private static long[] lineStarts(String text) {
        long[] starts = new long[16];
        int count = 0;
        starts[count++] = 0;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            boolean lineBreak = ch == '\n' || (ch == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'));
            if (lineBreak) {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
        }
        return Arrays.copyOf(starts, count);
    }

    /** 1-based line number of a character offset. */
    private static long lineOf(long[] lineStarts, long position) {
        int i = Arrays.binarySearch(lineStarts, position);
        return (i >= 0 ? i : -i - 2) + 1;
    }

    /** Column index of a header name, or -1. */
    int column(String headerName) {
        return header.indexOf(headerName);
    }
}
