package vn.motcua.catalogue;

import java.util.Locale;

/** A text in Vietnamese (required) and English (optional, falls back to Vietnamese). */
public record Localized(String vi, String en) {
    public String in(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) && en != null && !en.isBlank() ? en : vi;
    }
}
