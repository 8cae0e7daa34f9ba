package org.medino;

/**
 * An error the user can cause and fix: a bad file, a wrong option, a missing model.
 *
 * <p>The message is one line that names the file (or option) and the problem; the CLI prints it
 * as is, without a stack trace. Everything else (a bug, an engine failure) stays a plain runtime
 * exception so that it is noticed.
 */
public class MedinoException extends RuntimeException {
    public MedinoException(String message) {
        super(message);
    }

    public MedinoException(String message, Throwable cause) {
        super(message, cause);
    }
}
