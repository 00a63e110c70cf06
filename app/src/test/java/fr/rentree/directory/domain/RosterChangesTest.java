package fr.rentree.directory.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** What an import changes, decided without a database: the rules of pré-suppression, restoration and coverage. */
class RosterChangesTest {

    private static final SchoolYear YEAR = new SchoolYear(2026);

    @Test
    void a_pupil_missing_from_the_pupils_export_goes_to_pre_deletion_but_parents_and_staff_are_left_alone() {
        List<ImportedAccount> known = List.of(
                known(1, pupil("E:1", "6A"), AccountState.ACTIVE),
                known(2, pupil("E:2", "6A"), AccountState.ACTIVE),
                known(3, parent("P:9", "E:2"), AccountState.ACTIVE),
                known(4, teacher("I:5"), AccountState.ACTIVE));

        RosterChanges changes = RosterChanges.between(roster(Set.of(Coverage.STUDENTS), pupil("E:1", "6A")), known);

        assertThat(changes.changes()).singleElement().satisfies(change -> {
            assertThat(change.kind()).isEqualTo(ChangeKind.PRE_DELETE);
            assertThat(change.accountId()).isEqualTo(2L);
        });
    }

    @Test
    void an_account_in_pre_deletion_listed_again_is_restored_with_its_changes_and_one_still_missing_stays_as_it_is() {
        List<ImportedAccount> known = List.of(
                known(1, pupil("E:1", "6A"), AccountState.PRE_DELETION),
                known(2, pupil("E:2", "6A"), AccountState.PRE_DELETION));

        RosterChanges changes = RosterChanges.between(roster(Set.of(Coverage.STUDENTS), pupil("E:1", "5A")), known);

        assertThat(changes.changes()).singleElement().satisfies(change -> {
            assertThat(change.kind()).isEqualTo(ChangeKind.RESTORE);
            assertThat(change.changedFields()).containsExactly("classes");
        });
    }

    @Test
    void an_update_lists_exactly_the_fields_that_change_and_an_identical_entry_is_no_change() {
        RosterEntry before = pupil("E:1", "6A");
        RosterEntry after = new RosterEntry("E:1", Origin.SIECLE, Profile.STUDENT, "MARTIN", "Zoé-Lou", null, "INE",
                "zoe@exemple.fr", Set.of("6A"), Set.of(), Set.of());

        assertThat(RosterChanges.between(roster(Set.of(Coverage.STUDENTS), before),
                List.of(known(1, before, AccountState.ACTIVE))).isEmpty()).isTrue();
        assertThat(RosterChanges.between(roster(Set.of(Coverage.STUDENTS), after),
                List.of(known(1, before, AccountState.ACTIVE))).changes())
                .singleElement().extracting(AccountChange::changedFields)
                .isEqualTo(Set.of("firstName", "email"));
    }

    @Test
    void a_guardian_under_a_new_id_is_matched_by_name_and_a_child_in_common_not_by_e_mail() {
        List<ImportedAccount> known = List.of(known(3, parent("P:9", "E:2"), AccountState.ACTIVE));
        RosterEntry sameNameOtherChild = parent("P:77", "E:8");
        RosterEntry sameNameSameChild = parent("P:78", "E:2");

        assertThat(RosterChanges.between(roster(Set.of(Coverage.PARENTS), sameNameOtherChild), known).changes())
                .extracting(AccountChange::kind).containsExactlyInAnyOrder(ChangeKind.CREATE, ChangeKind.PRE_DELETE);
        assertThat(RosterChanges.between(roster(Set.of(Coverage.PARENTS), sameNameSameChild), known).changes())
                .singleElement().satisfies(change -> {
                    assertThat(change.kind()).isEqualTo(ChangeKind.UPDATE);
                    assertThat(change.changedFields()).containsExactly("sourceId");
                });
    }

    private static Roster roster(Set<Coverage> coverage, RosterEntry... entries) {
        return new Roster("0750001U", YEAR, coverage, List.of(entries), Map.of());
    }

    private static ImportedAccount known(long id, RosterEntry entry, AccountState state) {
        return new ImportedAccount(id, "login" + id, state, entry);
    }

    private static RosterEntry pupil(String id, String division) {
        return new RosterEntry(id, Origin.SIECLE, Profile.STUDENT, "MARTIN", "Zoé", null, "INE", null,
                Set.of(division), Set.of(), Set.of());
    }

    private static RosterEntry parent(String id, String child) {
        return new RosterEntry(id, Origin.SIECLE, Profile.PARENT, "BŒUF", "Hélène", null, null,
                "famille.boeuf@exemple.fr", Set.of(), Set.of(), Set.of(new ChildLink(child, 1, "10")));
    }

    private static RosterEntry teacher(String id) {
        return new RosterEntry(id, Origin.STS_WEB, Profile.TEACHER, "DURAND", "Béatrice", null, null, null,
                Set.of("6A"), Set.of("6A"), Set.of());
    }
}
