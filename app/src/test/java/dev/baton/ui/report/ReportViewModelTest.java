package dev.baton.ui.report;

import dev.baton.bundle.ModelCardFields;
import dev.baton.project.Project;
import dev.baton.report.Block;
import dev.baton.report.ReportModel;
import dev.baton.report.Section;
import dev.baton.ui.task.DirectTaskRunner;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The preview never shows a model card the author has since changed in Hand-off. */
class ReportViewModelTest {

    private static List<List<String>> cardRows(ReportModel report) {
        return report.sections().stream().filter(s -> s.section() == Section.MODEL_CARD).flatMap(s -> s.blocks().stream())
                .filter(b -> b instanceof Block.Table).map(b -> ((Block.Table) b).rows()).findFirst().orElseThrow();
    }

    @Test
    void editingTheModelCardMakesThePreviewStale() {
        Project project = dev.baton.report.PenguinsReport.project();
        ReportViewModel model = new ReportViewModel(project, new DirectTaskRunner());
        model.refreshPreview();
        assertThat(model.isStale()).isFalse();
        assertThat(cardRows(model.report.get())).contains(List.of("Intended use", "(not written by the author)"));

        project.setModelCard(new ModelCardFields("Sorting field records.", "", "team@example.org"));
        assertThat(model.isStale()).isTrue();
        model.refreshPreview();
        assertThat(cardRows(model.report.get())).contains(List.of("Intended use", "Sorting field records."));
    }
}
