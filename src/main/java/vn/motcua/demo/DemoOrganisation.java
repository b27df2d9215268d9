package vn.motcua.demo;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.organisation.OrganisationAdministration;
import vn.motcua.organisation.OrganisationService;
import vn.motcua.organisation.Role;
import vn.motcua.organisation.Unit;
import vn.motcua.organisation.UnitKind;
import vn.motcua.organisation.UnitLevel;
import vn.motcua.security.SystemAccess;

/**
 * The demo province as local government stands since 1 July 2025 (two tiers, Resolution 202/2025/QH15 merging Kiên
 * Giang into An Giang): the provincial People's Committee, its public service centre with two branches, its
 * departments under their 2025 names (Resolution 190/2025/QH15 and the government's restructuring of March 2025; the
 * departments merged away kept as closed units), communes, wards and special zones directly under the province, and
 * the former cities and districts only as units closed on 30 June 2025. Central vertical agencies (tax, police, social
 * insurance) work beside them. Identifiers follow the QCVN 102 format with the former Kiên Giang's code H33; they
 * are illustrative, as are the few communes chosen. Demo users all have the password {@code demo}. Created once, on
 * the first start with the demo profile.
 */
@Component
@Profile("demo")
@Order(0)
class DemoOrganisation implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(DemoOrganisation.class);
    static final String PROVINCE = "000.00.00.H33";
    /** Phường Vĩnh Thanh Vân: the demo desk of clerk, specialist and leader. */
    static final String WARD_VINH_THANH_VAN = "000.01.15.H33";
    /** Xã Bình An: the demo desk of clerk2. */
    static final String COMMUNE_BINH_AN = "000.02.17.H33";
    /** Đặc khu Phú Quốc (a special zone): clerk3, specialist3, leader3. */
    static final String SPECIAL_ZONE_PHU_QUOC = "000.00.126.H33";
    /** Sở Văn hóa, Thể thao và Du lịch (province level): clerk4, specialist4, leader4. */
    static final String DEPARTMENT_OF_TOURISM = "000.00.05.H33";
    /** Trung tâm Phục vụ hành chính công tỉnh: the desk of the province's departments. */
    static final String SERVICE_CENTRE = "000.00.40.H33";
    /** Thuế cơ sở (the tax office of inter-agency procedures): tax. */
    static final String TAX_OFFICE = "000.00.30.H33";
    /** Công an tỉnh: the police of the bundles' communes without a row of their own. */
    static final String POLICE_PROVINCE = "000.00.33.G12";
    /** Công an phường Vĩnh Thanh Vân: residence steps of the ward's joined-up dossiers; user police. */
    static final String POLICE_WARD_VINH_THANH_VAN = "000.01.33.G12";
    /** Công an xã Bình An. */
    static final String POLICE_COMMUNE_BINH_AN = "000.02.33.G12";
    /** Bảo hiểm xã hội tỉnh. */
    static final String SOCIAL_INSURANCE_PROVINCE = "000.00.33.G22";
    /** Bảo hiểm xã hội cơ sở Rạch Giá: health insurance and funeral allowance steps; user insurance. */
    static final String SOCIAL_INSURANCE_RACH_GIA = "000.01.33.G22";
    private static final String PASSWORD = "demo";
    /** The day districts ceased to exist: the last day they worked. */
    private static final LocalDate DISTRICTS_CLOSED = LocalDate.of(2025, 6, 30);
    /** The day the merged departments stopped working (the restructuring took effect on 1 March 2025). */
    private static final LocalDate DEPARTMENTS_MERGED = LocalDate.of(2025, 2, 28);

    /** A department: code, names, and whether it was merged away in 2025. */
    private record Department(String code, String name, String nameEn, boolean merged) { }

    private static final List<Department> DEPARTMENTS = List.of(
            new Department("01", "Sở Tư pháp", "Department of Justice", false),
            new Department("02", "Sở Nông nghiệp và Môi trường", "Department of Agriculture and Environment", false),
            new Department("03", "Sở Y tế", "Department of Health", false),
            new Department("04", "Sở Giáo dục và Đào tạo", "Department of Education and Training", false),
            new Department("05", "Sở Văn hóa, Thể thao và Du lịch", "Department of Culture, Sports and Tourism", false),
            new Department("06", "Sở Giao thông vận tải", "Department of Transport", true),
            new Department("07", "Sở Công Thương", "Department of Industry and Trade", false),
            new Department("08", "Sở Nông nghiệp và Phát triển nông thôn", "Department of Agriculture and Rural Development", true),
            new Department("09", "Sở Kế hoạch và Đầu tư", "Department of Planning and Investment", true),
            new Department("10", "Sở Xây dựng", "Department of Construction", false),
            new Department("11", "Sở Tài chính", "Department of Finance", false),
            new Department("12", "Sở Thông tin và Truyền thông", "Department of Information and Communications", true),
            new Department("13", "Sở Lao động - Thương binh và Xã hội", "Department of Labour, Invalids and Social Affairs", true),
            new Department("14", "Sở Nội vụ", "Department of Home Affairs", false),
            new Department("34", "Sở Khoa học và Công nghệ", "Department of Science and Technology", false),
            new Department("35", "Sở Dân tộc và Tôn giáo", "Department of Ethnic Minorities and Religion", false));

    /** A former city or district (closed) and the communes and wards it had, now directly under the province. */
    private record District(String code, String name, String nameEn, List<String> communes) { }

    private static final List<District> DISTRICTS = List.of(
            new District("15", "Thành phố Rạch Giá", "Rach Gia City", List.of("Phường Vĩnh Thanh Vân", "Phường Vĩnh Thanh",
                    "Phường Vĩnh Quang", "Phường Vĩnh Lạc", "Phường An Hòa", "Phường Rạch Sỏi", "Xã Phi Thông")),
            new District("16", "Thành phố Hà Tiên", "Ha Tien City", List.of("Phường Đông Hồ", "Phường Bình San",
                    "Phường Pháo Đài", "Phường Tô Châu", "Phường Mỹ Đức", "Xã Thuận Yên", "Xã Tiên Hải")),
            new District("17", "Huyện Kiên Lương", "Kien Luong District", List.of("Thị trấn Kiên Lương", "Xã Bình An",
                    "Xã Bình Trị", "Xã Dương Hòa", "Xã Hòa Điền", "Xã Sơn Hải")),
            new District("18", "Huyện Hòn Đất", "Hon Dat District", List.of("Thị trấn Hòn Đất", "Thị trấn Sóc Sơn", "Xã Mỹ Lâm", "Xã Bình Sơn")),
            new District("19", "Huyện Tân Hiệp", "Tan Hiep District", List.of("Thị trấn Tân Hiệp", "Xã Tân Hội", "Xã Thạnh Đông")),
            new District("20", "Huyện Châu Thành", "Chau Thanh District", List.of("Thị trấn Minh Lương", "Xã Mong Thọ", "Xã Vĩnh Hòa Hiệp")),
            new District("21", "Huyện Giồng Riềng", "Giong Rieng District", List.of("Thị trấn Giồng Riềng", "Xã Thạnh Hưng", "Xã Long Thạnh")),
            new District("22", "Huyện Gò Quao", "Go Quao District", List.of("Thị trấn Gò Quao", "Xã Định An", "Xã Vĩnh Hòa Hưng Bắc")),
            new District("23", "Huyện An Biên", "An Bien District", List.of("Thị trấn Thứ Ba", "Xã Đông Thái", "Xã Nam Yên")),
            new District("24", "Huyện An Minh", "An Minh District", List.of("Thị trấn Thứ Mười Một", "Xã Đông Hưng", "Xã Vân Khánh")),
            new District("25", "Huyện Vĩnh Thuận", "Vinh Thuan District", List.of("Thị trấn Vĩnh Thuận", "Xã Vĩnh Bình Bắc", "Xã Tân Thuận")),
            new District("26", "Thành phố Phú Quốc", "Phu Quoc City", List.of()),
            new District("27", "Huyện Kiên Hải", "Kien Hai District", List.of()),
            new District("28", "Huyện U Minh Thượng", "U Minh Thuong District", List.of("Xã Thạnh Yên", "Xã An Minh Bắc", "Xã Minh Thuận")),
            new District("29", "Huyện Giang Thành", "Giang Thanh District", List.of("Xã Tân Khánh Hòa", "Xã Phú Mỹ", "Xã Vĩnh Điều")));

    /** The special zones (đặc khu) that took the place of the island districts on 1 July 2025. */
    private static final List<String[]> SPECIAL_ZONES = List.of(
            new String[] {SPECIAL_ZONE_PHU_QUOC, "Đặc khu Phú Quốc", "Phu Quoc Special Zone"},
            new String[] {"000.00.127.H33", "Đặc khu Kiên Hải", "Kien Hai Special Zone"},
            new String[] {"000.00.128.H33", "Đặc khu Thổ Châu", "Tho Chau Special Zone"});

    private final OrganisationService organisation;
    /** The demo users' one password, hashed once for all of them (their sign-in is the same "demo"). */
    private OrganisationService.SeedPassword password;
    private final OrganisationAdministration administration;
    private final TransactionTemplate transaction;

    DemoOrganisation(OrganisationService organisation, OrganisationAdministration administration, TransactionTemplate transaction) {
        this.organisation = organisation;
        this.administration = administration;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (organisation.unitByIdentifier(PROVINCE).isEmpty()) {
            SystemAccess.run(() -> transaction.executeWithoutResult(s -> seed()));
            log.info("Demo organisation of An Giang (two tiers) created; demo users have the password '{}'", PASSWORD);
        }
        // Added later than the rest: a demo database of an earlier release gets them on its next start
        if (organisation.unitByIdentifier(POLICE_PROVINCE).isEmpty()) {
            SystemAccess.run(() -> transaction.executeWithoutResult(s -> seedCentralAgencies()));
            log.info("Demo police and social insurance units created (users police, insurance)");
        }
    }

    /**
     * The central vertical agencies that take the steps of the joined-up procedures of Decree 63/2024/NĐ-CP: the
     * police (permanent residence) and the social insurance (health insurance card, funeral allowance), with
     * identifiers of their own (illustrative: not the ministries' published codes).
     */
    private void seedCentralAgencies() {
        Unit province = organisation.unitByIdentifier(PROVINCE).orElseThrow();
        Unit police = organisation.createUnit(POLICE_PROVINCE, "Công an tỉnh An Giang", "An Giang Provincial Police",
                UnitLevel.PROVINCE, UnitKind.POLICE, province);
        Unit wardPolice = organisation.createUnit(POLICE_WARD_VINH_THANH_VAN, "Công an phường Vĩnh Thanh Vân",
                "Vinh Thanh Van Ward Police", UnitLevel.COMMUNE, UnitKind.POLICE, police);
        organisation.createUnit(POLICE_COMMUNE_BINH_AN, "Công an xã Bình An", "Binh An Commune Police",
                UnitLevel.COMMUNE, UnitKind.POLICE, police);
        Unit insurance = organisation.createUnit(SOCIAL_INSURANCE_PROVINCE, "Bảo hiểm xã hội tỉnh An Giang",
                "An Giang Social Insurance", UnitLevel.PROVINCE, UnitKind.SOCIAL_INSURANCE, province);
        Unit rachGia = organisation.createUnit(SOCIAL_INSURANCE_RACH_GIA, "Bảo hiểm xã hội cơ sở Rạch Giá",
                "Rach Gia Social Insurance Office", UnitLevel.COMMUNE, UnitKind.SOCIAL_INSURANCE, insurance);
        if (organisation.user("police").isEmpty()) user("police", "Trương Văn Cư Trú", wardPolice, Role.SPECIALIST);
        if (organisation.user("insurance").isEmpty()) user("insurance", "Lý Thị Bảo Hiểm", rachGia, Role.SPECIALIST);
    }

    private void seed() {
        Unit province = organisation.createUnit(PROVINCE, "UBND tỉnh An Giang", "An Giang Provincial People's Committee",
                UnitLevel.PROVINCE, UnitKind.PEOPLES_COMMITTEE, null);
        Unit centre = organisation.createUnit(SERVICE_CENTRE, "Trung tâm Phục vụ hành chính công tỉnh An Giang",
                "An Giang Public Administrative Service Centre", UnitLevel.PROVINCE, UnitKind.SERVICE_CENTRE, province);
        organisation.createUnit("000.00.41.H33", "Chi nhánh Trung tâm Phục vụ hành chính công tại Rạch Giá",
                "Public Service Centre, Rach Gia branch", UnitLevel.PROVINCE, UnitKind.SERVICE_CENTRE_BRANCH, centre);
        organisation.createUnit("000.00.42.H33", "Chi nhánh Trung tâm Phục vụ hành chính công tại Phú Quốc",
                "Public Service Centre, Phu Quoc branch", UnitLevel.PROVINCE, UnitKind.SERVICE_CENTRE_BRANCH, centre);
        for (Department d : DEPARTMENTS) {
            organisation.createUnit("000.00." + d.code() + ".H33", d.name(), d.nameEn(), UnitLevel.PROVINCE, UnitKind.DEPARTMENT, province);
        }
        Map<String, Unit> units = new LinkedHashMap<>();
        for (District district : DISTRICTS) {
            organisation.createUnit("000.00." + district.code() + ".H33", "UBND " + lower(district.name()),
                    district.nameEn() + " People's Committee", UnitLevel.DISTRICT, UnitKind.PEOPLES_COMMITTEE, province);
            int index = 1;
            for (String former : district.communes()) {
                // towns (thị trấn) are communes in the two-tier government
                String commune = former.replaceFirst("^Thị trấn ", "Xã ");
                String identifier = String.format("000.%02d.%s.H33", index++, district.code());
                UnitKind kind = commune.startsWith("Phường") ? UnitKind.WARD : UnitKind.COMMUNE;
                units.put(identifier, organisation.createUnit(identifier, "UBND " + lower(commune),
                        foldToEnglish(commune) + " People's Committee", UnitLevel.COMMUNE, kind, province));
            }
        }
        for (String[] zone : SPECIAL_ZONES) {
            units.put(zone[0], organisation.createUnit(zone[0], "UBND " + lower(zone[1]), zone[2] + " People's Committee",
                    UnitLevel.COMMUNE, UnitKind.SPECIAL_ZONE, province));
        }
        // history: the districts ended with the two-tier government, the merged departments with the restructuring
        for (District district : DISTRICTS) administration.closeUnit("000.00." + district.code() + ".H33", DISTRICTS_CLOSED);
        for (Department d : DEPARTMENTS) {
            if (d.merged()) administration.closeUnit("000.00." + d.code() + ".H33", DEPARTMENTS_MERGED);
        }
        Unit tax = organisation.createUnit(TAX_OFFICE, "Thuế cơ sở 1 tỉnh An Giang", "An Giang Grassroots Tax Office 1",
                UnitLevel.PROVINCE, UnitKind.TAX, province);
        Unit ward = units.get(WARD_VINH_THANH_VAN);
        Unit commune = units.get(COMMUNE_BINH_AN);
        user("admin", "Nguyễn Văn Quản Trị", province, Role.ADMIN);
        user("designer", "Trần Thị Thiết Kế", province, Role.DESIGNER);
        user("supervisor", "Lê Văn Giám Sát", province, Role.SUPERVISOR);
        user("clerk", "Phạm Thị Tiếp Nhận", ward, Role.CLERK);
        user("specialist", "Hoàng Văn Xử Lý", ward, Role.SPECIALIST);
        user("leader", "Võ Thị Lãnh Đạo", ward, Role.LEADER);
        user("clerk2", "Đặng Văn Một Cửa", commune, Role.CLERK);
        user("specialist2", "Bùi Thị Chuyên Viên", commune, Role.SPECIALIST);
        user("leader2", "Đỗ Văn Chủ Tịch", commune, Role.LEADER);
        user("citizen", "Ngô Thị Công Dân", null, Role.CITIZEN);
        Unit zone = units.get(SPECIAL_ZONE_PHU_QUOC);
        user("clerk3", "Lâm Thị Bộ Phận", zone, Role.CLERK);
        user("specialist3", "Trịnh Văn Phòng Ban", zone, Role.SPECIALIST);
        user("leader3", "Mai Văn Đặc Khu", zone, Role.LEADER);
        Unit tourism = organisation.unitByIdentifier(DEPARTMENT_OF_TOURISM).orElseThrow();
        user("clerk4", "Hồ Thị Du Lịch", tourism, Role.CLERK);
        user("specialist4", "Tô Văn Lữ Hành", tourism, Role.SPECIALIST);
        user("leader4", "Kiều Thị Giám Đốc", tourism, Role.LEADER);
        user("tax", "Quách Văn Thuế", tax, Role.SPECIALIST);
    }

    private void user(String username, String fullName, Unit unit, Role role) {
        if (password == null) password = organisation.seedPassword(PASSWORD);
        organisation.createUser(username, password, fullName, username + "@demo.motcua.vn", unit, EnumSet.of(role));
    }

    /** "Thành phố Rạch Giá" → "thành phố Rạch Giá" after "UBND". */
    private static String lower(String name) {
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    private static String foldToEnglish(String name) {
        String folded = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}+", "")
                .replace('đ', 'd').replace('Đ', 'D');
        return folded.replaceFirst("^Phuong ", "").replaceFirst("^Xa ", "").replaceFirst("^Thi tran ", "")
                + (name.startsWith("Phường") ? " Ward" : name.startsWith("Thị trấn") ? " Town" : " Commune");
    }
}
