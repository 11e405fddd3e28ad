using SessionResume.Tests.Infrastructure;
using static SessionResume.Tests.Infrastructure.StateJson;

namespace SessionResume.Tests.Configuration;

/// <summary>A misspelt key or a wrong type: one clear SR0006 warning naming it; the build goes on with the defaults.</summary>
public class InvalidSettingsTests
{
    const string History = ".session-history";

    [Fact]
    public void An_unknown_key_and_values_of_the_wrong_type_are_SR0006_warnings_naming_them_and_the_defaults_apply()
    {
        using var repo = ThrowawayRepo.Create();
        var lib = repo.AddClassLibrary("Lib", "Clean.cs", Sources.Clean("Lib"));
        repo.WriteConfig("""
            {
              "max_histroy": 5,
              "max_history": "abc",
              "auto_save": "false"
            }
            """);
        // More archives than the default keeps: had "max_histroy" been taken for max_history, only 5 would stay.
        for (var day = 1; day <= 21; day++)
            repo.WriteArchive(History, $"sess_200001{day:00}_001", $"Day {day}");

        var build = repo.Build(lib);
        var context = repo.Describe(build);
        Check.That(build.ExitCode == 0 && build.Output.Contains("Build succeeded", StringComparison.Ordinal), context);
        var warnings = ConfigurationRepo.WarningLines(build, "SR0006");
        Check.That(warnings.Count == 3, $"Expected three SR0006 warnings, one per problem, found {warnings.Count}.\n{context}");
        Check.That(warnings.Any(w => w.Contains("unknown key \"max_histroy\"", StringComparison.Ordinal)
                                     && w.Contains("did you mean \"max_history\"", StringComparison.Ordinal)), context);
        Check.That(warnings.Any(w => w.Contains("\"max_history\" must be a whole number", StringComparison.Ordinal)
                                     && w.Contains("\"abc\"", StringComparison.Ordinal) && w.Contains("using 20", StringComparison.Ordinal)), context);
        Check.That(warnings.Any(w => w.Contains("\"auto_save\" must be true or false", StringComparison.Ordinal)
                                     && w.Contains("without quotes", StringComparison.Ordinal)), context);
        // Each warning points at the file, so an IDE can open it.
        Check.That(warnings.All(w => w.StartsWith(repo.FullPath(ConfigurationRepo.ConfigFile), StringComparison.Ordinal)), context);

        // auto_save keeps its default (true): the build was recorded.
        Check.That(repo.StateExists, "A quoted \"false\" is not false: auto_save stays true.\n" + context);

        // max_history keeps its default (20).
        var save = repo.MSBuild(lib, "SessionSave", "-p:SessionObjective=Defaults");
        Check.That(save.Succeeded, repo.Describe(save));
        var archives = repo.FileNamesIn(History);
        Check.That(archives.Count == 20 && archives.Contains(Str(repo.ReadState(), "session_id") + ".json")
                   && !archives.Any(a => a.StartsWith("sess_20000101_001", StringComparison.Ordinal) || a.StartsWith("sess_20000102_001", StringComparison.Ordinal)),
            string.Join("\n", archives) + "\n" + repo.Describe(save));
    }

    [Fact]
    public void Under_warnaserror_a_bad_configuration_stays_a_warning_and_the_build_succeeds()
    {
        using var repo = ThrowawayRepo.Create();
        var lib = repo.AddClassLibrary("Lib", "Clean.cs", Sources.Clean("Lib"));
        repo.WriteConfig("""{ "max_histroy": 5 }""");

        var build = repo.Build(lib, "-warnaserror");
        var context = repo.Describe(build);
        Check.That(build.ExitCode == 0, "The package never turns a passing build into a failing one.\n" + context);
        Check.That(ConfigurationRepo.WarningLines(build, "SR0006").Count == 1, context);
        Check.Not(build.Output.Contains("error SR0006", StringComparison.Ordinal), context);
    }
}
