package vn.motcua.attachment.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A look at a ZIP container's directory (office documents, OpenDocument, ZIP archives) before anything is inflated:
 * an entry that declares more than the allowed ratio of inflated to stored bytes, or a container declaring more
 * than a gigabyte or a hundred thousand entries, is a decompression bomb. Needed because Tika switches off Apache
 * POI's own inflation guard and its character-ratio check only sees text once a whole XML part has been loaded.
 * A container lying in its directory is still bounded by the forked JVM's heap and timeout.
 */
final class ZipGuard {
    /** Entries smaller than this are never suspicious, whatever their ratio. */
    private static final long GRACE = 1024 * 1024;
    private static final long MAX_TOTAL = 1024L * 1024 * 1024;
    private static final int MAX_ENTRIES = 100_000;

    private ZipGuard() { }

    /** Why the file is a bomb ("entry ratio 1028"), or null when it is not one or not a ZIP at all. */
    static String check(Path file, long maxRatio) {
        if (!startsLikeZip(file)) return null;
        try (var zip = new ZipFile(file.toFile())) {
            long total = 0;
            int entries = 0;
            var all = zip.entries();
            while (all.hasMoreElements()) {
                ZipEntry entry = all.nextElement();
                if (++entries > MAX_ENTRIES) return "entries > " + MAX_ENTRIES;
                long size = entry.getSize();
                long stored = entry.getCompressedSize();
                if (size < 0) continue;
                total += size;
                if (size > GRACE && stored > 0 && size / stored > maxRatio) return "entry ratio " + size / stored;
                if (total > MAX_TOTAL) return "inflated size > " + MAX_TOTAL;
            }
            return null;
        } catch (IOException | RuntimeException notReadable) {
            // not a ZIP this reader understands: the parser will say what it is
            return null;
        }
    }

    private static boolean startsLikeZip(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(4);
            return head.length == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
        } catch (IOException e) {
            return false;
        }
    }
}
