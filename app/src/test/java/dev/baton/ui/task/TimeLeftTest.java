package dev.baton.ui.task;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The status bar's estimate: the time so far scaled by what is left, rounded as people say it. */
class TimeLeftTest {

    private static long seconds(double s) {
        return (long) (s * 1e9);
    }

    @Test
    void estimatesFromTheTimeSoFar() {
        // A quarter done in 20 s: 60 s to go.
        assertThat(RunningTask.timeLeft(0.25, seconds(20))).isEqualTo("about 60 s left");
        // 10% in 40 s: 360 s, 6 minutes.
        assertThat(RunningTask.timeLeft(0.10, seconds(40))).isEqualTo("about 6 min left");
        assertThat(RunningTask.timeLeft(0.9, seconds(30))).isEqualTo("a few seconds left");
        assertThat(RunningTask.timeLeft(0.05, seconds(600))).isEqualTo("about 3.2 h left");
    }

    @Test
    void saysNothingWhileTooEarlyToTell() {
        assertThat(RunningTask.timeLeft(0.5, seconds(2))).isEmpty();
        assertThat(RunningTask.timeLeft(0.01, seconds(60))).isEmpty();
        assertThat(RunningTask.timeLeft(-1, seconds(60))).isEmpty();
        assertThat(RunningTask.timeLeft(1, seconds(60))).isEmpty();
    }
}
