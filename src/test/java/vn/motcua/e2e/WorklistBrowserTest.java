package vn.motcua.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.EnumSet;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.motcua.BirthRegistrationSample;
import vn.motcua.MotCuaTest;
import vn.motcua.TestUsers;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.ReceiveDossier;
import vn.motcua.organisation.OrganisationService;
import vn.motcua.organisation.Role;
import vn.motcua.security.SystemAccess;
import vn.motcua.tasklist.TaskListService;

/**
 * The day's work in headless Chromium, in Vietnamese: the desk's tab counts a citizen's online submission and opens
 * its queue with the dossier in it; the leader reads the specialist's opinion above the approval form and sends it
 * back; the specialist reads why it came back; a leader finds the step a specialist holds and hands it to a colleague.
 */
@MotCuaTest
class WorklistBrowserTest {
    @LocalServerPort int port;
    @Autowired TestUsers users;
    @Autowired vn.motcua.attachment.StagedUploadService staged;
    @Autowired DossierService dossiers;
    @Autowired TaskListService tasks;
    @Autowired OrganisationService organisation;
    Chromium.Session session;
    ChromeDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void start() throws Exception {
        session = Chromium.start();
        browser = session.driver();
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterEach
    void stop(org.junit.jupiter.api.TestInfo info) throws Exception {
        users.signOut();
        if (session != null) Chromium.quit(session, info.getTestMethod().get().getName());
    }

    @Test
    void anOnlineSubmissionShowsInTheDesksCountedTabAndQueue() {
        users.signInAs("citizen");
        var sample = BirthRegistrationSample.inPerson();
        String code = dossiers.receive(vn.motcua.Intakes.uploaded(new ReceiveDossier(sample.procedureCode(), Channel.ONLINE, sample.applicant(),
                sample.data(), BirthRegistrationSample.WARD), staged)).code();
        users.signOut();

        signIn("clerk");
        open("tasks");
        WebElement tab = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("tab-awaiting-acceptance")));
        assertThat(tab.getText()).contains("Chờ tiếp nhận");
        assertThat(Long.parseLong(tab.getText().replaceAll("\\D", ""))).isPositive();
        click(tab);
        wait.until(ExpectedConditions.urlContains("/dossiers?queue=awaiting-acceptance"));
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//vaadin-grid-cell-content[normalize-space(.)='" + code + "']")));
        assertThat(browser.findElement(By.id("dossier-total")).getText()).endsWith("hồ sơ");
    }

    @Test
    void aLeaderHandsASpecialistsStepToAColleague() {
        SystemAccess.run(() -> {
            if (organisation.user("specialist-c").isEmpty()) {
                organisation.createUser("specialist-c", "demo", "Châu Văn Chuyên Viên Ba", null,
                        organisation.unitByIdentifier(BirthRegistrationSample.WARD).orElseThrow(), EnumSet.of(Role.SPECIALIST));
            }
        });
        users.signInAs("clerk");
        String code = dossiers.receive(BirthRegistrationSample.inPerson()).code();
        users.signInAs("specialist");
        String step = tasks.tasksOf(code).get(0).id();
        tasks.claim(step);
        users.signOut();

        signIn("leader");
        open("tasks?assignee=specialist&q=" + code);
        WebElement row = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//vaadin-grid-cell-content[normalize-space(.)='" + code + "']")));
        assertThat(row.isDisplayed()).isTrue();
        click(wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("vaadin-grid-cell-content .task-reassign"))));
        WebElement to = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#task-reassign-to input")));
        to.sendKeys("Châu Văn");
        click(wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("vaadin-combo-box-item"))));
        click(browser.findElement(By.id("task-reassign-ok")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("vaadin-notification-card")));

        users.signInAs("specialist-c");
        assertThat(tasks.task(step).assignee()).isEqualTo("specialist-c");
    }

    @Test
    void theLeaderReadsTheSpecialistsOpinionAndTheSpecialistReadsWhyItCameBack() {
        users.signInAs("clerk");
        String code = dossiers.receive(BirthRegistrationSample.inPerson()).code();
        users.signInAs("specialist");
        tasks.complete(tasks.tasksOf(code).get(0).id(), java.util.Map.of("documentsComplete", true,
                "reviewOpinion", "Đủ điều kiện đăng ký khai sinh, đề nghị phê duyệt"));
        users.signOut();

        signIn("leader");
        openStepOf(code);
        WebElement previous = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("task-previous-steps")));
        assertThat(previous.getText()).contains("Đủ điều kiện đăng ký khai sinh, đề nghị phê duyệt", "Hoàng Văn Xử Lý");

        users.signInAs("leader");
        tasks.complete(tasks.tasksOf(code).get(0).id(), java.util.Map.of("decision", "REWORK",
                "reworkReason", "Ghi lại nơi sinh theo giấy chứng sinh"));
        users.signOut();

        signIn("specialist");
        open("tasks?tab=returned-tasks");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("tab-returned-tasks")));
        openStepOf(code);
        WebElement reason = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("task-rework-reason")));
        assertThat(reason.getText()).contains("Ghi lại nơi sinh theo giấy chứng sinh");
        assertThat(browser.findElement(By.id("task-rework")).getText()).contains("Võ Thị Lãnh Đạo");
    }

    private void openStepOf(String code) {
        open("tasks?q=" + code);
        wait.until(ExpectedConditions.textToBe(By.id("task-total"), "1 công việc"));
        click(wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//vaadin-grid-cell-content[normalize-space(.)='" + code + "']"))));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("task-complete")));
    }

    private void signIn(String user) { steps().signIn(user); }

    private void open(String path) { steps().open(path); }

    private void click(WebElement element) { steps().click(element); }

    private Chromium.Steps steps() { return new Chromium.Steps(browser, wait, port); }
}
