/**
 * Datasets for benchmarks: manifests ({@link org.medino.data.ManifestReader}, schema in
 * MANIFEST.md), folder-per-class trees ({@link org.medino.data.FolderTreeReader}), MedMNIST
 * archives ({@link org.medino.data.MedMnistReader}), patient-level splits
 * ({@link org.medino.data.PatientSplitter}) and the checks that keep a benchmark honest: every bad
 * row reported ({@link org.medino.data.ValidationReport}) and no patient in two splits
 * ({@link org.medino.data.LeakageCheck}).
 *
 * <p>Images are only located here, never decoded: the readers are reached through
 * {@link org.medino.data.ImageProbe} and {@link org.medino.data.NpzSource}.
 */
package org.medino.data;
