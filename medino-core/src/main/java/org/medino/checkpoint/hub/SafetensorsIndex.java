package org.medino.checkpoint.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.medino.MedinoException;

/** The shard list of a sharded safetensors model, read from model.safetensors.index.json. */
final class SafetensorsIndex {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SafetensorsIndex() {
    }

    /** The distinct shard file names of the index's weight_map, sorted. */
    static List<String> shards(Path indexFile) {
        JsonNode weightMap;
        try {
            weightMap = JSON.readTree(indexFile.toFile()).path("weight_map");
        } catch (IOException e) {
            throw new MedinoException(indexFile + ": cannot read the safetensors index: " + oneLine(e), e);
        }
        if (!weightMap.isObject() || weightMap.isEmpty()) {
            throw new MedinoException(indexFile + ": not a safetensors index (no weight_map from tensor to shard)");
        }
        TreeSet<String> shards = new TreeSet<>();
        for (JsonNode shard : weightMap) {
            if (!shard.isTextual()) {
                throw new MedinoException(indexFile + ": weight_map holds a non-text shard name: " + shard);
            }
            // The index comes from the network: a shard name must not lead outside the snapshot.
            HubNames.checkFilename(shard.asText(), indexFile.toString());
            shards.add(shard.asText());
        }
        return new ArrayList<>(shards);
    }

    private static String oneLine(Exception e) {
        return String.valueOf(e.getMessage()).lines().findFirst().orElse(e.getClass().getSimpleName());
    }
}
