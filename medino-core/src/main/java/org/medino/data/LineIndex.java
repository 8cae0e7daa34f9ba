package org.medino.data;

import java.util.Arrays;

/**
 * Turns a character offset in a text into a line number (1-based), counting {@code \n},
 * {@code \r\n} and a lone {@code \r} as one line break each, as the CSV parser does. Needed
 * because a quoted field may span lines, so the record number is not the line number.
 */
final class LineIndex {
    private final int[] starts;

    LineIndex(String text) {
        int[] s = new int[16];
        int n = 0;
        s[n++] = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean breakHere = c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'));
            if (breakHere) {
                if (n == s.length) s = Arrays.copyOf(s, n * 2);
                s[n++] = i + 1;
            }
        }
        starts = Arrays.copyOf(s, n);
    }

    /** The line on which the character at {@code offset} stands. */
    int lineOf(long offset) {
        int i = Arrays.binarySearch(starts, (int) offset);
        return (i >= 0 ? i : -i - 2) + 1;
    }
}
