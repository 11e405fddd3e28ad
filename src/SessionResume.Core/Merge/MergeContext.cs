using SessionResume.Model;

namespace SessionResume.Merge;

/// <summary>What a merge needs from the world: the time, the sources, earlier resolutions.</summary>
public sealed class MergeContext(DateTime now, ISourceText sources)
{
    public DateTime Now { get; } = Time.Truncate(now);
    public ISourceText Sources { get; } = sources;

    /// <summary>Resolutions from archived sessions (newest first), for recurrences across sessions.</summary>
    public IReadOnlyList<ResolvedError> ArchivedResolutions { get; init; } = [];
}
