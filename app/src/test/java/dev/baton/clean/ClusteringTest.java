package dev.baton.clean;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Keys and clusters checked against OpenRefine's documented behaviour. */
class ClusteringTest {

    @Test
    void fingerprintIgnoresCaseOrderPunctuationAndAccents() {
        // OpenRefine docs: "Tom Cruise", "Cruise, Tom", "tom cruise." all have the key "cruise tom".
        assertThat(Clustering.fingerprint("Tom Cruise")).isEqualTo("cruise tom");
        assertThat(Clustering.fingerprint("Cruise, Tom")).isEqualTo("cruise tom");
        assertThat(Clustering.fingerprint(" tom  cruise. ")).isEqualTo("cruise tom");
        assertThat(Clustering.fingerprint("Gödel")).isEqualTo("godel");
    }

    @Test
    void ngramFingerprint() {
        // "Paris" -> bigrams ar, is, pa, ri sorted and joined.
        assertThat(Clustering.ngramFingerprint("Paris", 2)).isEqualTo("arispari");
        assertThat(Clustering.ngramFingerprint("P aris", 2)).isEqualTo(Clustering.ngramFingerprint("paris", 2));
    }

    @Test
    void levenshteinDistance() {
        assertThat(Clustering.levenshtein("kitten", "sitting", 10)).isEqualTo(3);
        assertThat(Clustering.levenshtein("flaw", "lawn", 10)).isEqualTo(2);
        assertThat(Clustering.levenshtein("abc", "xyzw", 1)).isEqualTo(2);
    }

    private static Map<String, Integer> counts(Object... pairs) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], (Integer) pairs[i + 1]);
        }
        return m;
    }

    @Test
    void keyCollisionGroupsSpellingsMostFrequentFirst() {
        List<Clustering.Cluster> clusters = Clustering.find(
                counts("New York", 10, "new york", 3, "York, New", 1, "Boston", 5), Clustering.Method.FINGERPRINT, 2, 1);
        assertThat(clusters).hasSize(1);
        assertThat(clusters.get(0).suggested()).isEqualTo("New York");
        assertThat(clusters.get(0).values()).extracting(Clustering.ValueCount::value).containsExactly("New York", "new york", "York, New");
        assertThat(clusters.get(0).rows()).isEqualTo(14);
    }

    @Test
    void nearestNeighboursFindTypos() {
        List<Clustering.Cluster> clusters = Clustering.find(
                counts("Turkey vulture", 20, "Turkey vultur", 2, "Rock pigeon", 9, "Rock pidgeon", 1, "Gull", 3), Clustering.Method.LEVENSHTEIN, 2, 1);
        assertThat(clusters).hasSize(2);
        assertThat(clusters).extracting(Clustering.Cluster::suggested).containsExactlyInAnyOrder("Turkey vulture", "Rock pigeon");
    }

    @Test
    void acceptedClustersBecomeAMergeStep() {
        Clustering.Cluster c = new Clustering.Cluster(List.of(new Clustering.ValueCount("Paris", 5), new Clustering.ValueCount("paris", 1)));
        MergeValues step = Clustering.mergeStep("city", Map.of(c, "Paris"));
        assertThat(step.mapping()).containsExactly(Map.entry("paris", "Paris"));
    }
}
