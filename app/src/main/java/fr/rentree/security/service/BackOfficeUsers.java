package fr.rentree.security.service;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import fr.rentree.base.FieldsRefused;
import fr.rentree.security.domain.BackOfficeUser;
import fr.rentree.security.domain.BackOfficeUserRepository;
import fr.rentree.security.domain.UserChanged;
import fr.rentree.security.domain.UserChanged.Change;
import fr.rentree.security.domain.UserDraft;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static fr.rentree.security.service.BackOfficeUserService.scopes;

/**
 * How an administrator creates, changes and disables back-office users. Every method checks that an administrator
 * asks, or Rentrée itself (the {@code create-admin} command); a director or district staff are refused.
 */
@Service
@Transactional(readOnly = true)
public class BackOfficeUsers {

    private final BackOfficeUserRepository users;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;

    BackOfficeUsers(BackOfficeUserRepository users, CurrentUser currentUser, ApplicationEventPublisher events) {
        this.users = users;
        this.currentUser = currentUser;
        this.events = events;
    }

    /** Every back-office user, by name, for the administrators' screen. */
    public List<BackOfficeUser> all() {
        currentUser.requireAdminOrSystem();
        return users.findAllByOrderByDisplayName();
    }

    public Optional<BackOfficeUser> find(long id) {
        currentUser.requireAdminOrSystem();
        return users.findById(id);
    }

    public Optional<BackOfficeUser> findByUsername(String username) {
        currentUser.requireAdminOrSystem();
        return users.findByUsername(username);
    }

    /**
     * Creates a user with no password: they choose it through the invitation an administrator sends them.
     *
     * @throws FieldsRefused when a field is wrong or the username is taken; nothing written
     */
    @Transactional
    public BackOfficeUser create(UserDraft draft) {
        currentUser.requireAdminOrSystem();
        Map<String, String> problems = draft.problems();
        if (!problems.containsKey("username") && users.findByUsername(draft.username()).isPresent()) {
            problems.put("username", "users.error.username-taken");
        }
        refuseIf(draft, problems);
        BackOfficeUser created = users.save(new BackOfficeUser(null, draft.username(), null, draft.displayName(),
                draft.role(), true, draft.email(), draft.district(), 0, scopes(draft.schoolUais())));
        events.publishEvent(new UserChanged(created.username(), Change.CREATED, created.role()));
        return created;
    }

    /**
     * Changes a user's name, address, role and schools (the username stays). When what they may reach changes, their
     * open sessions end: they sign in again and get the new scope.
     */
    @Transactional
    public BackOfficeUser update(long id, UserDraft draft) {
        currentUser.requireAdminOrSystem();
        BackOfficeUser user = users.findById(id).orElseThrow(() -> new IllegalArgumentException("No user " + id));
        refuseIf(draft, draft.problems());
        boolean scopeChanged = user.role() != draft.role() || !Objects.equals(user.district(),
                draft.district()) || !user.schools().equals(scopes(draft.schoolUais()));
        BackOfficeUser saved = users.save(new BackOfficeUser(user.id(), user.username(), user.passwordHash(),
                draft.displayName(), draft.role(), user.enabled(), draft.email(), draft.district(),
                user.sessionEpoch() + (scopeChanged ? 1 : 0), scopes(draft.schoolUais())));
        events.publishEvent(new UserChanged(saved.username(), Change.EDITED, saved.role()));
        return saved;
    }

    /** Disables a user, ending their sessions at their next click, or enables them again. */
    @Transactional
    public BackOfficeUser setEnabled(long id, boolean enabled) {
        SignedInUser admin = currentUser.requireAdmin();
        BackOfficeUser user = users.findById(id).orElseThrow(() -> new IllegalArgumentException("No user " + id));
        if (!enabled && user.username().equals(admin.getUsername())) {
            throw new FieldsRefused("Disabling oneself", Map.of("enabled", "users.error.disable-self"));
        }
        BackOfficeUser saved = users.save(new BackOfficeUser(user.id(), user.username(), user.passwordHash(),
                user.displayName(), user.role(), enabled, user.email(), user.district(),
                user.sessionEpoch() + (enabled ? 0 : 1), user.schools()));
        events.publishEvent(new UserChanged(saved.username(), enabled ? Change.ENABLED : Change.DISABLED,
                saved.role()));
        return saved;
    }

    /**
     * Takes a school out of every user's scope, as it leaves Rentrée: those users' sessions end at their next request
     * (they sign in again without it). Joins the caller's transaction, so that the school and its users part together.
     */
    @Transactional
    public void forgetSchool(String uai) {
        currentUser.requireAdminOrSystem();
        users.endSessionsForSchool(uai);
        users.forgetSchool(uai);
    }

    /**
     * Forgets a user's second factor (a lost phone): they enrol a new one at their next sign-in, with the QR code.
     */
    @Transactional
    public void resetSecondFactor(long id) {
        currentUser.requireAdmin();
        BackOfficeUser user = users.findById(id).orElseThrow(() -> new IllegalArgumentException("No user " + id));
        users.forgetSecondFactor(id);
        events.publishEvent(new UserChanged(user.username(), Change.SECOND_FACTOR_RESET, user.role()));
    }

    private static void refuseIf(UserDraft draft, Map<String, String> problems) {
        if (!problems.isEmpty()) {
            throw new FieldsRefused("User " + draft.username(), problems);
        }
    }
}
