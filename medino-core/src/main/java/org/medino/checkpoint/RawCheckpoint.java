package org.medino.checkpoint;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;

/**
 * Everything read from a checkpoint before interpretation.
 *
 * @param source the file or folder given by the user
 * @param tensors every tensor found, under flattened keys ({@code teacher.backbone.cls_token})
 * @param hfConfig the Hugging Face {@code config.json}, or null
 * @param sidecar DINOv2 constructor arguments found beside an official checkpoint, or null
 * @param sidecarFile where the sidecar came from, or null
 */
public record RawCheckpoint(
        Path source, Map<String, HostTensor> tensors, JsonNode hfConfig, JsonNode sidecar, Path sidecarFile) {}
