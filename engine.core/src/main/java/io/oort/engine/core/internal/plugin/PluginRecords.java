package io.oort.engine.core.internal.plugin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What the plugin API remembers about a plugin besides its jar in {@code plugins/}: where it came from, its
 * registered function list (eKuiper's {@code /plugins/functions/{name}/register}) and the configuration files its zip
 * installed (removed again on uninstall). One JSON file per plugin under {@code data/plugins/records/}; a plugin
 * dropped in by hand simply has none.
 */
final class PluginRecords {

    /** One plugin's record. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    static final class Record {
        public String name;
        public String kind;
        public String url;
        public String sha256;
        public List<String> functions = new ArrayList<>();
        /** Files this plugin's zip created, relative to the installation directory. */
        public List<String> conf = new ArrayList<>();
        public long installedAt;
    }

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final Path dir;

    PluginRecords(Path dir) {
        this.dir = dir;
    }

    Record get(String name) {
        Path f = dir.resolve(name + ".json");
        if (!Files.isRegularFile(f)) {
            return null;
        }
        try {
            return JSON.readValue(f.toFile(), Record.class);
        } catch (IOException e) {
            return null;
        }
    }

    void put(Record r) throws IOException {
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, r.name, ".tmp");
        JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), r);
        Files.move(tmp, dir.resolve(r.name + ".json"), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }

    void delete(String name) {
        try {
            Files.deleteIfExists(dir.resolve(name + ".json"));
        } catch (IOException e) {
            // a stale record is harmless: it is overwritten by the next install of that name
        }
    }
}
