using SessionResume.Application;

namespace SessionResume.Build;

/// <summary>SessionClear: archives the current state and starts fresh; ClearHistory=true also deletes the history and digest.</summary>
public sealed class ClearSession : SessionVerbTask
{
    public string? ClearHistory { get; set; }

    protected override VerbResult RunVerb() =>
        SessionVerbs.Clear(Session, string.Equals(ClearHistory?.Trim(), "true", StringComparison.OrdinalIgnoreCase), Clock);
}
