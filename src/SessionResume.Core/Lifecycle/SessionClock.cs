using SessionResume.Common;
using SessionResume.Merge;
using SessionResume.Model;
using SessionResume.Observations;

namespace SessionResume.Lifecycle;

/// <summary>Session identity and times, kept current by every writer.</summary>
public static class SessionClock
{
    public static void Touch(SessionState state, DateTime now, string projectName, IEnumerable<string>? archivedSessionIds = null)
    {
        now = Time.Truncate(now);
        state.SessionId ??= NextSessionId(now, archivedSessionIds ?? []);
        state.StartedAt ??= now;
        if (now < state.StartedAt) state.StartedAt = now;
        state.Timestamp = now;
        state.DurationMinutes = (int)(now - state.StartedAt.Value).TotalMinutes;
        if (string.IsNullOrWhiteSpace(state.Project)) state.Project = projectName;
    }

    /// <summary>sess_YYYYMMDD_NNN, where NNN counts that day's sessions (archived ones included).</summary>
    public static string NextSessionId(DateTime now, IEnumerable<string> taken)
    {
        var prefix = $"sess_{now:yyyyMMdd}_";
        var highest = taken
            .Where(id => id.StartsWith(prefix, StringComparison.Ordinal))
            .Select(id => int.TryParse(id.AsSpan(prefix.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 0)
            .DefaultIfEmpty(0)
            .Max();
        return $"{prefix}{highest + 1:000}";
    }
}
