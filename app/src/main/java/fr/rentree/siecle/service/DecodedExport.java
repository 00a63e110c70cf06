package fr.rentree.siecle.service;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

/**
 * An export ready to parse: the XML bytes (unpacked when it came zipped) and the character set they really are in,
 * which is not always the one they declare.
 *
 * @param skip      bytes to skip before the XML (a byte order mark)
 * @param unpacked  the temporary file unpacked from a zip, deleted by {@link #close()}
 */
record DecodedExport(String name, Path xml, Charset charset, int skip, @Nullable Path unpacked)
        implements AutoCloseable {

    Reader reader() throws IOException {
        InputStream in = Files.newInputStream(xml);
        in.skipNBytes(skip);
        return new BufferedReader(new InputStreamReader(in, charset), 1 << 16);
    }

    @Override
    public void close() throws IOException {
        if (unpacked != null) {
            Files.deleteIfExists(unpacked);
        }
    }
}
