using SessionResume.Common;
using SessionResume.Model;

namespace SessionResume.Lifecycle;

/// <summary>Session identity and times, kept current by every writer.</summary>
public static class SessionClock
{
    public static void Touch(SessionState state, DateTime now, string projectName, IEnumerable<string>? archivedSessionIds = null)
    {
        Identify(state, now, projectName, archivedSessionIds);
        Stamp(state, now);
    }

    /// <summary>
    /// What a change needs to know before it runs: the session's id (resolutions name it), when it
    /// started and its project. The state's last activity stays as it was, for a change that weighs
    /// evidence by time (SessionMerge).
    /// </summary>
    public static void Identify(SessionState state, DateTime now, string projectName, IEnumerable<string>? archivedSessionIds = null)
    {
        now = Time.Truncate(now);
        state.SessionId ??= NextSessionId(now, archivedSessionIds ?? []);
        state.StartedAt ??= now;
        if (string.IsNullOrWhiteSpace(state.Project)) state.Project = projectName;
    }

    /// <summary>The update's time as the last activity, and the duration up to it.</summary>
    public static void Stamp(SessionState state, DateTime now)
    {
        now = Time.Truncate(now);
        state.StartedAt ??= now;
        if (now < state.StartedAt) state.StartedAt = now;
        state.Timestamp = now;
        state.DurationMinutes = (int)(now - state.StartedAt.Value).TotalMinutes;
    }

    /// <summary>sess_YYYYMMDD_NNN, where NNN counts that day's sessions (archived ones included).</summary>
    public static string NextSessionId(DateTime now, IEnumerable<string> taken)
    {
        var prefix = $"sess_{now:yyyyMMdd}_";
        var highest = taken
            .Where(id => id.StartsWith(prefix, StringComparison.Ordinal))
            .Select(id => int.TryParse(id.AsSpan(prefix.Length), System.Globalization.NumberStyles.None,
                System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 0)
            .DefaultIfEmpty(0)
            .Max();
        return $"{prefix}{highest + 1:000}";
    }
}
