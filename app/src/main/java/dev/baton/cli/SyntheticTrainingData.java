package dev.baton.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The training benchmark's second dataset, generated with a fixed seed (same rows, same bytes): 8 features, of
 * which {@code store} is a category of 100 levels with a share of rows falling like 1/rank, and four columns have
 * 3-12% missing cells. Two targets: {@code segment} (3 classes from a multinomial logit of the features and a
 * per-store effect) and {@code spend} (a number: linear terms, a store effect, an interaction, a step, and noise).
 */
final class SyntheticTrainingData {

    static final int STORES = 100;
    private static final String[] CHANNELS = {"web", "store", "phone", "partner"};
    private static final String[] SEGMENTS = {"bronze", "silver", "gold"};

    private SyntheticTrainingData() {
    }

    static Path ensure(Path file, int rows) throws IOException {
        if (Files.exists(file)) {
            return file;
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        SplittableRandom random = new SplittableRandom(2026);
        double[] storeEffect = new double[STORES];
        double[] storeShare = new double[STORES];
        double harmonic = 0;
        for (int s = 0; s < STORES; s++) {
            storeEffect[s] = random.nextGaussian();
            harmonic += 1.0 / (s + 1);
        }
        double cumulative = 0;
        for (int s = 0; s < STORES; s++) {
            cumulative += 1.0 / (s + 1) / harmonic;
            storeShare[s] = cumulative;
        }
        try (BufferedWriter out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
            out.write("age,income,visits,tenure,score,discount,store,channel,segment,spend\n");
            for (int r = 0; r < rows; r++) {
                double age = Math.max(18, Math.min(90, 40 + 12 * random.nextGaussian()));
                double income = Math.exp(10.5 + 0.5 * random.nextGaussian());
                int visits = (int) Math.min(30, -Math.log(1 - random.nextDouble()) * 4);
                double tenure = 10 * random.nextDouble();
                double score = random.nextGaussian();
                double discount = random.nextInt(5) * 0.05;
                double u = random.nextDouble();
                int store = 0;
                while (store < STORES - 1 && u > storeShare[store]) {
                    store++;
                }
                int channel = random.nextInt(CHANNELS.length);
                double z = (age - 40) / 12;
                double w = (Math.log(income) - 10.5) / 0.5;
                double[] logits = {0, 0.8 * w + 0.3 * visits / 4.0 + 0.5 * storeEffect[store] - 0.4 * channel + 0.6 * score,
                    1.4 * w + 0.6 * z * w + 0.7 * storeEffect[store] + (tenure > 5 ? 0.8 : -0.3) - 0.2 * channel};
                int segment = draw(logits, random);
                double spend = 200 + 35 * w + 12 * visits + 60 * storeEffect[store] + 25 * z * w + (tenure > 5 ? 80 : 0)
                        - 300 * discount + 30 * channel + 40 * random.nextGaussian();
                StringBuilder line = new StringBuilder(120);
                line.append(missing(random, 0.08) ? "" : fmt(age)).append(',')
                        .append(missing(random, 0.12) ? "" : fmt(income)).append(',')
                        .append(visits).append(',')
                        .append(missing(random, 0.05) ? "" : fmt(tenure)).append(',')
                        .append(fmt(score)).append(',')
                        .append(fmt(discount)).append(',')
                        .append(missing(random, 0.03) ? "" : String.format(Locale.ROOT, "S%03d", store)).append(',')
                        .append(CHANNELS[channel]).append(',')
                        .append(SEGMENTS[segment]).append(',')
                        .append(fmt(spend)).append('\n');
                out.write(line.toString());
            }
        }
        Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return file;
    }

    private static boolean missing(SplittableRandom random, double share) {
        return random.nextDouble() < share;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    private static int draw(double[] logits, SplittableRandom random) {
        double max = Double.NEGATIVE_INFINITY;
        for (double l : logits) {
            max = Math.max(max, l);
        }
        double sum = 0;
        double[] p = new double[logits.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = Math.exp(logits[i] - max);
            sum += p[i];
        }
        double u = random.nextDouble() * sum;
        for (int i = 0; i < p.length; i++) {
            u -= p[i];
            if (u <= 0) {
                return i;
            }
        }
        return p.length - 1;
    }
}
