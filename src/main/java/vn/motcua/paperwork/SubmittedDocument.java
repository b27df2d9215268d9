package vn.motcua.paperwork;

/**
 * One paper of the dossier (thành phần hồ sơ) as the receipt lists it.
 *
 * @param name     what the paper is, e.g. {@code "Giấy chứng sinh"}; required
 * @param copyType in which form it was submitted; required
 * @param count    how many of it; at least 1
 */
public record SubmittedDocument(String name, CopyType copyType, int count) {
}
