using System.Text.Json;
using SessionResume.Common;
using SessionResume.Fingerprints;

namespace SessionResume.Observations;

/// <summary>
/// What the last restore of one project reported, from NuGet's own record of it. NuGet writes
/// <c>project.nuget.cache</c> (next to <c>project.assets.json</c>) after every restore, the failed
/// ones too: <c>success</c> and the <c>logs</c> it printed. <see cref="Time"/> is when that restore
/// ran (the file's time): the same file read twice is the same restore, counted once.
/// </summary>
public sealed record RestoreObservation(
    string Project,
    bool Succeeded,
    IReadOnlyList<BuildDiagnostic> Errors,
    IReadOnlyList<string> TargetFrameworks,
    DateTime Time);

public static class RestoreLog
{

    /// <summary>
    /// The restore NuGet recorded; null when there is no record or it cannot be read (NuGet's file,
    /// not ours: nothing to warn about, the build output has NuGet's own messages).
    /// </summary>
    public static RestoreObservation? Read(string cacheFile, string sessionRoot, string projectFile)
    {
        try
        {
            if (!File.Exists(cacheFile)) return null;
            var time = Time.Truncate(File.GetLastWriteTimeUtc(cacheFile));
            using var stream = File.OpenRead(cacheFile);
            using var document = JsonDocument.Parse(stream);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("success", out var success)
                || success.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                return null;
            var project = SessionPaths.ToSessionPath(projectFile, sessionRoot);
            var errors = new List<BuildDiagnostic>();
            var frameworks = new SortedSet<string>(StringComparer.Ordinal);
            if (root.TryGetProperty("logs", out var logs) && logs.ValueKind == JsonValueKind.Array)
            {
                foreach (var log in logs.EnumerateArray())
                {
                    if (ToError(log, sessionRoot, projectFile) is not { } error) continue;
                    errors.Add(error);
                    if (log.TryGetProperty("targetGraphs", out var graphs) && graphs.ValueKind == JsonValueKind.Array)
                        foreach (var graph in graphs.EnumerateArray())
                            if (graph.ValueKind == JsonValueKind.String && FrameworkOf(graph.GetString()) is { Length: > 0 } f)
                                frameworks.Add(f);
                }
            }
            return new RestoreObservation(project, success.GetBoolean(), errors, frameworks.ToList(), time);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }

    static BuildDiagnostic? ToError(JsonElement log, string sessionRoot, string projectFile)
    {
        if (log.ValueKind != JsonValueKind.Object || String(log, "level") is not { } level
            || !level.Equals("Error", StringComparison.OrdinalIgnoreCase))
            return null;
        var code = String(log, "code") is { Length: > 0 } c ? c : "NU1000";
        var file = SessionPaths.ToSessionPath(String(log, "filePath") ?? String(log, "projectPath") ?? projectFile, sessionRoot);
        // Redacted before fingerprinting, as every message is (a feed URL may carry a token).
        var message = Redaction.SecretRedactor.Redact(String(log, "message") ?? "").Trim();
        var fingerprint = Fingerprint.ForDiagnostic(Fingerprint.BuildTool, code, file, message, sessionRoot);
        return new BuildDiagnostic(code, Severity.Error, file, Int(log, "startLineNumber"), Int(log, "startColumnNumber"), message,
            fingerprint);
    }

    /// <summary>"net10.0" stays; a graph with a runtime ("net10.0/linux-x64") is its framework.</summary>
    static string? FrameworkOf(string? graph) => graph?.Split('/')[0].Trim();

    static string? String(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    static int Int(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var i) && i > 0 ? i : 0;
}
