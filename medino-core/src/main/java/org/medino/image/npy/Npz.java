package org.medino.image.npy;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.medino.MedinoException;
import org.medino.image.NdArray;

/**
 * numpy's .npz: a zip (stored or deflated, as np.savez / np.savez_compressed write) of .npy
 * files; the key is the entry name without ".npy", in the zip's order.
 */
public final class Npz {
    private Npz() {}

    public static Map<String, NdArray> read(Path file) {
        Map<String, NdArray> out = new LinkedHashMap<>();
        for (Map.Entry<String, Npy.Typed> e : readTyped(file).entrySet()) out.put(e.getKey(), e.getValue().array());
        return out;
    }

    public static Map<String, Npy.Typed> readTyped(Path file) {
        if (!Files.exists(file)) throw new MedinoException(file + ": no such file");
        Map<String, Npy.Typed> out = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (entry.isDirectory()) continue;
                String name = entry.getName();
                String key = name.endsWith(".npy") ? name.substring(0, name.length() - 4) : name;
                try (InputStream in = new BufferedInputStream(zip.getInputStream(entry), 1 << 16)) {
                    out.put(key, Npy.read(in, Path.of(file + "[" + name + "]")));
                }
            }
        } catch (NoSuchFileException e) {
            throw new MedinoException(file + ": no such file", e);
        } catch (ZipException e) {
            throw new MedinoException(file + ": not a readable .npz (zip) file: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new MedinoException(file + ": cannot read: " + e.getMessage(), e);
        }
        return out;
    }
}
