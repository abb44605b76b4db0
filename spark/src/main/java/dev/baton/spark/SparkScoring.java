package dev.baton.spark;

import dev.baton.batch.Column;
import dev.baton.bundle.Bundle;
import dev.baton.bundle.ClassProbabilities;
import dev.baton.bundle.Contract;
import dev.baton.bundle.Scorer;
import dev.baton.bundle.Violations;
import dev.baton.train.Task;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Scores a Spark {@code Dataset<Row>} with a Baton bundle, exactly as the single-JVM scorer does: the bundle's
 * bytes go to the executors once (a broadcast), each executor JVM opens it once, and each partition is scored in
 * batches of {@link #BATCH_ROWS} rows. Spark's typed columns become the contract's types directly (numbers stay
 * numbers, dates days); text columns are read by the importer's rules. The result is the input with, appended:
 * {@code prediction} (the class, or the value), one {@code probability_CLASS} per class when the model gives them,
 * {@code rejected} (why the row was not scored, or null) and {@code findings} (what the contract found in the row:
 * missing values filled, categories never seen, values outside the training range, values of the wrong type).
 */
public final class SparkScoring {

    public static final int BATCH_ROWS = 10_000;
    public static final String PREDICTION = "prediction";
    public static final String REJECTED = "rejected";
    public static final String FINDINGS = "findings";

    /** Per executor JVM: each bundle opened once, by the SHA-256 of its bytes. */
    private static final Map<String, Scorer> SCORERS = new ConcurrentHashMap<>();

    private SparkScoring() {
    }

    /** The input with the bundle's predictions appended; the bundle is read and checked here, on the driver. */
    public static Dataset<Row> score(Dataset<Row> input, Path bundleFile) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(bundleFile);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the bundle " + bundleFile + ": " + e.getMessage(), e);
        }
        Scorer scorer = scorer(bytes);
        StructType schema = outputSchema(input.schema(), scorer);
        Broadcast<byte[]> shipped = JavaSparkContext.fromSparkContext(input.sparkSession().sparkContext()).broadcast(bytes);
        StructType inputSchema = input.schema();
        MapPartitionsFunction<Row, Row> scoring = rows -> new Scored(scorer(shipped.value()), inputSchema, rows);
        return input.mapPartitions(scoring, Encoders.row(schema));
    }

    /** As {@link #score(Dataset, Path)}, the bundle named by a path string: the form PySpark calls through py4j. */
    public static Dataset<Row> score(Dataset<Row> input, String bundleFile) {
        return score(input, Path.of(bundleFile));
    }

    static StructType outputSchema(StructType input, Scorer scorer) {
        List<StructField> fields = new ArrayList<>(List.of(input.fields()));
        Contract contract = scorer.contract();
        boolean classes = contract.task() == Task.CLASSIFICATION;
        fields.add(DataTypes.createStructField(PREDICTION, classes ? DataTypes.StringType : DataTypes.DoubleType, true));
        if (classes && scorer.probabilistic()) {
            for (String c : contract.classes()) {
                fields.add(DataTypes.createStructField("probability_" + c, DataTypes.DoubleType, true));
            }
        }
        fields.add(DataTypes.createStructField(REJECTED, DataTypes.StringType, true));
        fields.add(DataTypes.createStructField(FINDINGS, DataTypes.StringType, true));
        return DataTypes.createStructType(fields);
    }

    /** The scorer of these bundle bytes, opened once per JVM. */
    static Scorer scorer(byte[] bytes) {
        return SCORERS.computeIfAbsent(sha256(bytes), key -> {
            try {
                Path file = Files.createTempFile("baton-", ".baton");
                try {
                    Files.write(file, bytes);
                    // Spark runs a task per core: a batch is scored on its task's thread.
                    return Bundle.open(file).scorer().singleThreaded();
                } finally {
                    Files.deleteIfExists(file);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Could not store the bundle on this executor: " + e.getMessage(), e);
            }
        });
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A partition's rows scored a batch at a time, in order. */
    private static final class Scored implements Iterator<Row> {
        private final Scorer scorer;
        private final StructType schema;
        private final Iterator<Row> rows;
        private final List<Row> ready = new ArrayList<>();
        private int next;

        Scored(Scorer scorer, StructType schema, Iterator<Row> rows) {
            this.scorer = scorer;
            this.schema = schema;
            this.rows = rows;
        }

        @Override
        public boolean hasNext() {
            if (next < ready.size()) {
                return true;
            }
            ready.clear();
            next = 0;
            List<Row> batch = new ArrayList<>(BATCH_ROWS);
            while (batch.size() < BATCH_ROWS && rows.hasNext()) {
                batch.add(rows.next());
            }
            if (!batch.isEmpty()) {
                ready.addAll(score(scorer, schema, batch));
            }
            return next < ready.size();
        }

        @Override
        public Row next() {
            if (!hasNext()) {
                throw new java.util.NoSuchElementException();
            }
            return ready.get(next++);
        }
    }

    /** One batch of rows: typed columns for the contract's inputs, scored, and each row with its outputs appended. */
    static List<Row> score(Scorer scorer, StructType schema, List<Row> batch) {
        Contract contract = scorer.contract();
        int n = batch.size();
        Map<String, Column> columns = new LinkedHashMap<>();
        Map<String, boolean[]> wrongKind = new LinkedHashMap<>();
        for (Contract.Input in : contract.inputs()) {
            int at = index(schema, in.name());
            if (at < 0) {
                continue;
            }
            boolean[] wrong = new boolean[n];
            columns.put(in.name(), SparkColumns.column(batch, at, in.type(), in.format(), wrong));
            wrongKind.put(in.name(), wrong);
        }
        Violations findings = Violations.perRow(n);
        List<Scorer.Output> outputs = scorer.scoreColumns(n, columns, wrongKind, findings);
        boolean classes = contract.task() == Task.CLASSIFICATION;
        boolean probabilities = classes && scorer.probabilistic();
        List<String> classNames = contract.classes();
        List<Row> out = new ArrayList<>(n);
        for (int r = 0; r < n; r++) {
            Row row = batch.get(r);
            Scorer.Output o = outputs.get(r);
            int width = row.length();
            Object[] values = new Object[width + (probabilities ? classNames.size() : 0) + 3];
            for (int i = 0; i < width; i++) {
                values[i] = row.get(i);
            }
            int at = width;
            values[at++] = o.rejected() ? null : classes ? o.label() : o.value();
            if (probabilities) {
                for (int c = 0; c < classNames.size(); c++) {
                    values[at++] = o.rejected() ? null : o.probabilities() instanceof ClassProbabilities p ? p.value(c)
                            : o.probabilities().get(classNames.get(c));
                }
            }
            values[at++] = o.error();
            values[at] = findings.findings(r);
            out.add(RowFactory.create(values));
        }
        return out;
    }

    private static int index(StructType schema, String name) {
        String[] names = schema.fieldNames();
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
