using SessionResume.Common;
using SessionResume.Merge;
using SessionResume.Model;
using static SessionResume.Tests.Merge.MergeInputs;
using static SessionResume.Tests.Support.States;

namespace SessionResume.Tests.Merge;

public class StateFileMergeTestResultTests
{
    static SessionState MergedIntoCurrent()
    {
        var current = State("sess_20261124_001");
        StateFileMerge.Merge(current, Linux(), "linux.json");
        StateFileMerge.Merge(current, Windows(), "windows.json");
        return current;
    }

    [Fact]
    public void Failing_tests_are_united_by_fingerprint_and_project()
    {
        var merged = MergedIntoCurrent();

        Assert.Equal([SharedTest, WindowsTest], merged.Tests.Failures.Select(f => f.Fingerprint));
        var shared = merged.Tests.Failures[0];
        Assert.Equal((4, At(20), At(65), "Expected 1, got 2"), (shared.Attempts, shared.FirstSeen, shared.LastSeen, shared.Message));
        Assert.Equal(["linux.json", "windows.json"], shared.SeenIn);
        Assert.Equal(["windows.json"], merged.Tests.Failures[1].SeenIn);
    }

    [Fact]
    public void The_same_test_in_another_project_is_another_failure()
    {
        var target = State();
        target.Tests.Failures = [Failure(SharedTest)];
        var input = State(minutes: 10);
        var other = Failure(SharedTest);
        other.Project = "tests/Lib.Tests/Lib.Tests.csproj";
        input.Tests.Failures = [other];

        StateFileMerge.Merge(target, input, "ci.json");

        Assert.Equal(2, target.Tests.Failures.Count);
    }

    [Fact]
    public void Failed_paths_and_counts_are_derived_from_the_united_failures_and_the_newer_runs()
    {
        var merged = MergedIntoCurrent();

        Assert.Equal(["tests/App.Tests/AuthTests.cs:AuthTests.Login", "tests/App.Tests/AuthTests.cs:PathTests.Separator"], merged.Tests.FailedPaths);
        var run = merged.Tests.Runs[TestProject]["net8.0"];
        Assert.Equal((At(65), 10, 2, 8), (run.Time, run.Total, run.Failed, run.Passed));
        Assert.Equal((8, 2, 0, 10), (merged.Tests.Passing, merged.Tests.Failing, merged.Tests.Skipped, merged.Tests.Total));
    }

    [Fact]
    public void A_kept_newer_run_counts_the_failures_the_other_file_adds()
    {
        var target = State(minutes: 100);
        target.Tests.Failures = [Failure(SharedTest, seen: 90, tfm: "net8.0")];
        AddRun(target, "net8.0", Run(total: 12, failed: 1, skipped: 1, minutes: 90));
        var input = State(minutes: 50);
        input.Tests.Failures = [Failure(WindowsTest, name: "App.Tests.PathTests.Separator", seen: 40, tfm: "net8.0")];
        AddRun(input, "net8.0", Run(total: 10, failed: 1, minutes: 40));

        StateFileMerge.Merge(target, input, "ci.json");

        var run = target.Tests.Runs[TestProject]["net8.0"];
        Assert.Equal((At(90), 12, 2, 1, 9), (run.Time, run.Total, run.Failed, run.Skipped, run.Passed));
        Assert.Equal((9, 2, 1, 12), (target.Tests.Passing, target.Tests.Failing, target.Tests.Skipped, target.Tests.Total));
        // The input's failure was last seen before the target's run of the same framework.
        Assert.Equal(1, target.Tests.NotInLastRun);
    }

    [Fact]
    public void Runs_of_other_frameworks_and_projects_are_added()
    {
        var target = State(minutes: 10);
        AddRun(target, "net8.0", Run(total: 5, failed: 0, minutes: 10));
        var input = State(minutes: 20);
        AddRun(input, "net10.0", Run(total: 7, failed: 0, skipped: 2, minutes: 20));

        StateFileMerge.Merge(target, input, "ci.json");

        Assert.Equal(["net10.0", "net8.0"], target.Tests.Runs[TestProject].Keys);
        Assert.Equal((10, 0, 2, 12), (target.Tests.Passing, target.Tests.Failing, target.Tests.Skipped, target.Tests.Total));
    }

    [Fact]
    public void An_older_input_does_not_bring_back_a_test_fixed_since()
    {
        var target = State(minutes: 100);
        var failure = Failure(SharedTest);
        target.Tests.Fixed = [new FixedTest { Name = failure.Name, Path = failure.Path, Project = failure.Project, Attempts = 2, FixedAt = At(30) }];
        var older = State(minutes: 20);
        older.Tests.Failures = [Failure(SharedTest)];
        var newer = State(minutes: 40);
        newer.Tests.Failures = [Failure(SharedTest)];

        StateFileMerge.Merge(target, older, "old.json");
        Assert.Empty(target.Tests.Failures);
        StateFileMerge.Merge(target, newer, "new.json");
        Assert.Single(target.Tests.Failures);
    }

    [Fact]
    public void An_input_that_fixed_a_test_after_the_target_last_looked_fixes_it_there_too()
    {
        var target = State(minutes: 20);
        target.Tests.Failures = [Failure(SharedTest)];
        var failure = Failure(SharedTest);
        var input = State(minutes: 100);
        input.Tests.Fixed = [new FixedTest { Name = failure.Name, Path = failure.Path, Project = failure.Project, FixedAt = At(30) }];

        StateFileMerge.Merge(target, input, "ci.json");

        Assert.Empty(target.Tests.Failures);
        Assert.Single(target.Tests.Fixed);
    }
}
