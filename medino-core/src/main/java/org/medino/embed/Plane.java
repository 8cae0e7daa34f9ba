package org.medino.embed;

/**
 * One 2D image ready for preprocessing: channel-first [channels, rows, cols] values as read.
 *
 * @param storedDtype the file's element type ("uint8", "int16", ...), which decides the default intensity scaling
 */
record Plane(float[] values, int channels, int rows, int cols, String storedDtype) {}
