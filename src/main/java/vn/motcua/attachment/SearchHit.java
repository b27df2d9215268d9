package vn.motcua.attachment;

/**
 * A dossier that matches a search, and where.
 *
 * @param dossierCode  the dossier
 * @param source       a dossier field or an attachment
 * @param field        which: {@code code}, {@code applicant}, {@code procedure}, {@code data.<field>} for a dossier;
 *                     {@code fileName} or {@code text} for an attachment
 * @param formLabel    for a form value, the label of its field in the procedure's intake form; else null
 * @param attachmentId the attachment, or null
 * @param fileName     the attachment's file name, or null
 * @param snippet      the matching text, cut around the match
 */
public record SearchHit(String dossierCode, Source source, String field, String formLabel, Long attachmentId, String fileName, String snippet) {

    /** The message key saying where it matched (with {@link #whereArguments()}). */
    public String whereKey() {
        if (source == Source.ATTACHMENT) return "text".equals(field) ? "search.where.text" : "search.where.fileName";
        if (field.startsWith("data.")) return "search.where.data";
        return switch (field) {
            case "code", "applicant", "procedure" -> "search.where." + field;
            default -> "search.where.data";
        };
    }

    /** The arguments of {@link #whereKey()}: the file name, or the form field's label (its key when it has none). */
    public Object[] whereArguments() {
        if (source == Source.ATTACHMENT) return new Object[] {fileName};
        if (field.startsWith("data.")) return new Object[] {formLabel != null ? formLabel : field.substring("data.".length())};
        return new Object[0];
    }

    /** Where a match was found. */
    public enum Source { DOSSIER, ATTACHMENT }
}
