package io.millwright.platform.internal.update;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HeaderClauseTest {

    @Test
    void quotedValuesKeepTheirCommasAndSemicolons() {
        List<HeaderClause> clauses = HeaderClause.parse(
                "a.b;c.d;version=\"[1.0,2)\";resolution:=optional,e.f,osgi.ee;filter:=\"(&(osgi.ee=JavaSE)(version=17))\"");

        assertThat(clauses).hasSize(3);
        assertThat(clauses.get(0).names()).containsExactly("a.b", "c.d");
        assertThat(clauses.get(0).attribute("version")).isEqualTo("[1.0,2)");
        assertThat(clauses.get(0).directive("resolution")).isEqualTo("optional");
        assertThat(clauses.get(1).names()).containsExactly("e.f");
        assertThat(clauses.get(1).attributes()).isEmpty();
        assertThat(clauses.get(2).directive("filter")).isEqualTo("(&(osgi.ee=JavaSE)(version=17))");
    }

    @Test
    void typedAttributesAreKeptByName() {
        HeaderClause clause = HeaderClause.parse("osgi.extender;osgi.extender=osgi.component;version:Version=\"1.5\"")
                .get(0);

        assertThat(clause.attribute("version")).isEqualTo("1.5");
        assertThat(clause.attribute("osgi.extender")).isEqualTo("osgi.component");
    }

    @Test
    void anAbsentHeaderHasNoClauses() {
        assertThat(HeaderClause.parse(null)).isEmpty();
        assertThat(HeaderClause.parse("  ")).isEmpty();
    }
}
