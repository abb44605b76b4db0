package dev.baton.bundle;

import dev.baton.util.Progress;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every kind of contract violation, under its default policy and under the stricter ones. */
class ContractTest {

    @TempDir
    static Path dir;
    static Bundle bundle;

    @BeforeAll
    static void export() throws Exception {
        Path file = dir.resolve("p.baton");
        BundleExporter.export(Bundles.request(dev.baton.report.PenguinsReport.project(), "logistic-regression"), file, Progress.NONE);
        bundle = Bundle.open(file);
    }

    static Map<String, Object> adelie() {
        Map<String, Object> r = new HashMap<>();
        r.put("Island", "Torgersen");
        r.put("Culmen Length (mm)", 39.1);
        r.put("Culmen Depth (mm)", 18.7);
        r.put("Flipper Length (mm)", 181);
        r.put("Body Mass (g)", 3750);
        r.put("Sex", "MALE");
        return r;
    }

    @Test
    void anAbsentColumnFollowsItsMissingPolicy() {
        // Imputed by default, as a null would be, and counted; under a policy that requires a value, the record is rejected.
        Map<String, Object> absent = adelie();
        absent.remove("Flipper Length (mm)");
        Map<String, Object> nulled = adelie();
        nulled.put("Flipper Length (mm)", null);
        Violations findings = new Violations();
        assertThat(bundle.scorer().score(absent, findings)).isEqualTo(bundle.scorer().score(nulled));
        assertThat(findings.columns().get("Flipper Length (mm)").missing).isEqualTo(1);
        assertThatThrownBy(() -> strict().score(absent)).isInstanceOf(ContractException.class)
                .hasMessage("Flipper Length (mm) is missing, and the contract requires a value");
    }

    @Test
    void anIntegerColumnTakesIntegralDecimalsAndRejectsFractions() {
        // pandas writes an integer column with a gap as 3750.0; 3750.5 is no integer, and the wrongType policy rejects it.
        for (Object whole : new Object[]{"3750.0", "3750.00", "3.75e3", 3750.0, new java.math.BigDecimal("3750.000")}) {
            Map<String, Object> r = adelie();
            r.put("Body Mass (g)", whole);
            assertThat(bundle.scorer().score(r)).as(String.valueOf(whole)).isEqualTo(bundle.scorer().score(adelie()));
        }
        Map<String, Object> fraction = adelie();
        fraction.put("Body Mass (g)", "3750.5");
        assertThatThrownBy(() -> bundle.scorer().score(fraction)).hasMessage("Body Mass (g): '3750.5' is not an integer value");
    }

    @Test
    void unseenCategoriesAreCountedAfterTheRecipesTextSteps() {
        // The recipe lower-cases Sex: "male" and "MALE" are the same known level; "unknown" is not.
        Violations findings = new Violations();
        Map<String, Object> lower = adelie();
        lower.put("Sex", "male");
        assertThat(bundle.scorer().score(lower, findings)).isEqualTo(bundle.scorer().score(adelie()));
        assertThat(findings.columns()).doesNotContainKey("Sex");
        Map<String, Object> odd = adelie();
        odd.put("Sex", "unknown");
        bundle.scorer().score(odd, findings);
        assertThat(findings.columns().get("Sex").unseen).isEqualTo(1);
    }

    @Test
    void aFeatureTheRecipeMakesIsCheckedAgainstItsTrainingRange(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        // auto-mpg derives power_to_weight = Horsepower / Weight_in_lbs * 1000. A weight of -5 lb is one raw value out of
        // range, and it makes a ratio of -26,000, far outside what the model saw (about 20 to 73): both are reported.
        var cars = dev.baton.project.ProjectLoader.open(Path.of("sample-data", "auto-mpg.baton-project"), dev.baton.util.Progress.NONE).project();
        Path file = tmp.resolve("cars.baton");
        BundleExporter.export(cars.bundleRequest(java.time.Instant.parse("2026-12-01T00:00:00Z")), file, dev.baton.util.Progress.NONE);
        Bundle b = Bundle.open(file);
        Contract.Derived ratio = b.contract().derived("power_to_weight");
        assertThat(ratio).isNotNull();
        assertThat(ratio.min()).isBetween(15.0, 30.0);
        assertThat(ratio.max()).isBetween(60.0, 90.0);
        Map<String, Object> car = new HashMap<>(Map.of("Cylinders", 4, "Displacement", 120.0, "Horsepower", 130, "Weight_in_lbs", 2500,
                "Acceleration", 15.0, "Year", "1980-01-01", "Origin", "USA"));
        Violations normal = new Violations();
        b.scorer().score(car, normal);
        assertThat(normal.columns()).isEmpty();
        car.put("Weight_in_lbs", -5);
        Violations odd = new Violations();
        b.scorer().score(car, odd);
        assertThat(odd.columns().get("Weight_in_lbs").outOfRange).isEqualTo(1);
        assertThat(odd.columns().get("power_to_weight").outOfRange).isEqualTo(1);
    }

    private static Scorer strict() {
        List<Contract.Input> inputs = new ArrayList<>();
        for (Contract.Input in : bundle.contract().inputs()) {
            inputs.add(new Contract.Input(in.name(), in.type(), true, in.categories(), in.min(), in.max(), in.minText(), in.maxText(),
                    Contract.Missing.REJECT, Contract.Unseen.REJECT, Contract.OutOfRange.REJECT, Contract.WrongType.REJECT));
        }
        Contract strict = new Contract(bundle.contract().target(), bundle.contract().task(), bundle.contract().classes(),
                bundle.contract().missingTokens(), inputs);
        return new Scorer(strict, bundle.recipe(), bundle.preparation(), bundle.model());
    }

    @Test
    void aWrongTypeRejectsTheRecordWithColumnAndValue() {
        Map<String, Object> r = adelie();
        r.put("Body Mass (g)", "heavy");
        assertThatThrownBy(() -> bundle.scorer().score(r)).isInstanceOf(ContractException.class)
                .hasMessage("Body Mass (g): 'heavy' is not an integer value");
    }

    @Test
    void inABatchOnlyTheBadRowIsRejectedAndEverythingIsCounted() {
        Map<String, Object> unseen = adelie();
        unseen.put("Island", "Anvers");
        Map<String, Object> far = adelie();
        far.put("Flipper Length (mm)", 400);
        Map<String, Object> missing = adelie();
        missing.put("Culmen Length (mm)", null);
        Map<String, Object> wrong = adelie();
        wrong.put("Culmen Depth (mm)", "deep");
        Violations v = new Violations();
        List<Scorer.Output> out = bundle.scorer().scoreRecords(List.of(adelie(), unseen, far, missing, wrong), v);
        assertThat(out).extracting(Scorer.Output::rejected).containsExactly(false, false, false, false, true);
        assertThat(out.get(0).label()).isEqualTo("Adelie");
        assertThat(out.get(4).error()).isEqualTo("Culmen Depth (mm): 'deep' is not a decimal value");
        assertThat(v.rows()).isEqualTo(5);
        assertThat(v.rejected()).isEqualTo(1);
        assertThat(v.columns().get("Island").unseen).isEqualTo(1);
        assertThat(v.columns().get("Flipper Length (mm)").outOfRange).isEqualTo(1);
        assertThat(v.columns().get("Culmen Length (mm)").missing).isEqualTo(1);
        assertThat(v.columns().get("Culmen Depth (mm)").wrongType).isEqualTo(1);
        assertThat(v.describe()).contains("5 rows: 4 scored, 1 rejected", "Island: 1 unseen category", "Flipper Length (mm): 1 outside the training range");
    }

    @Test
    void aMissingValueIsImputedAsInTraining() {
        // The fill step replaces a missing culmen length with the training median, 44.45, before the model sees it.
        Map<String, Object> missing = adelie();
        missing.put("Culmen Length (mm)", null);
        Map<String, Object> median = adelie();
        median.put("Culmen Length (mm)", 44.45);
        assertThat(bundle.scorer().score(missing)).isEqualTo(bundle.scorer().score(median));
        Map<String, Object> token = adelie();
        token.put("Culmen Length (mm)", "NA");
        assertThat(bundle.scorer().score(token)).isEqualTo(bundle.scorer().score(median));
    }

    @Test
    void stricterPoliciesRejectOrClip() {
        List<Contract.Input> inputs = new ArrayList<>();
        for (Contract.Input in : bundle.contract().inputs()) {
            inputs.add(new Contract.Input(in.name(), in.type(), true, in.categories(), in.min(), in.max(), in.minText(), in.maxText(),
                    Contract.Missing.REJECT, Contract.Unseen.REJECT,
                    in.name().startsWith("Flipper") ? Contract.OutOfRange.CLIP : Contract.OutOfRange.REJECT, Contract.WrongType.MISSING));
        }
        Contract strict = new Contract(bundle.contract().target(), bundle.contract().task(), bundle.contract().classes(),
                bundle.contract().missingTokens(), inputs);
        Scorer scorer = new Scorer(strict, bundle.recipe(), bundle.preparation(), bundle.model());
        Map<String, Object> unseen = adelie();
        unseen.put("Island", "Anvers");
        assertThatThrownBy(() -> scorer.score(unseen)).hasMessage("Island: 'Anvers' is a category the model never saw");
        Map<String, Object> missing = adelie();
        missing.put("Sex", null);
        assertThatThrownBy(() -> scorer.score(missing)).hasMessage("Sex is missing, and the contract requires a value");
        Map<String, Object> heavy = adelie();
        heavy.put("Body Mass (g)", 9000);
        assertThatThrownBy(() -> scorer.score(heavy)).hasMessage("Body Mass (g): 9000 is outside the training range 2700 to 6300");
        // Clipping: 400 mm scores like the longest flipper seen, 231 mm.
        Map<String, Object> far = adelie();
        far.put("Flipper Length (mm)", 400);
        Map<String, Object> longest = adelie();
        longest.put("Flipper Length (mm)", 231);
        assertThat(scorer.score(far)).isEqualTo(scorer.score(longest));
    }

    @Test
    void aYesNoColumnReadsYesAsTheCategoryTrueAlsoUnderTheStrictestPolicy() throws Exception {
        // Trained on "Yes"/"No" (typed as boolean, so the contract lists "false" and "true"): the same raw words at
        // scoring time are the known categories, not unseen ones.
        StringBuilder csv = new StringBuilder("member,visits,churn\n");
        for (int i = 0; i < 120; i++) {
            csv.append(i % 3 == 0 ? "Yes" : "No").append(',').append(i % 11).append(',').append(i % 3 == 0 ? "stay" : "leave").append('\n');
        }
        dev.baton.project.Project project = new dev.baton.project.Project();
        project.setData(dev.baton.testing.Tables.csv(csv.toString()));
        project.setLeaderboard(dev.baton.train.Experiment.run(project.dataset(), new dev.baton.train.TrainingSetup("churn",
                dev.baton.train.Task.CLASSIFICATION, List.of("member", "visits"), 0.2, 0, 1,
                List.of(dev.baton.train.AlgorithmChoice.of("logistic-regression")), null), dev.baton.train.Experiment.Listener.NONE, Progress.NONE));
        Path file = dir.resolve("yesno.baton");
        BundleExporter.export(Bundles.request(project, "logistic-regression"), file, Progress.NONE);
        Bundle yesNo = Bundle.open(file);
        assertThat(yesNo.contract().inputs().get(0).categories()).containsExactly("false", "true");
        List<Contract.Input> inputs = new ArrayList<>();
        for (Contract.Input in : yesNo.contract().inputs()) {
            inputs.add(new Contract.Input(in.name(), in.type(), true, in.categories(), in.min(), in.max(), in.minText(), in.maxText(),
                    Contract.Missing.IMPUTE, Contract.Unseen.REJECT, Contract.OutOfRange.SCORE, Contract.WrongType.REJECT));
        }
        Scorer strict = new Scorer(new Contract(yesNo.contract().target(), yesNo.contract().task(), yesNo.contract().classes(),
                yesNo.contract().missingTokens(), inputs), yesNo.recipe(), yesNo.preparation(), yesNo.model());
        Violations violations = new Violations();
        List<Scorer.Output> out = strict.scoreRows(List.of("member", "visits"),
                List.<String[]>of(new String[]{"Yes", "3"}, new String[]{"No", "4"}), violations);
        assertThat(out).allMatch(o -> o.error() == null);
        assertThat(out.get(0).label()).isEqualTo("stay");
        assertThat(out.get(1).label()).isEqualTo("leave");
        assertThat(violations.column("member").unseen).isZero();
    }

    @Test
    void datesAreReadWithTheLayoutOfTheTrainingDataWhateverTheBatch() throws Exception {
        // Trained on day-first dates (13/01/2020 leaves no doubt); a batch whose days are all 12 or less must not be read
        // month first: 05/08/2020 is the 5th of August (late in the year), not the 8th of May.
        StringBuilder csv = new StringBuilder("when,half\n");
        for (int m = 1; m <= 12; m++) {
            for (int d = 10; d <= 28; d += 3) {
                csv.append(String.format("%02d/%02d/2020", d, m)).append(',').append(m >= 7 ? "late" : "early").append('\n');
            }
        }
        dev.baton.project.Project project = new dev.baton.project.Project();
        project.setData(dev.baton.testing.Tables.csv(csv.toString()));
        assertThat(project.dataset().type("when")).isEqualTo(dev.baton.data.ColumnType.DATE);
        project.setLeaderboard(dev.baton.train.Experiment.run(project.dataset(), new dev.baton.train.TrainingSetup("half",
                dev.baton.train.Task.CLASSIFICATION, List.of("when"), 0.2, 0, 1,
                List.of(dev.baton.train.AlgorithmChoice.of("cart")), null), dev.baton.train.Experiment.Listener.NONE, Progress.NONE));
        Path file = dir.resolve("dates.baton");
        BundleExporter.export(Bundles.request(project, "cart"), file, Progress.NONE);
        Bundle dated = Bundle.open(file);
        assertThat(dated.contract().input("when").format()).isEqualTo("d/M/yyyy");
        Violations v = new Violations();
        List<Scorer.Output> out = dated.scorer().scoreRows(List.of("when"),
                List.<String[]>of(new String[]{"05/08/2020"}, new String[]{"03/02/2020"}, new String[]{"2020-08-05"}), v);
        assertThat(out).extracting(Scorer.Output::label).containsExactly("late", "early", "late");
        assertThat(v.rejected()).isZero();
    }
}
