package dev.baton.project;

import dev.baton.bundle.ModelCardFields;
import dev.baton.report.PenguinsReport;
import dev.baton.report.Section;
import dev.baton.util.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A session's autosave survives a crash and comes back whole; a live or cleanly ended session offers nothing. */
class RecoveryTest {

    @TempDir
    Path dir;

    @Test
    void afterACrashTheNextStartFindsTheWorkAndRestoresIt() throws Exception {
        Project project = PenguinsReport.project();
        project.setModelCard(new ModelCardFields("Field work.", "Three islands.", "me@example.org"));
        Recovery recovery = new Recovery(dir);
        Recovery.Session session = recovery.begin();
        session.save(project.toFile(), null, project.leaderboard());
        assertThat(recovery.leftovers()).as("a live session is not a leftover").isEmpty();

        session.abandon(); // the process dies: the lock goes, the files stay
        List<Recovery.Leftover> leftovers = new Recovery(dir).leftovers();
        assertThat(leftovers).hasSize(1);
        assertThat(leftovers.get(0).about().name()).isEqualTo(project.name());

        Project restored = new Project();
        ProjectLoader.Loaded loaded = leftovers.get(0).load(Progress.NONE);
        loaded.applyTo(restored);
        assertThat(restored.recipe()).isEqualTo(project.recipe());
        assertThat(restored.dataset().rowCount()).isEqualTo(344);
        assertThat(restored.explore()).isEqualTo(project.explore());
        assertThat(restored.trainingSetup()).isEqualTo(project.trainingSetup());
        assertThat(restored.chosen()).isEqualTo("logistic-regression");
        assertThat(restored.leaderboard().models()).hasSize(2);
        assertThat(restored.reportSettings().commentary(Section.LIMITATIONS)).startsWith("Only three islands");
        assertThat(restored.modelCard().contact()).isEqualTo("me@example.org");

        leftovers.get(0).discard();
        assertThat(new Recovery(dir).leftovers()).isEmpty();
    }

    @Test
    void savedWorkAndCleanExitsLeaveNothingBehind() throws Exception {
        Project project = PenguinsReport.project();
        Recovery recovery = new Recovery(dir);
        Recovery.Session session = recovery.begin();
        session.save(project.toFile(), dir.resolve("p.baton-project"), null);
        session.clear(); // the user saved
        session.abandon();
        assertThat(new Recovery(dir).leftovers()).isEmpty();
        assertThat(dir).isEmptyDirectory(); // the empty session folder was tidied away

        Recovery.Session clean = recovery.begin();
        clean.save(project.toFile(), null, null);
        clean.close();
        assertThat(Files.list(dir).toList()).isEmpty();
    }

    @Test
    void theOriginalProjectFolderIsRemembered() throws Exception {
        Project project = PenguinsReport.project();
        Recovery recovery = new Recovery(dir);
        Recovery.Session session = recovery.begin();
        Path folder = dir.resolve("elsewhere").resolve("penguins.baton-project");
        session.save(project.toFile(), folder, null);
        session.abandon();
        ProjectLoader.Loaded loaded = new Recovery(dir).leftovers().get(0).load(Progress.NONE);
        assertThat(loaded.folder()).isEqualTo(folder.toAbsolutePath());
    }
}
