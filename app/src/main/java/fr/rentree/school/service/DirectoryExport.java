package fr.rentree.school.service;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import fr.rentree.base.EmailAddress;
import fr.rentree.school.domain.DirectoryFile;
import fr.rentree.school.domain.DirectoryFile.DirectoryProblem;
import fr.rentree.school.domain.School;
import fr.rentree.school.domain.SchoolKind;
import fr.rentree.school.domain.SchoolSettings;
import fr.rentree.school.domain.Uai;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.core.io.InputStreamSource;
import org.jspecify.annotations.Nullable;

/**
 * Reads an export of the "Annuaire de l'éducation" (data.education.gouv.fr, dataset fr-en-annuaire-education, CSV
 * with {@code ;}). Its headers come as labels ({@code Identifiant_de_l_etablissement}) or as field names
 * ({@code identifiant_de_l_etablissement}): both are read, by their letters alone.
 */
final class DirectoryExport {

    static final String UAI = "identifiant_de_l_etablissement";
    static final String NAME = "nom_etablissement";
    static final String TYPE = "type_etablissement";
    static final String COMMUNE = "nom_commune";
    static final String DEPARTEMENT = "libelle_departement";
    static final String MAIL = "mail";
    private static final List<String> REQUIRED = List.of(UAI, NAME, TYPE);
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private DirectoryExport() {
    }

    /**
     * @throws DirectoryRefused when the file is no directory export at all (a required column missing, no line)
     */
    static DirectoryFile read(String fileName, InputStreamSource content) {
        boolean utf8 = isUtf8(content);
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(';').setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setTrim(true).setAllowMissingColumnNames(true).get();
        // read as it streams: the national file is 30 MB, and only its schools are kept
        try (CSVParser parser = CSVParser.parse(withoutBom(new BufferedReader(new InputStreamReader(
                content.getInputStream(), utf8 ? StandardCharsets.UTF_8 : WINDOWS_1252))), format)) {
            Map<String, Integer> columns = new TreeMap<>();
            List<String> headers = parser.getHeaderNames();
            for (int i = 0; i < headers.size(); i++) {
                columns.putIfAbsent(normalized(headers.get(i)), i);
            }
            for (String required : REQUIRED) {
                if (!columns.containsKey(required)) {
                    throw new DirectoryRefused("schools.import.error.column", required);
                }
            }
            List<School> schools = new ArrayList<>();
            List<DirectoryProblem> problems = new ArrayList<>();
            Map<String, Integer> ignored = new TreeMap<>();
            Set<String> seen = new HashSet<>();
            for (CSVRecord record : parser) {
                long line = parser.getCurrentLineNumber();
                Row row = new Row(record, columns);
                String type = row.get(TYPE);
                Optional<SchoolKind> kind = kind(type);
                if (kind.isEmpty()) {
                    ignored.merge(type.isEmpty() ? "?" : type, 1, Integer::sum);
                    continue;
                }
                String uai = row.get(UAI).toUpperCase(Locale.ROOT);
                String name = row.get(NAME);
                if (!Uai.isValid(uai)) {
                    problems.add(new DirectoryProblem(line, "schools.import.error.uai", List.of(uai)));
                } else if (name.isEmpty() || name.length() > SchoolSettings.NAME_MAX) {
                    problems.add(new DirectoryProblem(line, "schools.import.error.name", List.of(uai)));
                } else if (!seen.add(uai)) {
                    problems.add(new DirectoryProblem(line, "schools.import.error.twice", List.of(uai)));
                } else {
                    String mail = row.get(MAIL);
                    schools.add(new School(uai, name, kind.get(), blankToNull(row.get(DEPARTEMENT)),
                            blankToNull(row.get(COMMUNE)), EmailAddress.isValid(mail) ? mail : null, null));
                }
            }
            if (schools.isEmpty() && problems.isEmpty()) {
                throw new DirectoryRefused("schools.import.error.empty");
            }
            return new DirectoryFile(fileName, schools, problems, ignored, !utf8);
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            // Commons CSV's words for a quote left open or a header twice, or the file gone unreadable
            throw new DirectoryRefused("schools.import.error.unreadable");
        }
    }

    /** The directory's types: "Ecole", "Collège", "Lycée"; the others (EREA, CIO, services) have no ENT accounts. */
    private static Optional<SchoolKind> kind(String type) {
        return switch (normalized(type)) {
            case "ecole" -> Optional.of(SchoolKind.ECOLE);
            case "college" -> Optional.of(SchoolKind.COLLEGE);
            case "lycee" -> Optional.of(SchoolKind.LYCEE);
            default -> Optional.empty();
        };
    }

    /** Lower case, no accent, anything else than a letter or digit as one underscore. */
    static String normalized(String label) {
        String plain = Normalizer.normalize(label, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
    }

    /** Whether the whole file decodes as UTF-8 (else a spreadsheet saved it in Windows-1252), read as it streams. */
    private static boolean isUtf8(InputStreamSource content) {
        char[] buffer = new char[8192];
        try (Reader reader = new InputStreamReader(content.getInputStream(), StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT))) {
            while (reader.read(buffer) >= 0) {
                // only whether it decodes matters
            }
            return true;
        } catch (CharacterCodingException e) {
            return false;
        } catch (IOException e) {
            throw new DirectoryRefused("schools.import.error.unreadable");
        }
    }

    /** The reader past a byte order mark, if the file starts with one. */
    private static Reader withoutBom(BufferedReader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        return reader;
    }

    private static @Nullable String blankToNull(String value) {
        return value.isEmpty() ? null : value;
    }

    private record Row(CSVRecord record, Map<String, Integer> columns) {

        String get(String column) {
            Integer index = columns.get(column);
            return index == null || index >= record.size() ? "" : record.get(index).strip();
        }
    }
}
