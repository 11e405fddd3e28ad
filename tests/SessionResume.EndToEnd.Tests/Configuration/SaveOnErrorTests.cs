using SessionResume.Tests.Infrastructure;
using static SessionResume.Tests.Infrastructure.StateJson;

namespace SessionResume.Tests.Configuration;

/// <summary>save_on_error: false — a build with errors, or a test run with failures, does not write; clean ones do.</summary>
public class SaveOnErrorTests
{
    const string TestProject = "tests/App.Tests/App.Tests.csproj";
    const string TestSource = "tests/App.Tests/AppTests.cs";

    [Fact]
    public void With_save_on_error_false_only_clean_builds_and_passing_test_runs_write_and_a_property_turns_it_back_on()
    {
        using var repo = ThrowawayRepo.Create();
        var lib = repo.AddClassLibrary("Lib", "Calculator.cs", Sources.Calculator(Sources.BrokenStatement));
        repo.AddXunitTestProject("App.Tests", new Dictionary<string, string> { ["AppTests.cs"] = TestSources.PassAndFail("App.Tests", "AppTests") });
        repo.WriteConfig("""{ "save_on_error": false }""");

        // Build: a failing one writes nothing, a clean one does.
        var broken = repo.Build(lib);
        Check.That(broken.ExitCode == 1, repo.Describe());
        Check.Not(repo.StateExists, "save_on_error: false — a failed build must not write the state.\n" + repo.Describe());

        repo.WriteFile("src/Lib/Calculator.cs", Sources.Calculator(Sources.FixedStatement));
        Check.That(repo.Rebuild(lib).Succeeded, repo.Describe());
        var state = repo.ReadState();
        Check.That(Unresolved(state).Count == 0, repo.Describe());
        Check.That(TestsJson.Count(state, "total") is null or 0, repo.Describe());

        // Test (VSTest logger): a failing run writes nothing. The test project's clean compile is recorded,
        // so the proof is that no test results arrived.
        var failing = repo.Test(TestProject);
        Check.That(failing.ExitCode == 1 && failing.Output.Contains("Failed:     1, Passed:     1", StringComparison.Ordinal), repo.Describe());
        state = repo.ReadState();
        Check.That(TestsJson.Count(state, "total") is null or 0 && TestsJson.Runs(state, TestProject).Count == 0,
            "save_on_error: false — the failing run must not be recorded.\n" + repo.Describe());

        repo.WriteFile(TestSource, TestSources.PassAndFail("App.Tests", "AppTests", isFixed: true));
        var passing = repo.Retest(TestProject);
        Check.That(passing.Succeeded, repo.Describe());
        state = repo.ReadState();
        Check.That(TestsJson.Count(state, "passing") == 2 && TestsJson.Count(state, "failing") == 0,
            "A passing run is recorded.\n" + repo.Describe());

        // The property wins over the file, and reaches the logger.
        repo.WriteFile(TestSource, TestSources.PassAndFail("App.Tests", "AppTests"));
        var forced = repo.Retest(TestProject, "-p:SessionResumeSaveOnError=true");
        Check.That(forced.ExitCode == 1, repo.Describe());
        state = repo.ReadState();
        Check.That(TestsJson.Count(state, "failing") == 1 && TestsJson.FailedPaths(state).SequenceEqual(["tests/App.Tests/AppTests.cs:AppTests.Fails"]),
            "-p:SessionResumeSaveOnError=true records the failing run.\n" + repo.Describe());
    }
}
