package vn.motcua.notification;

import java.time.Instant;
import java.util.List;

/**
 * The text of a template in one language: the subject (e-mail) and the body, whether an administrator changed it
 * (else it is the default), when and by whom, and the placeholders it may use.
 */
public record TemplateText(TemplateKey key, String language, String subject, String body, boolean customised,
                           Instant updatedAt, String updatedBy, List<String> placeholders) { }
