package dev.baton.bundle;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tribuo's linear models scored from their weights give their own predict's numbers to the last bit: the golden
 * examples the workbench wrote (through Tribuo's predict) come back exactly, not just within the tolerance.
 */
class LinearScoringTest {

    @ParameterizedTest
    @ValueSource(strings = {"v1-fast-training/classification-logistic-regression.baton", "v1-fast-training/regression-linear-regression.baton",
            "v1/classification-linear-sgd-log.baton", "v1/classification-linear-sgd-hinge.baton", "v1/classification-logistic-regression.baton"})
    void linearModelsScoreTheirGoldenExamplesExactly(String name) {
        Bundle bundle = Bundle.open(FixtureScoringTest.ROOT.resolve(Path.of(name)));
        assertThat(dev.baton.train.LinearScoring.of(bundle.model(), bundle.preparation().names(), bundle.contract().task(),
                bundle.contract().classes())).as("scored from its weights").isNotNull();
        List<String> header = new ArrayList<>();
        List<String[]> rows = GoldenExamples.readInputs(bundle.text(BundleFormat.EXAMPLES_INPUT), header,
                new HashSet<>(bundle.contract().missingTokens()));
        List<GoldenExamples.Expected> expected = GoldenExamples.readExpected(bundle.contract(), bundle.text(BundleFormat.EXAMPLES_EXPECTED));
        List<Scorer.Output> actual = bundle.scorer().scoreRows(header, rows, new Violations());
        for (int r = 0; r < rows.size(); r++) {
            GoldenExamples.Expected e = expected.get(r);
            Scorer.Output a = actual.get(r);
            assertThat(a.label()).as("row %d", r).isEqualTo(e.label());
            assertThat(a.value()).as("row %d", r).isEqualTo(e.value());
            assertThat(a.probabilities()).as("row %d", r).isEqualTo(e.probabilities());
        }
    }
}
