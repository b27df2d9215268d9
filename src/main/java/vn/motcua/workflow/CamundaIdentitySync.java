package vn.motcua.workflow;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import vn.motcua.organisation.OrganisationService;
import vn.motcua.organisation.Role;
import vn.motcua.organisation.UserAccount;
import vn.motcua.organisation.UserSaved;
import vn.motcua.security.CamundaWebappAuthenticationProvider;

/**
 * Camunda's users and groups follow the application's: each user is a Camunda user, member of one group per role at
 * each unit they work for (the candidate groups of the models, e.g. SPECIALIST_000.01.15.H33); administrators are also members of
 * camunda-admin. Passwords stay in the application: Camunda's webapps are entered through single sign-on. A user who
 * is disabled keeps no task: their open tasks go back to their groups, unassigned.
 */
@Component
class CamundaIdentitySync {
    private final IdentityService identity;
    private final AuthorizationService authorizations;
    private final OrganisationService organisation;
    private final TaskService tasks;

    CamundaIdentitySync(IdentityService identity, AuthorizationService authorizations, OrganisationService organisation,
                        TaskService tasks) {
        this.tasks = tasks;
        this.identity = identity;
        this.authorizations = authorizations;
        this.organisation = organisation;
    }

    @EventListener(ApplicationReadyEvent.class)
    void syncAll() {
        ensureAdminGroup();
        organisation.users().forEach(this::sync);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(UserSaved event) {
        ensureAdminGroup();
        organisation.user(event.username()).ifPresent(account -> {
            sync(account);
            if (!account.enabled()) releaseTasks(account.username());
        });
    }

    /** A disabled user's open tasks go back to their candidate groups, unassigned, for someone else to take. */
    private void releaseTasks(String username) {
        for (var task : tasks.createTaskQuery().taskAssignee(username).active().list()) {
            tasks.setAssignee(task.getId(), null);
        }
    }

    private void sync(UserAccount account) {
        var user = identity.createUserQuery().userId(account.username()).singleResult();
        if (user == null) {
            user = identity.newUser(account.username());
            user.setPassword(UUID.randomUUID().toString());
        }
        String[] names = account.fullName().trim().split("\\s+");
        user.setFirstName(names.length > 1 ? String.join(" ", java.util.Arrays.copyOf(names, names.length - 1)) : names[0]);
        user.setLastName(names[names.length - 1]);
        user.setEmail(account.email());
        identity.saveUser(user);

        Set<String> wanted = new HashSet<>();
        // one group per role at every unit the person works for (of appointment, and also: kiêm nhiệm)
        for (Long unitId : account.unitIds()) {
            organisation.unit(unitId).map(u -> u.identifier())
                    .ifPresent(unit -> account.roles().forEach(r -> wanted.add(r.groupAt(unit))));
        }
        if (account.has(Role.ADMIN)) wanted.add(CamundaWebappAuthenticationProvider.CAMUNDA_ADMIN_GROUP);
        Set<String> current = new HashSet<>();
        identity.createGroupQuery().groupMember(account.username()).list().forEach(g -> current.add(g.getId()));
        for (String group : wanted) {
            if (!current.contains(group)) {
                if (identity.createGroupQuery().groupId(group).singleResult() == null) {
                    var g = identity.newGroup(group);
                    g.setName(group);
                    g.setType("WORKFLOW");
                    identity.saveGroup(g);
                }
                identity.createMembership(account.username(), group);
            }
        }
        for (String group : current) {
            if (!wanted.contains(group)) identity.deleteMembership(account.username(), group);
        }
    }

    private void ensureAdminGroup() {
        String admin = CamundaWebappAuthenticationProvider.CAMUNDA_ADMIN_GROUP;
        if (identity.createGroupQuery().groupId(admin).singleResult() == null) {
            var g = identity.newGroup(admin);
            g.setName("Camunda BPM Administrators");
            g.setType("SYSTEM");
            identity.saveGroup(g);
        }
        for (Resource resource : Resources.values()) {
            if (authorizations.createAuthorizationQuery().groupIdIn(admin).resourceType(resource).resourceId("*").count() == 0) {
                Authorization all = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
                all.setGroupId(admin);
                all.setResource(resource);
                all.setResourceId("*");
                all.addPermission(Permissions.ALL);
                authorizations.saveAuthorization(all);
            }
        }
    }
}
