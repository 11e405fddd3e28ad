using SessionResume.Model;

namespace SessionResume.Merge;

/// <summary>errors.resolved: how each fixed error was fixed, newest first, at most <see cref="Max"/>.</summary>
internal static class ResolvedErrors
{
    public const int Max = 200;

    /// <summary>
    /// Records an entry (already taken out of the unresolved list) as resolved, newest first: by a
    /// build that no longer reports it, or by SessionSave, where a person says how it was fixed.
    /// </summary>
    public static void Record(SessionState state, ErrorEntry entry, string resolution, DateTime now)
    {
        var resolved = new ResolvedError
        {
            File = entry.File,
            Error = entry.Error,
            Resolution = resolution,
            Code = entry.Code,
            Fingerprint = entry.Fingerprint,
            Project = entry.Project,
            Line = entry.Line,
            Attempts = entry.Attempts,
            SessionId = state.SessionId,
            ResolvedAt = now,
            Aliases = entry.Aliases,
        };
        state.Errors.Resolved.RemoveAll(r => r.Fingerprint == entry.Fingerprint && r.Project == entry.Project);
        state.Errors.Resolved.Insert(0, resolved);
        if (state.Errors.Resolved.Count > Max) state.Errors.Resolved.RemoveRange(Max, state.Errors.Resolved.Count - Max);
    }
}
