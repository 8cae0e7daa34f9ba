package org.medino.checkpoint.hub;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A hub on 127.0.0.1 that answers /{org}/{name}/resolve/{revision}/{file} as huggingface.co does:
 * X-Repo-Commit, a git-sha1 ETag for plain files, and for LFS files a 302 to /cdn/{sha256} with
 * X-Linked-Etag and X-Linked-Size. It can also play only the CDN, on another port, for a hub that
 * redirects there. Every request is logged.
 */
public final class FakeHub implements AutoCloseable {

    static final String COMMIT = "1f2e3d4c5b6a79881f2e3d4c5b6a79881f2e3d4c";
    /** Revisions the fake knows besides the commit itself. */
    static final Set<String> BRANCHES = Set.of("main", "refs/pr/1");

    enum RangeMode { HONOUR, IGNORE, REFUSE }

    public record Request(String method, String rawPath, Map<String, String> headers) {
        String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    private record Entry(byte[] content, boolean lfs) {
    }

    private final HttpServer server;
    private final Map<String, Map<String, Entry>> repos = new ConcurrentHashMap<>();
    private final Map<String, byte[]> cdnBlobs = new ConcurrentHashMap<>();
    private final Map<String, String> renamed = new ConcurrentHashMap<>();
    private final Set<String> corrupted = ConcurrentHashMap.newKeySet();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile String requiredToken;
    private volatile FakeHub cdn = this;
    private volatile RangeMode rangeMode = RangeMode.HONOUR;

    public FakeHub() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public FakeHub put(String repoId, String filename, byte[] content, boolean lfs) {
        repos.computeIfAbsent(repoId, r -> new ConcurrentHashMap<>()).put(filename, new Entry(content, lfs));
        return this;
    }

    /** Requests for the old repo id get a relative 307 to the new one, as after a rename on the hub. */
    void rename(String oldRepoId, String newRepoId) {
        renamed.put(oldRepoId, newRepoId);
    }

    void requireToken(String token) {
        requiredToken = token;
    }

    /** LFS redirects go to that server instead of this one. */
    void useCdn(FakeHub other) {
        cdn = other;
    }

    void rangeMode(RangeMode mode) {
        rangeMode = mode;
    }

    /** Serves these bytes with one byte flipped, under the headers of the true content. */
    void corrupt(byte[] content) {
        corrupted.add(sha256(content));
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    void clearRequests() {
        requests.clear();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    static String sha256(byte[] content) {
        return hex("SHA-256", new byte[0], content);
    }

    static String gitSha1(byte[] content) {
        return hex("SHA-1", ("blob " + content.length + "\0").getBytes(StandardCharsets.US_ASCII), content);
    }

    private static String hex(String algorithm, byte[] prefix, byte[] content) {
        try {
            MessageDigest digest = MessageDigest.getInstance(algorithm);
            digest.update(prefix);
            return HexFormat.of().formatHex(digest.digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v.get(0)));
            String rawPath = exchange.getRequestURI().getRawPath();
            requests.add(new Request(exchange.getRequestMethod(), rawPath, headers));
            List<String> parts = new ArrayList<>();
            for (String part : rawPath.substring(1).split("/")) {
                parts.add(URLDecoder.decode(part, StandardCharsets.UTF_8));
            }
            if (parts.size() == 2 && parts.get(0).equals("cdn") && cdnBlobs.containsKey(parts.get(1))) {
                serveBody(exchange, cdnBlobs.get(parts.get(1)));
            } else if (parts.size() >= 5 && parts.get(2).equals("resolve")) {
                resolve(exchange, parts.get(0) + "/" + parts.get(1), parts.get(3),
                        String.join("/", parts.subList(4, parts.size())));
            } else {
                exchange.sendResponseHeaders(404, -1);
            }
        }
    }

    private void resolve(HttpExchange exchange, String repoId, String revision, String filename) throws IOException {
        var headers = exchange.getResponseHeaders();
        if (renamed.containsKey(repoId)) {
            String rawPath = exchange.getRequestURI().getRawPath();
            headers.set("Location", "/" + renamed.get(repoId) + rawPath.substring(repoId.length() + 1));
            exchange.sendResponseHeaders(307, -1);
            return;
        }
        if (requiredToken != null
                && !("Bearer " + requiredToken).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            headers.set("X-Error-Message", "Invalid username or password.");
            exchange.sendResponseHeaders(401, -1);
            return;
        }
        Map<String, Entry> files = repos.get(repoId);
        if (files == null) {
            headers.set("X-Error-Code", "RepoNotFound");
            exchange.sendResponseHeaders(404, -1);
            return;
        }
        if (!BRANCHES.contains(revision) && !revision.equals(COMMIT)) {
            headers.set("X-Error-Code", "RevisionNotFound");
            exchange.sendResponseHeaders(404, -1);
            return;
        }
        headers.set("X-Repo-Commit", COMMIT);
        Entry entry = files.get(filename);
        if (entry == null) {
            headers.set("X-Error-Code", "EntryNotFound");
            exchange.sendResponseHeaders(404, -1);
            return;
        }
        if (entry.lfs()) {
            String sha = sha256(entry.content());
            cdn.cdnBlobs.put(sha, entry.content());
            // ETag of an LFS file is that of its git pointer; the content's id is in X-Linked-Etag.
            headers.set("ETag", "\"" + gitSha1(("version https://git-lfs.github.com/spec/v1\noid sha256:" + sha)
                    .getBytes(StandardCharsets.US_ASCII)) + "\"");
            headers.set("X-Linked-Etag", "\"" + sha + "\"");
            headers.set("X-Linked-Size", Long.toString(entry.content().length));
            headers.set("Location", cdn.url() + "/cdn/" + sha);
            exchange.sendResponseHeaders(302, -1);
            return;
        }
        headers.set("ETag", "W/\"" + gitSha1(entry.content()) + "\"");
        serveBody(exchange, entry.content());
    }

    private void serveBody(HttpExchange exchange, byte[] content) throws IOException {
        byte[] body = content;
        if (corrupted.contains(sha256(content))) {
            body = Arrays.copyOf(content, content.length);
            body[body.length / 2] ^= 1;
        }
        var headers = exchange.getResponseHeaders();
        headers.set("Accept-Ranges", "bytes");
        String range = exchange.getRequestHeaders().getFirst("Range");
        int start = 0;
        int status = 200;
        if (range != null && rangeMode != RangeMode.IGNORE) {
            start = Integer.parseInt(range.substring("bytes=".length(), range.length() - 1));
            if (rangeMode == RangeMode.REFUSE || start >= body.length) {
                headers.set("Content-Range", "bytes */" + body.length);
                exchange.sendResponseHeaders(416, -1);
                return;
            }
            headers.set("Content-Range", "bytes " + start + "-" + (body.length - 1) + "/" + body.length);
            status = 206;
        }
        int length = body.length - start;
        if (exchange.getRequestMethod().equals("HEAD")) {
            headers.set("Content-Length", Integer.toString(length));
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, length == 0 ? -1 : length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body, start, length);
        }
    }
}
