using SessionResume.Tests.Infrastructure;
using static SessionResume.Tests.Infrastructure.StateJson;
using static SessionResume.Tests.Infrastructure.TestsJson;

namespace SessionResume.Tests;

/// <summary>`dotnet test x.sln` with two test projects: both runs and both projects' failures are recorded.</summary>
public class TestSolutionTests
{
    [Fact]
    public void Dotnet_test_of_a_solution_records_the_runs_and_failures_of_both_test_projects()
    {
        using var repo = ThrowawayRepo.Create();
        var alpha = repo.AddXunitTestProject("Alpha.Tests", new Dictionary<string, string> { ["AlphaTests.cs"] = TestSources.PassAndFail("Alpha.Tests", "AlphaTests") });
        var beta = repo.AddXunitTestProject("Beta.Tests", new Dictionary<string, string>
        {
            ["BetaTests.cs"] = TestSources.PassAndFail("Beta.Tests", "BetaTests"),
            ["MoreTests.cs"] = "namespace Beta.Tests;\n\npublic class MoreTests\n{\n    [Fact]\n    public void Also_passes() => Assert.True(true);\n}\n",
        });
        var solution = repo.AddSolution("All", alpha, beta);

        var test = repo.Test(solution);
        Check.That(test.ExitCode != 0 && !test.TimedOut, repo.Describe());
        var state = repo.ReadState();
        var context = repo.Describe();
        var alphaRun = Run(state, alpha, "net10.0");
        var betaRun = Run(state, beta, "net10.0");
        Check.That(alphaRun is not null && betaRun is not null, "Both projects' runs are recorded.\n" + context);
        Check.That(Int(alphaRun, "total") == 2 && Int(alphaRun, "passed") == 1 && Int(alphaRun, "failed") == 1, context);
        Check.That(Int(betaRun, "total") == 3 && Int(betaRun, "passed") == 2 && Int(betaRun, "failed") == 1, context);
        Check.That(Count(state, "total") == 5 && Count(state, "passing") == 3 && Count(state, "failing") == 2, context);

        var failures = Failures(state);
        Check.That(failures.Count == 2, context);
        var alphaFailure = failures.SingleOrDefault(f => Str(f, "project") == alpha);
        var betaFailure = failures.SingleOrDefault(f => Str(f, "project") == beta);
        Check.That(alphaFailure is not null && Str(alphaFailure, "name") == "Alpha.Tests.AlphaTests.Fails"
            && Str(alphaFailure, "file") == "tests/Alpha.Tests/AlphaTests.cs"
            && Str(alphaFailure, "rerun") == $"dotnet test {alpha} --filter \"FullyQualifiedName=Alpha.Tests.AlphaTests.Fails\"", context);
        Check.That(betaFailure is not null && Str(betaFailure, "name") == "Beta.Tests.BetaTests.Fails"
            && Str(betaFailure, "file") == "tests/Beta.Tests/BetaTests.cs", context);
        Check.That(FailedPaths(state).Order(StringComparer.Ordinal).SequenceEqual(
            ["tests/Alpha.Tests/AlphaTests.cs:AlphaTests.Fails", "tests/Beta.Tests/BetaTests.cs:BetaTests.Fails"]), context);

        var restore = repo.MSBuild(solution, "SessionRestore", "-nologo");
        Check.That(restore.Succeeded, repo.Describe());
        Check.That(Printed.CountOccurrences(restore.Output, "Previous Session Found") == 1, restore.ToString());
        Assert.Contains("❌ 2 failing tests", restore.Output);
        Assert.Contains("tests/Alpha.Tests/AlphaTests.cs:AlphaTests.Fails", restore.Output);
        Assert.Contains("tests/Beta.Tests/BetaTests.cs:BetaTests.Fails", restore.Output);
        Assert.Contains($"→ Rerun the failing tests of {alpha}: dotnet test {alpha} --filter", restore.Output);
    }
}

/// <summary>A multi-targeted test project: one run per framework, one failure entry listing both.</summary>
public class TestMultiTargetingTests
{
    [Fact]
    public void A_failure_on_both_frameworks_is_one_entry_listing_both_and_the_counts_add_up_over_both_runs()
    {
        using var repo = ThrowawayRepo.Create();
        // Only the .NET 10 runtime is here: the net8.0 build runs on it.
        var project = repo.AddXunitTestProject("Multi.Tests", new Dictionary<string, string> { ["MultiTests.cs"] = TestSources.PassAndFail("Multi.Tests", "MultiTests") },
            "net8.0;net10.0", "<RollForward>Major</RollForward>");

        var test = repo.Test(project);
        Check.That(test.ExitCode != 0 && !test.TimedOut, repo.Describe());
        Check.That(Printed.CountOccurrences(test.Output, "Failed!  - Failed:     1, Passed:     1") == 2, "Both frameworks ran.\n" + repo.Describe());

        var state = repo.ReadState();
        var context = repo.Describe();
        var runs = Runs(state, project);
        Check.That(runs.Count == 2 && runs.ContainsKey("net8.0") && runs.ContainsKey("net10.0"), "One run per framework.\n" + context);
        foreach (var run in runs.Values)
            Check.That(Int(run, "total") == 2 && Int(run, "passed") == 1 && Int(run, "failed") == 1 && Bool(run, "partial") == false, context);
        // failing counts distinct tests, as listed; the runs across frameworks are counted beside it.
        Check.That(Count(state, "total") == 4 && Count(state, "passing") == 2 && Count(state, "failing") == 1 && Count(state, "skipped") == 0
            && Count(state, "failing_runs") == 2, "The counts are the sums over both runs, failing counts tests.\n" + context);
        var restore = repo.MSBuild(project, "SessionRestore");
        Check.That(restore.Output.Contains("❌ 1 failing test (2 runs across frameworks)", StringComparison.Ordinal), repo.Describe(restore));

        var failures = Failures(state);
        Check.That(failures.Count == 1, "One entry for the one failing test.\n" + context);
        var frameworks = Strings(failures[0], "target_frameworks");
        Check.That(frameworks.Count == 2 && frameworks.Contains("net8.0") && frameworks.Contains("net10.0"), context);
        Check.That(Int(failures[0], "attempts") == 1, "Failing on two frameworks in one run is one attempt.\n" + context);
        Check.That(Str(failures[0], "file") == "tests/Multi.Tests/MultiTests.cs", context);
        Check.That(FailedPaths(state).SequenceEqual(["tests/Multi.Tests/MultiTests.cs:MultiTests.Fails"]), context);

        // Once more, unchanged: one more attempt, still one entry.
        Check.That(repo.Retest(project).ExitCode != 0, repo.Describe());
        state = repo.ReadState();
        Check.That(Failures(state).Count == 1 && Int(Failures(state)[0], "attempts") == 2, "attempts counts runs, not frameworks.\n" + repo.Describe());
        Check.That(Count(state, "total") == 4 && Count(state, "failing") == 1, repo.Describe());

        // The rerun names each framework the test failed on; pasted after the fix, it exits 0.
        var rerun = Str(Failures(state)[0], "rerun") ?? "";
        Check.That(rerun.Contains("--framework net10.0", StringComparison.Ordinal) && rerun.Contains("--framework net8.0", StringComparison.Ordinal),
            "The rerun command names the frameworks.\n" + repo.Describe());
        repo.WriteFile("tests/Multi.Tests/MultiTests.cs", TestSources.PassAndFail("Multi.Tests", "MultiTests", isFixed: true));
        var pasted = repo.Shell(rerun);
        Check.That(pasted.ExitCode == 0, "The pasted rerun command passes after the fix.\n" + repo.Describe(pasted));
        Check.That(Failures(repo.ReadState()).Count == 0, repo.Describe(pasted));
    }
}
