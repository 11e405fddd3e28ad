using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using SessionResume.Common;
using SessionResume.Merge;

namespace SessionResume.Observations;

/// <summary>
/// What the test host tells the test host controller, as it happens, so the controller can record a
/// run whose test host died: an append-only file of JSON lines (a test started, a test finished with
/// its result, an unhandled exception, the run was recorded). The platform does not forward test
/// results to the controller process (its own hang-dump and TRX extensions use private channels too).
/// Each line is handed to the operating system at once: a process that dies keeps what it wrote.
/// Without the controller the test host keeps the same journal next to the state file
/// (<see cref="SessionResume.Application.CrashedRuns"/>), opened by a "run" header line, and the next
/// update of the state records the run if the test host died.
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
            Console.Error.WriteLine(WarningLine.For(Problem.WriteFailed, $"a test host crash could not be tracked ({e.Message})."));
            return null;
        }
    }

    public static TestHostJournal Open(string path) =>
        new(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1));

    /// <summary>A new journal that starts with what is needed to record the run without the process that wrote it.</summary>
    public static TestHostJournal Create(string path, JournalLine header)
    {
        var journal = new TestHostJournal(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1));
        header.Kind = "run";
        journal.Write(header);
        return journal;
    }

    public void Started(string uid, string name) => Write(new JournalLine { Kind = "start", Uid = uid, Name = name });

    public void Finished(string uid, TestResultRecord result) => Write(new JournalLine { Kind = "result", Uid = uid, Result = result });

    public void UnhandledException(string text) => Write(new JournalLine { Kind = "exception", Text = text });

    /// <summary>The test host recorded the run itself: the controller must not record it again.</summary>
    public void Recorded() => Write(new JournalLine { Kind = "recorded" });

    /// <summary>The process exits normally without having finished its test session (Ctrl+C, --timeout).</summary>
    public void Exited() => Write(new JournalLine { Kind = "exit" });

    // One line is built here and handed to the OS in one write call. Utf8JsonWriter rather than the
    // serializer: the serializer's first use costs a test run about 25 ms; this costs next to nothing.
    readonly ArrayBufferWriter<byte> buffer = new(512);
    Utf8JsonWriter? writer;

    void Write(JournalLine line)
    {
        line.Time = DateTime.UtcNow.Ticks;
        lock (gate)
        {
            if (disposed) return;
            try
            {
                buffer.ResetWrittenCount();
                if (writer is null) writer = new Utf8JsonWriter(buffer);
                else writer.Reset(buffer);
                WriteLine(writer, line);
                writer.Flush();
                buffer.GetSpan(1)[0] = (byte)'\n';
                buffer.Advance(1);
                // One write call per line: a reader never sees half a line unless the process died in it.
                stream.Write(buffer.WrittenSpan);
                stream.Flush();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Losing the journal only loses crash details; the normal recording does not depend on it.
            }
        }
    }

    /// <summary>As <see cref="TestHostJournalJson"/> reads it (property names and numbers for enums).</summary>
    static void WriteLine(Utf8JsonWriter json, JournalLine line)
    {
        json.WriteStartObject();
        json.WriteString("k", line.Kind);
        json.WriteNumber("t", line.Time);
        if (line.Uid is not null) json.WriteString("id", line.Uid);
        if (line.Name is not null) json.WriteString("name", line.Name);
        if (line.Text is not null) json.WriteString("text", line.Text);
        if (line.Result is { } r)
        {
            json.WriteStartObject("result");
            json.WriteString(nameof(r.FullyQualifiedName), r.FullyQualifiedName);
            json.WriteString(nameof(r.DisplayName), r.DisplayName);
            json.WriteString(nameof(r.AssemblyName), r.AssemblyName);
            json.WriteNumber(nameof(r.Outcome), (int)r.Outcome);
            if (r.CodeFilePath is not null) json.WriteString(nameof(r.CodeFilePath), r.CodeFilePath);
            json.WriteNumber(nameof(r.LineNumber), r.LineNumber);
            if (r.ErrorMessage is not null) json.WriteString(nameof(r.ErrorMessage), r.ErrorMessage);
            if (r.ErrorStackTrace is not null) json.WriteString(nameof(r.ErrorStackTrace), r.ErrorStackTrace);
            json.WriteEndObject();
        }
        if (line.Project is not null) json.WriteString("project", line.Project);
        if (line.TargetFramework is not null) json.WriteString("tfm", line.TargetFramework);
        if (line.RerunStyle is { } style) json.WriteNumber("style", (int)style);
        if (line.Filtered is { } filtered) json.WriteBoolean("filtered", filtered);
        if (line.Timeout is { } timeout) json.WriteBoolean("timeout", timeout);
        if (line.Pid is { } pid) json.WriteNumber("pid", pid);
        if (line.Started is { } started) json.WriteNumber("started", started);
        json.WriteEndObject();
    }

    public void Dispose()
    {
        lock (gate)
        {
            if (disposed) return;
            disposed = true;
            writer?.Dispose();
            stream.Dispose();
        }
    }

    /// <summary>What a journal says, read by the controller once the test host has exited.</summary>
    public static TestHostJournalContents Read(string path)
    {
        var results = new Dictionary<string, TestResultRecord>(StringComparer.Ordinal);
        var running = new Dictionary<string, (string Name, int Order)>(StringComparer.Ordinal);
        string? exception = null;
        JournalLine? header = null;
        var recorded = false;
        var exited = false;
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
                case { Kind: "run" } when header is null:
                    header = line;
                    break;
                case { Kind: "exit" }:
                    exited = true;
                    break;
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
        return new TestHostJournalContents([.. results.Values], inProgress, exception, recorded, last, Found: true) { Header = header, Exited = exited };
    }

    /// <summary>
    /// Whether the run is to be recorded, and runs[...].aborted if so: null when the test host
    /// recorded the run itself (every normal run: recorded once). Otherwise the test host either died
    /// (a crash, a kill by a hang dump) or ended its session early (cancelled, or stopped by --timeout:
    /// the platform then skips the end of the session, where the test host records). The first line
    /// says what happened; then one "The test that was running: X" line per test that had started and
    /// not finished, which the core marks as crashed; not after a cancellation (Ctrl+C), where the
    /// running test is not to blame. <paramref name="exitCode"/> is null when the run is found later,
    /// by the next update of the state (<see cref="SessionResume.Application.CrashedRuns"/>).
    /// </summary>
    public static string? AbortReason(int? exitCode, bool exitedGracefully, TestHostJournalContents journal, bool cancelled, bool timedOut)
    {
        if (journal.Recorded) return null;
        var reason = new StringBuilder();
        var code = exitCode is { } c ? $" (exit code {c}" : null;
        bool blameRunning;
        if (exitedGracefully || exitCode == TestSessionAbortedExitCode)
        {
            // The test host ended its session early. Nothing ran: nothing to say about the tests.
            if (journal.Results.Count == 0 && journal.Running.Count == 0) return null;
            // --timeout cancels the test host's session only; Ctrl+C reaches this process too.
            blameRunning = timedOut && !cancelled;
            reason.Append(blameRunning ? "The test run was stopped by --timeout before it finished"
                    : cancelled ? "The test run was cancelled before it finished"
                    : "The test run was aborted before it finished")
                .Append(code is null ? "." : code + ").");
        }
        else if (exitCode is null)
        {
            blameRunning = true;
            reason.Append("Test host process exited without finishing the test run");
            reason.Append(journal.UnhandledException is { } exception ? ": " + exception : ".");
        }
        else
        {
            var signal = Signal(exitCode.Value);
            blameRunning = !cancelled;
            reason.Append(cancelled ? "The test run was cancelled and the test host process did not exit gracefully"
                : signal is "SIGKILL" or "SIGTERM" ? "Test host process was killed" : "Test host process crashed");
            reason.Append(code).Append(signal is null ? "" : ", " + signal).Append(')');
            reason.Append(journal.UnhandledException is { } exception ? ": " + exception : ".");
        }
        if (blameRunning)
        {
            foreach (var name in journal.Running)
                reason.Append("\nThe test that was running: ").Append(name);
        }
        return reason.ToString();
    }

    /// <summary>The platform's exit code for a test session that was aborted (cancelled, --timeout).</summary>
    const int TestSessionAbortedExitCode = 3;

    /// <summary>On Unix a process killed by a signal exits with 128 + the signal's number.</summary>
    static string? Signal(int exitCode) => OperatingSystem.IsWindows() ? null : (exitCode - 128) switch
    {
        4 => "SIGILL",
        6 => "SIGABRT",
        7 => "SIGBUS",
        8 => "SIGFPE",
        9 => "SIGKILL",
        11 => "SIGSEGV",
        15 => "SIGTERM",
        _ => null,
    };
}

internal sealed record TestHostJournalContents(
    IReadOnlyList<TestResultRecord> Results,
    IReadOnlyList<string> Running,
    string? UnhandledException,
    bool Recorded,
    DateTime? LastWrite,
    bool Found)
{
    /// <summary>The "run" line a journal next to the state file starts with; null in the controller's journal.</summary>
    public JournalLine? Header { get; init; }
    /// <summary>The process exited normally without finishing its test session.</summary>
    public bool Exited { get; init; }
}

internal sealed class JournalLine
{
    [JsonPropertyName("k")] public string Kind { get; set; } = "";
    /// <summary>When the line was written (UTC ticks).</summary>
    [JsonPropertyName("t")] public long Time { get; set; }
    [JsonPropertyName("id")] public string? Uid { get; set; }
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("text")] public string? Text { get; set; }
    [JsonPropertyName("result")] public TestResultRecord? Result { get; set; }
    // The "run" header of a journal next to the state file: what the run is and which process runs it.
    [JsonPropertyName("project")] public string? Project { get; set; }
    [JsonPropertyName("tfm")] public string? TargetFramework { get; set; }
    [JsonPropertyName("style")] public RerunStyle? RerunStyle { get; set; }
    [JsonPropertyName("filtered")] public bool? Filtered { get; set; }
    [JsonPropertyName("timeout")] public bool? Timeout { get; set; }
    [JsonPropertyName("pid")] public int? Pid { get; set; }
    /// <summary>The process's start time (UTC ticks): a pid can be reused by another process.</summary>
    [JsonPropertyName("started")] public long? Started { get; set; }
}

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(JournalLine))]
internal sealed partial class TestHostJournalJson : JsonSerializerContext;
