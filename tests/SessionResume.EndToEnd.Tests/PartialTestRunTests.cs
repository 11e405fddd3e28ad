using SessionResume.Tests.Infrastructure;
using static SessionResume.Tests.Infrastructure.StateJson;
using static SessionResume.Tests.Infrastructure.TestsJson;

namespace SessionResume.Tests;

/// <summary>
/// Filtered runs do not lie (known failures outside the selection stay, the restore says so), and a
/// failure that is fixed leaves the failing list and is noted as fixed, up to "All N tests passed".
/// </summary>
public class PartialTestRunTests
{
    const string Project = "tests/App.Tests/App.Tests.csproj";
    const string SourceFile = "tests/App.Tests/MathTests.cs";
    const string Subtracts = "App.Tests.MathTests.Subtracts";
    const string Row = "App.Tests.MathTests.Row";

    [Fact]
    public void A_filtered_run_keeps_known_failures_and_fixing_the_tests_moves_them_to_fixed_until_all_pass()
    {
        using var repo = ThrowawayRepo.Create();
        repo.AddXunitTestProject("App.Tests", new Dictionary<string, string> { ["MathTests.cs"] = TestSources.MathTests("App.Tests") });
        Check.That(repo.Test(Project).ExitCode != 0, repo.Describe());
        var state = repo.ReadState();
        Check.That(Failures(state).Count == 3 && Count(state, "total") == 7, repo.Describe());

        // 1. Only a passing test runs: the three known failures stay, marked as not in the last run.
        var filtered = repo.Retest(Project, "--filter", "FullyQualifiedName=App.Tests.MathTests.Adds");
        Check.That(filtered.Succeeded, "The filtered run passes.\n" + repo.Describe());
        Assert.Contains("Total:     1", filtered.Output);
        state = repo.ReadState();
        var context = repo.Describe();
        Check.That(Failures(state).Count == 3, "Known failures outside the selection stay.\n" + context);
        Check.That(FailedPaths(state).Count == 3, context);
        Check.That(Count(state, "failing") == 3, context);
        Check.That(Count(state, "not_in_last_run") == 3, context);
        Check.That(Failures(state).All(f => Int(f, "attempts") == 1), "They did not run, so they did not fail again.\n" + context);
        Check.That(Fixed(state).Count == 0, context);
        var run = Run(state, Project, "net10.0");
        Check.That(Bool(run, "partial") == true, "runs[...].partial is true for a filtered run.\n" + context);
        Check.That(Int(run, "total") == 7 && Int(run, "skipped") == 1 && Int(run, "passed") == 3 && Int(run, "failed") == 3,
            "A partial run keeps the counts of the whole project.\n" + context);

        var restore = repo.MSBuild(Project, "SessionRestore", "-nologo");
        Check.That(restore.Succeeded, repo.Describe());
        Assert.Contains("❌ 3 failing tests", restore.Output);
        Assert.Contains("3 known failures not in the last run", restore.Output);

        // 2. Fix Subtracts and run only it: it moves to fixed; Row's two failing rows stay.
        repo.WriteFile(SourceFile, TestSources.MathTests("App.Tests", subtractsFixed: true));
        var fixedOne = repo.Retest(Project, "--filter", $"FullyQualifiedName={Subtracts}");
        Check.That(fixedOne.Succeeded, repo.Describe());
        state = repo.ReadState();
        context = repo.Describe();
        Check.That(FailuresOf(state, Subtracts).Count == 0, "The fixed test leaves failures.\n" + context);
        Check.That(!FailedPaths(state).Contains($"{SourceFile}:MathTests.Subtracts"), "... and failed_paths.\n" + context);
        Check.That(Fixed(state).Any(f => Str(f, "name") == Subtracts && Str(f, "path") == $"{SourceFile}:MathTests.Subtracts"),
            "It is noted in fixed.\n" + context);
        Check.That(FailuresOf(state, Row).Count == 2, "Row's failing rows were not in the run: they stay.\n" + context);
        Check.That(Count(state, "failing") == 2 && Count(state, "not_in_last_run") == 2, context);
        Check.That(Bool(Run(state, Project, "net10.0"), "partial") == true, context);
        Check.That(Count(state, "passing") == 4 && Count(state, "total") == 7, "Subtracts now counts as passing.\n" + context);

        restore = repo.MSBuild(Project, "SessionRestore", "-nologo");
        Assert.Contains("❌ 2 failing tests", restore.Output);
        Assert.Contains("2 known failures not in the last run", restore.Output);
        Assert.DoesNotContain($"{SourceFile}:MathTests.Subtracts", restore.Output);
        Assert.DoesNotContain($"FullyQualifiedName={Subtracts}", restore.Output);

        // 3. Fix Row too and run everything: nothing fails, the restore says so.
        repo.WriteFile(SourceFile, TestSources.MathTests("App.Tests", subtractsFixed: true, rowFixed: true));
        var all = repo.Retest(Project);
        Check.That(all.Succeeded, repo.Describe());
        state = repo.ReadState();
        context = repo.Describe();
        Check.That(Failures(state).Count == 0 && FailedPaths(state).Count == 0, context);
        Check.That(Count(state, "failing") == 0 && Count(state, "passing") == 6 && Count(state, "skipped") == 1 && Count(state, "total") == 7, context);
        Check.That(Count(state, "not_in_last_run") == 0, context);
        run = Run(state, Project, "net10.0");
        Check.That(Bool(run, "partial") == false && Int(run, "failed") == 0 && Int(run, "passed") == 6, context);
        var fixedNames = Fixed(state).Select(f => Str(f, "path")).ToList();
        Check.That(fixedNames.Contains($"{SourceFile}:MathTests.Row(a: 1, b: 2)") && fixedNames.Contains($"{SourceFile}:MathTests.Row(a: 3, b: 4)")
            && fixedNames.Contains($"{SourceFile}:MathTests.Subtracts"), "All three fixes are noted.\n" + context);
        Check.Not(Strings(state, "next_prompts").Any(p => p.StartsWith("Rerun the failing tests", StringComparison.Ordinal)),
            "No rerun prompt once everything passes.\n" + context);

        restore = repo.MSBuild(Project, "SessionRestore", "-nologo");
        Check.That(restore.Succeeded, repo.Describe());
        Assert.Contains("✅ All 6 tests passed", restore.Output);
        Assert.DoesNotContain("failing test", restore.Output);
        Assert.DoesNotContain("known failure", restore.Output);
    }
}
