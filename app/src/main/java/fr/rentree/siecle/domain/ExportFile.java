package fr.rentree.siecle.domain;

import java.nio.file.Path;

/** A file handed to the importer: the name it was uploaded or given under, and where its bytes are. */
public record ExportFile(String name, Path path) {
}
