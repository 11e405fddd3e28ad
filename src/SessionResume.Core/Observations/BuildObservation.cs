

namespace SessionResume.Observations;

/// <summary>
/// What one compile of one project for one target framework reported. <see cref="Compiled"/> is
/// false when the compiler did not run again (the log is the last compile's): then the entries are
/// brought up to date, but no attempt is counted.
/// </summary>
public sealed record BuildObservation(
    string Project,
    string TargetFramework,
    IReadOnlyList<string> ProjectTargetFrameworks,
    bool Compiled,
    IReadOnlyList<BuildDiagnostic> Diagnostics,
    IReadOnlyList<string> TechStack)
{
    /// <summary>The build failed (MSBuild ran the capture on its error path), whether or not the compiler reported an error.</summary>
    public bool Failed { get; init; }
}

/// <summary>Reads the current text of source files, to describe how a problem was fixed.</summary>
public interface ISourceText
{
    /// <summary>The file's lines, or null when it does not exist.</summary>
    IReadOnlyList<string>? Lines(string sessionPath);

    /// <summary>The file's content hash now (<see cref="FileHash"/>), or null (sources that only give lines).</summary>
    string? Hash(string sessionPath) => null;
}

public sealed class FileSourceText(string sessionRoot) : ISourceText
{
    readonly Dictionary<string, IReadOnlyList<string>?> cache = new(StringComparer.Ordinal);
    readonly Dictionary<string, string?> hashes = new(StringComparer.Ordinal);

    public string? Hash(string sessionPath) =>
        hashes.TryGetValue(sessionPath, out var hash) ? hash : hashes[sessionPath] = FileHash.Of(sessionRoot, sessionPath);

    public IReadOnlyList<string>? Lines(string sessionPath)
    {
        if (cache.TryGetValue(sessionPath, out var lines)) return lines;
        var full = Path.Combine(sessionRoot, sessionPath);
        try
        {
            // Never read outside the root ({ext}/... paths) or anything huge.
            lines = sessionPath.StartsWith('{') || !File.Exists(full) || new FileInfo(full).Length > FileHash.MaxBytes
                ? null
                : File.ReadAllLines(full);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            lines = null;
        }
        return cache[sessionPath] = lines;
    }

    /// <summary>
    /// One line, with secrets redacted: every use of a source line (stored, or compared with a stored
    /// one) goes through here.
    /// </summary>
    public static string? Line(IReadOnlyList<string>? lines, int line) =>
        lines is not null && line >= 1 && line <= lines.Count ? Redaction.SecretRedactor.Redact(lines[line - 1]) : null;
}
