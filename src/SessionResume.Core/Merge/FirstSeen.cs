using SessionResume.Model;

namespace SessionResume.Merge;

/// <summary>first_seen_session: the session in which an error, a warning or a failing test was first seen.</summary>
public static class FirstSeen
{
    /// <summary>
    /// Entries that do not say yet were first seen in <paramref name="sessionId"/>: the new problems of
    /// an update (errors and failing tests), or, with <paramref name="warningsToo"/>, every entry of a
    /// document written before the key existed (a state file merged in, a session that ends).
    /// </summary>
    public static void Default(SessionState state, string? sessionId, bool warningsToo = false)
    {
        var entries = warningsToo ? state.Errors.Unresolved.Concat(state.Warnings.Entries) : state.Errors.Unresolved;
        foreach (var entry in entries) entry.FirstSeenSession ??= sessionId;
        foreach (var failure in state.Tests.Failures) failure.FirstSeenSession ??= sessionId;
    }
}
