package vn.motcua.security.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.AccessDeniedException;

/**
 * A view that opened but whose service refused the user (Spring Security's {@code @PreAuthorize}, or a rule of the
 * service such as "not your unit's dossier"): the same translated page as {@link AccessDeniedView}, 403. The REST API
 * answers such refusals with its JSON body ({@code vn.motcua.shared.ApiExceptionHandler}); this is for pages only.
 */
@ParentLayout(MainLayout.class)
@AnonymousAllowed
public class ForbiddenView extends ErrorPage implements HasErrorParameter<AccessDeniedException> {

    public ForbiddenView() { super("error-access-denied", "error.page.denied.title", "error.page.denied.explanation"); }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        return HttpServletResponse.SC_FORBIDDEN;
    }
}
