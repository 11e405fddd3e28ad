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
    /// <summary>Further lines of the same file where the same problem is reported.</summary>
    public List<int>? OtherLines { get; set; }
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
    [JsonExtensionData] public Dictionary<string, JsonElement>? Extra { get; set; }
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
    public int Count { get; set; }
    public SortedDictionary<string, int> ByCode { get; set; } = new(StringComparer.Ordinal);
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
