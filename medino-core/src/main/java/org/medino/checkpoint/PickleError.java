package org.medino.checkpoint;

/**
 * A problem found inside a pickle. It carries only the problem; {@link RestrictedUnpickler} adds
 * the file name and turns it into a {@link org.medino.MedinoException}.
 */
final class PickleError extends RuntimeException {
    private PickleError(String message) {
        super(message, null, false, false);
    }

    /** The pickle breaks the format (or torch's use of it). */
    static PickleError corrupt(String problem) {
        return new PickleError("corrupt pickle: " + problem);
    }

    /** The pickle ends before its STOP opcode. */
    static PickleError truncated(String where) {
        return new PickleError("truncated pickle (" + where + ")");
    }

    /** The pickle asks for something a weights file has no business asking for. */
    static PickleError refused(String problem) {
        return new PickleError("refusing to load: " + problem);
    }

    /** A valid checkpoint that holds something medino does not support. */
    static PickleError unsupported(String what) {
        return new PickleError(what + " are not supported");
    }

    /** A storage does not hold what the pickle says it does. */
    static PickleError badStorage(String problem) {
        return new PickleError(problem);
    }

    /** Text from the file made safe for a one-line message: no control characters, not too long. */
    static String printable(String text) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        for (; i < text.length() && out.length() < 80; i++) {
            char c = text.charAt(i);
            out.append(Character.isISOControl(c) ? String.format("\\x%02x", (int) c) : String.valueOf(c));
        }
        return i < text.length() ? out + "..." : out.toString();
    }
}
