package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.motcua.BirthRegistrationSample;
import vn.motcua.MotCuaTest;
import vn.motcua.TestUsers;
import vn.motcua.organisation.OrganisationService;
import vn.motcua.security.SystemAccess;
import vn.motcua.shared.Formats;
import vn.motcua.shared.InvalidInputException;

/** The receipt's rules about the dossier components handed in, checked on {@link DossierService} itself. */
@MotCuaTest
class IntakeComponentRulesTest {
    @Autowired DossierService dossiers;
    @Autowired DossierImport imports;
    @Autowired OrganisationService organisation;
    @Autowired TestUsers users;

    @AfterEach
    void signOut() { users.signOut(); }

    @Test
    void aPaperCheckedTwiceIsStoredOnceWithWhoCheckedItAndWhen() {
        users.signInAs("clerk");
        var request = BirthRegistrationSample.inPerson().withCheckedComponents(List.of("TO_KHAI", " TO_KHAI ", "GIAY_CHUNG_SINH"));
        String code = dossiers.receive(request).code();
        assertThat(dossiers.checkedComponents(code)).extracting(CheckedComponent::componentCode)
                .containsExactlyInAnyOrder("TO_KHAI", "GIAY_CHUNG_SINH");
        var received = dossiers.get(code).receivedAt();
        assertThat(dossiers.checkedComponents(code)).allSatisfy(c -> {
            assertThat(c.checkedBy()).isEqualTo("clerk");
            assertThat(c.checkedAt()).isEqualTo(received);
        });
        assertThat(dossiers.history(code)).extracting(AuditEntry::action).doesNotContain("COMPONENTS_MISSING");
    }

    @Test
    void everyProblemOfAReceiptIsReportedAtOnceTheMissingComponentsAmongThem() {
        users.signInAs("clerk");
        var sample = BirthRegistrationSample.inPerson();
        var bad = new ReceiveDossier(sample.procedureCode(), sample.channel(),
                new Applicant(" ", null, "12345", null, null), sample.data(), null);
        var refused = catchThrowableOfType(() -> dossiers.receive(bad), InvalidInputException.class);
        assertThat(refused.violations()).extracting(InvalidInputException.Violation::field)
                .containsExactlyInAnyOrder("applicant.fullName", "applicant.phone", "missingComponentsReason");
    }

    @Test
    void theReasonForMissingComponentsHasTheRulesOfAReasonAndAnUpperLimit() {
        users.signInAs("clerk");
        var sample = BirthRegistrationSample.inPerson().withCheckedComponents(List.of());
        var control = catchThrowableOfType(() -> dossiers.receive(sample.withMissingComponentsReason("Thiếu\u0007")),
                InvalidInputException.class);
        assertThat(control.violations()).extracting(InvalidInputException.Violation::field).containsExactly("missingComponentsReason");
        var tooLong = catchThrowableOfType(() -> dossiers.receive(sample.withMissingComponentsReason("x".repeat(1001))),
                InvalidInputException.class);
        assertThat(tooLong.violations()).extracting(InvalidInputException.Violation::field).containsExactly("missingComponentsReason");
        String code = dossiers.receive(sample.withMissingComponentsReason("  Công dân hẹn nộp bổ sung\r\ntrong ngày  ")).code();
        assertThat(dossiers.history(code)).filteredOn(e -> e.action().equals("COMPONENTS_MISSING")).singleElement()
                .satisfies(e -> assertThat(e.detail()).isEqualTo("TO_KHAI, GIAY_CHUNG_SINH: Công dân hẹn nộp bổ sung\ntrong ngày"));
    }

    @Test
    void aReasonIsNotAskedWhenNothingRequiredIsMissing() {
        users.signInAs("clerk");
        String code = dossiers.receive(BirthRegistrationSample.inPerson().withMissingComponentsReason("không cần")).code();
        assertThat(dossiers.history(code)).extracting(AuditEntry::action).doesNotContain("COMPONENTS_MISSING");
    }

    @Test
    void anImportKeepsThePaperChecksItBringsAndAPastWithoutThemStaysAsItWas() {
        var ward = organisation.unitByIdentifier(BirthRegistrationSample.WARD).orElseThrow();
        Instant at = Instant.now().minus(Duration.ofDays(500)).truncatedTo(ChronoUnit.SECONDS);
        var day = at.atZone(Formats.ZONE).toLocalDate();
        String withChecks = DossierCode.of(ward.identifier(), day, 101);
        String without = DossierCode.of(ward.identifier(), day, 102);
        SystemAccess.run(() -> imports.importDossiers(List.of(
                past(withChecks, ward.id(), at, List.of(new CheckedComponent("TO_KHAI", "import", at))),
                past(without, ward.id(), at, List.of()))));
        users.signInAs("clerk");
        assertThat(dossiers.checkedComponents(withChecks)).containsExactly(new CheckedComponent("TO_KHAI", "import", at));
        assertThat(dossiers.checkedComponents(without)).isEmpty();
        assertThat(dossiers.history(without)).extracting(AuditEntry::action).containsExactly("RECEIVED");
    }

    private static ImportedDossier past(String code, long unitId, Instant at, List<CheckedComponent> checks) {
        var sample = BirthRegistrationSample.inPerson();
        return new ImportedDossier(code, sample.procedureCode(), unitId, Channel.IN_PERSON, DossierStatus.RECEIVED,
                sample.applicant(), "import", new ImportedDossier.Dates(at, null, at.plus(Duration.ofDays(1)), null, null, null),
                ImportedDossier.Facts.none(), null,
                List.of(new ImportedDossier.Event(at, "import", Channel.IN_PERSON, "RECEIVED", null, DossierStatus.RECEIVED,
                        sample.procedureCode())), List.of(), null, checks);
    }
}
