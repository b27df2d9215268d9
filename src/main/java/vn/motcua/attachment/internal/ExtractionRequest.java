package vn.motcua.attachment.internal;

import java.io.Serializable;

/**
 * One file to extract, as the forked parser receives it in its parse context.
 *
 * @param path      the file, read directly by the forked JVM (null: read the stream the parser is given)
 * @param mediaType the media type detected at upload
 * @param trust     the roots PDF signers' certificates must chain to ({@link TrustAnchors#none()}: not checked)
 */
public record ExtractionRequest(String path, String mediaType, TrustAnchors trust) implements Serializable {
    public ExtractionRequest {
        trust = trust == null ? TrustAnchors.none() : trust;
    }

    public ExtractionRequest(String path, String mediaType) {
        this(path, mediaType, TrustAnchors.none());
    }
}
