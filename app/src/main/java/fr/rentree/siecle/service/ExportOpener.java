package fr.rentree.siecle.service;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

import fr.rentree.siecle.domain.ExportFile;
import fr.rentree.siecle.domain.Finding;

/**
 * Turns an uploaded file into XML ready to parse: unpacks a zip holding exactly one XML (never more than the size
 * limit, whatever the zip claims), and finds the character set the bytes are really in. SIECLE declares
 * ISO-8859-15; hand-edited files are sometimes UTF-8 under that declaration, or start with a UTF-8 byte order mark.
 * Both are read correctly and reported. Other declarations are refused but for the few a school's file may really be
 * in: any other one, even one Java reads, would garble the names.
 */
class ExportOpener {

    static final Charset LATIN_9 = Charset.forName("ISO-8859-15");
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final Set<Charset> ACCEPTED = Set.of(LATIN_9, StandardCharsets.ISO_8859_1, WINDOWS_1252,
            StandardCharsets.UTF_8);
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
    private static final byte[] EMPTY_ZIP_MAGIC = {'P', 'K', 5, 6};
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final Pattern DECLARED = Pattern.compile("^<\\?xml[^>]*?encoding\\s*=\\s*[\"']([^\"']*)[\"']");

    private final long maxBytes;

    ExportOpener(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    DecodedExport open(ExportFile file, List<Finding> findings) throws IOException, RefusedExport {
        byte[] head = head(file.path(), 512);
        if (startsWith(head, ZIP_MAGIC) || startsWith(head, EMPTY_ZIP_MAGIC)
                || file.name().toLowerCase(Locale.ROOT).endsWith(".zip")) {
            Path unpacked = unzip(file);
            try {
                return decode(file.name(), unpacked, unpacked, findings);
            } catch (RefusedExport | IOException | RuntimeException e) {
                Files.deleteIfExists(unpacked);
                throw e;
            }
        }
        long size = Files.size(file.path());
        if (size > maxBytes) {
            throw new RefusedExport(Finding.error("too-large", file.name(), null, megabytes(size), megabytes(maxBytes)));
        }
        return decode(file.name(), file.path(), null, findings);
    }

    /**
     * The one XML of a zip, unpacked to a temporary file. Whatever stops the unpacking (a truncated or damaged
     * archive, a zip bomb, a full disk), the part already unpacked is deleted: pupils' data is not left on the disk.
     */
    private Path unzip(ExportFile file) throws IOException, RefusedExport {
        Path unpacked = null;
        boolean done = false;
        try (ZipInputStream zip = new ZipInputStream(new BufferedInputStream(Files.newInputStream(file.path())))) {
            List<String> xmlEntries = new ArrayList<>();
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                String name = entry.getName();
                if (entry.isDirectory() || name.startsWith("__MACOSX/")
                        || !name.toLowerCase(Locale.ROOT).endsWith(".xml")) {
                    continue;
                }
                xmlEntries.add(name);
                if (unpacked == null) {
                    unpacked = Files.createTempFile("rentree-siecle-", ".xml");
                    copyAtMost(zip, unpacked, file.name());
                }
            }
            if (xmlEntries.size() != 1) {
                throw new RefusedExport(xmlEntries.isEmpty() ? Finding.error("zip.empty", file.name(), null)
                        : Finding.error("zip.several", file.name(), null, String.join(", ", xmlEntries)));
            }
            done = true;
            return unpacked;
        } catch (EOFException e) { // the archive ends inside an entry: a download cut short
            throw new RefusedExport(Finding.error("zip.truncated", file.name(), null));
        } catch (ZipException e) {
            throw new RefusedExport(Finding.error("zip.corrupt", file.name(), null));
        } finally {
            if (!done && unpacked != null) {
                Files.deleteIfExists(unpacked);
            }
        }
    }

    /** Copies an entry, stopping at the limit: a zip bomb is refused after reading what is allowed, no more. */
    private void copyAtMost(InputStream entry, Path target, String zipName) throws IOException, RefusedExport {
        byte[] buffer = new byte[1 << 16];
        long copied = 0;
        try (OutputStream out = Files.newOutputStream(target)) {
            for (int read = entry.read(buffer); read >= 0; read = entry.read(buffer)) {
                copied += read;
                if (copied > maxBytes) {
                    throw new RefusedExport(Finding.error("zip.bomb", zipName, null, megabytes(maxBytes)));
                }
                out.write(buffer, 0, read);
            }
        }
    }

    private DecodedExport decode(String name, Path xml, Path unpacked, List<Finding> findings)
            throws IOException, RefusedExport {
        byte[] head = head(xml, 512);
        if (startsWith(head, UTF8_BOM)) {
            findings.add(Finding.warning("bom", name, null));
            return new DecodedExport(name, xml, StandardCharsets.UTF_8, UTF8_BOM.length, unpacked);
        }
        Matcher declaration = DECLARED.matcher(new String(head, StandardCharsets.ISO_8859_1).stripLeading());
        Utf8Check utf8 = Utf8Check.of(xml);
        if (!declaration.find()) {
            if (!startsLikeXml(head)) { // a spreadsheet, a CSV...: refused as not XML, its encoding does not matter
                return new DecodedExport(name, xml, LATIN_9, 0, unpacked);
            }
            Charset guessed = utf8.valid() ? StandardCharsets.UTF_8 : latin(name, xml, LATIN_9, null, findings);
            findings.add(Finding.warning("encoding.undeclared", name, null, guessed.name()));
            return new DecodedExport(name, xml, guessed, 0, unpacked);
        }
        String declared = declaration.group(1);
        Charset charset = charset(declared).filter(ACCEPTED::contains).orElseThrow(() ->
                new RefusedExport(Finding.error("encoding.unsupported", name, 1, declared)));
        if (charset.equals(StandardCharsets.UTF_8)) {
            if (!utf8.valid()) {
                throw new RefusedExport(Finding.error("encoding.invalid", name, utf8.firstInvalidLine(), declared));
            }
        } else if (utf8.valid() && utf8.multiByte()) {
            findings.add(Finding.warning("encoding.mislabelled", name, null, declared));
            return new DecodedExport(name, xml, StandardCharsets.UTF_8, 0, unpacked);
        } else if (charset.equals(LATIN_9) || charset.equals(StandardCharsets.ISO_8859_1)) {
            charset = latin(name, xml, charset, declared, findings);
        }
        return new DecodedExport(name, xml, charset, 0, unpacked);
    }

    /**
     * The character set of a file in Latin-9 or Latin-1, or in fact in windows-1252: bytes 0x80 to 0x9F are control
     * characters in the first two, never written in a name, and the letters œ, Œ, Š, Ÿ, € and the typographic quotes
     * in windows-1252 (a file saved by a spreadsheet or an editor under Windows). Such a file is read as windows-1252,
     * with a warning; a byte that is not a character in windows-1252 either (0x81, 0x8D, 0x8F, 0x90, 0x9D) is refused.
     *
     * @param declared the declared encoding, null when none is
     */
    private static Charset latin(String name, Path xml, Charset charset, String declared, List<Finding> findings)
            throws IOException, RefusedExport {
        ControlBytes controls = ControlBytes.of(xml);
        if (controls.undefinedLine() > 0) {
            throw new RefusedExport(Finding.error("encoding.control", name, controls.undefinedLine(),
                    String.format("0x%02X", controls.undefined())));
        }
        if (controls.firstLine() > 0) {
            findings.add(Finding.warning("encoding.windows-1252", name, controls.firstLine(),
                    declared != null ? declared : charset.name()));
            return WINDOWS_1252;
        }
        return charset;
    }

    /** Whether the first byte that is not white space is a {@code <}. */
    private static boolean startsLikeXml(byte[] head) {
        for (byte b : head) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return b == '<';
            }
        }
        return true; // empty: said so by the parser's side
    }

    private static Optional<Charset> charset(String declared) {
        try {
            return Charset.isSupported(declared) ? Optional.of(Charset.forName(declared))
                    : Optional.empty();
        } catch (IllegalCharsetNameException e) {
            return Optional.empty();
        }
    }

    private static byte[] head(Path file, int length) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(length);
        }
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static long megabytes(long bytes) {
        return (bytes + (1 << 20) - 1) >> 20;
    }

    /**
     * Where a file has bytes 0x80 to 0x9F, read once in constant memory: the first line with one (0 when none), and the
     * first of them that windows-1252 leaves undefined, with its line (0 when none).
     */
    record ControlBytes(int firstLine, int undefined, int undefinedLine) {

        static ControlBytes of(Path file) throws IOException {
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
                int line = 1;
                int first = 0;
                for (int b = in.read(); b >= 0; b = in.read()) {
                    if (b == '\n') {
                        line++;
                    } else if (b >= 0x80 && b <= 0x9F) {
                        if (b == 0x81 || b == 0x8D || b == 0x8F || b == 0x90 || b == 0x9D) {
                            return new ControlBytes(first == 0 ? line : first, b, line);
                        }
                        if (first == 0) {
                            first = line;
                        }
                    }
                }
                return new ControlBytes(first, 0, 0);
            }
        }
    }

    /**
     * Whether a file is valid UTF-8 and has characters beyond ASCII: read once, byte by byte, in constant memory.
     */
    record Utf8Check(boolean valid, boolean multiByte, int firstInvalidLine) {

        static Utf8Check of(Path file) throws IOException {
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
                int line = 1;
                int pending = 0;
                boolean multiByte = false;
                for (int b = in.read(); b >= 0; b = in.read()) {
                    if (pending > 0) {
                        if ((b & 0xC0) != 0x80) {
                            return new Utf8Check(false, multiByte, line);
                        }
                        pending--;
                    } else if (b < 0x80) {
                        if (b == '\n') {
                            line++;
                        }
                    } else if (b >= 0xC2 && b <= 0xDF) {
                        pending = 1;
                        multiByte = true;
                    } else if (b >= 0xE0 && b <= 0xEF) {
                        pending = 2;
                        multiByte = true;
                    } else if (b >= 0xF0 && b <= 0xF4) {
                        pending = 3;
                        multiByte = true;
                    } else {
                        return new Utf8Check(false, multiByte, line);
                    }
                }
                return new Utf8Check(pending == 0, multiByte, line);
            }
        }
    }
}
