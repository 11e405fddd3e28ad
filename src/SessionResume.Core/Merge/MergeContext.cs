using SessionResume.Common;
using SessionResume.Model;
using SessionResume.Observations;

namespace SessionResume.Merge;

/// <summary>What a merge needs from the world: the time, the sources, earlier resolutions.</summary>
public sealed class MergeContext(DateTime now, ISourceText sources)
{
    public DateTime Now { get; } = Time.Truncate(now);
    public ISourceText Sources { get; } = sources;

    /// <summary>
    /// A file's diffs from git (against HEAD, then against the session's start), or null without git:
    /// then a fix is described by comparing its line.
    /// </summary>
    public Func<string, IReadOnlyList<FileDiff>>? Hunks { get; init; }

    /// <summary>The state's last activity before this update touched it (null for a new session).</summary>
    public DateTime? LastActivity { get; init; }

    /// <summary>Loads resolutions from archived sessions (newest first), for recurrences across sessions.
    /// Called at most once, and only when a new error appears: reading the history is not free.</summary>
    public Func<IReadOnlyList<ResolvedError>>? LoadArchivedResolutions { get; init; }

    IReadOnlyList<ResolvedError>? archivedResolutions;
    public IReadOnlyList<ResolvedError> ArchivedResolutions => archivedResolutions ??= LoadArchivedResolutions?.Invoke() ?? [];
}
