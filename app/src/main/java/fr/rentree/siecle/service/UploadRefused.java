package fr.rentree.siecle.service;

import java.util.List;

import fr.rentree.base.Refusal;

/**
 * A file an upload did not keep, because it broke one of the limits of {@link SiecleSettings}; the files received
 * before it stay, and nothing is imported until the director confirms.
 *
 * @see ExportUpload
 */
public final class UploadRefused extends Refusal {

    private final String key;
    private final List<Object> arguments;

    UploadRefused(String key, String fileName, Object limit) {
        super("upload of " + fileName + " refused: " + key + " (" + limit + ")", null);
        this.key = key;
        this.arguments = List.of(fileName, limit);
    }

    @Override
    public String messageKey() {
        return "siecle.upload." + key;
    }

    /** The file's name, then the limit it broke, in the reader's units ("100 Mo", 6). */
    public Object[] arguments() {
        return arguments.toArray();
    }
}
