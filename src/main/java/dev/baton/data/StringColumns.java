package dev.baton.data;

import it.unimi.dsi.fastutil.bytes.Byte2IntOpenHashMap;
import it.unimi.dsi.fastutil.bytes.Byte2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.objects.Object2ByteOpenHashMap;
import it.unimi.dsi.fastutil.objects.Object2ShortOpenHashMap;
import it.unimi.dsi.fastutil.shorts.Short2IntOpenHashMap;
import it.unimi.dsi.fastutil.shorts.Short2ObjectOpenHashMap;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.columns.strings.ByteDictionaryMap;
import tech.tablesaw.columns.strings.ShortDictionaryMap;

/**
 * Builds a Tablesaw string column from dictionary codes. Appending value by value costs a hash lookup per row
 * (and a fresh JVM a warm-up per column); from codes the dictionary is written directly, exactly as appending
 * would have left it: keys in order of first appearance, the empty text as missing. Columns with more values
 * than a short dictionary holds are appended, so that Tablesaw picks their storage as it always does.
 */
final class StringColumns {

    /** Distinct values a byte or short dictionary holds: its keys run from MIN + 1 to MAX - 1; MAX means missing. */
    private static final int BYTE_VALUES = Byte.MAX_VALUE - Byte.MIN_VALUE - 1;
    private static final int SHORT_VALUES = Short.MAX_VALUE - Short.MIN_VALUE - 1;

    private StringColumns() {
    }

    /** codes[r] indexes values, or is negative for a missing row; values are in order of first appearance. */
    static StringColumn of(String name, int[] codes, String[] values) {
        if (values.length <= BYTE_VALUES) {
            return StringColumn.createInternal(name, byteDictionary(codes, values));
        }
        if (values.length <= SHORT_VALUES) {
            return StringColumn.createInternal(name, shortDictionary(codes, values));
        }
        StringColumn column = StringColumn.create(name);
        for (int code : codes) {
            if (code < 0) {
                column.appendMissing();
            } else {
                column.append(values[code]);
            }
        }
        return column;
    }

    private static ByteDictionaryMap byteDictionary(int[] codes, String[] values) {
        byte missing = Byte.MAX_VALUE;
        byte[] keyOf = new byte[values.length];
        Byte2ObjectOpenHashMap<String> keyToValue = new Byte2ObjectOpenHashMap<>();
        Object2ByteOpenHashMap<String> valueToKey = new Object2ByteOpenHashMap<>();
        valueToKey.defaultReturnValue(Byte.MIN_VALUE);
        int next = Byte.MIN_VALUE;
        for (int code = 0; code < values.length; code++) {
            if (values[code].isEmpty()) {
                keyOf[code] = missing;
            } else if (valueToKey.containsKey(values[code])) {
                // Two spellings of one text ("a""b" quoted and a"b bare): one value, as appending makes it.
                keyOf[code] = valueToKey.getByte(values[code]);
            } else {
                keyOf[code] = (byte) ++next;
                keyToValue.put(keyOf[code], values[code]);
                valueToKey.put(values[code], keyOf[code]);
            }
        }
        byte[] keys = new byte[codes.length];
        int[] counts = new int[256];
        for (int r = 0; r < codes.length; r++) {
            byte key = codes[r] < 0 ? missing : keyOf[codes[r]];
            keys[r] = key;
            counts[key - Byte.MIN_VALUE]++;
        }
        Byte2IntOpenHashMap keyToCount = new Byte2IntOpenHashMap();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0) {
                keyToCount.put((byte) (i + Byte.MIN_VALUE), counts[i]);
            }
        }
        if (counts[missing - Byte.MIN_VALUE] > 0) {
            keyToValue.put(missing, "");
            valueToKey.put("", missing);
        }
        return new ByteDictionaryMap.ByteDictionaryBuilder().setNextIndex(next).setKeyToValue(keyToValue)
                .setValueToKey(valueToKey).setKeyToCount(keyToCount).setValues(keys).build();
    }

    private static ShortDictionaryMap shortDictionary(int[] codes, String[] values) {
        short missing = Short.MAX_VALUE;
        short[] keyOf = new short[values.length];
        Short2ObjectOpenHashMap<String> keyToValue = new Short2ObjectOpenHashMap<>();
        Object2ShortOpenHashMap<String> valueToKey = new Object2ShortOpenHashMap<>();
        valueToKey.defaultReturnValue(Short.MIN_VALUE);
        int next = Short.MIN_VALUE;
        for (int code = 0; code < values.length; code++) {
            if (values[code].isEmpty()) {
                keyOf[code] = missing;
            } else if (valueToKey.containsKey(values[code])) {
                // Two spellings of one text ("a""b" quoted and a"b bare): one value, as appending makes it.
                keyOf[code] = valueToKey.getShort(values[code]);
            } else {
                keyOf[code] = (short) ++next;
                keyToValue.put(keyOf[code], values[code]);
                valueToKey.put(values[code], keyOf[code]);
            }
        }
        short[] keys = new short[codes.length];
        int[] counts = new int[65536];
        for (int r = 0; r < codes.length; r++) {
            short key = codes[r] < 0 ? missing : keyOf[codes[r]];
            keys[r] = key;
            counts[key - Short.MIN_VALUE]++;
        }
        Short2IntOpenHashMap keyToCount = new Short2IntOpenHashMap();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0) {
                keyToCount.put((short) (i + Short.MIN_VALUE), counts[i]);
            }
        }
        if (counts[missing - Short.MIN_VALUE] > 0) {
            keyToValue.put(missing, "");
            valueToKey.put("", missing);
        }
        return new ShortDictionaryMap.ShortDictionaryBuilder().setNextIndex(next).setKeyToValue(keyToValue)
                .setValueToKey(valueToKey).setKeyToCount(keyToCount).setValues(keys).build();
    }
}
