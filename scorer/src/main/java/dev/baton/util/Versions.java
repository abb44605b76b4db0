package dev.baton.util;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/** Versions of Baton and of the libraries whose behaviour shapes results, for reports, bundles and provenance. */
public final class Versions {

    private static final String[][] LIBRARIES = {
        {"tablesaw", "tech.tablesaw", "tablesaw-core"},
        {"tribuo", "org.tribuo", "tribuo-core"},
        {"jackson", "com.fasterxml.jackson.core", "jackson-databind"},
        {"xgboost4j", "ml.dmlc", "xgboost4j_2.12"},
        {"onnxruntime", "com.microsoft.onnxruntime", "onnxruntime"},
        {"openhtmltopdf", "io.github.openhtmltopdf", "openhtmltopdf-pdfbox"},
        {"duckdb", "org.duckdb", "duckdb_jdbc"},
    };

    private Versions() {
    }

    /** Baton's version from the jar manifest, or the development marker when run from classes. */
    public static String baton() {
        String v = Versions.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0-SNAPSHOT" : v;
    }

    public static String java() {
        return System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")";
    }

    /** Library name to version, in a stable order; "unknown" where a jar carries no Maven metadata. */
    public static Map<String, String> libraries() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("baton", baton());
        out.put("java", System.getProperty("java.version"));
        for (String[] lib : LIBRARIES) {
            out.put(lib[0], mavenVersion(lib[1], lib[2]));
        }
        return out;
    }

    public static String mavenVersion(String group, String artifact) {
        String resource = "/META-INF/maven/" + group + "/" + artifact + "/pom.properties";
        try (InputStream in = Versions.class.getResourceAsStream(resource)) {
            if (in == null) {
                return fromPom(group, artifact);
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** Some jars (onnxruntime, built with Gradle) carry only a pom.xml: its own version element. */
    private static String fromPom(String group, String artifact) {
        try (InputStream in = Versions.class.getResourceAsStream("/META-INF/maven/" + group + "/" + artifact + "/pom.xml")) {
            if (in == null) {
                return "unknown";
            }
            String pom = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("<artifactId>" + java.util.regex.Pattern.quote(artifact)
                    + "</artifactId>\\s*<version>([^<]+)</version>").matcher(pom);
            return m.find() ? m.group(1).strip() : "unknown";
        } catch (IOException e) {
            return "unknown";
        }
    }
}
