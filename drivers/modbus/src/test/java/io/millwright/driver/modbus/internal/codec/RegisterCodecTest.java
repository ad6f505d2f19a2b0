package io.millwright.driver.modbus.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millwright.api.sample.Sample;
import io.millwright.api.sample.ValueType;
import io.millwright.driver.modbus.internal.config.Area;
import io.millwright.driver.modbus.internal.config.Endianness;
import io.millwright.driver.modbus.internal.config.TagDefinition;
import io.millwright.driver.modbus.internal.config.TagType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class RegisterCodecTest {

    private static TagDefinition tag(TagType type, int registers, double scale, double offset) {
        return new TagDefinition("t", Area.HOLDING, 0, type, registers, scale, offset, 0, true);
    }

    @Test
    void float32BigEndianIsTheTextbookLayout() {
        RegisterDecoder d = new RegisterDecoder(Endianness.BIG, Endianness.BIG);
        // 123.456f = 0x42F6E979
        Sample s = d.decode("dev", tag(TagType.FLOAT32, 2, 1, 0), new int[] {0x42F6, 0xE979}, 0, 1);
        assertThat(s.asDouble()).isEqualTo(123.456f);
    }

    @Test
    void wordOrderLittleSwapsWordsAndByteOrderLittleSwapsBytes() {
        int[] cdab = {0xE979, 0x42F6};
        int[] badc = {0xF642, 0x79E9};
        int[] dcba = {0x79E9, 0xF642};
        assertThat(new RegisterDecoder(Endianness.BIG, Endianness.LITTLE).decode("d", tag(TagType.FLOAT32, 2, 1, 0), cdab, 0, 1)
                .asDouble()).isEqualTo(123.456f);
        assertThat(new RegisterDecoder(Endianness.LITTLE, Endianness.BIG).decode("d", tag(TagType.FLOAT32, 2, 1, 0), badc, 0, 1)
                .asDouble()).isEqualTo(123.456f);
        assertThat(new RegisterDecoder(Endianness.LITTLE, Endianness.LITTLE).decode("d", tag(TagType.FLOAT32, 2, 1, 0), dcba, 0, 1)
                .asDouble()).isEqualTo(123.456f);
    }

    @ParameterizedTest(name = "{0} {1}/{2} = {3}")
    @CsvSource({
            "INT16, big, big, -1234",
            "INT16, little, big, -1234",
            "UINT16, big, big, 65000",
            "UINT16, little, little, 65000",
            "INT32, big, big, -123456789",
            "INT32, big, little, -123456789",
            "INT32, little, little, -123456789",
            "UINT32, big, big, 4000000000",
            "UINT32, little, big, 4000000000",
            "FLOAT32, big, little, -2.5",
            "FLOAT64, big, big, 3.141592653589793",
            "FLOAT64, big, little, 3.141592653589793",
            "FLOAT64, little, little, -1.0E-300",
            "FLOAT64, little, big, 6.02214076E23",
    })
    void everyNumericTypeRoundTripsInEveryOrder(TagType type, String byteOrder, String wordOrder, String value) {
        Endianness b = Endianness.parse(byteOrder);
        Endianness w = Endianness.parse(wordOrder);
        TagDefinition t = tag(type, type.registers(), 1, 0);
        int[] registers = new RegisterEncoder(b, w).encode(t, value);
        Sample s = new RegisterDecoder(b, w).decode("d", t, registers, 0, 1);
        if (type.isInteger()) {
            assertThat(s.type()).isEqualTo(ValueType.LONG);
            assertThat(s.asLong()).isEqualTo(Long.parseLong(value));
        } else {
            assertThat(s.asDouble()).isEqualTo(type == TagType.FLOAT32 ? (double) Float.parseFloat(value) : Double.parseDouble(value));
        }
    }

    @Test
    void scaleAndOffsetMakeADoubleAndAreUndoneOnWrite() {
        TagDefinition t = tag(TagType.UINT32, 2, 0.1, 5);
        Sample s = new RegisterDecoder(Endianness.BIG, Endianness.BIG).decode("d", t, new int[] {0, 1000}, 0, 1);
        assertThat(s.type()).isEqualTo(ValueType.DOUBLE);
        assertThat(s.asDouble()).isEqualTo(105.0);
        assertThat(new RegisterEncoder(Endianness.BIG, Endianness.BIG).encode(t, "105")).containsExactly(0, 1000);
    }

    @Test
    void stringsStopAtNulAndDropTrailingSpacesInEitherByteOrder() {
        TagDefinition t = tag(TagType.STRING, 4, 1, 0);
        for (Endianness b : Endianness.values()) {
            int[] regs = new RegisterEncoder(b, Endianness.BIG).encode(t, "SKU-7");
            assertThat(regs).hasSize(4);
            assertThat(new RegisterDecoder(b, Endianness.BIG).decode("d", t, regs, 0, 1).asString()).isEqualTo("SKU-7");
        }
        assertThat(new RegisterDecoder(Endianness.BIG, Endianness.BIG).decode("d", t, new int[] {0x4142, 0x2020, 0, 0}, 0, 1)
                .asString()).isEqualTo("AB");
    }

    @Test
    void valuesOutsideTheTypeAreRefusedNamingTheTag() {
        RegisterEncoder e = new RegisterEncoder(Endianness.BIG, Endianness.BIG);
        assertThatThrownBy(() -> e.encode(tag(TagType.INT16, 1, 1, 0), "40000")).hasMessageContaining("tag t")
                .hasMessageContaining("int16");
        assertThatThrownBy(() -> e.encode(tag(TagType.UINT16, 1, 1, 0), "-1")).hasMessageContaining("uint16");
        assertThatThrownBy(() -> e.encode(tag(TagType.UINT16, 1, 1, 0), "abc")).hasMessageContaining("not a number");
        assertThatThrownBy(() -> e.encode(tag(TagType.STRING, 1, 1, 0), "abc")).hasMessageContaining("longer than 2");
    }
}
