using SessionResume.Merge;
using SessionResume.Model;
using SessionResume.Observations;

namespace SessionResume.Tests.Merge;

public class TestMergeTests
{
    const string Root = "/repo";
    const string Project = "tests/App.Tests/App.Tests.csproj";
    readonly SessionState state = new();
    DateTime now = new(2026, 11, 24, 10, 0, 0, DateTimeKind.Utc);

    static TestResultRecord Passed(string name, string? display = null) => new($"App.Tests.{name}", display ?? $"App.Tests.{name}", "App.Tests", TestOutcome.Passed);
    static TestResultRecord Skipped(string name) => new($"App.Tests.{name}", $"App.Tests.{name}", "App.Tests", TestOutcome.Skipped);
    static TestResultRecord Failed(string name, string? display = null, string message = "Assert.Equal() Failure") =>
        new($"App.Tests.{name}", display ?? $"App.Tests.{name}", "App.Tests", TestOutcome.Failed,
            ErrorMessage: message, ErrorStackTrace: $"   at App.Tests.{name}() in /repo/tests/App.Tests/AuthTests.cs:line 12\n   at System.Reflection.X()");

    void Run(bool partial = false, string tfm = "net10.0", string? aborted = null, params TestResultRecord[] results)
    {
        TestMerge.Apply(state, new TestRunObservation(Project, tfm, partial, results, aborted), new MergeContext(now, new NoSources()), Root);
        NextPrompts.Regenerate(state);
        now = now.AddMinutes(1);
    }

    [Fact]
    public void A_run_records_counts_failures_and_the_seeds_failed_paths()
    {
        Run(results: [Passed("AuthTests.Login"), Skipped("AuthTests.Later"), Failed("AuthTests.Logout"), Failed("MathTests.Add", "App.Tests.MathTests.Add(a: 1, b: 2)")]);

        Assert.Equal((1, 2, 1, 4), (state.Tests.Passing, state.Tests.Failing, state.Tests.Skipped, state.Tests.Total));
        Assert.Equal(["tests/App.Tests/AuthTests.cs:AuthTests.Logout", "tests/App.Tests/AuthTests.cs:MathTests.Add(a: 1, b: 2)"], state.Tests.FailedPaths);
        var logout = state.Tests.Failures.Single(f => f.Name == "App.Tests.AuthTests.Logout");
        Assert.Equal(("tests/App.Tests/AuthTests.cs", 12, 1, Project), (logout.File, logout.Line, logout.Attempts, logout.Project));
        Assert.Equal("dotnet test tests/App.Tests/App.Tests.csproj --filter \"FullyQualifiedName=App.Tests.AuthTests.Logout\"", logout.Rerun);
        Assert.Contains(state.NextPrompts, p => p.StartsWith("Rerun the failing tests of tests/App.Tests/App.Tests.csproj: dotnet test", StringComparison.Ordinal)
            && p.Contains("FullyQualifiedName=App.Tests.AuthTests.Logout|FullyQualifiedName=App.Tests.MathTests.Add"));
    }

    [Fact]
    public void Attempts_count_consecutive_failing_runs_and_a_pass_notes_the_fix()
    {
        Run(results: [Failed("AuthTests.Logout")]);
        Run(results: [Failed("AuthTests.Logout")]);
        Assert.Equal(2, Assert.Single(state.Tests.Failures).Attempts);

        Run(results: [Passed("AuthTests.Logout")]);
        Assert.Empty(state.Tests.Failures);
        Assert.Empty(state.Tests.FailedPaths);
        var fixedTest = Assert.Single(state.Tests.Fixed);
        Assert.Equal(("App.Tests.AuthTests.Logout", 2), (fixedTest.Name, fixedTest.Attempts));
        Assert.Empty(state.NextPrompts);
    }

    [Fact]
    public void A_filtered_run_keeps_the_failures_it_did_not_run()
    {
        Run(results: [Passed("A.One"), Failed("A.Two"), Failed("A.Three")]);
        Run(partial: true, results: [Passed("A.Two")]);

        var remaining = Assert.Single(state.Tests.Failures);
        Assert.Equal("App.Tests.A.Three", remaining.Name);
        Assert.Equal(1, state.Tests.NotInLastRun);
        Assert.Equal((2, 1, 3), (state.Tests.Passing, state.Tests.Failing, state.Tests.Total));
        Assert.True(state.Tests.Runs[Project]["net10.0"].Partial);
    }

    [Fact]
    public void A_full_run_forgets_failures_of_tests_that_no_longer_exist_without_calling_them_fixed()
    {
        Run(results: [Failed("A.Renamed")]);
        Run(results: [Passed("A.NewName")]);
        Assert.Empty(state.Tests.Failures);
        Assert.Empty(state.Tests.Fixed);
    }

    [Fact]
    public void Data_rows_are_separate_tests()
    {
        Run(results: [Failed("M.Add", "App.Tests.M.Add(1, 2)"), Passed("M.Add", "App.Tests.M.Add(2, 3)")]);
        Assert.Equal("App.Tests.M.Add(1, 2)", Assert.Single(state.Tests.Failures).DisplayName);
    }

    [Fact]
    public void Results_of_two_frameworks_merge_into_one_failure_with_both_frameworks()
    {
        Run(tfm: "net8.0", results: [Failed("A.Two"), Passed("A.One")]);
        Run(tfm: "net10.0", results: [Failed("A.Two"), Passed("A.One")]);
        var failure = Assert.Single(state.Tests.Failures);
        Assert.Equal(["net10.0", "net8.0"], failure.TargetFrameworks);
        // Failing counts distinct tests (issue 11); the runs across frameworks are counted beside it.
        Assert.Equal((2, 1, 4, (int?)2), (state.Tests.Passing, state.Tests.Failing, state.Tests.Total, state.Tests.FailingRuns));

        Run(tfm: "net8.0", results: [Passed("A.Two"), Passed("A.One")]);
        Assert.Equal(["net10.0"], Assert.Single(state.Tests.Failures).TargetFrameworks);
    }

    [Fact]
    public void A_crashed_test_host_is_recorded_with_the_test_that_was_running()
    {
        Run(aborted: "The active test run was aborted. Reason: Test host process crashed : Fatal error.\nThe test running when the crash occurred: \nApp.Tests.CrashTests.Boom",
            results: [Passed("A.One")]);

        var crash = Assert.Single(state.Tests.Failures);
        Assert.Equal(("App.Tests.CrashTests.Boom", "crashed"), (crash.Name, crash.Outcome));
        Assert.NotNull(state.Tests.Runs[Project]["net10.0"].Aborted);
        Assert.Equal(1, state.Tests.Failing);
    }

    [Fact]
    public void Every_test_named_as_running_when_the_host_crashed_is_marked_and_counted()
    {
        // The MTP extension writes one line per test in progress (a parallel run can have several).
        Run(aborted: "Test host process crashed (exit code 134, SIGABRT).\nThe test running when the crash occurred: App.Tests.A.Boom\nThe test running when the crash occurred: App.Tests.B.Slow",
            results: [Passed("A.One"), Failed("A.Two")]);

        Assert.Equal(["App.Tests.A.Boom", "App.Tests.B.Slow"], state.Tests.Failures.Where(f => f.Outcome == "crashed").Select(f => f.Name).Order());
        Assert.Equal("dotnet test tests/App.Tests/App.Tests.csproj --filter \"FullyQualifiedName=App.Tests.A.Boom\"",
            state.Tests.Failures.Single(f => f.Name == "App.Tests.A.Boom").Rerun);
        var run = state.Tests.Runs[Project]["net10.0"];
        // Two results and two tests cut short: four ran, three failed.
        Assert.Equal((4, 3, 1, true), (run.Total, run.Failed, run.Passed, run.Partial));
    }

    [Fact]
    public void A_crash_without_a_known_test_is_still_recorded_on_the_run()
    {
        Run(aborted: "Test host process crashed", results: []);
        Assert.Equal("Test host process crashed", state.Tests.Runs[Project]["net10.0"].Aborted);
        Assert.Empty(state.Tests.Failures);
    }

    [Fact]
    public void Long_failure_messages_are_kept_short_with_a_marker()
    {
        var message = string.Join("\n", Enumerable.Range(1, 30).Select(i => $"line {i}"));
        Run(results: [Failed("A.Long", message: message)]);
        Assert.EndsWith("line 5\n… and 25 more lines", state.Tests.Failures[0].Message);
    }

    sealed class NoSources : ISourceText
    {
        public IReadOnlyList<string>? Lines(string sessionPath) => null;
    }
}
