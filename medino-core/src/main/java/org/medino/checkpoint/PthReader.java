package org.medino.checkpoint;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.medino.MedinoException;

/**
 * Reads a PyTorch checkpoint in the zip format {@code torch.save} has written since PyTorch 1.6.
 *
 * <p>The archive holds one top folder (its name varies: {@code archive}, the file's stem, ...)
 * with {@code data.pkl}, the pickled object, and {@code data/<key>}, the raw bytes of each
 * storage the pickle references. {@code byteorder} says how those bytes are ordered; older
 * PyTorch versions (1.13 among them) write none, and then the bytes are little-endian. The pickle is run by
 * {@link RestrictedUnpickler}, so a file cannot run code.
 */
public final class PthReader {
    /** torch.save's legacy format begins with a pickled magic number (LONG1 of 10 bytes). */
    private static final byte[] LEGACY_MAGIC = {
        (byte) 0x8a, 0x0a, 0x6c, (byte) 0xfc, (byte) 0x9c, 0x46, (byte) 0xf9, 0x20, 0x6a, (byte) 0xa8, 0x50, 0x19
    };

    private PthReader() {}

    /**
     * Reads the object a checkpoint holds: usually a dict of tensors, see {@link RestrictedUnpickler}
     * for the Java types.
     *
     * @throws MedinoException (one line, naming the file) if the file is missing, not a zip
     *     checkpoint, damaged, or holds anything but weights
     */
    public static Object read(Path file) {
        String name = file.toString();
        try {
            checkLooksLikeZip(file, name);
            try (ZipFile zip = new ZipFile(file.toFile())) {
                return new Archive(name, zip).read();
            }
        } catch (ZipException e) {
            throw new MedinoException(name + ": truncated or corrupt zip archive (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new MedinoException(name + ": cannot read the file (" + e + ")", e);
        }
    }

    /** Gives the reason a file is not a zip before ZipFile gives a less helpful one. */
    private static void checkLooksLikeZip(Path file, String name) throws IOException {
        if (!Files.exists(file)) {
            throw new MedinoException(name + ": file not found");
        }
        if (Files.isDirectory(file)) {
            throw new MedinoException(name + ": is a directory, not a checkpoint file");
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(2 + LEGACY_MAGIC.length);
        }
        if (head.length == 0) {
            throw new MedinoException(name + ": file is empty");
        }
        if (head.length >= 2 && head[0] == 'P' && head[1] == 'K') {
            return;
        }
        if (head.length == 2 + LEGACY_MAGIC.length && (head[0] & 0xff) == 0x80
                && Arrays.equals(head, 2, head.length, LEGACY_MAGIC, 0, LEGACY_MAGIC.length)) {
            throw new MedinoException(name + ": legacy (pre-1.6) torch.save format is not supported;"
                    + " re-save it with a current PyTorch");
        }
        if ((head[0] & 0xff) == 0x80) {
            throw new MedinoException(name + ": is a bare pickle, not a torch.save checkpoint (a zip archive)");
        }
        throw new MedinoException(name + ": not a PyTorch checkpoint (not a zip archive)");
    }

    /** One open checkpoint: finds its parts and serves storages to the unpickler. */
    private static final class Archive implements RestrictedUnpickler.StorageSource {
        private final String name;
        private final ZipFile zip;
        private final String top;
        private final boolean bigEndian;
        /** Tensors often share a storage (views, tied weights): each is read once. */
        private final Map<String, Storage> storages = new HashMap<>();

        private record Storage(DType dtype, ByteBuffer bytes) {}

        Archive(String name, ZipFile zip) throws IOException {
            this.name = name;
            this.zip = zip;
            this.top = topFolder();
            this.bigEndian = bigEndian();
        }

        Object read() throws IOException {
            ByteBuffer pickle = readEntry(zip.getEntry(top + "/data.pkl"));
            return new RestrictedUnpickler(name, this).load(pickle);
        }

        /** The folder that holds data.pkl; torch names it after the file, or "archive". */
        private String topFolder() {
            String found = null;
            // (entry names are valid UTF-8 here: ZipFile refuses to open an archive otherwise)
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                String entry = entries.nextElement().getName();
                int slash = entry.indexOf('/');
                if (slash > 0 && entry.substring(slash).equals("/data.pkl")) {
                    if (found != null) {
                        throw new MedinoException(name + ": holds more than one checkpoint ("
                                + PickleError.printable(found) + "/data.pkl and " + PickleError.printable(entry) + ")");
                    }
                    found = entry.substring(0, slash);
                }
            }
            if (found == null) {
                throw new MedinoException(name + ": no data.pkl in the zip archive, so it is not a torch.save checkpoint");
            }
            return found;
        }

        private boolean bigEndian() throws IOException {
            ZipEntry entry = zip.getEntry(top + "/byteorder");
            if (entry == null) {
                return false;
            }
            ByteBuffer bytes = readEntry(entry);
            String order = new String(bytes.array(), bytes.arrayOffset(), bytes.remaining(),
                    StandardCharsets.US_ASCII).strip();
            return switch (order) {
                case "little" -> false;
                case "big" -> true;
                default -> throw new MedinoException(name + ": unknown byte order '"
                        + PickleError.printable(order) + "' in " + entry.getName());
            };
        }

        @Override
        public ByteBuffer bytes(String key, DType dtype) {
            Storage storage = storages.get(key);
            if (storage == null) {
                storage = new Storage(dtype, load(key, dtype));
                storages.put(key, storage);
            } else if (storage.dtype() != dtype) {
                throw new MedinoException(name + ": storage '" + PickleError.printable(key) + "' is used as both "
                        + storage.dtype() + " and " + dtype);
            }
            return storage.bytes().duplicate();
        }

        private ByteBuffer load(String key, DType dtype) {
            String entryName = top + "/data/" + key;
            ZipEntry entry = zip.getEntry(entryName);
            if (entry == null) {
                throw new MedinoException(name + ": storage '" + PickleError.printable(key)
                        + "' is missing (no " + PickleError.printable(entryName) + " in the zip archive)");
            }
            try {
                ByteBuffer bytes = readEntry(entry);
                if (bigEndian) {
                    swapBytes(bytes.array(), dtype.bytes());
                }
                return bytes;
            } catch (IOException e) {
                throw new MedinoException(name + ": truncated or corrupt zip archive (cannot read "
                        + PickleError.printable(entryName) + ": " + e.getMessage() + ")", e);
            }
        }

        /**
         * The whole entry in one heap buffer, read straight into it: the only copy a storage gets
         * (InputStream.readNBytes(int) would gather chunks and copy them again).
         */
        private ByteBuffer readEntry(ZipEntry entry) throws IOException {
            long size = entry.getSize(); // the central directory always has it
            if (size > Integer.MAX_VALUE - 8) {
                throw new MedinoException(name + ": " + PickleError.printable(entry.getName())
                        + " is over 2 GiB, which medino cannot hold in one piece");
            }
            byte[] data = new byte[(int) size];
            int read;
            try (InputStream in = zip.getInputStream(entry)) {
                read = in.readNBytes(data, 0, data.length);
            }
            if (read != size) {
                throw new MedinoException(name + ": truncated zip archive (" + PickleError.printable(entry.getName())
                        + " has " + read + " of its " + size + " bytes)");
            }
            return ByteBuffer.wrap(data);
        }
    }

    /** Reverses the bytes of each element, turning big-endian storage into little-endian. */
    private static void swapBytes(byte[] data, int elementSize) {
        for (int start = 0; start + elementSize <= data.length; start += elementSize) {
            for (int i = start, j = start + elementSize - 1; i < j; i++, j--) {
                byte b = data[i];
                data[i] = data[j];
                data[j] = b;
            }
        }
    }
}
