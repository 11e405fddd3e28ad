using SessionResume.Application;
using SessionResume.Common;
using SessionResume.Config;
using SessionResume.Model;
using SessionResume.Observations;
using SessionResume.Store;
using SessionResume.Tests.Infrastructure;

namespace SessionResume.Tests.Application;

/// <summary>
/// A test host's journal next to the state file (&lt;state file&gt;.run-&lt;pid&gt;): the next update records the
/// run of a process that is gone as aborted, once, and deletes the journal; a live process's journal stays.
/// </summary>
public class CrashedRunsTests : IDisposable
{
    static readonly DateTime Now = new(2026, 11, 24, 9, 0, 0, DateTimeKind.Utc);
    /// <summary>Above any pid_max (Linux allows at most 4194304): no such process.</summary>
    const int DeadPid = 2_000_000_000;
    const string Project = "tests/App.Tests/App.Tests.csproj";
    readonly TempDirectory dir = new();

    public void Dispose()
    {
        dir.Dispose();
        GC.SuppressFinalize(this);
    }

    string StateFile => dir.File(".session-state.json");

    Session Open(SessionSettings? settings = null) =>
        new(new SessionLocation(dir.Path, StateFile, IsGitRepository: false), (settings ?? SessionSettings.Default) with { IncludeGitDiff = false });

    SessionState State() => StateJson.Deserialize(File.ReadAllBytes(StateFile));

    /// <summary>What a test host writes: Passes passed, Fails failed, Crashes started and never finished.</summary>
    string WriteJournal(int pid, long started, bool recorded = false)
    {
        var path = CrashedRuns.JournalPath(StateFile, pid);
        using var journal = TestHostJournal.Create(path, new JournalLine
        {
            Project = Path.Combine(dir.Path, Project),
            TargetFramework = "net10.0",
            RerunStyle = RerunStyle.TestingPlatformXunit,
            Filtered = false,
            Pid = pid,
            Started = started,
        });
        journal.Started("1", "App.Tests.T.Passes");
        journal.Finished("1", new TestResultRecord("App.Tests.T.Passes", "Passes", "App.Tests", TestOutcome.Passed));
        journal.Started("2", "App.Tests.T.Fails");
        journal.Finished("2", new TestResultRecord("App.Tests.T.Fails", "Fails", "App.Tests", TestOutcome.Failed, ErrorMessage: "Assert.Equal() Failure"));
        journal.Started("3", "App.Tests.T.Crashes");
        if (recorded) journal.Recorded();
        return path;
    }

    CaptureResult Build() => SessionWriter.Update(Open(), () => Now, (_, _) => Change.Written([]));

    [Fact]
    public void The_journal_of_a_process_that_is_gone_is_recorded_as_a_crashed_run_once_and_deleted()
    {
        var journal = WriteJournal(DeadPid, started: 1);
        File.AppendAllText(journal, "{\"k\":\"result\",\"id\":\"3\",\"res");   // the line the crash cut

        var result = Build();
        Assert.True(result.Recorded);
        Assert.Empty(result.Problems);
        Assert.False(File.Exists(journal));
        var state = State();
        var run = state.Tests.Runs[Project]["net10.0"];
        Assert.StartsWith("Test host process exited without finishing the test run.", run.Aborted);
        Assert.Contains("The test that was running: App.Tests.T.Crashes", run.Aborted);
        var crashed = Assert.Single(state.Tests.Failures, f => f.Name == "App.Tests.T.Crashes");
        Assert.Equal("crashed", crashed.Outcome);
        Assert.Equal($"dotnet test --project {Project} --filter-method App.Tests.T.Crashes", crashed.Rerun);
        Assert.Equal(1, Assert.Single(state.Tests.Failures, f => f.Name == "App.Tests.T.Fails").Attempts);

        // Recorded once: the next update finds nothing.
        Build();
        Assert.Equal(1, Assert.Single(State().Tests.Failures, f => f.Name == "App.Tests.T.Crashes").Attempts);
    }

    [Fact]
    public void A_live_process_keeps_its_journal_and_a_reused_pid_does_not()
    {
        var started = CrashedRuns.CurrentProcessStarted();
        var live = WriteJournal(Environment.ProcessId, started);
        Build();
        Assert.True(File.Exists(live));
        Assert.Empty(State().Tests.Failures);

        // Same pid, another start time: the process that wrote it is gone, this one reuses its pid.
        var reused = WriteJournal(Environment.ProcessId, started - TimeSpan.FromHours(1).Ticks);
        Assert.Equal(live, reused);
        Build();
        Assert.False(File.Exists(reused));
        Assert.Equal("crashed", Assert.Single(State().Tests.Failures, f => f.Name == "App.Tests.T.Crashes").Outcome);
    }

    [Fact]
    public void A_journal_that_says_recorded_is_deleted_without_recording_and_without_a_write()
    {
        var journal = WriteJournal(DeadPid, started: 1, recorded: true);
        var result = SessionWriter.Update(Open(), () => Now, (_, _) => Change.None([]));
        Assert.False(result.Recorded);
        Assert.False(File.Exists(journal));
        Assert.False(File.Exists(StateFile));
    }

    [Fact]
    public void A_damaged_journal_is_deleted_with_one_warning_naming_it()
    {
        var journal = CrashedRuns.JournalPath(StateFile, DeadPid);
        File.WriteAllText(journal, "not json\n{\"k\":\"start\"");
        var result = Build();
        var warning = Assert.Single(result.Problems);
        Assert.Equal(Problem.InputUnreadable, warning.Code);
        Assert.Contains(journal, warning.Message);
        Assert.False(File.Exists(journal));
        Assert.Empty(State().Tests.Runs);
    }

    [Fact]
    public void The_restore_records_a_crashed_run_it_finds_and_otherwise_does_not_write()
    {
        var session = Open();
        var (output, problem) = SessionRestore.Run(session, null, Now);
        Assert.Null(problem);
        Assert.False(File.Exists(StateFile));

        var journal = WriteJournal(DeadPid, started: 1);
        var warnings = new List<Problem>();
        (output, problem) = SessionRestore.Run(session, null, Now, warnings);
        Assert.Null(problem);
        Assert.Empty(warnings);
        Assert.False(File.Exists(journal));
        Assert.Contains("Test host process exited without finishing", output);
        Assert.NotNull(State().Tests.Runs[Project]["net10.0"].Aborted);
    }

    [Fact]
    public void A_run_cancelled_before_it_finished_is_recorded_without_blaming_the_running_test()
    {
        var journal = WriteJournal(DeadPid, started: 1);
        using (var writer = TestHostJournal.Open(journal)) writer.Exited();
        Build();
        var run = State().Tests.Runs[Project]["net10.0"];
        Assert.Equal("The test run was cancelled before it finished.", run.Aborted);
        Assert.DoesNotContain(State().Tests.Failures, f => f.Name == "App.Tests.T.Crashes");
    }
}
