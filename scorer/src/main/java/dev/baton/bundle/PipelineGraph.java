package dev.baton.bundle;

import ai.onnx.proto.OnnxMl;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.baton.clean.Recipe;
import dev.baton.data.ColumnType;
import dev.baton.train.CategoricalEncoder;
import dev.baton.train.Encoder;
import dev.baton.train.NumericEncoder;
import dev.baton.train.Preparation;
import dev.baton.train.Task;
import dev.baton.util.OnnxProtos;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.baton.util.OnnxProtos.strings;
import static dev.baton.util.OnnxProtos.tensor;

/**
 * A bundle's whole pipeline as one ONNX graph, from the contract's raw columns to its outputs: the recipe's row-wise
 * steps, the fitted preparation and the model, with standard operators only (the default domain at opset
 * {@value #OPSET} and {@code ai.onnx.ml} at {@value #ML_OPSET}). An engineer feeds each column as it comes and reads
 * the label and the probabilities in the contract's class order; nothing of Baton's preparation is left to redo.
 *
 * <p>Inputs are {@code [N, 1]} tensors named as the columns: numbers, yes/no values (1 or 0), dates (days since
 * 1970-01-01) and date-times (milliseconds since 1970-01-01T00:00Z) as doubles with NaN for missing; categories and
 * texts as strings, the contract's missing tokens meaning missing. A step without an ONNX form here makes no graph,
 * and the reason names it (docs/onnx-operations.md lists every operation).
 */
public final class PipelineGraph {

    static final int OPSET = 20;
    static final int ML_OPSET = 3;
    public static final String LABEL = "label";
    public static final String PROBABILITIES = "probabilities";
    public static final String SCORES = "scores";
    public static final String PREDICTION = "prediction";

    /** The graph and its description, or the reason there is none. */
    public record Result(byte[] graph, OnnxSupport.PipelineIo io, String reason) {
        static Result none(String reason) {
            return new Result(null, null, reason);
        }
    }

    private final Contract contract;
    private final OnnxGraphBuilder g = new OnnxGraphBuilder();
    private final TextLevels levels = new TextLevels(g);
    private final RecipeOnnx steps;

    private PipelineGraph(Contract contract) {
        this.contract = contract;
        this.steps = new RecipeOnnx(g, levels, new ExpressionOnnx(g, levels, contract.inputs().get(0).name()));
    }

    /**
     * @param modelGraph    the model alone (Tribuo's export or Baton's trees), reading prepared rows from {@code input}
     * @param modelFeatures the prepared features in the order of the model's input columns
     * @param modelClasses  classification: the classes in the order of the model's output columns
     */
    public static Result build(Contract contract, Recipe recipe, Preparation preparation, byte[] modelGraph, List<String> modelFeatures,
                               List<String> modelClasses, boolean probabilities) {
        try {
            return new PipelineGraph(contract).assemble(recipe, preparation, OnnxMl.ModelProto.parseFrom(modelGraph), modelFeatures,
                    modelClasses, probabilities);
        } catch (NoOnnxForm e) {
            return Result.none(e.getMessage());
        } catch (InvalidProtocolBufferException e) {
            return Result.none("the model's ONNX graph could not be read back: " + e.getMessage());
        } catch (RuntimeException e) {
            // The graph is an extra of the bundle: a fault in writing it must not cost the user the bundle itself.
            return Result.none("Baton failed to write it (" + e + "); please report this with the recipe");
        }
    }

    private Result assemble(Recipe recipe, Preparation preparation, OnnxMl.ModelProto model, List<String> modelFeatures,
                            List<String> modelClasses, boolean probabilities) {
        if (preparation.target() != null) {
            throw new NoOnnxForm("the model predicts a standardized target (a bundle from before exact linear regression)");
        }
        OnnxMl.GraphProto.Builder graph = OnnxMl.GraphProto.newBuilder().setName("baton-pipeline");
        Map<String, GraphColumn> columns = new LinkedHashMap<>();
        List<OnnxSupport.PipelineInput> inputs = new ArrayList<>();
        for (Contract.Input in : contract.inputs()) {
            if (List.of(LABEL, PROBABILITIES, SCORES, PREDICTION).contains(in.name()) || in.name().startsWith("baton/")
                    || in.name().startsWith("model/")) {
                // Graph inputs and outputs share one namespace: a column named like an output would make an invalid graph.
                throw new NoOnnxForm("the input column '" + in.name() + "' has the name of one of the graph's own tensors");
            }
            boolean text = in.type().isString();
            graph.addInput(tensor(in.name(), text ? OnnxMl.TensorProto.DataType.STRING : OnnxMl.TensorProto.DataType.DOUBLE, 1));
            inputs.add(new OnnxSupport.PipelineInput(in.name(), (text ? "string" : "double") + " [N, 1]", in.type().label(), unit(in.type())));
            columns.put(in.name(), text ? new GraphColumn(in.name(), true, in.type(), missingMask(in.name()), GraphColumn.Case.NONE) : contractPolicy(in));
        }
        int k = 0;
        for (var step : recipe.steps()) {
            k++;
            if (step.enabled() && step.operation().rowWise()) {
                steps.apply(k, step.operation(), columns);
            }
        }
        Map<String, String> features = new HashMap<>();
        for (Encoder e : preparation.encoders()) {
            GraphColumn c = columns.get(e.column());
            if (c == null) {
                throw new NoOnnxForm("the feature '" + e.column() + "' is not made by the recipe's steps");
            }
            if (e instanceof NumericEncoder num) {
                numeric(num, c, features);
            } else {
                categorical((CategoricalEncoder) e, c, features);
            }
        }
        List<String> row = new ArrayList<>();
        for (String f : modelFeatures) {
            String t = features.get(f);
            if (t == null) {
                throw new NoOnnxForm("the model's feature '" + f + "' is not among the prepared ones");
            }
            row.add(t);
        }
        String prepared = g.node("Concat", row, OnnxProtos.attribute("axis", 1));
        boolean doubles = model.getGraph().getInput(0).getType().getTensorType().getElemType() == OnnxMl.TensorProto.DataType.DOUBLE_VALUE;
        String modelInput = doubles ? prepared : g.node("Cast", List.of(prepared), OnnxProtos.attribute("to", OnnxMl.TensorProto.DataType.FLOAT_VALUE));
        Map<String, String> modelOutputs = mergeModel(model.getGraph(), modelInput);
        List<String> outputs = outputs(modelOutputs, modelClasses, probabilities, graph);
        graph.addAllNode(g.nodes()).addAllInitializer(g.usedConstants());
        OnnxMl.ModelProto full = OnnxMl.ModelProto.newBuilder()
                .setIrVersion(9)
                .addOpsetImport(OnnxMl.OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
                .addOpsetImport(OnnxMl.OperatorSetIdProto.newBuilder().setDomain("ai.onnx.ml").setVersion(ML_OPSET))
                .setProducerName("Baton")
                .setProducerVersion(dev.baton.util.Versions.baton())
                .setDomain("dev.baton")
                .setModelVersion(2)
                .setDocString("Raw columns in, the bundle's outputs out: recipe steps, preparation and model in one graph.")
                .setGraph(graph)
                .build();
        OnnxSupport.PipelineIo io = new OnnxSupport.PipelineIo("pipeline", inputs, contract.missingTokens(), outputs,
                contract.task() == Task.CLASSIFICATION ? contract.classes() : null, probabilities, OPSET, ML_OPSET, "1.17", null, null);
        return new Result(full.toByteArray(), io, null);
    }

    private static String unit(ColumnType type) {
        return switch (type) {
            case INTEGER, DECIMAL -> "the number; NaN when missing";
            case BOOLEAN -> "1 for yes, 0 for no; NaN when missing";
            case DATE -> "days since 1970-01-01; NaN when missing";
            case DATETIME -> "milliseconds since 1970-01-01T00:00:00Z; NaN when missing";
            case CATEGORICAL, TEXT -> "the text as it comes; a missing token (see missingTokens) when missing";
        };
    }

    // ---- inputs ----

    /** A number column after the contract's range policy: clipped to the training range when the contract says so. */
    private GraphColumn contractPolicy(Contract.Input in) {
        String x = in.name();
        if (in.outOfRange() == Contract.OutOfRange.CLIP && in.type().isNumeric() && in.min() != null && in.max() != null) {
            String clipped = g.node("Min", List.of(g.node("Max", List.of(x, g.constant(in.min()))), g.constant(in.max())));
            x = g.node("Where", List.of(g.node("IsNaN", List.of(x)), x, clipped));
        }
        return new GraphColumn(x, false, in.type(), null, GraphColumn.Case.NONE);
    }

    /** Whether each text is one of the contract's missing tokens (a bool tensor). */
    private String missingMask(String tensor) {
        String mask = null;
        for (String token : contract.missingTokens()) {
            String eq = g.node("Equal", List.of(tensor, g.constant(token)));
            mask = mask == null ? eq : g.node("Or", List.of(mask, eq));
        }
        return mask == null ? g.node("Not", List.of(g.node("Equal", List.of(tensor, tensor)))) : mask;
    }

    // ---- preparation ----

    private void numeric(NumericEncoder e, GraphColumn c, Map<String, String> features) {
        if (c.text()) {
            throw new NoOnnxForm("the feature '" + e.column() + "' holds texts where the model learned numbers");
        }
        String x = c.tensor();
        Contract.Derived made = contract.derived(e.column());
        if (made != null && made.outOfRange() == Contract.OutOfRange.CLIP) {
            String clipped = g.node("Min", List.of(g.node("Max", List.of(x, g.constant(made.min()))), g.constant(made.max())));
            x = g.node("Where", List.of(g.node("IsNaN", List.of(x)), x, clipped));
        } else if (made != null && made.outOfRange() == Contract.OutOfRange.REJECT) {
            throw new NoOnnxForm("the contract rejects rows whose '" + e.column() + "' (made by the recipe) is out of range, which a graph cannot do");
        }
        if (c.type() == ColumnType.DATETIME) {
            x = g.node("Div", List.of(g.floorDiv(x, 1000), g.constant(86_400.0))); // days with a fraction of whole seconds, as in training
        }
        String isNaN = g.node("IsNaN", List.of(x));
        String v = g.node("Where", List.of(isNaN, g.constant(e.median()), x));
        if (e.standardize()) {
            v = g.node("Div", List.of(g.node("Sub", List.of(v, g.constant(e.mean()))), g.constant(e.std())));
        }
        features.put(e.column(), v);
        if (e.indicator()) {
            features.put(e.column() + NumericEncoder.MISSING_SUFFIX, g.asDouble(isNaN));
        }
    }

    private void categorical(CategoricalEncoder e, GraphColumn c, Map<String, String> features) {
        if (!c.text()) {
            throw new NoOnnxForm("the feature '" + e.column() + "' holds numbers where the model learned categories");
        }
        String present = g.node("Not", List.of(c.missing()));
        for (String level : e.levels()) {
            features.put(e.column() + "@" + level, g.asDouble(g.node("And", List.of(present, levels.equalsLevel(c, level)))));
        }
        if (e.missingLevel()) {
            features.put(e.column() + "@" + CategoricalEncoder.MISSING_LEVEL, g.asDouble(c.missing()));
        }
    }

    // ---- the model and the outputs ----

    /** The model's nodes and constants under names of their own, reading {@code prepared}; its outputs by their names. */
    private Map<String, String> mergeModel(OnnxMl.GraphProto model, String prepared) {
        Map<String, String> renamed = new HashMap<>();
        renamed.put(model.getInput(0).getName(), prepared);
        java.util.function.Function<String, String> name = n -> n.isEmpty() ? n : renamed.computeIfAbsent(n, x -> "model/" + x);
        for (OnnxMl.TensorProto t : model.getInitializerList()) {
            g.constants().add(t.toBuilder().setName(name.apply(t.getName())).build());
        }
        for (OnnxMl.NodeProto n : model.getNodeList()) {
            OnnxMl.NodeProto.Builder b = n.toBuilder().clearInput().clearOutput();
            if (!n.getName().isEmpty()) {
                b.setName("model/" + n.getName());
            }
            n.getInputList().forEach(i -> b.addInput(name.apply(i)));
            n.getOutputList().forEach(o -> b.addOutput(name.apply(o)));
            g.nodes().add(b.build());
        }
        Map<String, String> outputs = new LinkedHashMap<>();
        for (OnnxMl.ValueInfoProto o : model.getOutputList()) {
            outputs.put(o.getName(), name.apply(o.getName()));
        }
        return outputs;
    }

    private List<String> outputs(Map<String, String> model, List<String> modelClasses, boolean probabilities, OnnxMl.GraphProto.Builder graph) {
        if (contract.task() == Task.REGRESSION) {
            String values = model.values().iterator().next();
            g.nodes().add(OnnxMl.NodeProto.newBuilder().setOpType("Reshape").addInput(values).addInput(g.constantLongs(-1)).addOutput(PREDICTION).build());
            graph.addOutput(tensor(PREDICTION, OnnxMl.TensorProto.DataType.FLOAT, -1));
            return List.of(PREDICTION);
        }
        // Tribuo's graphs output the probabilities (or scores) alone; Baton's trees a label and the probabilities.
        String scores = model.containsKey("probabilities") ? model.get("probabilities") : model.values().iterator().next();
        List<String> classes = contract.classes();
        long[] order = new long[classes.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = modelClasses.indexOf(classes.get(i));
            if (order[i] < 0) {
                throw new NoOnnxForm("the model has no output for the class '" + classes.get(i) + "'");
            }
        }
        String out = probabilities ? PROBABILITIES : SCORES;
        g.nodes().add(OnnxMl.NodeProto.newBuilder().setOpType("Gather").addInput(scores).addInput(g.constantLongs(order)).addOutput(out)
                .addAttribute(OnnxProtos.attribute("axis", 1)).build());
        String best = g.node("ArgMax", List.of(out), OnnxProtos.attribute("axis", 1), OnnxProtos.attribute("keepdims", 0));
        long[] ids = new long[classes.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = i;
        }
        g.nodes().add(OnnxMl.NodeProto.newBuilder().setOpType("LabelEncoder").setDomain("ai.onnx.ml").addInput(best).addOutput(LABEL)
                .addAttribute(OnnxMl.AttributeProto.newBuilder().setName("keys_int64s").setType(OnnxMl.AttributeProto.AttributeType.INTS)
                        .addAllInts(java.util.Arrays.stream(ids).boxed().toList()))
                .addAttribute(strings("values_strings", classes))
                .addAttribute(OnnxProtos.attribute("default_string", "")).build());
        graph.addOutput(tensor(LABEL, OnnxMl.TensorProto.DataType.STRING, -1));
        graph.addOutput(tensor(out, OnnxMl.TensorProto.DataType.FLOAT, classes.size()));
        return List.of(LABEL, out);
    }

}
