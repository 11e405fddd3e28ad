using System.Text.RegularExpressions;
using SessionResume.Tests.Infrastructure;
using static SessionResume.Tests.Infrastructure.StateJson;
using static SessionResume.Tests.Infrastructure.TestsJson;

namespace SessionResume.Tests;

/// <summary>
/// `dotnet test` (VSTest) on an xunit project with passing, failing, skipped and data-row tests:
/// the state agrees with the TRX logger of the same run, says where each failure is, and its rerun
/// commands, pasted into a shell, run exactly the failed tests.
/// </summary>
public class TestResultsTests
{
    const string Project = "tests/App.Tests/App.Tests.csproj";
    const string SourceFile = "tests/App.Tests/MathTests.cs";
    const string Subtracts = "App.Tests.MathTests.Subtracts";
    const string Row = "App.Tests.MathTests.Row";

    [Fact]
    public void Results_match_the_trx_of_the_same_run_and_each_failure_says_where_it_is_and_how_to_rerun_it()
    {
        using var repo = ThrowawayRepo.Create();
        var source = TestSources.MathTests("App.Tests");
        repo.AddXunitTestProject("App.Tests", new Dictionary<string, string> { ["MathTests.cs"] = source });
        var trxDirectory = Path.Combine(repo.Root, "trx-results");

        var test = repo.Test(Project, "--logger", "trx", "--results-directory", trxDirectory);
        Check.That(test.ExitCode != 0 && !test.TimedOut, "Failing tests fail dotnet test, as without the package.\n" + repo.Describe());

        // Our logger ran beside trx: both wrote their results.
        var trxFiles = TrxRun.FilesIn(trxDirectory);
        Check.That(trxFiles.Count == 1, $"Expected one .trx in {trxDirectory}, found {trxFiles.Count}.\n{repo.Describe()}");
        var trx = TrxRun.Read(trxFiles[0]);
        var state = repo.ReadState();
        var context = trx + "\n" + repo.Describe();
        Check.That(trx.Total == 7 && trx.Failed == 3 && trx.Skipped == 1 && trx.Passed == 3, "The TRX itself sees the 7 tests.\n" + context);
        Check.That(trx.Total - trx.Executed == trx.Skipped, "TRX counts a skipped test as not executed.\n" + context);
        Check.That(Count(state, "passing") == trx.Passed, context);
        Check.That(Count(state, "failing") == trx.Failed, context);
        Check.That(Count(state, "skipped") == trx.Skipped, context);
        Check.That(Count(state, "total") == trx.Total, context);

        var run = Run(state, Project, "net10.0");
        Check.That(run is not null, "runs[project][net10.0] is recorded.\n" + context);
        Check.That(Int(run, "total") == trx.Total && Int(run, "passed") == trx.Passed && Int(run, "failed") == trx.Failed
            && Int(run, "skipped") == trx.Skipped, context);
        Check.That(Bool(run, "partial") == false, context);
        Check.That(string.IsNullOrEmpty(Str(run, "aborted")), context);
        Check.That(Count(state, "not_in_last_run") == 0, context);

        // failed_paths: file:Class.Method, and the data row's arguments as displayed.
        var expectedPaths = new[]
        {
            $"{SourceFile}:MathTests.Row(a: 1, b: 2)",
            $"{SourceFile}:MathTests.Row(a: 3, b: 4)",
            $"{SourceFile}:MathTests.Subtracts",
        };
        Check.That(FailedPaths(state).Order(StringComparer.Ordinal).SequenceEqual(expectedPaths),
            $"failed_paths: expected\n  {string.Join("\n  ", expectedPaths)}\n{context}");
        // The failures are the TRX's failed results.
        var trxFailed = trx.Results.Where(r => r.Outcome == "Failed").Select(r => r.Name).Order(StringComparer.Ordinal).ToList();
        var recorded = Failures(state).Select(f => Str(f, "display_name") ?? "").Order(StringComparer.Ordinal).ToList();
        Check.That(recorded.SequenceEqual(trxFailed), $"display names {string.Join(", ", recorded)} vs trx {string.Join(", ", trxFailed)}\n{context}");

        var subtractsLine = Sources.LineOf(source, TestSources.SubtractsLine(false));
        var rowLine = Sources.LineOf(source, TestSources.RowLine(false));
        foreach (var failure in Failures(state))
        {
            var name = Str(failure, "name");
            var entryContext = Show(failure) + "\n" + context;
            Check.That(name is Subtracts or Row, entryContext);
            Check.That(Str(failure, "file") == SourceFile, "file: inside the repository, relative, with '/'.\n" + entryContext);
            Check.That(Int(failure, "line") == (name == Subtracts ? subtractsLine : rowLine), "line: the failing assertion.\n" + entryContext);
            Check.That(Str(failure, "message")?.Contains("Assert.", StringComparison.Ordinal) == true, entryContext);
            Check.That(Int(failure, "attempts") == 1, entryContext);
            Check.Not(string.IsNullOrWhiteSpace(Str(failure, "fingerprint")), entryContext);
            Check.That(Str(failure, "project") == Project, entryContext);
            Check.That(Strings(failure, "target_frameworks").SequenceEqual(["net10.0"]), entryContext);
            Check.That(Str(failure, "outcome") == "failed", entryContext);
            Check.That(Str(failure, "rerun") == $"dotnet test {Project} --filter \"FullyQualifiedName={name}\"", entryContext);
            Check.That(FailedPaths(state).Contains(Str(failure, "path") ?? ""), entryContext);
        }
        var fingerprints = Failures(state).Select(f => Str(f, "fingerprint")).ToList();
        Check.That(fingerprints.Distinct().Count() == fingerprints.Count, "Each failing data row has its own fingerprint.\n" + context);
        Assert.DoesNotContain(repo.Root, repo.ReadStateText());

        // The restore: the failing tests with their paths, and the rerun command as the next action.
        var restore = repo.MSBuild(Project, "SessionRestore", "-nologo");
        Check.That(restore.Succeeded, repo.Describe());
        var lines = Printed.Lines(restore.Output).Select(l => l.Trim()).ToList();
        var failingLine = lines.FindIndex(l => l == "❌ 3 failing tests");
        Check.That(failingLine >= 0, "Expected '❌ 3 failing tests'.\n" + restore);
        var listed = lines.Skip(failingLine + 1).Take(3).Order(StringComparer.Ordinal).ToList();
        Check.That(listed.SequenceEqual(expectedPaths), "The failing paths follow the count.\n" + restore);
        var next = lines.FindIndex(l => l == "Suggested next action:");
        Check.That(next >= 0 && next + 1 < lines.Count, restore.ToString());
        Check.That(lines[next + 1] == $"→ Rerun the failing tests of {Project}: dotnet test {Project} --filter \"FullyQualifiedName={Row}|FullyQualifiedName={Subtracts}\"",
            "The next action reruns exactly the failures.\n" + restore);
        Check.That(Strings(state, "next_prompts").Any(p => p.StartsWith($"Rerun the failing tests of {Project}: dotnet test ", StringComparison.Ordinal)), context);
        Assert.DoesNotContain("known failure", restore.Output);
        Assert.DoesNotContain("All 3 tests passed", restore.Output);
    }

    [Fact]
    public void A_pasted_rerun_command_runs_exactly_the_failed_tests()
    {
        using var repo = ThrowawayRepo.Create();
        repo.AddXunitTestProject("App.Tests", new Dictionary<string, string> { ["MathTests.cs"] = TestSources.MathTests("App.Tests") });
        var first = repo.Test(Project);
        Check.That(first.ExitCode != 0, repo.Describe());
        var state = repo.ReadState();
        var reruns = Failures(state).GroupBy(f => Str(f, "rerun") ?? "").ToDictionary(g => g.Key, g => g.ToList());
        Check.That(reruns.Count == 2, "Two failing methods, two rerun commands.\n" + repo.Describe());

        var index = 0;
        foreach (var (command, failures) in reruns)
        {
            var name = Str(failures[0], "name")!;
            var trxDirectory = Path.Combine(repo.Root, $"rerun-{++index}");
            // Exactly what is recorded, as a person pastes it; only a TRX logger added to count what ran.
            var rerun = repo.Shell($"{command} --logger trx --results-directory {trxDirectory}");
            Check.That(rerun.ExitCode != 0 && !rerun.TimedOut, "The rerun fails: the tests still fail.\n" + repo.Describe());
            var trxFiles = TrxRun.FilesIn(trxDirectory);
            Check.That(trxFiles.Count == 1, repo.Describe());
            var trx = TrxRun.Read(trxFiles[0]);
            var context = $"{command}\n{trx}\n{repo.Describe()}";
            // A Theory's rows share one fully qualified name: its filter runs all rows of the method.
            var expectedRun = name == Row ? 3 : 1;
            Check.That(trx.Total == expectedRun, $"Expected {expectedRun} tests to run.\n{context}");
            Check.That(trx.Results.All(r => r.Name == name || r.Name.StartsWith(name + "(", StringComparison.Ordinal)),
                "Only the failed method ran.\n" + context);
            var failedNames = trx.Results.Where(r => r.Outcome == "Failed").Select(r => r.Name).Order(StringComparer.Ordinal);
            var recordedNames = failures.Select(f => Str(f, "display_name")!).Order(StringComparer.Ordinal);
            Check.That(failedNames.SequenceEqual(recordedNames), "The rerun fails exactly the recorded failures.\n" + context);
        }

        // Each rerun was a filtered run of the same failures: still recorded, attempts counted.
        state = repo.ReadState();
        var after = repo.Describe();
        Check.That(Failures(state).Count == 3, after);
        Check.That(Failures(state).All(f => Int(f, "attempts") == 2), "Each failure failed again once: attempts 2.\n" + after);
        // The last rerun ran one method only: the other method's failures were not in it.
        var lastCommand = reruns.Keys.Last();
        Check.That(Count(state, "not_in_last_run") == Failures(state).Count(f => Str(f, "rerun") != lastCommand), after);

        // The combined command of next_prompts (all failures of the project) runs the 1 + 3 tests.
        var prompt = Strings(state, "next_prompts").Single(p => p.StartsWith("Rerun the failing tests of ", StringComparison.Ordinal));
        var combined = prompt[(prompt.IndexOf(": dotnet test ", StringComparison.Ordinal) + 2)..];
        var allDirectory = Path.Combine(repo.Root, "rerun-all");
        var all = repo.Shell($"{combined} --logger trx --results-directory {allDirectory}");
        Check.That(all.ExitCode != 0, repo.Describe());
        var allTrx = TrxRun.Read(TrxRun.FilesIn(allDirectory).Single());
        Check.That(allTrx.Total == 4 && allTrx.Failed == 3, $"{combined}\n{allTrx}\n{repo.Describe()}");
        Check.That(Regex.IsMatch(combined, "^dotnet test tests/App.Tests/App.Tests.csproj --filter \"[^\"]+\"$"), combined);
    }
}
