package dev.baton.clean;

import dev.baton.testing.Tables;

import dev.baton.data.ColumnType;
import dev.baton.data.Dataset;
import dev.baton.util.Json;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * Every operation tested four ways (after OpenRefine's operation tests): JSON round trip, a validation error,
 * applied to a tiny table, and compared with the expected table, worked out by hand.
 */
class OperationsTest {

    /** An operation, a tiny input, the expected output, an invalid variant and a fragment of its message. */
    record Case(Operation op, String input, String expected, Operation invalid, String error) {
    }

    private static final String PEOPLE = """
            name,age,city,score
            Ann,34,Paris,1.5
            Bob,NA,London,2.5
            Cy,51,Paris,NA
            Dee,28, Oslo ,4.0
            """;

    static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        cases.add(new Case(new DropColumns(List.of("city", "score")), PEOPLE,
                "name,age\nAnn,34\nBob,NA\nCy,51\nDee,28\n",
                new DropColumns(List.of("nope")), "no column 'nope'"));
        cases.add(new Case(new KeepColumns(List.of("score", "name")), PEOPLE,
                "name,score\nAnn,1.5\nBob,2.5\nCy,NA\nDee,4.0\n",
                new KeepColumns(List.of()), "at least one column"));
        cases.add(new Case(new RenameColumn("age", "years"), PEOPLE,
                "name,years,city,score\nAnn,34,Paris,1.5\nBob,NA,London,2.5\nCy,51,Paris,NA\nDee,28, Oslo ,4.0\n",
                new RenameColumn("age", "NAME"), "already a column 'name'"));
        cases.add(new Case(new ReorderColumns(List.of("score", "age")), PEOPLE,
                "score,age,name,city\n1.5,34,Ann,Paris\n2.5,NA,Bob,London\nNA,51,Cy,Paris\n4.0,28,Dee, Oslo \n",
                new ReorderColumns(List.of("age", "age")), "listed twice"));
        cases.add(new Case(new ChangeType("city", ColumnType.INTEGER), "city,n\n12,1\nx,2\n7,3\n",
                "city,n\n12,1\nNA,2\n7,3\n",
                new ChangeType("city", null), "choose the type"));
        cases.add(new Case(new SplitColumn("when", "-", false, List.of("y", "m"), false), "when,n\n2007-11,1\n2008-12,2\nNA,3\n",
                "y,m,n\n2007,11,1\n2008,12,2\nNA,NA,3\n",
                new SplitColumn("when", "", false, List.of("y", "m"), false), "separator cannot be empty"));
        cases.add(new Case(new ExtractText("species", ExtractText.Mode.REGEX, "\\((\\w+) (\\w+)\\)", 2, "latin"),
                "species,n\nAdelie Penguin (Pygoscelis adeliae),1\nGentoo penguin (Pygoscelis papua),2\nodd,3\n",
                "species,latin,n\nAdelie Penguin (Pygoscelis adeliae),adeliae,1\nGentoo penguin (Pygoscelis papua),papua,2\nodd,NA,3\n",
                new ExtractText("species", ExtractText.Mode.REGEX, "(a", 1, null), "not a valid regular expression"));
        cases.add(new Case(new CombineColumns(List.of("name", "city"), " from ", "who"), PEOPLE,
                "name,age,city,who,score\nAnn,34,Paris,Ann from Paris,1.5\nBob,NA,London,Bob from London,2.5\nCy,51,Paris,Cy from Paris,NA\nDee,28, Oslo ,Dee from  Oslo ,4.0\n",
                new CombineColumns(List.of("name"), "-", "x"), "at least two columns"));
        cases.add(new Case(new DeriveColumn("older", "age + 10"), PEOPLE,
                "name,age,city,score,older\nAnn,34,Paris,1.5,44\nBob,NA,London,2.5,NA\nCy,51,Paris,NA,61\nDee,28, Oslo ,4.0,38\n",
                new DeriveColumn("x", " "), "expression cannot be empty"));
        cases.add(new Case(new DropMissingRows(List.of("age")), PEOPLE,
                "name,age,city,score\nAnn,34,Paris,1.5\nCy,51,Paris,NA\nDee,28, Oslo ,4.0\n",
                new DropMissingRows(List.of("nope")), "no column 'nope'"));
        cases.add(new Case(new FillMissing(List.of("age"), FillMissing.Method.MEDIAN, null), PEOPLE,
                "name,age,city,score\nAnn,34,Paris,1.5\nBob,34,London,2.5\nCy,51,Paris,NA\nDee,28, Oslo ,4.0\n",
                new FillMissing(List.of("age"), FillMissing.Method.CONSTANT, ""), "enter the value"));
        cases.add(new Case(new FillMissing(List.of("score"), FillMissing.Method.FORWARD, null), PEOPLE,
                "name,age,city,score\nAnn,34,Paris,1.5\nBob,NA,London,2.5\nCy,51,Paris,2.5\nDee,28, Oslo ,4.0\n",
                new FillMissing(List.of(), FillMissing.Method.FORWARD, null), "at least one column"));
        cases.add(new Case(new MissingIndicator("score", null), PEOPLE,
                "name,age,city,score,score_was_missing\nAnn,34,Paris,1.5,false\nBob,NA,London,2.5,false\nCy,51,Paris,NA,true\nDee,28, Oslo ,4.0,false\n",
                new MissingIndicator(" ", null), "cannot be empty"));
        cases.add(new Case(new FilterRows("age >= 30 and city == 'Paris'", false), PEOPLE,
                "name,age,city,score\nAnn,34,Paris,1.5\nCy,51,Paris,NA\n",
                new FilterRows("", false), "condition cannot be empty"));
        cases.add(new Case(new RemoveDuplicates(List.of("city")), PEOPLE,
                "name,age,city,score\nAnn,34,Paris,1.5\nBob,NA,London,2.5\nDee,28, Oslo ,4.0\n",
                new RemoveDuplicates(List.of("nope")), "no column 'nope'"));
        cases.add(new Case(new SampleRows(4, null, 7), PEOPLE,
                PEOPLE,
                new SampleRows(null, null, 7), "either a number of rows or a fraction"));
        cases.add(new Case(new SortRows("age", true), PEOPLE,
                "name,age,city,score\nCy,51,Paris,NA\nAnn,34,Paris,1.5\nDee,28, Oslo ,4.0\nBob,NA,London,2.5\n",
                new SortRows(null, false), "cannot be empty"));
        cases.add(new Case(new TrimText(List.of("city")), PEOPLE,
                "name,age,city,score\nAnn,34,Paris,1.5\nBob,NA,London,2.5\nCy,51,Paris,NA\nDee,28,Oslo,4.0\n",
                new TrimText(List.of()), "at least one column"));
        cases.add(new Case(new ChangeCase(List.of("name"), ChangeCase.Case.UPPER), PEOPLE,
                "name,age,city,score\nANN,34,Paris,1.5\nBOB,NA,London,2.5\nCY,51,Paris,NA\nDEE,28, Oslo ,4.0\n",
                new ChangeCase(List.of("name"), null), "lower, upper or title"));
        cases.add(new Case(new ReplaceText("city", "([aeiou])", "<$1>", true), PEOPLE,
                "name,age,city,score\nAnn,34,P<a>r<i>s,1.5\nBob,NA,L<o>nd<o>n,2.5\nCy,51,P<a>r<i>s,NA\nDee,28, Osl<o> ,4.0\n",
                new ReplaceText("city", "", "x", false), "text to find"));
        cases.add(new Case(new MapValues("city", Map.of("Paris", "FR", "London", "UK"), true), PEOPLE,
                "name,age,city,score\nAnn,34,FR,1.5\nBob,NA,UK,2.5\nCy,51,FR,NA\nDee,28,NA,4.0\n",
                new MapValues("city", Map.of(), false), "at least one value"));
        cases.add(new Case(new MergeRare("city", 2, null, "Other"), PEOPLE,
                "name,age,city,score\nAnn,34,Paris,1.5\nBob,NA,Other,2.5\nCy,51,Paris,NA\nDee,28,Other,4.0\n",
                new MergeRare("city", 2, 0.5, null), "either a minimum count or a minimum fraction"));
        cases.add(new Case(new MergeValues("c", ordered("paris", "Paris", "PARIS", "Paris")), "c,n\nParis,1\nparis,2\nPARIS,3\nOslo,4\n",
                "c,n\nParis,1\nParis,2\nParis,3\nOslo,4\n",
                new MergeValues("c", Map.of()), "no values to merge"));
        cases.add(new Case(Clip.bounds("age", 30.0, 50.0), PEOPLE,
                "name,age,city,score\nAnn,34,Paris,1.5\nBob,NA,London,2.5\nCy,50,Paris,NA\nDee,30, Oslo ,4.0\n",
                Clip.bounds("age", 50.0, 30.0), "above the upper bound"));
        // Scores 1.5, 2.5, 4.0: Q1 = 2, Q3 = 3.25, IQR = 1.25; with k = 0.5 the bounds are 1.375 and 3.875.
        cases.add(new Case(new RemoveOutliers("score", RemoveOutliers.Method.IQR, 0.5), PEOPLE,
                "name,age,city,score\nAnn,34,Paris,1.5\nBob,NA,London,2.5\nCy,51,Paris,NA\n",
                new RemoveOutliers("score", RemoveOutliers.Method.IQR, -1.0), "factor must be positive"));
        cases.add(new Case(new RoundNumbers("v", 1), "v\n1.25\n-1.25\n2.04\nNA\n",
                "v\n1.3\n-1.3\n2.0\nNA\n",
                new RoundNumbers("v", 99), "between -15 and 15"));
        cases.add(new Case(new BinNumbers("age", List.of(0.0, 30.0, 50.0, 100.0), null, "band"), PEOPLE,
                "name,age,band,city,score\nAnn,34,\"[30, 50)\",Paris,1.5\nBob,NA,NA,London,2.5\nCy,51,\"[50, 100]\",Paris,NA\nDee,28,\"[0, 30)\", Oslo ,4.0\n",
                new BinNumbers("age", List.of(5.0, 1.0), null, null), "edges must increase"));
        cases.add(new Case(new LogTransform("v", "10", false, null), "v\n1\n100\n0\n1000\n",
                "v\n0.0\n2.0\nNA\n3.0\n",
                new LogTransform("v", "7", false, null), "base is e, 10 or 2"));
        // 1, 2, 3: mean 2, sample sd 1.
        cases.add(new Case(new Standardize("v"), "v\n1\n2\n3\nNA\n",
                "v\n-1.0\n0.0\n1.0\nNA\n",
                new Standardize(null), "cannot be empty"));
        cases.add(new Case(new ParseDate("d", "dd/MM/yyyy", null), "d,n\n03/04/2021,1\n31/12/1999,2\nsoon,3\n",
                "d,n\n2021-04-03,1\n1999-12-31,2\nNA,3\n",
                new ParseDate("d", "yyyy-qq-ppp", null), "not valid"));
        cases.add(new Case(new DatePart("d", DatePart.Part.WEEKDAY, "wd"), "d\n2024-01-01\n2024-01-07\nNA\n",
                "d,wd\n2024-01-01,1\n2024-01-07,7\nNA,NA\n",
                new DatePart("d", null, null), "which part"));
        return cases;
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }

    @TestFactory
    Stream<DynamicTest> everyOperationFourWays() {
        return cases().stream().flatMap(c -> {
            String name = Operations.name(c.op());
            return Stream.of(
                    dynamicTest(name + ": JSON round trip", () -> {
                        String json = Json.mapper().writeValueAsString(c.op());
                        assertThat(json).contains("\"op\" : \"" + name + "\"");
                        Operation back = Json.mapper().readValue(json, Operation.class);
                        assertThat(back).isEqualTo(c.op());
                        Operation fitted = Steps.fit(c.op(), Tables.csv(c.input()));
                        assertThat(Json.mapper().readValue(Json.mapper().writeValueAsString(fitted), Operation.class)).isEqualTo(fitted);
                    }),
                    dynamicTest(name + ": validation", () -> {
                        Dataset input = Tables.csv(c.input());
                        assertThatThrownBy(() -> {
                            c.invalid().check();
                            Steps.apply(Steps.fit(c.invalid(), input), input);
                        }).isInstanceOf(StepException.class).hasMessageContaining(c.error());
                    }),
                    dynamicTest(name + ": applies to a tiny table", () -> {
                        Dataset input = Tables.csv(c.input());
                        Dataset output = Steps.apply(Steps.fit(c.op(), input), input);
                        assertThat(output.rowCount()).isPositive();
                        assertThat(Tables.rows(input)).as("the input is never changed").isEqualTo(Tables.rows(Tables.csv(c.input())));
                    }),
                    dynamicTest(name + ": gives the expected table", () -> {
                        Dataset input = Tables.csv(c.input());
                        Dataset output = Steps.apply(Steps.fit(c.op(), input), input);
                        assertThat(Tables.rows(output)).containsExactlyElementsOf(Tables.rows(Tables.csv(c.expected())));
                    }));
        });
    }

    @Test
    void everyOperationHasACase() {
        List<String> covered = cases().stream().map(c -> Operations.name(c.op())).distinct().toList();
        List<String> all = Operations.names();
        assertThat(all).hasSize(30);
        assertThat(covered).containsExactlyInAnyOrderElementsOf(all);
    }

    @Test
    void fittedValuesAreKeptInTheStepAndUsedOnNewData() {
        Dataset train = Tables.csv(PEOPLE);
        FillMissing fitted = (FillMissing) Steps.fit(new FillMissing(List.of("age"), FillMissing.Method.MEAN, null), train);
        // mean of 34, 51, 28 = 37.666...
        assertThat((Double) fitted.fitted().get("age")).isEqualTo(113.0 / 3);
        assertThat(fitted.describe()).contains("the mean (37.666");
        Dataset other = Tables.csv("name,age\nZed,NA\nYu,90\n");
        Dataset filled = Steps.apply(fitted, other);
        assertThat(filled.table().doubleColumn("age").get(0)).isEqualTo(113.0 / 3);
        assertThat(filled.type("age")).isEqualTo(ColumnType.DECIMAL);
    }

    @Test
    void rowWiseAndTableWise() {
        assertThat(new FillMissing(List.of("a"), FillMissing.Method.MEDIAN, null).rowWise()).isTrue();
        assertThat(new FillMissing(List.of("a"), FillMissing.Method.FORWARD, null).rowWise()).isFalse();
        assertThat(new FilterRows("a > 1", false).rowWise()).isFalse();
        assertThat(new RemoveDuplicates(List.of()).rowWise()).isFalse();
        assertThat(new MergeRare("c", 2, null, null).rowWise()).isTrue();
    }

    @Test
    void samplesAreSubsetsInOriginalOrderAndRepeatableBySeed() {
        StringBuilder csv = new StringBuilder("n\n");
        for (int i = 0; i < 1000; i++) {
            csv.append(i).append('\n');
        }
        Dataset data = Tables.csv(csv.toString());
        Dataset a = new SampleRows(100, null, 42).apply(data);
        Dataset b = new SampleRows(100, null, 42).apply(data);
        Dataset c = new SampleRows(100, null, 43).apply(data);
        List<Integer> values = a.table().intColumn("n").asList();
        assertThat(values).hasSize(100).isSorted().doesNotHaveDuplicates().allMatch(v -> v >= 0 && v < 1000);
        assertThat(b.table().intColumn("n").asList()).isEqualTo(values);
        assertThat(c.table().intColumn("n").asList()).isNotEqualTo(values);
        assertThat(new SampleRows(null, 0.25, 1).apply(data).rowCount()).isEqualTo(250);
    }

    @Test
    void mergeRareSendsUnseenValuesToOther() {
        MergeRare fitted = (MergeRare) Steps.fit(new MergeRare("city", 2, null, null), Tables.csv(PEOPLE));
        assertThat(fitted.kept()).containsExactly("Paris");
        Dataset scored = Steps.apply(fitted, Tables.csv("city\nParis\nRome\n"));
        assertThat(Tables.rows(scored)).containsExactly("city", "Paris", "Other");
    }
}
