package dev.baton.ui.train;

import dev.baton.train.Algorithms;
import dev.baton.train.Metrics;
import dev.baton.train.Parameter;
import dev.baton.train.Task;
import dev.baton.ui.controls.Forms;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.LinkedHashMap;
import java.util.Map;

/** The training setup: target and task, validation and seed, feature columns, algorithms and their parameters. */
final class SetupPane {

    private final TrainViewModel model;
    private final VBox root = new VBox(10);
    /** Searchable: real datasets have 80 columns and more. */
    private final ComboBox<String> target = new org.controlsfx.control.SearchableComboBox<>();
    private final TextField featureFilter = new TextField();
    private final ListView<TrainViewModel.FeatureRow> features = new ListView<>();
    private final ListView<Algorithms.Algorithm> algorithms = new ListView<>();
    private final GridPane parameters = new GridPane();
    private final Label parameterTitle = new Label();

    SetupPane(TrainViewModel model, Runnable run) {
        this.model = model;
        root.getStyleClass().add("train-setup");
        root.setPadding(new Insets(0, 10, 0, 0));
        target.setId("train-target");
        // Not bound both ways: the column list is replaced with the data, and the box must be emptied for that
        // (see refreshTargets) without the model taking the empty value as the user's choice.
        target.setValue(model.target.get());
        target.valueProperty().addListener((o, was, now) -> {
            if (!refilling && now != null) {
                model.target.set(now);
            }
        });
        model.target.addListener((o, was, now) -> {
            if (!java.util.Objects.equals(target.getValue(), now)) {
                refilling = true;
                try {
                    target.setValue(now);
                } finally {
                    refilling = false;
                }
            }
        });
        target.setMaxWidth(Double.MAX_VALUE);
        target.setPromptText("choose the column to predict");
        ComboBox<Task> task = new ComboBox<>();
        task.getItems().setAll(Task.values());
        task.valueProperty().bindBidirectional(model.task);
        task.setConverter(dev.baton.ui.controls.Labels.converter(Task::label));
        Spinner<Integer> holdout = new Spinner<>(5, 50, (int) Math.round(model.holdout.get() * 100), 5);
        holdout.setEditable(true);
        holdout.valueProperty().addListener((o, was, now) -> model.holdout.set(now / 100.0));
        model.holdout.addListener((o, was, now) -> holdout.getValueFactory().setValue((int) Math.round(now.doubleValue() * 100)));
        Spinner<Integer> folds = new Spinner<>(0, 20, model.folds.get());
        folds.setEditable(true);
        folds.setTooltip(new Tooltip("Cross-validation folds; 0 trains once on the training rows without cross-validation."));
        folds.valueProperty().addListener((o, was, now) -> model.folds.set(now == 1 ? 2 : now));
        model.folds.addListener((o, was, now) -> folds.getValueFactory().setValue(now.intValue()));
        TextField seed = new TextField(Long.toString(model.seed.get()));
        seed.textProperty().addListener((o, was, now) -> {
            try {
                model.seed.set(Long.parseLong(now.strip()));
            } catch (NumberFormatException e) {
                seed.setStyle(null);
            }
        });
        model.seed.addListener((o, was, now) -> seed.setText(Long.toString(now.longValue())));
        ComboBox<String> metric = new ComboBox<>();
        metric.setConverter(dev.baton.ui.controls.Labels.converter(Metrics::label));
        // The model swaps the items before it sets the metric, so a task change never leaves the box empty.
        metric.setItems(model.metrics);
        metric.valueProperty().bindBidirectional(model.metric);
        GridPane form = Forms.grid(8, 6);
        form.addRow(0, new Label("Predict"), target);
        form.addRow(1, new Label("Task"), task);
        form.addRow(2, new Label("Hold out (%)"), holdout);
        form.addRow(3, new Label("CV folds"), folds);
        form.addRow(4, new Label("Seed"), seed);
        form.addRow(5, new Label("Rank by"), metric);
        CheckBox search = new CheckBox();
        search.setId("train-search");
        search.selectedProperty().bindBidirectional(model.search);
        search.setTooltip(new Tooltip("Try several settings of each algorithm (your settings first, then points spread over each "
                + "setting's range), compare them by cross-validation on the training rows, and keep the simplest that is as good as the best. "
                + "The same seed tries the same settings."));
        Spinner<Integer> searchSize = new Spinner<>(2, dev.baton.train.TrainingSetup.MAX_SEARCH, model.searchSize.get());
        searchSize.setId("train-search-size");
        searchSize.setEditable(true);
        searchSize.setPrefWidth(75);
        searchSize.disableProperty().bind(model.search.not());
        searchSize.valueProperty().addListener((o, was, now) -> model.searchSize.set(now));
        model.searchSize.addListener((o, was, now) -> searchSize.getValueFactory().setValue(now.intValue()));
        Label perAlgorithm = new Label("settings each");
        perAlgorithm.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        perAlgorithm.getStyleClass().add("muted");
        HBox searchBox = new HBox(6, search, searchSize, perAlgorithm);
        searchBox.setAlignment(Pos.CENTER_LEFT);
        Label searchLabel = new Label("Search");
        searchLabel.setLabelFor(search);
        form.addRow(6, searchLabel, searchBox);

        Label featureTitle = new Label("Learn from");
        featureTitle.getStyleClass().add("section-title");
        javafx.collections.transformation.FilteredList<TrainViewModel.FeatureRow> shownFeatures = new javafx.collections.transformation.FilteredList<>(model.features);
        featureFilter.setId("train-feature-filter");
        featureFilter.setPromptText("filter columns");
        featureFilter.textProperty().addListener((o, was, now) -> {
            String needle = now == null ? "" : now.strip().toLowerCase(java.util.Locale.ROOT);
            shownFeatures.setPredicate(needle.isEmpty() ? null : f -> f.column().toLowerCase(java.util.Locale.ROOT).contains(needle));
        });
        Button includeShown = new Button("All");
        includeShown.setTooltip(new Tooltip("Learn from every column the filter shows"));
        includeShown.setOnAction(e -> shownFeatures.forEach(f -> f.included().set(true)));
        Button excludeShown = new Button("None");
        excludeShown.setTooltip(new Tooltip("Leave out every column the filter shows"));
        excludeShown.setOnAction(e -> shownFeatures.forEach(f -> f.included().set(false)));
        includeShown.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        excludeShown.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        featureFilter.setMinWidth(60);
        HBox.setHgrow(featureFilter, Priority.ALWAYS);
        HBox featureBar = new HBox(6, featureFilter, includeShown, excludeShown);
        features.setItems(shownFeatures);
        features.setId("train-features");
        features.setPlaceholder(new Label("Choose what to predict first."));
        features.setPrefHeight(200);
        features.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(TrainViewModel.FeatureRow row, boolean empty) {
                super.updateItem(row, empty);
                if (empty || row == null) {
                    setGraphic(null);
                    return;
                }
                CheckBox box = new CheckBox(row.column());
                box.setMnemonicParsing(false); // column names have underscores
                box.selectedProperty().bindBidirectional(row.included());
                if (row.reason() != null) {
                    Label why = new Label(row.reason());
                    why.getStyleClass().add("muted");
                    why.setWrapText(true);
                    // Wrapped within the list's width (less its padding and scroll bar), at its full height.
                    why.prefWidthProperty().bind(getListView().widthProperty().subtract(40));
                    why.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
                    box.setTooltip(new Tooltip("Left out by default: " + row.reason()));
                    setGraphic(new VBox(1, box, why));
                } else {
                    setGraphic(box);
                }
            }
        });

        Label algorithmTitle = new Label("Algorithms");
        algorithmTitle.getStyleClass().add("section-title");
        algorithms.setId("train-algorithms");
        algorithms.setPrefHeight(260);
        algorithms.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Algorithms.Algorithm a, boolean empty) {
                super.updateItem(a, empty);
                if (empty || a == null) {
                    setGraphic(null);
                    return;
                }
                CheckBox box = new CheckBox(a.label());
                box.setId("algorithm-" + a.id());
                box.setSelected(model.selectedAlgorithms.contains(a.id()));
                box.setDisable(!a.available());
                box.selectedProperty().addListener((o, was, now) -> {
                    if (now && !model.selectedAlgorithms.contains(a.id())) {
                        model.selectedAlgorithms.add(a.id());
                    } else if (!now) {
                        model.selectedAlgorithms.remove(a.id());
                    }
                });
                String facts = (a.probabilities() ? "probabilities" : "no probabilities") + " \u00b7 " + (a.onnx() ? "ONNX" : "no ONNX")
                        + (a.available() ? "" : " \u00b7 unavailable here");
                Label detail = new Label(facts);
                detail.getStyleClass().add("muted");
                setGraphic(new VBox(1, box, detail));
                setTooltip(new Tooltip(a.note() + (a.available() ? "" : "\n" + a.unavailableReason())));
            }
        });
        model.task.addListener((o, was, now) -> algorithms.getItems().setAll(model.catalog()));
        model.selectedAlgorithms.addListener((javafx.collections.ListChangeListener<String>) c -> algorithms.refresh());
        algorithms.getItems().setAll(model.catalog());
        algorithms.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> showParameters(now));
        parameterTitle.getStyleClass().add("section-title");
        parameters.setHgap(8);
        parameters.setVgap(4);

        Button runButton = new Button("Train");
        runButton.setId("train-run");
        runButton.getStyleClass().add("accent");
        runButton.setOnAction(e -> run.run());
        runButton.disableProperty().bind(model.runningProperty());
        runButton.setTooltip(new Tooltip("Train and compare the chosen algorithms (Ctrl+Enter)"));
        Button cancel = new Button("Cancel");
        cancel.setOnAction(e -> model.cancel());
        cancel.disableProperty().bind(model.runningProperty().not());
        Button stopSearch = new Button("Stop search");
        stopSearch.setId("train-stop-search");
        stopSearch.setTooltip(new Tooltip("Try no more settings: choose among those that finished and train the chosen ones"));
        stopSearch.setOnAction(e -> {
            model.stopSearch();
            stopSearch.setDisable(true);
        });
        stopSearch.visibleProperty().bind(model.searchingProperty());
        stopSearch.managedProperty().bind(stopSearch.visibleProperty());
        model.searchingProperty().addListener((o, was, now) -> stopSearch.setDisable(false));
        HBox buttons = new HBox(8, runButton, cancel, stopSearch);
        buttons.setAlignment(Pos.CENTER_LEFT);
        VBox.setVgrow(features, Priority.SOMETIMES);
        root.getChildren().addAll(buttons, form, featureTitle, featureBar, features, algorithmTitle, algorithms, parameterTitle, parameters);
    }

    Node node() {
        ScrollPane scroll = new ScrollPane(root);
        scroll.setFitToWidth(true);
        scroll.setMinWidth(300);
        scroll.setPrefWidth(330);
        return scroll;
    }

    /** The selected algorithm's parameters; edits are kept per algorithm and used at the next run. */
    private void showParameters(Algorithms.Algorithm a) {
        parameters.getChildren().clear();
        if (a == null) {
            parameterTitle.setText("");
            return;
        }
        parameterTitle.setText(a.label() + " settings");
        if (a.parameters().isEmpty()) {
            Label none = new Label("Nothing to set: " + a.note());
            none.setWrapText(true);
            none.setMaxWidth(290);
            parameters.addRow(0, none);
            return;
        }
        int row = 0;
        for (Parameter p : a.parameters()) {
            Map<String, Double> own = model.parameters.computeIfAbsent(a.id(), k -> new LinkedHashMap<>());
            Double value = own.getOrDefault(p.name(), p.defaultValue());
            TextField field = new TextField(p.integer() ? Long.toString(value.longValue()) : Double.toString(value));
            field.setPrefColumnCount(7);
            field.setTooltip(new Tooltip(p.help() + " (" + (p.integer() ? (long) p.min() + " to " + (long) p.max() : p.min() + " to " + p.max()) + ")"
                    + (p.search() == null ? "" : "\nA search tries " + dev.baton.util.Format.number(p.search().low()) + " to "
                    + dev.baton.util.Format.number(p.search().high()) + (p.search().log() ? " on a log scale" : "")
                    + (p.search().zeroIsUnlimited() ? " besides your value" : ""))));
            field.textProperty().addListener((o, was, now) -> {
                try {
                    double v = Double.parseDouble(now.strip());
                    if (v == p.defaultValue()) {
                        own.remove(p.name());
                    } else {
                        own.put(p.name(), v);
                    }
                    field.getStyleClass().remove("invalid");
                } catch (NumberFormatException e) {
                    if (!field.getStyleClass().contains("invalid")) {
                        field.getStyleClass().add("invalid");
                    }
                }
            });
            Label label = new Label(p.label());
            label.setWrapText(true);
            label.setMaxWidth(190);
            parameters.addRow(row++, label, field);
        }
    }


    void refreshTargets(java.util.List<String> columns) {
        if (target.getItems().equals(columns)) {
            return;
        }
        refilling = true;
        try {
            // Emptied first: the searchable box's filtered view trips over a selection past the end of new items.
            target.setValue(null);
            target.getItems().setAll(columns);
            String wanted = model.target.get();
            target.setValue(wanted != null && columns.contains(wanted) ? wanted : null);
        } finally {
            refilling = false;
        }
    }

    private boolean refilling;
}
