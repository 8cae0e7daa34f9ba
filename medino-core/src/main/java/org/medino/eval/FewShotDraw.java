package org.medino.eval;

import java.util.List;

/**
 * One few-shot subset of a train set.
 *
 * @param shots n: images per class (single-label) or patients per finding (multi-label) asked for
 * @param drawIndex which of the repeated draws this is
 * @param seed the seed this draw used (base seed + draw index)
 * @param rows the chosen train rows, ascending; run a protocol on {@code train.select(rows)}
 * @param counts per class: images drawn (single-label) or drawn patients positive for the finding
 *     (multi-label, may exceed n because co-occurring findings share patients)
 * @param shortClasses names of the classes (findings) with fewer than n images (positive patients)
 *     in the whole train set; all of them were taken
 */
public record FewShotDraw(int shots, int drawIndex, long seed, int[] rows, int[] counts, List<String> shortClasses) {
    public FewShotDraw {
        shortClasses = List.copyOf(shortClasses);
    }
}
