using System.Text.RegularExpressions;
using SessionResume.Tests.Infrastructure;
using static SessionResume.Tests.Infrastructure.StateJson;

namespace SessionResume.Tests.Configuration;

/// <summary>state_file and archive_location: every writer and every verb uses the configured places.</summary>
public class LocationSettingsTests
{
    const string StateFile = "state/session.json";
    const string History = ".sessions";
    const string TestProject = "tests/App.Tests/App.Tests.csproj";

    [Fact]
    public void Build_test_SessionSave_SessionRestore_and_SessionHistory_all_use_the_configured_state_file_and_archive_location()
    {
        using var repo = ThrowawayRepo.Create();
        var lib = repo.AddClassLibrary("Lib", "Calculator.cs", Sources.Calculator(Sources.BrokenStatement));
        repo.AddXunitTestProject("App.Tests", new Dictionary<string, string> { ["AppTests.cs"] = TestSources.PassAndFail("App.Tests", "AppTests") });
        repo.WriteConfig($$"""{ "state_file": "{{StateFile}}", "archive_location": "{{History}}/" }""");

        var build = repo.Build(lib);
        Check.That(build.ExitCode == 1, repo.Describe(StateFile));
        Check.Not(repo.StateExists, "Nothing at the default place.\n" + repo.Describe(StateFile));
        var state = repo.ReadJson(StateFile);
        Check.That(Unresolved(state).Count == 1 && Str(Unresolved(state)[0], "code") == "CS0029", repo.Describe(StateFile));

        var save = repo.MSBuild(lib, "SessionSave", "-p:SessionObjective=Custom places");
        Check.That(save.Succeeded, repo.Describe(StateFile));
        state = repo.ReadJson(StateFile);
        var savedId = Str(state, "session_id")!;
        Check.That(Str(state["objectives"], "primary") == "Custom places" && Str(state, "ended_at") is not null, repo.Describe(StateFile));
        Check.That(repo.FileNamesIn(History).SequenceEqual([savedId + ".json"]), "SessionSave archives to the configured folder.\n" + repo.Describe(StateFile));
        Check.Not(Directory.Exists(repo.FullPath(".session-history")), "Nothing in the default history folder.\n" + repo.Describe(StateFile));
        Check.That(save.Output.Contains($"Archived to {History}/{savedId}.json", StringComparison.Ordinal), save.ToString());

        // The test run (VSTest logger) starts the next session in the same file. By now git reports the
        // state file and the archive folder as new files (the .gitignore block covers only the default
        // places): they are the package's own and must not be listed.
        var test = repo.Test(TestProject);
        Check.That(test.ExitCode == 1, repo.Describe(StateFile));
        Check.Not(repo.StateExists, repo.Describe(StateFile));
        state = repo.ReadJson(StateFile);
        Check.That(Str(state, "continues_session") == savedId, repo.Describe(StateFile));
        Check.That(TestsJson.Count(state, "failing") == 1 && Unresolved(state).Count == 1, repo.Describe(StateFile));
        var gitStatus = repo.Git("status", "--porcelain", "--untracked-files=all").Output;
        Check.That(gitStatus.Contains(StateFile, StringComparison.Ordinal) && gitStatus.Contains(History + "/", StringComparison.Ordinal),
            "git itself lists the package's files, so the check below means something.\n" + gitStatus);
        var listed = ConfigurationRepo.Files(state, "created").Concat(ConfigurationRepo.Files(state, "modified")).ToList();
        Check.That(listed.Contains("src/Lib/Calculator.cs"), "The files section is filled.\n" + repo.Describe(StateFile));
        Check.Not(listed.Any(f => f.StartsWith("state/", StringComparison.Ordinal) || f.StartsWith(History + "/", StringComparison.Ordinal)
                || f.StartsWith("token-cache/", StringComparison.Ordinal) || f.StartsWith(".session-state", StringComparison.Ordinal)),
            "The package's own files are never listed.\n" + string.Join("\n", listed) + "\n" + repo.Describe(StateFile));

        var restore = repo.MSBuild(lib, "SessionRestore", "-nologo");
        Check.That(restore.Succeeded && restore.Output.Contains("Previous Session Found", StringComparison.Ordinal), restore.ToString());
        Assert.Matches(@"⚠\s*1 unresolved error\b", restore.Output);
        Assert.Matches(@"1 failing test\b", restore.Output);

        var history = repo.MSBuild(lib, "SessionHistory", "-nologo");
        var line = Printed.Lines(history.Output).Select(l => l.Trim()).SingleOrDefault(l => l.StartsWith("sess_", StringComparison.Ordinal));
        Check.That(history.Succeeded && line is not null && line.StartsWith(savedId, StringComparison.Ordinal) && line.Contains("\"Custom places\"", StringComparison.Ordinal),
            history.ToString());

        // A property wins over archive_location.
        var elsewhere = repo.MSBuild(lib, "SessionHistory", "-nologo", "-p:SessionResumeHistoryDirectory=elsewhere");
        Check.That(elsewhere.Succeeded && Regex.IsMatch(elsewhere.Output, @"No archived sessions in elsewhere/? yet"), elsewhere.ToString());
    }
}
