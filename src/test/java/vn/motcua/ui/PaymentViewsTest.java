package vn.motcua.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import org.awaitility.Awaitility;
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
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.ReceiveDossier;
import vn.motcua.payment.Payment;
import vn.motcua.payment.PaymentService;
import vn.motcua.payment.PaymentStatus;
import vn.motcua.security.SystemAccess;

/**
 * The citizen pays from the dossier view: the button starts a payment, the sandbox's own page pays it, its callback
 * returns the dossier to processing and the receipt appears; nobody but the payer sees the sandbox's page.
 */
@MotCuaTest
class PaymentViewsTest {
    @Autowired ApplicationContext context;
    @Autowired TestUsers users;
    @Autowired DossierService dossiers;
    @Autowired PaymentService payments;
    @Autowired StagedUploadService staged;

    @BeforeEach
    void setUp() { KaribuViews.setUp(context); }

    @AfterEach
    void tearDown() { KaribuViews.tearDown(users); }

    @Test
    void theOwnerPaysOnTheSandboxPageAndTheDossierRunsAgainWithItsReceipt() {
        String code = waitingForPayment();
        KaribuViews.signInAs(users, "citizen");
        // the citizen's own page of the dossier: no tabs, every panel on one page
        UI.getCurrent().navigate("ho-so-cua-toi/" + code);
        _click(_get(Button.class, spec -> spec.withId("payment-start")));

        Payment payment = onlyPayment(code);
        assertThat(payment.status()).isEqualTo(PaymentStatus.CREATED);
        UI.getCurrent().navigate(payment.payUrl().substring(1));
        assertThat(_get(Paragraph.class, spec -> spec.withId("sandbox-amount")).getText()).contains("2000");
        assertThat(_get(com.vaadin.flow.component.html.Image.class, spec -> spec.withId("sandbox-qr")).getAlt())
                .as("the QR code a banking app scans").hasValue("Mã QR thanh toán");
        _click(_get(Button.class, spec -> spec.withId("sandbox-pay")));
        assertThat(_get(Paragraph.class, spec -> spec.withId("sandbox-settled")).getText()).contains("Đã thanh toán");

        // the sandbox's callback arrives over HTTP, as the platform's would
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> onlyPayment(code).status() == PaymentStatus.PAID);
        assertThat(SystemAccess.call(() -> dossiers.get(code)).status()).isEqualTo(DossierStatus.IN_PROCESS);

        // the citizen's own page of the dossier: no tabs, every panel on one page
        UI.getCurrent().navigate("ho-so-cua-toi/" + code);
        assertThat(_find(Button.class, spec -> spec.withId("payment-start"))).as("nothing left to pay").isEmpty();
        assertThat(_find(Anchor.class)).anySatisfy(a -> assertThat(a.getHref()).endsWith("/payments/" + payment.id() + "/receipt"));
    }

    @Test
    void theSandboxPageIsNotFoundForAnyoneButThePayer() {
        String code = waitingForPayment();
        users.signInAs("citizen");
        String page = payments.start(code).payment().payUrl().substring(1);
        users.signOut();
        for (String other : List.of("citizen2", "clerk")) {
            KaribuViews.signInAs(users, other);
            UI.getCurrent().navigate(page);
            assertThat(_get(H2.class).getText()).as(other).startsWith("Không tìm thấy");
            assertThat(_find(Button.class, spec -> spec.withId("sandbox-pay"))).isEmpty();
        }
    }

    private Payment onlyPayment(String code) {
        List<Payment> list = SystemAccess.call(() -> payments.ofDossier(code));
        assertThat(list).hasSize(1);
        return list.get(0);
    }

    /** A certified copy (2.000815, with a fee) the citizen submitted online, accepted, its fee requested (status 6). */
    private String waitingForPayment() {
        SystemAccess.run(() -> {
            var organisation = context.getBean(vn.motcua.organisation.OrganisationService.class);
            if (organisation.user("citizen2").isEmpty()) {
                organisation.createUser("citizen2", "demo", "Người Thử citizen2", "citizen2@test.motcua.vn", null,
                        java.util.EnumSet.of(vn.motcua.organisation.Role.CITIZEN));
            }
        });
        users.signInAs("citizen");
        String code = dossiers.receive(Intakes.uploaded(new ReceiveDossier("2.000815", Channel.ONLINE,
                BirthRegistrationSample.inPerson().applicant(),
                Map.of("documentTitle", "Bằng tốt nghiệp trung học phổ thông",
                        "issuingAuthority", "Sở Giáo dục và Đào tạo tỉnh Kiên Giang", "requestedCopies", 1),
                BirthRegistrationSample.WARD, List.of()), staged)).code();
        users.signInAs("clerk");
        dossiers.act(code, DossierAction.ACCEPT, null);
        dossiers.act(code, DossierAction.REQUEST_PAYMENT, "Nộp phí chứng thực bản sao");
        users.signOut();
        return code;
    }
}
