package vn.motcua.shared;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Turns the domain's exceptions into problem details ({@link ErrorJson}, RFC 9457) worded in the caller's language:
 * 400 invalid input (naming the field), 403 forbidden, 404 not found (or not yours), 409 refused by a rule.
 */
@RestControllerAdvice(basePackages = "vn.motcua")
class ApiExceptionHandler {
    private final Messages messages;

    ApiExceptionHandler(Messages messages) { this.messages = messages; }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<Map<String, Object>> invalid(InvalidInputException e) {
        List<Map<String, String>> errors = e.violations().stream()
                .map(v -> Map.of("field", v.field(), "message", v.message())).toList();
        return ErrorJson.entity(400, "INVALID_INPUT", e.violations().get(0).message(),
                Map.of("field", e.violations().get(0).field(), "errors", errors));
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<Map<String, Object>> beanValidation(MethodArgumentNotValidException e) {
        var violations = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new InvalidInputException.Violation(f.getField(),
                        messages.get("error.field.invalid", f.getField()) + (f.getDefaultMessage() == null ? "" : " (" + f.getDefaultMessage() + ")")))
                .toList();
        return invalid(new InvalidInputException(violations.isEmpty()
                ? List.of(new InvalidInputException.Violation("body", messages.get("error.body.unreadable"))) : violations));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
        String field = "body";
        if (e.getCause() instanceof com.fasterxml.jackson.databind.JsonMappingException jme && !jme.getPath().isEmpty()) {
            field = jme.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("body");
        }
        return invalid(new InvalidInputException(field, messages.get("error.body.unreadable.field", field)));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<Map<String, Object>> missingParameter(MissingServletRequestParameterException e) {
        return invalid(new InvalidInputException(e.getParameterName(), messages.get("error.field.required")));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, Object>> typeMismatch(MethodArgumentTypeMismatchException e) {
        return invalid(new InvalidInputException(e.getName(), messages.get("error.field.invalid", e.getName())));
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<Map<String, Object>> notFound(NotFoundException e) {
        return ErrorJson.entity(404, "NOT_FOUND", messages.get(e.messageKey(), e.args()), null);
    }

    @ExceptionHandler(TooManyAttemptsException.class)
    ResponseEntity<Map<String, Object>> tooMany(TooManyAttemptsException e) {
        long minutes = Math.max(1, (e.retryAfterSeconds() + 59) / 60);
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header("Retry-After", String.valueOf(e.retryAfterSeconds()))
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(ErrorJson.problem(429, "TOO_MANY_ATTEMPTS", messages.get(e.messageKey(), minutes),
                        Map.of("retryAfterSeconds", e.retryAfterSeconds())));
    }

    @ExceptionHandler(BusinessRuleException.class)
    ResponseEntity<Map<String, Object>> conflict(BusinessRuleException e) {
        return ErrorJson.entity(409, "CONFLICT", messages.get(e.messageKey(), e.args()), null);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Map<String, Object>> forbidden(AccessDeniedException e) {
        String message = e instanceof ForbiddenException f ? messages.get(f.messageKey(), f.args()) : messages.get("error.forbidden");
        return ErrorJson.entity(403, "FORBIDDEN", message, null);
    }
}
