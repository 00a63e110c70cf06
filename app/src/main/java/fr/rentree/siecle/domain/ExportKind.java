package fr.rentree.siecle.domain;

import java.util.Arrays;
import java.util.Optional;

import fr.rentree.directory.domain.Coverage;
import org.jspecify.annotations.Nullable;

/** The exports the importer reads, known by their root element (file names vary with how they were saved). */
public enum ExportKind {
    PUPILS("BEE_ELEVES", Coverage.STUDENTS),
    GUARDIANS("BEE_RESPONSABLES", Coverage.PARENTS),
    NOMENCLATURE("BEE_NOMENCLATURES", null),
    STAFF("STS_EDT", Coverage.STAFF);

    private final String root;
    private final @Nullable Coverage coverage;

    ExportKind(String root, @Nullable Coverage coverage) {
        this.root = root;
        this.coverage = coverage;
    }

    public static Optional<ExportKind> ofRoot(String element) {
        return Arrays.stream(values()).filter(kind -> kind.root.equals(element)).findFirst();
    }

    /** The accounts this export describes in full; none for the code tables. */
    public Optional<Coverage> coverage() {
        return Optional.ofNullable(coverage);
    }
}
