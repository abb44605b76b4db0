package dev.baton.bundle;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.baton.data.CellParser;
import dev.baton.train.Task;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A whole-pipeline graph ({@link PipelineGraph}) run by ONNX Runtime on raw rows, fed as an engineer would feed it:
 * each contract column as one tensor, numbers and dates read from their text by import's parsers, texts as they
 * are. Only touched after {@link OnnxSupport#runtimeAvailable()}.
 */
final class PipelineRuntime {

    private PipelineRuntime() {
    }

    /** The graph's outputs for rows of texts under {@code header} (null meaning missing), as the Java scorer gives them. */
    static List<Scorer.Output> score(byte[] graph, Contract contract, List<String> header, List<String[]> rows) {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
             OrtSession session = env.createSession(graph, options)) {
            for (Contract.Input in : contract.inputs()) {
                int at = header.indexOf(in.name());
                List<String> texts = new ArrayList<>(rows.size());
                for (String[] row : rows) {
                    texts.add(at < 0 ? null : row[at]);
                }
                inputs.put(in.name(), tensor(env, in, texts, contract.missingTokens().isEmpty() ? "" : contract.missingTokens().get(0)));
            }
            try (OrtSession.Result result = session.run(inputs)) {
                return outputs(contract, result, rows.size());
            }
        } catch (OrtException e) {
            throw new BundleException("ONNX Runtime could not run the bundle's pipeline graph: " + e.getMessage(), e);
        } catch (UnsatisfiedLinkError e) {
            throw new BundleException("ONNX Runtime's native library cannot load on this machine: " + e.getMessage(), e);
        } finally {
            inputs.values().forEach(OnnxTensor::close);
        }
    }

    private static OnnxTensor tensor(OrtEnvironment env, Contract.Input in, List<String> texts, String missingToken) throws OrtException {
        int n = texts.size();
        if (in.type().isString()) {
            String[][] values = new String[n][1];
            for (int r = 0; r < n; r++) {
                values[r][0] = texts.get(r) == null ? missingToken : texts.get(r);
            }
            return OnnxTensor.createTensor(env, values);
        }
        if (in.type() == dev.baton.data.ColumnType.INTEGER) {
            texts = texts.stream().map(Scorer::integral).toList(); // 190.0 and 1e6 are integers to the scorer too
        }
        double[] parsed = CellParser.parse(texts, in.type(), in.format(), null);
        double[][] values = new double[n][1];
        for (int r = 0; r < n; r++) {
            values[r][0] = parsed[r];
        }
        return OnnxTensor.createTensor(env, values);
    }

    private static List<Scorer.Output> outputs(Contract contract, OrtSession.Result result, int n) throws OrtException {
        List<Scorer.Output> out = new ArrayList<>(n);
        if (contract.task() == Task.REGRESSION) {
            float[] values = (float[]) value(result, PipelineGraph.PREDICTION).getValue();
            for (int r = 0; r < n; r++) {
                out.add(new Scorer.Output(null, null, (double) values[r], null));
            }
            return out;
        }
        String[] labels = (String[]) value(result, PipelineGraph.LABEL).getValue();
        OnnxValue p = result.get(PipelineGraph.PROBABILITIES).orElse(null);
        float[][] probabilities = p == null ? null : (float[][]) p.getValue();
        List<String> classes = contract.classes();
        for (int r = 0; r < n; r++) {
            Map<String, Double> byClass = null;
            if (probabilities != null) {
                byClass = new LinkedHashMap<>();
                for (int c = 0; c < classes.size(); c++) {
                    byClass.put(classes.get(c), (double) probabilities[r][c]);
                }
            }
            out.add(new Scorer.Output(labels[r], byClass, null, null));
        }
        return out;
    }

    private static OnnxValue value(OrtSession.Result result, String name) {
        return result.get(name).orElseThrow(() -> new BundleException("The pipeline graph has no output '" + name + "'."));
    }

    /** The parity of the graph with expected outputs: rows, labels that differ, the largest probability or relative value difference. */
    static OnnxSupport.Parity parity(List<GoldenExamples.Expected> expected, List<Scorer.Output> actual, String measuredOn) {
        int labels = 0;
        double max = 0;
        for (int i = 0; i < expected.size(); i++) {
            GoldenExamples.Expected e = expected.get(i);
            Scorer.Output a = actual.get(i);
            if (e.value() != null) {
                max = Math.max(max, Math.abs(e.value() - a.value()) / Math.max(1, Math.abs(e.value())));
                continue;
            }
            if (!e.label().equals(a.label())) {
                labels++;
            }
            if (e.probabilities() != null && a.probabilities() != null) {
                for (Map.Entry<String, Double> prob : e.probabilities().entrySet()) {
                    max = Math.max(max, Math.abs(prob.getValue() - a.probabilities().get(prob.getKey())));
                }
            }
        }
        return new OnnxSupport.Parity(expected.size(), labels, max, measuredOn);
    }
}
