package org.medino.image.dicom;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.medino.MedinoException;

/**
 * The elements of one data set (the file meta, the main data set or a sequence item), decoded
 * only on request and only for the handful of types the reader needs: text, integers, decimals.
 */
final class DicomDataset {
    private final DicomBytes bytes;
    private final boolean bigEndian;
    private final Map<Integer, DicomElement> elements = new LinkedHashMap<>();

    DicomDataset(DicomBytes bytes, boolean bigEndian) {
        this.bytes = bytes;
        this.bigEndian = bigEndian;
    }

    void put(DicomElement element) {
        elements.put(element.tag(), element);
    }

    DicomElement get(int tag) {
        return elements.get(tag);
    }

    boolean contains(int tag) {
        return elements.containsKey(tag);
    }

    boolean bigEndian() {
        return bigEndian;
    }

    DicomBytes bytes() {
        return bytes;
    }

    Iterable<DicomElement> elements() {
        return elements.values();
    }

    /** The VR to decode with: the file's, unless it is UN (or implicit) and the dictionary knows better. */
    private static String vrOf(DicomElement e) {
        String vr = e.vr();
        if (vr.equals("UN")) {
            return Tags.dictionaryVr(e.tag());
        }
        return vr;
    }

    private Charset charset() {
        // Only the values medino reads are ever decoded (UIDs, codes, numbers, IDs): ASCII in
        // practice. UTF-8 is honoured; every other character set is read as Latin-1, which keeps
        // ASCII intact and never fails.
        String cs = rawString(Tags.SPECIFIC_CHARACTER_SET, StandardCharsets.ISO_8859_1);
        return cs != null && cs.contains("ISO_IR 192") ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1;
    }

    private String rawString(int tag, Charset charset) {
        DicomElement e = elements.get(tag);
        if (e == null || e.items() != null || e.fragments() != null || e.length() <= 0) {
            return null;
        }
        return new String(bytes.copy(e.offset(), e.length()), charset);
    }

    /** All values of a text element (split at backslashes, padding removed); empty when absent or empty. */
    List<String> strings(int tag) {
        String raw = rawString(tag, charset());
        List<String> out = new ArrayList<>();
        if (raw == null) {
            return out;
        }
        for (String part : raw.split("\\\\", -1)) {
            out.add(trim(part));
        }
        if (out.size() == 1 && out.get(0).isEmpty()) {
            out.clear();
        }
        return out;
    }

    /** The first value of a text element, or null when absent or empty. */
    String string(int tag) {
        List<String> all = strings(tag);
        return all.isEmpty() || all.get(0).isEmpty() ? null : all.get(0);
    }

    private static String trim(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && (s.charAt(start) == ' ' || s.charAt(start) == '\0')) start++;
        while (end > start && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\0')) end--;
        return s.substring(start, end);
    }

    /**
     * All values of a numeric element, whatever its VR: binary (US, SS, UL, SL, FL, FD) or text
     * (DS, IS). Empty when absent or empty; a value that is not a number is an error naming the tag.
     */
    double[] numbers(int tag) {
        DicomElement e = elements.get(tag);
        if (e == null || e.items() != null || e.fragments() != null || e.length() <= 0) {
            return new double[0];
        }
        String vr = vrOf(e);
        int size;
        switch (vr) {
            case "US", "SS" -> size = 2;
            case "UL", "SL", "FL" -> size = 4;
            case "FD" -> size = 8;
            default -> size = 0;
        }
        if (size > 0) {
            double[] out = new double[e.length() / size];
            for (int i = 0; i < out.length; i++) {
                int p = e.offset() + i * size;
                out[i] = switch (vr) {
                    case "US" -> bytes.u16(p, bigEndian);
                    case "SS" -> (short) bytes.u16(p, bigEndian);
                    case "UL" -> bytes.u32(p, bigEndian);
                    case "SL" -> (int) bytes.u32(p, bigEndian);
                    case "FL" -> Float.intBitsToFloat((int) bytes.u32(p, bigEndian));
                    default -> Double.longBitsToDouble(bytes.u64(p, bigEndian));
                };
            }
            return out;
        }
        List<String> parts = strings(tag);
        List<Double> values = new ArrayList<>();
        for (String part : parts) {
            if (part.isEmpty()) {
                continue; // an empty value in a list, e.g. "1\\", carries nothing
            }
            try {
                values.add(Double.parseDouble(part));
            } catch (NumberFormatException ex) {
                throw new MedinoException(bytes.source() + ": " + Tags.str(tag) + " holds \"" + part
                        + "\", not a number");
            }
        }
        double[] out = new double[values.size()];
        for (int i = 0; i < out.length; i++) out[i] = values.get(i);
        return out;
    }

    /** The first numeric value, or null. */
    Double number(int tag) {
        double[] all = numbers(tag);
        return all.length == 0 ? null : all[0];
    }

    /** The first numeric value as an int, or null; fractions and overflows are errors. */
    Integer integer(int tag) {
        Double d = number(tag);
        if (d == null) {
            return null;
        }
        if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) {
            throw new MedinoException(bytes.source() + ": " + Tags.str(tag) + " holds " + d + ", not an integer");
        }
        return d.intValue();
    }
}
