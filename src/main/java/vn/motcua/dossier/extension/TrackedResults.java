package vn.motcua.dossier.extension;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * The electronic result a visitor of the tracking page downloads, offered by the capability that issues results
 * without the tracking page knowing it.
 */
public interface TrackedResults {

    /**
     * The dossier's issued result for a visitor who gave its code and key, checked again as a tracking look-up is
     * (failures count; {@code NotFoundException} or {@code TooManyAttemptsException} as there); empty when no result
     * is issued yet.
     */
    Optional<Download> forTracking(String code, String key, String address);

    /** A result to download: its file name, who signed it (null when unsigned) and its content. */
    record Download(String fileName, String signer, Opener opener) { }

    /** Opens the content; the caller closes it. */
    @FunctionalInterface
    interface Opener {
        InputStream open() throws IOException;
    }
}
