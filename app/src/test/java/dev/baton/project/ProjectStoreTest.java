package dev.baton.project;

import dev.baton.data.ColumnType;
import dev.baton.data.Dataset;
import dev.baton.data.DatasetReader;
import dev.baton.data.ImportOptions;
import dev.baton.util.Progress;
import dev.baton.util.UserException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProjectStoreTest {

    @TempDir
    Path dir;

    @Test
    void saveAndReadBackTheDataSource() throws Exception {
        Path data = dir.resolve("penguins.csv");
        Files.copy(Path.of("sample-data", "penguins.csv"), data);
        Dataset dataset = DatasetReader.read(data, ImportOptions.detect().withType("year", ColumnType.CATEGORICAL), Progress.NONE);
        Project project = new Project();
        project.setData(dataset);
        Path folder = ProjectStore.folderFor(dir.resolve("study"));
        assertThat(folder.getFileName().toString()).isEqualTo("study.baton-project");
        ProjectStore.save(project.toFile(), folder);

        ProjectFile read = ProjectStore.read(folder);
        assertThat(read.format()).isEqualTo("baton-project/1");
        assertThat(read.data().fingerprint()).isEqualTo(DatasetReader.fingerprint(data));
        assertThat(read.data().relativePath()).isEqualTo("../penguins.csv");
        assertThat(read.data().options().types()).containsEntry("year", ColumnType.CATEGORICAL);
        assertThat(read.data().options().delimiter()).isEqualTo(',');
        assertThat(ProjectStore.locateData(read.data(), folder)).isEqualTo(folder.resolve("../penguins.csv").normalize());

        Dataset again = DatasetReader.read(ProjectStore.locateData(read.data(), folder), read.data().options(), Progress.NONE);
        assertThat(again.type("year")).isEqualTo(ColumnType.CATEGORICAL);
        assertThat(again.rowCount()).isEqualTo(344);
    }

    @Test
    void theRecipeIsSavedWithItsFittedValuesAndReplayedOnOpen() throws Exception {
        Project project = new Project();
        project.setData(DatasetReader.read(Path.of("sample-data", "penguins.csv"), ImportOptions.detect(), Progress.NONE));
        var history = project.history();
        project.apply(history.compute(history.withAdded(new dev.baton.clean.FillMissing(java.util.List.of("bill_length_mm"),
                dev.baton.clean.FillMissing.Method.MEDIAN, null)), "fill", Progress.NONE));
        Path folder = dir.resolve("p.baton-project");
        ProjectStore.save(project.toFile(), folder);
        assertThat(Files.readString(folder.resolve("project.json"))).contains("\"op\" : \"fill-missing\"").contains("44.45");

        ProjectFile read = ProjectStore.read(folder);
        assertThat(read.recipe()).isEqualTo(project.recipe());
        var session = ProjectLoader.session(read, ProjectStore.locateData(read.data(), folder), Progress.NONE);
        assertThat(session.current().table().doubleColumn("bill_length_mm").get(3)).isEqualTo(44.45);
        assertThat(session.current().missingCount("bill_length_mm")).isZero();
    }

    @Test
    void trainingSetupResultsChosenModelAndModelFilesRoundTrip() throws Exception {
        Project project = new Project();
        project.setData(DatasetReader.read(Path.of("sample-data", "penguins.csv"), ImportOptions.detect(), Progress.NONE));
        var setup = new dev.baton.train.TrainingSetup("species", dev.baton.train.Task.CLASSIFICATION,
                java.util.List.of("bill_length_mm", "bill_depth_mm", "flipper_length_mm", "island"), 0.25, 3, 9,
                java.util.List.of(dev.baton.train.AlgorithmChoice.of("logistic-regression"), dev.baton.train.AlgorithmChoice.of("cart")), "macroF1");
        project.setTrainingSetup(setup);
        var board = dev.baton.train.Experiment.run(project.dataset(), setup, dev.baton.train.Experiment.Listener.NONE, Progress.NONE);
        project.setLeaderboard(board);
        project.choose("cart");
        Path folder = dir.resolve("t.baton-project");
        ProjectStore.save(project.toFile(), folder, board.models());
        assertThat(folder.resolve("models/cart.tribuo")).exists();
        assertThat(folder.resolve("models/logistic-regression.preparation.json")).exists();

        ProjectFile read = ProjectStore.read(folder);
        assertThat(read.training().setup()).isEqualTo(setup);
        assertThat(read.training().chosen()).isEqualTo("cart");
        assertThat(read.training().results()).usingRecursiveComparison().isEqualTo(project.results());
        var loaded = dev.baton.train.ModelFiles.load(project.dataset(), read.training(), folder.resolve(ProjectStore.MODELS));
        for (var original : board.models()) {
            var again = loaded.get(original.result().algorithm());
            // The model read back from protobuf predicts exactly what it predicted before it was saved.
            assertThat(again.holdout().predictedClass()).isEqualTo(original.holdout().predictedClass());
            assertThat(again.holdout().probabilities()).isDeepEqualTo(original.holdout().probabilities());
        }
    }

    @Test
    void everyPartOfTheStateRoundTrips() throws Exception {
        Project project = dev.baton.report.PenguinsReport.project();
        project.setAlertSettings(new dev.baton.explore.AlertSettings(12, 50, 2.0, 0.5, 10.0, 0.9, 0));
        project.setModelCard(new dev.baton.bundle.ModelCardFields("Sorting records.", "Three islands.", "me@example.org"));
        Path folder = dir.resolve("all.baton-project");
        ProjectStore.save(project.toFile(), folder, project.leaderboard().models());

        ProjectFile read = ProjectStore.read(folder);
        ProjectFile written = project.toFile();
        assertThat(read.data().fingerprint()).isEqualTo(written.data().fingerprint());
        assertThat(read.data().options()).isEqualTo(written.data().options());
        assertThat(read.recipe()).isEqualTo(written.recipe());
        assertThat(read.explore()).isEqualTo(written.explore());
        assertThat(read.explore().alerts().missingPercent()).isEqualTo(12);
        assertThat(read.explore().pins()).hasSize(3);
        assertThat(read.training().setup()).isEqualTo(written.training().setup());
        assertThat(read.training().chosen()).isEqualTo("logistic-regression");
        assertThat(read.report()).isEqualTo(written.report());
        assertThat(read.modelCard()).isEqualTo(written.modelCard());
        // Opened again, headless: the same state, models included.
        Project opened = ProjectLoader.open(folder, Progress.NONE).project();
        assertThat(opened.recipe()).isEqualTo(project.recipe());
        assertThat(opened.reportSettings()).isEqualTo(project.reportSettings());
        assertThat(opened.modelCard()).isEqualTo(project.modelCard());
        assertThat(opened.chosenModel()).isNotNull();
        assertThat(opened.isDirty()).isFalse();
    }

    @Test
    void anInterruptedSaveLeavesThePreviousProjectLoadable() throws Exception {
        Project project = new Project();
        project.setData(DatasetReader.read(Path.of("sample-data", "penguins.csv"), ImportOptions.detect(), Progress.NONE));
        Path folder = dir.resolve("safe.baton-project");
        ProjectStore.save(project.toFile(), folder);
        String before = Files.readString(folder.resolve("project.json"));
        // A write that dies half-way (a crash, a full disk): the target is never touched.
        assertThatThrownBy(() -> dev.baton.util.AtomicFiles.write(folder.resolve("project.json"), out -> {
            out.write(before.substring(0, before.length() / 2).getBytes());
            throw new java.io.IOException("No space left on device");
        })).hasMessageContaining("No space left");
        assertThat(Files.readString(folder.resolve("project.json"))).isEqualTo(before);
        assertThat(ProjectStore.read(folder).data().fingerprint()).isEqualTo(project.toFile().data().fingerprint());
        try (var files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("project.json"); // no temporary left over
        }
    }

    @Test
    void theJsonIsReadableAndStable() throws Exception {
        Project project = new Project();
        project.setData(DatasetReader.read(Path.of("sample-data", "penguins.csv"), ImportOptions.detect(), Progress.NONE));
        Path a = dir.resolve("a.baton-project");
        ProjectStore.save(project.toFile(), a);
        Path b = dir.resolve("b.baton-project");
        ProjectStore.save(project.toFile(), b);
        String json = Files.readString(a.resolve("project.json"));
        assertThat(json).startsWith("{\n  \"format\" : \"baton-project/1\"");
        assertThat(json).isEqualTo(Files.readString(b.resolve("project.json")));
    }

    @Test
    void aNewerFormatIsRefusedWithAClearMessage() throws Exception {
        Path folder = dir.resolve("future.baton-project");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("project.json"), "{\"format\": \"baton-project/2\", \"savedWith\": \"3.0.0\"}");
        assertThatThrownBy(() -> ProjectStore.read(folder)).isInstanceOf(UserException.class)
                .hasMessageContaining("baton-project/2").hasMessageContaining("newer Baton (3.0.0)");
    }

    @Test
    void damagedJsonNamesLineAndColumn() throws Exception {
        Path folder = dir.resolve("broken.baton-project");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("project.json"), "{\n \"format\": \"baton-project/1\",\n \"name\": }");
        assertThatThrownBy(() -> ProjectStore.read(folder)).isInstanceOf(UserException.class)
                .hasMessageContaining("line 3");
    }

    @Test
    void notAProject() {
        assertThatThrownBy(() -> ProjectStore.read(dir)).hasMessageContaining("is not a Baton project");
    }
}
