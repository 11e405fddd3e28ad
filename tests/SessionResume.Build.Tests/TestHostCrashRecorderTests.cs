using Microsoft.Testing.Platform.Extensions.Messages;
using Microsoft.Testing.Platform.Extensions.TestHostControllers;
using Microsoft.Testing.Platform.Services;
using Microsoft.Testing.Platform.TestHost;
using SessionResume.Observations;
using SessionResume.TestingPlatform;

namespace SessionResume.Tests;

/// <summary>
/// The MTP crash path without a real process: the test host's consumer journals starts and results,
/// the controller's lifetime handler reads the journal when the test host exits.
/// </summary>
public sealed class TestHostCrashRecorderTests : IDisposable
{
    readonly string journalPath = Path.Combine(Path.GetTempPath(), $"sessionresume-test-{Guid.NewGuid():N}.jsonl");

    public void Dispose() => File.Delete(journalPath);

    static TestNode Node(string uid, string method, TestNodeStateProperty state) => new()
    {
        Uid = new TestNodeUid(uid),
        DisplayName = method,
        Properties = new PropertyBag(state, new TestMethodIdentifierProperty("Mtp", "Mtp.Tests", "CrashTests", method, 0, [], "System.Void")),
    };

    static Task Publish(SessionResumeDataConsumer consumer, TestNode node) =>
        consumer.ConsumeAsync(new FakeProducer(), new TestNodeUpdateMessage(new SessionUid("s"), node), CancellationToken.None);

    /// <summary>What the test host writes for: Passes (passed), Fails (failed), then Crashes (started, never finished).</summary>
    async Task WriteJournalOfACrashedRun()
    {
        using var journal = TestHostJournal.Open(journalPath);
        var consumer = new SessionResumeDataConsumer([], journal);
        await Publish(consumer, Node("1", "Passes", InProgressTestNodeStateProperty.CachedInstance));
        await Publish(consumer, Node("1", "Passes", PassedTestNodeStateProperty.CachedInstance));
        await Publish(consumer, Node("2", "Fails", InProgressTestNodeStateProperty.CachedInstance));
        await Publish(consumer, Node("2", "Fails", new FailedTestNodeStateProperty(new InvalidOperationException("Expected 42"), "failed")));
        await Publish(consumer, Node("3", "Crashes", InProgressTestNodeStateProperty.CachedInstance));
    }

    [Fact]
    public async Task The_journal_keeps_the_results_and_the_test_that_never_finished()
    {
        await WriteJournalOfACrashedRun();
        // A process that dies while writing leaves half a line: it is ignored.
        File.AppendAllText(journalPath, "{\"k\":\"start\",\"id\":\"4\",\"na");

        var contents = TestHostJournal.Read(journalPath);

        Assert.Equal([("Mtp.Tests.CrashTests.Passes", TestOutcome.Passed), ("Mtp.Tests.CrashTests.Fails", TestOutcome.Failed)],
            contents.Results.Select(r => (r.FullyQualifiedName, r.Outcome)));
        Assert.Equal("Expected 42", contents.Results[1].ErrorMessage);
        Assert.Equal(["Mtp.Tests.CrashTests.Crashes"], contents.Running);
        Assert.False(contents.Recorded);
    }

    [Fact]
    public async Task A_test_host_that_records_its_run_says_so_in_the_journal()
    {
        using (var journal = TestHostJournal.Open(journalPath))
        {
            var consumer = new SessionResumeDataConsumer([], journal);
            await Publish(consumer, Node("1", "Passes", PassedTestNodeStateProperty.CachedInstance));
            await consumer.OnTestSessionFinishingAsync(new FakeSessionContext());
        }
        Assert.True(TestHostJournal.Read(journalPath).Recorded);
    }

    [Fact]
    public async Task A_crashed_test_host_is_recorded_by_the_controller_as_aborted_with_the_running_test()
    {
        var recorded = new List<(IReadOnlyList<TestResultRecord> Results, string Aborted)>();
        var recorder = await Controller(recorded);
        await WriteJournalOfACrashedRun();

        await recorder.OnTestHostProcessExitedAsync(new FakeProcess(134, Graceful: false), CancellationToken.None);

        var (results, aborted) = Assert.Single(recorded);
        Assert.Equal(2, results.Count);
        Assert.StartsWith("Test host process crashed (exit code 134", aborted);
        // The core reads the running test from the reason, as it does vstest's.
        Assert.Equal(["Mtp.Tests.CrashTests.Crashes"], CrashReport.RunningTests(aborted));
        Assert.False(File.Exists(journalPath));
    }

    [Fact]
    public async Task A_normal_run_is_left_to_the_test_host_so_it_is_recorded_once()
    {
        var recorded = new List<(IReadOnlyList<TestResultRecord> Results, string Aborted)>();
        var recorder = await Controller(recorded);
        using (var journal = TestHostJournal.Open(journalPath)) journal.Recorded();

        await recorder.OnTestHostProcessExitedAsync(new FakeProcess(0, Graceful: true), CancellationToken.None);
        Assert.Empty(recorded);

        // Recorded, then the host died on its way out: still not recorded twice.
        recorder = await Controller(recorded);
        using (var journal = TestHostJournal.Open(journalPath)) journal.Recorded();
        await recorder.OnTestHostProcessExitedAsync(new FakeProcess(139, Graceful: false), CancellationToken.None);
        Assert.Empty(recorded);
        Assert.False(File.Exists(journalPath));
    }

    [Fact]
    public async Task A_host_that_died_before_any_test_is_still_recorded_as_aborted()
    {
        var recorded = new List<(IReadOnlyList<TestResultRecord> Results, string Aborted)>();
        var recorder = await Controller(recorded);

        await recorder.OnTestHostProcessExitedAsync(new FakeProcess(1, Graceful: false), CancellationToken.None);

        var (results, aborted) = Assert.Single(recorded);
        Assert.Empty(results);
        Assert.Empty(CrashReport.RunningTests(aborted));
    }

    static TestHostJournalContents Journal(bool recorded = false, string? exception = null, params string[] running) =>
        new([new TestResultRecord("A.B.Passes", "A.B.Passes", "A", TestOutcome.Passed)], running, exception, recorded, null, Found: true);

    [Fact]
    public void A_crash_names_every_unfinished_test_and_an_unhandled_exception()
    {
        var reason = TestHostCrashRecorder.AbortReason(134, exitedGracefully: false,
            Journal(exception: "System.InvalidOperationException: bad state", running: ["A.B.C", "A.B.D"]), cancelled: false, args: [])!;

        Assert.StartsWith("Test host process crashed (exit code 134", reason);
        Assert.Contains("): System.InvalidOperationException: bad state", reason.Split('\n')[0]);
        Assert.Equal(["A.B.C", "A.B.D"], CrashReport.RunningTests(reason));

        // A hang dump extension kills a hung test host.
        if (!OperatingSystem.IsWindows())
            Assert.StartsWith("Test host process was killed (exit code 137, SIGKILL).\nThe test that was running: A.B.Hangs",
                TestHostCrashRecorder.AbortReason(137, exitedGracefully: false, Journal(running: ["A.B.Hangs"]), cancelled: false, args: []));
    }

    [Fact]
    public void A_run_cut_short_is_recorded_but_only_a_timeout_blames_the_running_test()
    {
        // --timeout: the platform aborts the test host's session (exit code 3) and skips its end, where the test host records.
        var timedOut = TestHostCrashRecorder.AbortReason(3, exitedGracefully: false, Journal(running: ["A.B.Hangs"]), cancelled: false, args: ["--timeout", "5s"])!;
        Assert.StartsWith("The test run was stopped by --timeout before it finished (exit code 3)", timedOut);
        Assert.Equal(["A.B.Hangs"], CrashReport.RunningTests(timedOut));

        // Ctrl+C (this process is cancelled too): the running test is not to blame.
        var cancelled = TestHostCrashRecorder.AbortReason(3, exitedGracefully: true, Journal(running: ["A.B.Hangs"]), cancelled: true, args: ["--timeout", "5s"])!;
        Assert.StartsWith("The test run was cancelled before it finished (exit code 3)", cancelled);
        Assert.Empty(CrashReport.RunningTests(cancelled));

        // Ctrl+C, then the host did not stop and was killed.
        var forced = TestHostCrashRecorder.AbortReason(137, exitedGracefully: false, Journal(running: ["A.B.Hangs"]), cancelled: true, args: [])!;
        Assert.Contains("cancelled", forced);
        Assert.Empty(CrashReport.RunningTests(forced));

        // A session the framework gave up on.
        var aborted = TestHostCrashRecorder.AbortReason(3, exitedGracefully: true, Journal(running: ["A.B.Hangs"]), cancelled: false, args: [])!;
        Assert.StartsWith("The test run was aborted before it finished", aborted);
        Assert.Empty(CrashReport.RunningTests(aborted));
    }

    [Fact]
    public void Nothing_is_recorded_twice_and_nothing_for_a_host_that_ended_before_any_test()
    {
        Assert.Null(TestHostCrashRecorder.AbortReason(0, exitedGracefully: true, Journal(recorded: true), cancelled: false, args: []));
        Assert.Null(TestHostCrashRecorder.AbortReason(134, exitedGracefully: false, Journal(recorded: true), cancelled: false, args: []));
        Assert.Null(TestHostCrashRecorder.AbortReason(3, exitedGracefully: true, new TestHostJournalContents([], [], null, false, null, Found: true), cancelled: true, args: []));
    }

    [Theory]
    [InlineData(new string[0], true)]
    [InlineData(new[] { "--server", "dotnettestcli", "--dotnet-test-pipe", "p" }, true)]
    [InlineData(new[] { "--server" }, false)]
    [InlineData(new[] { "--server", "jsonrpc", "--client-port", "1" }, false)]
    [InlineData(new[] { "--list-tests" }, false)]
    [InlineData(new[] { "--help" }, false)]
    public void The_controller_runs_for_test_runs_only(string[] args, bool enabled) =>
        Assert.Equal(enabled, TestHostCrashRecorder.IsUseful(args));

    [Fact]
    public void Only_in_progress_updates_name_a_running_test()
    {
        Assert.Equal("Mtp.Tests.CrashTests.Crashes", TestNodeResults.InProgressName(Node("3", "Crashes", InProgressTestNodeStateProperty.CachedInstance)));
        Assert.Null(TestNodeResults.InProgressName(Node("3", "Crashes", PassedTestNodeStateProperty.CachedInstance)));
    }

    /// <summary>The controller's side, with its test host's environment prepared, journaling into this test's file.</summary>
    async Task<TestHostCrashRecorder> Controller(List<(IReadOnlyList<TestResultRecord>, string)> recorded)
    {
        var recorder = new TestHostCrashRecorder([], (results, aborted) => recorded.Add((results, aborted)), journalPath);
        var variables = new FakeEnvironmentVariables();
        await recorder.UpdateAsync(variables);
        // The test host learns where to write from its environment.
        Assert.Equal(journalPath, Assert.Single(variables.Values, v => v.Key == TestHostJournal.EnvironmentVariable).Value);
        return recorder;
    }

    sealed class FakeProducer : IDataProducer
    {
        public Type[] DataTypesProduced => [typeof(TestNodeUpdateMessage)];
        public string Uid => "framework";
        public string Version => "1.0";
        public string DisplayName => "framework";
        public string Description => "";
        public Task<bool> IsEnabledAsync() => Task.FromResult(true);
    }

    sealed class FakeSessionContext : ITestSessionContext
    {
        public SessionUid SessionUid => new("s");
        public CancellationToken CancellationToken => CancellationToken.None;
    }

    sealed record FakeProcess(int ExitCode, bool Graceful) : ITestHostProcessInformation
    {
        public int PID => 42;
        public bool HasExitedGracefully => Graceful;
    }

    sealed class FakeEnvironmentVariables : IEnvironmentVariables
    {
        public Dictionary<string, string?> Values { get; } = [];
        public void SetVariable(EnvironmentVariable environmentVariable) => Values[environmentVariable.Variable] = environmentVariable.Value;
        public void RemoveVariable(string variable) => Values.Remove(variable);
        public bool TryGetVariable(string variable, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out OwnedEnvironmentVariable? environmentVariable)
        {
            environmentVariable = null;
            return false;
        }
    }
}
