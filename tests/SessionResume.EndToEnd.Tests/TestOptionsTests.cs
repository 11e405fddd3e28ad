using SessionResume.Tests.Infrastructure;
using static SessionResume.Tests.Infrastructure.StateJson;
using static SessionResume.Tests.Infrastructure.TestsJson;

namespace SessionResume.Tests;

/// <summary>
/// The user's own `dotnet test` options keep working beside the package's logger, and each run still
/// updates the state: several loggers, --settings (with its own logger), --blame-hang-timeout,
/// --results-directory, --no-build, and a custom state file.
/// </summary>
public class TestOptionsTests
{
    const string Project = "tests/App.Tests/App.Tests.csproj";
    const string FailingPath = "tests/App.Tests/AppTests.cs:AppTests.Fails";

    const string RunSettings = """
        <?xml version="1.0" encoding="utf-8"?>
        <RunSettings>
          <RunConfiguration>
            <ResultsDirectory>./settings-results</ResultsDirectory>
            <TestSessionTimeout>600000</TestSessionTimeout>
          </RunConfiguration>
          <LoggerRunSettings>
            <Loggers>
              <Logger friendlyName="trx">
                <Configuration>
                  <LogFileName>from-settings.trx</LogFileName>
                </Configuration>
              </Logger>
            </Loggers>
          </LoggerRunSettings>
          <xUnit>
            <ParallelizeTestCollections>false</ParallelizeTestCollections>
          </xUnit>
        </RunSettings>
        """;

    /// <summary>Deletes the state, runs dotnet test with ARGS, and checks the run's results were recorded again.</summary>
    static CommandResult RunAndCheckRecorded(ThrowawayRepo repo, string what, params string[] args)
    {
        File.Delete(repo.StatePath);
        var test = repo.Test(Project, args);
        var context = $"[{what}]\n{repo.Describe()}";
        Check.That(test.ExitCode == 1 && !test.TimedOut, "The failing test fails the run, as always.\n" + context);
        // The minimal console summary, or the detailed logger's "Total tests: 3".
        Check.That(test.Output.Contains("Failed!  - Failed:     1, Passed:     2, Skipped:     0, Total:     3", StringComparison.Ordinal)
            || System.Text.RegularExpressions.Regex.IsMatch(test.Output, @"Total tests: 3\b"), "vstest reports the 3 tests.\n" + context);
        Check.Not(test.Output.Contains("SR0005", StringComparison.Ordinal), context);
        var state = repo.ReadState();
        Check.That(Count(state, "total") == 3 && Count(state, "passing") == 2 && Count(state, "failing") == 1, context);
        Check.That(FailedPaths(state).SequenceEqual([FailingPath]), context);
        Check.That(Run(state, Project, "net10.0") is not null, context);
        return test;
    }

    [Fact]
    public void Several_loggers_settings_blame_hang_timeout_results_directory_and_no_build_each_still_record_the_run()
    {
        using var repo = ThrowawayRepo.Create();
        repo.AddXunitTestProject("App.Tests", new Dictionary<string, string>
        {
            ["AppTests.cs"] = TestSources.PassAndFail("App.Tests", "AppTests"),
            ["OtherTests.cs"] = "namespace App.Tests;\n\npublic class OtherTests\n{\n    [Fact]\n    public void Passes_too() => Assert.True(true);\n}\n",
        });
        repo.WriteFile("x.runsettings", RunSettings);
        Check.That(repo.Restore(Project).Succeeded, repo.Describe());

        // Several loggers: a detailed console logger and trx, into a results directory of ours.
        var results = Path.Combine(repo.Root, "results-1");
        var detailed = RunAndCheckRecorded(repo, "console;verbosity=detailed + trx", "--no-restore",
            "--logger", "console;verbosity=detailed", "--logger", "trx", "--results-directory", results);
        Assert.Contains("Passed App.Tests.OtherTests.Passes_too", detailed.Output);
        var trx = TrxRun.Read(TrxRun.FilesIn(results).Single());
        Check.That(trx.Total == 3 && trx.Failed == 1, trx.ToString());

        // --settings whose RunSettings declare a logger (trx) and a results directory of their own.
        RunAndCheckRecorded(repo, "--settings", "--no-restore", "--settings", "x.runsettings");
        var fromSettings = Directory.GetFiles(repo.Root, "from-settings.trx", SearchOption.AllDirectories);
        Check.That(fromSettings.Length == 1, "The settings' own trx logger ran too.\n" + repo.Describe());

        // --blame-hang-timeout (the blame data collector runs beside the logger).
        RunAndCheckRecorded(repo, "--blame-hang-timeout", "--no-restore", "--blame-hang-timeout", "60s");

        // --no-build after a build.
        Check.That(repo.Rebuild(Project).Succeeded, repo.Describe());
        var noBuildResults = Path.Combine(repo.Root, "results-2");
        var noBuild = RunAndCheckRecorded(repo, "--no-build", "--no-build", "--results-directory", noBuildResults, "--logger", "trx");
        Assert.DoesNotContain("App.Tests -> ", noBuild.Output);
        Check.That(TrxRun.FilesIn(noBuildResults).Count == 1, repo.Describe());

        // A custom state file (relative to the root) is where the test results go.
        File.Delete(repo.StatePath);
        var custom = repo.Retest(Project, "--no-build", "-p:SessionResumeStateFile=custom/state.json");
        Check.That(custom.ExitCode == 1, repo.Describe());
        Check.Not(repo.StateExists, "Nothing at the default place.\n" + repo.Describe());
        Check.That(repo.FileExists("custom/state.json"), "The results go to custom/state.json.\n" + repo.Describe());
        var customState = System.Text.Json.Nodes.JsonNode.Parse(repo.ReadFile("custom/state.json"))!.AsObject();
        Check.That(FailedPaths(customState).SequenceEqual([FailingPath]), repo.ReadFile("custom/state.json"));
    }
}

/// <summary>Where the package must stay out: SessionResumeEnabled=false, and a repository that does not reference it.</summary>
public class TestOptOutTests
{
    const string Project = "tests/App.Tests/App.Tests.csproj";

    [Fact]
    public void Without_the_package_or_with_SessionResumeEnabled_false_dotnet_test_leaves_no_trace()
    {
        using var repo = ThrowawayRepo.Create();
        repo.AddXunitTestProject("App.Tests", new Dictionary<string, string> { ["AppTests.cs"] = TestSources.PassAndFail("App.Tests", "AppTests") });

        // A test project that does not reference the package (restore included): untouched.
        var without = repo.Test(Project, $"-p:{ThrowawayRepo.WithoutPackageProperty}=true");
        Check.That(without.ExitCode == 1, repo.Describe());
        Assert.Contains("Failed!  - Failed:     1, Passed:     1", without.Output);
        Check.Not(repo.StateExists, "No state file without the package.\n" + repo.Describe());
        Assert.DoesNotContain("SessionResume.Build warning", without.Output);
        Assert.DoesNotContain("test logger", without.Output, StringComparison.OrdinalIgnoreCase);

        // The package referenced but turned off: no logger, no state.
        var disabled = repo.Test(Project, "-p:SessionResumeEnabled=false");
        Check.That(disabled.ExitCode == 1, repo.Describe());
        Check.Not(repo.StateExists, "SessionResumeEnabled=false writes no state.\n" + repo.Describe());
        Check.That(Directory.GetFiles(repo.Root, ".session-state*").Length == 0, repo.Describe());
        Assert.Equal(ThrowawayRepo.InitialGitIgnore, repo.ReadFile(".gitignore"));

        // Turned on (the same restore): the run is recorded.
        Check.That(repo.Retest(Project).ExitCode == 1, repo.Describe());
        var recorded = repo.ReadStateText();
        Check.That(Count(repo.ReadState(), "failing") == 1, repo.Describe());

        // Turned off again after the fix: the tests section does not change (nor the file).
        repo.WriteFile("tests/App.Tests/AppTests.cs", TestSources.PassAndFail("App.Tests", "AppTests", isFixed: true));
        var fixedButOff = repo.Retest(Project, "-p:SessionResumeEnabled=false");
        Check.That(fixedButOff.Succeeded, repo.Describe());
        Check.That(repo.ReadStateText() == recorded, "With SessionResumeEnabled=false the state file stays as it was.\n" + repo.Describe());
        Check.That(Failures(repo.ReadState()).Count == 1, repo.Describe());
    }
}

/// <summary>Issue 2: SessionResumeRoot and SessionResumeStateFile move the state of `dotnet build`.</summary>
public class StateLocationTests
{
    [Fact]
    public void SessionResumeRoot_and_SessionResumeStateFile_decide_where_a_build_writes_the_state()
    {
        using var repo = ThrowawayRepo.Create();
        var project = repo.AddClassLibrary("Lib", "Calculator.cs", Sources.Calculator(Sources.BrokenStatement));

        // SessionResumeRoot: the state goes under that folder, with paths relative to it.
        var otherRoot = repo.FullPath("src");
        var build = repo.Build(project, $"-p:SessionResumeRoot={otherRoot}");
        Check.That(build.ExitCode == 1, repo.Describe());
        Check.Not(repo.StateExists, "Nothing at the repository root.\n" + repo.Describe());
        Check.That(repo.FileExists("src/.session-state.json"), "The state is under SessionResumeRoot.\n" + repo.Describe());
        var state = System.Text.Json.Nodes.JsonNode.Parse(repo.ReadFile("src/.session-state.json"))!.AsObject();
        var context = repo.ReadFile("src/.session-state.json");
        var entry = Unresolved(state).SingleOrDefault();
        Check.That(entry is not null && Str(entry, "code") == "CS0029", context);
        Check.That(Str(entry, "file") == "Lib/Calculator.cs" && Str(entry, "project") == "Lib/Lib.csproj",
            "Paths are relative to SessionResumeRoot.\n" + context);

        // SessionResumeStateFile relative to the (repository) root.
        repo.Touch("src/Lib/Calculator.cs");
        var custom = repo.Rebuild(project, "-p:SessionResumeStateFile=custom/state.json");
        Check.That(custom.ExitCode == 1, repo.Describe());
        Check.Not(repo.StateExists, "Nothing at the default place.\n" + repo.Describe());
        Check.That(repo.FileExists("custom/state.json"), "The state is at custom/state.json under the root.\n" + repo.Describe());
        state = System.Text.Json.Nodes.JsonNode.Parse(repo.ReadFile("custom/state.json"))!.AsObject();
        context = repo.ReadFile("custom/state.json");
        entry = Unresolved(state).SingleOrDefault();
        Check.That(entry is not null && Str(entry, "file") == "src/Lib/Calculator.cs" && Str(entry, "project") == project, context);

        // The restore reads the same custom file.
        var restore = repo.MSBuild(project, "SessionRestore", "-nologo", "-p:SessionResumeStateFile=custom/state.json");
        Check.That(restore.Succeeded, repo.Describe());
        Assert.Matches(@"⚠\s*1 unresolved error\b", restore.Output);
    }
}
