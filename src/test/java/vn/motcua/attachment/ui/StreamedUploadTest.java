package vn.motcua.attachment.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.List;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.upload.AllFinishedEvent;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.streams.UploadEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import vn.motcua.attachment.UnsupportedMediaTypeException;
import vn.motcua.attachment.internal.MediaTypes;

/**
 * The upload of the intake's files and of a form's file picker: limited as the upload check limits it, and its own
 * list (progress and refusals) emptied once a batch went through without a refusal, kept after a batch with one so
 * that the refused file stays marked failed where the user sees it; a refused file answers the request with the
 * matching status.
 */
class StreamedUploadTest {
    private final List<String> refusals = new java.util.ArrayList<>();
    private boolean refuse;

    private final StreamedUpload handler = new StreamedUpload(new MediaTypes()) {
        @Override
        void receive(UploadEvent event, InputStream content) {
            if (refuse) throw new UnsupportedMediaTypeException("application/zip", List.of("application/pdf"));
        }

        @Override
        void refused(UI ui, String message) { refusals.add(message); }
    };

    @BeforeEach
    void setUp() { MockVaadin.setup(); }

    @AfterEach
    void tearDown() { MockVaadin.tearDown(); }

    @Test
    void theListIsEmptiedAfterABatchWithoutRefusalAndKeptAfterOneWithARefusal() throws Exception {
        var owner = new Div();
        UI.getCurrent().add(owner);
        Upload upload = handler.upload(owner, 5 * 1024 * 1024, List.of("application/pdf", ".pdf"));
        owner.add(upload);
        assertThat(upload.getAcceptedFileTypes()).containsExactly("application/pdf", ".pdf");
        assertThat(upload.getMaxFileSize()).isEqualTo(5 * 1024 * 1024);
        cleared(); // forget what attaching queued

        refuse = true;
        VaadinResponse refusedResponse = send();
        Mockito.verify(refusedResponse).setStatus(415);
        assertThat(refusals).hasSize(1);
        ComponentUtil.fireEvent(upload, new AllFinishedEvent(upload));
        assertThat(cleared()).as("a batch with a refusal keeps the list").isFalse();

        refuse = false;
        VaadinResponse takenResponse = send();
        Mockito.verify(takenResponse).setStatus(200);
        ComponentUtil.fireEvent(upload, new AllFinishedEvent(upload));
        assertThat(cleared()).as("the next batch, without one, empties it").isTrue();
        assertThat(refusals).hasSize(1);
    }

    private VaadinResponse send() throws Exception {
        UploadEvent event = mock(UploadEvent.class);
        when(event.getUI()).thenReturn(UI.getCurrent());
        when(event.getInputStream()).thenReturn(new ByteArrayInputStream(new byte[] {1, 2, 3}));
        handler.handleUploadRequest(event);
        VaadinResponse response = mock(VaadinResponse.class);
        handler.responseHandled(!refuse, response);
        return response;
    }

    /** Whether the upload was told to empty its list since last asked. */
    private static boolean cleared() {
        UI.getCurrent().getInternals().getStateTree().runExecutionsBeforeClientResponse();
        return UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations().stream()
                .anyMatch(js -> js.getInvocation().getExpression().contains("this.files = []"));
    }
}
