package fr.rentree.directory.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * The changes an import makes: what the preview shows and what is applied. Computed from the roster and the
 * accounts the directory already holds, so importing the same exports twice yields no change the second time.
 */
public record RosterChanges(List<AccountChange> changes) {

    /** The fields an update can change, in the order the preview lists them. */
    public static final List<String> FIELDS = List.of("sourceId", "profile", "lastName", "firstName", "birthDate",
            "nationalId", "email", "classes", "headOf", "children");

    private static final Map<String, Function<RosterEntry, Object>> READERS = Map.of(
            "sourceId", RosterEntry::sourceId, "profile", RosterEntry::profile,
            "lastName", RosterEntry::lastName, "firstName", RosterEntry::firstName,
            "birthDate", RosterEntry::birthDate, "nationalId", RosterEntry::nationalId,
            "email", RosterEntry::email, "classes", RosterEntry::classes,
            "headOf", RosterEntry::headOf, "children", RosterEntry::children);

    public RosterChanges {
        changes = List.copyOf(changes);
    }

    public static RosterChanges between(Roster roster, List<ImportedAccount> existing) {
        Map<String, ImportedAccount> bySource = existing.stream()
                .collect(Collectors.toMap(known -> known.entry().sourceId(), Function.identity()));
        Set<Long> matched = new HashSet<>();
        List<AccountChange> changes = new ArrayList<>();
        List<RosterEntry> newcomers = new ArrayList<>();
        for (RosterEntry entry : roster.entries()) {
            ImportedAccount known = bySource.get(entry.sourceId());
            if (known == null) {
                newcomers.add(entry);
            } else {
                matched.add(known.id());
                compare(known, entry, changes);
            }
        }
        Map<String, List<ImportedAccount>> unmatchedParents = existing.stream()
                .filter(known -> known.entry().profile() == Profile.PARENT && !matched.contains(known.id()))
                .collect(Collectors.groupingBy(known -> known.entry().nameKey()));
        for (RosterEntry entry : newcomers) {
            ImportedAccount same = entry.profile() == Profile.PARENT ? sameGuardian(entry, unmatchedParents) : null;
            if (same == null) {
                changes.add(new AccountChange(ChangeKind.CREATE, null, null, entry, Set.of()));
            } else {
                matched.add(same.id());
                compare(same, entry, changes);
            }
        }
        existing.stream()
                .filter(known -> !matched.contains(known.id()) && known.state() == AccountState.ACTIVE)
                .filter(known -> roster.covers(known.entry().origin(), known.entry().profile()))
                .forEach(known -> changes.add(new AccountChange(ChangeKind.PRE_DELETE, known.id(), known.login(),
                        known.entry(), Set.of())));
        return new RosterChanges(changes);
    }

    public int count(ChangeKind kind) {
        return (int) changes.stream().filter(change -> change.kind() == kind).count();
    }

    public List<AccountChange> ofKind(ChangeKind kind) {
        return changes.stream().filter(change -> change.kind() == kind).toList();
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    private static void compare(ImportedAccount known, RosterEntry entry, List<AccountChange> changes) {
        Set<String> fields = new LinkedHashSet<>();
        for (String field : FIELDS) {
            if (!Objects.equals(READERS.get(field).apply(known.entry()), READERS.get(field).apply(entry))) {
                fields.add(field);
            }
        }
        if (known.state() != AccountState.ACTIVE) {
            changes.add(new AccountChange(ChangeKind.RESTORE, known.id(), known.login(), entry, fields));
        } else if (!fields.isEmpty()) {
            changes.add(new AccountChange(ChangeKind.UPDATE, known.id(), known.login(), entry, fields));
        }
    }

    /**
     * A guardian SIECLE re-registered under a new PERSONNE_ID: same name and a child in common with an account
     * the new export no longer lists. Taken over (one account kept) instead of pre-deleting one and creating another.
     */
    private static @Nullable ImportedAccount sameGuardian(RosterEntry entry, Map<String, List<ImportedAccount>> unmatched) {
        Set<String> children = entry.children().stream().map(ChildLink::childSourceId).collect(Collectors.toSet());
        List<ImportedAccount> candidates = unmatched.getOrDefault(entry.nameKey(), new ArrayList<>());
        for (ImportedAccount candidate : candidates) {
            boolean childInCommon = candidate.entry().children().stream()
                    .anyMatch(link -> children.contains(link.childSourceId()));
            if (childInCommon) {
                candidates.remove(candidate);
                return candidate;
            }
        }
        return null;
    }
}
