package dev.baton.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * The benchmark dataset: a deterministic CSV of 12 columns (four integers, four decimals, three categorical,
 * a date and a yes/no column) with about 2% missing cells. Same rows and seed, same bytes.
 */
final class BenchData {

    static final String[] REGIONS = {"North", "South", "East", "West", "Central"};
    static final String[] SEGMENTS = {"consumer", "small business", "enterprise", "public sector", "education",
        "non-profit", "startup", "reseller"};
    static final String[] CHANNELS = {"web", "store", "phone", "partner"};

    private BenchData() {
    }

    static Path ensure(Path file, int rows) throws IOException {
        if (Files.exists(file)) {
            return file;
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        SplittableRandom random = new SplittableRandom(42);
        LocalDate epoch = LocalDate.of(2015, 1, 1);
        try (BufferedWriter out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
            out.write("id,age,visits,income,score,weight,temperature,region,segment,channel,signup_date,active\n");
            StringBuilder line = new StringBuilder(160);
            for (int r = 1; r <= rows; r++) {
                line.setLength(0);
                line.append(r);
                cell(line, random, () -> Integer.toString(18 + random.nextInt(73)));
                cell(line, random, () -> Integer.toString(random.nextInt(51)));
                cell(line, random, () -> String.format(java.util.Locale.ROOT, "%.2f", 15_000 + random.nextDouble() * 185_000));
                cell(line, random, () -> String.format(java.util.Locale.ROOT, "%.4f", random.nextDouble()));
                cell(line, random, () -> String.format(java.util.Locale.ROOT, "%.1f", 45 + random.nextGaussian() * 12));
                cell(line, random, () -> String.format(java.util.Locale.ROOT, "%.2f", random.nextGaussian() * 8 + 12));
                cell(line, random, () -> REGIONS[random.nextInt(REGIONS.length)]);
                cell(line, random, () -> SEGMENTS[random.nextInt(SEGMENTS.length)]);
                cell(line, random, () -> CHANNELS[random.nextInt(CHANNELS.length)]);
                cell(line, random, () -> epoch.plusDays(random.nextInt(3650)).toString());
                cell(line, random, () -> random.nextInt(3) == 0 ? "no" : "yes");
                line.append('\n');
                out.append(line);
            }
        }
        Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return file;
    }

    private static void cell(StringBuilder line, SplittableRandom random, java.util.function.Supplier<String> value) {
        line.append(',');
        // 2.2% of the eleven non-id columns: about 2% of all cells.
        if (random.nextInt(1000) < 22) {
            return;
        }
        line.append(value.get());
    }
}
