using SessionResume.Tests.Infrastructure;
using static SessionResume.Tests.Infrastructure.StateJson;

namespace SessionResume.Tests.Configuration;

/// <summary>auto_save: false — builds and test runs leave the state alone; only SessionSave writes.</summary>
public class AutoSaveTests
{
    const string TestProject = "tests/App.Tests/App.Tests.csproj";

    [Fact]
    public void With_auto_save_false_a_failing_build_and_a_failing_test_run_write_nothing_but_SessionSave_does_and_a_property_turns_it_back_on()
    {
        using var repo = ThrowawayRepo.Create();
        var lib = repo.AddClassLibrary("Lib", "Calculator.cs", Sources.Calculator(Sources.BrokenStatement));
        repo.AddXunitTestProject("App.Tests", new Dictionary<string, string> { ["AppTests.cs"] = TestSources.PassAndFail("App.Tests", "AppTests") });
        repo.WriteConfig("""{ "auto_save": false }""");

        var build = repo.Build(lib);
        Check.That(build.ExitCode == 1 && build.Output.Contains("error CS0029", StringComparison.Ordinal), repo.Describe());
        Check.Not(repo.StateExists, "auto_save: false — the build must not write the state.\n" + repo.Describe());

        var test = repo.Test(TestProject);
        Check.That(test.ExitCode == 1 && test.Output.Contains("Failed:     1, Passed:     1", StringComparison.Ordinal), repo.Describe());
        Check.Not(repo.StateExists, "auto_save: false — neither the test project's build nor its run may write the state.\n" + repo.Describe());
        Check.Not(repo.FileExists(".gitignore") && repo.ReadFile(".gitignore") != ThrowawayRepo.InitialGitIgnore,
            "Nothing written, so .gitignore is not touched either.\n" + repo.Describe());

        var save = repo.MSBuild(lib, "SessionSave", "-p:SessionObjective=Configure the package");
        Check.That(save.Succeeded, repo.Describe());
        var state = repo.ReadState();
        Check.That(Str(state["objectives"], "primary") == "Configure the package", repo.Describe());
        Check.That(Str(state, "ended_at") is not null, "SessionSave ends the session.\n" + repo.Describe());
        Check.That(repo.FileNamesIn(".session-history").SequenceEqual([Str(state, "session_id") + ".json"]), repo.Describe());
        // SessionSave does not compile: the error of the earlier build was never recorded.
        Check.That(Unresolved(state).Count == 0, repo.Describe());

        // The MSBuild property wins over the file: in the build task...
        repo.Touch("src/Lib/Calculator.cs");
        var forced = repo.Rebuild(lib, "-p:SessionResumeAutoSave=true");
        Check.That(forced.ExitCode == 1, repo.Describe());
        state = repo.ReadState();
        Check.That(Unresolved(state).Any(e => Str(e, "code") == "CS0029"), "-p:SessionResumeAutoSave=true records the build.\n" + repo.Describe());
        Check.That(Str(state["objectives"], "primary") == "Configure the package", "The next session carries the objective.\n" + repo.Describe());

        // ...and in the VSTest logger, which learns it from the logger parameters.
        var forcedTest = repo.Retest(TestProject, "-p:SessionResumeAutoSave=true");
        Check.That(forcedTest.ExitCode == 1, repo.Describe());
        state = repo.ReadState();
        Check.That(TestsJson.Count(state, "failing") == 1 && TestsJson.Count(state, "passing") == 1,
            "-p:SessionResumeAutoSave=true records the test run.\n" + repo.Describe());
        Check.That(Unresolved(state).Count == 1, "The test run keeps the build's error.\n" + repo.Describe());
    }
}
