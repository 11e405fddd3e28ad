using System.Text.Json;
using System.Text.Json.Serialization;

namespace SessionResume.Model;

public sealed class ErrorSection
{
    public List<ErrorEntry> Unresolved { get; set; } = [];
    public List<ResolvedError> Resolved { get; set; } = [];
    /// <summary>Added: per project, unresolved errors left out of the list by the size cap (never dropped silently).</summary>
    public SortedDictionary<string, OmittedCount>? Omitted { get; set; }
    /// <summary>Added: resolved errors dropped from the list by the size cap (the archive of the session keeps what it had).</summary>
    public int ResolvedOmitted { get; set; }
    [JsonExtensionData] public Dictionary<string, JsonElement>? Extra { get; set; }
}

/// <summary>One problem a compile reported, as it stands now. The seed's keys first, then additions.</summary>
public sealed class ErrorEntry
{
    public string File { get; set; } = "";
    public int Line { get; set; }
    public string Error { get; set; } = "";
    public int Attempts { get; set; }
    public string Fingerprint { get; set; } = "";
    public string Code { get; set; } = "";
    public string Project { get; set; } = "";
    public int Column { get; set; }
    /// <summary>Further lines of the same file where the same problem is reported (the first 20).</summary>
    public List<int>? OtherLines { get; set; }
    /// <summary>Added: how many of the compiler's errors this entry stands for: the distinct lines of its file that report it.</summary>
    public int? Occurrences { get; set; }
    public List<string> TargetFrameworks { get; set; } = [];
    /// <summary>The offending source line as it was, so that a fix can be described.</summary>
    public string? Source { get; set; }
    public DateTime? FirstSeen { get; set; }
    public DateTime? LastSeen { get; set; }
    /// <summary>The session in which it was first seen (kept when it carries over to a new session).</summary>
    public string? FirstSeenSession { get; set; }
    /// <summary>Set by SessionMerge: the merged state files that reported it.</summary>
    public List<string>? SeenIn { get; set; }
    /// <summary>Earlier fingerprints of this problem when it evolved in place (same code, file, nearby line).</summary>
    public List<string>? Aliases { get; set; }
    /// <summary>Set when this problem was resolved before: where and how.</summary>
    public SeenBefore? SeenBefore { get; set; }
    /// <summary>Added: who reported it when not the compiler (<see cref="ErrorOrigin"/>); absent for the compiler's own.</summary>
    public string? Origin { get; set; }
    /// <summary>Added: the content hash of its file when it was last reported, to tell later that the file changed.</summary>
    public string? FileHash { get; set; }
    [JsonExtensionData] public Dictionary<string, JsonElement>? Extra { get; set; }
}

/// <summary>
/// Who reports an error outside the compiler's SARIF log. Each origin's entries are matched only
/// against what that origin reports again: a compile never resolves a restore error, a restore never
/// resolves a compiler error.
/// </summary>
public static class ErrorOrigin
{
    /// <summary>NuGet's restore, read from its own record of the last restore (obj/project.nuget.cache).</summary>
    public const string Restore = "restore";

    /// <summary>MSBuild, the SDK and tasks (MSB, NETSDK, evaluation errors), seen by the full-capture logger.</summary>
    public const string Build = "build";
}

public sealed class SeenBefore
{
    public string? SessionId { get; set; }
    public string? Resolution { get; set; }
    [JsonExtensionData] public Dictionary<string, JsonElement>? Extra { get; set; }
}

public sealed class ResolvedError
{
    public string File { get; set; } = "";
    public string Error { get; set; } = "";
    public string Resolution { get; set; } = "";
    public string Code { get; set; } = "";
    public string Fingerprint { get; set; } = "";
    public string? Project { get; set; }
    public int Line { get; set; }
    public int Attempts { get; set; }
    public string? SessionId { get; set; }
    public DateTime? ResolvedAt { get; set; }
    public List<string>? Aliases { get; set; }
    [JsonExtensionData] public Dictionary<string, JsonElement>? Extra { get; set; }
}

public sealed class OmittedCount
{
    /// <summary>Entries left out.</summary>
    public int Count { get; set; }
    /// <summary>The compiler's errors those entries stand for, per code (their occurrences).</summary>
    public SortedDictionary<string, int> ByCode { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>Counts as the compiler gives them: one per distinct file, line and code.</summary>
public static class ErrorCounts
{
    /// <summary>An entry's occurrences; a state written before the key existed counts its lines.</summary>
    public static int Of(ErrorEntry entry) => entry.Occurrences is > 0 and var n ? n : 1 + (entry.OtherLines?.Count ?? 0);

    /// <summary>Every unresolved error, the ones the size cap left out of the list included.</summary>
    public static int Unresolved(ErrorSection errors) =>
        errors.Unresolved.Sum(Of) + (errors.Omitted?.Values.Sum(Of) ?? 0);

    /// <summary>Entries left out stand for at least one error each (by_code counted entries before it counted occurrences).</summary>
    public static int Of(OmittedCount omitted) => Math.Max(omitted.Count, omitted.ByCode.Values.Sum());
}

/// <summary>Added: warnings kept compact. Counts are complete; entries are capped.</summary>
public sealed class WarningSection
{
    public int Total { get; set; }
    public SortedDictionary<string, int> ByCode { get; set; } = new(StringComparer.Ordinal);
    public List<ErrorEntry> Entries { get; set; } = [];
    public int Omitted { get; set; }
    /// <summary>Per project and target framework, the count of each code: the source of the totals.</summary>
    public SortedDictionary<string, SortedDictionary<string, SortedDictionary<string, int>>> Counts { get; set; } =
        new(StringComparer.Ordinal);
    [JsonExtensionData] public Dictionary<string, JsonElement>? Extra { get; set; }
}
