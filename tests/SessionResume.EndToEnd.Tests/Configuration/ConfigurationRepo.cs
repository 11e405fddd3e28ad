using System.Globalization;
using System.Text.Json.Nodes;
using SessionResume.Tests.Infrastructure;

namespace SessionResume.Tests.Configuration;

/// <summary>Helpers shared by the configuration tests: the file, the package's warnings, the history folder.</summary>
static class ConfigurationRepo
{
    public const string ConfigFile = ".session-resume.json";

    public static void WriteConfig(this ThrowawayRepo repo, string json) => repo.WriteFile(ConfigFile, json);

    public static void CommitAll(this ThrowawayRepo repo, string message)
    {
        repo.Git("add", "-A");
        repo.Git("commit", "-q", "-m", message);
    }

    /// <summary>
    /// The distinct lines carrying warning CODE. The classic console logger prints each warning twice
    /// (where it happens and in the summary), identically.
    /// </summary>
    public static IReadOnlyList<string> WarningLines(CommandResult result, string code) =>
        Printed.Lines(result.Output).Where(l => l.Contains($"warning {code}", StringComparison.Ordinal)).Select(l => l.Trim()).Distinct().ToList();

    /// <summary>A JSON file of the repository, parsed (fails the test with context if it is missing or invalid).</summary>
    public static JsonObject ReadJson(this ThrowawayRepo repo, string relativePath)
    {
        Check.That(repo.FileExists(relativePath), $"{relativePath} was not written.\n{repo.Describe(relativePath)}");
        return JsonNode.Parse(repo.ReadFile(relativePath)) as JsonObject
            ?? throw new InvalidOperationException($"{relativePath} is not a JSON object.");
    }

    /// <summary>Describe() plus the content of a state file at a custom place.</summary>
    public static string Describe(this ThrowawayRepo repo, string stateFile) =>
        repo.Describe() + $"--- {stateFile} ---\n" + (repo.FileExists(stateFile) ? repo.ReadFile(stateFile) : "(no file)") + "\n";

    public static IReadOnlyList<string> Files(JsonObject state, string list) => StateJson.Strings(state["files"], list);

    /// <summary>An archived session as SessionSave leaves one: HISTORY/ID.json.</summary>
    public static void WriteArchive(this ThrowawayRepo repo, string history, string id, string objective)
    {
        var day = $"{id[5..9]}-{id[9..11]}-{id[11..13]}";
        repo.WriteFile($"{history}/{id}.json", $$"""
            {
              "schema_version": 1,
              "session_id": "{{id}}",
              "project": "archived",
              "timestamp": "{{day}}T12:00:00Z",
              "started_at": "{{day}}T11:00:00Z",
              "duration_minutes": 60,
              "objectives": { "primary": "{{objective}}", "secondary": [], "status": "in-progress" },
              "ended_at": "{{day}}T12:00:00Z"
            }
            """);
    }

    /// <summary>The file names in a folder of the repository, sorted (none if it does not exist).</summary>
    public static IReadOnlyList<string> FileNamesIn(this ThrowawayRepo repo, string folder)
    {
        var path = repo.FullPath(folder);
        return Directory.Exists(path)
            ? Directory.GetFiles(path).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToList()
            : [];
    }

    /// <summary>Moves the state's last activity (and start) into the past, as if the developer had paused.</summary>
    public static void PretendIdleFor(this ThrowawayRepo repo, TimeSpan pause)
    {
        var state = repo.ReadState();
        var then = DateTime.UtcNow - pause;
        state["timestamp"] = then.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        state["started_at"] = then.AddMinutes(-5).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        repo.WriteState(state);
    }
}
