package org.medino.data;

/**
 * One thing wrong with one row (or with the header, or a whole file) of a dataset.
 *
 * @param line line number in the file where the row starts, the header being line 1; 0 when the
 *     dataset is not a text file (folder trees, archives)
 * @param id the row's id as written, or "" when it has none
 * @param column the column (or, for folder trees, the relative path) at fault, or "" for the whole row
 * @param message what is wrong, one line, naming the offending value
 */
public record Problem(int line, String id, String column, String message) {
    public Problem {
        id = id == null ? "" : id;
        column = column == null ? "" : column;
        if (message == null || message.isEmpty()) throw new IllegalArgumentException("a problem needs a message");
    }

    /** One line for a terminal: {@code line 4 [id=a7, column=mask]: file not found: m/a7.nii.gz}. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        if (line > 0) b.append("line ").append(line).append(' ');
        b.append("[id=").append(id.isEmpty() ? "-" : id);
        if (!column.isEmpty()) b.append(", column=").append(column);
        return b.append("]: ").append(message).toString();
    }
}
