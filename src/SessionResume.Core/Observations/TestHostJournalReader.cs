using System.Text;
using System.Text.Json;

namespace SessionResume.Observations;

/// <summary>The reading side of the journal: what the controller, or the next update of the state, learns from it.</summary>
internal sealed partial class TestHostJournal
{
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
                case { Kind: JournalWire.Run } when header is null:
                    header = line;
                    break;
                case { Kind: JournalWire.Exit }:
                    exited = true;
                    break;
                case { Kind: JournalWire.Start, Uid: { } uid, Name: { } name }:
                    running[uid] = (name, order++);
                    break;
                case { Kind: JournalWire.Result, Uid: { } uid, Result: { } result }:
                    results[uid] = result;
                    running.Remove(uid);
                    break;
                case { Kind: JournalWire.Exception, Text: { } t }:
                    exception ??= t;
                    break;
                case { Kind: JournalWire.Recorded }:
                    recorded = true;
                    break;
            }
        }
        var inProgress = running.Values.OrderBy(r => r.Order).Select(r => r.Name).Distinct(StringComparer.Ordinal).ToList();
        return new TestHostJournalContents([.. results.Values], inProgress, exception, recorded, last, Found: true)
        {
            Header = header,
            Exited = exited,
        };
    }
}
