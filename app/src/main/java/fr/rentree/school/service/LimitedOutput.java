package fr.rentree.school.service;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** Writes through until a number of bytes, then refuses the next one: an upload stops being read there. */
final class LimitedOutput extends FilterOutputStream {

    private final long limit;
    private long written;

    LimitedOutput(OutputStream out, long limit) {
        super(out);
        this.limit = limit;
    }

    @Override
    public void write(int b) throws IOException {
        count(1);
        out.write(b);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        count(length);
        out.write(bytes, offset, length);
    }

    private void count(int bytes) throws Exceeded {
        written += bytes;
        if (written > limit) {
            throw new Exceeded();
        }
    }

    /** The limit is passed. */
    static final class Exceeded extends IOException {
    }
}
