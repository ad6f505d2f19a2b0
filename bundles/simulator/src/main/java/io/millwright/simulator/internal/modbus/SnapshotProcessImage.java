package io.millwright.simulator.internal.modbus;

import com.ghgande.j2mod.modbus.procimg.DigitalIn;
import com.ghgande.j2mod.modbus.procimg.DigitalOut;
import com.ghgande.j2mod.modbus.procimg.FIFO;
import com.ghgande.j2mod.modbus.procimg.File;
import com.ghgande.j2mod.modbus.procimg.IllegalAddressException;
import com.ghgande.j2mod.modbus.procimg.InputRegister;
import com.ghgande.j2mod.modbus.procimg.ProcessImage;
import com.ghgande.j2mod.modbus.procimg.Register;

/**
 * j2mod's view of a simulated machine. The ticker publishes a whole new {@link RegisterImage};
 * each request reads the image reference once and copies its values, so no request ever sees
 * half of one update and half of the next, without a lock shared with the request threads.
 * Coils and discrete inputs carry the same bits; holding and input registers the same words.
 */
final class SnapshotProcessImage implements ProcessImage {

    private volatile RegisterImage image = RegisterMap.empty();

    void publish(RegisterImage next) {
        image = next;
    }

    @Override
    public DigitalOut[] getDigitalOutRange(int offset, int count) {
        RegisterImage current = image;
        check(offset, count, current.bitCount(), "coil");
        DigitalOut[] bits = new DigitalOut[count];
        for (int i = 0; i < count; i++) {
            bits[i] = new ReadOnlyBit(current.bit(offset + i));
        }
        return bits;
    }

    @Override
    public DigitalOut getDigitalOut(int ref) {
        return getDigitalOutRange(ref, 1)[0];
    }

    @Override
    public int getDigitalOutCount() {
        return image.bitCount();
    }

    @Override
    public DigitalIn[] getDigitalInRange(int offset, int count) {
        return getDigitalOutRange(offset, count);
    }

    @Override
    public DigitalIn getDigitalIn(int ref) {
        return getDigitalOut(ref);
    }

    @Override
    public int getDigitalInCount() {
        return getDigitalOutCount();
    }

    @Override
    public Register[] getRegisterRange(int offset, int count) {
        RegisterImage current = image;
        check(offset, count, current.wordCount(), "register");
        Register[] words = new Register[count];
        for (int i = 0; i < count; i++) {
            words[i] = new ReadOnlyRegister(current.word(offset + i));
        }
        return words;
    }

    @Override
    public Register getRegister(int ref) {
        return getRegisterRange(ref, 1)[0];
    }

    @Override
    public int getRegisterCount() {
        return image.wordCount();
    }

    @Override
    public InputRegister[] getInputRegisterRange(int offset, int count) {
        return getRegisterRange(offset, count);
    }

    @Override
    public InputRegister getInputRegister(int ref) {
        return getRegister(ref);
    }

    @Override
    public int getInputRegisterCount() {
        return getRegisterCount();
    }

    @Override
    public File getFile(int ref) {
        throw new IllegalAddressException("the simulator has no files");
    }

    @Override
    public File getFileByNumber(int ref) {
        throw new IllegalAddressException("the simulator has no files");
    }

    @Override
    public int getFileCount() {
        return 0;
    }

    @Override
    public FIFO getFIFO(int ref) {
        throw new IllegalAddressException("the simulator has no FIFO queues");
    }

    @Override
    public FIFO getFIFOByAddress(int ref) {
        throw new IllegalAddressException("the simulator has no FIFO queues");
    }

    @Override
    public int getFIFOCount() {
        return 0;
    }

    private static void check(int offset, int count, int size, String what) {
        if (offset < 0 || count < 1 || offset + count > size) {
            throw new IllegalAddressException(what + "s " + offset + ".." + (offset + count - 1)
                    + " are outside the map (0.." + (size - 1) + ")");
        }
    }
}
