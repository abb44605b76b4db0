package dev.baton.ui.data;

import dev.baton.data.ColumnType;
import dev.baton.data.DataFormat;
import dev.baton.data.Dataset;
import dev.baton.data.DatasetReader;
import dev.baton.data.ImportOptions;
import dev.baton.data.LineEnding;
import dev.baton.data.RaggedRows;
import dev.baton.ui.controls.ErrorDialog;
import dev.baton.ui.task.LatestWins;
import dev.baton.ui.task.TaskRunner;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The import dialog's state: every option (null meaning "detect"), the type overrides, and a preview of the
 * first rows that is recomputed off the FX thread whenever an option changes (only the newest is shown).
 */
public final class ImportDialogViewModel {

    public static final int PREVIEW_ROWS = 100;

    private final Path file;
    private final TaskRunner tasks;
    private final LatestWins previews = new LatestWins();

    public final ObjectProperty<DataFormat> format = new SimpleObjectProperty<>();
    public final ObjectProperty<String> encoding = new SimpleObjectProperty<>();
    public final ObjectProperty<Character> delimiter = new SimpleObjectProperty<>();
    public final ObjectProperty<Character> quote = new SimpleObjectProperty<>();
    public final ObjectProperty<Boolean> header = new SimpleObjectProperty<>();
    public final ObjectProperty<LineEnding> lineEnding = new SimpleObjectProperty<>();
    public final StringProperty missingTokens = new SimpleStringProperty();
    public final BooleanProperty emptyIsMissing = new SimpleBooleanProperty(true);
    public final ObjectProperty<RaggedRows> raggedRows = new SimpleObjectProperty<>(RaggedRows.ERROR);
    public final ObjectProperty<String> sheet = new SimpleObjectProperty<>();
    public final ObservableMap<String, ColumnType> types = FXCollections.observableMap(new LinkedHashMap<>());
    public final ObservableList<String> sheets = FXCollections.observableArrayList();

    private final ObjectProperty<Dataset> preview = new SimpleObjectProperty<>();
    private final StringProperty error = new SimpleStringProperty();
    private final BooleanProperty busy = new SimpleBooleanProperty();

    public ImportDialogViewModel(Path file, ImportOptions initial, TaskRunner tasks) {
        this.file = file;
        this.tasks = tasks;
        format.set(initial.format() != null ? initial.format() : DataFormat.fromFileName(file));
        encoding.set(initial.encoding());
        delimiter.set(initial.delimiter());
        quote.set(initial.quote());
        header.set(initial.header());
        lineEnding.set(initial.lineEnding());
        List<String> tokens = new ArrayList<>(initial.missingTokens());
        emptyIsMissing.set(tokens.remove(""));
        missingTokens.set(String.join(", ", tokens));
        raggedRows.set(initial.raggedRows());
        sheet.set(initial.sheet());
        types.putAll(initial.types());
        for (ObservableValue<?> option : List.of(format, encoding, delimiter, quote, header, lineEnding, missingTokens,
                emptyIsMissing, raggedRows, sheet)) {
            option.addListener((obs, was, now) -> refresh());
        }
        types.addListener((javafx.collections.MapChangeListener<String, ColumnType>) change -> refresh());
        format.addListener((obs, was, now) -> loadSheets());
    }

    public Path file() {
        return file;
    }

    public ObjectProperty<Dataset> previewProperty() {
        return preview;
    }

    /** The message for the user when the preview could not be read with the current options; null otherwise. */
    public StringProperty errorProperty() {
        return error;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    /** The options as chosen (null fields still mean "detect"). */
    public ImportOptions options() {
        List<String> tokens = new ArrayList<>();
        if (emptyIsMissing.get()) {
            tokens.add("");
        }
        String text = missingTokens.get() == null ? "" : missingTokens.get();
        Arrays.stream(text.split(",")).map(String::trim).filter(t -> !t.isEmpty()).forEach(tokens::add);
        Map<String, ColumnType> overrides = new LinkedHashMap<>(types);
        return new ImportOptions(format.get(), encoding.get(), delimiter.get(), quote.get(), header.get(), lineEnding.get(),
                tokens, overrides, raggedRows.get(), sheet.get());
    }

    /** Starts the first preview (and lists the sheets of a workbook). */
    public void start() {
        loadSheets();
        refresh();
    }

    private void loadSheets() {
        if (format.get() != DataFormat.EXCEL) {
            sheets.clear();
            return;
        }
        tasks.background("Listing sheets", p -> DatasetReader.sheetNames(file)).quiet()
                .onSuccess(sheets::setAll)
                .onFailure(e -> error.set(ErrorDialog.plainMessage(e)))
                .start();
    }

    public void refresh() {
        ImportOptions options = options();
        busy.set(true);
        previews.start(tasks.background("Previewing " + file.getFileName(), p -> DatasetReader.preview(file, options, PREVIEW_ROWS))
                .quiet()
                .onFailure(e -> {
                    busy.set(false);
                    preview.set(null);
                    error.set(ErrorDialog.plainMessage(e));
                }), dataset -> {
                    busy.set(false);
                    error.set(null);
                    preview.set(dataset);
                });
    }

    /** The type shown for a column: the override if any, else what the preview inferred. */
    public ColumnType typeOf(String column) {
        ColumnType chosen = types.get(column);
        if (chosen != null) {
            return chosen;
        }
        Dataset p = preview.get();
        return p != null && p.hasColumn(column) ? p.type(column) : null;
    }

    public void setType(String column, ColumnType type) {
        Dataset p = preview.get();
        boolean detected = p != null && p.hasColumn(column) && p.type(column) == type && !types.containsKey(column);
        if (!detected) {
            types.put(column, type);
        }
    }

    public void cancel() {
        previews.cancel();
    }
}
