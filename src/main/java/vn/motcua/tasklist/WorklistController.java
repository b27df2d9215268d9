package vn.motcua.tasklist;

import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.dossier.DossierQueries;
import vn.motcua.shared.Messages;

/** The caller's worklist tabs with their counters. */
@RestController
@RequestMapping("/api/worklist")
@Tag(name = "Worklist", description = "Danh sách công việc / worklist")
class WorklistController {
    private final Worklist worklist;
    private final DossierQueries dossiers;
    private final Messages messages;

    WorklistController(Worklist worklist, DossierQueries dossiers, Messages messages) {
        this.worklist = worklist;
        this.dossiers = dossiers;
        this.messages = messages;
    }

    record EntryJson(String key, String label, long count) { }

    record UnitJson(String identifier, String name) { }

    record UnitEntriesJson(UnitJson unit, List<EntryJson> counts) { }

    @GetMapping
    @Operation(summary = "The caller's tabs with their counters: [{key, label, count}]",
            description = "Desk queues (clerks; supervisors over their units, or one unit with ?unit=): awaiting-acceptance, "
                    + "in-processing, awaiting-supplement, awaiting-payment, to-return, overdue, nearly-due. Task tabs "
                    + "(clerks, specialists, leaders): all-tasks, my-tasks, unassigned-tasks, returned-tasks, paused-tasks, "
                    + "overdue-tasks, nearly-due-tasks, follow-up-tasks.")
    List<EntryJson> entries(@RequestParam(required = false) String unit, Locale locale) {
        return worklist.entries(unit, locale).stream().map(e -> new EntryJson(e.key(), e.label(), e.count())).toList();
    }

    @GetMapping("/units")
    @Operation(summary = "Supervisors: the desk queues' counters of every unit below them with open dossiers")
    List<UnitEntriesJson> units(Locale locale) {
        return dossiers.countsByUnit().stream().map(u -> new UnitEntriesJson(
                new UnitJson(u.unit().identifier(), u.unit().displayName(locale)),
                u.counts().entrySet().stream().map(e -> new EntryJson(e.getKey().key(),
                        messages.get(locale, e.getKey().messageKey()), e.getValue())).toList())).toList();
    }

}
