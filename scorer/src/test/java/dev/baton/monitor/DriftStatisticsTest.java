package dev.baton.monitor;

import dev.baton.bundle.ReferenceProfile;
import dev.baton.bundle.Distributions;
import dev.baton.train.MetricIntervals;
import dev.baton.bundle.ReferenceProfile.Numeric;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Each statistic against values worked out by hand (the working is in the comments) or given by scipy. */
class DriftStatisticsTest {

    @Test
    void psiIsTheSumOfShareDifferencesTimesTheirLogRatio() {
        // shares ref (.5, .3, .2), cur (.3, .3, .4): -.2 ln(.6) + 0 + .2 ln 2 = .102165 + .138629 = .240795
        assertThat(DriftStatistics.psi(new long[]{50, 30, 20}, new long[]{30, 30, 40})).isCloseTo(0.240795, within(1e-6));
        assertThat(DriftStatistics.psi(new long[]{5, 3, 2}, new long[]{50, 30, 20})).isCloseTo(0, within(1e-12));
    }

    @Test
    void anEmptyBinCountsAsTheFloorShare() {
        // ref (1, 0 -> 1e-4), cur (.5, .5): -.5 ln .5 + (.5 - 1e-4) ln(.5 / 1e-4) = .346574 + .4999 * 8.517193 = 4.604318
        assertThat(DriftStatistics.psi(new long[]{10, 0}, new long[]{5, 5})).isCloseTo(4.604318, within(1e-5));
    }

    @Test
    void jensenShannonDistanceIsScipys() {
        // scipy.spatial.distance.jensenshannon([.5, .5, 0], [0, .5, .5]) = 0.5887050112577373 (sqrt(ln 2 / 2))
        assertThat(DriftStatistics.jensenShannon(new long[]{1, 1, 0}, new long[]{0, 1, 1})).isCloseTo(0.5887050112577373, within(1e-12));
        assertThat(DriftStatistics.jensenShannon(new long[]{2, 0}, new long[]{0, 3})).isCloseTo(Math.sqrt(Math.log(2)), within(1e-12));
        assertThat(DriftStatistics.jensenShannon(new long[]{2, 6}, new long[]{1, 3})).isCloseTo(0, within(1e-12));
    }

    @Test
    void wassersteinIsScipysDividedByNumpysStd() {
        // scipy.stats.wasserstein_distance([1, 2, 3, 4], [2, 3, 4, 5]) = 1.0; np.std([1, 2, 3, 4]) = 1.118034 (ddof 0)
        Numeric ref = Distributions.quantileBins(new double[]{1, 2, 3, 4}, 4);
        NumericTally cur = new NumericTally(ref);
        for (double v : new double[]{2, 3, 4, 5}) {
            cur.add(v);
        }
        assertThat(DriftStatistics.wasserstein(ref, cur.current(), cur.belowMin(), cur.aboveMax())).isCloseTo(1.0 / 1.118033988749895, within(1e-12));
        // wasserstein_distance([0, 0, 10, 10], [-5, 0, 10, 10]) = 1.25 (one value moved 5 to the left of the reference's minimum, / 4)
        Numeric two = Distributions.quantileBins(new double[]{0, 0, 10, 10}, 4);
        NumericTally left = new NumericTally(two);
        for (double v : new double[]{-5, 0, 10, 10}) {
            left.add(v);
        }
        assertThat(DriftStatistics.wasserstein(two, left.current(), left.belowMin(), left.aboveMax()) * 5).isCloseTo(1.25, within(1e-12));
    }

    @Test
    void theNoiseBoundIsTheChiSquaredPercentileOverTheRowCounts() {
        // chi-squared 99.9th percentiles (scipy.stats.chi2.ppf(.999, k)): k=1 10.828, k=4 18.467, k=20 45.315;
        // Wilson-Hilferty errs high by at most 3%
        assertThat(DriftStatistics.chiSquared999(1)).isBetween(10.828, 10.828 * 1.035);
        assertThat(DriftStatistics.chiSquared999(4)).isBetween(18.467, 18.467 * 1.015);
        assertThat(DriftStatistics.chiSquared999(20)).isBetween(45.315, 45.315 * 1.005);
        assertThat(DriftStatistics.psiNoise(21, 1000, 1000)).isBetween(45.315 * 0.002, 45.315 * 0.002 * 1.005);
    }

    @Test
    void missingSharesDifferOnlyBeyondSampling() {
        // 2% vs 3% of 200 rows: z = 0.64, chance; 2% vs 30% of 10,000 rows: z far past 3.29
        assertThat(DriftStatistics.sharesDiffer(4, 200, 6, 200)).isFalse();
        assertThat(DriftStatistics.sharesDiffer(200, 10_000, 3000, 10_000)).isTrue();
    }

    @Test
    void quantileBinsAreClosedOnTheRightAndHoldEqualShares() {
        double[] v = new double[100];
        for (int i = 0; i < 100; i++) {
            v[i] = 100 - i; // 1..100, unsorted
        }
        Numeric n = Distributions.quantileBins(v, 4);
        assertThat(n.edges()).containsExactly(25, 50, 75);
        assertThat(n.counts()).containsExactly(25, 25, 25, 25);
        assertThat(Distributions.bin(n.edges(), 25)).isZero();
        assertThat(Distributions.bin(n.edges(), 25.5)).isEqualTo(1);
        assertThat(Distributions.bin(n.edges(), 101)).isEqualTo(3);
        assertThat(n.mean()).isEqualTo(50.5);
        assertThat(n.std()).isCloseTo(29.011491975882016, within(1e-12)); // np.std(range(1, 101), ddof=1)
        assertThat(n.points()).hasSize(100);
        assertThat(n.atOrBelow()[24]).isEqualTo(0.25);
        // repeated values merge edges: a column of years has a bin per year
        Numeric years = Distributions.quantileBins(new double[]{2007, 2007, 2008, 2008, 2009, 2009}, 20);
        assertThat(years.edges()).containsExactly(2007, 2008, 2009);
        assertThat(years.counts()).containsExactly(2, 2, 2, 0);
    }

    @Test
    void aTallyKeepsExactMomentsInFixedMemory() {
        Numeric ref = Distributions.quantileBins(new double[]{10, 20, 30, 40, 50}, 5);
        NumericTally t = new NumericTally(ref);
        double[] values = {12, 18, 33, 47, 51, 60};
        for (double v : values) {
            t.add(v);
        }
        t.add(Double.NaN);
        Numeric cur = t.current();
        assertThat(cur.count()).isEqualTo(6);
        assertThat(t.missing()).isEqualTo(1);
        assertThat(cur.mean()).isCloseTo(36.833333333333336, within(1e-12));
        assertThat(cur.std()).isCloseTo(19.11456687101925, within(1e-9)); // statistics.stdev(values)
        // edges 10, 20, 30, 40: (-inf,10] none; (10,20] 12 18; (20,30] none; (30,40] 33; (40,inf) 47 51 60
        assertThat(cur.counts()).containsExactly(0, 2, 0, 1, 3);
        assertThat(cur.min()).isEqualTo(12);
        assertThat(cur.max()).isEqualTo(60);
    }

    @Test
    void thresholdsAreSetByKeyAndBadOnesAreNamed() {
        DriftThresholds t = DriftThresholds.parse(java.util.List.of("psi-drift=0.3", "min-rows=500"));
        assertThat(t.psiDrift()).isEqualTo(0.3);
        assertThat(t.minRows()).isEqualTo(500);
        assertThat(t.psiWatch()).isEqualTo(0.1);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> DriftThresholds.parse(java.util.List.of("psi=0.3")))
                .hasMessageContaining("there is no threshold 'psi'");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> DriftThresholds.parse(java.util.List.of("psi-watch=abc")))
                .hasMessageContaining("needs a number, not 'abc'");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> DriftThresholds.parse(java.util.List.of("psi-watch=0.5")))
                .hasMessageContaining("above its 'drift' threshold");
    }

    @Test
    void wilsonsIntervalIsTheTextbooks() {
        // Wilson: (p + z²/2n ± z sqrt(p(1-p)/n + z²/4n²)) / (1 + z²/n) with z = 1.959964: (0.825634, 0.944771)
        dev.baton.train.MetricEstimate e = MetricIntervals.wilson(0.9, 100);
        assertThat(e.low()).isCloseTo(0.825634, within(1e-6));
        assertThat(e.high()).isCloseTo(0.944771, within(1e-6));
        assertThat(e.se()).isCloseTo((0.944771 - 0.825634) / 2 / 1.959964, within(1e-6)); // the half-width in standard errors
        // every held-out row right: Wilson's interval still has a width, so its standard error is not 0
        assertThat(MetricIntervals.wilson(1.0, 69).low()).isCloseTo(0.9473, within(1e-4)); // 69 / (69 + z²) = 0.94727
        assertThat(MetricIntervals.wilson(1.0, 69).se()).isPositive();
    }
}
