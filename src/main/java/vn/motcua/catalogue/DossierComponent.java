package vn.motcua.catalogue;

import java.util.List;

/** A required document of a procedure (thành phần hồ sơ) and the media types accepted for it. */
public record DossierComponent(String code, Localized name, boolean required, List<String> fileTypes) {
    public DossierComponent {
        fileTypes = fileTypes == null ? List.of() : List.copyOf(fileTypes);
    }
}
