package io.millwright.driver.modbus.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millwright.api.sample.Sample;
import io.millwright.api.sample.ValueType;
import io.millwright.driver.modbus.internal.config.Area;
import io.millwright.driver.modbus.internal.config.Endianness;
import io.millwright.driver.modbus.internal.config.RegisterOrder;
import io.millwright.driver.modbus.internal.config.TagDefinition;
import io.millwright.driver.modbus.internal.config.TagType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class RegisterCodecTest {

    private static TagDefinition tag(TagType type, int registers, double scale, double offset) {
        return tag(type, registers, scale, offset, RegisterOrder.ABCD);
    }

    private static TagDefinition tag(TagType type, int registers, double scale, double offset, RegisterOrder order) {
        return new TagDefinition("t", Area.HOLDING, 0, type, registers, scale, offset, 0, true, order);
    }

    private static TagDefinition float32(RegisterOrder order) {
        return tag(TagType.FLOAT32, 2, 1, 0, order);
    }

    @Test
    void float32BigEndianIsTheTextbookLayout() {
        // 123.456f = 0x42F6E979
        Sample s = RegisterDecoder.decode("dev", tag(TagType.FLOAT32, 2, 1, 0), new int[] {0x42F6, 0xE979}, 0, 1);
        assertThat(s.asDouble()).isEqualTo(123.456f);
    }

    @Test
    void wordOrderLittleSwapsWordsAndByteOrderLittleSwapsBytes() {
        int[] cdab = {0xE979, 0x42F6};
        int[] badc = {0xF642, 0x79E9};
        int[] dcba = {0x79E9, 0xF642};
        assertThat(RegisterDecoder.decode("d", float32(RegisterOrder.CDAB), cdab, 0, 1).asDouble()).isEqualTo(123.456f);
        assertThat(RegisterDecoder.decode("d", float32(RegisterOrder.BADC), badc, 0, 1).asDouble()).isEqualTo(123.456f);
        assertThat(RegisterDecoder.decode("d", float32(RegisterOrder.DCBA), dcba, 0, 1).asDouble()).isEqualTo(123.456f);
    }

    @Test
    void eachTagIsDecodedAndEncodedWithItsOwnOrder() {
        int[] registers = {0x42F6, 0xE979, 0xE979, 0x42F6};
        assertThat(RegisterDecoder.decode("d", float32(RegisterOrder.ABCD), registers, 0, 1).asDouble()).isEqualTo(123.456f);
        assertThat(RegisterDecoder.decode("d", float32(RegisterOrder.CDAB), registers, 2, 1).asDouble()).isEqualTo(123.456f);
        assertThat(RegisterDecoder.decode("d", float32(RegisterOrder.CDAB), registers, 0, 1).asDouble()).isNotEqualTo(123.456f);
        assertThat(RegisterEncoder.encode(float32(RegisterOrder.CDAB), "123.456")).containsExactly(0xE979, 0x42F6);
        assertThat(RegisterEncoder.encode(tag(TagType.UINT32, 2, 1, 0, RegisterOrder.BADC), "305419896"))
                .containsExactly(0x3412, 0x7856);
    }

    @Test
    void registerOrdersNameTheirDifferenceInConfigurationWords() {
        assertThat(RegisterOrder.of(Endianness.BIG, Endianness.LITTLE)).isEqualTo(RegisterOrder.CDAB);
        assertThat(RegisterOrder.CDAB.differenceFrom(RegisterOrder.ABCD)).isEqualTo(" wordOrder=little");
        assertThat(RegisterOrder.ABCD.differenceFrom(RegisterOrder.DCBA)).isEqualTo(" byteOrder=big wordOrder=big");
        assertThat(RegisterOrder.BADC.differenceFrom(RegisterOrder.BADC)).isEmpty();
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
        RegisterOrder order = RegisterOrder.of(Endianness.parse(byteOrder), Endianness.parse(wordOrder));
        TagDefinition t = tag(type, type.registers(), 1, 0, order);
        int[] registers = RegisterEncoder.encode(t, value);
        Sample s = RegisterDecoder.decode("d", t, registers, 0, 1);
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
        Sample s = RegisterDecoder.decode("d", t, new int[] {0, 1000}, 0, 1);
        assertThat(s.type()).isEqualTo(ValueType.DOUBLE);
        assertThat(s.asDouble()).isEqualTo(105.0);
        assertThat(RegisterEncoder.encode(t, "105")).containsExactly(0, 1000);
    }

    @Test
    void stringsStopAtNulAndDropTrailingSpacesInEitherByteOrder() {
        for (Endianness b : Endianness.values()) {
            TagDefinition t = tag(TagType.STRING, 4, 1, 0, RegisterOrder.of(b, Endianness.BIG));
            int[] regs = RegisterEncoder.encode(t, "SKU-7");
            assertThat(regs).hasSize(4);
            assertThat(RegisterDecoder.decode("d", t, regs, 0, 1).asString()).isEqualTo("SKU-7");
        }
        assertThat(RegisterDecoder.decode("d", tag(TagType.STRING, 4, 1, 0), new int[] {0x4142, 0x2020, 0, 0}, 0, 1)
                .asString()).isEqualTo("AB");
    }

    @Test
    void valuesOutsideTheTypeAreRefusedNamingTheTag() {
        assertThatThrownBy(() -> RegisterEncoder.encode(tag(TagType.INT16, 1, 1, 0), "40000")).hasMessageContaining("tag t")
                .hasMessageContaining("int16");
        assertThatThrownBy(() -> RegisterEncoder.encode(tag(TagType.UINT16, 1, 1, 0), "-1")).hasMessageContaining("uint16");
        assertThatThrownBy(() -> RegisterEncoder.encode(tag(TagType.UINT16, 1, 1, 0), "abc")).hasMessageContaining("not a number");
        assertThatThrownBy(() -> RegisterEncoder.encode(tag(TagType.STRING, 1, 1, 0), "abc")).hasMessageContaining("longer than 2");
    }
}
