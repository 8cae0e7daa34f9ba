#!/usr/bin/python3
"""Dev-time only: writes the expected values the Java tests compare against.

Run with Debian's python3 (pydicom 2.3, numpy):  /usr/bin/python3 make_expected.py
It copies pydicom's own test files here, generates a few synthetic files (uncompressed 16/32-bit
colour, planar, signed, YBR_FULL, a deflated one) and synthetic series, then writes for each image
NAME.expected.bin.gz (gzipped raw little-endian float64, C order) and index.json (shape + header facts).

Expected pixel values are pydicom's: ds.pixel_array, YCbCr converted with
convert_color_space(arr, 'YBR_FULL', 'RGB') where the photometric is YBR_FULL(_422), then
apply_modality_lut. Series volumes and affines are computed here with numpy from the
generation parameters, not read back by any medino code.
"""
import gzip
import json
import os
import random
import shutil
import zlib

import numpy as np
import pydicom
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.pixel_data_handlers.util import apply_modality_lut, convert_color_space
from pydicom.uid import ExplicitVRLittleEndian, ImplicitVRLittleEndian, ExplicitVRBigEndian

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = "/usr/lib/python3/dist-packages/pydicom/data/test_files"

COPIED = [
    "CT_small.dcm", "MR_small.dcm", "MR_small_implicit.dcm", "MR_small_bigendian.dcm", "MR_small_expb.dcm",
    "MR_small_padded.dcm", "MR_small_RLE.dcm", "ExplVR_BigEnd.dcm", "ExplVR_BigEndNoMeta.dcm",
    "ExplVR_LitEndNoMeta.dcm", "no_meta.dcm", "no_meta_group_length.dcm", "image_dfl.dcm", "SC_rgb_small_odd.dcm",
    "SC_rgb_rle.dcm", "SC_rgb_rle_2frame.dcm", "SC_rgb_rle_16bit.dcm", "SC_rgb_rle_16bit_2frame.dcm",
    "SC_rgb_rle_32bit.dcm", "SC_rgb_rle_32bit_2frame.dcm", "SC_ybr_full_422_uncompressed.dcm", "rtdose.dcm",
    "rtdose_1frame.dcm", "rtdose_expb.dcm", "rtdose_rle.dcm", "rtdose_rle_1frame.dcm", "liver_1frame.dcm",
    "liver_expb_1frame.dcm", "MR_truncated.dcm", "rtplan_truncated.dcm", "MR_small_jpeg_ls_lossless.dcm",
    "nested_priv_SQ.dcm", "UN_sequence.dcm", "meta_missing_tsyntax.dcm", "README.txt",
]

# Files whose pixels are compared (the others are header-only or bad-file cases).
IMAGES = [
    "CT_small.dcm", "MR_small.dcm", "MR_small_implicit.dcm", "MR_small_bigendian.dcm", "MR_small_expb.dcm",
    "MR_small_padded.dcm", "MR_small_RLE.dcm", "ExplVR_BigEnd.dcm", "image_dfl.dcm",
    "SC_rgb_small_odd.dcm", "SC_rgb_rle.dcm", "SC_rgb_rle_2frame.dcm", "SC_rgb_rle_16bit.dcm",
    "SC_rgb_rle_16bit_2frame.dcm", "SC_rgb_rle_32bit.dcm", "SC_rgb_rle_32bit_2frame.dcm",
    "SC_ybr_full_422_uncompressed.dcm", "rtdose.dcm", "rtdose_1frame.dcm", "rtdose_expb.dcm", "rtdose_rle.dcm",
    "rtdose_rle_1frame.dcm", "liver_1frame.dcm", "liver_expb_1frame.dcm",
    # generated below
    "gen_rgb16_planar.dcm", "gen_rgb32_be.dcm", "gen_ybr_full.dcm", "gen_signed8.dcm", "gen_signed32_implicit.dcm",
    "gen_bits12_dirty.dcm", "gen_rle_fragmented.dcm", "gen_deflated_ct.dcm", "gen_float32.dcm",
]
HEADERS = IMAGES + ["ExplVR_BigEndNoMeta.dcm", "ExplVR_LitEndNoMeta.dcm", "nested_priv_SQ.dcm",
                    "meta_missing_tsyntax.dcm", "UN_sequence.dcm", "no_meta_group_length.dcm"]

TS_OF = {(True, True): ImplicitVRLittleEndian, (False, True): ExplicitVRLittleEndian,
         (False, False): ExplicitVRBigEndian}


def read(name):
    ds = pydicom.dcmread(os.path.join(HERE, name), force=True)
    if "TransferSyntaxUID" not in ds.file_meta:
        # pydicom guessed the encoding while reading; tell its pixel handlers what it guessed
        ds.file_meta.TransferSyntaxUID = TS_OF[(ds.is_implicit_VR, ds.is_little_endian)]
    return ds


def new_dataset(rows, cols, spp, bits, signed, photometric, ts=ExplicitVRLittleEndian):
    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID = "1.2.840.10008.5.1.4.1.1.7"
    meta.MediaStorageSOPInstanceUID = pydicom.uid.generate_uid()
    meta.TransferSyntaxUID = ts
    ds = Dataset()
    ds.file_meta = meta
    ds.is_little_endian = ts != ExplicitVRBigEndian
    ds.is_implicit_VR = ts == ImplicitVRLittleEndian
    ds.SOPClassUID = meta.MediaStorageSOPClassUID
    ds.SOPInstanceUID = meta.MediaStorageSOPInstanceUID
    ds.Modality = "OT"
    ds.PatientID = "GEN"
    ds.StudyInstanceUID = "1.2.3.4"
    ds.SeriesInstanceUID = "1.2.3.4.5"
    ds.Rows, ds.Columns = rows, cols
    ds.SamplesPerPixel = spp
    ds.PhotometricInterpretation = photometric
    if spp > 1:
        ds.PlanarConfiguration = 0
    ds.BitsAllocated = bits
    ds.BitsStored = bits
    ds.HighBit = bits - 1
    ds.PixelRepresentation = 1 if signed else 0
    return ds


def save(ds, name, raw):
    ds.PixelData = raw
    ds["PixelData"].VR = "OB" if ds.BitsAllocated <= 8 else "OW"
    pydicom.dcmwrite(os.path.join(HERE, name), ds, write_like_original=False)


def generate():
    rng = np.random.default_rng(7)
    # 16-bit RGB, planar configuration 1, 2 frames
    src = pydicom.dcmread(os.path.join(SRC, "SC_rgb_rle_16bit_2frame.dcm")).pixel_array  # (2, 100, 100, 3)
    src = src[:, :20, :30, :]
    ds = new_dataset(20, 30, 3, 16, False, "RGB")
    ds.NumberOfFrames = 2
    ds.PlanarConfiguration = 1
    save(ds, "gen_rgb16_planar.dcm", np.ascontiguousarray(src.transpose(0, 3, 1, 2)).astype("<u2").tobytes())
    # 32-bit RGB, big endian
    src = pydicom.dcmread(os.path.join(SRC, "SC_rgb_rle_32bit.dcm")).pixel_array[:16, :12, :]
    ds = new_dataset(16, 12, 3, 32, False, "RGB", ExplicitVRBigEndian)
    save(ds, "gen_rgb32_be.dcm", src.astype(">u4").tobytes())
    # YBR_FULL, 8-bit
    ybr = rng.integers(0, 256, size=(9, 7, 3), dtype=np.uint8)
    ds = new_dataset(9, 7, 3, 8, False, "YBR_FULL")
    save(ds, "gen_ybr_full.dcm", ybr.tobytes())
    # signed 8-bit with rescale
    v = rng.integers(-128, 128, size=(5, 6), dtype=np.int8)
    ds = new_dataset(5, 6, 1, 8, True, "MONOCHROME1")
    ds.RescaleSlope = "0.5"
    ds.RescaleIntercept = "-3"
    ds.WindowCenter = ["10", "20"]
    ds.WindowWidth = ["100", "200"]
    save(ds, "gen_signed8.dcm", v.tobytes())
    # signed 32-bit, implicit VR, 3 frames
    v = rng.integers(-2**31, 2**31, size=(3, 4, 5), dtype=np.int64).astype(np.int32)
    ds = new_dataset(4, 5, 1, 32, True, "MONOCHROME2", ImplicitVRLittleEndian)
    ds.NumberOfFrames = 3
    save(ds, "gen_signed32_implicit.dcm", v.astype("<i4").tobytes())
    # 12 bits stored in 16, signed, with junk in the 4 unused high bits (pydicom 3 sign-extends from bit 11)
    v = rng.integers(0, 65536, size=(6, 8), dtype=np.uint16)
    ds = new_dataset(6, 8, 1, 16, True, "MONOCHROME2")
    ds.BitsStored = 12
    ds.HighBit = 11
    ds.RescaleSlope = "1"
    ds.RescaleIntercept = "-1024"
    save(ds, "gen_bits12_dirty.dcm", v.astype("<u2").tobytes())
    # 32-bit float pixel data (Float Pixel Data)
    v = rng.normal(size=(4, 3)).astype(np.float32)
    ds = new_dataset(4, 3, 1, 32, False, "MONOCHROME2")
    del ds.BitsStored, ds.HighBit, ds.PixelRepresentation
    ds.FloatPixelData = v.astype("<f4").tobytes()
    pydicom.dcmwrite(os.path.join(HERE, "gen_float32.dcm"), ds, write_like_original=False)
    # RLE frames split over several fragments each, no Basic Offset Table
    ds = pydicom.dcmread(os.path.join(SRC, "SC_rgb_rle_2frame.dcm"))
    frames = [f for f in pydicom.encaps.generate_pixel_data_frame(ds.PixelData, 2)]
    items = b"".join(b"\xfe\xff\x00\xe0" + len(f).to_bytes(4, "little") + f
                     for fr in frames for f in (fr[:100], fr[100:200], fr[200:]))
    ds.PixelData = b"\xfe\xff\x00\xe0\x00\x00\x00\x00" + items  # pydicom writes the delimiter
    ds["PixelData"].is_undefined_length = True
    ds.save_as(os.path.join(HERE, "gen_rle_fragmented.dcm"))
    # Deflated explicit VR little endian, from CT_small, written by hand (pydicom 2.3 does not deflate)
    ct = pydicom.dcmread(os.path.join(SRC, "CT_small.dcm"))
    body = pydicom.filebase.DicomBytesIO()
    body.is_little_endian, body.is_implicit_VR = True, False
    pydicom.filewriter.write_dataset(body, ct)
    comp = zlib.compressobj(6, zlib.DEFLATED, -15)
    deflated = comp.compress(body.getvalue()) + comp.flush()
    ct.file_meta.TransferSyntaxUID = pydicom.uid.DeflatedExplicitVRLittleEndian
    meta = pydicom.filebase.DicomBytesIO()
    meta.is_little_endian, meta.is_implicit_VR = True, False
    pydicom.filewriter.write_file_meta_info(meta, ct.file_meta, enforce_standard=True)
    with open(os.path.join(HERE, "gen_deflated_ct.dcm"), "wb") as f:
        f.write(b"\0" * 128 + b"DICM" + meta.getvalue() + deflated)


def number_or_list(v):
    if v is None:
        return None
    if isinstance(v, pydicom.multival.MultiValue):
        return [float(x) for x in v]
    return float(v)


def header_facts(name, ds):
    def opt(kw, conv):
        v = ds.get(kw)
        return None if v is None or v == "" else conv(v)

    ps = ds.get("PixelSpacing") or ds.get("ImagerPixelSpacing")
    frames = int(ds.NumberOfFrames) if "NumberOfFrames" in ds and ds.NumberOfFrames else (1 if "Rows" in ds else None)
    return {
        "transfer_syntax": str(ds.file_meta.TransferSyntaxUID),
        "photometric": opt("PhotometricInterpretation", str),
        "rescale_slope": opt("RescaleSlope", float),
        "rescale_intercept": opt("RescaleIntercept", float),
        "window_center": number_or_list(ds.get("WindowCenter")),
        "window_width": number_or_list(ds.get("WindowWidth")),
        "patient_id": opt("PatientID", str),
        "study_uid": opt("StudyInstanceUID", str),
        "series_uid": opt("SeriesInstanceUID", str),
        "sop_instance_uid": opt("SOPInstanceUID", str),
        "rows": opt("Rows", int),
        "columns": opt("Columns", int),
        "frames": frames,
        "bits_allocated": opt("BitsAllocated", int),
        "bits_stored": opt("BitsStored", int),
        "pixel_representation": opt("PixelRepresentation", int),
        "samples_per_pixel": opt("SamplesPerPixel", int),
        "instance_number": opt("InstanceNumber", int),
        "image_position": opt("ImagePositionPatient", lambda v: [float(x) for x in v]),
        "image_orientation": opt("ImageOrientationPatient", lambda v: [float(x) for x in v]),
        "slice_thickness": opt("SliceThickness", float),
        "modality": opt("Modality", str),
        "pixel_spacing": [float(x) for x in ps] if ps else None,
    }


def correct_unused_bits(arr, ds):
    """What pydicom 3's pixel_array does by default (correct_unused_bits=True) and pydicom 2.3 does
    not: when Bits Stored < Bits Allocated, shift left then right within the stored dtype, so unused
    high bits are cleared (unsigned) or filled with the sign (signed). Not for JPEG 2000, whose
    corrections come from the codestream."""
    stored, allocated = ds.get("BitsStored", 0), ds.get("BitsAllocated", 0)
    if "PixelData" not in ds or not stored or stored >= allocated:
        return arr
    if ds.file_meta.TransferSyntaxUID in ("1.2.840.10008.1.2.4.90", "1.2.840.10008.1.2.4.91"):
        return arr
    arr = arr.copy()
    shift = allocated - stored
    np.left_shift(arr, shift, out=arr)
    np.right_shift(arr, shift, out=arr)
    return arr


def expected_pixels(ds):
    arr = correct_unused_bits(ds.pixel_array, ds)
    if ds.PhotometricInterpretation in ("YBR_FULL", "YBR_FULL_422") and ds.SamplesPerPixel == 3:
        arr = convert_color_space(arr, "YBR_FULL", "RGB")
    return np.asarray(apply_modality_lut(arr, ds), dtype=np.float64)


def write_bin(name, arr):
    # gzip keeps the resources small (float64 of small integers compresses ~20x); Java reads it
    # with java.util.zip.GZIPInputStream. mtime=0 keeps the files byte-identical across runs.
    with gzip.GzipFile(os.path.join(HERE, name), "wb", mtime=0) as f:
        f.write(np.ascontiguousarray(arr, dtype="<f8").tobytes())


# ----------------------------------------------------------------------------------- series
def slice_ds(series_uid, desc, rows, cols, ipp, iop, spacing, instance, pixels, slope=None, intercept=None):
    ds = new_dataset(rows, cols, 1, 16, True, "MONOCHROME2")
    ds.Modality = "CT"
    ds.SeriesInstanceUID = series_uid
    ds.SeriesDescription = desc
    ds.SliceThickness = "2.5"
    if ipp is not None:
        ds.ImagePositionPatient = [repr(float(x)) for x in ipp]
        ds.ImageOrientationPatient = [repr(float(x)) for x in iop]
    ds.PixelSpacing = [repr(float(x)) for x in spacing]
    if instance is not None:
        ds.InstanceNumber = instance
    if slope is not None:
        ds.RescaleSlope, ds.RescaleIntercept = str(slope), str(intercept)
    ds.PixelData = pixels.astype("<i2").tobytes()
    ds["PixelData"].VR = "OW"
    return ds


def make_series(index):
    root = os.path.join(HERE, "series")
    shutil.rmtree(root, ignore_errors=True)
    rng = np.random.default_rng(11)
    out = {}

    # --- mixed/: series A (5 tilted slices, shuffled names and instance numbers) + series B + junk
    d = os.path.join(root, "mixed")
    os.makedirs(os.path.join(d, "sub"))
    a = np.deg2rad(20.0)
    row_cos = np.array([np.cos(a), np.sin(a), 0.0])
    col_cos = np.array([0.0, 0.0, -1.0])  # a coronal-ish, tilted plane
    row_cos, col_cos = row_cos / np.linalg.norm(row_cos), col_cos / np.linalg.norm(col_cos)
    normal = np.cross(row_cos, col_cos)
    rows, cols, spacing, step = 6, 7, (0.8, 0.6), 3.0
    origin = np.array([-12.5, 40.25, 88.0])
    slices = [rng.integers(-500, 1500, size=(rows, cols)) for _ in range(5)]
    order = [3, 0, 4, 1, 2]             # file k holds slice order[k]
    instances = [5, 2, 9, 1, 7]         # deliberately unrelated to position
    for k, s in enumerate(order):
        ipp = origin + s * step * normal
        ds = slice_ds("1.2.826.0.1.9999.1", "tilted A", rows, cols, ipp, np.r_[row_cos, col_cos], spacing,
                      instances[k], slices[s], slope=2, intercept=-100)
        ds.save_as(os.path.join(d, f"img_{'qmxbz'[k]}.dcm"), write_like_original=False)
    vol = np.stack(slices).astype(np.float64) * 2 - 100
    flip = np.diag([-1.0, -1.0, 1.0])
    aff = np.eye(4)
    aff[:3, 0] = flip @ (normal * step)
    aff[:3, 1] = flip @ (col_cos * spacing[0])
    aff[:3, 2] = flip @ (row_cos * spacing[1])
    aff[:3, 3] = flip @ origin
    write_bin("series_mixed_A.expected.bin.gz", vol)
    out["mixed_A"] = {"dir": "series/mixed", "uid": "1.2.826.0.1.9999.1", "shape": list(vol.shape),
                      "bin": "series_mixed_A.expected.bin.gz", "affine": aff.tolist(),
                      "spacing": [step, spacing[0], spacing[1]], "instance_numbers_sorted": [instances[order.index(s)] for s in range(5)]}
    # series B: 3 axial slices in a sub-folder, descending z in file order
    b_slices = [rng.integers(0, 100, size=(4, 4)) for _ in range(3)]
    for k in range(3):
        ds = slice_ds("1.2.826.0.1.9999.2", "axial B", 4, 4, [0.0, 0.0, 10.0 - 4.0 * k], [1, 0, 0, 0, 1, 0],
                      (1.0, 1.0), k + 1, b_slices[k])
        ds.save_as(os.path.join(d, "sub", f"b{k}.dcm"), write_like_original=False)
    vol_b = np.stack(b_slices[::-1]).astype(np.float64)  # ascending z: last file first
    aff_b = np.eye(4)
    aff_b[:3, 0] = [0, 0, 4.0]
    aff_b[:3, 1] = [0, -1.0, 0]
    aff_b[:3, 2] = [-1.0, 0, 0]
    aff_b[:3, 3] = [-0.0, -0.0, 2.0]
    write_bin("series_mixed_B.expected.bin.gz", vol_b)
    out["mixed_B"] = {"dir": "series/mixed", "uid": "1.2.826.0.1.9999.2", "shape": list(vol_b.shape),
                      "bin": "series_mixed_B.expected.bin.gz", "affine": aff_b.tolist(), "spacing": [4.0, 1.0, 1.0]}
    with open(os.path.join(d, "notes.txt"), "w") as f:
        f.write("not a DICOM file\n")

    # --- noposition/: instance numbers only
    d = os.path.join(root, "noposition")
    os.makedirs(d)
    n_slices = [rng.integers(0, 50, size=(3, 2)) for _ in range(3)]
    for k, inst in enumerate([3, 1, 2]):
        ds = slice_ds("1.2.826.0.1.9999.3", "no position", 3, 2, None, None, (1.0, 1.0), inst, n_slices[inst - 1])
        ds.save_as(os.path.join(d, f"n{k}.dcm"), write_like_original=False)
    vol_n = np.stack(n_slices).astype(np.float64)
    write_bin("series_noposition.expected.bin.gz", vol_n)
    out["noposition"] = {"dir": "series/noposition", "uid": "1.2.826.0.1.9999.3", "shape": list(vol_n.shape),
                         "bin": "series_noposition.expected.bin.gz", "affine": None, "spacing": [2.5, 1.0, 1.0]}

    # --- gap/: non-uniform slice spacing
    d = os.path.join(root, "gap")
    os.makedirs(d)
    for k, z in enumerate([0.0, 2.0, 4.0, 9.0]):
        ds = slice_ds("1.2.826.0.1.9999.4", "gap", 2, 2, [0, 0, z], [1, 0, 0, 0, 1, 0], (1.0, 1.0), k + 1,
                      np.full((2, 2), k))
        ds.save_as(os.path.join(d, f"g{k}.dcm"), write_like_original=False)
    out["gap"] = {"dir": "series/gap", "uid": "1.2.826.0.1.9999.4", "slice_spacing": 3.0}

    # --- mismatch/: two slices of different sizes
    d = os.path.join(root, "mismatch")
    os.makedirs(d)
    for k, (r, c) in enumerate([(2, 2), (3, 2)]):
        ds = slice_ds("1.2.826.0.1.9999.5", "mismatch", r, c, [0, 0, k], [1, 0, 0, 0, 1, 0], (1.0, 1.0), k + 1,
                      np.zeros((r, c)))
        ds.save_as(os.path.join(d, f"m{k}.dcm"), write_like_original=False)
    index["series"] = out


def main():
    for name in COPIED:
        shutil.copy(os.path.join(SRC, name), os.path.join(HERE, name))
    generate()
    index = {"images": {}, "headers": {}}
    for name in HEADERS:
        ds = read(name)
        index["headers"][name] = header_facts(name, ds)
    for name in IMAGES:
        # pydicom cannot split RLE frames spread over several fragments without an offset table;
        # the pixels are those of the file it was made from.
        ds = read("SC_rgb_rle_2frame.dcm" if name == "gen_rle_fragmented.dcm" else name)
        arr = expected_pixels(ds)
        binname = name[:-4] + ".expected.bin.gz"
        write_bin(binname, arr)
        index["images"][name] = {"shape": list(arr.shape), "bin": binname}
    make_series(index)
    with open(os.path.join(HERE, "index.json"), "w") as f:
        json.dump(index, f, indent=1, sort_keys=True)


if __name__ == "__main__":
    main()
