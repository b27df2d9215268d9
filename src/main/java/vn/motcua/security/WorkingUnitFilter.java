package vn.motcua.security;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.motcua.shared.ErrorJson;
import vn.motcua.shared.Messages;

/**
 * An API call of a person who works for several units names the unit it works in with the header
 * {@value WorkingUnits#HEADER}: for that call only, the caller works there. A unit that is not the caller's answers
 * 403 as a problem detail and goes no further; a call without the header works in the caller's current unit.
 */
final class WorkingUnitFilter extends OncePerRequestFilter {
    private final WorkingUnits workingUnits;
    private final Messages messages;

    WorkingUnitFilter(WorkingUnits workingUnits, Messages messages) {
        this.workingUnits = workingUnits;
        this.messages = messages;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String unit = request.getHeader(WorkingUnits.HEADER);
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (unit == null || unit.isBlank() || auth == null || !(auth.getPrincipal() instanceof AuthenticatedUser)) {
            chain.doFilter(request, response);
            return;
        }
        SecurityContext before = SecurityContextHolder.getContext();
        try {
            workingUnits.switchTo(unit);
        } catch (AccessDeniedException e) {
            SecurityContextHolder.setContext(before);
            ErrorJson.write(response, ErrorJson.problem(request, 403, "NOT_YOUR_UNIT",
                    messages.get(Messages.locale(request), "security.workingUnit.notYours", unit.strip()),
                    Map.of("field", WorkingUnits.HEADER)));
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            // the call's own context: never saved, the browser's session keeps its unit
            SecurityContextHolder.setContext(before);
        }
    }
}
