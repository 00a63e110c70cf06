package fr.rentree.school.service;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import fr.rentree.school.domain.DirectoryFile;
import fr.rentree.school.domain.DirectoryPreview;
import fr.rentree.school.domain.School;
import fr.rentree.school.domain.SchoolRepository;
import fr.rentree.school.domain.SchoolsImported;
import fr.rentree.security.service.CurrentUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Schools from the national directory ("Annuaire de l'éducation"), for administrators: read an export, preview what
 * it changes, apply it. Applying twice changes nothing the second time. The directory decides a school's kind,
 * district and commune; its name and contact address only fill what the school left empty, since a director's
 * "Paramètres de l'établissement" win over the directory's spelling.
 */
@Service
@Transactional(readOnly = true)
public class SchoolDirectoryImport {

    /** The largest export accepted: the national file is 30 MB, an académie's about 1 MB. */
    public static final long MAX_FILE_BYTES = 64L * 1024 * 1024;

    private final SchoolRepository schools;
    private final NamedParameterJdbcTemplate jdbc;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;

    SchoolDirectoryImport(SchoolRepository schools, NamedParameterJdbcTemplate jdbc, CurrentUser currentUser,
                          ApplicationEventPublisher events) {
        this.schools = schools;
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.events = events;
    }

    /**
     * Reads an export, writing nothing.
     *
     * @throws DirectoryRefused when the file is no directory export at all
     */
    public DirectoryFile read(String fileName, byte[] content) {
        currentUser.requireAdminOrSystem();
        return DirectoryExport.read(fileName, () -> new ByteArrayInputStream(content));
    }

    /**
     * Reads an uploaded export as it arrives: into a temporary file of {@link #MAX_FILE_BYTES} at most, then through
     * the CSV reader, so that memory holds a buffer and the schools, never the file (the national one is 30 MB). The
     * temporary file is gone when this returns.
     *
     * @throws DirectoryRefused when the upload goes past the limit (reading stops there), or is no directory export
     */
    public DirectoryFile receive(String fileName, InputStream upload) throws IOException {
        currentUser.requireAdminOrSystem();
        Path file = Files.createTempFile("rentree-annuaire-", ".csv");
        try {
            try (OutputStream out = new LimitedOutput(Files.newOutputStream(file), MAX_FILE_BYTES)) {
                upload.transferTo(out); // past the limit, the rest of the upload is not read
            } catch (LimitedOutput.Exceeded e) {
                throw new DirectoryRefused("schools.import.error.too-large",
                        String.valueOf(MAX_FILE_BYTES / 1024 / 1024));
            }
            return DirectoryExport.read(fileName, () -> Files.newInputStream(file));
        } finally {
            Files.deleteIfExists(file);
        }
    }


    /** What applying the file would do now. */
    public DirectoryPreview preview(DirectoryFile file) {
        currentUser.requireAdminOrSystem();
        return compare(file);
    }

    /**
     * Creates and updates the schools of the file, in one transaction. What is written is compared again with the
     * database at this moment: a second click, or a colleague's import in between, writes nothing twice.
     *
     * @return what was done, which differs from a preview when the database changed in between
     */
    @Transactional
    public DirectoryPreview apply(DirectoryFile file) {
        currentUser.requireAdminOrSystem();
        DirectoryPreview changes = compare(file);
        List<MapSqlParameterSource> rows = new ArrayList<>();
        changes.created().forEach(school -> rows.add(parameters(school)));
        changes.updated().forEach(school -> rows.add(parameters(school)));
        if (!rows.isEmpty()) {
            // an upsert, so that two imports at once end in the same rows instead of a duplicate key
            jdbc.batchUpdate("""
                    insert into school (uai, name, kind, district, commune, contact_email)
                    values (:uai, :name, :kind, :district, :commune, :contactEmail)
                    on duplicate key update kind = values(kind), district = values(district),
                        commune = values(commune), name = values(name), contact_email = values(contact_email)""",
                    rows.toArray(MapSqlParameterSource[]::new));
        }
        events.publishEvent(new SchoolsImported(file.fileName(), changes.created().size(), changes.updated().size(),
                changes.unchanged()));
        return changes;
    }

    private DirectoryPreview compare(DirectoryFile file) {
        Map<String, School> existing = schools.findAllById(file.schools().stream().map(School::uai).toList()).stream()
                .collect(Collectors.toMap(School::uai, Function.identity()));
        List<School> created = new ArrayList<>();
        List<School> updated = new ArrayList<>();
        int unchanged = 0;
        for (School read : file.schools()) {
            School current = existing.get(read.uai());
            if (current == null) {
                created.add(read);
                continue;
            }
            School merged = new School(current.uai(), current.name().isBlank() ? read.name() : current.name(),
                    read.kind(), read.district(), read.commune(),
                    current.contactEmail() == null ? read.contactEmail() : current.contactEmail(), current.entUrl());
            if (merged.equals(current)) {
                unchanged++;
            } else {
                updated.add(merged);
            }
        }
        return new DirectoryPreview(created, updated, unchanged);
    }

    private static MapSqlParameterSource parameters(School school) {
        return new MapSqlParameterSource().addValue("uai", school.uai()).addValue("name", school.name())
                .addValue("kind", school.kind().name()).addValue("district", school.district())
                .addValue("commune", school.commune()).addValue("contactEmail", school.contactEmail());
    }
}
