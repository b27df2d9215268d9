package vn.motcua.paperwork;

/**
 * The unit that issues a document, as its letterhead names it.
 *
 * <p>The templates of Circular 03/2025/TT-VPCP, Annex I, name two bodies in the letterhead. The desk's papers
 * (forms 01, 02, 03, 06 and 07) print the competent authority ({@code name}) over the receiving desk
 * ({@link #deskName()}, in bold); the authority's letters (forms 04 and 05) print the authority above it
 * ({@code parentAuthority}) over the competent authority ({@code name}, in bold).
 *
 * @param name            the competent authority, e.g. {@code "UBND phường Vĩnh Thanh Vân"}; required
 * @param parentAuthority the governing authority printed above it on letters, e.g. {@code "UBND thành phố Rạch
 *                        Giá"}; null or blank for a unit that has none
 * @param identifier      its electronic identifier (mã định danh, QCVN 102:2016), e.g. {@code "000.01.15.H33"};
 *                        optional, recorded in the PDF's keywords only
 * @param place           the place name of the date line, e.g. {@code "Rạch Giá"}; required
 * @param desk            the receiving desk when it is not the authority's own one-stop desk, e.g. {@code "Trung
 *                        tâm Phục vụ hành chính công tỉnh Kiên Giang"}; null for the authority's own desk
 *                        ("Bộ phận Một cửa")
 */
public record IssuingUnit(String name, String parentAuthority, String identifier, String place, String desk) {

    /** A unit whose dossiers are received at its own one-stop desk. */
    public IssuingUnit(String name, String parentAuthority, String identifier, String place) {
        this(name, parentAuthority, identifier, place, null);
    }

    /** Whether the desk is another body (a public service centre) rather than the authority's own desk. */
    boolean separateDesk() {
        return desk != null && !desk.isBlank();
    }
}
