using System.Text.Json.Serialization;

namespace SessionResume.Observations;

/// <summary>The journal's wire format, written once: line kinds and keys, for the writer and the reader alike.</summary>
internal static class JournalWire
{
    // Line kinds.
    public const string Run = "run";
    public const string Start = "start";
    public const string Result = "result";
    public const string Exception = "exception";
    public const string Recorded = "recorded";
    public const string Exit = "exit";

    // Keys.
    public const string KindKey = "k";
    public const string TimeKey = "t";
    public const string UidKey = "id";
    public const string NameKey = "name";
    public const string TextKey = "text";
    public const string ResultKey = "result";
    public const string ProjectKey = "project";
    public const string TargetFrameworkKey = "tfm";
    public const string RerunStyleKey = "style";
    public const string FilteredKey = "filtered";
    public const string TimeoutKey = "timeout";
    public const string PidKey = "pid";
    public const string StartedKey = "started";
}

internal sealed record TestHostJournalContents(
    IReadOnlyList<TestResultRecord> Results,
    IReadOnlyList<string> Running,
    string? UnhandledException,
    bool Recorded,
    DateTime? LastWrite,
    bool Found)
{
    /// <summary>The "run" line a journal next to the state file starts with; null in the controller's journal.</summary>
    public JournalLine? Header { get; init; }
    /// <summary>The process exited normally without finishing its test session.</summary>
    public bool Exited { get; init; }
}

internal sealed class JournalLine
{
    [JsonPropertyName(JournalWire.KindKey)] public string Kind { get; set; } = "";
    /// <summary>When the line was written (UTC ticks).</summary>
    [JsonPropertyName(JournalWire.TimeKey)] public long Time { get; set; }
    [JsonPropertyName(JournalWire.UidKey)] public string? Uid { get; set; }
    [JsonPropertyName(JournalWire.NameKey)] public string? Name { get; set; }
    [JsonPropertyName(JournalWire.TextKey)] public string? Text { get; set; }
    [JsonPropertyName(JournalWire.ResultKey)] public TestResultRecord? Result { get; set; }
    // The "run" header of a journal next to the state file: what the run is and which process runs it.
    [JsonPropertyName(JournalWire.ProjectKey)] public string? Project { get; set; }
    [JsonPropertyName(JournalWire.TargetFrameworkKey)] public string? TargetFramework { get; set; }
    [JsonPropertyName(JournalWire.RerunStyleKey)] public RerunStyle? RerunStyle { get; set; }
    [JsonPropertyName(JournalWire.FilteredKey)] public bool? Filtered { get; set; }
    [JsonPropertyName(JournalWire.TimeoutKey)] public bool? Timeout { get; set; }
    [JsonPropertyName(JournalWire.PidKey)] public int? Pid { get; set; }
    /// <summary>The process's start time (UTC ticks): a pid can be reused by another process.</summary>
    [JsonPropertyName(JournalWire.StartedKey)] public long? Started { get; set; }
}

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(JournalLine))]
internal sealed partial class TestHostJournalJson : JsonSerializerContext;
