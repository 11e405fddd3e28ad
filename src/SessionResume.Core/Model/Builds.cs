using System.Text.Json;
using System.Text.Json.Serialization;

namespace SessionResume.Model;

/// <summary>
/// Added: how each project's last build ended, so that a failure outside the compiler (a task, the
/// SDK) is never read as an all-clear. <see cref="Outcome"/> and <see cref="Time"/> sum the
/// projects up: the worst outcome any project's last build had, and the newest time.
/// </summary>
public sealed class BuildSection
{
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)] public string? Outcome { get; set; }
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)] public DateTime? Time { get; set; }
    public SortedDictionary<string, ProjectBuild> Projects { get; set; } = new(StringComparer.Ordinal);
    [JsonExtensionData] public Dictionary<string, JsonElement>? Extra { get; set; }
}

/// <summary>A project's last build: the sum of its target frameworks' (one for a single-target project).</summary>
public sealed class ProjectBuild
{
    public string Outcome { get; set; } = BuildOutcome.Succeeded;
    public DateTime? Time { get; set; }
    /// <summary>The compiler's errors in the last build: distinct file, line and code. Null when the package could not see them.</summary>
    public int? Errors { get; set; }
    public SortedDictionary<string, FrameworkBuild> Frameworks { get; set; } = new(StringComparer.Ordinal);
    [JsonExtensionData] public Dictionary<string, JsonElement>? Extra { get; set; }
}

/// <summary>The last build of one project for one target framework.</summary>
public sealed class FrameworkBuild
{
    public string Outcome { get; set; } = BuildOutcome.Succeeded;
    public DateTime? Time { get; set; }
    public int? Errors { get; set; }
    /// <summary>When the compiler last ran for it: test results older than this are of older code.</summary>
    public DateTime? Compiled { get; set; }
    [JsonExtensionData] public Dictionary<string, JsonElement>? Extra { get; set; }
}

/// <summary>The outcomes, in the state's spelling, from best to worst.</summary>
public static class BuildOutcome
{
    public const string Succeeded = "succeeded";
    /// <summary>The build started and the package never saw its end: it stopped on an error the package cannot see.</summary>
    public const string Incomplete = "incomplete";
    public const string Failed = "failed";

    /// <summary>Higher is worse; an outcome the package does not know (a hand edit) counts as failed.</summary>
    public static int Severity(string? outcome) => outcome switch
    {
        Succeeded => 0,
        Incomplete => 1,
        _ => 2,
    };
}
