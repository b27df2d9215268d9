package vn.motcua.dossier;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What went wrong, chosen by an applicant who rates the service 1 to 3: the aspects of service quality on which
 * satisfaction is measured for Decision 766/QĐ-TTg (indicator 5.4) and the satisfaction index of the Ministry of Home
 * Affairs (SIPAS): access, the procedure, the staff, time, costs, the result, information on progress. The list is
 * MotCua's reading of those criteria, not a text of the decision (see the README).
 */
public enum RatingCriterion {
    /** Tiếp cận dịch vụ: reaching the desk or the online service. */ ACCESS,
    /** Thủ tục, giấy tờ: the procedure and the papers asked for. */ PROCEDURE,
    /** Cán bộ, công chức: the staff's attitude and guidance. */ STAFF,
    /** Thời gian giải quyết: the processing time, a late result. */ TIME,
    /** Phí, lệ phí, chi phí: fees and other costs. */ COST,
    /** Kết quả giải quyết: the result itself. */ RESULT,
    /** Thông tin, tiến độ: information on the dossier's progress. */ INFORMATION;

    /** The highest score with which criteria may be chosen (1–3: not satisfied). */
    public static final int MAX_SCORE = 3;

    public String messageKey() { return "dossier.rating.criterion." + name(); }

    public static Optional<RatingCriterion> of(String code) {
        return Arrays.stream(values()).filter(c -> c.name().equalsIgnoreCase(code == null ? "" : code.trim())).findFirst();
    }

    /** The codes as stored ({@code TIME,STAFF}, in the list's order), or null for none. */
    static String stored(Collection<RatingCriterion> criteria) {
        if (criteria == null || criteria.isEmpty()) return null;
        return String.join(",", EnumSet.copyOf(criteria).stream().map(Enum::name).toList());
    }

    /** The criteria of stored codes (unknown ones ignored). */
    public static Set<RatingCriterion> parse(String stored) {
        Set<RatingCriterion> result = EnumSet.noneOf(RatingCriterion.class);
        if (stored != null) for (String code : stored.split(",")) of(code).ifPresent(result::add);
        return result;
    }

    /**
     * The criteria of the codes a caller sent; {@code problems} receives the unknown codes and criteria given with a
     * score above {@link #MAX_SCORE}.
     */
    static Set<RatingCriterion> read(List<String> codes, Integer score, List<String> unknown) {
        Set<RatingCriterion> result = EnumSet.noneOf(RatingCriterion.class);
        if (codes == null) return result;
        var bad = new ArrayList<String>();
        for (String code : codes) of(code).ifPresentOrElse(result::add, () -> bad.add(String.valueOf(code)));
        unknown.addAll(bad);
        return result;
    }
}
