#!/usr/bin/python3
"""Development-time generator of the codec test fixtures (not run by the build).

For every sample it writes, next to this script:
  NAME.frame.bin        the first encapsulated frame, exactly as stored in the file
  NAME.expected.bin.gz  gzip of the samples pydicom returns with GDCM as its only pixel data
                        handler, as little-endian int32, row-major, R,G,B interleaved; if
                        pydicom leaves the data in YBR_FULL / YBR_FULL_422 it is converted to
                        RGB with pydicom's own convert_color_space
  index.csv             name, transfer syntax and the FrameSpec values of every sample

Sources: pydicom's bundled test files, plus a few made here with GDCM (JPEG lossless from
MR_small.dcm) and with Pillow (a YBR_FULL_422 baseline JPEG without JFIF marker).

Run with the Debian python (pydicom 2.3, gdcm, numpy, PIL):  /usr/bin/python3 make_frames.py
"""
import csv
import gzip
import io
import os
import shutil
import sys
import tempfile

import gdcm
import numpy as np
import pydicom
from PIL import Image
from pydicom.encaps import encapsulate, generate_pixel_data_frame
from pydicom.pixel_data_handlers import gdcm_handler
from pydicom.pixel_data_handlers.util import convert_color_space

TEST_FILES = os.path.join(os.path.dirname(pydicom.__file__), "data", "test_files")
OUT = os.path.dirname(os.path.abspath(__file__))

# (fixture name, source file in pydicom's test files)
BUNDLED = [
    ("JPEG-lossy", "JPEG-lossy.dcm"),                      # .51, 12-bit
    ("JPGExtended", "JPGExtended.dcm"),                    # .51, 12-bit
    ("MR_small_jp2klossless", "MR_small_jp2klossless.dcm"),  # .90, signed 16-bit
    ("JPEG2000", "JPEG2000.dcm"),                          # .91, signed 16-bit
    ("693_J2KI", "693_J2KI.dcm"),                          # .91, signed, BitsStored 14
    ("SC_rgb_jpeg_dcmtk", "SC_rgb_jpeg_dcmtk.dcm"),        # .50, YBR_FULL, JFIF
    ("SC_rgb_jpeg_gdcm", "SC_rgb_jpeg_gdcm.dcm"),          # .70, RGB, Adobe + 'R','G','B' ids
    ("SC_rgb_jpeg_app14_dcmd", "SC_rgb_jpeg_app14_dcmd.dcm"),  # .50, RGB, Adobe transform 0
    ("SC_rgb_jpeg", "SC_rgb_jpeg.dcm"),                    # .50, RGB, Adobe transform 0
    ("SC_rgb_jpeg_lossy_gdcm", "SC_rgb_jpeg_lossy_gdcm.dcm"),  # .50, RGB, no markers, 4:2:0
    ("SC_jpeg_no_color_transform", "SC_jpeg_no_color_transform.dcm"),  # .50, RGB, no markers
    # SC_jpeg_no_color_transform_2.dcm holds the same frame as SC_rgb_jpeg_app14_dcmd.dcm
    ("SC_rgb_small_odd_jpeg", "SC_rgb_small_odd_jpeg.dcm"),  # .50, YBR_FULL, 3x3
    ("GDCMJ2K_TextGBR", "GDCMJ2K_TextGBR.dcm"),            # .90, YBR_RCT, JP2 file format
    ("J2K_pixelrep_mismatch", "J2K_pixelrep_mismatch.dcm"),  # .90, J2K unsigned, DICOM signed
]


def gdcm_change_syntax(src, dst, ts):
    reader = gdcm.ImageReader()
    reader.SetFileName(src)
    if not reader.Read():
        sys.exit(f"GDCM cannot read {src}")
    change = gdcm.ImageChangeTransferSyntax()
    change.SetTransferSyntax(gdcm.TransferSyntax(gdcm.TransferSyntax.GetTSType(ts)))
    change.SetInput(reader.GetImage())
    if not change.Change():
        sys.exit(f"GDCM cannot change {src} to {ts}")
    writer = gdcm.ImageWriter()
    writer.SetFile(reader.GetFile())
    writer.SetImage(change.GetOutput())
    writer.SetFileName(dst)
    if not writer.Write():
        sys.exit(f"GDCM cannot write {dst}")


def strip_app0(jpeg):
    """Drops JFIF APP0 segments: DICOM JPEGs usually carry no colour marker."""
    out = bytearray(jpeg[:2])
    i = 2
    while jpeg[i] == 0xFF and jpeg[i + 1] != 0xDA:
        length = (jpeg[i + 2] << 8) | jpeg[i + 3]
        if jpeg[i + 1] != 0xE0:
            out += jpeg[i:i + 2 + length]
        i += 2 + length
    out += jpeg[i:]
    return bytes(out)


def make_ybr_422(src, dst):
    """A baseline JPEG in YCbCr with 4:2:2 chroma and no JFIF marker, as YBR_FULL_422."""
    ds = pydicom.dcmread(src)
    rgb = ds.pixel_array  # native RGB
    buf = io.BytesIO()
    Image.fromarray(rgb, "RGB").save(buf, "JPEG", quality=90, subsampling=1)  # 1 = 4:2:2
    frame = strip_app0(buf.getvalue())
    ds.PixelData = encapsulate([frame])
    ds["PixelData"].is_undefined_length = True
    ds["PixelData"].VR = "OB"
    ds.PhotometricInterpretation = "YBR_FULL_422"
    ds.PlanarConfiguration = 0
    ds.file_meta.TransferSyntaxUID = "1.2.840.10008.1.2.4.50"
    ds.is_little_endian = True
    ds.is_implicit_VR = False
    ds.save_as(dst, write_like_original=False)


def expected_samples(path):
    ds = pydicom.dcmread(path)
    pydicom.config.pixel_data_handlers = [gdcm_handler]
    arr = ds.pixel_array
    if ds.PhotometricInterpretation in ("YBR_FULL", "YBR_FULL_422"):
        # pydicom + GDCM leave JPEG YCbCr as it is; the codec layer returns RGB.
        arr = convert_color_space(arr, "YBR_FULL", "RGB")
    return arr.astype("<i4")


def main():
    tmp = tempfile.mkdtemp(prefix="medino-frames-")
    made = []
    mr = os.path.join(TEST_FILES, "MR_small.dcm")
    for name, ts in (("MR_small_jpeg_lossless_sv1", "1.2.840.10008.1.2.4.70"),
                     ("MR_small_jpeg_lossless_p14", "1.2.840.10008.1.2.4.57")):
        dst = os.path.join(tmp, name + ".dcm")
        gdcm_change_syntax(mr, dst, ts)
        made.append((name, dst))
    dst = os.path.join(tmp, "gdcm_rgb_j2k.dcm")
    gdcm_change_syntax(os.path.join(TEST_FILES, "SC_rgb_jpeg_dcmd.dcm"), dst,
                       "1.2.840.10008.1.2.4.90")
    made.append(("gdcm_rgb_j2k", dst))
    dst = os.path.join(tmp, "pil_ybr_full_422.dcm")
    make_ybr_422(os.path.join(TEST_FILES, "SC_rgb_jpeg_dcmd.dcm"), dst)
    made.append(("pil_ybr_full_422", dst))

    samples = [(n, os.path.join(TEST_FILES, f)) for n, f in BUNDLED] + made
    rows = []
    for name, path in samples:
        ds = pydicom.dcmread(path)
        frame = next(generate_pixel_data_frame(ds.PixelData, 1))
        spec = dict(
            name=name,
            transferSyntax=str(ds.file_meta.TransferSyntaxUID),
            rows=ds.Rows, columns=ds.Columns, samplesPerPixel=ds.SamplesPerPixel,
            bitsAllocated=ds.BitsAllocated, bitsStored=ds.BitsStored,
            signed=str(ds.PixelRepresentation == 1).lower(),
            photometric=ds.PhotometricInterpretation,
        )
        expected = expected_samples(path)
        count = ds.Rows * ds.Columns * ds.SamplesPerPixel
        if expected.size != count:
            sys.exit(f"{name}: {expected.size} samples, expected {count}")
        with open(os.path.join(OUT, name + ".frame.bin"), "wb") as f:
            f.write(frame)
        with gzip.GzipFile(os.path.join(OUT, name + ".expected.bin.gz"), "wb", mtime=0) as f:
            f.write(expected.tobytes())
        rows.append(spec)
        print(f"{name}: {spec['transferSyntax']} {spec['photometric']} {len(frame)} bytes,"
              f" samples {expected.min()}..{expected.max()}")
    with open(os.path.join(OUT, "index.csv"), "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0].keys()), lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    shutil.rmtree(tmp)


if __name__ == "__main__":
    main()
