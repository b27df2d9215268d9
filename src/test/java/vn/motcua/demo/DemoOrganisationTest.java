package vn.motcua.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.motcua.BirthRegistrationSample;
import vn.motcua.Intakes;
import vn.motcua.MotCuaTest;
import vn.motcua.TestUsers;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.organisation.OrganisationService;
import vn.motcua.organisation.Unit;
import vn.motcua.organisation.UnitKind;
import vn.motcua.organisation.UnitLevel;

/**
 * The demo organisation is local government as it stands since 1 July 2025: two tiers, the communes, wards and
 * special zones directly under the province, the former cities and districts only as closed units, the province's
 * public service centre and its departments under their 2025 names (the merged ones closed), central vertical
 * agencies beside them; the demo users sit where the README says, and a special zone's desk receives a commune-level
 * procedure.
 */
@MotCuaTest
class DemoOrganisationTest {
    /** The former cities and districts of the demo (their identifiers 000.00.15.H33 to 000.00.29.H33). */
    private static final List<String> FORMER_DISTRICTS = java.util.stream.IntStream.rangeClosed(15, 29)
            .mapToObj(n -> "000.00." + n + ".H33").toList();

    @Autowired OrganisationService organisation;
    @Autowired DossierService dossiers;
    @Autowired TestUsers users;
    @Autowired org.springframework.security.core.userdetails.UserDetailsService accounts;
    @Autowired org.springframework.security.crypto.password.PasswordEncoder passwords;

    @AfterEach
    void signOut() { users.signOut(); }

    @Test
    void communesWardsAndSpecialZonesAreDirectlyUnderTheProvinceAndDistrictsAreHistory() {
        Unit province = organisation.unitByIdentifier(DemoOrganisation.PROVINCE).orElseThrow();
        assertThat(province.name()).isEqualTo("UBND tỉnh An Giang");
        assertThat(province.parentId()).isNull();

        for (String identifier : FORMER_DISTRICTS) {
            Unit district = organisation.unitByIdentifier(identifier).orElseThrow();
            assertThat(district.level()).as(identifier).isEqualTo(UnitLevel.DISTRICT);
            assertThat(district.active()).as("%s is history", identifier).isFalse();
            assertThat(district.closedOn()).isEqualTo(LocalDate.of(2025, 6, 30));
        }
        List<Unit> demoCommunes = organisation.units().stream()
                .filter(u -> u.identifier().endsWith(".H33") && u.level() == UnitLevel.COMMUNE && u.active())
                .filter(u -> u.kind() == UnitKind.COMMUNE || u.kind() == UnitKind.WARD || u.kind() == UnitKind.SPECIAL_ZONE)
                .filter(u -> FORMER_DISTRICTS.stream().anyMatch(d -> u.identifier().endsWith(d.substring(6)))
                        || u.kind() == UnitKind.SPECIAL_ZONE)
                .toList();
        assertThat(demoCommunes).hasSizeGreaterThan(40);
        assertThat(demoCommunes).as("every commune, ward and special zone directly under the province")
                .allSatisfy(u -> assertThat(u.parentId()).as(u.identifier()).isEqualTo(province.id()));
        assertThat(demoCommunes).extracting(Unit::kind).contains(UnitKind.COMMUNE, UnitKind.WARD, UnitKind.SPECIAL_ZONE);
        assertThat(demoCommunes).extracting(Unit::name).as("towns are communes now").noneMatch(n -> n.contains("thị trấn"));
        assertThat(organisation.units()).as("no open unit below a former district")
                .noneMatch(u -> u.active() && u.parentId() != null && FORMER_DISTRICTS.contains(
                        organisation.unit(u.parentId()).map(Unit::identifier).orElse("")));

        Unit centre = organisation.unitByIdentifier(DemoOrganisation.SERVICE_CENTRE).orElseThrow();
        assertThat(centre.kind()).isEqualTo(UnitKind.SERVICE_CENTRE);
        assertThat(organisation.units()).filteredOn(u -> u.kind() == UnitKind.SERVICE_CENTRE_BRANCH && u.active())
                .hasSize(2).allSatisfy(b -> assertThat(b.parentId()).isEqualTo(centre.id()));
        assertThat(organisation.unitByIdentifier("000.00.02.H33").orElseThrow().name()).isEqualTo("Sở Nông nghiệp và Môi trường");
        assertThat(organisation.unitByIdentifier("000.00.08.H33").orElseThrow().active()).as("merged into 000.00.02.H33").isFalse();
        assertThat(organisation.unitByIdentifier("000.00.06.H33").orElseThrow().active()).as("merged into 000.00.10.H33").isFalse();
        assertThat(organisation.unitByIdentifier(DemoOrganisation.TAX_OFFICE).orElseThrow().kind()).isEqualTo(UnitKind.TAX);
        assertThat(organisation.unitByIdentifier(DemoOrganisation.POLICE_PROVINCE).orElseThrow().kind().central()).isTrue();
    }

    @Test
    void theDemoUsersSitWhereTheReadmeSaysAndASpecialZoneReceivesACommuneProcedure() {
        assertThat(unitOf("clerk")).isEqualTo(DemoOrganisation.WARD_VINH_THANH_VAN);
        assertThat(unitOf("clerk2")).isEqualTo(DemoOrganisation.COMMUNE_BINH_AN);
        assertThat(unitOf("clerk3")).isEqualTo(DemoOrganisation.SPECIAL_ZONE_PHU_QUOC);
        assertThat(unitOf("clerk4")).isEqualTo(DemoOrganisation.DEPARTMENT_OF_TOURISM);
        assertThat(unitOf("supervisor")).isEqualTo(DemoOrganisation.PROVINCE);

        users.signInAs("clerk3");
        var dossier = dossiers.receive(Intakes.checked(BirthRegistrationSample.inPerson()));
        assertThat(dossier.code()).startsWith(DemoOrganisation.SPECIAL_ZONE_PHU_QUOC + "-");
        assertThat(dossier.status()).isIn(DossierStatus.RECEIVED, DossierStatus.IN_PROCESS);
    }

    @Test
    void everyDemoUserSignsInWithThePasswordDemoAndNoOther() {
        for (String username : List.of("admin", "designer", "supervisor", "clerk", "specialist", "leader", "clerk2",
                "specialist2", "leader2", "tax", "citizen", "clerk3", "leader4")) {
            String hash = accounts.loadUserByUsername(username).getPassword();
            assertThat(passwords.matches("demo", hash)).as(username).isTrue();
            assertThat(passwords.matches("demo ", hash)).as(username).isFalse();
            assertThat(hash).as("%s: a BCrypt hash, never the password", username).startsWith("$2").doesNotContain("demo");
        }
    }

    private String unitOf(String username) {
        var unitId = organisation.user(username).orElseThrow().unitId();
        return organisation.unit(unitId).orElseThrow().identifier();
    }
}
