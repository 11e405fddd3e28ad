using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using SessionResume.Common;
using SessionResume.Merge;
using SessionResume.Model;
using SessionResume.Observations;

namespace SessionResume.Application;

/// <summary>
/// Test runs whose test host died. A Microsoft.Testing.Platform test app (without the opt-in
/// controller) journals its run next to the state file, <c>&lt;state file&gt;.run-&lt;pid&gt;</c>, and
/// deletes the journal once it has recorded the run. A journal whose process is gone (no process with
/// that pid, or one that started at another time: the pid was reused) is a run that ended without
/// being recorded: the next update of the state records it as aborted, as the controller would have
/// (<see cref="TestHostJournal.AbortReason"/>), and deletes it. A live process's journal is left alone.
/// </summary>
internal static class CrashedRuns
{
    const string Infix = ".run-";

    public static string JournalPath(string stateFile, int pid) => stateFile + Infix + pid.ToString(CultureInfo.InvariantCulture);

    /// <summary>The journals next to the state file, whatever their process: cheap (one directory listing).</summary>
    public static IReadOnlyList<string> Find(string stateFile)
    {
        var directory = Path.GetDirectoryName(stateFile);
        if (string.IsNullOrEmpty(directory) || !Directory.Exists(directory)) return [];
        try
        {
            var prefix = Path.GetFileName(stateFile) + Infix;
            return Directory.EnumerateFiles(directory, prefix + "*")
                .Where(f => PidOf(f, prefix) is not null)
                .Order(StringComparer.Ordinal).ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    static int? PidOf(string path, string prefix)
    {
        var name = Path.GetFileName(path);
        return name.StartsWith(prefix, StringComparison.Ordinal)
            && int.TryParse(name.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : null;
    }

    /// <summary>
    /// Under the state lock: merges every finished journal's run into <paramref name="state"/> and
    /// returns the journals to delete once the state is written (whether anything was merged: a
    /// journal of a run that was recorded, or that cannot be read, is deleted too).
    /// </summary>
    public static IReadOnlyList<string> Recover(SessionState state, Session session, MergeContext context, List<Problem> problems,
        out bool recovered, Func<int, long?, bool>? isRunning = null)
    {
        recovered = false;
        var journals = Find(session.Location.StateFile);
        if (journals.Count == 0) return [];
        isRunning ??= IsRunning;
        var prefix = Path.GetFileName(session.Location.StateFile) + Infix;
        var done = new List<string>();
        foreach (var path in journals)
        {
            var pid = PidOf(path, prefix)!.Value;
            // A live test host's journal (the one recording now, among others) is not read further than its header.
            if (isRunning(pid, StartedOf(path))) continue;
            var journal = TestHostJournal.Read(path);
            if (!journal.Found) continue;   // gone meanwhile, or unreadable for now
            var header = journal.Header;
            done.Add(path);
            if (header is not { Project: { Length: > 0 } project, TargetFramework: { Length: > 0 } framework, Pid: { } headerPid }
                || headerPid != pid)
            {
                problems.Add(Problems.JournalUnreadable(path));
                continue;
            }
            var aborted = TestHostJournal.AbortReason(exitCode: null, exitedGracefully: journal.Exited, journal,
                cancelled: header.Timeout != true, timedOut: header.Timeout == true);
            // As the test host would have: an aborted run is a failed one.
            if (aborted is null || !session.Settings.AutoSave || !session.Settings.SaveOnError) continue;
            var run = new TestRunObservation(SessionPaths.ToSessionPath(project, session.Root), framework, header.Filtered == true,
                journal.Results, aborted, header.RerunStyle ?? RerunStyle.TestingPlatform);
            TestMerge.Apply(state, run, context, session.Root);
            recovered = true;
        }
        return done;
    }

    /// <summary>The process start time in a journal's header line, if it can be read.</summary>
    static long? StartedOf(string path)
    {
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(file, Encoding.UTF8);
            if (reader.ReadLine() is not { } first) return null;
            using var header = JsonDocument.Parse(first);
            return header.RootElement.ValueKind == JsonValueKind.Object
                && header.RootElement.TryGetProperty(JournalWire.StartedKey, out var started)
                && started.TryGetInt64(out var ticks) ? ticks : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// Records the crashed runs found next to the state file, if any, as an update of the same
    /// session; returns its warnings. No journal, no update: nothing is locked or written.
    /// </summary>
    public static IReadOnlyList<Problem> RecordPending(Session session, Func<DateTime> clock) =>
        Find(session.Location.StateFile).Count == 0
            ? []
            : SessionWriter.Update(session, clock, (_, _) => Change.None([]), UpdateKind.SameSession).Problems;

    /// <summary>Deletes journals whose run is in the written state.</summary>
    public static void Delete(IEnumerable<string> journals)
    {
        foreach (var path in journals)
        {
            try { File.Delete(path); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        }
    }

    /// <summary>
    /// Whether process <paramref name="pid"/> is the one that wrote the journal: it exists and (when
    /// the journal says) started when the journal says. A process whose start time cannot be read (another
    /// user's, on Windows) is taken to be it.
    /// </summary>
    internal static bool IsRunning(int pid, long? started)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            if (process.HasExited) return false;
            if (started is not { } ticks) return true;
            var actual = process.StartTime.ToUniversalTime().Ticks;
            return Math.Abs(actual - ticks) < TimeSpan.TicksPerSecond;
        }
        catch (ArgumentException) { return false; }            // no such process
        catch (InvalidOperationException) { return false; }     // it exited meanwhile
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or NotSupportedException or UnauthorizedAccessException)
        {
            return true;
        }
    }

    /// <summary>This process's start time as a journal records it.</summary>
    public static long CurrentProcessStarted()
    {
        using var process = Process.GetCurrentProcess();
        return process.StartTime.ToUniversalTime().Ticks;
    }
}
