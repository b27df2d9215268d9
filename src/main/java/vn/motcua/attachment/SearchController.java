package vn.motcua.attachment;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
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
}
