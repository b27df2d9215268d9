package vn.motcua.security;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The caller's saved list filters. */
@RestController
@RequestMapping("/api/saved-filters")
@Tag(name = "Saved filters", description = "Bộ lọc đã lưu / saved filters")
class SavedFilterController {
    private final SavedFilters filters;

    SavedFilterController(SavedFilters filters) { this.filters = filters; }

    record SaveRequest(String list, String name, String query) { }

    @GetMapping
    @Operation(summary = "The caller's saved filters of a list (list=tasks|dossiers)")
    List<SavedFilters.SavedFilter> list(@RequestParam(defaultValue = "tasks") String list) { return filters.list(list); }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Save a filter {list, name, query} (the list's query string); the same name replaces it")
    SavedFilters.SavedFilter save(@RequestBody(required = false) SaveRequest body) {
        if (body == null) return filters.save(null, null, null);
        return filters.save(body.list() == null ? "tasks" : body.list(), body.name(), body.query());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete one of the caller's saved filters")
    void delete(@PathVariable long id) { filters.delete(id); }
}
