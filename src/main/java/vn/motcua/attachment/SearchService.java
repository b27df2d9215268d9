package vn.motcua.attachment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import vn.motcua.attachment.internal.AttachmentRepository;
import vn.motcua.attachment.internal.SearchBackfill;
import vn.motcua.attachment.internal.SearchIndex;
import vn.motcua.attachment.internal.SearchText;
import vn.motcua.catalogue.ProcedureCatalogue;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierService;
import vn.motcua.forms.FormComponent;
import vn.motcua.security.CurrentUser;
import vn.motcua.shared.InvalidInputException;
import vn.motcua.shared.Messages;
import vn.motcua.shared.NotFoundException;

/**
 * Search over dossiers (code, applicant, procedure, form values) and the names and text of their attachments,
 * insensitive to diacritics and case ("giay chung nhan" finds "Giấy chứng nhận"): every word of the query must start
 * a word of the dossier's entry or of one attachment's. Only what the caller may see is returned: the index is read
 * within the caller's dossier scope, and each dossier found is checked again with {@link DossierService#get}.
 */
@Service
public class SearchService {
    /** Results returned at most. */
    public static final int MAX_RESULTS = 100;
    private static final int SNIPPET = 160;

    private final SearchIndex index;
    private final AttachmentRepository attachments;
    private final DossierService dossiers;
    private final ProcedureCatalogue catalogue;
    private final CurrentUser currentUser;
    private final Messages messages;
    private final SearchBackfill backfill;

    SearchService(SearchIndex index, AttachmentRepository attachments, DossierService dossiers,
                  ProcedureCatalogue catalogue, CurrentUser currentUser, Messages messages, SearchBackfill backfill) {
        this.index = index;
        this.backfill = backfill;
        this.attachments = attachments;
        this.dossiers = dossiers;
        this.catalogue = catalogue;
        this.currentUser = currentUser;
        this.messages = messages;
    }

    /**
     * Dossiers and attachments matching the query, most recently indexed first.
     *
     * @param limit results wanted, 1 to {@link #MAX_RESULTS}
     * @throws InvalidInputException (field {@code q}) when the query has no word, (field {@code limit}) when the
     *                               limit is out of range
     */
    @PreAuthorize("isAuthenticated()")
    public List<SearchHit> search(String query, int limit) {
        var user = currentUser.require();
        if (limit < 1 || limit > MAX_RESULTS) {
            throw new InvalidInputException("limit", messages.get("error.field.range", "limit", 1, MAX_RESULTS));
        }
        List<String> words = SearchText.words(query);
        if (words.isEmpty()) throw new InvalidInputException("q", messages.get("search.query.required"));
        int wanted = limit;
        var found = index.search(SearchIndex.Scope.of(user), words, wanted * 2);
        boolean applicantOnly = user.has(vn.motcua.organisation.Role.CITIZEN) && !user.isCivilServant();
        Map<String, Optional<Dossier>> visible = new HashMap<>();
        var hits = new ArrayList<SearchHit>();
        for (var entry : found) {
            if (hits.size() == wanted) break;
            var dossier = visible.computeIfAbsent(entry.dossierCode(), this::readable);
            if (dossier.isEmpty()) continue;
            // the unit's internal files are not found by the dossier's applicant
            if (entry.attachmentId() != null && applicantOnly
                    && attachments.find(entry.dossierCode(), entry.attachmentId()).map(Attachment::internal).orElse(true)) {
                continue;
            }
            hits.add(entry.attachmentId() == null ? dossierHit(entry, words, dossier.get()) : attachmentHit(entry, words));
        }
        return hits;
    }

    /**
     * Starts, in the background, a pass that queues for indexing every dossier missing from the search index (or
     * with an attachment missing from it), as each node also does once when it starts.
     *
     * @return false when a pass is running already on this node
     */
    @PreAuthorize("hasRole('ADMIN')")
    public boolean backfill() {
        return backfill.start();
    }

    private Optional<Dossier> readable(String dossierCode) {
        try {
            return Optional.of(dossiers.get(dossierCode));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    private String formLabel(Dossier dossier, String field) {
        if (!field.startsWith("data.")) return null;
        String path = field.substring("data.".length());
        return catalogue.procedure(dossier.procedureCode())
                .flatMap(p -> catalogue.form(p.intakeForm()))
                .flatMap(form -> form.componentByBindingPath(path))
                .map(FormComponent::label)
                .filter(label -> !label.isBlank())
                .orElse(null);
    }

    private SearchHit dossierHit(SearchIndex.Found entry, List<String> words, Dossier dossier) {
        String field = null;
        int best = 0;
        for (var f : entry.fields().entrySet()) {
            int matched = SearchText.matches(f.getValue(), words);
            if (matched > best) {
                best = matched;
                field = f.getKey();
            }
        }
        if (field == null) field = "code";
        String value = entry.fields().getOrDefault(field, entry.dossierCode());
        return new SearchHit(entry.dossierCode(), SearchHit.Source.DOSSIER, field, formLabel(dossier, field), null, null,
                SearchText.snippet(value, words, SNIPPET));
    }

    private SearchHit attachmentHit(SearchIndex.Found entry, List<String> words) {
        String fileName = entry.fields().getOrDefault("fileName", "");
        if (SearchText.matches(fileName, words) == words.size()) {
            return new SearchHit(entry.dossierCode(), SearchHit.Source.ATTACHMENT, "fileName", null, entry.attachmentId(),
                    fileName, fileName);
        }
        String text = attachments.text(entry.attachmentId(), SearchText.INDEXED_CHARS).orElse("");
        return new SearchHit(entry.dossierCode(), SearchHit.Source.ATTACHMENT, "text", null, entry.attachmentId(), fileName,
                SearchText.snippet(text, words, SNIPPET));
    }
}
