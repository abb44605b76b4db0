package dev.baton.bundle;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.baton.clean.Recipe;
import dev.baton.clean.RecipeFiles;
import dev.baton.clean.Replay;
import dev.baton.clean.StepResult;
import dev.baton.data.ColumnType;
import dev.baton.data.Dataset;
import dev.baton.data.TypeConversion;
import dev.baton.train.Frame;
import dev.baton.train.ModelRun;
import dev.baton.train.Baseline;
import dev.baton.train.ModelResult;
import dev.baton.train.ModelScorer;
import dev.baton.train.Ranking;
import dev.baton.train.Predictions;
import dev.baton.train.Task;
import dev.baton.train.TrainingSetup;
import dev.baton.util.Json;
import dev.baton.util.Progress;
import dev.baton.util.UserException;
import dev.baton.util.Versions;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.columns.Column;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes the model bundle of a chosen model, then proves it: the held-out rows are scored through the written
 * file, exactly as an engineer would, and compared with the workbench's own predictions. Only then does the
 * file appear at its destination; a failed export leaves any earlier file there untouched.
 */
public final class BundleExporter {

    /** Java scoring through the bundle repeats the workbench's arithmetic, so it must agree to rounding. */
    public static final double TOLERANCE = 1e-9;

    /**
     * Everything the bundle is made from.
     *
     * @param source  the data as imported (the raw columns the contract describes)
     * @param cleaned the data after the recipe, on which the model was trained
     * @param recipe  the whole recipe with its fitted values
     * @param baseline the baseline's results on the same rows (metrics.json shows the model beside it); may be null
     */
    public record Request(String projectName, Dataset source, Dataset cleaned, Recipe recipe, TrainingSetup setup,
                          ModelRun.TrainedModel model, ModelResult baseline, ModelCardFields card, Instant createdAt,
                          dev.baton.train.HyperparameterSearch.Result search) {

        /** A request for a model whose settings were not searched. */
        public Request(String projectName, Dataset source, Dataset cleaned, Recipe recipe, TrainingSetup setup,
                       ModelRun.TrainedModel model, ModelResult baseline, ModelCardFields card, Instant createdAt) {
            this(projectName, source, cleaned, recipe, setup, model, baseline, card, createdAt, null);
        }
    }

    /** What was written and checked. */
    /** @param onnxSummary the ONNX graph in a sentence: the whole pipeline with its parity, the model alone and why, or none and why */
    public record Report(Path file, long bytes, String sha256, int parityRows, int examples, boolean onnx, String onnxNote, List<String> inputs,
                         String onnxSummary) {

        /** What the project keeps of this export, for the report's lineage. */
        public ExportedBundle exported(String algorithm) {
            return new ExportedBundle(file.getFileName().toString(), sha256, algorithm);
        }
    }

    /** The bundle disagrees with the workbench: the export is refused, with the rows that differ. */
    public static final class ParityException extends UserException {
        private final List<String> differences;

        ParityException(String message, List<String> differences) {
            super(message + System.lineSeparator() + String.join(System.lineSeparator(), differences.subList(0, Math.min(20, differences.size())))
                    + (differences.size() > 20 ? System.lineSeparator() + "... and " + (differences.size() - 20) + " more" : ""));
            this.differences = List.copyOf(differences);
        }

        public List<String> differences() {
            return differences;
        }
    }

    private BundleExporter() {
    }

    /** What the bundle will ask of engineers, before exporting: the contract and the recipe steps it keeps. */
    public record Preview(Contract contract, Recipe recipe) {
    }

    public static Preview preview(Request req) {
        Lineage.Result lineage = Lineage.of(req.recipe(), req.model().preparation().columns(), req.source().columnNames());
        return new Preview(contract(req, lineage.inputs()), lineage.recipe());
    }

    public static Report export(Request req, Path out, Progress progress) throws IOException {
        if (req.model() == null) {
            throw new UserException("Choose a trained model in the Train stage first: the bundle carries the chosen model.");
        }
        TrainingSetup setup = req.setup();
        ModelRun.TrainedModel chosen = req.model();
        progress.update(0, 100, "Tracing which recipe steps the model needs");
        List<String> features = chosen.preparation().columns();
        Lineage.Result lineage = Lineage.of(req.recipe(), features, req.source().columnNames());
        Contract contract = contract(req, lineage.inputs());

        progress.update(10, 100, "Choosing the golden examples");
        boolean rowsLineUp = req.recipe().steps().stream().allMatch(s -> !s.enabled() || s.operation().rowWise())
                && req.source().rowCount() == req.cleaned().rowCount();
        Frame frame = Frame.of(req.cleaned(), setup.target(), setup.task(), setup.features());
        Predictions holdout = chosen.holdout();
        int[] parityRows;
        List<GoldenExamples.Expected> parityExpected;
        int[] golden;
        List<GoldenExamples.Expected> goldenExpected;
        String examplesFrom;
        if (rowsLineUp) {
            // Every step is row-wise: held-out row i of the training data is row i of the file, and the workbench's
            // own held-out predictions are the expected outputs.
            parityRows = new int[holdout.size()];
            Map<Integer, Integer> position = new LinkedHashMap<>();
            for (int i = 0; i < holdout.size(); i++) {
                parityRows[i] = frame.sourceRow(holdout.rows()[i]);
                position.put(parityRows[i], i);
            }
            parityExpected = expectedFromHoldout(holdout, contract);
            golden = GoldenExampleRows.select(req.source(), lineage.inputs(), parityRows, setup.seed());
            goldenExpected = new ArrayList<>();
            for (int r : golden) {
                goldenExpected.add(parityExpected.get(position.get(r)));
            }
            examplesFrom = "held-out rows, with the workbench's predictions made while training";
        } else {
            // Table-wise steps (filters, de-duplication) make training rows untraceable to file rows: use rows of the
            // file, with what the workbench's model and full recipe say about them.
            int[] all = new int[req.source().rowCount()];
            for (int i = 0; i < all.length; i++) {
                all[i] = i;
            }
            golden = GoldenExampleRows.select(req.source(), lineage.inputs(), all, setup.seed());
            goldenExpected = workbenchOutputs(req, contract, golden);
            parityRows = golden;
            parityExpected = goldenExpected;
            examplesFrom = "rows of the training file scored by the workbench (the recipe filters or de-duplicates rows, so held-out "
                    + "rows cannot be traced back to the file)";
        }
        if (golden.length == 0) {
            throw new UserException("There are no held-out rows to take golden examples from.");
        }
        progress.checkCancelled();

        progress.update(25, 100, "Exporting ONNX");
        OnnxSupport.Export onnx = OnnxSupport.export(chosen.model(), chosen.result().label());
        progress.update(35, 100, "Profiling the inputs");
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put(BundleFormat.MODEL, chosen.model().serialize().toByteArray());
        entries.put(BundleFormat.PREPARATION, json(chosen.preparation()));
        entries.put(BundleFormat.CONTRACT, json(contract));
        entries.put(BundleFormat.RECORD_SCHEMA, RecordSchema.json(contract, lineage.recipe(), "the " + chosen.result().label() + " model predicting "
                + setup.target() + " (Baton bundle " + out.getFileName() + ")"));
        entries.put(BundleFormat.RECIPE, RecipeFiles.toJson(lineage.recipe()).getBytes(StandardCharsets.UTF_8));
        entries.put(BundleFormat.METRICS, metrics(chosen, req.baseline(), setup));
        progress.update(38, 100, "Profiling the training rows for drift checks");
        entries.put(BundleFormat.REFERENCE_PROFILE, json(referenceProfile(req, contract, lineage.recipe(), rowsLineUp ? parityRows : null)));
        entries.put(BundleFormat.EXAMPLES_INPUT, GoldenExampleRows.inputCsv(req.source(), lineage.inputs(), golden).getBytes(StandardCharsets.UTF_8));
        entries.put(BundleFormat.EXAMPLES_EXPECTED, GoldenExamples.expectedCsv(contract, goldenExpected).getBytes(StandardCharsets.UTF_8));
        entries.put(BundleFormat.PROVENANCE, provenance(req, lineage));
        String onnxNote = onnx.reason();
        OnnxSupport.PipelineIo pipelineIo = null;
        String pipelineReason = null;
        if (onnx.graph() != null) {
            // The whole pipeline first: it is checked on every held-out row, and its trees compare doubles as the workbench does,
            // so it may keep parity where the model alone, on float inputs, does not.
            progress.update(45, 100, "Building the whole pipeline as one ONNX graph");
            Pipeline pipeline = pipeline(onnx, req, contract, lineage, parityRows, parityExpected, golden, goldenExpected);
            if (pipeline.graph() != null) {
                pipelineIo = pipeline.io();
                entries.put(BundleFormat.ONNX, pipeline.graph());
                entries.put(BundleFormat.ONNX_IO, json(pipeline.io()));
            } else {
                pipelineReason = pipeline.reason();
                progress.update(48, 100, "Checking the model's ONNX graph with ONNX Runtime");
                List<String> diff = onnxDifferences(onnx.graph(), req, contract, lineage.recipe(), golden, goldenExpected);
                if (diff.isEmpty()) {
                    // The model alone still spares an engineer the model; the note says what they must do before it, and why.
                    OnnxSupport.Io io = onnx.io();
                    entries.put(BundleFormat.ONNX, onnx.graph());
                    entries.put(BundleFormat.ONNX_IO, json(new OnnxSupport.Io(io.inputName(), io.inputShape(), io.features(), io.outputs(),
                            io.probabilities(), io.preparation() + " (No graph of the whole pipeline: " + pipeline.reason() + ".)", io.tolerance())));
                } else {
                    onnxNote = "The ONNX export of this model did not reproduce its outputs within " + OnnxSupport.TOLERANCE
                            + " on the golden rows (" + diff.get(0) + "), so it was left out; there is no graph of the whole pipeline either: "
                            + pipeline.reason() + ".";
                }
            }
        }
        String createdAt = req.createdAt().truncatedTo(ChronoUnit.SECONDS).toString();
        Manifest draft = new Manifest(BundleFormat.FORMAT, createdAt, "Baton " + Versions.baton(), Versions.libraries(), setup.task(),
                setup.target(), chosen.result().algorithm(), chosen.result().label(), entries.containsKey(BundleFormat.ONNX), onnxNote,
                golden.length, examplesFrom, TOLERANCE, Map.of());
        entries.put(BundleFormat.MODEL_CARD, ModelCard.render(req.card() == null ? ModelCardFields.empty() : req.card(), draft, contract,
                chosen.result(), setup, req.source().source() == null ? req.source().name() : req.source().source().fileName(),
                req.source().source() == null ? "unknown" : req.source().source().fingerprint(), req.recipe().steps().size(),
                lineage.recipe().steps().size(), dev.baton.train.ModelCaveats.of(req.model().result(), req.cleaned(), req.setup()), req.search(), pipelineIo)
                .getBytes(StandardCharsets.UTF_8));
        Map<String, String> sums = new LinkedHashMap<>();
        entries.forEach((name, bytes) -> sums.put(name, Bundle.sha256(bytes)));
        Manifest manifest = new Manifest(draft.format(), draft.createdAt(), draft.createdWith(), draft.libraries(), draft.task(),
                draft.target(), draft.algorithm(), draft.algorithmLabel(), draft.onnx(), draft.onnxNote(), draft.examples(),
                draft.examplesFrom(), draft.tolerance(), sums);
        progress.checkCancelled();

        progress.update(55, 100, "Writing " + out.getFileName());
        Path folder = out.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path temp = dev.baton.util.AtomicFiles.tempFor(out);
        String sha256;
        try {
            try (OutputStream os = Files.newOutputStream(temp); ZipOutputStream zip = new ZipOutputStream(os)) {
                write(zip, BundleFormat.MANIFEST, json(manifest));
                for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                    write(zip, e.getKey(), e.getValue());
                }
            }
            progress.update(65, 100, "Scoring " + parityRows.length + " held-out rows through the written bundle");
            Bundle bundle = Bundle.open(temp);
            List<String> header = new ArrayList<>();
            List<String[]> rows = GoldenExamples.readInputs(GoldenExampleRows.inputCsv(req.source(), lineage.inputs(), parityRows), header,
                    new java.util.HashSet<>(contract.missingTokens()));
            List<Scorer.Output> scored = bundle.scorer().scoreRows(header, rows, new Violations());
            List<String> diff = GoldenExamples.differences(parityExpected, scored, TOLERANCE, "the bundle");
            if (!diff.isEmpty()) {
                throw new ParityException("The bundle does not reproduce the workbench's predictions on " + diff.size() + " of "
                        + parityRows.length + " rows, so it was not written:", diff);
            }
            progress.checkCancelled();
            sha256 = Bundle.sha256(Files.readAllBytes(temp));
            Files.move(temp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
        progress.update(100, 100, "Wrote " + out.getFileName());
        String onnxSummary = !manifest.onnx() ? "No ONNX graph: " + onnxNote
                : pipelineIo != null ? String.format(java.util.Locale.ROOT, "ONNX graph of the whole pipeline included (raw columns in; on %,d rows "
                + "scored from their raw values by ONNX Runtime, %d labels differ and probabilities by at most %.1e).", pipelineIo.parity().rows(),
                pipelineIo.parity().labelsDiffering(), pipelineIo.parity().maxDifference())
                : "ONNX graph of the model alone included, on prepared rows (no graph of the whole pipeline: " + pipelineReason + ").";
        return new Report(out, Files.size(out), sha256, parityRows.length, golden.length, manifest.onnx(), onnxNote, lineage.inputs(), onnxSummary);
    }

    private static void write(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setTime(315532800000L); // 1980-01-01: entry times carry no information, and equal inputs give equal files
        zip.putNextEntry(e);
        zip.write(bytes);
        zip.closeEntry();
    }

    private static byte[] json(Object value) throws IOException {
        return Json.mapper().writeValueAsBytes(value);
    }

    static Contract contract(Request req, List<String> inputs) {
        Dataset source = req.source();
        List<Contract.Input> list = new ArrayList<>();
        for (String name : inputs) {
            ColumnType type = source.type(name);
            Column<?> column = source.column(name);
            List<String> categories = null;
            Double min = null;
            Double max = null;
            String minText = null;
            String maxText = null;
            if (type.isString() || type == ColumnType.BOOLEAN) {
                TreeSet<String> values = new TreeSet<>();
                for (int r = 0; r < column.size() && values.size() <= Contract.MAX_CATEGORIES; r++) {
                    String t = TypeConversion.text(column, r);
                    if (t != null) {
                        values.add(t);
                    }
                }
                categories = values.size() <= Contract.MAX_CATEGORIES ? List.copyOf(values) : null;
            } else if (column instanceof NumericColumn<?> numbers) {
                double lo = Double.POSITIVE_INFINITY;
                double hi = Double.NEGATIVE_INFINITY;
                for (int r = 0; r < column.size(); r++) {
                    if (!column.isMissing(r)) {
                        lo = Math.min(lo, numbers.getDouble(r));
                        hi = Math.max(hi, numbers.getDouble(r));
                    }
                }
                if (lo <= hi) {
                    min = lo;
                    max = hi;
                }
            } else if (column instanceof DateColumn dates) {
                java.time.LocalDate lo = null;
                java.time.LocalDate hi = null;
                for (int r = 0; r < column.size(); r++) {
                    if (!column.isMissing(r)) {
                        java.time.LocalDate d = dates.get(r);
                        lo = lo == null || d.isBefore(lo) ? d : lo;
                        hi = hi == null || d.isAfter(hi) ? d : hi;
                    }
                }
                if (lo != null) {
                    min = (double) lo.toEpochDay();
                    max = (double) hi.toEpochDay();
                    minText = lo.toString();
                    maxText = hi.toString();
                }
            }
            // Dates are read as training read them: the layout goes into the contract ("d/M/yyyy"; ISO is always accepted too).
            String format = type == ColumnType.DATE || type == ColumnType.DATETIME ? source.info(name).format() : null;
            list.add(new Contract.Input(name, type, true, categories, min, max, minText, maxText, null, null, null, null, format));
        }
        List<String> classes = req.setup().task() == Task.CLASSIFICATION ? req.model().result().classes() : null;
        List<String> tokens = source.source() == null ? List.of("") : source.source().options().missingTokens();
        return new Contract(req.setup().target(), req.setup().task(), classes, tokens, list, derived(req, inputs));
    }

    /** The numeric features the recipe makes (not inputs themselves), with their range in the data the model learned from. */
    private static List<Contract.Derived> derived(Request req, List<String> inputs) {
        List<Contract.Derived> out = new ArrayList<>();
        Dataset cleaned = req.cleaned();
        for (dev.baton.train.Encoder e : req.model().preparation().encoders()) {
            if (!(e instanceof dev.baton.train.NumericEncoder) || inputs.contains(e.column()) || !cleaned.hasColumn(e.column())
                    || !(cleaned.column(e.column()) instanceof NumericColumn<?> numbers)) {
                continue;
            }
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int r = 0; r < numbers.size(); r++) {
                if (!numbers.isMissing(r)) {
                    lo = Math.min(lo, numbers.getDouble(r));
                    hi = Math.max(hi, numbers.getDouble(r));
                }
            }
            if (lo <= hi) {
                out.add(new Contract.Derived(e.column(), lo, hi, null));
            }
        }
        return out;
    }

    private static List<GoldenExamples.Expected> expectedFromHoldout(Predictions p, Contract contract) {
        ModelScorer.Scores s = new ModelScorer.Scores(contract.classes(), p.predictedClass(), p.probabilities(), p.predictedValue());
        int[] all = new int[p.size()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        return GoldenExamples.fromScores(s, all);
    }

    /** The workbench's own path on raw rows: the whole row-wise recipe replayed, then the model in memory. */
    private static List<GoldenExamples.Expected> workbenchOutputs(Request req, Contract contract, int[] rows) {
        Dataset data = req.source().rows(rows);
        for (StepResult r : Replay.run(data, req.recipe().rowWise().steps(), Replay.Mode.FITTED, Progress.NONE)) {
            if (r.failed()) {
                throw new UserException("The recipe step '" + r.step().operation().describe() + "' does not apply to single rows of the file: "
                        + r.problem());
            }
            data = r.output();
        }
        ModelScorer.Scores s = dev.baton.train.Frame.score(req.model().model(), req.model().preparation(), data, req.setup().task(), contract.classes());
        int[] all = new int[rows.length];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        return GoldenExamples.fromScores(s, all);
    }

    /** A whole-pipeline graph that reproduced the workbench on every parity and golden row, or the reason there is none. */
    record Pipeline(byte[] graph, OnnxSupport.PipelineIo io, String reason) {
    }

    private static Pipeline pipeline(OnnxSupport.Export onnx, Request req, Contract contract, Lineage.Result lineage, int[] parityRows,
                                     List<GoldenExamples.Expected> parityExpected, int[] golden, List<GoldenExamples.Expected> goldenExpected) {
        OnnxSupport.Io io = onnx.io();
        // Baton's trees go in with double thresholds: in floats a value between a threshold and its rounding would split the other way.
        byte[] model = req.model().model() instanceof dev.baton.train.learn.ForestModel<?> forest ? forest.exactOnnxGraph("dev.baton", 1) : onnx.graph();
        PipelineGraph.Result built = PipelineGraph.build(contract, lineage.recipe(), req.model().preparation(), model, io.features(),
                io.outputs(), io.probabilities());
        if (built.graph() == null) {
            return new Pipeline(null, null, built.reason());
        }
        List<GoldenExamples.Expected> expected = new ArrayList<>(parityExpected);
        expected.addAll(goldenExpected);
        int[] rows = java.util.stream.IntStream.concat(java.util.Arrays.stream(parityRows), java.util.Arrays.stream(golden)).toArray();
        List<String> header = new ArrayList<>();
        List<String[]> texts = GoldenExamples.readInputs(GoldenExampleRows.inputCsv(req.source(), contract.inputNames(), rows), header,
                new java.util.HashSet<>(contract.missingTokens()));
        List<Scorer.Output> scored;
        try {
            scored = PipelineRuntime.score(built.graph(), contract, header, texts);
        } catch (BundleException e) {
            return new Pipeline(null, null, e.getMessage());
        }
        List<String> diff = GoldenExamples.differences(expected, scored, OnnxSupport.PIPELINE_TOLERANCE, "ONNX Runtime");
        if (!diff.isEmpty()) {
            return new Pipeline(null, null, "it differed from the workbench on " + diff.size() + " of " + rows.length
                    + " held-out and golden rows (" + diff.get(0) + ")");
        }
        OnnxSupport.Parity parity = PipelineRuntime.parity(expected, scored, parityRows.length + " held-out rows and " + golden.length
                + " golden rows, from their raw values, against the workbench");
        return new Pipeline(built.graph(), built.io().withParity(parity), null);
    }

    private static List<String> onnxDifferences(byte[] graph, Request req, Contract contract, Recipe recipe, int[] golden,
                                                List<GoldenExamples.Expected> expected) {
        try {
            org.tribuo.Model<?> runtime = OnnxRuntimeModel.of(graph, req.model().model());
            Scorer scorer = new Scorer(contract, recipe, req.model().preparation(), runtime);
            List<String> header = new ArrayList<>();
            List<String[]> rows = GoldenExamples.readInputs(GoldenExampleRows.inputCsv(req.source(), contract.inputNames(), golden), header,
                    new java.util.HashSet<>(contract.missingTokens()));
            return GoldenExamples.differences(expected, scorer.scoreRows(header, rows, new Violations()), OnnxSupport.TOLERANCE, "ONNX Runtime");
        } catch (BundleException e) {
            return List.of(e.getMessage());
        }
    }

    /**
     * The reference drift checks compare with: the training rows' inputs (the held-out rows left out when they can be
     * traced to the file), the model's outputs and metrics on the held-out rows, and importance by input.
     */
    static dev.baton.bundle.ReferenceProfile referenceProfile(Request req, Contract contract, Recipe bundleRecipe, int[] heldOut) {
        Dataset source = req.source();
        String from;
        if (heldOut != null) {
            boolean[] out = new boolean[source.rowCount()];
            for (int r : heldOut) {
                out[r] = true;
            }
            int[] training = java.util.stream.IntStream.range(0, source.rowCount()).filter(r -> !out[r]).toArray();
            source = source.rows(training);
            from = "the training rows (the file's rows without the held-out ones)";
        } else {
            from = "every row of the training file (the recipe filters or de-duplicates rows, so the held-out ones cannot be told apart)";
        }
        dev.baton.batch.Batch inputs = dev.baton.clean.TableRows.batch(source, contract.inputNames());
        Map<String, Double> importance = new LinkedHashMap<>();
        ModelResult result = req.model().result();
        if (result.importance() != null) {
            for (dev.baton.train.Importance imp : result.importance()) {
                List<String> sources = Lineage.inputsOf(bundleRecipe, imp.column(), contract.inputNames());
                for (String in : sources) {
                    importance.merge(in, Math.max(0, imp.value()) / sources.size(), Double::sum);
                }
            }
        }
        Predictions holdout = req.model().holdout();
        int classes = contract.classes() == null ? 0 : contract.classes().size();
        return dev.baton.bundle.ReferenceBuilder.build(contract, inputs, from, holdout, importance,
                holdout == null || holdout.size() == 0 ? null : dev.baton.train.MetricIntervals.estimate(holdout, classes));
    }

    private static byte[] metrics(ModelRun.TrainedModel chosen, ModelResult baseline, TrainingSetup setup) throws IOException {
        ModelResult r = chosen.result();
        ObjectNode node = Json.mapper().valueToTree(r);
        node.remove("trainMillis"); // a duration of this run, not a property of the model
        node.put("rankedBy", setup.metric());
        node.put("rankingUses", Ranking.byCrossValidation(setup) ? "cv" : "holdout");
        node.put("ranking", Ranking.basis(setup, r.trainRows(), r.testRows()));
        node.put("holdoutMeaning", Ranking.holdoutBasis(r.testRows()));
        node.put("cvRows", r.cv() == null ? 0 : r.trainRows());
        node.put("holdoutRows", r.testRows());
        if (baseline != null) {
            ObjectNode base = Json.mapper().valueToTree(baseline);
            base.remove("trainMillis");
            base.remove("importance");
            node.set("baseline", base);
            node.put("beatsBaseline", Baseline.beaten(r, baseline, setup.metric()));
        }
        return Json.mapper().writeValueAsBytes(node);
    }

    private static byte[] provenance(Request req, Lineage.Result lineage) throws IOException {
        TrainingSetup s = req.setup();
        Map<String, Object> p = new LinkedHashMap<>();
        Map<String, Object> data = new LinkedHashMap<>();
        if (req.source().source() instanceof dev.baton.data.QuerySource q) {
            // Where the rows came from, never how to log in: the connection holds no password.
            data.put("database", q.connection().describe());
            data.put("query", q.sql());
            data.put("readAt", q.readAt().toString());
        } else {
            data.put("file", req.source().source() == null ? req.source().name() : req.source().source().fileName());
        }
        data.put("sha256", req.source().source() == null ? null : req.source().source().fingerprint());
        data.put("rows", req.source().rowCount());
        data.put("columns", req.source().columnCount());
        data.put("rowsAfterRecipe", req.cleaned().rowCount());
        p.put("data", data);
        Map<String, Object> recipe = new LinkedHashMap<>();
        recipe.put("steps", req.recipe().steps().size());
        recipe.put("rowWiseStepsInBundle", lineage.recipe().steps().size());
        recipe.put("trainingOnlySteps", req.recipe().steps().stream().filter(st -> st.enabled() && !st.operation().rowWise())
                .map(st -> st.operation().describe()).toList());
        p.put("recipe", recipe);
        Map<String, Object> training = new LinkedHashMap<>();
        training.put("target", s.target());
        training.put("task", s.task());
        training.put("features", s.features());
        training.put("algorithm", req.model().result().algorithm());
        training.put("parameters", req.model().result().parameters());
        training.put("seed", s.seed());
        training.put("holdout", s.holdout());
        training.put("folds", s.folds());
        training.put("trainRows", req.model().result().trainRows());
        training.put("testRows", req.model().result().testRows());
        training.put("split", "stratified by class (classification) with the seed; the same seed and data give the same split");
        if (req.search() != null) {
            // Where the parameters came from: a search by cross-validation on the training rows (docs/decisions/0009).
            var search = req.search();
            Map<String, Object> searched = new LinkedHashMap<>();
            searched.put("parameters", search.searched());
            searched.put("configurations", search.trials().size());
            searched.put("planned", search.budget());
            searched.put("chosen", search.chosen());
            searched.put("best", search.best());
            searched.put("metric", search.metric());
            searched.put("reason", search.reason());
            training.put("search", searched);
        }
        p.put("training", training);
        p.put("project", req.projectName());
        var tribuo = req.model().model().getProvenance();
        p.put("tribuo", com.oracle.labs.mlrg.olcut.provenance.ProvenanceUtil.formattedProvenanceString(tribuo));
        // The same in OLCUT's marshalled form, which ProvenanceUtil.unmarshalProvenance reads back into objects.
        p.put("tribuoMarshalled", Json.mapper().readTree(new com.oracle.labs.mlrg.olcut.config.json.JsonProvenanceSerialization(false)
                .serializeToString(com.oracle.labs.mlrg.olcut.provenance.ProvenanceUtil.marshalProvenance(tribuo))));
        return Json.mapper().writeValueAsBytes(p);
    }
}
