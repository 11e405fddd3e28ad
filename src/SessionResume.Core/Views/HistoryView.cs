using SessionResume.Common;
using SessionResume.Lifecycle;
using SessionResume.Model;

namespace SessionResume.Views;

/// <summary>SessionHistory's output: one line per archived session, newest first, in aligned columns.</summary>
public static class HistoryView
{
    public const int ObjectiveMax = 60;
    public const string NoObjective = "(no objective)";
    public const string NoTime = "(no time)";
    const string ColumnGap = "  ";

    /// <summary>
    /// <c>sess_20261124_002  2026-11-24 14:05 UTC  45 min  "Objective"  1 error, 2 failing tests  in-progress</c>.
    /// A damaged archive gets <c>sess_…  (unreadable: see warning SR0008)</c> and its problem; no archives, one line saying so.
    /// </summary>
    public static IReadOnlyList<string> Lines(SessionArchive archive, List<Problem> problems)
    {
        var sessions = archive.List();
        if (sessions.Count == 0)
            return [$"No archived sessions in {archive.DisplayDirectory} yet: SessionSave and SessionClear archive the current session."];

        var rows = sessions.Select(session => archive.TryRead(session, problems) is { } state
            ? Columns(session.Id, state)
            : [session.Id, $"(unreadable: see warning {Problem.HistoryUnreadable})"]).ToList();
        // Widths come from the readable rows; a damaged row only has the id column to line up.
        var widths = Enumerable.Range(0, rows.Max(r => r.Length))
            .Select(i => rows.Where(r => r.Length > i + 1).Select(r => SessionFacts.Width(r[i])).DefaultIfEmpty(0).Max())
            .ToArray();
        return rows
            .Select(r => string.Join(ColumnGap, r.Select((cell, i) => i == r.Length - 1 ? cell : SessionFacts.PadRight(cell, widths[i]))))
            .ToList();
    }

    static string[] Columns(string id, SessionState s) =>
    [
        id,
        SessionFacts.When(s) ?? NoTime,
        SessionFacts.Duration(s.DurationMinutes),
        string.IsNullOrWhiteSpace(s.Objectives.Primary) ? NoObjective : $"\"{SessionFacts.OneLine(s.Objectives.Primary, ObjectiveMax)}\"",
        Outcome(s),
        SessionFacts.Status(s),
    ];

    /// <summary>What was left open: "1 error, 2 failing tests"; when nothing, the good news.</summary>
    static string Outcome(SessionState s)
    {
        var open = new List<string>();
        var errors = SessionFacts.OpenErrors(s);
        if (errors > 0) open.Add(Plural.Count(errors, "error"));
        if (s.Tests.Failing > 0) open.Add(Plural.Count(s.Tests.Failing, "failing test"));
        if (open.Count > 0) return string.Join(", ", open);
        return s.Tests.Passing > 0 ? $"no errors, {Plural.Count(s.Tests.Passing, "test")} passing" : "no errors";
    }
}
