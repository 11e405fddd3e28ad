using System.Globalization;
using System.Text;
using SessionResume.Common;
using SessionResume.Model;

namespace SessionResume.Views;

/// <summary>How a session's facts are written in the history list and the summaries digest, the same in both.</summary>
internal static class SessionFacts
{
    /// <summary>When the session was last active (its timestamp; else when it started), to the minute, in UTC.</summary>
    public static string? When(SessionState s) => (s.Timestamp ?? s.StartedAt) is { } time ? Minute(time) : null;

    /// <summary>A time to the minute, in UTC: "2026-12-04 14:02 UTC".</summary>
    public static string Minute(DateTime time) => time.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>"45 min", "2 h", "2 h 5 min".</summary>
    public static string Duration(int minutes)
    {
        minutes = Math.Max(0, minutes);
        if (minutes < 60) return $"{minutes} min";
        var hours = minutes / 60;
        return minutes % 60 == 0 ? $"{hours} h" : $"{hours} h {minutes % 60} min";
    }

    /// <summary>
    /// objectives.status as written (one line); without one, the restore summary's reading of it, in the
    /// file's spelling.
    /// </summary>
    public static string Status(SessionState s)
    {
        if (!string.IsNullOrWhiteSpace(s.Objectives.Status)) return OneLine(s.Objectives.Status, 30);
        var derived = SessionSummary.From(s, s.Timestamp ?? default).Status;   // "In progress"
        return derived.ToLowerInvariant().Replace(' ', '-');
    }

    /// <summary>
    /// Unresolved errors as the compiler counts them, the ones the size cap left out of the list
    /// included (as the restore summary counts them).
    /// </summary>
    public static int OpenErrors(SessionState s) => ErrorCounts.Unresolved(s.Errors);

    /// <summary>
    /// Text for one line: every run of whitespace, line breaks and control characters becomes one
    /// space; then it is shortened (with Text.Shorten's visible marker) at a whole character, so an
    /// emoji or an accented letter is never cut in half.
    /// </summary>
    public static string OneLine(string? text, int max)
    {
        var collapsed = Collapse(text ?? "");
        if (collapsed.Length <= max) return collapsed;
        var cut = StringInfo.ParseCombiningCharacters(collapsed).LastOrDefault(start => start <= max);
        return Text.Shorten(collapsed, cut == 0 ? max : cut);
    }

    /// <summary>Pads to a width counted in what a reader sees as characters, not UTF-16 units.</summary>
    public static string PadRight(string text, int width) => text + new string(' ', Math.Max(0, width - Width(text)));

    public static int Width(string text) => new StringInfo(text).LengthInTextElements;

    static string Collapse(string text)
    {
        var b = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                pendingSpace = b.Length > 0;
                continue;
            }
            if (pendingSpace) b.Append(' ');
            pendingSpace = false;
            b.Append(c);
        }
        return b.ToString();
    }
}
