package dev.baton.ui.clean;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The values of a step form, by field key; typed getters for the builders. */
public final class FormValues {

    private final Map<String, Object> values;

    public FormValues(Map<String, Object> values) {
        this.values = new HashMap<>(values);
    }

    public static FormValues of(Object... pairs) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return new FormValues(m);
    }

    public Map<String, Object> asMap() {
        return new HashMap<>(values);
    }

    public Object get(String key) {
        return values.get(key);
    }

    public String text(String key) {
        Object v = values.get(key);
        return v == null ? null : v.toString();
    }

    public Double number(String key) {
        return (Double) values.get(key);
    }

    public Integer integer(String key) {
        Object v = values.get(key);
        return v == null ? null : ((Number) v).intValue();
    }

    public boolean bool(String key) {
        return Boolean.TRUE.equals(values.get(key));
    }

    @SuppressWarnings("unchecked")
    public <T> T choice(String key) {
        return (T) values.get(key);
    }

    @SuppressWarnings("unchecked")
    public List<String> columns(String key) {
        Object v = values.get(key);
        return v == null ? List.of() : (List<String>) v;
    }

    @SuppressWarnings("unchecked")
    public List<Double> numbers(String key) {
        return (List<Double>) values.get(key);
    }

    @SuppressWarnings("unchecked")
    public Map<String, String> mapping(String key) {
        Object v = values.get(key);
        return v == null ? Map.of() : (Map<String, String>) v;
    }
}
