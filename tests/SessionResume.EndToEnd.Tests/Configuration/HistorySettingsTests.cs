using SessionResume.Tests.Infrastructure;
using static SessionResume.Tests.Infrastructure.StateJson;

namespace SessionResume.Tests.Configuration;

/// <summary>max_history and compress_old_sessions: what SessionSave leaves in the history; properties on the command line win.</summary>
public class HistorySettingsTests
{
    const string History = ".session-history";

    [Fact]
    public void Max_history_and_compress_old_sessions_from_the_file_shape_the_history_and_command_line_properties_win()
    {
        using var repo = ThrowawayRepo.Create();
        var lib = repo.AddClassLibrary("Lib", "Clean.cs", Sources.Clean("Lib"));
        repo.WriteConfig("""{ "max_history": 5, "compress_old_sessions": false }""");
        // Six sessions of earlier days (long ago, so they are older than today's whatever the clock says): one more than the file allows.
        for (var day = 1; day <= 6; day++)
            repo.WriteArchive(History, $"sess_2000010{day}_001", $"Day {day}");

        var first = repo.MSBuild(lib, "SessionSave", "-restore", "-p:SessionObjective=First");
        Check.That(first.Succeeded, repo.Describe());
        var firstId = Str(repo.ReadState(), "session_id")!;
        var context = string.Join("\n", repo.FileNamesIn(History)) + "\n" + repo.Describe();
        // Five kept (the new one and the four newest before it), none compressed although two are beyond the newest three.
        Check.That(repo.FileNamesIn(History).SequenceEqual(
            new[] { "sess_20000103_001.json", "sess_20000104_001.json", "sess_20000105_001.json", "sess_20000106_001.json", firstId + ".json" }
                .Order(StringComparer.Ordinal)), context);

        // -p: wins over the file: four kept, and all but the newest three compressed.
        var second = repo.MSBuild(lib, "SessionSave", "-p:SessionObjective=Second",
            "-p:SessionResumeMaxHistory=4", "-p:SessionResumeCompressOldSessions=true");
        Check.That(second.Succeeded, repo.Describe());
        var secondId = Str(repo.ReadState(), "session_id")!;
        Check.That(secondId != firstId, repo.Describe());
        context = string.Join("\n", repo.FileNamesIn(History)) + "\n" + repo.Describe();
        Check.That(repo.FileNamesIn(History).SequenceEqual(
            new[] { "sess_20000105_001.json.gz", "sess_20000106_001.json", firstId + ".json", secondId + ".json" }
                .Order(StringComparer.Ordinal)), context);

        // SessionHistory reads them all, the compressed one too, newest first.
        var history = repo.MSBuild(lib, "SessionHistory");
        Check.That(history.Succeeded, repo.Describe());
        var lines = Printed.Lines(history.Output).Select(l => l.Trim()).Where(l => l.StartsWith("sess_", StringComparison.Ordinal)).ToList();
        context = history.ToString();
        Check.That(lines.Select(l => l.Split(' ')[0]).SequenceEqual([secondId, firstId, "sess_20000106_001", "sess_20000105_001"]), context);
        Check.That(lines[0].Contains("\"Second\"", StringComparison.Ordinal) && lines[3].Contains("\"Day 5\"", StringComparison.Ordinal), context);
        Check.Not(history.Output.Contains("SR0008", StringComparison.Ordinal), context);
    }
}
