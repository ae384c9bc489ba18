package io.oort.launcher;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Copies what the process prints to the console into {@code log/oort.log} as well, rotating the file by size
 * ({@code basic.rotateSize}, keeping {@code basic.rotateCount} old files). Either side may be switched off.
 */
final class LogTee extends OutputStream {

    private final OutputStream console;
    private final Path file;
    private final long rotateSize;
    private final int rotateCount;
    private OutputStream out;
    private long written;

    LogTee(OutputStream console, Path file, long rotateSize, int rotateCount) throws IOException {
        this.console = console;
        this.file = file;
        this.rotateSize = rotateSize;
        this.rotateCount = rotateCount;
        if (file != null) {
            Files.createDirectories(file.getParent());
            written = Files.exists(file) ? Files.size(file) : 0;
            out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }

    @Override
    public synchronized void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        if (console != null) {
            console.write(b, off, len);
        }
        if (out != null) {
            if (written + len > rotateSize && rotateSize > 0) {
                rotate();
            }
            out.write(b, off, len);
            written += len;
        }
    }

    private void rotate() throws IOException {
        out.close();
        for (int i = rotateCount - 1; i >= 1; i--) {
            Path from = file.resolveSibling(file.getFileName() + "." + i);
            if (Files.exists(from)) {
                Files.move(from, file.resolveSibling(file.getFileName() + "." + (i + 1)),
                        StandardCopyOption.REPLACE_EXISTING);
            }
        }
        if (rotateCount > 0) {
            Files.move(file, file.resolveSibling(file.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
        } else {
            Files.deleteIfExists(file);
        }
        out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        written = 0;
    }

    @Override
    public synchronized void flush() throws IOException {
        if (console != null) {
            console.flush();
        }
        if (out != null) {
            out.flush();
        }
    }
}
