package org.medino.checkpoint.hub;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.medino.MedinoException;

/**
 * The HTTP side of the hub's resolve endpoint. Redirects are followed by hand because the token
 * must reach the hub only, never a CDN or any other host a redirect leads to.
 */
final class HubHttp {

    /** huggingface_hub's default for both the metadata and the download request. */
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final int MAX_REDIRECTS = 10;
    private static final String USER_AGENT = "medino/0.1";

    /** One file of one revision of a repo; names it in error messages. */
    record FileRef(String repoId, String revision, String filename) {
        String label() {
            return repoId + "/" + filename + " (revision " + revision + ")";
        }
    }

    private final HfEnvironment env;
    private final URI endpoint;
    private final HttpClient client;

    HubHttp(HfEnvironment env) {
        this.env = env;
        this.endpoint = endpointUri(env.endpoint());
        this.client = HttpClient.newBuilder()
                .connectTimeout(TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * HEADs {endpoint}/{repo}/resolve/{revision}/{file}; empty when the hub has no such file. Relative
     * redirects (a renamed repo) are followed; an absolute one leads to the CDN and is only recorded
     * as the download location, since the metadata headers are on the redirect response itself.
     */
    Optional<RemoteFile> head(FileRef file) {
        URI url = URI.create(env.endpoint() + "/" + file.repoId() + "/resolve/"
                + HubNames.encodeSegment(file.revision()) + "/" + HubNames.encodePath(file.filename()));
        HttpResponse<Void> response = send(request(url, "HEAD").build(), BodyHandlers.discarding());
        for (int hops = 0; isRedirect(response) && isRelative(location(response)); hops++) {
            if (hops == MAX_REDIRECTS) {
                throw new MedinoException(file.label() + ": too many redirects from " + env.endpoint());
            }
            url = url.resolve(location(response).orElseThrow());
            response = send(request(url, "HEAD").build(), BodyHandlers.discarding());
        }
        if (response.statusCode() == 404 && !isRepoOrRevisionError(response.headers())) {
            return Optional.empty();
        }
        if (response.statusCode() >= 400 || (isRedirect(response) && location(response).isEmpty())) {
            throw statusError(file, url, response);
        }
        return Optional.of(metadata(file, url, response));
    }

    /**
     * GETs the content from byte {@code offset} on, following redirects. The answer is 200 or 206,
     * or 416 when a range was asked for; the caller reads and closes the body.
     */
    HttpResponse<InputStream> get(FileRef file, URI location, long offset) {
        URI url = location;
        for (int hops = 0; hops <= MAX_REDIRECTS; hops++) {
            HttpRequest.Builder request = request(url, "GET");
            if (offset > 0) {
                request.header("Range", "bytes=" + offset + "-");
            }
            HttpResponse<InputStream> response = send(request.build(), BodyHandlers.ofInputStream());
            int status = response.statusCode();
            if (status == 200 || status == 206 || (status == 416 && offset > 0)) {
                return response;
            }
            closeQuietly(response.body());
            Optional<String> next = isRedirect(response) ? location(response) : Optional.empty();
            if (next.isEmpty()) {
                throw statusError(file, url, response);
            }
            url = url.resolve(next.get());
        }
        throw new MedinoException(file.label() + ": too many redirects while downloading from " + origin(location));
    }

    /** The host part of a URL, or the endpoint for the hub, for messages. */
    String origin(URI url) {
        return isHub(url) ? env.endpoint() : url.getScheme() + "://" + url.getRawAuthority();
    }

    private HttpRequest.Builder request(URI url, String method) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .method(method, HttpRequest.BodyPublishers.noBody())
                .timeout(TIMEOUT)
                .header("User-Agent", USER_AGENT)
                // No compression: the Content-Length must be the file's size, and the bytes the hashed ones.
                .header("Accept-Encoding", "identity");
        // The token is for the hub only: a CDN URL is pre-signed and a foreign host must never see it.
        if (isHub(url)) {
            env.token().ifPresent(token -> request.header("Authorization", "Bearer " + token));
        }
        return request;
    }

    private <T> HttpResponse<T> send(HttpRequest request, BodyHandler<T> body) {
        try {
            return client.send(request, body);
        } catch (IOException e) {
            throw new MedinoException("cannot reach " + origin(request.uri()) + " (" + reason(e)
                    + "); check the network and HF_ENDPOINT, or set HF_HUB_OFFLINE=1 to use only the local cache", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MedinoException("interrupted while waiting for " + origin(request.uri()), e);
        }
    }

    private RemoteFile metadata(FileRef file, URI url, HttpResponse<Void> response) {
        HttpHeaders headers = response.headers();
        String commit = headers.firstValue("X-Repo-Commit").orElseThrow(() -> notAHub(file, url, "X-Repo-Commit"));
        // For an LFS file, ETag describes the git pointer; X-Linked-Etag is the sha256 of the content itself.
        String etag = headers.firstValue("X-Linked-Etag").or(() -> headers.firstValue("ETag"))
                .map(HubHttp::normalizeEtag)
                .orElseThrow(() -> notAHub(file, url, "ETag"));
        // A redirect's own Content-Length is that of its (empty) body, not of the file.
        Optional<String> size = headers.firstValue("X-Linked-Size")
                .or(() -> isRedirect(response) ? Optional.empty() : headers.firstValue("Content-Length"));
        HubNames.checkCommitHash(commit, file.label());
        HubNames.checkEtag(etag, file.label());
        URI location = isRedirect(response) ? url.resolve(location(response).orElseThrow()) : url;
        return new RemoteFile(commit, etag, parseSize(size.orElseThrow(() -> notAHub(file, url, "Content-Length")),
                file), location);
    }

    private static long parseSize(String size, FileRef file) {
        try {
            return Long.parseLong(size.strip());
        } catch (NumberFormatException e) {
            throw new MedinoException(file.label() + ": the hub sent an invalid file size '" + size + "'");
        }
    }

    /** ETag: "abc" or the weak form W/"abc" both become abc, a usable file name. */
    static String normalizeEtag(String etag) {
        String value = etag.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        return value;
    }

    private MedinoException statusError(FileRef file, URI url, HttpResponse<?> response) {
        int status = response.statusCode();
        String errorCode = response.headers().firstValue("X-Error-Code").orElse("");
        if (status == 401 || status == 403 || errorCode.equals("GatedRepo")) {
            // The hub answers 401 for private and gated repos, and for repos that do not exist at all.
            return new MedinoException(file.label() + ": access denied (HTTP " + status + "); the repo may be gated"
                    + " or private, or may not exist: " + (env.token().isPresent()
                            ? "check that HF_TOKEN can read it (for a gated repo, accept its terms on its hub page)"
                            : "set HF_TOKEN to an access token of an account that can read it"));
        }
        if (status == 404) {
            String what = switch (errorCode) {
                case "RepoNotFound" -> "no such repo";
                case "RevisionNotFound" -> "no such revision";
                case "EntryNotFound" -> "no such file at this revision";
                default -> "no such file, repo or revision";
            };
            return new MedinoException(file.label() + ": not found on " + origin(url) + " (HTTP 404: " + what + ")");
        }
        String hubMessage = response.headers().firstValue("X-Error-Message")
                .map(m -> ": " + m.lines().findFirst().orElse("")).orElse("");
        return new MedinoException(file.label() + ": " + origin(url) + " answered HTTP " + status + hubMessage);
    }

    private MedinoException notAHub(FileRef file, URI url, String header) {
        return new MedinoException(file.label() + ": " + origin(url) + " sent no " + header + " header; HF_ENDPOINT"
                + " may not point to a Hugging Face hub, or a proxy may be in the way");
    }

    private static boolean isRepoOrRevisionError(HttpHeaders headers) {
        String code = headers.firstValue("X-Error-Code").orElse("");
        return code.equals("RepoNotFound") || code.equals("RevisionNotFound");
    }

    /** Same scheme, host and port as the endpoint: what huggingface_hub calls the same netloc. */
    private boolean isHub(URI url) {
        return endpoint.getScheme().equalsIgnoreCase(url.getScheme())
                && endpoint.getHost().equalsIgnoreCase(String.valueOf(url.getHost()))
                && port(endpoint) == port(url);
    }

    private static int port(URI url) {
        if (url.getPort() != -1) {
            return url.getPort();
        }
        return "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
    }

    private static boolean isRedirect(HttpResponse<?> response) {
        return response.statusCode() >= 300 && response.statusCode() < 400;
    }

    private static Optional<String> location(HttpResponse<?> response) {
        return response.headers().firstValue("Location");
    }

    private static boolean isRelative(Optional<String> location) {
        return location.filter(l -> !URI.create(l).isAbsolute()).isPresent();
    }

    private static URI endpointUri(String endpoint) {
        try {
            URI uri = URI.create(endpoint);
            String scheme = String.valueOf(uri.getScheme()).toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return uri;
            }
        } catch (IllegalArgumentException e) {
            // reported below like any other unusable value
        }
        throw new MedinoException("HF_ENDPOINT is not an http(s) URL: '" + endpoint + "'");
    }

    /** Why a connection failed, in a few words: the JDK's own messages are often empty or nested. */
    private static String reason(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnresolvedAddressException || t instanceof UnknownHostException) {
                return "unknown host";
            }
            if (t instanceof HttpTimeoutException) {
                return "timed out";
            }
            if (t instanceof ConnectException) {
                return "connection refused";
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return t.getMessage().lines().findFirst().orElseThrow().toLowerCase(Locale.ROOT);
            }
        }
        return e.getClass().getSimpleName();
    }

    static void closeQuietly(InputStream body) {
        try {
            body.close();
        } catch (IOException e) {
            // Closing a body we will not read: nothing is lost if it fails.
        }
    }
}
