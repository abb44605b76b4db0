package dev.baton.ui.handoff;

import dev.baton.bundle.BundleExporter;
import dev.baton.bundle.Contract;
import dev.baton.bundle.ModelCardFields;
import dev.baton.train.Algorithms;
import dev.baton.train.Metrics;
import dev.baton.train.ModelResult;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The Hand-off stage: the chosen model, the model card's fields only the author can fill, the inputs the bundle
 * will require (its contract), and Export bundle, which proves the written file against the workbench's own
 * predictions before it appears, then verifies it. Its second tab monitors new data with a bundle.
 */
public final class HandoffStageView {

    private final HandoffViewModel model;
    private final Supplier<Window> window;
    private final BorderPane root = new BorderPane();
    private final Label modelSummary = new Label();
    private final TextArea intendedUse = new TextArea();
    private final TextArea limitations = new TextArea();
    private final TextField contact = new TextField();
    private final TableView<Contract.Input> contract = new TableView<>();
    private final Label steps = new Label();
    private final Label result = new Label();
    private final Button export = new Button("Export bundle\u2026");
    private final TabPane tabs = new TabPane();
    private final Tab monitorTab = new Tab("Monitor new data");
    private final MonitorView monitor;
    private boolean filling;

    public HandoffStageView(HandoffViewModel model, Supplier<Window> window) {
        this.model = model;
        this.window = window;
        this.monitor = new MonitorView(model.monitor, window);
        root.getStyleClass().add("stage-view");
        root.setId("stage-handoff");
        Label title = new Label("Hand-off");
        title.getStyleClass().add("stage-title");
        Label hint = new Label("One file for engineers: the model, the exact preparation it needs, its input contract, metrics, "
                + "golden examples and a model card. It is checked against your predictions before it is written.");
        hint.getStyleClass().add("muted");
        hint.setWrapText(true);
        export.setId("export-bundle");
        export.setDefaultButton(false);
        export.setTooltip(new Tooltip("Write NAME.baton (Ctrl+Shift+B)"));
        export.setOnAction(e -> exportBundle());
        result.setWrapText(true);
        result.setId("bundle-result");
        Label message = new Label();
        message.getStyleClass().add("import-error");
        message.setWrapText(true);
        message.textProperty().bind(model.message);
        message.visibleProperty().bind(model.message.isNotNull());
        message.managedProperty().bind(message.visibleProperty());
        VBox header = new VBox(4, title, hint, new HBox(10, export), message, result);
        header.getStyleClass().add("stage-header");
        root.setTop(header);

        modelSummary.setWrapText(true);
        modelSummary.setId("handoff-model");
        intendedUse.setPromptText("What the model is for, who uses its predictions, and for which decisions.");
        limitations.setPromptText("Where it should not be used; known weaknesses; what to monitor.");
        contact.setPromptText("Who to ask: a name, team or address.");
        intendedUse.setId("card-intended-use");
        limitations.setId("card-limitations");
        contact.setId("card-contact");
        for (TextArea area : new TextArea[]{intendedUse, limitations}) {
            area.setWrapText(true);
            area.setPrefRowCount(5);
        }
        intendedUse.textProperty().addListener((o, was, now) -> edit(card().withIntendedUse(now)));
        limitations.textProperty().addListener((o, was, now) -> edit(card().withLimitations(now)));
        contact.textProperty().addListener((o, was, now) -> edit(card().withContact(now)));
        Label cardTitle = new Label("Model card");
        cardTitle.getStyleClass().add("section-title");
        Label cardHint = new Label("The rest of the card (data, training, metrics, per-class results, caveats) is filled in from the project.");
        cardHint.getStyleClass().add("muted");
        cardHint.setWrapText(true);
        VBox left = new VBox(6, sectionTitle("Chosen model"), modelSummary, cardTitle, cardHint, new Label("Intended use"), intendedUse,
                new Label("Limitations"), limitations, new Label("Contact"), contact);
        left.setPadding(new Insets(8));

        contract.setId("contract-table");
        contract.setPlaceholder(new Label("The inputs appear here once a model is chosen."));
        contract.getColumns().add(column("input column", Contract.Input::name, 200));
        contract.getColumns().add(column("type", in -> in.type().label(), 90));
        contract.getColumns().add(column("seen in training", HandoffStageView::seen, 320));
        contract.getColumns().add(column("if missing", in -> in.missing().id(), 80));
        contract.getColumns().add(column("if new or out of range", in -> in.categories() != null ? in.unseen().id() : in.outOfRange().id(), 150));
        steps.setWrapText(true);
        steps.getStyleClass().add("muted");
        VBox.setVgrow(contract, Priority.ALWAYS);
        VBox right = new VBox(6, sectionTitle("What engineers must send (the contract)"), contract, steps);
        right.setPadding(new Insets(8));
        SplitPane split = new SplitPane(left, right);
        split.setDividerPositions(0.36);
        Tab exportTab = new Tab("Export", split);
        exportTab.setId("handoff-export-tab");
        monitorTab.setContent(monitor.node());
        monitorTab.setId("handoff-monitor-tab");
        tabs.getTabs().setAll(exportTab, monitorTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        root.setCenter(tabs);

        model.preview.addListener((o, was, now) -> showPreview(now));
        model.exported.addListener((o, was, now) -> showExported(now));
        model.project().addListener(change -> {
            switch (change) {
                case FILE, HANDOFF -> fill();
                case TRAINING, DATA -> showModel();
                default -> { }
            }
        });
        root.sceneProperty().addListener((o, was, now) -> {
            if (now != null) {
                model.refresh();
                showModel();
            }
        });
        fill();
        showModel();
    }

    public Node node() {
        return root;
    }

    public HandoffViewModel model() {
        return model;
    }

    private static Label sectionTitle(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section-title");
        return l;
    }

    private ModelCardFields card() {
        return model.project().modelCard();
    }

    private void edit(ModelCardFields next) {
        if (!filling) {
            model.setCard(next);
        }
    }

    private void fill() {
        ModelCardFields c = card();
        filling = true;
        try {
            if (!intendedUse.getText().equals(c.intendedUse())) {
                intendedUse.setText(c.intendedUse());
            }
            if (!limitations.getText().equals(c.limitations())) {
                limitations.setText(c.limitations());
            }
            if (!contact.getText().equals(c.contact())) {
                contact.setText(c.contact());
            }
        } finally {
            filling = false;
        }
    }

    private void showModel() {
        var project = model.project();
        ModelResult chosen = project.trainingState() == null ? null : project.trainingState().chosenResult();
        export.setDisable(!model.ready());
        if (chosen == null) {
            modelSummary.setText("No model chosen yet.");
            return;
        }
        String metric = project.trainingSetup().metric();
        Double value = chosen.holdout().get(metric);
        Algorithms.Algorithm a = Algorithms.get(chosen.task(), chosen.algorithm());
        modelSummary.setText(String.format(Locale.ROOT, "%s predicting %s: %s %.4f on %,d held-out rows. %s", chosen.label(),
                project.trainingSetup().target(), Metrics.label(metric), value == null ? Double.NaN : value, chosen.testRows(),
                a.onnx() ? "The bundle will include an ONNX graph, of the whole pipeline where every recipe step has an ONNX form."
                        : "This algorithm has no ONNX export; engineers use the Tribuo model."));
    }

    private void showPreview(BundleExporter.Preview p) {
        if (p == null) {
            contract.getItems().clear();
            steps.setText("");
            return;
        }
        contract.getItems().setAll(p.contract().inputs());
        int n = p.recipe().steps().size();
        steps.setText(n == 0 ? "No cleaning step is needed at scoring time: the raw columns go straight to the model's preparation."
                : n + " of the recipe's steps go into the bundle and run on every scored row: "
                + String.join("; ", p.recipe().steps().stream().map(s -> s.operation().describe()).toList()) + ".");
    }

    private void showExported(HandoffViewModel.Exported e) {
        if (e == null) {
            result.setText("");
            return;
        }
        var r = e.report();
        var v = e.verified();
        result.setText(String.format(Locale.ROOT, "Wrote %s (%,d KB). It reproduced the workbench's predictions on all %,d held-out rows; "
                        + "%d golden examples verified with the Java scorer%s. %s",
                r.file(), r.bytes() / 1024, r.parityRows(), v.rows(),
                v.onnxChecked() ? (v.onnxDifferences().isEmpty() ? " and ONNX Runtime" : ", but ONNX Runtime differs") : "",
                r.onnxSummary()));
    }

    /** Shows the Monitor tab and checks the chosen data against the chosen bundle (Ctrl+Shift+D). */
    public void checkDrift() {
        tabs.getSelectionModel().select(monitorTab);
        monitor.check();
    }

    public void exportBundle() {
        if (!model.ready()) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the model bundle");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Baton model bundle", "*.baton"));
        chooser.setInitialFileName(model.project().name() + ".baton");
        File file = chooser.showSaveDialog(window.get());
        if (file != null) {
            model.export(file.toPath());
        }
    }

    private static String seen(Contract.Input in) {
        if (in.categories() != null) {
            return String.join(", ", in.categories().size() > 8 ? in.categories().subList(0, 8) : in.categories())
                    + (in.categories().size() > 8 ? " \u2026 (" + in.categories().size() + " values)" : "");
        }
        if (in.minText() != null) {
            return in.minText() + " to " + in.maxText();
        }
        return in.min() == null ? "any" : dev.baton.util.Format.number(in.min()) + " to " + dev.baton.util.Format.number(in.max());
    }

    private static TableColumn<Contract.Input, String> column(String title, Function<Contract.Input, String> value, double width) {
        TableColumn<Contract.Input, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(value.apply(cd.getValue())));
        c.setPrefWidth(width);
        return c;
    }
}
