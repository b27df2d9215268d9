package vn.motcua.attachment;

import java.io.IOException;
import java.io.InputStream;

/**
 * An attachment's bytes, to stream to a reader.
 *
 * @param fileName  the name to offer
 * @param mediaType the detected type
 * @param size      in bytes
 * @param opener    opens the content; the caller closes the stream
 */
public record AttachmentContent(String fileName, String mediaType, long size, Opener opener) {

    /** Opens the content. */
    @FunctionalInterface
    public interface Opener {
        InputStream open() throws IOException;
    }

    /** A new stream over the content; the caller closes it. */
    public InputStream open() throws IOException { return opener.open(); }

    /** True when a browser may show it inline (PDF, images); anything else is offered as a download. */
    public boolean inline() {
        return "application/pdf".equals(mediaType) || "image/jpeg".equals(mediaType) || "image/png".equals(mediaType)
                || "image/gif".equals(mediaType) || "image/webp".equals(mediaType) || "image/bmp".equals(mediaType);
    }
}
