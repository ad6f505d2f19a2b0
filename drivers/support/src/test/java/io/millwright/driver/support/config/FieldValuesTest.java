package io.millwright.driver.support.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FieldValuesTest {

    @Test
    void blankValuesTakeTheirDefaults() throws Exception {
        assertThat(FieldValues.parseDouble("scale", null, 1.0)).isEqualTo(1.0);
        assertThat(FieldValues.parseDouble("scale", "  ", 1.0)).isEqualTo(1.0);
        assertThat(FieldValues.parseBoolean("historize", "", true)).isTrue();
        assertThat(FieldValues.deadband(null)).isZero();
    }

    @Test
    void valuesAreReadTrimmedAndBooleansInAnyCase() throws Exception {
        assertThat(FieldValues.parseDouble("scale", " 0.25 ", 1.0)).isEqualTo(0.25);
        assertThat(FieldValues.parseBoolean("historize", " TRUE ", false)).isTrue();
        assertThat(FieldValues.parseBoolean("historize", "False", true)).isFalse();
        assertThat(FieldValues.deadband("0.5")).isEqualTo(0.5);
    }

    @Test
    void eachProblemNamesItsFieldAndValue() {
        problem(() -> FieldValues.parseDouble("offset", " x1 ", 0), "offset", "offset 'x1' is not a number");
        problem(() -> FieldValues.parseDouble("scale", "NaN", 0), "scale", "scale 'NaN' is not a number");
        problem(() -> FieldValues.parseDouble("scale", "Infinity", 0), "scale", "scale 'Infinity' is not a number");
        problem(() -> FieldValues.parseBoolean("writable", "yes", false), "writable", "writable 'yes' must be true or false");
        problem(() -> FieldValues.deadband(" -1 "), "deadband", "deadband must be 0 or more, was -1");
        problem(() -> FieldValues.checkTagName("a b"), "name", "tag name 'a b' must be letters, digits, '.', '_', '-'");
        problem(() -> FieldValues.checkTagName(null), "name", "tag name 'null' must be letters, digits, '.', '_', '-'");
    }

    @Test
    void namesAreLettersDigitsDotsUnderscoresAndDashesStartingWithALetterOrDigit() {
        assertThat(FieldValues.NAME.matcher("Line1.press_01-a").matches()).isTrue();
        assertThat(FieldValues.NAME.matcher("_x").matches()).isFalse();
        assertThat(FieldValues.NAME.matcher("a/b").matches()).isFalse();
    }

    private interface Call {
        void run() throws FieldProblem;
    }

    private static void problem(Call call, String field, String message) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(FieldProblem.class, p -> {
            assertThat(p.field()).isEqualTo(field);
            assertThat(p.getMessage()).isEqualTo(message);
        });
    }
}
