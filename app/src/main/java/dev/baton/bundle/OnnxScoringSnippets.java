package dev.baton.bundle;

import java.util.List;

/**
 * The model card's "Scoring without Baton" section: Python (onnxruntime) and Node (onnxruntime-node) code that feeds
 * the whole-pipeline graph with records keyed by the bundle's real column names, ready to copy.
 */
final class OnnxScoringSnippets {

    private OnnxScoringSnippets() {
    }

    static void append(StringBuilder md, OnnxSupport.PipelineIo io) {
        md.append("\n## Scoring without Baton (ONNX Runtime)\n\n");
        md.append("`model/model.onnx` is the whole pipeline: the recipe's steps, the preparation and the model. Feed each column as "
                + "it comes, as an `[N, 1]` tensor named as the column: numbers and yes/no values (1/0) as doubles with NaN for "
                + "missing, dates as days since 1970-01-01, date-times as milliseconds since 1970-01-01T00:00Z (UTC), categories "
                + "and texts as strings (an empty string, or another of the missing tokens, for missing). It needs ONNX Runtime "
                + io.minimumOnnxRuntime() + " or later and nothing else. At export it reproduced the Java scorer on "
                + io.parity().measuredOn() + ": " + io.parity().labelsDiffering() + " labels differing, largest difference "
                + String.format(java.util.Locale.ROOT, "%.1e", io.parity().maxDifference()) + ". The graph does not check the contract: "
                + "validate records with `contract.schema.json` first, or rows the Java scorer would reject get scored anyway.\n\n");
        String outputs = String.join(", ", io.outputs());
        md.append("Python (`pip install onnxruntime numpy`; unzip `model/model.onnx` from the bundle):\n\n```python\n");
        md.append("import numpy as np\nimport onnxruntime as ort\n\n");
        md.append("session = ort.InferenceSession(\"model.onnx\")\n");
        md.append("records = [{");
        md.append(String.join(", ", io.inputs().stream().map(in -> quote(in.name()) + ": None").toList()));
        md.append("}]  # your rows\n\n");
        md.append("def strings(name):\n    return np.array([[\"\" if r.get(name) is None else str(r[name])] for r in records], dtype=object)\n\n");
        md.append("def doubles(name):\n    return np.array([[np.nan if r.get(name) is None else float(r[name])] for r in records], dtype=np.float64)\n\n");
        md.append("feeds = {\n");
        for (OnnxSupport.PipelineInput in : io.inputs()) {
            md.append("    ").append(quote(in.name())).append(": ").append(in.tensor().startsWith("string") ? "strings" : "doubles")
                    .append('(').append(quote(in.name())).append("),").append(comment("#", in)).append('\n');
        }
        md.append("}\n").append(outputs).append(" = session.run(")
                .append(pythonList(io.outputs())).append(", feeds)\n```\n\n");
        md.append("Node (`npm install onnxruntime-node`):\n\n```js\n");
        md.append("const ort = require('onnxruntime-node');\n\n");
        md.append("async function score(records) {\n");
        md.append("  const session = await ort.InferenceSession.create('model.onnx');\n");
        md.append("  const n = records.length;\n");
        md.append("  const strings = name => new ort.Tensor('string', records.map(r => r[name] == null ? '' : String(r[name])), [n, 1]);\n");
        md.append("  const doubles = name => new ort.Tensor('float64', Float64Array.from(records, r => r[name] == null ? NaN : Number(r[name])), [n, 1]);\n");
        md.append("  const out = await session.run({\n");
        for (OnnxSupport.PipelineInput in : io.inputs()) {
            md.append("    ").append(quote(in.name())).append(": ").append(in.tensor().startsWith("string") ? "strings" : "doubles")
                    .append('(').append(quote(in.name())).append("),").append(comment("//", in)).append('\n');
        }
        md.append("  });\n  return {");
        md.append(String.join(", ", io.outputs().stream().map(o -> o + ": out." + o + ".data").toList()));
        md.append("};\n}\n```\n");
        if (io.classes() != null) {
            md.append("\n`probabilities` (or `scores`) has one column per class, in this order: ").append(String.join(", ", io.classes()))
                    .append(".\n");
        }
    }

    private static String comment(String marker, OnnxSupport.PipelineInput in) {
        return switch (in.type()) {
            case "date" -> " " + marker + " days since 1970-01-01";
            case "date-time" -> " " + marker + " milliseconds since 1970-01-01T00:00Z";
            case "boolean" -> " " + marker + " 1 for yes, 0 for no";
            default -> "";
        };
    }

    private static String pythonList(List<String> names) {
        return "[" + String.join(", ", names.stream().map(OnnxScoringSnippets::quote).toList()) + "]";
    }

    /** A string literal valid in Python and JavaScript alike (JSON's). */
    private static String quote(String s) {
        try {
            return dev.baton.util.Json.mapper().writeValueAsString(s);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
