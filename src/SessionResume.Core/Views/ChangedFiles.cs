using SessionResume.Common;
using SessionResume.Model;
using SessionResume.Observations;

namespace SessionResume.Views;

/// <summary>
/// Entries whose file changed or went away since they were recorded: the error may be fixed, the
/// test may pass. Each entry keeps its file's content hash (<see cref="FileHash"/>); only the files of
/// the entries checked are read, at most <see cref="MaxChecked"/> of them, and no git is needed.
/// </summary>
internal static class ChangedFiles
{
    public const int MaxChecked = 20;
    public const string Changed = "file changed since: may be fixed";
    public const string Deleted = "file deleted since";

    public static IReadOnlyList<string> Lines(SessionState s, string? root)
    {
        if (root is null) return [];
        var now = new Dictionary<string, string?>(StringComparer.Ordinal);
        string? Why(string? file, string? recorded)
        {
            if (file is null || recorded is null) return null;
            if (!now.TryGetValue(file, out var hash))
                now[file] = hash = File.Exists(Path.Combine(root, file)) ? FileHash.Of(root, file) ?? "" : null;
            return hash is null ? Deleted : hash != recorded ? Changed : null;
        }
        var lines = new List<string>();
        foreach (var e in s.Errors.Unresolved.Where(e => e.FileHash is not null).Take(MaxChecked))
            if (Why(e.File, e.FileHash) is { } why) lines.Add($"⚠ {e.Code} in {Place.Of(e.File, e.Line)} ({why})");
        foreach (var f in s.Tests.Failures.Where(f => f.FileHash is not null).Take(MaxChecked))
            if (Why(f.File, f.FileHash) is { } why) lines.Add($"⚠ failing test {f.Name} in {Place.Of(f.File!, f.Line)} ({why})");
        return lines;
    }
}
