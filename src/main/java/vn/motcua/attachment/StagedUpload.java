package vn.motcua.attachment;

import java.time.Instant;

/**
 * A file uploaded before its dossier exists (the desk's intake, the online submission), checked like any upload and
 * kept aside until the dossier is received with it ({@link StagedUploadService}).
 *
 * @param reference     what the receive request names it by ({@code ReceiveDossier.stagedFiles})
 * @param componentCode the dossier component it was uploaded for, or null (other documents)
 * @param fileName      the name given, made safe
 * @param mediaType     detected from the content
 * @param size          in bytes
 */
public record StagedUpload(String reference, String componentCode, String fileName, String mediaType, long size,
                           Instant stagedAt) { }
