package org.medino.image.dicom;

import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.medino.MedinoException;

/** Finds ImageIO readers through their service providers and reads raw rasters with them. */
final class ImageIoSupport {

    private static volatile boolean scanned;

    private ImageIoSupport() {}

    /**
     * A new reader for {@code formatName} whose provider class starts with {@code vendorPackage}
     * (e.g. the TwelveMonkeys JPEG reader rather than the JDK one).
     */
    static ImageReader reader(String formatName, String vendorPackage, String plugin) {
        ImageReader found = find(formatName, vendorPackage);
        if (found == null && !scanned) {
            // e.g. a context class loader that did not see the plugin jars at first use
            ImageIO.scanForPlugins();
            scanned = true;
            found = find(formatName, vendorPackage);
        }
        if (found == null) {
            throw new MedinoException("no " + formatName + " reader from " + plugin + " on the class path");
        }
        return found;
    }

    private static ImageReader find(String formatName, String vendorPackage) {
        Iterator<ImageReader> it = ImageIO.getImageReadersByFormatName(formatName);
        while (it.hasNext()) {
            ImageReader r = it.next();
            ImageReaderSpi spi = r.getOriginatingProvider();
            String cls = spi != null ? spi.getClass().getName() : r.getClass().getName();
            if (cls.startsWith(vendorPackage)) {
                return r;
            }
            r.dispose();
        }
        return null;
    }

    /** Reads image 0 of {@code data} as a raster, without any colour conversion. */
    static Raster readRaster(ImageReader reader, byte[] data) {
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(data))) {
            reader.setInput(in, true, true);
            return reader.readRaster(0, null);
        } catch (EOFException e) {
            throw new MedinoException("truncated stream (data ends early)", e);
        } catch (IOException e) {
            throw new MedinoException("corrupt stream (" + oneLine(e) + ")", e);
        } catch (RuntimeException e) {
            // third-party decoders report broken data as all sorts of runtime exceptions
            throw new MedinoException("corrupt stream (" + oneLine(e) + ")", e);
        } catch (StackOverflowError e) {
            throw new MedinoException("corrupt stream (decoder recursion overflow)", e);
        } catch (VirtualMachineError | LinkageError e) {
            throw e;
        } catch (Error e) {
            // jj2000 (inside jai-imageio) throws plain java.lang.Error on malformed codestreams
            throw new MedinoException("corrupt stream (" + oneLine(e) + ")", e);
        } finally {
            reader.dispose();
        }
    }

    /** All samples of a raster, row-major and band-interleaved; checks the size against the spec. */
    static int[] samples(Raster raster, FrameSpec spec) {
        if (raster.getWidth() != spec.columns() || raster.getHeight() != spec.rows()
                || raster.getNumBands() != spec.samplesPerPixel()) {
            throw new MedinoException("image is " + raster.getWidth() + "x" + raster.getHeight() + " with "
                    + raster.getNumBands() + " sample(s) per pixel, the data set says " + DicomCodecs.describe(spec));
        }
        return raster.getPixels(raster.getMinX(), raster.getMinY(), raster.getWidth(), raster.getHeight(), (int[]) null);
    }

    static String oneLine(Throwable e) {
        String m = e.getMessage();
        String text = m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
        text = text.replaceAll("\\s+", " ").trim();
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }
}
