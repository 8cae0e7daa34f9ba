package org.medino.checkpoint;

import java.util.List;
import java.util.Map;

/**
 * A backbone's tensors under official DINOv2 names, whatever layout they came in.
 *
 * @param source the file or folder they were read from (for messages)
 * @param layout the layout found in the file
 * @param tensors tensors by official name, in file order
 * @param ignored keys outside the backbone that were deliberately left out (heads such as
 *     {@code dino_head.*} or {@code classifier.*})
 */
public record BackboneStateDict(
        String source, KeyLayout layout, Map<String, HostTensor> tensors, List<String> ignored) {}
