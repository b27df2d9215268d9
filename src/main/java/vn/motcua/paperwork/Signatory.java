package vn.motcua.paperwork;

/**
 * Who signs a letter on behalf of the issuing unit (thẩm quyền ký, Decree 30/2020/NĐ-CP), printed in the signature
 * block of forms 04 and 05.
 *
 * @param capacity the authority signed for, e.g. {@code "TM. ỦY BAN NHÂN DÂN"} or {@code "KT. CHỦ TỊCH"}; optional
 * @param position the signer's position, e.g. {@code "CHỦ TỊCH"}; required
 * @param name     the signer's full name; required
 */
public record Signatory(String capacity, String position, String name) {
}
