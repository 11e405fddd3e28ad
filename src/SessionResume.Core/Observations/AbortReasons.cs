using System.Text;

namespace SessionResume.Observations;

/// <summary>The policy of which journalled runs are recorded as aborted, and the runs[...].aborted text they get.</summary>
internal sealed partial class TestHostJournal
{
    /// <summary>
    /// Whether the run is to be recorded, and runs[...].aborted if so: null when the test host
    /// recorded the run itself (every normal run: recorded once). Otherwise the test host either died
    /// (a crash, a kill by a hang dump) or ended its session early (cancelled, or stopped by --timeout:
    /// the platform then skips the end of the session, where the test host records). The first line
    /// says what happened; then one "The test that was running: X" line per test that had started and
    /// not finished, which the core marks as crashed; not after a cancellation (Ctrl+C), where the
    /// running test is not to blame. <paramref name="exitCode"/> is null when the run is found later,
    /// by the next update of the state (<see cref="SessionResume.Application.CrashedRuns"/>).
    /// </summary>
    public static string? AbortReason(int? exitCode, bool exitedGracefully, TestHostJournalContents journal, bool cancelled, bool timedOut)
    {
        if (journal.Recorded) return null;
        var reason = new StringBuilder();
        var code = exitCode is { } c ? $" (exit code {c}" : null;
        bool blameRunning;
        if (exitedGracefully || exitCode == TestSessionAbortedExitCode)
        {
            // The test host ended its session early. Nothing ran: nothing to say about the tests.
            if (journal.Results.Count == 0 && journal.Running.Count == 0) return null;
            // --timeout cancels the test host's session only; Ctrl+C reaches this process too.
            blameRunning = timedOut && !cancelled;
            reason.Append(blameRunning ? "The test run was stopped by --timeout before it finished"
                    : cancelled ? "The test run was cancelled before it finished"
                    : "The test run was aborted before it finished")
                .Append(code is null ? "." : code + ").");
        }
        else if (exitCode is null)
        {
            blameRunning = true;
            reason.Append("Test host process exited without finishing the test run");
            reason.Append(journal.UnhandledException is { } exception ? ": " + exception : ".");
        }
        else
        {
            var signal = Signal(exitCode.Value);
            blameRunning = !cancelled;
            reason.Append(cancelled ? "The test run was cancelled and the test host process did not exit gracefully"
                : signal is "SIGKILL" or "SIGTERM" ? "Test host process was killed" : "Test host process crashed");
            reason.Append(code).Append(signal is null ? "" : ", " + signal).Append(')');
            reason.Append(journal.UnhandledException is { } exception ? ": " + exception : ".");
        }
        if (blameRunning)
        {
            foreach (var name in journal.Running)
                reason.Append("\nThe test that was running: ").Append(name);
        }
        return reason.ToString();
    }

    /// <summary>The platform's exit code for a test session that was aborted (cancelled, --timeout).</summary>
    const int TestSessionAbortedExitCode = 3;

    /// <summary>On Unix a process killed by a signal exits with 128 + the signal's number.</summary>
    static string? Signal(int exitCode) => OperatingSystem.IsWindows() ? null : (exitCode - 128) switch
    {
        4 => "SIGILL",
        6 => "SIGABRT",
        7 => "SIGBUS",
        8 => "SIGFPE",
        9 => "SIGKILL",
        11 => "SIGSEGV",
        15 => "SIGTERM",
        _ => null,
    };
}
