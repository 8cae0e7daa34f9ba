package org.medino.image.dicom;

/**
 * The few DICOM tags the reader looks at, as {@code group << 16 | element} ints, and how to print
 * a tag the way the standard does, "(7FE0,0010)".
 */
final class Tags {
    static final int TRANSFER_SYNTAX_UID = 0x00020010;
    static final int MEDIA_STORAGE_SOP_CLASS_UID = 0x00020002;
    static final int SPECIFIC_CHARACTER_SET = 0x00080005;
    static final int SOP_CLASS_UID = 0x00080016;
    static final int SOP_INSTANCE_UID = 0x00080018;
    static final int MODALITY = 0x00080060;
    static final int SERIES_DESCRIPTION = 0x0008103E;
    static final int PATIENT_ID = 0x00100020;
    static final int SLICE_THICKNESS = 0x00180050;
    static final int IMAGER_PIXEL_SPACING = 0x00181164;
    static final int STUDY_INSTANCE_UID = 0x0020000D;
    static final int SERIES_INSTANCE_UID = 0x0020000E;
    static final int INSTANCE_NUMBER = 0x00200013;
    static final int IMAGE_POSITION_PATIENT = 0x00200032;
    static final int IMAGE_ORIENTATION_PATIENT = 0x00200037;
    static final int SAMPLES_PER_PIXEL = 0x00280002;
    static final int PHOTOMETRIC_INTERPRETATION = 0x00280004;
    static final int PLANAR_CONFIGURATION = 0x00280006;
    static final int NUMBER_OF_FRAMES = 0x00280008;
    static final int ROWS = 0x00280010;
    static final int COLUMNS = 0x00280011;
    static final int PIXEL_SPACING = 0x00280030;
    static final int BITS_ALLOCATED = 0x00280100;
    static final int BITS_STORED = 0x00280101;
    static final int PIXEL_REPRESENTATION = 0x00280103;
    static final int WINDOW_CENTER = 0x00281050;
    static final int WINDOW_WIDTH = 0x00281051;
    static final int RESCALE_INTERCEPT = 0x00281052;
    static final int RESCALE_SLOPE = 0x00281053;
    static final int EXTENDED_OFFSET_TABLE = 0x7FE00001;
    static final int EXTENDED_OFFSET_TABLE_LENGTHS = 0x7FE00002;
    static final int FLOAT_PIXEL_DATA = 0x7FE00008;
    static final int DOUBLE_FLOAT_PIXEL_DATA = 0x7FE00009;
    static final int PIXEL_DATA = 0x7FE00010;

    // Item tags of sequences and encapsulated pixel data (group FFFE never has a VR).
    static final int ITEM = 0xFFFEE000;
    static final int ITEM_DELIMITATION = 0xFFFEE00D;
    static final int SEQUENCE_DELIMITATION = 0xFFFEE0DD;

    private Tags() {}

    static String str(int tag) {
        return String.format("(%04X,%04X)", tag >>> 16, tag & 0xFFFF);
    }

    /**
     * The value representation of the tags read above, needed for implicit VR files (which do not
     * say) and for explicit files that wrote a known tag as UN. Anything else is "UN".
     */
    static String dictionaryVr(int tag) {
        switch (tag) {
            case TRANSFER_SYNTAX_UID, MEDIA_STORAGE_SOP_CLASS_UID, SOP_CLASS_UID, SOP_INSTANCE_UID,
                    STUDY_INSTANCE_UID, SERIES_INSTANCE_UID:
                return "UI";
            case SPECIFIC_CHARACTER_SET, MODALITY, PHOTOMETRIC_INTERPRETATION:
                return "CS";
            case SERIES_DESCRIPTION, PATIENT_ID:
                return "LO";
            case SLICE_THICKNESS, IMAGER_PIXEL_SPACING, IMAGE_POSITION_PATIENT, IMAGE_ORIENTATION_PATIENT,
                    PIXEL_SPACING, WINDOW_CENTER, WINDOW_WIDTH, RESCALE_INTERCEPT, RESCALE_SLOPE:
                return "DS";
            case INSTANCE_NUMBER, NUMBER_OF_FRAMES:
                return "IS";
            case SAMPLES_PER_PIXEL, PLANAR_CONFIGURATION, ROWS, COLUMNS, BITS_ALLOCATED, BITS_STORED,
                    PIXEL_REPRESENTATION:
                return "US";
            case EXTENDED_OFFSET_TABLE, EXTENDED_OFFSET_TABLE_LENGTHS:
                return "OV";
            case FLOAT_PIXEL_DATA:
                return "OF";
            case DOUBLE_FLOAT_PIXEL_DATA:
                return "OD";
            case PIXEL_DATA:
                return "OW";
            default:
                return "UN";
        }
    }
}
