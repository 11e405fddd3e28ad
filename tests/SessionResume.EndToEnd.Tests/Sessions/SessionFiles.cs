using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using SessionResume.Tests.Infrastructure;
using static SessionResume.Tests.Infrastructure.StateJson;

namespace SessionResume.Tests.Sessions;

/// <summary>
/// Readers and writers over the files the session verbs keep beside the state: the archives in
/// .session-history/ (plain or gzip) and token-cache/summaries.md; plus the small edits the tests
/// make to simulate time (the state's own timestamps) and other machines.
/// </summary>
static class SessionFiles
{
    public const string HistoryDirectory = ".session-history";
    public const string Summaries = "token-cache/summaries.md";

    /// <summary>A day long before any session a test makes: archives written for it are the oldest.</summary>
    public const string OldDay = "20250101";

    public static string HistoryPath(ThrowawayRepo repo) => repo.FullPath(HistoryDirectory);

    /// <summary>The file names in .session-history/ (every file, not only archives), sorted ordinally.</summary>
    public static IReadOnlyList<string> HistoryFiles(ThrowawayRepo repo) =>
        Directory.Exists(HistoryPath(repo))
            ? Directory.GetFiles(HistoryPath(repo)).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList()
            : [];

    public static string ArchivePath(ThrowawayRepo repo, string fileName) => Path.Combine(HistoryPath(repo), fileName);

    public static bool IsGzip(byte[] bytes) => bytes.Length >= 2 && bytes[0] == 0x1f && bytes[1] == 0x8b;

    public static byte[] Gzip(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
            gzip.Write(bytes);
        return output.ToArray();
    }

    public static byte[] Gunzip(byte[] bytes)
    {
        using var input = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }

    /// <summary>An archive (.json or .json.gz) parsed; fails the test with context if it is not a JSON object.</summary>
    public static JsonObject ReadArchive(ThrowawayRepo repo, string fileName)
    {
        var path = ArchivePath(repo, fileName);
        Check.That(File.Exists(path), $"The archive {HistoryDirectory}/{fileName} does not exist. History: {string.Join(", ", HistoryFiles(repo))}\n{repo.Describe()}");
        var bytes = File.ReadAllBytes(path);
        if (fileName.EndsWith(".gz", StringComparison.Ordinal)) bytes = Gunzip(bytes);
        return JsonNode.Parse(bytes) as JsonObject
            ?? throw new InvalidOperationException($"{fileName} is not a JSON object.");
    }

    /// <summary>
    /// A small archived session as an older version of the package (or a person) could have left it:
    /// the seed's layout with an id, an objective, a status and one open error.
    /// </summary>
    public static string HandMadeArchive(string sessionId, string objective, string status = "in-progress")
    {
        var day = sessionId.Substring("sess_".Length, 8);
        var time = $"{day[..4]}-{day[4..6]}-{day[6..8]}T10:00:00Z";
        var state = new JsonObject
        {
            ["schema_version"] = 1,
            ["session_id"] = sessionId,
            ["project"] = "archived",
            ["timestamp"] = time,
            ["started_at"] = time,
            ["ended_at"] = time,
            ["duration_minutes"] = 30,
            ["objectives"] = new JsonObject { ["primary"] = objective, ["secondary"] = new JsonArray(), ["status"] = status },
            ["progress"] = new JsonObject { ["completed"] = new JsonArray(), ["in_progress"] = new JsonArray(), ["blocked"] = new JsonArray() },
            ["errors"] = new JsonObject { ["unresolved"] = new JsonArray(), ["resolved"] = new JsonArray() },
            ["tests"] = new JsonObject { ["passing"] = 3, ["failing"] = 0, ["failed_paths"] = new JsonArray() },
            ["todos"] = new JsonArray(),
            ["next_prompts"] = new JsonArray(),
        };
        return Show(state);
    }

    /// <summary>Writes .session-history/FILENAME (creating the folder).</summary>
    public static void WriteArchive(ThrowawayRepo repo, string fileName, byte[] content)
    {
        Directory.CreateDirectory(HistoryPath(repo));
        File.WriteAllBytes(ArchivePath(repo, fileName), content);
    }

    public static byte[] Utf8(string text) => new UTF8Encoding(false).GetBytes(text);

    /// <summary>
    /// Moves the session's last activity (timestamp) and its start (started_at) back by AGO: the way
    /// the tests make a session idle without waiting.
    /// </summary>
    public static void ShiftBack(ThrowawayRepo repo, TimeSpan ago)
    {
        var state = repo.ReadState();
        foreach (var key in new[] { "timestamp", "started_at" })
        {
            var value = Str(state, key);
            Check.That(value is not null, $"The state has no {key} to move back.\n{repo.Describe()}");
            var moved = DateTime.Parse(value!, System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal) - ago;
            state[key] = moved.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        }
        repo.WriteState(state);
    }

    /// <summary>The state's session_id (fails the test when it has none).</summary>
    public static string SessionId(ThrowawayRepo repo, JsonObject state)
    {
        var id = Str(state, "session_id");
        Check.That(id is not null && System.Text.RegularExpressions.Regex.IsMatch(id, @"^sess_\d{8}_\d{3,}$"),
            $"session_id '{id}' is not of the form sess_YYYYMMDD_NNN.\n{repo.Describe()}");
        return id!;
    }

    /// <summary>
    /// The ids a session started right after PREVIOUS may have: the same day's next number, or (if
    /// the UTC day changed in between) the new day's first.
    /// </summary>
    public static string[] NextIds(string previous)
    {
        var day = previous.Substring("sess_".Length, 8);
        var count = int.Parse(previous[(previous.LastIndexOf('_') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        var today = DateTime.UtcNow.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        return today == day ? [$"sess_{day}_{count + 1:000}"] : [$"sess_{day}_{count + 1:000}", $"sess_{today}_001"];
    }

    /// <summary>"CS0029-0123456789ab": how the package prints a fingerprint.</summary>
    public static string PrintedFingerprint(string code, string fingerprint) => $"{code}-{fingerprint[..12]}";

    /// <summary>The one unresolved error with CODE (fails the test unless there is exactly one).</summary>
    public static JsonObject UnresolvedWithCode(ThrowawayRepo repo, JsonObject state, string code)
    {
        var found = Unresolved(state).Where(e => Str(e, "code") == code).ToList();
        Check.That(found.Count == 1, $"Expected exactly one unresolved {code}, found {found.Count}.\n{repo.Describe()}");
        return found[0];
    }

    /// <summary>The lines of a command's output that contain TEXT.</summary>
    public static IReadOnlyList<string> LinesWith(CommandResult result, string text) =>
        Printed.Lines(result.Output).Where(l => l.Contains(text, StringComparison.Ordinal)).ToList();
}

