package dev.baton.testing;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A generated dataset of the size and shape real work brings: 50,000 shop orders in 40 columns of every type,
 * with missing values, a 100-level category (the store) and a three-class outcome that depends on a few columns,
 * so that models have something to learn. Seeded: the same file every time. The figures a test checks are
 * computed here, as the rows are written, independently of Baton.
 */
public final class ShopData {

    public static final int ROWS = 50_000;
    public static final List<String> OUTCOMES = List.of("churned", "loyal", "occasional");

    /** Statistics of columns, computed while writing them. */
    public record Facts(double deliveryKmMean, double deliveryKmMedian, long deliveryKmMissing, long[] outcomeCounts,
                        double basketMin, double basketMax) {
    }

    private ShopData() {
    }

    public static Facts write(Path file) throws IOException {
        SplittableRandom random = new SplittableRandom(2026);
        List<String> header = new ArrayList<>(List.of("order_id", "store", "region", "channel", "segment", "payment", "device",
                "basket_value", "delivery_km", "items", "discount_pct", "visits_30d", "age", "tenure_months", "rating",
                "returns", "support_calls", "pages_viewed", "session_min", "coupon_used", "newsletter", "premium",
                "first_order", "last_order", "signup", "notes", "weight_kg", "height_cm", "income_k", "score_a", "score_b",
                "score_c", "score_d", "score_e", "clicks", "cart_adds", "wishlist", "shipping_days", "year", "outcome"));
        if (header.size() != 40) {
            throw new IllegalStateException(header.size() + " columns");
        }
        String[] regions = {"north", "south", "east", "west", "central"};
        String[] channels = {"web", "app", "phone"};
        String[] segments = {"consumer", "business", "student", "senior"};
        String[] payments = {"card", "paypal", "invoice", "cash"};
        String[] devices = {"desktop", "mobile", "tablet"};
        String[] notes = {"", "gift", "leave at door", "call first", "fragile"};
        double[] km = new double[ROWS];
        int kmCount = 0;
        long kmMissing = 0;
        long[] outcomes = new long[3];
        double basketMin = Double.POSITIVE_INFINITY;
        double basketMax = Double.NEGATIVE_INFINITY;
        LocalDate start = LocalDate.of(2020, 1, 1);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(String.join(",", header));
            out.write('\n');
            for (int r = 0; r < ROWS; r++) {
                int store = random.nextInt(100);
                double basket = Math.round(Math.exp(3 + random.nextDouble() * 3) * 100) / 100.0;
                boolean kmGap = random.nextInt(20) == 0;
                double delivery = Math.round(random.nextDouble() * 800) / 10.0;
                int visits = random.nextInt(30);
                int tenure = random.nextInt(120);
                boolean premium = random.nextInt(4) == 0;
                // The outcome: loyal with many visits and a long tenure, churned with few visits and far deliveries.
                double loyalty = visits / 10.0 + tenure / 40.0 + (premium ? 1 : 0) + (store % 10) / 10.0 - delivery / 60.0
                        + random.nextDouble() * 1.5;
                int outcome = loyalty > 3.2 ? 1 : loyalty < 1.6 ? 0 : 2;
                outcomes[outcome]++;
                basketMin = Math.min(basketMin, basket);
                basketMax = Math.max(basketMax, basket);
                if (kmGap) {
                    kmMissing++;
                } else {
                    km[kmCount++] = delivery;
                }
                LocalDate first = start.plusDays(random.nextInt(1500));
                List<String> cells = new ArrayList<>(40);
                cells.add(Integer.toString(r + 1));
                cells.add(String.format(Locale.ROOT, "s%03d", store));
                cells.add(random.nextInt(25) == 0 ? "" : regions[random.nextInt(regions.length)]);
                cells.add(channels[random.nextInt(channels.length)]);
                cells.add(segments[random.nextInt(segments.length)]);
                cells.add(payments[random.nextInt(payments.length)]);
                cells.add(devices[random.nextInt(devices.length)]);
                cells.add(String.format(Locale.ROOT, "%.2f", basket));
                cells.add(kmGap ? "" : String.format(Locale.ROOT, "%.1f", delivery));
                cells.add(Integer.toString(1 + random.nextInt(12)));
                cells.add(random.nextInt(10) == 0 ? "" : Integer.toString(random.nextInt(50)));
                cells.add(Integer.toString(visits));
                cells.add(Integer.toString(18 + random.nextInt(70)));
                cells.add(Integer.toString(tenure));
                cells.add(random.nextInt(8) == 0 ? "" : Integer.toString(1 + random.nextInt(5)));
                cells.add(Integer.toString(random.nextInt(4)));
                cells.add(Integer.toString(random.nextInt(6)));
                cells.add(Integer.toString(random.nextInt(200)));
                cells.add(String.format(Locale.ROOT, "%.1f", random.nextDouble() * 90));
                cells.add(random.nextBoolean() ? "true" : "false");
                cells.add(random.nextBoolean() ? "yes" : "no");
                cells.add(premium ? "true" : "false");
                cells.add(first.toString());
                cells.add(first.plusDays(random.nextInt(300)).toString());
                cells.add(random.nextInt(30) == 0 ? "" : first.minusDays(random.nextInt(400)).toString());
                cells.add(notes[random.nextInt(notes.length)]);
                cells.add(String.format(Locale.ROOT, "%.1f", 45 + random.nextDouble() * 60));
                cells.add(String.format(Locale.ROOT, "%.0f", 150 + random.nextDouble() * 50));
                cells.add(random.nextInt(15) == 0 ? "" : String.format(Locale.ROOT, "%.1f", 20 + random.nextDouble() * 180));
                for (int s = 0; s < 5; s++) {
                    cells.add(String.format(Locale.ROOT, "%.4f", random.nextDouble()));
                }
                cells.add(Integer.toString(random.nextInt(500)));
                cells.add(Integer.toString(random.nextInt(20)));
                cells.add(Integer.toString(random.nextInt(10)));
                cells.add(Integer.toString(1 + random.nextInt(9)));
                cells.add(Integer.toString(2018 + random.nextInt(7)));
                cells.add(OUTCOMES.get(outcome));
                out.write(String.join(",", cells));
                out.write('\n');
            }
        }
        double[] sorted = java.util.Arrays.copyOf(km, kmCount);
        java.util.Arrays.sort(sorted);
        double mean = java.util.Arrays.stream(sorted).sum() / kmCount;
        double median = kmCount % 2 == 1 ? sorted[kmCount / 2] : (sorted[kmCount / 2 - 1] + sorted[kmCount / 2]) / 2;
        return new Facts(mean, median, kmMissing, outcomes, basketMin, basketMax);
    }
}
