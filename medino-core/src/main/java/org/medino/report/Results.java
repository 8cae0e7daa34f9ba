package org.medino.report;

import java.util.List;
import java.util.Map;

/**
 * Everything an evaluation command reports.
 *
 * @param command the command run, e.g. "eval knn"
 * @param config its options
 * @param model how the features were made (the store's recipe), or null for plain feature files
 * @param dataset the inputs: paths, sizes, task, class names
 * @param timings seconds per phase
 * @param entries the results table
 * @param truth test labels for plots: single labels or null
 * @param classNames class names, in label order
 */
public record Results(String command, Map<String, Object> config, Map<String, Object> model, Map<String, Object> dataset,
        Map<String, Double> timings, List<ResultEntry> entries, int[] truth, List<String> classNames) {}
