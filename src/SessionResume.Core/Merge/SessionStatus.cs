namespace SessionResume.Merge;

/// <summary>The values of objectives.status.</summary>
public static class SessionStatus
{
    public const string InProgress = "in-progress";
    public const string Blocked = "blocked";
    public const string Done = "done";

    static readonly string[] All = [InProgress, Blocked, Done];

    /// <summary>The canonical spelling of a status typed in any case, or null when it is not one.</summary>
    public static string? Canonical(string? typed) =>
        All.FirstOrDefault(s => string.Equals(s, typed?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>Whether the objectives are finished. Hand-edited files may spell it "Done".</summary>
    public static bool IsDone(string? status) => Canonical(status) == Done;

    public static string Invalid(string typed) =>
        $"SessionStatus '{typed}' is not a status: use {InProgress}, {Blocked} or {Done}.";
}
