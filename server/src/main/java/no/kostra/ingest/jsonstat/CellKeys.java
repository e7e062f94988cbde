package no.kostra.ingest.jsonstat;

import java.util.Arrays;

/**
 * Cell numbers in the order a file names them (the keys of a sparse {@code value} or {@code status}), put in ascending
 * order without boxing: a cell number and its position are packed into one long and sorted as such.
 */
final class CellKeys {
    private int[] keys = new int[16];
    private int size;

    void add(int key) {
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
        }
        keys[size++] = key;
    }

    int size() {
        return size;
    }

    int key(int position) {
        return keys[position];
    }

    /** Positions in ascending order of their cell numbers (file order among equal ones). */
    int[] ascending() {
        int[] order = new int[size];
        boolean sorted = true;
        for (int i = 0; i < size; i++) {
            order[i] = i;
            sorted &= i == 0 || keys[i - 1] <= keys[i];
        }
        if (sorted) {
            return order;
        }
        long[] packed = new long[size];
        for (int i = 0; i < size; i++) {
            packed[i] = (long) keys[i] << 32 | i;
        }
        Arrays.sort(packed);
        for (int i = 0; i < size; i++) {
            order[i] = (int) packed[i];
        }
        return order;
    }
}
