package org.medino.metrics;

/** One case of a {@link SegmentationSummary}, kept whole so per-case rows can be written to a CSV. */
public record ScoredCase(String caseId, CaseScores scores) {}
