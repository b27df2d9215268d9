package vn.motcua.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import vn.motcua.BirthRegistrationSample;
import vn.motcua.Intakes;
import vn.motcua.MotCuaTest;
import vn.motcua.TestUsers;
import vn.motcua.attachment.StagedUploadService;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.DossierAction;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.ReceiveDossier;
import vn.motcua.notification.NotificationChannel;
import vn.motcua.notification.NotificationLogEntry;
import vn.motcua.notification.NotificationService;
import vn.motcua.notification.NotificationStatus;
import vn.motcua.notification.ui.NotificationTemplatesView;

/**
 * Mẫu thông báo (/admin/notifications) for administrators only, and the notifications of a dossier in its view: the
 * log for staff, the channels for the applicant, who stops one.
 */
@MotCuaTest
class NotificationViewsTest {
    @Autowired ApplicationContext context;
    @Autowired TestUsers users;
    @Autowired DossierService dossiers;
    @Autowired NotificationService notifications;
    @Autowired StagedUploadService staged;

    @BeforeEach
    void setUp() { KaribuViews.setUp(context); }

    @AfterEach
    void tearDown() { KaribuViews.tearDown(users); }

    @Test
    void anAdministratorChangesATemplateAnUnknownPlaceholderIsRefusedUnderTheFieldAndTheDefaultComesBack() {
        KaribuViews.signInAs(users, "admin");
        UI.getCurrent().navigate("admin/notifications");
        _get(NotificationTemplatesView.class);
        var subject = _get(TextField.class, spec -> spec.withId("notification-subject"));
        var body = _get(TextArea.class, spec -> spec.withId("notification-body"));
        assertThat(subject.getValue()).isEqualTo("Hồ sơ {code} đã được tiếp nhận");

        _setValue(body, "Kính gửi {hoTen}");
        _click(_get(Button.class, spec -> spec.withId("notification-template-save")));
        assertThat(body.isInvalid()).isTrue();
        assertThat(body.getErrorMessage()).contains("{hoTen}");

        try {
            _setValue(body, "Hồ sơ {code}: hẹn trả {appointmentDate}.");
            _click(_get(Button.class, spec -> spec.withId("notification-template-save")));
            assertThat(body.isInvalid()).isFalse();
            assertThat(_get(Paragraph.class, spec -> spec.withId("notification-template-state")).getText()).startsWith("Đã sửa bởi admin");
        } finally {
            _click(_get(Button.class, spec -> spec.withId("notification-template-reset")));
        }
        assertThat(body.getValue()).startsWith("Kính gửi ông/bà {applicant}");
        assertThat(_get(Paragraph.class, spec -> spec.withId("notification-template-state")).getText()).isEqualTo("Nội dung mặc định");
    }

    @Test
    void nobodyElseOpensTheTemplates() {
        KaribuViews.signInAs(users, "clerk");
        UI.getCurrent().navigate("admin/notifications");
        _get(vn.motcua.security.ui.AccessDeniedView.class);
        assertThatThrownBy(() -> _get(NotificationTemplatesView.class)).hasMessageContaining("No visible NotificationTemplatesView");
        assertThatThrownBy(notifications::templates).isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theStaffSeeTheLogAndTheApplicantStopsAChannelInTheDossierView() {
        users.signInAs("citizen");
        String code = dossiers.receive(Intakes.uploaded(new ReceiveDossier("2.000815", Channel.ONLINE,
                BirthRegistrationSample.inPerson().applicant(),
                Map.of("documentTitle", "Bằng tốt nghiệp trung học phổ thông",
                        "issuingAuthority", "Sở Giáo dục và Đào tạo tỉnh Kiên Giang", "requestedCopies", 1),
                BirthRegistrationSample.WARD, List.of()), staged)).code();
        users.signInAs("clerk");
        dossiers.act(code, DossierAction.ACCEPT, null);
        users.signOut();

        KaribuViews.signInAs(users, "clerk");
        UI.getCurrent().navigate("dossiers/" + code);
        CaseFileViewsTest.openTab("documents");
        Grid<NotificationLogEntry> log = _get(Grid.class, spec -> spec.withId("notification-log"));
        var entries = GridKt._findAll(log);
        assertThat(entries).hasSize(3);
        var email = entries.stream().filter(e -> e.channel() == NotificationChannel.Kind.EMAIL).findFirst().orElseThrow();
        // not sent yet: the tests send the outbox themselves
        assertThat(email.status()).isEqualTo(NotificationStatus.PENDING);
        assertThat(email.to()).isEqualTo("myle@example.vn");
        assertThat(GridKt._getFormattedRow(log, entries.indexOf(email))).contains("Thư điện tử", "Tiếp nhận hồ sơ nộp trực tuyến",
                "Đang chờ gửi");
        assertThat(entries).filteredOn(e -> e.channel() != NotificationChannel.Kind.EMAIL)
                .allSatisfy(e -> assertThat(e.to()).isEqualTo("*******678"));
        assertThatThrownBy(() -> _get(Checkbox.class, spec -> spec.withId("notification-channel-SMS")))
                .hasMessageContaining("No visible Checkbox");

        KaribuViews.signInAs(users, "citizen");
        // the citizen's own page of the dossier: no tabs, every panel on one page
        UI.getCurrent().navigate("ho-so-cua-toi/" + code);
        var sms = _get(Checkbox.class, spec -> spec.withId("notification-channel-SMS"));
        assertThat(sms.getValue()).isTrue();
        _setValue(sms, false);
        assertThat(notifications.channels(code)).filteredOn(c -> c.channel() == NotificationChannel.Kind.SMS)
                .singleElement().satisfies(c -> assertThat(c.enabled()).isFalse());
        assertThatThrownBy(() -> _get(Grid.class, spec -> spec.withId("notification-log"))).hasMessageContaining("No visible Grid");
    }
}
