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

    /**
     * The dictionary's content, whatever the width of its keys: each code's key as an index from 0 in order of
     * first appearance (-1 for the empty text, which Tablesaw holds as missing; two spellings of one text, such as
     * "a""b" quoted and a"b bare, share one key), each key's text and number of rows, and the missing rows.
     */
    private record Keys(int[] keyOfCode, String[] texts, int[] counts, int missing) {

        static Keys of(int[] codes, String[] values) {
            int[] keyOfCode = new int[values.length];
            java.util.Map<String, Integer> keyOfText = new java.util.HashMap<>();
            for (int code = 0; code < values.length; code++) {
                keyOfCode[code] = values[code].isEmpty() ? -1
                        : keyOfText.computeIfAbsent(values[code], text -> keyOfText.size());
            }
            String[] texts = new String[keyOfText.size()];
            keyOfText.forEach((text, key) -> texts[key] = text);
            int[] counts = new int[texts.length];
            int missing = 0;
            for (int code : codes) {
                int key = code < 0 ? -1 : keyOfCode[code];
                if (key < 0) {
                    missing++;
                } else {
                    counts[key]++;
                }
            }
            return new Keys(keyOfCode, texts, counts, missing);
        }
    }

    /** Byte keys: index k is stored as MIN + 1 + k, missing as MAX, as appending assigns them. */
    private static ByteDictionaryMap byteDictionary(int[] codes, String[] values) {
        Keys keys = Keys.of(codes, values);
        Byte2ObjectOpenHashMap<String> keyToValue = new Byte2ObjectOpenHashMap<>();
        Object2ByteOpenHashMap<String> valueToKey = new Object2ByteOpenHashMap<>();
        valueToKey.defaultReturnValue(Byte.MIN_VALUE);
        Byte2IntOpenHashMap keyToCount = new Byte2IntOpenHashMap();
        for (int k = 0; k < keys.texts().length; k++) {
            byte key = (byte) (Byte.MIN_VALUE + 1 + k);
            keyToValue.put(key, keys.texts()[k]);
            valueToKey.put(keys.texts()[k], key);
            keyToCount.put(key, keys.counts()[k]);
        }
        if (keys.missing() > 0) {
            keyToValue.put(Byte.MAX_VALUE, "");
            valueToKey.put("", Byte.MAX_VALUE);
            keyToCount.put(Byte.MAX_VALUE, keys.missing());
        }
        byte[] rows = new byte[codes.length];
        for (int r = 0; r < codes.length; r++) {
            int k = codes[r] < 0 ? -1 : keys.keyOfCode()[codes[r]];
            rows[r] = k < 0 ? Byte.MAX_VALUE : (byte) (Byte.MIN_VALUE + 1 + k);
        }
        return new ByteDictionaryMap.ByteDictionaryBuilder().setNextIndex(Byte.MIN_VALUE + keys.texts().length)
                .setKeyToValue(keyToValue).setValueToKey(valueToKey).setKeyToCount(keyToCount).setValues(rows).build();
    }

    /** Short keys: the same with shorts. */
    private static ShortDictionaryMap shortDictionary(int[] codes, String[] values) {
        Keys keys = Keys.of(codes, values);
        Short2ObjectOpenHashMap<String> keyToValue = new Short2ObjectOpenHashMap<>();
        Object2ShortOpenHashMap<String> valueToKey = new Object2ShortOpenHashMap<>();
        valueToKey.defaultReturnValue(Short.MIN_VALUE);
        Short2IntOpenHashMap keyToCount = new Short2IntOpenHashMap();
        for (int k = 0; k < keys.texts().length; k++) {
            short key = (short) (Short.MIN_VALUE + 1 + k);
            keyToValue.put(key, keys.texts()[k]);
            valueToKey.put(keys.texts()[k], key);
            keyToCount.put(key, keys.counts()[k]);
        }
        if (keys.missing() > 0) {
            keyToValue.put(Short.MAX_VALUE, "");
            valueToKey.put("", Short.MAX_VALUE);
            keyToCount.put(Short.MAX_VALUE, keys.missing());
        }
        short[] rows = new short[codes.length];
        for (int r = 0; r < codes.length; r++) {
            int k = codes[r] < 0 ? -1 : keys.keyOfCode()[codes[r]];
            rows[r] = k < 0 ? Short.MAX_VALUE : (short) (Short.MIN_VALUE + 1 + k);
        }
        return new ShortDictionaryMap.ShortDictionaryBuilder().setNextIndex(Short.MIN_VALUE + keys.texts().length)
                .setKeyToValue(keyToValue).setValueToKey(valueToKey).setKeyToCount(keyToCount).setValues(rows).build();
    }
}
