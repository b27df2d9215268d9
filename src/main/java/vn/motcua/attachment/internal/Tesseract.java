package vn.motcua.attachment.internal;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether the tesseract OCR engine is installed (Debian: tesseract-ocr, tesseract-ocr-vie), as Tika finds it. */
public final class Tesseract {
    private static volatile Boolean installed;

    private Tesseract() { }

    /** True when a {@code tesseract} executable is on the PATH. */
    public static boolean installed() {
        if (installed == null) {
            String path = System.getenv("PATH");
            boolean found = false;
            if (path != null) {
                for (String dir : path.split(File.pathSeparator)) {
                    if (!dir.isBlank() && Files.isExecutable(Path.of(dir, "tesseract"))) {
                        found = true;
                        break;
                    }
                }
            }
            installed = found;
        }
        return installed;
    }
}
