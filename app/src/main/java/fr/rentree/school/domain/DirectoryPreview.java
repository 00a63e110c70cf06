package fr.rentree.school.domain;

import java.util.List;

/**
 * What importing a directory export does, or did: the schools to create, the ones whose directory data changed
 * (kind, district, commune, or a name or address the school had not filled in), and how many stay as they are.
 */
public record DirectoryPreview(List<School> created, List<School> updated, int unchanged) {

    public DirectoryPreview {
        created = List.copyOf(created);
        updated = List.copyOf(updated);
    }

    public boolean changesNothing() {
        return created.isEmpty() && updated.isEmpty();
    }
}
