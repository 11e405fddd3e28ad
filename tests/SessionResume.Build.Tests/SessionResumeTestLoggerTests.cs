using Microsoft.VisualStudio.TestPlatform.ObjectModel;
using SessionResume.Model;
using SessionResume.TestLogger;

namespace SessionResume.Tests;

public class SessionResumeTestLoggerTests
{
    static (SessionResumeTestLogger Logger, FakeTestLoggerEvents Events, List<string> Output) Logger(TaskRepository repo, params (string Key, string Value)[] extra)
    {
        var events = new FakeTestLoggerEvents();
        var output = new List<string>();
        var logger = new SessionResumeTestLogger { Clock = () => new DateTime(2026, 11, 24, 20, 0, 0, DateTimeKind.Utc), Output = output.Add };
        var parameters = new Dictionary<string, string?>
        {
            ["TestRunDirectory"] = repo.Root,
            ["TargetFramework"] = ".NETCoreApp,Version=v10.0",   // what vstest itself passes
            ["Project"] = repo.ProjectFile,
            ["Tfm"] = "net10.0",
        };
        foreach (var (key, value) in extra) parameters[key] = value;
        logger.Initialize(events, parameters);
        return (logger, events, output);
    }

    [Fact]
    public void A_completed_run_is_merged_into_the_state_with_the_targets_framework_name()
    {
        using var repo = new TaskRepository();
        var (_, events, output) = Logger(repo);
        var dll = Path.Combine(repo.Root, "src/App/bin/App.dll");
        events.Result("App.MathTests.Adds", TestOutcome.Passed, dll);
        events.Result("App.MathTests.Skips", TestOutcome.Skipped, dll);
        events.Result("App.MathTests.Less", TestOutcome.Failed, dll, "App.MathTests.Less(a: 1, b: 2)", "1 is not greater than 2",
            $"   at App.MathTests.Less(Int32 a, Int32 b) in {repo.Root}/src/App/MathTests.cs:line 9");
        events.Complete();

        Assert.Empty(output);
        var tests = StateJson.Deserialize(File.ReadAllText(repo.StateFile)).Tests;
        Assert.Equal((1, 1, 1, 3), (tests.Passing, tests.Failing, tests.Skipped, tests.Total));
        var failure = Assert.Single(tests.Failures);
        Assert.Equal(["net10.0"], failure.TargetFrameworks);
        Assert.Equal(("src/App/MathTests.cs", 9, "src/App/App.csproj"), (failure.File, failure.Line, failure.Project));
        Assert.Equal(["src/App/MathTests.cs:MathTests.Less(a: 1, b: 2)"], tests.FailedPaths);
        Assert.Contains("FullyQualifiedName=App.MathTests.Less", failure.Rerun);
    }

    [Fact]
    public void A_filtered_run_is_marked_partial()
    {
        using var repo = new TaskRepository();
        var (_, events, _) = Logger(repo, ("Filtered", "true"));
        events.Result("App.T.A", TestOutcome.Passed, "App.dll");
        events.Complete();
        Assert.True(StateJson.Deserialize(File.ReadAllText(repo.StateFile)).Tests.Runs["src/App/App.csproj"]["net10.0"].Partial);
    }

    [Fact]
    public void An_aborted_run_records_what_vstest_said()
    {
        using var repo = new TaskRepository();
        var (_, events, _) = Logger(repo);
        events.Error("The active test run was aborted. Reason: Test host process crashed : boom\nThe test running when the crash occurred: \nApp.CrashTests.Boom");
        events.Complete(aborted: true);
        var tests = StateJson.Deserialize(File.ReadAllText(repo.StateFile)).Tests;
        Assert.Contains("Test host process crashed", tests.Runs["src/App/App.csproj"]["net10.0"].Aborted);
        Assert.Equal(("App.CrashTests.Boom", "crashed"), (tests.Failures[0].Name, tests.Failures[0].Outcome));
    }

    [Fact]
    public void A_state_it_cannot_read_is_reported_on_the_console_and_the_run_still_lands()
    {
        using var repo = new TaskRepository();
        File.WriteAllText(repo.StateFile, "{ nope");
        var (_, events, output) = Logger(repo);
        events.Result("App.T.A", TestOutcome.Passed, "App.dll");
        events.Complete();
        Assert.StartsWith("SessionResume.Build warning SR0001:", Assert.Single(output));
        Assert.Equal(1, StateJson.Deserialize(File.ReadAllText(repo.StateFile)).Tests.Passing);
    }

    [Fact]
    public void Parameters_it_cannot_read_leave_the_run_unrecorded_with_one_warning_and_never_throw()
    {
        using var repo = new TaskRepository();
        // Two spellings of one key: the parameters cannot be read (a dictionary ignoring case).
        var (_, events, output) = Logger(repo, ("SessionResumeAutoSave", "true"), ("sessionresumeautosave", "false"));
        events.Result("App.T.A", TestOutcome.Passed, "App.dll");
        events.Complete();
        Assert.StartsWith("SessionResume.Build warning SR0005: this test run is not recorded", Assert.Single(output));
        Assert.False(File.Exists(repo.StateFile));
    }
}
