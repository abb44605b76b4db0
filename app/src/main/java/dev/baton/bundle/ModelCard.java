package dev.baton.bundle;

import dev.baton.train.Metrics;
import dev.baton.train.ModelResult;
import dev.baton.train.Task;
import dev.baton.train.TrainingSetup;

import java.util.List;
import java.util.Locale;

/** MODEL_CARD.md: the author's intended use, limitations and contact, and everything else filled from the facts. */
final class ModelCard {

    private ModelCard() {
    }

    static String render(ModelCardFields fields, Manifest manifest, Contract contract, ModelResult result, TrainingSetup setup,
                         String dataFile, String fingerprint, int recipeSteps, int keptSteps, List<String> caveats,
                         dev.baton.train.HyperparameterSearch.Result search, OnnxSupport.PipelineIo pipeline) {
        StringBuilder md = new StringBuilder();
        md.append("# Model card: ").append(result.label()).append(" predicting ").append(contract.target()).append("\n\n");
        md.append("| | |\n|---|---|\n");
        row(md, "task", setup.task() == Task.CLASSIFICATION ? "classification (" + contract.classes().size() + " classes: "
                + String.join(", ", contract.classes()) + ")" : "regression");
        row(md, "target", contract.target());
        row(md, "algorithm", result.label() + " (`" + result.algorithm() + "`)");
        row(md, "created", manifest.createdAt() + " with " + manifest.createdWith());
        row(md, "bundle format", manifest.format());
        row(md, "ONNX", !manifest.onnx() ? "not included: " + manifest.onnxNote()
                : pipeline != null ? "the whole pipeline (`model/model.onnx`: raw columns in, outputs out; `model/onnx-io.json`)"
                : "the model alone, on prepared rows (`model/model.onnx`; `model/onnx-io.json` says why and what to do first)");
        md.append('\n');
        section(md, "Intended use", fields.intendedUse(), "The author has not described the intended use.");
        section(md, "Limitations", fields.limitations(), "The author has not described limitations.");
        if (!caveats.isEmpty()) {
            md.append("Found in the data and results:\n\n");
            caveats.forEach(c -> md.append("- ").append(escape(c)).append('\n'));
            md.append('\n');
        }
        section(md, "Contact", fields.contact(), "No contact given.");

        md.append("## Data\n\n");
        md.append(String.format(Locale.ROOT, "Trained on `%s` (SHA-256 `%s`): %,d training rows, %,d held-out rows. ", escape(dataFile), fingerprint,
                result.trainRows(), result.testRows()));
        md.append(String.format(Locale.ROOT, "The cleaning recipe has %d step%s; the %d that the model's inputs depend on are in `recipe.json` "
                + "and are applied to every scored row.%n%n", recipeSteps, recipeSteps == 1 ? "" : "s", keptSteps));

        md.append("## Training\n\n");
        md.append(String.format(Locale.ROOT, "%s on %d feature column%s; %s; validation: %s, and %d%% of the rows held out (stratified%s), seed %d.%n%n",
                result.label(), setup.features().size(), setup.features().size() == 1 ? "" : "s",
                result.standardized() ? "numeric features standardized" : "numeric features as they are",
                setup.folds() > 0 ? setup.folds() + "-fold cross-validation" : "no cross-validation",
                Math.round(setup.holdout() * 100), setup.task() == Task.CLASSIFICATION ? " by class" : "", setup.seed()));
        if (!result.parameters().isEmpty()) {
            md.append("Hyperparameters: ");
            md.append(String.join(", ", result.parameters().entrySet().stream().map(e -> "`" + e.getKey() + "` = " + number(e.getValue())).toList()));
            md.append(".\n\n");
        }
        if (search != null) {
            md.append(String.format(Locale.ROOT, "These settings came from a hyperparameter search of %s by cross-validation on the "
                            + "training rows (the held-out rows took no part): %s. `provenance.json` (`training.search`) sums it up; the "
                            + "project keeps every configuration tried.%n%n",
                    search.searched().isEmpty() ? "nothing" : String.join(", ", search.searched().stream().map(n -> "`" + n + "`").toList()),
                    search.reason()));
        }

        md.append("## Metrics\n\n| metric | held-out rows | cross-validation mean ± sd |\n|---|---:|---:|\n");
        for (String m : Metrics.names(result.task())) {
            Double v = result.holdout().get(m);
            if (v == null) {
                continue;
            }
            Metrics.Spread s = result.cv() == null ? null : result.cv().get(m);
            md.append("| ").append(Metrics.label(m)).append(" | ").append(metric(v)).append(" | ")
                    .append(s == null ? "" : metric(s.mean()) + " ± " + metric(s.std())).append(" |\n");
        }
        md.append('\n');
        if (result.perClass() != null) {
            md.append("### Per class (held-out rows)\n\n| class | precision | recall | F1 | rows |\n|---|---:|---:|---:|---:|\n");
            for (Metrics.ClassScores c : result.perClass()) {
                md.append("| ").append(escape(c.label())).append(" | ").append(metric(c.precision())).append(" | ").append(metric(c.recall()))
                        .append(" | ").append(metric(c.f1())).append(" | ").append(c.support()).append(" |\n");
            }
            md.append('\n');
        }

        md.append("## Inputs\n\nEvery column below must be present in each record (`contract.json` has the full detail and the policies; "
                + "`contract.schema.json` is the same as a JSON Schema of one record, for any JSON Schema validator).\n\n");
        md.append("| column | type | seen in training | missing value | unseen or out of range |\n|---|---|---|---|---|\n");
        for (Contract.Input in : contract.inputs()) {
            String seen = in.categories() != null ? categories(in.categories())
                    : in.minText() != null ? in.minText() + " to " + in.maxText()
                    : in.min() != null ? number(in.min()) + " to " + number(in.max()) : "";
            md.append("| ").append(escape(in.name())).append(" | ").append(in.type().label()).append(" | ").append(escape(seen)).append(" | ")
                    .append(in.missing().id()).append(" | ").append(in.categories() != null ? in.unseen().id() : in.outOfRange().id()).append(" |\n");
        }
        md.append("\n## Using the bundle\n\n```\n");
        md.append("java -jar baton.jar bundle inspect MODEL.baton\n");
        md.append("java -jar baton.jar bundle verify MODEL.baton\n");
        md.append("java -jar baton.jar bundle score MODEL.baton --input new.csv --output scored.csv\n");
        md.append("java -jar baton.jar bundle serve MODEL.baton --port 8080\n```\n\n");
        md.append("From Java: `Scorer scorer = Bundle.open(Path.of(\"MODEL.baton\")).scorer(); scorer.score(Map.of(...))`.\n");
        if (pipeline != null) {
            OnnxScoringSnippets.append(md, pipeline);
        }
        md.append("\n## Monitoring\n\nThe bundle carries a reference profile of its training rows and of the model's outputs on the held-out rows, "
                + "so new data can be checked without the training data:\n\n```\n");
        md.append("java -jar baton.jar bundle drift MODEL.baton --input new.csv --html drift.html      # exit 1 on drift\n");
        md.append("java -jar baton.jar bundle evaluate MODEL.baton --input labelled.csv            # exit 1 on a significant drop\n");
        md.append("java -jar baton.jar bundle serve MODEL.baton --drift-window 5000               # GET /metrics (Prometheus), GET /drift\n```\n");
        return md.toString();
    }

    private static void row(StringBuilder md, String k, String v) {
        md.append("| ").append(k).append(" | ").append(escape(v)).append(" |\n");
    }

    private static void section(StringBuilder md, String title, String text, String none) {
        md.append("## ").append(title).append("\n\n").append(text.isBlank() ? "_" + none + "_"
                : text.strip().replace("<", "&lt;").replace(">", "&gt;").replace("\r", "")).append("\n\n");
    }

    private static String categories(List<String> c) {
        List<String> shown = c.size() > 12 ? c.subList(0, 12) : c;
        return String.join(", ", shown) + (c.size() > 12 ? " and " + (c.size() - 12) + " more" : "");
    }

    private static String metric(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.4f", v);
    }

    static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v)
                : new java.math.BigDecimal(v).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
    }

    /** Markdown table cells break on pipes and line ends; HTML in a card viewer should show as text. */
    static String escape(String s) {
        return s.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "").replace("\n", " ");
    }

}
