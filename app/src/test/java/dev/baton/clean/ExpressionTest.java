package dev.baton.clean;

import dev.baton.testing.Tables;

import dev.baton.clean.expression.Expression;
import dev.baton.clean.expression.ExpressionException;
import dev.baton.clean.expression.ValueType;
import dev.baton.data.Dataset;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExpressionTest {

    private final Dataset data = Tables.csv("""
            name,Body Mass (g),flipper,sex,day
            Ann,3750,181,male,2007-11-11
            Bob,NA,186,female,2008-02-29
            """);

    private Object eval(String expression, int row) {
        return TableExpressions.compile(expression, data).evaluate(row);
    }

    @Test
    void arithmeticFollowsPrecedenceAndPropagatesMissing() {
        assertThat(eval("[Body Mass (g)] / 1000 + 2 * 3", 0)).isEqualTo(9.75);
        assertThat(eval("(flipper - 1) % 10", 0)).isEqualTo(0.0);
        assertThat(eval("-flipper + 1", 1)).isEqualTo(-185.0);
        assertThat(eval("`Body Mass (g)` * 2", 1)).isNull();
        assertThat(eval("coalesce([Body Mass (g)], 0)", 1)).isEqualTo(0.0);
        assertThat(eval("1 / 0", 0)).isNull();
    }

    @Test
    void comparisonsAndLogic() {
        assertThat(eval("flipper > 182 and sex == 'female'", 1)).isEqualTo(true);
        assertThat(eval("flipper > 182 or not (sex != 'male')", 0)).isEqualTo(true);
        assertThat(eval("[Body Mass (g)] > 3000", 1)).isNull();
        assertThat(eval("[Body Mass (g)] > 3000 or true", 1)).isEqualTo(true);
        assertThat(eval("isMissing([Body Mass (g)])", 1)).isEqualTo(true);
        assertThat(eval("day < date('2008-01-01')", 0)).isEqualTo(true);
    }

    @Test
    void aQuotedDateBesideADateIsADate() {
        // Ann's day is 2007-11-11, Bob's 2008-02-29.
        assertThat(eval("day >= '2008-01-01'", 0)).isEqualTo(false);
        assertThat(eval("day >= '2008-01-01'", 1)).isEqualTo(true);
        assertThat(eval("'2008-02-29' == day", 1)).isEqualTo(true);
        assertThat(eval("day < '2007-11-11 12:00'", 0)).isEqualTo(true);
        assertThatThrownBy(() -> eval("day > '2008-31-01'", 0)).isInstanceOf(ExpressionException.class)
                .hasMessageContaining("'2008-31-01' is compared with a date but is not one: write it as yyyy-MM-dd");
        assertThat(eval("name == 'Ann'", 0)).isEqualTo(true); // text beside text stays text
    }

    @Test
    void textAndDateFunctions() {
        assertThat(eval("upper(name) + '-' + lower(sex)", 0)).isEqualTo("ANN-male");
        assertThat(eval("length(name)", 1)).isEqualTo(3.0);
        assertThat(eval("contains(sex, 'fem')", 1)).isEqualTo(true);
        assertThat(eval("substring(sex, 0, 3)", 1)).isEqualTo("fem");
        assertThat(eval("replace(name, 'n', 'N')", 0)).isEqualTo("ANN");
        assertThat(eval("year(day) * 100 + month(day)", 1)).isEqualTo(200802.0);
        assertThat(eval("weekday(day)", 0)).isEqualTo(7.0);
        assertThat(eval("daysBetween(day, date('2008-03-01'))", 1)).isEqualTo(1.0);
        assertThat(eval("if(flipper > 182, 'long', 'short')", 0)).isEqualTo("short");
        assertThat(eval("round(flipper / 7, 2)", 0)).isEqualTo(25.86);
        assertThat(eval("date('11/11/2007', 'dd/MM/yyyy')", 0)).isEqualTo(LocalDate.of(2007, 11, 11));
        assertThat(eval("concat(name, ' ', flipper)", 0)).isEqualTo("Ann 181");
    }

    @Test
    void typesAreKnownBeforeRunning() {
        assertThat(TableExpressions.compile("flipper * 2", data).type()).isEqualTo(ValueType.NUMBER);
        assertThat(TableExpressions.compile("name + 1", data).type()).isEqualTo(ValueType.TEXT);
        assertThat(TableExpressions.compile("flipper > 1", data).type()).isEqualTo(ValueType.BOOLEAN);
        assertThat(TableExpressions.compile("flipper + [Body Mass (g)]", data).columns()).containsExactlyInAnyOrder("flipper", "Body Mass (g)");
    }

    @Test
    void mistakesAreNamedWithTheirPosition() {
        assertThatThrownBy(() -> eval("flipper +", 0)).isInstanceOf(ExpressionException.class)
                .hasMessageContaining("ends where a value was expected");
        assertThatThrownBy(() -> eval("wingspan > 2", 0)).hasMessageContaining("no column named 'wingspan'").hasMessageContaining("position 1");
        assertThatThrownBy(() -> eval("name * 2", 0)).hasMessageContaining("'*' needs a number, not text").hasMessageContaining("position 6");
        assertThatThrownBy(() -> eval("flipper > 'x'", 0)).hasMessageContaining("cannot compare a number with text");
        assertThatThrownBy(() -> eval("upper(flipper)", 0)).hasMessageContaining("wrong kind of argument for upper");
        assertThatThrownBy(() -> eval("system('rm -rf /')", 0)).hasMessageContaining("there is no function 'system'");
        assertThatThrownBy(() -> eval("'unclosed", 0)).hasMessageContaining("no closing '");
        assertThatThrownBy(() -> eval("round(1, 2, 3)", 0)).hasMessageContaining("round takes 1 to 2 arguments, not 3");
        assertThatThrownBy(() -> eval("flipper; drop", 0)).hasMessageContaining("';' is not part of the expression language");
    }
}
