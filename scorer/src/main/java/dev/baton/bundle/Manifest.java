package dev.baton.bundle;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.baton.train.Task;

import java.util.Map;
import java.util.TreeMap;

/**
 * The bundle's table of contents: what it is, what made it, and the SHA-256 of every other entry, so that a
 * changed or damaged entry is refused.
 *
 * @param onnx        whether {@code model/model.onnx} is included; {@code onnxNote} says why not when it is not
 * @param examples    how many golden rows there are and where they come from
 * @param tolerance   the largest difference allowed between a golden output and a re-scored one
 */
@JsonPropertyOrder({"format", "createdAt", "createdWith", "libraries", "task", "target", "algorithm", "algorithmLabel",
    "onnx", "onnxNote", "examples", "examplesFrom", "tolerance", "entries"})
public record Manifest(String format, String createdAt, String createdWith, Map<String, String> libraries, Task task,
                       String target, String algorithm, String algorithmLabel, boolean onnx, String onnxNote, int examples,
                       String examplesFrom, double tolerance, Map<String, String> entries) {

    public Manifest {
        libraries = libraries == null ? Map.of() : new TreeMap<>(libraries);
        entries = entries == null ? Map.of() : new TreeMap<>(entries);
    }
}
