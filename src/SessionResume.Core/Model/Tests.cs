using System.Text.Json;
using System.Text.Json.Serialization;
using SessionResume.Common;

namespace SessionResume.Model;

/// <summary>A failing test, one entry per test (data rows apart) with the frameworks it fails on.</summary>
public sealed class TestFailure
{
    public string Name { get; set; } = "";
    public string DisplayName { get; set; } = "";
    /// <summary>The seed's failed_paths form: file:Class.Method (or the display name with its arguments).</summary>
    public string Path { get; set; } = "";
    public string? File { get; set; }
    public int Line { get; set; }
    public string Message { get; set; } = "";
    public int Attempts { get; set; }
    public string Fingerprint { get; set; } = "";
    public string? FailureFingerprint { get; set; }
    public string Project { get; set; } = "";
    public List<string> TargetFrameworks { get; set; } = [];
    /// <summary>failed, or crashed when the test host died while it ran.</summary>
    public string Outcome { get; set; } = "failed";
    public string Rerun { get; set; } = "";
    /// <summary>The runner that reported it (vstest, mtp, mtp-xunit): how the rerun command selects tests.</summary>
    public string? Runner { get; set; }
    public DateTime? FirstSeen { get; set; }
    public DateTime? LastSeen { get; set; }
    public string? FirstSeenSession { get; set; }
    /// <summary>Set by SessionMerge: the merged state files that reported it.</summary>
    public List<string>? SeenIn { get; set; }
    /// <summary>Added: the content hash of its file when it last failed, to tell later that the file changed.</summary>
    public string? FileHash { get; set; }
    [JsonExtensionData] public Dictionary<string, JsonElement>? Extra { get; set; }
}

public sealed class FixedTest
{
    public string Name { get; set; } = "";
    public string Path { get; set; } = "";
    public string Project { get; set; } = "";
    public int Attempts { get; set; }
    public DateTime? FixedAt { get; set; }
    [JsonExtensionData] public Dictionary<string, JsonElement>? Extra { get; set; }
}

/// <summary>The last run of one test project for one target framework.</summary>
public sealed class TestRunCounts
{
    public DateTime? Time { get; set; }
    public int Total { get; set; }
    public int Passed { get; set; }
    public int Failed { get; set; }
    public int Skipped { get; set; }
    /// <summary>True when the run was filtered (or stopped early): it did not see every test.</summary>
    public bool Partial { get; set; }
    /// <summary>Set when the test host crashed or the run was aborted: what vstest said.</summary>
    public string? Aborted { get; set; }
    [JsonExtensionData] public Dictionary<string, JsonElement>? Extra { get; set; }
}
