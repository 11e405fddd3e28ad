using System.Buffers;
using System.Text.Json;
using SessionResume.Common;

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
internal sealed partial class TestHostJournal : IDisposable
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
        var journal = new TestHostJournal(
            new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1));
        header.Kind = JournalWire.Run;
        journal.Write(header);
        return journal;
    }

    public void Started(string uid, string name) => Write(new JournalLine { Kind = JournalWire.Start, Uid = uid, Name = name });

    public void Finished(string uid, TestResultRecord result) =>
        Write(new JournalLine { Kind = JournalWire.Result, Uid = uid, Result = result });

    public void UnhandledException(string text) => Write(new JournalLine { Kind = JournalWire.Exception, Text = text });

    /// <summary>The test host recorded the run itself: the controller must not record it again.</summary>
    public void Recorded() => Write(new JournalLine { Kind = JournalWire.Recorded });

    /// <summary>The process exits normally without having finished its test session (Ctrl+C, --timeout).</summary>
    public void Exited() => Write(new JournalLine { Kind = JournalWire.Exit });

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
        json.WriteString(JournalWire.KindKey, line.Kind);
        json.WriteNumber(JournalWire.TimeKey, line.Time);
        if (line.Uid is not null) json.WriteString(JournalWire.UidKey, line.Uid);
        if (line.Name is not null) json.WriteString(JournalWire.NameKey, line.Name);
        if (line.Text is not null) json.WriteString(JournalWire.TextKey, line.Text);
        if (line.Result is { } r)
        {
            json.WriteStartObject(JournalWire.ResultKey);
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
        if (line.Project is not null) json.WriteString(JournalWire.ProjectKey, line.Project);
        if (line.TargetFramework is not null) json.WriteString(JournalWire.TargetFrameworkKey, line.TargetFramework);
        if (line.RerunStyle is { } style) json.WriteNumber(JournalWire.RerunStyleKey, (int)style);
        if (line.Filtered is { } filtered) json.WriteBoolean(JournalWire.FilteredKey, filtered);
        if (line.Timeout is { } timeout) json.WriteBoolean(JournalWire.TimeoutKey, timeout);
        if (line.Pid is { } pid) json.WriteNumber(JournalWire.PidKey, pid);
        if (line.Started is { } started) json.WriteNumber(JournalWire.StartedKey, started);
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
}
