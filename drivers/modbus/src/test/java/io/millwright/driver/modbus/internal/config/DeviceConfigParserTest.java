package io.millwright.driver.modbus.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millwright.driver.support.config.ConfigRefusedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeviceConfigParserTest {

    @TempDir
    Path etc;

    private Map<String, Object> minimal() {
        Map<String, Object> p = new HashMap<>();
        p.put("id", "press01");
        p.put("host", "10.0.0.5");
        p.put("tag.total", "holding 1 uint32 scale=0.1 offset=0 deadband=1 historize=true");
        p.put("service.pid", "io.millwright.driver.modbus.abc");
        p.put("felix.fileinstall.filename", "file:/opt/etc/io.millwright.driver.modbus-press01.cfg");
        return p;
    }

    private DeviceSettings parse(Map<String, Object> p) throws ConfigRefusedException {
        return new DeviceConfigParser(etc).parse(p);
    }

    private void refused(Map<String, Object> p, String where, String... fragments) {
        assertThatThrownBy(() -> parse(p)).isInstanceOfSatisfying(ConfigRefusedException.class, e -> {
            assertThat(e.where()).isEqualTo(where);
            for (String f : fragments) {
                assertThat(e.getMessage()).contains(f);
            }
        });
    }

    @Test
    void defaultsApplyAndAnInlineTagReadsAsWritten() throws Exception {
        DeviceSettings s = parse(minimal());

        assertThat(s.port()).isEqualTo(502);
        assertThat(s.unitId()).isEqualTo(1);
        assertThat(s.pollIntervalMs()).isEqualTo(1000);
        assertThat(s.timeoutMs()).isEqualTo(1000);
        assertThat(s.retries()).isEqualTo(1);
        assertThat(s.byteOrder()).isEqualTo(Endianness.BIG);
        assertThat(s.wordOrder()).isEqualTo(Endianness.BIG);
        assertThat(s.maxGap()).isEqualTo(10);
        assertThat(s.maxRegisters()).isEqualTo(125);
        assertThat(s.maxCoils()).isEqualTo(2000);
        assertThat(s.writable()).isFalse();
        assertThat(s.tags()).singleElement().satisfies(t -> {
            assertThat(t.name()).isEqualTo("total");
            assertThat(t.addressText()).isEqualTo("holding 1 uint32");
            assertThat(t.scale()).isEqualTo(0.1);
            assertThat(t.deadband()).isEqualTo(1.0);
            assertThat(t.historize()).isTrue();
        });
    }

    @Test
    void typedValuesFromConfigAdminAreAccepted() throws Exception {
        Map<String, Object> p = minimal();
        p.put("port", 5020);
        p.put("writable", Boolean.TRUE);
        p.put("byteOrder", "little");

        DeviceSettings s = parse(p);

        assertThat(s.port()).isEqualTo(5020);
        assertThat(s.writable()).isTrue();
        assertThat(s.byteOrder()).isEqualTo(Endianness.LITTLE);
    }

    @Test
    void eachBadKeyIsNamed() {
        Map<String, Object> p = minimal();
        p.remove("host");
        refused(p, "host", "required");

        p = minimal();
        p.put("port", "70000");
        refused(p, "port", "70000", "1 to 65535");

        p = minimal();
        p.put("pollInterval", "fast");
        refused(p, "pollInterval", "'fast'");

        p = minimal();
        p.put("wordOrder", "middle");
        refused(p, "wordOrder", "big or little");

        p = minimal();
        p.put("maxRegisters", "126");
        refused(p, "maxRegisters", "1 to 125");

        p = minimal();
        p.put("maxCoils", "2001");
        refused(p, "maxCoils", "1 to 2000");

        p = minimal();
        p.put("writable", "yes");
        refused(p, "writable", "true or false");

        p = minimal();
        p.put("id", "press 01");
        refused(p, "id", "letters");
    }

    @Test
    void aBadInlineTagIsNamedByItsKey() {
        Map<String, Object> p = minimal();
        p.put("tag.speed", "holding 10 flaot32");
        refused(p, "tag.speed", "type 'flaot32'");

        p = minimal();
        p.put("tag.speed", "register 10 float32");
        refused(p, "tag.speed", "area 'register'");

        p = minimal();
        p.put("tag.speed", "holding -1 float32");
        refused(p, "tag.speed", "address -1");

        p = minimal();
        p.put("tag.speed", "holding 10 float32 scael=2");
        refused(p, "tag.speed", "unknown option 'scael'");

        p = minimal();
        p.put("tag.running", "coil 3 uint16");
        refused(p, "tag.running", "must be bool");

        p = minimal();
        p.put("tag.name", "holding 10 string(200)");
        refused(p, "tag.name", "1 to 125");

        p = minimal();
        p.put("tag.big", "holding 65535 float32");
        refused(p, "tag.big", "runs past 65535");

        p = minimal();
        p.put("tag.neg", "holding 1 float32 deadband=-1");
        refused(p, "tag.neg", "deadband");
    }

    @Test
    void anInlineTagsOrderOverridesTheDevicesAndOtherTagsKeepIt() throws Exception {
        Map<String, Object> p = minimal();
        p.put("byteOrder", "little");
        p.put("tag.level", "holding 10 float32 wordOrder=little");
        p.put("tag.count", "holding 12 uint32 byteOrder=big deadband=1");
        p.put("tag.raw", "input 3 int16 byteOrder=BIG");
        p.put("tag.run", "coil 0");

        DeviceSettings s = parse(p);

        assertThat(s.order()).isEqualTo(RegisterOrder.BADC);
        assertThat(s.tag("total").order()).isEqualTo(RegisterOrder.BADC);
        assertThat(s.tag("level").order()).isEqualTo(RegisterOrder.DCBA);
        assertThat(s.tag("count").order()).isEqualTo(RegisterOrder.ABCD);
        assertThat(s.tag("count").deadband()).isEqualTo(1.0);
        assertThat(s.tag("raw").order()).isEqualTo(RegisterOrder.ABCD);
        assertThat(s.tag("run").order()).isEqualTo(RegisterOrder.BADC);
        assertThat(s.tag("total").addressText(s.order())).isEqualTo("holding 1 uint32");
        assertThat(s.tag("level").addressText(s.order())).isEqualTo("holding 10 float32 wordOrder=little");
        assertThat(s.tag("count").addressText(s.order())).isEqualTo("holding 12 uint32 byteOrder=big");
    }

    @Test
    void aWrongOrderOnAnInlineTagIsNamedByItsKey() {
        Map<String, Object> p = minimal();
        p.put("tag.level", "holding 10 float32 wordOrder=middle");
        refused(p, "tag.level", "wordOrder 'middle'", "big or little");

        p = minimal();
        p.put("tag.level", "holding 10 float32 byteOrder=swapped");
        refused(p, "tag.level", "byteOrder 'swapped'", "big or little");

        p = minimal();
        p.put("tag.level", "holding 10 float32 wordorder=little");
        refused(p, "tag.level", "unknown option 'wordorder'", "byteOrder, wordOrder");

        p = minimal();
        p.put("tag.level", "holding 10 float32 wordOrder=little wordOrder=big");
        refused(p, "tag.level", "'wordOrder' given twice");

        p = minimal();
        p.put("tag.raw", "holding 10 int16 wordOrder=little");
        refused(p, "tag.raw", "wordOrder applies only to 32- and 64-bit types", "not int16");

        p = minimal();
        p.put("tag.raw", "input 10 wordOrder=big");
        refused(p, "tag.raw", "wordOrder applies only to 32- and 64-bit types", "not uint16");

        p = minimal();
        p.put("tag.name", "holding 10 string(4) wordOrder=little");
        refused(p, "tag.name", "wordOrder applies only to 32- and 64-bit types", "not string");

        p = minimal();
        p.put("tag.run", "coil 0 wordOrder=little");
        refused(p, "tag.run", "wordOrder applies only to 32- and 64-bit types", "not a coil");

        p = minimal();
        p.put("tag.run", "coil 0 byteOrder=little");
        refused(p, "tag.run", "byteOrder applies only to registers", "coil");

        p = minimal();
        p.put("tag.door", "discrete 4 bool byteOrder=big");
        refused(p, "tag.door", "byteOrder applies only to registers", "discrete");
    }

    @Test
    void noTagsAtAllIsRefused() {
        Map<String, Object> p = minimal();
        p.remove("tag.total");
        refused(p, "tag.*", "no tags");
    }

    @Test
    void tagsComeFromACsvFileBesideTheInlineOnes() throws Exception {
        Files.writeString(etc.resolve("press01-tags.csv"), String.join("\n",
                "# press 01 tags",
                "name,area,address,type,scale,offset,deadband,historize",
                "running,coil,0,bool,,,,",
                "fault,input,10,uint16,,,,false",
                "speed,holding,20,float32,0.5,1,0.2,true",
                "",
                "product,holding,30,string(8),,,,"));
        Map<String, Object> p = minimal();
        p.put("tagFile", "press01-tags.csv");

        DeviceSettings s = parse(p);

        assertThat(s.tags()).extracting(TagDefinition::name).containsExactly("total", "running", "fault", "speed", "product");
        assertThat(s.tag("fault").historize()).isFalse();
        assertThat(s.tag("speed").scale()).isEqualTo(0.5);
        assertThat(s.tag("speed").offset()).isEqualTo(1.0);
        assertThat(s.tag("product").registers()).isEqualTo(8);
    }

    @Test
    void csvErrorsNameFileLineAndColumn() throws Exception {
        Map<String, Object> p = minimal();
        p.put("tagFile", "bad.csv");

        Files.writeString(etc.resolve("bad.csv"), "name,area,address,type\nok,holding,1,int16\nspeed,holding,2,dobule\n");
        refused(p, "bad.csv line 3 column 4 (type)", "type 'dobule'");

        Files.writeString(etc.resolve("bad.csv"), "name,area,address,type\nspeed,holding,x,int16\n");
        refused(p, "bad.csv line 2 column 3 (address)", "'x' is not a number");

        Files.writeString(etc.resolve("bad.csv"), "name,area,adress,type\n");
        refused(p, "bad.csv line 1 column 3 (adress)", "unknown column");

        Files.writeString(etc.resolve("bad.csv"), "name,area,address\nspeed,holding,1,extra\n");
        refused(p, "bad.csv line 2 column 4", "header has 3 columns");

        Files.writeString(etc.resolve("bad.csv"), "area,address,name\nholding,1,bad name\n");
        refused(p, "bad.csv line 2 column 3 (name)", "tag name 'bad name'");
    }

    @Test
    void csvOrderColumnsOverrideTheDevicesAndEmptyCellsKeepIt() throws Exception {
        Files.writeString(etc.resolve("plc.csv"), String.join("\n",
                "name,area,address,type,scale,offset,deadband,historize,byteOrder,wordOrder",
                "level,holding,10,float32,,,,,,little",
                "count,holding,12,uint32,,,,true,little,",
                "plain,holding,14,float32,,,,,,",
                "short,holding,16,float32",
                "run,coil,0,bool,,,,,,"));
        Map<String, Object> p = minimal();
        p.put("tagFile", "plc.csv");

        DeviceSettings s = parse(p);

        assertThat(s.tag("level").order()).isEqualTo(RegisterOrder.CDAB);
        assertThat(s.tag("count").order()).isEqualTo(RegisterOrder.BADC);
        assertThat(s.tag("count").historize()).isTrue();
        assertThat(s.tag("plain").order()).isEqualTo(RegisterOrder.ABCD);
        assertThat(s.tag("short").order()).isEqualTo(RegisterOrder.ABCD);
        assertThat(s.tag("run").order()).isEqualTo(RegisterOrder.ABCD);
    }

    @Test
    void csvFilesWithoutOrderColumnsTakeTheDevicesOrder() throws Exception {
        Files.writeString(etc.resolve("old.csv"), String.join("\n",
                "name,area,address,type,scale,offset,deadband,historize",
                "level,holding,10,float32,,,,true"));
        Map<String, Object> p = minimal();
        p.put("wordOrder", "little");
        p.put("tagFile", "old.csv");

        DeviceSettings s = parse(p);

        assertThat(s.tag("level").order()).isEqualTo(RegisterOrder.CDAB);
        assertThat(s.tag("level").historize()).isTrue();
        assertThat(s.tag("level").addressText(s.order())).isEqualTo("holding 10 float32");
    }

    @Test
    void csvOrderErrorsNameFileLineAndColumn() throws Exception {
        Map<String, Object> p = minimal();
        p.put("tagFile", "bad.csv");
        String header = "name,area,address,type,scale,offset,deadband,historize,byteOrder,wordOrder\n";

        Files.writeString(etc.resolve("bad.csv"), header + "ok,holding,1,float32,,,,,,little\nlevel,holding,3,float32,,,,,,middle\n");
        refused(p, "bad.csv line 3 column 10 (wordOrder)", "wordOrder 'middle'", "big or little");

        Files.writeString(etc.resolve("bad.csv"), header + "level,holding,3,float32,,,,,swapped,\n");
        refused(p, "bad.csv line 2 column 9 (byteOrder)", "byteOrder 'swapped'");

        Files.writeString(etc.resolve("bad.csv"), header + "raw,holding,3,int16,,,,,,little\n");
        refused(p, "bad.csv line 2 column 10 (wordOrder)", "only to 32- and 64-bit types", "not int16");

        Files.writeString(etc.resolve("bad.csv"), header + "run,coil,0,bool,,,,,little,\n");
        refused(p, "bad.csv line 2 column 9 (byteOrder)", "applies only to registers", "coil");

        Files.writeString(etc.resolve("bad.csv"), "wordOrder,name,area,address,type\nlittle,raw,discrete,4,bool\n");
        refused(p, "bad.csv line 2 column 1 (wordOrder)", "not a discrete");
    }

    @Test
    void aMissingTagFileIsNamed() {
        Map<String, Object> p = minimal();
        p.put("tagFile", "nowhere.csv");
        refused(p, "tagFile", "nowhere.csv");
    }

    @Test
    void aTagDefinedTwiceIsRefused() throws Exception {
        Files.writeString(etc.resolve("t.csv"), "name,area,address\ntotal,holding,5\n");
        Map<String, Object> p = minimal();
        p.put("tagFile", "t.csv");
        refused(p, "tag.total", "defined twice");
    }
}
