package dev.fbchat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import dev.fbchat.internal.FacebookJson;
import org.junit.jupiter.params.provider.Arguments;
import tools.jackson.databind.JsonNode;

/**
 * The real Facebook payloads of the repository's {@code fixtures} folder, each paired with what fbchat returns
 * for it. The folder comes from the {@code fbchat.fixtures.dir} system property (set by the
 * build); a missing folder fails the tests rather than skipping them.
 */
public final class Fixtures {

    private Fixtures() {
    }

    public static Path dir() {
        String dir = System.getProperty("fbchat.fixtures.dir", "../fixtures");
        Path path = Path.of(dir);
        if (!Files.isDirectory(path)) {
            throw new IllegalStateException("Fixture folder not found: " + path.toAbsolutePath()
                    + " (set -Dfbchat.fixtures.dir to the repository's fixtures folder)");
        }
        return path;
    }

    /** The cases of {@code file} whose function's name ends with {@code function}, as (id, case) arguments. */
    public static Stream<Arguments> cases(String file, String function) {
        List<Arguments> cases = new ArrayList<>();
        for (JsonNode fixture : FacebookJson.MAPPER.readTree(dir().resolve(file).toFile())) {
            if (fixture.path("function").asString().endsWith("." + function)) {
                cases.add(Arguments.of(fixture.path("id").asString(), fixture));
            }
        }
        if (cases.isEmpty()) {
            throw new IllegalStateException("No cases of " + function + " in " + file);
        }
        return cases.stream();
    }
}
