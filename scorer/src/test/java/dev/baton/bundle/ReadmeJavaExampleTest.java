package dev.baton.bundle;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's Java example, compiled and run as written with nothing but the scorer on the class path, against a
 * checked-in penguins bundle (logistic regression on the raw field data, with the sample recipe).
 */
class ReadmeJavaExampleTest {

    @TempDir
    Path dir;

    @Test
    void theJavaExampleCompilesAgainstTheScorerAloneAndGivesAdelie() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        Matcher block = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertThat(block.find()).as("the README has its Java example").isTrue();
        Path bundle = FixtureScoringTest.ROOT.resolve("v1-fast-training").resolve("classification-logistic-regression.baton").toAbsolutePath();
        List<String> imports = new ArrayList<>();
        StringBuilder body = new StringBuilder();
        int lines = 0;
        for (String line : block.group(1).split("\\n")) {
            if (line.startsWith("import ")) {
                imports.add(line);
            } else {
                body.append(line.replace("\"penguins.baton\"", '"' + bundle.toString().replace("\\", "\\\\") + '"')).append('\n');
                lines += line.isBlank() ? 0 : 1;
            }
        }
        assertThat(lines).as("a short example").isLessThanOrEqualTo(10);
        String source = String.join("\n", imports) + "\npublic class ReadmeExample {\n    public static Object run() throws Exception {\n"
                + body + "        return out;\n    }\n}\n";
        Path src = Files.createDirectories(dir.resolve("src"));
        Path classes = Files.createDirectories(dir.resolve("classes"));
        Files.writeString(src.resolve("ReadmeExample.java"), source);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int compiled = javac.run(null, null, null, "-d", classes.toString(), "-cp", System.getProperty("java.class.path"),
                src.resolve("ReadmeExample.java").toString());
        assertThat(compiled).as("the README's Java example compiles:\n" + source).isZero();
        try (URLClassLoader loader = new URLClassLoader(new java.net.URL[]{classes.toUri().toURL()}, getClass().getClassLoader())) {
            Scorer.Output out = (Scorer.Output) loader.loadClass("ReadmeExample").getMethod("run").invoke(null);
            assertThat(out.label()).isEqualTo("Adelie");
            assertThat(out.probabilities().get("Adelie")).isGreaterThan(0.9);
        }
    }
}
