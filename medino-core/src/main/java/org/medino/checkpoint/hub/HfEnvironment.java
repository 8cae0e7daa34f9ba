package org.medino.checkpoint.hub;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The Hugging Face settings read from environment variables, resolved the way huggingface_hub
 * resolves them so that medino and Python tools share one cache and one configuration.
 *
 * <p>Built from an explicit map so that tests can pass their own environment.
 */
public record HfEnvironment(String endpoint, Optional<String> token, boolean offline, Path hubCache) {

    public static final String DEFAULT_ENDPOINT = "https://huggingface.co";

    /** huggingface_hub's ENV_VARS_TRUE_VALUES, compared upper-cased. */
    private static final Set<String> TRUE_VALUES = Set.of("1", "ON", "YES", "TRUE");

    public HfEnvironment {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(hubCache, "hubCache");
    }

    public static HfEnvironment fromSystem() {
        return from(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    public static HfEnvironment from(Map<String, String> env, Path userHome) {
        String endpoint = value(env, "HF_ENDPOINT").map(HfEnvironment::stripTrailingSlashes).orElse(DEFAULT_ENDPOINT);
        // huggingface_hub drops CR/LF and surrounding blanks: tokens pasted from a file often carry them.
        Optional<String> token = value(env, "HF_TOKEN").map(t -> t.replace("\r", "").replace("\n", "").strip())
                .filter(t -> !t.isEmpty());
        // TRANSFORMERS_OFFLINE is the older spelling; it only counts when HF_HUB_OFFLINE is unset.
        boolean offline = value(env, "HF_HUB_OFFLINE").or(() -> value(env, "TRANSFORMERS_OFFLINE"))
                .map(v -> TRUE_VALUES.contains(v.toUpperCase(Locale.ROOT)))
                .orElse(false);
        return new HfEnvironment(endpoint, token, offline, hubCache(env, userHome));
    }

    /** HF_HUB_CACHE, then the legacy HUGGINGFACE_HUB_CACHE, then $HF_HOME/hub with HF_HOME's own defaults. */
    private static Path hubCache(Map<String, String> env, Path userHome) {
        Optional<String> explicit = value(env, "HF_HUB_CACHE").or(() -> value(env, "HUGGINGFACE_HUB_CACHE"));
        if (explicit.isPresent()) {
            return expandHome(explicit.get(), userHome);
        }
        Path hfHome = value(env, "HF_HOME")
                .map(home -> expandHome(home, userHome))
                .orElseGet(() -> value(env, "XDG_CACHE_HOME")
                        .map(xdg -> expandHome(xdg, userHome))
                        .orElse(userHome.resolve(".cache"))
                        .resolve("huggingface"));
        return hfHome.resolve("hub");
    }

    /** Like Python's os.path.expanduser for the current user: a leading ~ is the home directory. */
    private static Path expandHome(String path, Path userHome) {
        if (path.equals("~")) {
            return userHome;
        }
        if (path.startsWith("~/") || path.startsWith("~\\")) {
            return userHome.resolve(path.substring(2));
        }
        return Path.of(path);
    }

    /** An empty variable counts as unset: HF_ENDPOINT= must not produce an empty endpoint. */
    private static Optional<String> value(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).filter(v -> !v.isBlank());
    }

    private static String stripTrailingSlashes(String url) {
        String result = url;
        while (result.endsWith("/")) {
            result = result.substring(0, result.length() - 1);
        }
        return result;
    }

    /** Never prints the token: this record ends up in logs and error reports. */
    @Override
    public String toString() {
        return "HfEnvironment[endpoint=" + endpoint + ", token=" + (token.isPresent() ? "<set>" : "<none>")
                + ", offline=" + offline + ", hubCache=" + hubCache + "]";
    }
}
