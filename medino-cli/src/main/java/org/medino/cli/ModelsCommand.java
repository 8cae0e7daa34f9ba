package org.medino.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.medino.checkpoint.hub.HfCache;
import org.medino.checkpoint.hub.HfEnvironment;
import org.medino.checkpoint.hub.HubClient;
import org.medino.model.ModelCard;
import org.medino.model.ModelRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code medino models list|pull}: the registry of public checkpoints and the local Hugging Face cache. */
@Command(
        mixinStandardHelpOptions = true,
        name = "models",
        description = "List the known models, or download one into the Hugging Face cache.",
        subcommands = {ModelsCommand.List.class, ModelsCommand.Pull.class})
final class ModelsCommand implements Runnable {
    @Override
    public void run() {
        new List().call();
    }

    @Command(mixinStandardHelpOptions = true, name = "list", description = "Show the known models and whether each is in the local Hugging Face cache.",
            footer = {"", "Example:", "  medino models list"})
    static final class List implements Callable<Integer> {
        @Override
        public Integer call() {
            HfEnvironment env = HfEnvironment.fromSystem();
            HfCache cache = new HfCache(env.hubCache());
            System.out.printf("%-18s %-38s %-7s %-5s %-9s %s%n", "NAME", "HUGGING FACE ID", "ARCH", "SIZE", "PRESENT", "DESCRIPTION");
            for (ModelCard card : ModelRegistry.all()) {
                Optional<Path> local = cache.safetensorsModel(card.repoId(), "main");
                System.out.printf("%-18s %-38s %-7s %-5d %-9s %s%n", card.name(), card.repoId(), card.architecture()
                        + (card.registers() ? "+r" : ""), card.preprocessing().crop(), local.isPresent() ? "yes" : "no",
                        card.description());
            }
            System.out.println("cache: " + cache.root() + (env.offline() ? " (offline: HF_HUB_OFFLINE is set)" : ""));
            return 0;
        }
    }

    @Command(mixinStandardHelpOptions = true, name = "pull", description = "Download a model into the Hugging Face cache (resumable, checksummed).",
            footer = {"", "Example:", "  medino models pull dinov2-small", "  HF_TOKEN=hf_xxx medino models pull rad-dino"})
    static final class Pull implements Callable<Integer> {
        @Parameters(paramLabel = "NAME", description = "A registered name (see: medino models list) or a Hugging Face id (org/name).")
        String name;

        @Override
        public Integer call() {
            String repoId = ModelRegistry.find(name).map(ModelCard::repoId).orElseGet(() -> {
                if (!name.contains("/")) {
                    ModelRegistry.get(name); // throws the "unknown model" message
                }
                return name;
            });
            HubClient client = new HubClient(HfEnvironment.fromSystem());
            Path snapshot = client.pullSafetensorsModel(repoId, "main", new ProgressLine());
            System.out.println(name + " is ready: " + snapshot);
            return 0;
        }
    }
}
