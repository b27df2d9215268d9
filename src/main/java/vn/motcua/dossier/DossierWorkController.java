package vn.motcua.dossier;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.shared.InvalidInputException;
import vn.motcua.shared.Messages;

/** The work on a dossier: its completed steps with their decisions and opinions, and the staff's internal notes. */
@RestController
@RequestMapping("/api/dossiers")
@Tag(name = "Dossiers", description = "Hồ sơ / dossiers")
class DossierWorkController {
    private final DossierWork work;
    private final Messages messages;

    DossierWorkController(DossierWork work, Messages messages) {
        this.work = work;
        this.messages = messages;
    }

    record PersonJson(String username, String fullName) { }

    record UnitJson(String identifier, String name) { }

    record StepJson(String name, String stepKey, PersonJson by, UnitJson unit, Instant completedAt, String decision,
                    String opinion) { }

    record NoteRequest(String text) { }

    record NoteJson(long id, String text, PersonJson by, Instant at) { }

    @GetMapping("/{code}/steps")
    @Operation(summary = "The completed steps, in order, with who, which unit, the decision and the opinion",
            description = "Same visibility as the dossier (404 when it is not the caller's)")
    List<StepJson> steps(@PathVariable String code, Locale locale) {
        return work.steps(code, locale).stream().map(s -> new StepJson(s.name(), s.stepKey(),
                new PersonJson(s.by().username(), s.by().fullName()),
                s.unit() == null ? null : new UnitJson(s.unit().identifier(), s.unit().name()),
                s.completedAt(), s.decision(), s.opinion())).toList();
    }

    @GetMapping("/{code}/notes")
    @Operation(summary = "Internal notes of the staff, oldest first (not for the applicant: 403)")
    List<NoteJson> notes(@PathVariable String code) {
        return work.notes(code).stream().map(DossierWorkController::toJson).toList();
    }

    @PostMapping("/{code}/notes")
    @Operation(summary = "Add an internal note {text} (staff who may see the dossier) → 201")
    ResponseEntity<NoteJson> addNote(@PathVariable String code, @RequestBody(required = false) NoteRequest body) {
        if (body == null) throw new InvalidInputException("text", messages.get("error.field.required"));
        return ResponseEntity.status(HttpStatus.CREATED).body(toJson(work.addNote(code, body.text())));
    }

    private static NoteJson toJson(DossierWork.Note n) {
        return new NoteJson(n.id(), n.text(), new PersonJson(n.by().username(), n.by().fullName()), n.at());
    }
}
