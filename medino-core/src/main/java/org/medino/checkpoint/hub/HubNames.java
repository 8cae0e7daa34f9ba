package org.medino.checkpoint.hub;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.medino.MedinoException;

/**
 * Checks on the names that become URL parts and cache paths. Some of them (shard names from an
 * index file, commit hashes and ETags from response headers) come from the network, so they are
 * checked before they can name a file outside the cache.
 */
final class HubNames {

    private static final Pattern COMMIT_HASH = Pattern.compile("[0-9a-f]{40}");
    /** huggingface_hub's REPO_ID_REGEX: an optional namespace and a name of word characters, '-' and '.'. */
    private static final Pattern REPO_ID = Pattern.compile("([\\w.-]+/)?[\\w.-]+");
    private static final Pattern ETAG = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private HubNames() {
    }

    /** huggingface_hub treats exactly 40 lower-case hex digits as a commit, anything else as a branch or tag. */
    static boolean isCommitHash(String revision) {
        return COMMIT_HASH.matcher(revision).matches();
    }

    static void checkRepoId(String repoId) {
        if (!REPO_ID.matcher(repoId).matches() || repoId.contains("--") || repoId.contains("..")
                || repoId.length() > 96) {
            throw new MedinoException("not a valid Hugging Face repo id: '" + repoId + "' (expected org/name)");
        }
    }

    static void checkRevision(String revision) {
        if (revision.isEmpty() || !isRelativePath(revision)) {
            throw new MedinoException("not a valid revision: '" + revision + "' (expected a branch, tag or commit)");
        }
    }

    static void checkFilename(String filename, String source) {
        if (filename.isEmpty() || !isRelativePath(filename)) {
            throw new MedinoException(source + ": not a valid file name in a repo: '" + filename + "'");
        }
    }

    static void checkCommitHash(String commit, String source) {
        if (!isCommitHash(commit)) {
            throw new MedinoException(source + ": the hub sent an invalid commit hash '" + commit + "'");
        }
    }

    static void checkEtag(String etag, String source) {
        if (!ETAG.matcher(etag).matches()) {
            throw new MedinoException(source + ": the hub sent an unusable ETag '" + etag + "'");
        }
    }

    /** Percent-encodes one URL path segment ('/' included), as Python's quote(s, safe=""). */
    static String encodeSegment(String segment) {
        StringBuilder out = new StringBuilder();
        for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (isUnreserved(c)) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    /** Percent-encodes a path but keeps its '/' separators, as Python's quote(s). */
    static String encodePath(String path) {
        StringBuilder out = new StringBuilder();
        for (String segment : path.split("/", -1)) {
            if (out.length() > 0) {
                out.append('/');
            }
            out.append(encodeSegment(segment));
        }
        return out.toString();
    }

    private static boolean isUnreserved(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~';
    }

    /** Forward slashes only, no empty, '.' or '..' segment: the name stays below the directory it is resolved in. */
    private static boolean isRelativePath(String path) {
        if (path.contains("\\") || path.contains(":")) {
            return false;
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return true;
    }
}
