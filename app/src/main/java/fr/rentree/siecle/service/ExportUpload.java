package fr.rentree.siecle.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import fr.rentree.siecle.domain.ExportFile;
import org.springframework.util.unit.DataSize;

/**
 * The files a director uploads for one import, kept in temporary files within the limits of {@link SiecleSettings}:
 * how many files, how large each, how large all together. The browser's upload component checks the same limits,
 * but a request can come from anywhere: the server counts what it actually receives and stops reading a file as soon
 * as it goes over, so a refused file never fills the disk and is never kept in part.
 * Uploads of one screen may arrive on several request threads at once: the counts are kept under a lock.
 */
public final class ExportUpload implements AutoCloseable {

    private static final int BUFFER = 64 * 1024;

    private final long maxFileBytes;
    private final int maxFiles;
    private final long maxTotalBytes;
    private final List<ExportFile> files = new ArrayList<>();
    private int receiving;
    private long totalBytes;

    ExportUpload(SiecleSettings settings) {
        this.maxFileBytes = settings.maxFileSize().toBytes();
        this.maxFiles = settings.maxFiles();
        this.maxTotalBytes = settings.maxUploadSize().toBytes();
    }

    /**
     * Reads one uploaded file to its end and keeps it.
     *
     * @throws UploadRefused when it is one file too many, too large, or takes the upload over its total; nothing of
     *                       it is kept
     */
    public ExportFile receive(String fileName, InputStream content) throws IOException {
        reserve(fileName);
        Path file = null;
        long size = 0;
        boolean kept = false;
        try {
            file = Files.createTempFile("rentree-import-", ".upload");
            size = copy(fileName, content, file);
            ExportFile received = new ExportFile(fileName, file);
            keep(received, size);
            kept = true;
            return received;
        } finally {
            release();
            if (!kept && file != null) {
                Files.deleteIfExists(file);
            }
        }
    }

    /** The most files it keeps, for the browser's own check. */
    public int maxFiles() {
        return maxFiles;
    }

    /** The largest file it keeps, for the browser's own check. */
    public long maxFileBytes() {
        return maxFileBytes;
    }

    /** The largest file it keeps, as the French read it ("100 Mo"). */
    public String maxFileSize() {
        return french(maxFileBytes);
    }

    /** The files kept so far, in the order they arrived. */
    public synchronized List<ExportFile> files() {
        return List.copyOf(files);
    }

    /** Forgets the files and deletes them: the next import starts from nothing. */
    public synchronized void clear() {
        files.forEach(file -> delete(file.path()));
        files.clear();
        totalBytes = 0;
    }

    @Override
    public void close() {
        clear();
    }

    private synchronized void reserve(String fileName) {
        if (files.size() + receiving >= maxFiles) {
            throw new UploadRefused("too-many", fileName, maxFiles);
        }
        receiving++;
    }

    private synchronized void release() {
        receiving--;
    }

    private synchronized void keep(ExportFile file, long size) {
        if (totalBytes + size > maxTotalBytes) {
            throw new UploadRefused("total-too-big", file.name(), french(maxTotalBytes));
        }
        totalBytes += size;
        files.add(file);
    }

    /** Copies at most the limit of one file (and of what is left of the total), refusing the byte after it. */
    private long copy(String fileName, InputStream content, Path file) throws IOException {
        byte[] buffer = new byte[BUFFER];
        long copied = 0;
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int read = content.read(buffer); read >= 0; read = content.read(buffer)) {
                copied += read;
                if (copied > maxFileBytes) {
                    throw new UploadRefused("too-big", fileName, french(maxFileBytes));
                }
                if (copied > maxTotalBytes) {
                    throw new UploadRefused("total-too-big", fileName, french(maxTotalBytes));
                }
                out.write(buffer, 0, read);
            }
        }
        return copied;
    }

    /** A size as the French read it: "100 Mo", "512 ko" (whole units, with a non-breaking space). */
    static String french(long bytes) {
        DataSize size = DataSize.ofBytes(bytes);
        if (bytes >= DataSize.ofMegabytes(1).toBytes() && bytes % DataSize.ofMegabytes(1).toBytes() == 0) {
            return size.toMegabytes() + "\u00a0Mo";
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return size.toKilobytes() + "\u00a0ko";
        }
        return bytes + "\u00a0o";
    }

    private static void delete(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
