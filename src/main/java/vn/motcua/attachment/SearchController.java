package vn.motcua.attachment;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.shared.Messages;

/** Search over dossiers and their attachments. */
@RestController
@Tag(name = "Search", description = "Tìm kiếm / search")
class SearchController {
    private final SearchService service;
    private final Messages messages;

    SearchController(SearchService service, Messages messages) {
        this.service = service;
        this.messages = messages;
    }

    record HitJson(String dossierCode, String source, String field, String where, Long attachmentId, String fileName,
                   String snippet) { }

    @GetMapping("/api/search")
    @Operation(summary = "Dossiers and attachment text matching every word of q, ignoring diacritics and case",
            description = "Only dossiers the caller may see. Each result says where it matched: a dossier field "
                    + "(code, applicant, procedure, data.<field>) or an attachment (fileName, text), with a snippet")
    List<HitJson> search(@RequestParam String q, @RequestParam(defaultValue = "20") int limit) {
        return service.search(q, limit).stream().map(h -> new HitJson(h.dossierCode(), h.source().name(), h.field(),
                messages.get(h.whereKey(), h.whereArguments()), h.attachmentId(), h.fileName(), h.snippet())).toList();
    }

    @PostMapping("/api/search/backfill")
    @Operation(summary = "Re-index the dossiers missing from the search index (administrators)",
            description = "Queues, in the background, every dossier with no index entry (or with an attachment that has "
                    + "none) for indexing, as each node does once at start-up. 202 {started: true}, or {started: false} "
                    + "when a pass is running already")
    ResponseEntity<Map<String, Object>> backfill() {
        boolean started = service.backfill();
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("started", started,
                "message", messages.get(started ? "search.backfill.started" : "search.backfill.running")));
    }
}
