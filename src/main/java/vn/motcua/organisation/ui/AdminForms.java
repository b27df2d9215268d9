package vn.motcua.organisation.ui;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.function.BiConsumer;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;
import vn.motcua.organisation.ImportReport;
import vn.motcua.organisation.internal.TableFile;
import vn.motcua.shared.BusinessRuleException;
import vn.motcua.shared.InvalidInputException;
import vn.motcua.shared.NotFoundException;

/** What the administration views share: errors shown on their fields, notifications, list imports and their report. */
final class AdminForms {
    private AdminForms() { }

    /**
     * Shows every violation on its field at once (a violation of a field the form does not have is notified), and
     * clears the fields without one.
     */
    static void showViolations(InvalidInputException e, Map<String, ? extends HasValidation> fields) {
        fields.values().forEach(f -> f.setInvalid(false));
        for (var v : e.violations()) {
            var field = fields.get(v.field());
            if (field == null) {
                error(v.message());
            } else {
                field.setErrorMessage(v.message());
                field.setInvalid(true);
            }
        }
    }

    /** Runs an action, showing a refusal as a notification; true when it went through. */
    static boolean attempt(Runnable action) {
        try {
            action.run();
            return true;
        } catch (BusinessRuleException e) {
            error(com.vaadin.flow.component.UI.getCurrent().getTranslation(e.messageKey(), e.args()));
        } catch (NotFoundException e) {
            error(com.vaadin.flow.component.UI.getCurrent().getTranslation(e.messageKey(), e.args()));
        } catch (InvalidInputException e) {
            error(String.join(" ", e.violations().stream().map(InvalidInputException.Violation::message).toList()));
        }
        return false;
    }

    static void success(String message) {
        Notification.show(message, 4000, Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    static void error(String message) {
        Notification.show(message, 8000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    /**
     * An upload of a CSV or XLSX list: the file is read whole (at most {@link TableFile#MAX_BYTES}) in the request's
     * thread, then handed to {@code importer} with the UI locked.
     */
    static Upload listUpload(String id, BiConsumer<String, byte[]> importer) {
        UploadHandler handler = (UploadEvent event) -> {
            byte[] content = readAtMost(event.getInputStream(), TableFile.MAX_BYTES + 1);
            String name = event.getFileName();
            event.getUI().access(() -> importer.accept(name, content));
        };
        var upload = new Upload(handler);
        upload.setId(id);
        upload.setAcceptedFileTypes(".csv", ".xlsx", "text/csv",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(TableFile.MAX_BYTES);
        return upload;
    }

    private static byte[] readAtMost(InputStream in, int max) throws IOException {
        try (in) {
            var out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) > 0 && out.size() <= max) out.write(buffer, 0, n);
            return out.toByteArray();
        }
    }

    /** The report of an import: its summary and a grid of the rows that were not left unchanged. */
    static Component report(Component owner, ImportReport report, String id) {
        var summary = new Paragraph(owner.getTranslation(report.dryRun() ? "admin.import.dryRunSummary" : "admin.import.summary",
                report.created(), report.changed(), report.unchanged(), report.refused()));
        summary.setId(id + "-summary");
        var grid = new Grid<ImportReport.Row>();
        grid.setId(id);
        grid.addColumn(ImportReport.Row::line).setHeader(owner.getTranslation("admin.import.line")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(ImportReport.Row::key).setHeader(owner.getTranslation("admin.import.key")).setAutoWidth(true);
        grid.addColumn(r -> owner.getTranslation("admin.import.outcome." + r.outcome().name()))
                .setHeader(owner.getTranslation("admin.import.outcome")).setAutoWidth(true);
        grid.addColumn(r -> r.message() == null ? "" : r.message()).setHeader(owner.getTranslation("admin.import.message")).setFlexGrow(3);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setItems(report.rows().stream().filter(r -> r.outcome() != ImportReport.Outcome.UNCHANGED).toList());
        grid.setAllRowsVisible(true);
        return new Div(summary, grid);
    }
}
