package io.oort.engine.core.dialect;

import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The dialect cases: Oort's own (src/test/resources/dialect) always, and the shared conformance corpus
 * (../shared/conformance/cases) when the checkout has it, each run in-process. The corpus is also run end to end
 * against the distribution by .ci/run.
 */
class SharedConformanceTest {

    @TestFactory
    Stream<DynamicTest> ownCases() throws IOException {
        Path dir = Paths.get("src/test/resources/dialect");
        return cases(dir);
    }

    @TestFactory
    Stream<DynamicTest> sharedCorpus() throws IOException {
        Path dir = Paths.get("../../shared/conformance/cases");
        Assumptions.assumeTrue(Files.isDirectory(dir), "no ../shared/conformance in this checkout");
        return cases(dir);
    }

    private static Stream<DynamicTest> cases(Path dir) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            DialectCase c = DialectCase.load(f);
            assertNull(CaseRunner.run(c), c.name() + ": " + c.description());
        }));
    }
}
