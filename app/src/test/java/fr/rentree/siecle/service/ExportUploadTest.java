package fr.rentree.siecle.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import fr.rentree.siecle.domain.ExportFile;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.util.unit.DataSize;

/** The server's own count of what an upload sends, whatever the browser was told. */
class ExportUploadTest {

    private final ExportUpload upload = new ExportUpload(new SiecleSettings(DataSize.ofKilobytes(1), 3,
            DataSize.ofKilobytes(2), Set.of(1), Set.of(1, 2), false, Set.of("ENS"), 50, 3));

    @Test
    void files_within_the_limits_are_kept_then_deleted_by_clear() throws IOException {
        ExportFile first = upload.receive("ElevesSansAdresses.xml", bytes(1024));
        ExportFile second = upload.receive("sts_emp_0750001U_2026.xml", bytes(10));

        assertThat(upload.files()).containsExactly(first, second);
        assertThat(Files.size(first.path())).isEqualTo(1024);

        upload.clear();
        assertThat(upload.files()).isEmpty();
        assertThat(first.path()).doesNotExist();
        assertThat(second.path()).doesNotExist();
    }

    @Test
    void a_file_larger_than_the_limit_is_refused_and_nothing_of_it_is_kept() throws IOException {
        long before = temporaryUploads();
        Endless endless = new Endless();

        assertThatThrownBy(() -> upload.receive("ElevesAvecAdresses.zip", endless))
                .isInstanceOfSatisfying(UploadRefused.class, refusal -> assertThat(french(refusal)).isEqualTo(
                        "Le fichier « ElevesAvecAdresses.zip » n’a pas été reçu : il dépasse 1 ko, la taille d’un"
                                + " fichier d’import. Rien n’en a été gardé ni importé."));
        assertThat(endless.read).as("stops reading soon after the limit").isLessThan(200 * 1024);
        assertThat(upload.files()).isEmpty();
        assertThat(temporaryUploads()).isEqualTo(before);
    }

    @Test
    void one_file_too_many_is_refused() throws IOException {
        for (int i = 0; i < 3; i++) {
            upload.receive("fichier" + i + ".xml", bytes(1));
        }

        assertThatThrownBy(() -> upload.receive("Nomenclature.xml", bytes(1)))
                .isInstanceOfSatisfying(UploadRefused.class, refusal -> assertThat(french(refusal)).isEqualTo(
                        "Le fichier « Nomenclature.xml » n’a pas été reçu : un import compte 3 fichiers au plus."
                                + " Rien n’en a été gardé ni importé."));
        assertThat(upload.files()).extracting(ExportFile::name)
                .containsExactly("fichier0.xml", "fichier1.xml", "fichier2.xml");
    }

    @Test
    void files_that_together_exceed_the_total_are_refused_from_the_one_that_goes_over() throws IOException {
        upload.receive("ElevesSansAdresses.xml", bytes(1000));
        upload.receive("ResponsablesAvecAdresses.xml", bytes(1000));

        assertThatThrownBy(() -> upload.receive("sts_emp_0750001U_2026.xml", bytes(100)))
                .isInstanceOfSatisfying(UploadRefused.class, refusal -> assertThat(french(refusal)).isEqualTo(
                        "Le fichier « sts_emp_0750001U_2026.xml » n’a pas été reçu : les fichiers d’un import ne"
                                + " dépassent pas 2 ko en tout. Rien n’en a été gardé ni importé."));
        assertThat(upload.files()).hasSize(2);
    }

    @Test
    void sizes_read_as_the_french_write_them() {
        assertThat(ExportUpload.french(DataSize.ofMegabytes(100).toBytes())).isEqualTo("100\u00a0Mo");
        assertThat(ExportUpload.french(DataSize.ofKilobytes(512).toBytes())).isEqualTo("512\u00a0ko");
        assertThat(ExportUpload.french(1000)).isEqualTo("1000\u00a0o");
    }

    /** The text the director reads, from the application's bundle, spaces made plain for the comparison. */
    private static String french(UploadRefused refusal) {
        ResourceBundleMessageSource bundle = new ResourceBundleMessageSource();
        bundle.setBasename("i18n/messages");
        bundle.setDefaultEncoding(StandardCharsets.UTF_8.name());
        bundle.setFallbackToSystemLocale(false);
        return bundle.getMessage(refusal.messageKey(), refusal.arguments(), Locale.FRENCH).replace('\u00a0', ' ');
    }

    private static InputStream bytes(int count) {
        return new ByteArrayInputStream(new byte[count]);
    }

    private static long temporaryUploads() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(file -> file.getFileName().toString().startsWith("rentree-import-")).count();
        }
    }

    /** A client that never stops sending. */
    private static final class Endless extends InputStream {
        long read;

        @Override
        public int read() {
            read++;
            return 'x';
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            read += length;
            return length;
        }
    }
}
