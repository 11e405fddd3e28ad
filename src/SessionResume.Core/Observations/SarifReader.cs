using System.Text.Json;
using SessionResume.Common;
using SessionResume.Fingerprints;

namespace SessionResume.Observations;

/// <summary>
/// Reads the SARIF log that Roslyn writes for ErrorLog (version 2.1, or 1.0 when a user asked for
/// the old format). Only errors and warnings that are not suppressed in source are kept.
/// </summary>
public static class SarifReader
{
    public static List<BuildDiagnostic> Read(string sarifPath, string sessionRoot, string fallbackFile)
    {
        using var stream = File.OpenRead(sarifPath);
        using var document = JsonDocument.Parse(stream, new JsonDocumentOptions { AllowTrailingCommas = true });
        var diagnostics = new List<BuildDiagnostic>();
        if (!document.RootElement.TryGetProperty("runs", out var runs) || runs.ValueKind != JsonValueKind.Array)
            throw new InvalidDataException("no 'runs' array: not a SARIF log");
        foreach (var run in runs.EnumerateArray())
        {
            if (!run.TryGetProperty("results", out var results) || results.ValueKind != JsonValueKind.Array) continue;
            foreach (var result in results.EnumerateArray())
            {
                var diagnostic = ToDiagnostic(result, sessionRoot, fallbackFile);
                if (diagnostic is not null) diagnostics.Add(diagnostic);
            }
        }
        return diagnostics;
    }

    static BuildDiagnostic? ToDiagnostic(JsonElement result, string sessionRoot, string fallbackFile)
    {
        var severity = String(result, "level") switch
        {
            "error" => Severity.Error,
            "warning" => Severity.Warning,
            _ => (Severity?)null,   // note, none: informational
        };
        if (severity is null || IsSuppressed(result)) return null;

        var code = String(result, "ruleId") ?? "unknown";
        var message = result.TryGetProperty("message", out var m)
            ? m.ValueKind == JsonValueKind.String ? m.GetString() : String(m, "text")
            : null;
        var (uri, line, column) = Location(result);
        var file = SessionPaths.ToSessionPath(uri ?? fallbackFile, sessionRoot);
        // Redacted before fingerprinting: a rotated secret in a message must not make a new problem.
        message = Redaction.SecretRedactor.Redact(message ?? "");
        var fingerprint = Fingerprint.ForDiagnostic(Fingerprint.BuildTool, code, file, message, sessionRoot);
        return new BuildDiagnostic(code, severity.Value, file, line, column, message.Trim(), fingerprint);
    }

    static bool IsSuppressed(JsonElement result) =>
        (result.TryGetProperty("suppressions", out var s) && s.ValueKind == JsonValueKind.Array && s.GetArrayLength() > 0)
        || (result.TryGetProperty("suppressionStates", out var v1) && v1.ValueKind == JsonValueKind.Array && v1.GetArrayLength() > 0);

    static (string? Uri, int Line, int Column) Location(JsonElement result)
    {
        if (!result.TryGetProperty("locations", out var locations) || locations.ValueKind != JsonValueKind.Array) return (null, 0, 0);
        foreach (var location in locations.EnumerateArray())
        {
            // 2.1: physicalLocation.artifactLocation.uri + region; 1.0: resultFile.uri + region.
            var physical = location.TryGetProperty("physicalLocation", out var p) ? p
                : location.TryGetProperty("resultFile", out var r) ? r : default;
            if (physical.ValueKind != JsonValueKind.Object) continue;
            var artifact = physical.TryGetProperty("artifactLocation", out var a) ? a : physical;
            var uri = String(artifact, "uri");
            int line = 0, column = 0;
            if (physical.TryGetProperty("region", out var region) && region.ValueKind == JsonValueKind.Object)
            {
                line = Int(region, "startLine");
                column = Int(region, "startColumn");
            }
            if (uri is not null) return (uri, line, column);
        }
        return (null, 0, 0);
    }

    static string? String(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String
            ? v.GetString()
            : null;

    static int Int(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var i) ? i : 0;
}
