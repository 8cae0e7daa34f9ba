package org.medino.segment;

/**
 * @param embedDim the backbone's channel count D
 * @param numClasses K
 */
public record LinearHeadConfig(int embedDim, int numClasses) {}
