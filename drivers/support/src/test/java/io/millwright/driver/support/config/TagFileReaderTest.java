package io.millwright.driver.support.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TagFileReaderTest {

    /** A tag as the test reads it: its name and its node, with the type checked. */
    record Tag(String name, String nodeId, String type, double deadband) {
    }

    private static final TagFileReader<Tag> READER = new TagFileReader<>("name,nodeId,type,deadband",
            List.of("name", "nodeid"), row -> {
                FieldValues.checkTagName(row.get("name"));
                String type = row.get("type");
                if (type != null && !type.isEmpty() && !type.equals("long")) {
                    throw new FieldProblem("type", "type '" + type + "' must be long");
                }
                return new Tag(row.get("name"), row.get("nodeId"), type, FieldValues.deadband(row.get("deadband")));
            });

    @TempDir
    Path dir;

    private Path file(String text) throws Exception {
        return Files.writeString(dir.resolve("tags.csv"), text, StandardCharsets.UTF_8);
    }

    @Test
    void columnsComeInAnyOrderAndCaseWithCommentsBlanksAndAByteOrderMarkSkipped() throws Exception {
        Path file = file("\uFEFF# plant tags\nNODEID, Name ,deadband\n\nns=2;s=A,a,0.5\n  # old\nns=2;s=B,b\nns=2;s=C,c,\n");

        assertThat(READER.read(file)).containsExactly(new Tag("a", "ns=2;s=A", null, 0.5), new Tag("b", "ns=2;s=B", null, 0),
                new Tag("c", "ns=2;s=C", null, 0));
    }

    @Test
    void aFieldProblemNamesTheFileLineAndColumn() throws Exception {
        Path file = file("name,nodeId,type\na,ns=2;s=A,long\nb,ns=2;s=B,double\n");

        refused(file, "tags.csv line 3 column 3 (type)", "type 'double' must be long");
    }

    @Test
    void theColumnIsNamedAsTheProblemNamesIt() throws Exception {
        Path file = file("nodeid,name,deadband\nns=2;s=A,a b,\n");

        refused(file, "tags.csv line 2 column 2 (name)", "tag name 'a b' must be");
    }

    @Test
    void headerProblemsAreRefusedByColumn() throws Exception {
        refused(file("name,nodeId,colour\n"), "tags.csv line 1 column 3 (colour)",
                "unknown column 'colour'; expected name,nodeId,type,deadband");
        refused(file("# only\nname,NAME,nodeId\n"), "tags.csv line 2 column 2 (name)", "column 'name' appears twice");
        refused(file("name,type\n"), "tags.csv line 1", "the header lacks the column 'nodeid'");
        refused(file("# nothing\n\n"), "tags.csv line 1", "no header; expected name,nodeId,type,deadband");
    }

    @Test
    void aLineWithMoreFieldsThanTheHeaderIsRefusedAtTheFirstExtraColumn() throws Exception {
        refused(file("name,nodeId\na,ns=2;s=A,long\n"), "tags.csv line 2 column 3", "3 fields, but the header has 2 columns");
    }

    @Test
    void anUnreadableFileIsRefusedByTheTagFileKey() {
        assertThatThrownBy(() -> READER.read(dir.resolve("missing.csv")))
                .isInstanceOfSatisfying(ConfigRefusedException.class, e -> {
                    assertThat(e.where()).isEqualTo("tagFile");
                    assertThat(e.getMessage()).contains("cannot read tag file").contains("missing.csv");
                });
    }

    private static void refused(Path file, String where, String problem) {
        assertThatThrownBy(() -> READER.read(file)).isInstanceOfSatisfying(ConfigRefusedException.class, e -> {
            assertThat(e.where()).isEqualTo(where);
            assertThat(e.getMessage()).startsWith(where + ": " + problem);
        });
    }
}
