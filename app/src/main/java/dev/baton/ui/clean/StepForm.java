package dev.baton.ui.clean;

import dev.baton.data.ColumnInfo;
import dev.baton.data.Dataset;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import org.controlsfx.control.CheckListView;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The controls of a step's form, built from its fields; reports every edit so the preview can follow. */
final class StepForm {

    private final GridPane grid = new GridPane();
    private final Map<String, Node> controls = new LinkedHashMap<>();
    private final List<Field> fields;
    private Runnable onChange = () -> { };

    StepForm(List<Field> fields, Dataset data) {
        this.fields = fields;
        grid.setHgap(10);
        grid.setVgap(8);
        grid.getStyleClass().add("step-form");
        int row = 0;
        for (Field f : fields) {
            Node control = control(f, data);
            control.setId("field-" + f.key());
            controls.put(f.key(), control);
            if (f.kind() == Field.Kind.BOOLEAN) {
                grid.add(control, 1, row++);
            } else {
                Label label = new Label(f.label());
                label.setMinWidth(120);
                grid.addRow(row++, label, control);
            }
        }
    }

    Node node() {
        return grid;
    }

    void onChange(Runnable r) {
        this.onChange = r;
    }

    private Node control(Field f, Dataset data) {
        List<String> columns = data.columns().stream()
                .filter(c -> f.columnFilter() == null || f.columnFilter().test(c.type()))
                .map(ColumnInfo::name).toList();
        switch (f.kind()) {
            case COLUMN -> {
                ComboBox<String> box = new ComboBox<>();
                box.getItems().setAll(columns);
                box.setMaxWidth(Double.MAX_VALUE);
                box.valueProperty().addListener((o, a, b) -> onChange.run());
                return box;
            }
            case COLUMNS -> {
                CheckListView<String> list = new CheckListView<>();
                list.getItems().setAll(columns);
                list.setPrefHeight(Math.min(220, 26 * columns.size() + 6));
                list.getCheckModel().getCheckedItems().addListener((ListChangeListener<String>) c -> onChange.run());
                return list;
            }
            case CHOICE -> {
                ComboBox<Object> box = new ComboBox<>();
                box.getItems().setAll(f.choices());
                box.setConverter(dev.baton.ui.controls.Labels.converter(f.choiceLabel()));
                box.setValue(f.initial());
                box.setMaxWidth(Double.MAX_VALUE);
                box.valueProperty().addListener((o, a, b) -> onChange.run());
                return box;
            }
            case BOOLEAN -> {
                CheckBox box = new CheckBox(f.label());
                box.setSelected(Boolean.TRUE.equals(f.initial()));
                box.selectedProperty().addListener((o, a, b) -> onChange.run());
                return box;
            }
            case MAPPING -> {
                TextArea area = new TextArea();
                area.setPromptText(f.hint());
                area.setPrefRowCount(6);
                area.textProperty().addListener((o, a, b) -> onChange.run());
                return area;
            }
            default -> {
                TextField text = new TextField(f.initial() == null ? "" : f.initial().toString());
                text.setPromptText(f.hint());
                text.setPrefColumnCount(28);
                text.textProperty().addListener((o, a, b) -> onChange.run());
                return text;
            }
        }
    }

    /** Puts a column the user picked (from a header menu) into the form's first column field. */
    void preselect(String key, String column) {
        if (key == null || column == null) {
            return;
        }
        set(key, fields.stream().filter(f -> f.key().equals(key)).findFirst().map(f -> f.kind() == Field.Kind.COLUMNS
                ? (Object) List.of(column) : column).orElse(column));
    }

    void setValues(FormValues values) {
        values.asMap().forEach(this::set);
    }

    @SuppressWarnings("unchecked")
    private void set(String key, Object value) {
        Node control = controls.get(key);
        Field f = fields.stream().filter(x -> x.key().equals(key)).findFirst().orElse(null);
        if (control == null || f == null || value == null) {
            return;
        }
        switch (f.kind()) {
            case COLUMN -> ((ComboBox<String>) control).setValue((String) value);
            case COLUMNS -> {
                CheckListView<String> list = (CheckListView<String>) control;
                for (String c : (List<String>) value) {
                    list.getCheckModel().check(c);
                }
            }
            case CHOICE -> ((ComboBox<Object>) control).setValue(value);
            case BOOLEAN -> ((CheckBox) control).setSelected((Boolean) value);
            case MAPPING -> {
                StringBuilder sb = new StringBuilder();
                ((Map<String, String>) value).forEach((k, v) -> sb.append(k).append(" = ").append(v).append('\n'));
                ((TextArea) control).setText(sb.toString());
            }
            case NUMBERS -> ((TextField) control).setText(String.join(", ", ((List<Double>) value).stream().map(String::valueOf).toList()));
            case NAMES -> ((TextField) control).setText(String.join(", ", (List<String>) value));
            default -> ((TextField) control).setText(value.toString());
        }
    }

    /** The values as typed; a number field that holds no number is an error naming the field. */
    @SuppressWarnings("unchecked")
    FormValues values() {
        Map<String, Object> out = new HashMap<>();
        for (Field f : fields) {
            Node control = controls.get(f.key());
            Object value = switch (f.kind()) {
                case COLUMN -> ((ComboBox<String>) control).getValue();
                case COLUMNS -> new ArrayList<>(((CheckListView<String>) control).getCheckModel().getCheckedItems());
                case CHOICE -> ((ComboBox<Object>) control).getValue();
                case BOOLEAN -> ((CheckBox) control).isSelected();
                case MAPPING -> mapping(((TextArea) control).getText());
                case TEXT -> blankToNull(((TextField) control).getText());
                case NUMBER -> parseDouble(f, ((TextField) control).getText());
                case INTEGER -> {
                    Double d = parseDouble(f, ((TextField) control).getText());
                    yield d == null ? null : (Object) d.intValue();
                }
                case NUMBERS -> {
                    String t = blankToNull(((TextField) control).getText());
                    yield t == null ? null : Arrays.stream(t.split("[,;\\s]+")).filter(s -> !s.isBlank()).map(s -> parseDouble(f, s)).toList();
                }
                case NAMES -> {
                    String t = blankToNull(((TextField) control).getText());
                    yield t == null ? List.of() : Arrays.stream(t.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
                }
            };
            out.put(f.key(), value);
        }
        return new FormValues(out);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static Double parseDouble(Field f, String text) {
        String t = blankToNull(text);
        if (t == null) {
            return null;
        }
        try {
            return Double.parseDouble(t.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(f.label() + ": '" + t.strip() + "' is not a number");
        }
    }

    private static Map<String, String> mapping(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                out.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
            }
        }
        return out;
    }
}
