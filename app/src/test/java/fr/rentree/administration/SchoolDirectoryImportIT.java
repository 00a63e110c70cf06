package fr.rentree.administration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import fr.rentree.audit.domain.AuditAction;
import fr.rentree.audit.domain.AuditQuery;
import fr.rentree.audit.service.AuditLog;
import fr.rentree.base.FieldsRefused;
import fr.rentree.school.domain.DirectoryFile;
import fr.rentree.school.domain.DirectoryPreview;
import fr.rentree.school.domain.School;
import fr.rentree.school.domain.SchoolKind;
import fr.rentree.school.domain.SchoolSettings;
import fr.rentree.school.domain.Uai;
import fr.rentree.school.service.DirectoryRefused;
import fr.rentree.school.service.SchoolDirectoryImport;
import fr.rentree.school.service.SchoolInUse;
import fr.rentree.school.service.SchoolService;
import fr.rentree.security.domain.Role;
import fr.rentree.security.domain.UserDraft;
import fr.rentree.security.service.BackOfficeUserService;
import fr.rentree.security.service.BackOfficeUsers;
import fr.rentree.security.service.SignedInUser;
import fr.rentree.security.service.CurrentUser;
import fr.rentree.support.AnnuaireExport;
import fr.rentree.support.Fixtures;
import fr.rentree.support.RentreeIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;

/** Schools from the national directory's export, against MariaDB: preview, apply, apply again, bad files. */
@RentreeIntegrationTest
class SchoolDirectoryImportIT {

    @Autowired
    SchoolDirectoryImport directory;
    @Autowired
    SchoolService schools;
    @Autowired
    BackOfficeUsers users;
    @Autowired
    CurrentUser currentUser;
    @Autowired
    AuditLog journal;
    @Autowired
    BackOfficeUserService signIn;
    @Autowired
    Fixtures fixtures;
    @Autowired
    MessageSource messages;
    @TempDir
    Path folder;

    String admin;
    /** A département of this test alone: the district its schools land in. */
    String departement;

    @BeforeEach
    void anAdministrator() {
        admin = fixtures.admin();
        departement = "Seine-Saint-Denis " + System.nanoTime();
    }

    @Test
    void an_upload_is_read_as_it_streams_and_one_past_the_limit_is_refused_in_french_unread_and_unkept()
            throws Exception {
        byte[] export = new AnnuaireExport(departement).schools(5_200_000, 10).bytes();
        DirectoryFile streamed = fixtures.as(admin, () -> receive(new ByteArrayInputStream(export)));
        assertThat(streamed.schools()).hasSize(10);
        assertThat(streamed.windows1252()).isFalse();

        // 65 MB made as they are read, never held: the service must stop at its limit, not hold the upload
        long over = SchoolDirectoryImport.MAX_FILE_BYTES + 1024 * 1024;
        AtomicLong read = new AtomicLong();
        InputStream huge = new InputStream() {
            @Override
            public int read() {
                return read.incrementAndGet() <= over ? ';' : -1;
            }

            @Override
            public int read(byte[] bytes, int offset, int length) {
                long left = over - read.get();
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(length, left);
                Arrays.fill(bytes, offset, offset + n, (byte) ';');
                read.addAndGet(n);
                return n;
            }
        };
        long uploadsBefore = temporaryUploads();
        DirectoryRefused refused = catchThrowableOfType(DirectoryRefused.class,
                () -> fixtures.as(admin, () -> receive(huge)));

        assertThat(refused.messageKey()).isEqualTo("schools.import.error.too-large");
        assertThat(messages.getMessage(refused.messageKey(), refused.arguments().toArray(), Locale.FRENCH))
                .startsWith("Ce fichier dépasse 64\u00a0Mo\u00a0: il n’a pas été lu.");
        assertThat(read.get()).as("read no further than the limit").isLessThan(over);
        assertThat(temporaryUploads()).as("nothing of it kept").isEqualTo(uploadsBefore);
        assertThatThrownBy(() -> fixtures.as(fixtures.districtOfficer(Set.of()),
                () -> receive(new ByteArrayInputStream(export)))).isInstanceOf(AccessDeniedException.class);
    }

    private DirectoryFile receive(InputStream upload) {
        try {
            return directory.receive("fr-en-annuaire-education.csv", upload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long temporaryUploads() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(file -> file.getFileName().toString().startsWith("rentree-annuaire-")).count();
        }
    }

    @Test
    void a_departements_export_is_previewed_then_imported_and_importing_it_again_changes_nothing() {
        byte[] export = new AnnuaireExport(departement).schools(5_100_000, 40).bytes();

        DirectoryFile file = fixtures.as(admin, () -> directory.read("fr-en-annuaire-education.csv", export));
        assertThat(file.schools()).hasSize(40);
        assertThat(file.problems()).isEmpty();
        assertThat(file.ignored()).containsOnly(entry("Information et orientation", 1),
                entry("Service Administratif", 1));
        assertThat(file.windows1252()).isFalse();
        DirectoryPreview preview = fixtures.as(admin, () -> directory.preview(file));
        assertThat(preview.created()).hasSize(40);
        assertThat(schools.find(Uai.of(5_100_000))).isEmpty(); // a preview writes nothing

        DirectoryPreview done = fixtures.as(admin, () -> directory.apply(file));
        assertThat(done.created()).hasSize(40);
        assertThat(schools.find(Uai.of(5_100_000))).contains(new School(Uai.of(5_100_000),
                "Lycée polyvalent Paul-Éluard n° 0", SchoolKind.LYCEE, departement, "Saint-Denis",
                "ce." + Uai.of(5_100_000).toLowerCase() + "@ac-creteil.fr", null));
        assertThat(schools.find(Uai.of(5_100_001)).orElseThrow().kind()).isEqualTo(SchoolKind.ECOLE);
        assertThat(schools.find(Uai.of(5_100_005)).orElseThrow().kind()).isEqualTo(SchoolKind.COLLEGE);
        assertThat(schools.inDistrict(departement)).hasSize(40); // the CIO and the service left aside

        DirectoryPreview again = fixtures.as(admin, () -> directory.apply(
                directory.read("fr-en-annuaire-education.csv", export)));
        assertThat(again.created()).isEmpty();
        assertThat(again.updated()).isEmpty();
        assertThat(again.unchanged()).isEqualTo(40);

        var lines = fixtures.as(admin, () -> journal.events(new AuditQuery(null, Set.of(AuditAction.IMPORT_SCHOOLS),
                admin, null, null), 0, 10));
        assertThat(lines).hasSize(2);
        assertThat(lines.getFirst().details()).containsExactly("fr-en-annuaire-education.csv", 0L, 0L, 40L);
        assertThat(lines.getLast().details()).containsExactly("fr-en-annuaire-education.csv", 40L, 0L, 0L);
    }

    @Test
    void the_directory_sets_kind_district_and_commune_but_a_schools_own_name_and_address_win() {
        var named = fixtures.schoolWithDirector("Collège Rosa-Parks d’Aubervilliers");
        String uai = named.school().uai();
        fixtures.as(named.director(), () -> schools.updateSettings(uai,
                new SchoolSettings("Collège Rosa-Parks d’Aubervilliers", null, "https://ent.rosa-parks.fr")));
        byte[] export = new AnnuaireExport(departement)
                .line(uai, "COLLEGE ROSA PARKS", "Collège", "Aubervilliers", "ce." + uai.toLowerCase() + "@ac.fr")
                .bytes();

        DirectoryPreview done = fixtures.as(admin, () -> directory.apply(directory.read("annuaire.csv", export)));

        assertThat(done.updated()).hasSize(1);
        assertThat(schools.find(uai)).contains(new School(uai, "Collège Rosa-Parks d’Aubervilliers",
                SchoolKind.COLLEGE, departement, "Aubervilliers", "ce." + uai.toLowerCase() + "@ac.fr",
                "https://ent.rosa-parks.fr"));
    }

    @Test
    void wrong_lines_are_refused_by_number_and_the_others_imported() {
        String good = Uai.of(5_200_001);
        String wrongLetter = Uai.of(5_200_002).substring(0, 7) + (Uai.of(5_200_002).endsWith("A") ? "B" : "A");
        byte[] export = new AnnuaireExport(departement)
                .line(good, "École Anne-Frank", "Ecole", "Pantin", "")
                .line(wrongLetter, "École à la lettre fausse", "Ecole", "Pantin", "")
                .line(Uai.of(5_200_003), "", "Ecole", "Pantin", "")
                .line(good, "École Anne-Frank (en double)", "Ecole", "Pantin", "")
                .line(Uai.of(5_200_004), "Lycée; avec un point-virgule", "Lycée", "Pantin", "pas-une-adresse")
                .bytes();

        DirectoryFile file = fixtures.as(admin, () -> directory.read("annuaire.csv", export));

        assertThat(file.problems()).extracting(p -> p.line(), p -> p.messageKey()).containsExactly(
                tuple(3L, "schools.import.error.uai"),
                tuple(4L, "schools.import.error.name"),
                tuple(5L, "schools.import.error.twice"));
        assertThat(file.schools()).extracting(School::uai, School::name, School::contactEmail).containsExactly(
                tuple(good, "École Anne-Frank", null),
                tuple(Uai.of(5_200_004), "Lycée; avec un point-virgule", null));
        assertThat(fixtures.as(admin, () -> directory.apply(file)).created()).hasSize(2);
        assertThat(schools.find(wrongLetter)).isEmpty();
    }

    @Test
    void a_file_that_is_no_export_is_refused_in_plain_words_and_a_spreadsheets_save_is_still_read() {
        assertThatThrownBy(() -> fixtures.as(admin, () -> directory.read("ElevesSansAdresses.xml",
                "<?xml version=\"1.0\"?><BEE_ELEVES/>".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOfSatisfying(DirectoryRefused.class, refused -> {
                    assertThat(refused.messageKey()).isEqualTo("schools.import.error.column");
                    assertThat(refused.arguments()).containsExactly("identifiant_de_l_etablissement");
                });
        assertThatThrownBy(() -> fixtures.as(admin, () -> directory.read("vide.csv",
                new AnnuaireExport(departement).bytes())))
                .isInstanceOfSatisfying(DirectoryRefused.class, refused -> assertThat(refused.messageKey())
                        .isEqualTo("schools.import.error.empty"));
        assertThatThrownBy(() -> fixtures.as(admin, () -> directory.read("casse.csv", (AnnuaireExport.HEADER
                + "\r\n0930001W;\"École sans fin;Ecole\r\n").getBytes(StandardCharsets.UTF_8))))
                .isInstanceOfSatisfying(DirectoryRefused.class, refused -> assertThat(refused.messageKey())
                        .isEqualTo("schools.import.error.unreadable"));

        // saved again by a spreadsheet: Windows-1252, no byte order mark, headers in lower case (the API's names)
        String uai = Uai.of(5_300_001);
        byte[] resaved = new String(new AnnuaireExport(departement)
                .line(uai, "École Hélène-Boucher", "Ecole", "Noisy-le-Sec", "").bytes(Charset.forName("windows-1252")),
                Charset.forName("windows-1252")).toLowerCase().replace(uai.toLowerCase(), uai)
                .getBytes(Charset.forName("windows-1252"));
        DirectoryFile file = fixtures.as(admin, () -> directory.read("annuaire-excel.csv", resaved));
        assertThat(file.windows1252()).isTrue();
        assertThat(file.schools()).extracting(School::name, School::kind)
                .containsExactly(tuple("école hélène-boucher", SchoolKind.ECOLE));
    }

    @Test
    void district_staff_given_the_district_follow_its_schools_those_imported_later_included() {
        fixtures.as(admin, () -> directory.apply(directory.read("annuaire.csv",
                new AnnuaireExport(departement).schools(5_400_000, 5).bytes())));
        fixtures.as(admin, () -> users.create(new UserDraft("suivi." + System.nanoTime(), "Inès Suivi",
                "ines.suivi@ac-creteil.fr", Role.DISTRICT_STAFF, departement, Set.of())));
        String officer = fixtures.as(admin, () -> users.all()).stream()
                .filter(user -> departement.equals(user.district())).findFirst().orElseThrow().username();

        assertThat(followed(officer)).hasSize(5).contains(Uai.of(5_400_004));
        fixtures.as(admin, () -> directory.apply(directory.read("annuaire.csv",
                new AnnuaireExport(departement).schools(5_400_000, 7).bytes())));
        assertThat(followed(officer)).hasSize(7).contains(Uai.of(5_400_006)); // read again at each sign-in
    }

    @Test
    void only_administrators_read_import_list_or_create_schools() {
        var director = fixtures.schoolWithDirector("École Jean-Jaurès");
        String officer = fixtures.districtOfficer(Set.of(director.school().uai()));
        byte[] export = new AnnuaireExport(departement).schools(5_500_000, 3).bytes();
        DirectoryFile file = fixtures.as(admin, () -> directory.read("annuaire.csv", export));
        School byHand = new School(Uai.of(5_500_100), "École créée à la main", SchoolKind.ECOLE, null, null, null);

        for (String wrongUser : List.of(director.director(), officer)) {
            assertThatThrownBy(() -> fixtures.as(wrongUser, () -> directory.read("annuaire.csv", export)))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> fixtures.as(wrongUser, () -> directory.preview(file)))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> fixtures.as(wrongUser, () -> directory.apply(file)))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> fixtures.as(wrongUser, () -> schools.all()))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> fixtures.as(wrongUser, () -> schools.create(byHand)))
                    .isInstanceOf(AccessDeniedException.class);
        }
        assertThat(schools.find(Uai.of(5_500_000))).isEmpty();
        assertThat(schools.find(byHand.uai())).isEmpty();
    }

    @Test
    void an_administrator_creates_a_school_by_hand_once_and_edits_its_settings() {
        School byHand = new School(Uai.of(5_600_001), "École Pablo-Picasso", SchoolKind.ECOLE, departement, "Bondy",
                "ce.picasso@ac-creteil.fr", null);

        fixtures.as(admin, () -> schools.create(byHand));
        assertThat(schools.find(byHand.uai())).contains(byHand);
        assertThatThrownBy(() -> fixtures.as(admin, () -> schools.create(byHand))) // a double click
                .isInstanceOfSatisfying(FieldsRefused.class, refused -> assertThat(refused.problems())
                        .containsEntry("uai", "schools.error.uai-taken"));
        fixtures.as(admin, () -> schools.updateSettings(byHand.uai(), new SchoolSettings("École Pablo-Picasso de Bondy",
                "ce.picasso@ac-creteil.fr", "https://ent.bondy.fr")));
        assertThat(schools.find(byHand.uai()).orElseThrow().name()).isEqualTo("École Pablo-Picasso de Bondy");
    }

    @Test
    void a_school_removed_by_mistake_leaves_its_directors_scope_and_ends_their_sessions_but_one_with_data_stays() {
        var empty = fixtures.schoolWithDirector("École importée par erreur");
        SignedInUser before = (SignedInUser) signIn.loadUserByUsername(empty.director());
        assertThat(before.schoolUais()).containsExactly(empty.school().uai());

        assertThatThrownBy(() -> fixtures.as(empty.director(), () -> schools.remove(empty.school().uai())))
                .isInstanceOf(AccessDeniedException.class);
        fixtures.as(admin, () -> schools.remove(empty.school().uai()));
        assertThat(schools.find(empty.school().uai())).isEmpty();
        assertThat(signIn.stillSignedIn(before)).isFalse();
        assertThat(((SignedInUser) signIn.loadUserByUsername(empty.director())).schoolUais()).isEmpty();

        var used = fixtures.schoolWithAccounts("Collège Rosa-Parks", folder);
        assertThatThrownBy(() -> fixtures.as(admin, () -> schools.remove(used.school().uai())))
                .isInstanceOfSatisfying(SchoolInUse.class, refused -> assertThat(refused.messageKey())
                        .isEqualTo("schools.remove.in-use"));
        assertThat(schools.find(used.school().uai())).isPresent();
        SignedInUser director = (SignedInUser) signIn.loadUserByUsername(used.director());
        assertThat(director.schoolUais()).containsExactly(used.school().uai()); // nothing changed, not even half
        assertThat(signIn.stillSignedIn(director)).isTrue();
    }

    private Set<String> followed(String username) {
        return currentUser.runAs(username, () -> currentUser.require().schoolUais());
    }
}
