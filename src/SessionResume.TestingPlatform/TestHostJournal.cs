using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using SessionResume.Testing;

namespace SessionResume.TestingPlatform;

/// <summary>
/// What the test host tells the test host controller, as it happens, so the controller can record a
/// run whose test host died: an append-only file of JSON lines (a test started, a test finished with
/// its result, an unhandled exception, the run was recorded). The platform does not forward test
/// results to the controller process (its own hang-dump and TRX extensions use private channels too).
/// Each line is handed to the operating system at once: a process that dies keeps what it wrote.
/// </summary>
internal sealed class TestHostJournal : IDisposable
{
    /// <summary>Set by the controller for the test host process it starts: the journal's path.</summary>
    public const string EnvironmentVariable = "SESSIONRESUME_MTP_JOURNAL";

    readonly FileStream stream;
    readonly object gate = new();
    bool disposed;

    TestHostJournal(FileStream stream) => this.stream = stream;

    /// <summary>
    /// The test host's journal when this process was started by the controller, else null. The
    /// variable is removed at once, so processes the tests start (another test app...) do not write
    /// into this journal.
    /// </summary>
    public static TestHostJournal? OpenFromEnvironment()
    {
        var path = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (string.IsNullOrEmpty(path)) return null;
        Environment.SetEnvironmentVariable(EnvironmentVariable, null);
        try
        {
            return Open(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"SessionResume.Build warning SR0003: a test host crash could not be tracked ({e.Message}).");
            return null;
        }
    }

    public static TestHostJournal Open(string path) =>
        new(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1));

    public void Started(string uid, string name) => Write(new JournalLine { Kind = "start", Uid = uid, Name = name });

    public void Finished(string uid, TestResultRecord result) => Write(new JournalLine { Kind = "result", Uid = uid, Result = result });

    public void UnhandledException(string text) => Write(new JournalLine { Kind = "exception", Text = text });

    /// <summary>The test host recorded the run itself: the controller must not record it again.</summary>
    public void Recorded() => Write(new JournalLine { Kind = "recorded" });

    void Write(JournalLine line)
    {
        line.Time = DateTime.UtcNow.Ticks;
        var bytes = JsonSerializer.SerializeToUtf8Bytes(line, TestHostJournalJson.Default.JournalLine);
        lock (gate)
        {
            if (disposed) return;
            try
            {
                // One write call per line: a reader never sees half a line unless the process died in it.
                var buffer = new byte[bytes.Length + 1];
                bytes.CopyTo(buffer, 0);
                buffer[^1] = (byte)'\n';
                stream.Write(buffer);
                stream.Flush();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Losing the journal only loses crash details; the normal recording does not depend on it.
            }
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            if (disposed) return;
            disposed = true;
            stream.Dispose();
        }
    }

    /// <summary>What a journal says, read by the controller once the test host has exited.</summary>
    public static TestHostJournalContents Read(string path)
    {
        var results = new Dictionary<string, TestResultRecord>(StringComparer.Ordinal);
        var running = new Dictionary<string, (string Name, int Order)>(StringComparer.Ordinal);
        string? exception = null;
        var recorded = false;
        DateTime? last = null;
        var order = 0;
        string text;
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(file, Encoding.UTF8);
            text = reader.ReadToEnd();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new TestHostJournalContents([], [], null, false, null, Found: false);
        }
        foreach (var raw in text.Split('\n'))
        {
            if (raw.Length == 0) continue;
            JournalLine? line;
            try { line = JsonSerializer.Deserialize(raw, TestHostJournalJson.Default.JournalLine); }
            catch (JsonException) { continue; }   // the last line, cut by the crash
            if (line is { Time: > 0 }) last = new DateTime(line.Time, DateTimeKind.Utc);
            switch (line)
            {
                case { Kind: "start", Uid: { } uid, Name: { } name }:
                    running[uid] = (name, order++);
                    break;
                case { Kind: "result", Uid: { } uid, Result: { } result }:
                    results[uid] = result;
                    running.Remove(uid);
                    break;
                case { Kind: "exception", Text: { } t }:
                    exception ??= t;
                    break;
                case { Kind: "recorded" }:
                    recorded = true;
                    break;
            }
        }
        var inProgress = running.Values.OrderBy(r => r.Order).Select(r => r.Name).Distinct(StringComparer.Ordinal).ToList();
        return new TestHostJournalContents([.. results.Values], inProgress, exception, recorded, last, Found: true);
    }
}

internal sealed record TestHostJournalContents(
    IReadOnlyList<TestResultRecord> Results,
    IReadOnlyList<string> Running,
    string? UnhandledException,
    bool Recorded,
    DateTime? LastWrite,
    bool Found);

internal sealed class JournalLine
{
    [JsonPropertyName("k")] public string Kind { get; set; } = "";
    /// <summary>When the line was written (UTC ticks).</summary>
    [JsonPropertyName("t")] public long Time { get; set; }
    [JsonPropertyName("id")] public string? Uid { get; set; }
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("text")] public string? Text { get; set; }
    [JsonPropertyName("result")] public TestResultRecord? Result { get; set; }
}

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(JournalLine))]
internal sealed partial class TestHostJournalJson : JsonSerializerContext;
