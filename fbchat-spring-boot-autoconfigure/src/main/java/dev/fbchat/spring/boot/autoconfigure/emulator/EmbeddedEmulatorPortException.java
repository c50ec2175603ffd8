package dev.fbchat.spring.boot.autoconfigure.emulator;

/** The embedded emulator could not listen on {@code fbchat.emulator.port}, most often because the port is taken. */
public final class EmbeddedEmulatorPortException extends IllegalStateException {

    private final int port;

    EmbeddedEmulatorPortException(int port, Throwable cause) {
        super("The embedded Messenger emulator could not listen on port " + port + " (fbchat.emulator.port)", cause);
        this.port = port;
    }

    /** The port asked for. */
    public int port() {
        return this.port;
    }
}
