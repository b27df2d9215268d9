package vn.motcua.paperwork;

/**
 * The unit that issues a document, as its letterhead names it.
 *
 * @param name            the issuing unit, e.g. {@code "UBND phường Vĩnh Thanh Vân"}; required
 * @param parentAuthority the governing authority printed above it, e.g. {@code "UBND thành phố Rạch Giá"};
 *                        null or blank for a unit that has none
 * @param identifier      its electronic identifier (mã định danh, QCVN 102:2016), e.g. {@code "000.01.15.H33"};
 *                        optional, recorded in the PDF's keywords only
 * @param place           the place name of the date line, e.g. {@code "Rạch Giá"}; required
 */
public record IssuingUnit(String name, String parentAuthority, String identifier, String place) {
}
